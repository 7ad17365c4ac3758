/**
 * A cluster's summary kept up to date one member at a time (issue 11 §6), so that submitting a
 * report costs the same whether its cluster has 3 members or 30,000. `summariseCluster` (the
 * pattern engine) recomputes the summary from every member and every link; this engine gives the
 * same summary from stored per-cluster counts (`ClusterState`) and one row per shared fact
 * (`FactRow`), changed only by the facts the newly joining reports and links bring.
 *
 * Bounded on purpose, and so not identical to `summariseCluster` in three documented ways:
 * - `shared` lists at most `MAX_SHARED_FACTS` facts (the strongest, in the same order);
 * - a fact's `reportIds` holds at most `MAX_FACT_SAMPLE_IDS` of its reports (all of them below
 *   that); `reportCount` says how many there are;
 * - the "near-identical text" fact counts the members with a stored text link to another member
 *   (found through the LSH bands when the later one was submitted), where `summariseCluster`
 *   compares every pair of members.
 * Pure: no IO, no clock.
 */
import type { FuzzyLinkKind } from "./approach-link-engine.js";
import {
  type AnyLinkKind,
  type ClusterSummary,
  type LinkKind,
  type LinkReason,
  linkStrength,
  type PatternReport,
  type SharedFact,
} from "./approach-pattern-engine.js";
import type { ApproachChannel } from "./approach-risk-engine.js";

/** At most this many shared facts are kept in a stored summary (the strongest first). */
export const MAX_SHARED_FACTS = 20;
/** At most this many report ids are kept per shared fact (`reportCount` has the full number). */
export const MAX_FACT_SAMPLE_IDS = 50;

const FUZZY: ReadonlySet<string> = new Set<FuzzyLinkKind>([
  "similar_sender",
  "similar_organisation",
  "organisation_acronym",
  "same_request",
]);

/** Per-cluster counts that do not depend on which facts are shared. */
export type ClusterState = {
  v: 1;
  reportCount: number;
  firstAt: string;
  lastAt: string;
  /** Reporter id → their latest submission in the cluster (bounded by the number of users). */
  reporters: Record<string, string>;
  channels: Record<string, number>;
  departments: Record<string, number>;
};

/** One fact shared (or not yet shared) by a cluster's members. */
export type FactRow = {
  /** `kind` + FACT_SEPARATOR + key: the exact key's value, or "" for text and fuzzy facts (one per kind). */
  fact: string;
  kind: AnyLinkKind;
  /** What the summary shows: the key's value, the first fuzzy reason's value, or null. */
  value: string | null;
  strength: number;
  reportCount: number;
  reporterCount: number;
  /** XOR of the members' id hashes: equal sets of members give equal hashes, in any order. */
  idsHash: string;
  sampleIds: string[];
};

/** A report carrying a fact. */
export type FactMember = {
  fact: string;
  kind: AnyLinkKind;
  value: string | null;
  reportId: string;
  reporterId: string;
};

export const emptyState = (): ClusterState => ({
  v: 1,
  reportCount: 0,
  firstAt: "",
  lastAt: "",
  reporters: {},
  channels: {},
  departments: {},
});

/** Adds newly joining reports (never already counted ones) to a cluster's counts. */
export function addReports(
  state: ClusterState,
  reports: readonly Pick<PatternReport, "reporterId" | "submittedAt" | "channel" | "department">[],
): ClusterState {
  const next: ClusterState = {
    ...state,
    reporters: { ...state.reporters },
    channels: { ...state.channels },
    departments: { ...state.departments },
  };
  for (const r of reports) {
    next.reportCount++;
    if (!next.firstAt || r.submittedAt < next.firstAt) next.firstAt = r.submittedAt;
    if (!next.lastAt || r.submittedAt > next.lastAt) next.lastAt = r.submittedAt;
    const last = next.reporters[r.reporterId];
    if (!last || r.submittedAt > last) next.reporters[r.reporterId] = r.submittedAt;
    next.channels[r.channel] = (next.channels[r.channel] ?? 0) + 1;
    if (r.department) next.departments[r.department] = (next.departments[r.department] ?? 0) + 1;
  }
  return next;
}

