/**
 * Who is who: the directory and HR facts the detectors need to put behaviour in context — role,
 * department, projects and supervisor (for peer groups, "supervisor's machine" and project scope),
 * start and end dates, and watchlists (departing, new hire, contractor, intern, privileged).
 *
 * Built from CERT LDAP monthly snapshots (a user missing from a month has left) and/or a generic
 * HR file. Attributes can change month to month, so the directory answers "as of day D".
 * Nationality, ethnicity and similar attributes are never read: HR columns with those names are
 * dropped and reported, by design.
 */
import { daysFromCivil, isoToDay } from "./time.js";

/**
 * Watchlists: `departing` (leaving: HR notice, directory sync), `new_hire`, `contractor`, `intern`,
 * `privileged`, and `remote_identity` (an account whose identity is in doubt, e.g. a high-risk
 * contractor put on it by a hiring review: its remote-access anomalies weigh more).
 */
export type Watchlist = "departing" | "new_hire" | "contractor" | "intern" | "privileged" | "remote_identity";
export const WATCHLISTS: readonly Watchlist[] = [
  "departing",
  "new_hire",
  "contractor",
  "intern",
  "privileged",
  "remote_identity",
];

/**
 * A watchlist membership that holds between two days (inclusive; null = open-ended), with where it
 * came from (`hr`, `ldap`, a watchlist entry's source such as `directory-sync` or `hiring-review`)
 * and why, when known.
 */
export type WatchSpan = {
  list: Watchlist;
  fromDay: number | null;
  toDay: number | null;
  source?: string;
  reason?: string;
};

export type PersonAttributes = {
  name: string;
  email: string;
  role: string;
  projects: readonly string[];
  businessUnit: string;
  functionalUnit: string;
  department: string;
  team: string;
  supervisorId: string | null;
};

export type Psychometric = { O: number; C: number; E: number; A: number; N: number };

export type Person = {
  userId: string;
  /** Attribute versions, oldest first; each holds from `fromDay` until the next version. */
  versions: { fromDay: number; attrs: PersonAttributes }[];
  startDay: number | null;
  endDay: number | null;
  /**
   * The day the organisation learned of the departure: the notice date, the first monthly snapshot
   * without the person, or the end date itself. Detectors may use the end date only from this day
   * (before it, a departure is only suggested by behaviour), and look back from it.
   */
  endKnownDay?: number | null;
  watch: WatchSpan[];
  /** Machines assigned to the person (HR/asset inventory), if known. */
  hosts: readonly string[];
  psychometric: Psychometric | null;
};

/** Attribute names that must never be used for risk scoring; dropped from HR input with a warning. */
export const FORBIDDEN_ATTRIBUTES = [
  "nationality",
  "citizenship",
  "ethnicity",
  "ethnic_origin",
  "race",
  "religion",
  "country_of_birth",
  "birth_country",
  "place_of_birth",
  "native_language",
];

/** How long someone counts as a new hire after their start date. */
export const NEW_HIRE_DAYS = 90;

const EMPTY_ATTRS: PersonAttributes = {
  name: "",
  email: "",
  role: "",
  projects: [],
  businessUnit: "",
  functionalUnit: "",
  department: "",
  team: "",
  supervisorId: null,
};

/** The directory as the engine reads it. */
export class Directory {
  readonly people = new Map<string, Person>();
  readonly byEmail = new Map<string, string>();

  /** The person's attributes on a day (the first known version before their first snapshot). */
  attributesAt(userId: string, day: number): PersonAttributes {
    const p = this.people.get(userId);
    if (!p || p.versions.length === 0) return EMPTY_ATTRS;
    let current = p.versions[0]!.attrs;
    for (const v of p.versions) {
      if (v.fromDay <= day) current = v.attrs;
      else break;
    }
    return current;
  }

  /** Watchlists that apply to the person on a day. */
  watchlistsAt(userId: string, day: number): Watchlist[] {
    const p = this.people.get(userId);
    if (!p) return [];
    const out: Watchlist[] = [];
    for (const w of p.watch) {
      if ((w.fromDay === null || w.fromDay <= day) && (w.toDay === null || day <= w.toDay)) {
        if (!out.includes(w.list)) out.push(w.list);
      }
    }
    return out;
  }

