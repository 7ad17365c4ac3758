import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AssetRegistry } from "./assets.js";
import { directoryFromLdap } from "./directory.js";
import { type AlertUpdate, createInsiderEngine, type EngineSnapshot, type UserDayResult } from "./engine.js";
import { type ActivityEvent, makeEvent } from "./event.js";
import { daysFromCivil, MS_PER_DAY, MS_PER_HOUR, weekdayOfDay } from "./time.js";

// The fixture is an engine snapshot of version 1 (before detectors were modules), written by the
// engine of that time over the first 45½ days of exactly these events. Restoring it must continue
// as if the run had never stopped.
const START = daysFromCivil(2010, 1, 4);
const USERS: Record<string, string> = { BOSS: "PC-0", ALICE: "PC-1", BOB: "PC-2", DAVE: "PC-4" };
const person = (id: string, extra: Record<string, string> = {}) => ({
  employee_name: `Name ${id}`,
  user_id: id,
  email: `${id.toLowerCase()}@corp.jp`,
  role: "Engineer",
  projects: "P1",
  business_unit: "1",
  functional_unit: "R&D",
  department: "Lab",
  team: "T",
  supervisor: "Name BOSS",
  ...extra,
});
const directory = () => {
  const rows = [
    person("BOSS", { role: "Manager", supervisor: "" }),
    person("ALICE"),
    person("BOB"),
    person("DAVE", { role: "Intern", projects: "P2" }),
  ];
  return directoryFromLdap([
    { month: "2010-01", rows },
    { month: "2010-02", rows },
    { month: "2010-03", rows },
  ]);
};
const assets = new AssetRegistry([
  {
    id: "A-SRV",
    name: "P1 server",
    kind: "server",
    pattern: "SRV-1",
    projects: ["P1"],
    allowedRoles: [],
    allowedDomains: [],
  },
  {
    id: "A-FS",
    name: "P1 share",
    kind: "path",
    pattern: "\\\\fs01\\p1\\",
    projects: ["P1"],
    allowedRoles: [],
    allowedDomains: [],
  },
]);

function events(): ActivityEvent[] {
  const out: ActivityEvent[] = [];
  let line = 0;
  const ev = (
    user: string,
    day: number,
    hour: number,
    f: Partial<ActivityEvent> & Pick<ActivityEvent, "kind" | "action">,
  ) =>
    out.push(
      makeEvent({
        t: (START + day) * MS_PER_DAY + Math.round(hour * MS_PER_HOUR),
        user,
        host: USERS[user]!,
        sourceFile: "v1.csv",
        sourceLine: ++line,
        sourceId: `{${line}}`,
        ...f,
      }),
    );
  for (let d = 0; d <= 60; d++) {
    const w = weekdayOfDay(START + d);
    if (w === 0 || w === 6) continue;
    for (const u of Object.keys(USERS)) {
      ev(u, d, 9, { kind: "logon", action: "logon" });
      ev(u, d, 9.5, {
        kind: "file",
        action: "open",
        object: u === "DAVE" ? "C:\\dave\\notes.docx" : "\\\\fs01\\p1\\design.docx",
      });
      ev(u, d, 10, {
        kind: "http",
        action: "visit",
        object: d % 7 === 1 && u === "BOB" ? "http://www.monster.com/jobs" : "http://www.nytimes.com/a",
      });
      ev(u, d, 11, {
        kind: "email",
        action: "send",
        recipients: ["bob@corp.jp"],
        sender: `${u.toLowerCase()}@corp.jp`,
        bytes: 2000,
      });
      ev(u, d, 17, { kind: "logon", action: "logoff" });
    }
    if (d === 36 || d === 50) {
      ev("ALICE", d, 22, { kind: "logon", action: "logon" });
      ev("ALICE", d, 22.1, { kind: "logon", action: "logon", host: "SRV-1" });
      for (let i = 0; i < 6; i++)
        ev("ALICE", d, 22.2 + i / 100, {
          kind: "file",
          action: "open",
          object: `\\\\fs01\\p1\\secret-${i}.docx`,
        });
      ev("ALICE", d, 22.4, { kind: "device", action: "connect" });
      for (let i = 0; i < 6; i++)
        ev("ALICE", d, 22.5 + i / 100, {
          kind: "file",
          action: "copy",
          toRemovable: true,
          object: `\\\\fs01\\p1\\secret-${i}.docx`,
        });
    }
    if (d === 44 || d === 46 || d === 49)
      ev("DAVE", d, 14, { kind: "file", action: "open", object: "\\\\fs01\\p1\\roadmap.pptx" });
    // After the split, several out-of-scope files a day (a single stray file is not case 4).
    if (d === 46 || d === 49)
      ev("DAVE", d, 14.2, { kind: "file", action: "open", object: "\\\\fs01\\p1\\budget.xlsx" });
    if (d === 45)
      ev("BOB", d, 15, {
        kind: "email",
        action: "send",
        recipients: ["bob.home@gmail.com"],
        sender: "bob@corp.jp",
        attachments: ["design.docx"],
        attachmentCount: 1,
        bytes: 80000,
      });
  }
  return out.sort((a, b) => a.t - b.t);
}

function run(list: ActivityEvent[], snapshot?: EngineSnapshot) {
  const days: UserDayResult[] = [];
  const alerts: AlertUpdate[] = [];
  const engine = createInsiderEngine({
    options: { internalDomains: ["corp.jp"] },
    directory: directory(),
    assets,
    sink: { userDay: (d) => days.push(d), alert: (a) => alerts.push(a) },
    ...(snapshot ? { snapshot } : {}),
  });
  engine.pushBatch(list);
  engine.finish();
  return { engine, days, alerts };
}

describe("engine snapshots of version 1", () => {
  it("restore into the detector-module engine and continue exactly as an uninterrupted run", () => {
    const legacy = JSON.parse(
      readFileSync(new URL("./fixtures/engine-snapshot-v1.json", import.meta.url), "utf8"),
    ) as EngineSnapshot;
    expect(legacy.version).toBe(1);
    const all = events();
    const split = (START + 45) * MS_PER_DAY + 12 * MS_PER_HOUR;
    const whole = run(all);
    const resumed = run(
      all.filter((e) => e.t >= split),
      legacy,
    );
    const key = (d: UserDayResult) =>
      `${d.user}:${d.day}:${d.score}:${d.indicators.map((i) => i.id).join("+")}:${d.alertKey}`;
    const after = whole.days.filter((d) => d.day >= START + 45);
    expect(after.length).toBeGreaterThan(40);
    expect(resumed.days.map(key)).toEqual(after.map(key));
    // The alerts of the rest of the run: ALICE's second case-1 day extends her open alert (restored),
    // DAVE's third out-of-scope day completes case 4 (history restored by indicator id).
    const alertKey = (a: AlertUpdate) => `${a.key}:${a.isNew}:${a.score}:${a.cases.join(",")}`;
    expect(resumed.alerts.map(alertKey)).toEqual(
      whole.alerts.filter((a) => a.day >= START + 45).map(alertKey),
    );
    expect(resumed.alerts.some((a) => a.user === "DAVE" && a.cases.includes(4))).toBe(true);
    expect(resumed.engine.snapshot().version).toBe(2);
  });
});