/** The counts of clusters merged into one (their members are disjoint). */
export function mergeStates(states: readonly ClusterState[]): ClusterState {
  let out = emptyState();
  for (const s of states) {
    const reporters = { ...out.reporters };
    for (const [id, at] of Object.entries(s.reporters)) {
      if (!reporters[id] || at > reporters[id]) reporters[id] = at;
    }
    const sum = (a: Record<string, number>, b: Record<string, number>) => {
      const m = { ...a };
      for (const [k, n] of Object.entries(b)) m[k] = (m[k] ?? 0) + n;
      return m;
    };
    out = {
      v: 1,
      reportCount: out.reportCount + s.reportCount,
      firstAt: !out.firstAt || (s.firstAt && s.firstAt < out.firstAt) ? s.firstAt : out.firstAt,
      lastAt: !out.lastAt || s.lastAt > out.lastAt ? s.lastAt : out.lastAt,
      reporters,
      channels: sum(out.channels, s.channels),
      departments: sum(out.departments, s.departments),
    };
  }
  return out;
}

/** Separates a fact's kind from its key (a control character no key contains; PostgreSQL text refuses NUL). */
export const FACT_SEPARATOR = "\u001f";
const factId = (kind: AnyLinkKind, key: string) => `${kind}${FACT_SEPARATOR}${key}`;

/** The facts a report brings by itself: its exact link keys. */
export function reportFacts(report: Pick<PatternReport, "id" | "reporterId" | "keys">): FactMember[] {
  return report.keys.map((k: { kind: LinkKind; value: string }) => ({
    fact: factId(k.kind, k.value),
    kind: k.kind,
    value: k.value,
    reportId: report.id,
    reporterId: report.reporterId,
  }));
}

/**
 * The facts a link brings to both its reports: near-identical text and each fuzzy reason (similar
 * names, acronym, same request — one fact per kind, as `summariseCluster` groups them).
 */
export function linkFacts(
  a: { id: string; reporterId: string },
  b: { id: string; reporterId: string },
  reasons: readonly LinkReason[],
): FactMember[] {
  const out: FactMember[] = [];
  for (const r of reasons) {
    if (r.kind !== "text" && !FUZZY.has(r.kind)) continue;
    const value = r.kind === "text" ? null : (r.value ?? null);
    for (const m of [a, b]) {
      out.push({ fact: factId(r.kind, ""), kind: r.kind, value, reportId: m.id, reporterId: m.reporterId });
    }
  }
  return out;
}

/** A 64-bit hash of a report id, as 16 hex digits (two FNV-1a halves). */
export function idHash(id: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    h2 ^= h2 >>> 13;
  }
  return h1.toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}

function xorHex(a: string, b: string): string {
  const hi = (Number.parseInt(a.slice(0, 8), 16) ^ Number.parseInt(b.slice(0, 8), 16)) >>> 0;
  const lo = (Number.parseInt(a.slice(8), 16) ^ Number.parseInt(b.slice(8), 16)) >>> 0;
  return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
}

/**
 * Applies fact members to the stored rows of the facts they touch. `alreadyMember` says which
 * (fact, report) pairs were stored before (skipped: a report counts once per fact);
 * `reporterSeen` which (fact, reporter) pairs were (so a reporter counts once per fact). Keys of
 * both sets are `fact + NUL + id`. Returns the changed rows.
 */
