import { describe, expect, it } from "vitest";
import { AssetRegistry } from "./assets.js";
import { type Directory, directoryFromLdap } from "./directory.js";
import {
  type AlertUpdate,
  createInsiderEngine,
  type EngineOptions,
  type EngineSnapshot,
  type UserDayResult,
} from "./engine.js";
import { type ActivityEvent, makeEvent } from "./event.js";
import { certDate, dayOf, daysFromCivil, MS_PER_DAY, MS_PER_HOUR, weekdayOfDay } from "./time.js";

const START = daysFromCivil(2010, 1, 4); // a Monday
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
    allowedDomains: ["partner.com"],
  },
  {
    id: "A-FS2",
    name: "P2 share",
    kind: "path",
    pattern: "\\\\fs01\\p2\\",
    projects: ["P2"],
    allowedRoles: [],
    allowedDomains: [],
  },
]);
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
function directory(): Directory {
  const rows = [
    person("BOSS", { role: "Manager", supervisor: "" }),
    person("ALICE"),
    person("BOB"),
    person("CAROL"),
    person("DAVE", { role: "Intern", projects: "P2" }),
  ];
  return directoryFromLdap([
    { month: "2010-01", rows },
    { month: "2010-02", rows },
    { month: "2010-03", rows },
  ]);
}
const PCS: Record<string, string> = { BOSS: "PC-0", ALICE: "PC-1", BOB: "PC-2", CAROL: "PC-3", DAVE: "PC-4" };

let line = 0;
function ev(
  user: string,
  day: number,
  hour: number,
  fields: Partial<ActivityEvent> & Pick<ActivityEvent, "kind" | "action">,
): ActivityEvent {
  const t = (START + day) * MS_PER_DAY + Math.round(hour * MS_PER_HOUR);
  return makeEvent({
    t,
    user,
    host: PCS[user]!,
    sourceFile: "test.csv",
    sourceLine: ++line,
    sourceId: `{${line}}`,
    ...fields,
  });
}

/** Ordinary working days for everyone: logon at 9, files, web, mail, logoff at 17. */
function normalDays(from: number, to: number): ActivityEvent[] {
  const out: ActivityEvent[] = [];
  for (let d = from; d <= to; d++) {
    const w = weekdayOfDay(START + d);
    if (w === 0 || w === 6) continue;
    for (const u of Object.keys(PCS)) {
      out.push(ev(u, d, 9, { kind: "logon", action: "logon" }));
      out.push(
        ev(u, d, 9.5, {
          kind: "file",
          action: "open",
          object: u === "DAVE" ? "\\\\fs01\\p2\\notes.docx" : "\\\\fs01\\p1\\design.docx",
        }),
      );
      out.push(ev(u, d, 10, { kind: "http", action: "visit", object: "http://www.nytimes.com/a" }));
      out.push(
        ev(u, d, 11, {
          kind: "email",
          action: "send",
          recipients: ["bob@corp.jp"],
          sender: `${u.toLowerCase()}@corp.jp`,
          bytes: 2000,
        }),
      );
      out.push(ev(u, d, 17, { kind: "logon", action: "logoff" }));
    }
  }
  return out;
}

function run(events: ActivityEvent[], options: Partial<EngineOptions> = {}, snapshot?: EngineSnapshot) {
  const days: UserDayResult[] = [];
  const alerts: AlertUpdate[] = [];
  const engine = createInsiderEngine({
    options: { internalDomains: ["corp.jp"], ...options },
    directory: directory(),
    assets,
    sink: {
      userDay: (r) => days.push({ ...r, features: Float64Array.from(r.features) }),
      alert: (a) => alerts.push(a),
    },
    ...(snapshot ? { snapshot } : {}),
  });
  engine.pushBatch([...events].sort((a, b) => a.t - b.t));
  return { engine, days, alerts };
}

/** Case 1 on day 36: after-hours logons to the confidential server, files copied to USB. */
function offHoursExfil(day: number): ActivityEvent[] {
  const out = [
    ev("ALICE", day, 22, { kind: "logon", action: "logon" }),
    ev("ALICE", day, 22.1, { kind: "logon", action: "logon", host: "SRV-1" }),
  ];
  for (let i = 0; i < 6; i++)
    out.push(
      ev("ALICE", day, 22.2 + i / 100, {
        kind: "file",
        action: "open",
        object: `\\\\fs01\\p1\\secret-${i}.docx`,
      }),
    );
  out.push(ev("ALICE", day, 22.4, { kind: "device", action: "connect" }));
  for (let i = 0; i < 6; i++)
    out.push(
      ev("ALICE", day, 22.5 + i / 100, {
        kind: "file",
        action: "copy",
        toRemovable: true,
        object: `\\\\fs01\\p1\\secret-${i}.docx`,
      }),
    );
  return out;
}