  /** The user id behind an internal e-mail address, if known. */
  userByEmail(email: string): string | undefined {
    return this.byEmail.get(email.toLowerCase());
  }

  /**
   * Adds a watchlist span to a person (e.g. from the watchlist service: a directory sync's notice of
   * departure, a hiring review's high-risk contractor). Accounts not in the directory get a minimal
   * record so the span still applies to their activity. A `departing` span with an end (`toDay`)
   * also tells the detectors the end date from the span's start.
   */
  addWatch(userId: string, span: WatchSpan): void {
    let p = this.people.get(userId);
    if (!p) {
      p = { userId, versions: [], startDay: null, endDay: null, watch: [], hosts: [], psychometric: null };
      this.people.set(userId, p);
    }
    p.watch.push(span);
    if (span.list === "departing" && span.toDay !== null) {
      if (p.endDay === null) p.endDay = span.toDay;
      const known = span.fromDay ?? span.toDay;
      p.endKnownDay = Math.min(known, p.endKnownDay ?? known);
    }
  }

  /** Adds or replaces a person and indexes their addresses. */
  put(person: Person): void {
    this.people.set(person.userId, person);
    for (const v of person.versions)
      if (v.attrs.email) this.byEmail.set(v.attrs.email.toLowerCase(), person.userId);
  }

  get size(): number {
    return this.people.size;
  }
}

const PRIVILEGED_ROLE = /admin|administrator|管理者|sysop|root/i;
const CONTRACTOR_ROLE = /contractor|契約|派遣|vendor/i;
const INTERN_ROLE = /intern|student|trainee|インターン|学生|研修/i;

/** Watchlists implied by a role name (e.g. CERT `ITAdmin` → privileged). */
export function watchlistsForRole(role: string): Watchlist[] {
  const out: Watchlist[] = [];
  if (PRIVILEGED_ROLE.test(role)) out.push("privileged");
  if (CONTRACTOR_ROLE.test(role)) out.push("contractor");
  if (INTERN_ROLE.test(role)) out.push("intern");
  return out;
}

/** First day of a `YYYY-MM` month; NaN when the name is not a month. */
export function monthStartDay(month: string): number {
  const m = /^(\d{4})-(\d{1,2})$/.exec(month);
  if (!m) return Number.NaN;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return Number.NaN;
  return daysFromCivil(Number(m[1]), mo, 1);
}

function splitProjects(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/[;|]/)
    .map((p) => p.trim())
    .filter((p) => p !== "" && p.toLowerCase() !== "none");
}

function sameAttrs(a: PersonAttributes, b: PersonAttributes): boolean {
  return (
    a.name === b.name &&
    a.email === b.email &&
    a.role === b.role &&
    a.businessUnit === b.businessUnit &&
    a.functionalUnit === b.functionalUnit &&
    a.department === b.department &&
    a.team === b.team &&
    a.supervisorId === b.supervisorId &&
    a.projects.length === b.projects.length &&
    a.projects.every((p, i) => p === b.projects[i])
  );
}

export type LdapSnapshot = { month: string; rows: Record<string, string>[] };

/**
 * Builds the directory from CERT LDAP monthly snapshots. A user who appears after the first month
 * is a new hire from that month; one missing from a month has left before it starts (end day = the
 * last day of the last month they appear in). Supervisors are given by name in CERT and resolved
 * to ids within the same snapshot.
 */