export function applyFactMembers(
  rows: ReadonlyMap<string, FactRow>,
  adds: readonly FactMember[],
  alreadyMember: ReadonlySet<string>,
  reporterSeen: ReadonlySet<string>,
): Map<string, FactRow> {
  const changed = new Map<string, FactRow>();
  const members = new Set(alreadyMember);
  const reporters = new Set(reporterSeen);
  for (const a of adds) {
    const memberKey = `${a.fact}\u0000${a.reportId}`;
    if (members.has(memberKey)) continue;
    members.add(memberKey);
    const reporterKey = `${a.fact}\u0000${a.reporterId}`;
    const newReporter = !reporters.has(reporterKey);
    reporters.add(reporterKey);
    const prev = changed.get(a.fact) ?? rows.get(a.fact);
    const row: FactRow = prev
      ? {
          ...prev,
          value: prev.value ?? a.value,
          reportCount: prev.reportCount + 1,
          reporterCount: prev.reporterCount + (newReporter ? 1 : 0),
          idsHash: xorHex(prev.idsHash, idHash(a.reportId)),
          sampleIds:
            prev.sampleIds.length < MAX_FACT_SAMPLE_IDS ? [...prev.sampleIds, a.reportId] : prev.sampleIds,
        }
      : {
          fact: a.fact,
          kind: a.kind,
          value: a.value,
          strength: linkStrength(a.kind),
          reportCount: 1,
          reporterCount: 1,
          idsHash: idHash(a.reportId),
          sampleIds: [a.reportId],
        };
    changed.set(a.fact, row);
  }
  return changed;
}

/**
 * Fact rows rebuilt from their stored members (after clusters merge, or for a cluster stored
 * before this engine existed). `values` keeps the shown value of each fact where one is known.
 */
export function factRowsFromMembers(
  members: readonly FactMember[],
  values: ReadonlyMap<string, string | null> = new Map(),
): Map<string, FactRow> {
  const rows = applyFactMembers(new Map(), members, new Set(), new Set());
  for (const [fact, row] of rows) {
    const v = values.get(fact);
    if (v !== undefined && v !== null) rows.set(fact, { ...row, value: v });
  }
  return rows;
}

/** The shared facts in the order the summary lists them: most reporters, then strongest, then value. */
function byRank(a: SharedFact, b: SharedFact): number {
  return (
    b.reporterCount - a.reporterCount ||
    linkStrength(a.kind) - linkStrength(b.kind) ||
    (a.value ?? "").localeCompare(b.value ?? "")
  );
}

/**
 * The summary from a cluster's counts and its strongest fact rows (the caller passes the rows with
 * the most reporters; at least `MAX_SHARED_FACTS` plus a margin for name duplicates). The same
 * name in both word orders is one fact when both keys are carried by the same reports.
 */
