/**
 * A small organisation for the detectors' table tests: five people in one lab (a manager, three
 * engineers, an intern on another project), their PCs, a confidential server and shares, and
 * ordinary working days. Tests add the behaviour they are about and read the fired indicators of
 * one user-day. Not used by production code.
 */
import { AssetRegistry } from "../assets.js";
import { type Directory, directoryFromLdap, mergeHrRows } from "../directory.js";
import { type AlertUpdate, createInsiderEngine, type EngineOptions, type UserDayResult } from "../engine.js";
import { type ActivityEvent, makeEvent } from "../event.js";
import { daysFromCivil, MS_PER_DAY, MS_PER_HOUR, weekdayOfDay } from "../time.js";

/** Day 0 of the test organisation: a Monday. */
export const START = daysFromCivil(2010, 1, 4);

export const PCS: Record<string, string> = {
  BOSS: "PC-0",
  ALICE: "PC-1",
  BOB: "PC-2",
  CAROL: "PC-3",
  DAVE: "PC-4",
};

export const TEST_ASSETS = new AssetRegistry([
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

/** The directory (three monthly snapshots), with optional HR rows merged on top. */
export function testDirectory(hr: Record<string, string>[] = []): Directory {
  const rows = [
    person("BOSS", { role: "Manager", supervisor: "" }),
    person("ALICE"),
    person("BOB"),
    person("CAROL"),
    person("DAVE", { role: "Intern", projects: "P2" }),
  ];
  const dir = directoryFromLdap([
    { month: "2010-01", rows },
    { month: "2010-02", rows },
    { month: "2010-03", rows },
  ]);
  if (hr.length > 0)
    mergeHrRows(
      dir,
      hr.map((values, i) => ({ line: i + 2, values })),
    );
  return dir;
}

let line = 0;

/** One event of `user` on day `day` (from START) at `hour`, on their own PC unless `host` is given. */
export function ev(
  user: string,
  day: number,
  hour: number,
  fields: Partial<ActivityEvent> & Pick<ActivityEvent, "kind" | "action">,
): ActivityEvent {
  const t = (START + day) * MS_PER_DAY + Math.round(hour * MS_PER_HOUR);
  return makeEvent({
    t,
    user,
    host: PCS[user] ?? "PC-X",
    sourceFile: "test.csv",
    sourceLine: ++line,
    sourceId: `{${line}}`,
    ...fields,
  });
}

export const isWeekday = (day: number) => {
  const w = weekdayOfDay(START + day);
  return w !== 0 && w !== 6;
};

/** Ordinary working days for everyone: logon at 9, files, web, internal mail, logoff at 17. */
export function normalDays(
  from: number,
  to: number,
  who: readonly string[] = Object.keys(PCS),
): ActivityEvent[] {
  const out: ActivityEvent[] = [];
  for (let d = from; d <= to; d++) {
    if (!isWeekday(d)) continue;
    for (const u of who) {
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

export type TestRun = {
  days: UserDayResult[];
  alerts: AlertUpdate[];
  /** Ids of the indicators that fired on a user-day (day counted from START). */
  fired(user: string, day: number): string[];
  dayOf(user: string, day: number): UserDayResult | undefined;
};

/** Runs events (any order) through a fresh engine over the test organisation and closes every day. */
export function runEngine(
  events: ActivityEvent[],
  options: Partial<EngineOptions> = {},
  directory: Directory = testDirectory(),
): TestRun {
  const days: UserDayResult[] = [];
  const alerts: AlertUpdate[] = [];
  const engine = createInsiderEngine({
    options: { internalDomains: ["corp.jp"], ...options },
    directory,
    assets: TEST_ASSETS,
    sink: {
      userDay: (r) => days.push({ ...r, features: Float64Array.from(r.features) }),
      alert: (a) => alerts.push(a),
    },
  });
  engine.pushBatch([...events].sort((a, b) => a.t - b.t));
  engine.finish();
  const dayOf = (user: string, day: number) => days.find((d) => d.user === user && d.day === START + day);
  return {
    days,
    alerts,
    dayOf,
    fired: (user, day) => dayOf(user, day)?.indicators.map((i) => i.id) ?? [],
  };
}