describe("insider engine", () => {
  it("stays quiet on ordinary days", () => {
    const { days, alerts } = run(normalDays(0, 40));
    expect(alerts).toEqual([]);
    expect(days.length).toBeGreaterThan(100);
    expect(Math.max(...days.map((d) => d.score))).toBeLessThan(10);
  });

  it("alerts on off-hours confidential access carried out on USB, with an explained score and evidence", () => {
    const { alerts, days } = run([...normalDays(0, 40), ...offHoursExfil(36)]);
    expect(alerts).toHaveLength(1);
    const a = alerts[0]!;
    expect(a).toMatchObject({ user: "ALICE", isNew: true, firstDay: START + 36, key: `ALICE:${START + 36}` });
    const ids = a.indicators.map((i) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "I-AFTER-HOURS-LOGON",
        "I-CONF-AFTER-HOURS",
        "I-USB-FIRST-USE",
        "I-USB-CONFIDENTIAL",
        "I-CASE1-OFFHOURS-EXFIL",
      ]),
    );
    expect(a.cases).toEqual([1]);
    // Additive and explainable: the score is the indicator weights plus the anomaly part.
    const sum = a.indicators.reduce((s, i) => s + i.weight, 0) + a.anomaly;
    expect(a.score).toBeCloseTo(sum, 5);
    expect(a.severity).toBe(a.score >= 90 ? "critical" : "high");
    // Evidence: the raw rows, oldest first, each with its source line.
    const copies = a.evidence.filter((e) => e.kind === "file" && e.action === "copy");
    expect(copies).toHaveLength(6);
    expect(copies.every((e) => e.sourceFile === "test.csv" && e.sourceLine > 0 && e.assetId === "A-FS")).toBe(
      true,
    );
    expect(a.evidence.map((e) => e.t)).toEqual([...a.evidence.map((e) => e.t)].sort((x, y) => x - y));
    const day = days.find((d) => d.user === "ALICE" && d.day === START + 36)!;
    expect(day.alertKey).toBe(a.key);
    expect(day.baseline).toHaveLength(8);
  });

  it("merges alert days of the same user and starts a new alert after the merge window or triage", () => {
    const events = [...normalDays(0, 80), ...offHoursExfil(36), ...offHoursExfil(37)];
    const { alerts } = run(events);
    expect(alerts.map((a) => [a.key, a.isNew])).toEqual([
      [`ALICE:${START + 36}`, true],
      [`ALICE:${START + 37 - 1}`, false],
    ]);
    expect(alerts[1]!.indicators.find((i) => i.id === "I-USB-CONFIDENTIAL")!.count).toBe(2);
    const later = run([...normalDays(0, 80), ...offHoursExfil(36), ...offHoursExfil(72)], {
      mergeWindowDays: 30,
    });
    expect(later.alerts.map((a) => a.isNew)).toEqual([true, true]);
  });

  it("lets triage outcomes change the weights", () => {
    const events = [...normalDays(0, 40), ...offHoursExfil(36)];
    const base = run(events).alerts[0]!;
    const damped = run(events, {
      feedback: {
        userIndicators: { ALICE: { "I-USB-CONFIDENTIAL": 0.5 } },
        indicators: { "I-CASE1-OFFHOURS-EXFIL": 1.5 },
      },
    }).alerts[0]!;
    const w = (a: AlertUpdate, id: string) => a.indicators.find((i) => i.id === id)!.weight;
    expect(w(damped, "I-USB-CONFIDENTIAL")).toBe(w(base, "I-USB-CONFIDENTIAL") / 2);
    expect(w(damped, "I-CASE1-OFFHOURS-EXFIL")).toBe(w(base, "I-CASE1-OFFHOURS-EXFIL") * 1.5);
  });

  it("forgets a triaged alert so the next suspicious day opens a new one", () => {
    const events = [...normalDays(0, 50), ...offHoursExfil(36), ...offHoursExfil(44)].sort(
      (a, b) => a.t - b.t,
    );
    const alerts: AlertUpdate[] = [];
    const engine = createInsiderEngine({
      options: { internalDomains: ["corp.jp"] },
      directory: directory(),
      assets,
      sink: { alert: (a) => alerts.push(a) },
    });
    const split = (START + 40) * MS_PER_DAY;
    engine.pushBatch(events.filter((e) => e.t < split));
    engine.closeAlert(alerts[0]!.key);
    engine.pushBatch(events.filter((e) => e.t >= split));
    expect(alerts.map((a) => a.isNew)).toEqual([true, true]);
  });

  it("detects logons to a colleague's machine with files mailed to a personal address (case 5)", () => {
    const d = 38;
    const attack = [
      ev("BOB", d, 12.2, { kind: "logon", action: "logon", host: "PC-3" }),
      ev("BOB", d, 12.3, {
        kind: "file",
        action: "open",
        host: "PC-3",
        object: "C:\\Users\\CAROL\\plan.docx",
      }),
      ev("BOB", d, 12.4, {
        kind: "email",
        action: "send",
        host: "PC-3",
        recipients: ["bob.home@gmail.com"],
        sender: "bob@corp.jp",
        attachments: ["plan.docx"],
        attachmentCount: 1,
        bytes: 90_000,
      }),
    ];
    const { alerts } = run([...normalDays(0, 40), ...attack]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.user).toBe("BOB");
    expect(alerts[0]!.indicators.map((i) => i.id)).toEqual(
      expect.arrayContaining([
        "I-OTHER-PC-LOGON",
        "I-OTHER-PC-FILES",
        "I-OTHER-PC-MAIL-OUT",
        "I-EMAIL-PERSONAL",
        "I-CASE5-OTHER-PC-MAIL",
      ]),
    );
    expect(alerts[0]!.evidence.find((e) => e.kind === "email")!.hostContext).toBe("other");
  });

  it("flags confidential files mailed outside unless the domain is approved for the asset", () => {
    const d = 38;
    const send = (to: string) => [
      ev("ALICE", d, 13, { kind: "file", action: "open", object: "\\\\fs01\\p1\\results.xlsx" }),
      ev("ALICE", d, 14, {
        kind: "email",
        action: "send",
        recipients: [to],
        sender: "alice@corp.jp",
        attachments: ["results.xlsx"],
        attachmentCount: 1,
        bytes: 50_000,
      }),
    ];
    const out = run([...normalDays(0, 40), ...send("x@rival.com")]);
    const day = out.days.find((x) => x.user === "ALICE" && x.day === START + d)!;
    expect(day.indicators.map((i) => i.id)).toContain("I-EMAIL-CONFIDENTIAL");
    const ok = run([...normalDays(0, 40), ...send("x@partner.com")]);
    const okDay = ok.days.find((x) => x.user === "ALICE" && x.day === START + d)!;
    expect(okDay.indicators.map((i) => i.id)).not.toContain("I-EMAIL-CONFIDENTIAL");
  });

  it("flags repeated out-of-scope access by an intern (case 4)", () => {
    const access = [20, 22, 25].flatMap((d) => [
      ev("DAVE", d, 14, { kind: "file", action: "open", object: "\\\\fs01\\p1\\roadmap.pptx" }),
      ev("DAVE", d, 14.2, { kind: "file", action: "open", object: "\\\\fs01\\p1\\budget.xlsx" }),
    ]);
    const { days, alerts } = run([...normalDays(0, 30), ...access]);
    const firedOn = (d: number) =>
      days.find((x) => x.user === "DAVE" && x.day === START + d)!.indicators.map((i) => i.id);
    expect(firedOn(20)).toContain("I-OUT-OF-SCOPE");
    expect(firedOn(20)).not.toContain("I-CASE4-SCOPE-CREEP");
    expect(firedOn(22)).toContain("I-CASE4-SCOPE-CREEP");
    expect(alerts.map((a) => a.user)).toContain("DAVE");
  });

  it("tolerates small disorder, reports late events with file and line, counts unknown users and missing disconnects", () => {
    const events = normalDays(0, 10).sort((a, b) => a.t - b.t);
    const last = events[events.length - 1]!;
    const slightlyEarly = ev("ALICE", dayOf(last.t) - START, 16.5, {
      kind: "http",
      action: "visit",
      object: "http://a.com",
    });
    const tooLate = ev("ALICE", dayOf(last.t) - START - 3, 10, {
      kind: "http",
      action: "visit",
      object: "http://a.com",
    });
    const stranger = ev("SVC9", dayOf(last.t) - START, 17.5, {
      kind: "logon",
      action: "logon",
      host: "SRV-1",
    });
    const dev1 = ev("BOB", dayOf(last.t) - START, 17.6, { kind: "device", action: "connect" });
    const dev2 = ev("BOB", dayOf(last.t) - START, 17.7, { kind: "device", action: "connect" });
    const engine = createInsiderEngine({
      options: { internalDomains: ["corp.jp"] },
      directory: directory(),
      assets,
      sink: {},
    });
    engine.pushBatch(events);
    engine.push(slightlyEarly);
    engine.push(tooLate);
    engine.pushBatch([stranger, dev1, dev2]);
    engine.finish();
    expect(engine.stats.reordered).toBe(1);
    expect(engine.stats.late).toBe(1);
    expect(engine.stats.lateSamples[0]).toMatchObject({ file: "test.csv", line: tooLate.sourceLine });
    expect(engine.stats.unknownUsers).toBe(1);
    expect(engine.stats.missingDisconnects).toBe(1);
  });

  it("keeps evidence bounded however many events a day has", () => {
    const flood: ActivityEvent[] = [ev("ALICE", 36, 22, { kind: "device", action: "connect" })];
    for (let i = 0; i < 20_000; i++)
      flood.push(
        ev("ALICE", 36, 22 + i / 20_000, {
          kind: "file",
          action: "copy",
          toRemovable: true,
          object: `\\\\fs01\\p1\\f${i}.docx`,
        }),
      );
    const { alerts } = run([...normalDays(0, 40), ...flood]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.evidence.length).toBeLessThanOrEqual(200);
  });

  it("continues from a snapshot exactly as an uninterrupted run", () => {
    // DAVE's out-of-scope accesses straddle the split, so the case-4 detector needs restored history.
    const scope = [43, 47].flatMap((d) => [
      ev("DAVE", d, 14, { kind: "file", action: "open", object: "\\\\fs01\\p1\\roadmap.pptx" }),
      ev("DAVE", d, 14.2, { kind: "file", action: "open", object: "\\\\fs01\\p1\\budget.xlsx" }),
    ]);
    const events = [...normalDays(0, 60), ...offHoursExfil(36), ...offHoursExfil(55), ...scope].sort(
      (a, b) => a.t - b.t,
    );
    const whole = run(events);
    expect(
      whole.days.find((d) => d.user === "DAVE" && d.day === START + 47)!.indicators.map((i) => i.id),
    ).toContain("I-CASE4-SCOPE-CREEP");
    whole.engine.finish();
    const split = (START + 45) * MS_PER_DAY + 12 * MS_PER_HOUR;
    const first = run(events.filter((e) => e.t < split));
    const snap = JSON.parse(JSON.stringify(first.engine.snapshot())) as EngineSnapshot;
    const second = run(
      events.filter((e) => e.t >= split),
      {},
      snap,
    );
    second.engine.finish();
    const strip = (d: UserDayResult) =>
      `${d.user}:${d.day}:${d.score}:${d.indicators.map((i) => i.id).join("+")}:${d.alertKey}`;
    expect([...first.days, ...second.days].map(strip)).toEqual(whole.days.map(strip));
    expect([...first.alerts, ...second.alerts].map((a) => [a.key, a.score])).toEqual(
      whole.alerts.map((a) => [a.key, a.score]),
    );
  });

  it("uses psychometric data only when enabled", () => {
    const dir = directory();
    dir.people.get("ALICE")!.psychometric = { O: 20, C: 10, E: 20, A: 10, N: 48 };
    const events = [...normalDays(0, 40), ...offHoursExfil(36)].sort((a, b) => a.t - b.t);
    const ids = (enabled: boolean) => {
      const alerts: AlertUpdate[] = [];
      const e = createInsiderEngine({
        options: { internalDomains: ["corp.jp"], psychometric: { enabled } },
        directory: dir,
        assets,
        sink: { alert: (a) => alerts.push(a) },
      });
      e.pushBatch(events);
      return alerts[0]!.indicators.map((i) => i.id);
    };
    expect(ids(false)).not.toContain("I-PSYCHOMETRIC");
    expect(ids(true)).toContain("I-PSYCHOMETRIC");
  });

  it("writes CERT dates the adapters read back", () => {
    expect(certDate((START + 1) * MS_PER_DAY + 5 * MS_PER_HOUR)).toBe("01/05/2010 05:00:00");
  });
});