export function directoryFromLdap(snapshots: LdapSnapshot[], directory = new Directory()): Directory {
  const sorted = [...snapshots].sort((a, b) => monthStartDay(a.month) - monthStartDay(b.month));
  const present = new Set<string>();
  const firstMonth = sorted.length > 0 ? monthStartDay(sorted[0]!.month) : Number.NaN;
  for (const snap of sorted) {
    const start = monthStartDay(snap.month);
    const nameToId = new Map<string, string>();
    for (const row of snap.rows) {
      const id = row.user_id?.trim();
      if (id && row.employee_name) nameToId.set(row.employee_name.trim(), id);
    }
    const seen = new Set<string>();
    for (const row of snap.rows) {
      const userId = row.user_id?.trim();
      if (!userId) continue;
      seen.add(userId);
      const supervisorName = row.supervisor?.trim() ?? "";
      const attrs: PersonAttributes = {
        name: row.employee_name?.trim() ?? "",
        email: row.email?.trim().toLowerCase() ?? "",
        role: row.role?.trim() ?? "",
        projects: splitProjects(row.projects),
        businessUnit: row.business_unit?.trim() ?? "",
        functionalUnit: row.functional_unit?.trim() ?? "",
        department: row.department?.trim() ?? "",
        team: row.team?.trim() ?? "",
        supervisorId: supervisorName ? (nameToId.get(supervisorName) ?? null) : null,
      };
      let person = directory.people.get(userId);
      if (!person) {
        const isNew = start > firstMonth;
        person = {
          userId,
          versions: [],
          startDay: isNew ? start : null,
          endDay: null,
          watch: [],
          hosts: [],
          psychometric: null,
        };
        if (isNew) person.watch.push({ list: "new_hire", fromDay: start, toDay: start + NEW_HIRE_DAYS });
        directory.people.set(userId, person);
      }
      const last = person.versions[person.versions.length - 1];
      if (!last || !sameAttrs(last.attrs, attrs)) {
        person.versions.push({ fromDay: start, attrs });
        for (const list of watchlistsForRole(attrs.role)) {
          if (!person.watch.some((w) => w.list === list && w.toDay === null))
            person.watch.push({ list, fromDay: null, toDay: null });
        }
      }
      if (attrs.email) directory.byEmail.set(attrs.email, userId);
      if (person.endDay !== null && present.has(userId) === false) {
        person.endDay = null; // rehired
        person.endKnownDay = null;
      }
    }
    for (const userId of present) {
      if (!seen.has(userId)) {
        const person = directory.people.get(userId)!;
        if (person.endDay === null) {
          // Only the snapshot of this month shows the departure: known from its first day.
          person.endDay = start - 1;
          person.endKnownDay = start;
        }
      }
    }
    present.clear();
    for (const id of seen) present.add(id);
  }
  return directory;
}

export type HrProblem = { line: number; reason: string };

/**
 * Merges a generic HR/directory table into the directory. Columns (any subset, header names):
 * `user_id` (required), `name`, `email`, `role`, `projects` (`;`-separated), `business_unit`,
 * `functional_unit`, `department`, `team`, `supervisor_id`, `start_date`, `end_date`,
 * `notice_date` (resignation known from; makes the person "departing" until `end_date`),
 * `watchlists` (`;`-separated: departing, new_hire, contractor, intern, privileged), `hosts`
 * (`;`-separated assigned machines). Values given here override the LDAP ones.
 */