export function summaryFromState(
  state: ClusterState,
  topFacts: readonly FactRow[],
  now: Date,
  recentDays: number,
): ClusterSummary {
  const recentFrom = now.getTime() - recentDays * 86_400_000;
  const shared: SharedFact[] = [];
  const seenNameSets = new Set<string>();
  const candidates = topFacts
    .filter((f) => f.reportCount >= 2)
    .map((f) => ({
      f,
      s: {
        kind: f.kind,
        value: f.value,
        reportIds: [...f.sampleIds],
        reportCount: f.reportCount,
        reporterCount: f.reporterCount,
      } as SharedFact,
    }))
    .sort((x, y) => byRank(x.s, y.s) || x.f.fact.localeCompare(y.f.fact));
  for (const { f, s } of candidates) {
    if (f.kind === "sender_name") {
      const setKey = `${f.reportCount}:${f.idsHash}`;
      if (seenNameSets.has(setKey)) continue; // the other word order of the same name
      seenNameSets.add(setKey);
    }
    shared.push(s);
    if (shared.length >= MAX_SHARED_FACTS) break;
  }
  const ranked = <T extends string>(m: Record<T, number>) =>
    (Object.entries(m) as [T, number][]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const nowIso = now.toISOString();
  return {
    reportCount: state.reportCount,
    reporterCount: Object.keys(state.reporters).length,
    recentReporterCount: Object.values(state.reporters).filter((at) => Date.parse(at) >= recentFrom).length,
    recentDays,
    firstAt: state.firstAt || nowIso,
    lastAt: state.lastAt || nowIso,
    channels: ranked(state.channels).map(([channel, count]) => ({
      channel: channel as ApproachChannel,
      count,
    })),
    departments: ranked(state.departments).map(([department, count]) => ({ department, count })),
    shared,
    headline: shared[0] ?? null,
  };
}

/** The order of `topFacts` reads: most reporters, then strongest, then fact id. */
function byStoredRank(a: FactRow, b: FactRow): number {
  return (
    b.reporterCount - a.reporterCount ||
    a.strength - b.strength ||
    (a.fact < b.fact ? -1 : a.fact > b.fact ? 1 : 0)
  );
}

/**
 * A cluster's strongest `limit` fact rows (shared by two reports or more) after some rows changed,
 * from its strongest rows before the change and the changed rows — without reading the facts
 * again (issue 11 §6). Exact because adding members only ever raises a fact's counts: a fact that
 * was not among the strongest and did not change is still beaten by every fact that was.
 */
export function strongestFacts(
  before: readonly FactRow[],
  changed: ReadonlyMap<string, FactRow>,
  limit: number,
): FactRow[] {
  const rows = new Map<string, FactRow>();
  for (const r of before) rows.set(r.fact, r);
  for (const [fact, r] of changed) rows.set(fact, r);
  return [...rows.values()]
    .filter((r) => r.reportCount >= 2)
    .sort(byStoredRank)
    .slice(0, limit);
}

/**
 * At most this many links are stored for a report that joins a cluster it is already linked into
 * (beyond those that bring a fact), so a report in a flood of near-identical reports writes a
 * fixed number of rows however many members it resembles (issue 11 §6).
 */
export const MAX_STORED_LINKS = 8;

/**
 * Which of a new report's links to store when it grows an existing cluster (issue 11 §6): every
 * link to a report joining now (it is why that report joins), every link that brings a fact
 * member not stored yet (so the cluster's facts — and their recomputation from stored links — are
 * exactly those of all the links), and then the strongest, newest ones up to `max`. The cluster is
 * decided from all the links before this: which are stored changes neither its members nor its
 * facts, only how many links the report view lists. `alreadyMember` holds the stored
 * `fact + NUL + reportId` pairs. Returns the kept links in their original order.
 */
export function linksToStore<
  L extends {
    c: { id: string; reporterId: string; submittedAt: string; clusterId: string | null };
    reasons: readonly LinkReason[];
  },
>(
  self: { id: string; reporterId: string },
  linked: readonly L[],
  alreadyMember: ReadonlySet<string>,
  max = MAX_STORED_LINKS,
): L[] {
  const strength = (l: L) => Math.min(...l.reasons.map((r) => linkStrength(r.kind)));
  const ranked = linked
    .map((l, i) => ({ l, i }))
    .sort(
      (a, b) =>
        strength(a.l) - strength(b.l) ||
        (a.l.c.submittedAt < b.l.c.submittedAt ? 1 : a.l.c.submittedAt > b.l.c.submittedAt ? -1 : 0) ||
        (a.l.c.id < b.l.c.id ? -1 : a.l.c.id > b.l.c.id ? 1 : 0),
    );
  const members = new Set(alreadyMember);
  const keep = new Set<number>();
  // First what must be stored, then the rest by rank while there is room.
  for (const { l, i } of ranked) {
    const adds = linkFacts(self, l.c, l.reasons).filter((m) => !members.has(`${m.fact}\u0000${m.reportId}`));
    if (!l.c.clusterId || adds.length > 0) {
      keep.add(i);
      for (const m of adds) members.add(`${m.fact}\u0000${m.reportId}`);
    }
  }
  for (const { i } of ranked) {
    if (keep.size >= max) break;
    keep.add(i);
  }
  return linked.filter((_, i) => keep.has(i));
}