export function mergeHrRows(
  directory: Directory,
  rows: { line: number; values: Record<string, string> }[],
): { problems: HrProblem[]; ignoredColumns: string[] } {
  const problems: HrProblem[] = [];
  const ignored = new Set<string>();
  for (const { line, values } of rows) {
    for (const key of Object.keys(values)) if (FORBIDDEN_ATTRIBUTES.includes(key)) ignored.add(key);
    const userId = values.user_id?.trim();
    if (!userId) {
      problems.push({ line, reason: "user_id is empty" });
      continue;
    }
    const date = (field: string): number | null | undefined => {
      const v = values[field]?.trim();
      if (v === undefined || v === "") return undefined;
      const d = isoToDay(v);
      if (Number.isNaN(d)) {
        problems.push({ line, reason: `${field} "${v}" is not a YYYY-MM-DD date` });
        return undefined;
      }
      return d;
    };
    let person = directory.people.get(userId);
    if (!person) {
      person = {
        userId,
        versions: [],
        startDay: null,
        endDay: null,
        watch: [],
        hosts: [],
        psychometric: null,
      };
      directory.people.set(userId, person);
    }
    const base = person.versions[person.versions.length - 1]?.attrs ?? EMPTY_ATTRS;
    const pick = (field: string, fallback: string) =>
      values[field] !== undefined && values[field]!.trim() !== "" ? values[field]!.trim() : fallback;
    const attrs: PersonAttributes = {
      name: pick("name", base.name),
      email: pick("email", base.email).toLowerCase(),
      role: pick("role", base.role),
      projects:
        values.projects !== undefined && values.projects.trim() !== ""
          ? splitProjects(values.projects)
          : base.projects,
      businessUnit: pick("business_unit", base.businessUnit),
      functionalUnit: pick("functional_unit", base.functionalUnit),
      department: pick("department", base.department),
      team: pick("team", base.team),
      supervisorId: pick("supervisor_id", base.supervisorId ?? "") || null,
    };
    if (person.versions.length === 0) person.versions.push({ fromDay: -1_000_000, attrs });
    else if (!sameAttrs(base, attrs)) {
      // HR corrections apply to the whole history (HR is the system of record).
      person.versions = person.versions.map((v) => ({
        fromDay: v.fromDay,
        attrs: { ...v.attrs, ...diff(base, attrs) },
      }));
    }
    if (attrs.email) directory.byEmail.set(attrs.email, userId);
    const start = date("start_date");
    const end = date("end_date");
    const notice = date("notice_date");
    if (start !== undefined) {
      person.startDay = start;
      if (!person.watch.some((w) => w.list === "new_hire"))
        person.watch.push({ list: "new_hire", fromDay: start, toDay: (start ?? 0) + NEW_HIRE_DAYS });
    }
    if (end != null) {
      person.endDay = end;
      // Without a notice date, HR's end date counts as known on the day itself (when it was entered
      // is not recorded); with one, from the notice.
      person.endKnownDay = notice ?? Math.min(end, person.endKnownDay ?? end);
    }
    if (notice != null) {
      person.watch.push({
        list: "departing",
        fromDay: notice,
        toDay: end ?? person.endDay ?? null,
        source: "hr",
        reason: "notice_date",
      });
      if (person.endDay !== null) person.endKnownDay = Math.min(notice, person.endKnownDay ?? notice);
    }
    for (const raw of (values.watchlists ?? "").split(/[;|]/)) {
      const list = raw.trim().toLowerCase().replace(/[\s-]/g, "_");
      if (list === "") continue;
      if (!(WATCHLISTS as readonly string[]).includes(list)) {
        problems.push({ line, reason: `unknown watchlist "${raw.trim()}"` });
        continue;
      }
      const w = list as Watchlist;
      if (w === "departing" && notice !== undefined) continue;
      person.watch.push({
        list: w,
        fromDay: w === "new_hire" ? (start ?? person.startDay ?? null) : null,
        toDay:
          w === "new_hire" && (start ?? person.startDay) != null
            ? (start ?? person.startDay)! + NEW_HIRE_DAYS
            : null,
      });
    }
    for (const list of watchlistsForRole(attrs.role)) {
      if (!person.watch.some((w) => w.list === list)) person.watch.push({ list, fromDay: null, toDay: null });
    }
    const hosts = values.hosts?.trim();
    if (hosts)
      person.hosts = hosts
        .split(/[;|]/)
        .map((h) => h.trim())
        .filter(Boolean);
  }
  return { problems, ignoredColumns: [...ignored] };
}

function diff(before: PersonAttributes, after: PersonAttributes): Partial<PersonAttributes> {
  const out: Partial<PersonAttributes> = {};
  for (const key of Object.keys(after) as (keyof PersonAttributes)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      (out as Record<string, unknown>)[key] = after[key];
  }
  return out;
}

/** Attaches CERT psychometric scores (`employee_name,user_id,O,C,E,A,N`); used only if enabled. */
export function mergePsychometric(
  directory: Directory,
  rows: { line: number; values: Record<string, string> }[],
): HrProblem[] {
  const problems: HrProblem[] = [];
  for (const { line, values } of rows) {
    const userId = values.user_id?.trim();
    if (!userId) {
      problems.push({ line, reason: "user_id is empty" });
      continue;
    }
    const scores = ["o", "c", "e", "a", "n"].map((k) => Number(values[k]));
    if (scores.some((s) => !Number.isFinite(s))) {
      problems.push({ line, reason: "O, C, E, A, N must be numbers" });
      continue;
    }
    const person = directory.people.get(userId);
    if (!person) continue;
    const [O, C, E, A, N] = scores as [number, number, number, number, number];
    person.psychometric = { O, C, E, A, N };
  }
  return problems;
}
