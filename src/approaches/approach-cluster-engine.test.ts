import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addReports,
  applyFactMembers,
  type ClusterState,
  emptyState,
  FACT_SEPARATOR,
  type FactMember,
  type FactRow,
  factRowsFromMembers,
  idHash,
  linkFacts,
  linksToStore,
  MAX_FACT_SAMPLE_IDS,
  MAX_SHARED_FACTS,
  mergeStates,
  reportFacts,
  strongestFacts,
  summaryFromState,
} from "./approach-cluster-engine.js";
import {
  type ClusterSummary,
  type LinkReason,
  linkKeys,
  linkReasons,
  linkStrength,
  type PatternReport,
  summariseCluster,
} from "./approach-pattern-engine.js";
import type { ApproachChannel } from "./approach-risk-engine.js";

const NOW = new Date(Date.UTC(2026, 5, 30));
const DAYS = 30;

/**
 * A stand-in for the stored tables (clusters' state, fact rows, fact members) that applies exactly
 * what the service does on each submission: link to every earlier report, merge the clusters the
 * links reach into the oldest, add the joining reports and the facts of the new links.
 */
function simulate<R extends PatternReport>(
  reports: R[],
  fuzzy: (a: R, b: R) => LinkReason[],
  maxLinks = Number.POSITIVE_INFINITY,
) {
  const clusterOf = new Map<string, string>();
  const states = new Map<string, ClusterState>();
  const rows = new Map<string, Map<string, FactRow>>();
  const members = new Map<string, FactMember[]>();
  const links: { reportId: string; linkedReportId: string; reasons: LinkReason[] }[] = [];
  const order: string[] = [];
  const addFacts = (cid: string, adds: FactMember[]) => {
    const stored = members.get(cid) ?? [];
    const known = new Set(stored.map((m) => `${m.fact}\u0000${m.reportId}`));
    const seen = new Set(stored.map((m) => `${m.fact}\u0000${m.reporterId}`));
    const current = rows.get(cid) ?? new Map<string, FactRow>();
    for (const [f, r] of applyFactMembers(current, adds, known, seen)) current.set(f, r);
    rows.set(cid, current);
    for (const a of adds) {
      if (!known.has(`${a.fact}\u0000${a.reportId}`)) {
        known.add(`${a.fact}\u0000${a.reportId}`);
        stored.push(a);
      }
    }
    members.set(cid, stored);
  };
  for (const [i, self] of reports.entries()) {
    const linked = reports
      .slice(0, i)
      .map((c) => {
        const reasons = linkReasons(self, c);
        for (const f of fuzzy(self, c)) if (!reasons.some((x) => x.kind === f.kind)) reasons.push(f);
        return { c, reasons: reasons.sort((a, b) => linkStrength(a.kind) - linkStrength(b.kind)) };
      })
      .filter((l) => l.reasons.length > 0);
    if (linked.length === 0) continue;
    const existing = [
      ...new Set(linked.map((l) => clusterOf.get(l.c.id)).filter((c): c is string => !!c)),
    ].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    let cid: string;
    let state: ClusterState;
    if (existing.length === 0) {
      cid = `c${i}`;
      order.push(cid);
      state = emptyState();
    } else {
      cid = existing[0]!;
      state = mergeStates(existing.map((c) => states.get(c)!));
      const merged = existing.slice(1);
      if (merged.length > 0) {
        const values = new Map<string, string | null>();
        for (const m of merged)
          for (const r of rows.get(m)?.values() ?? []) if (r.value) values.set(r.fact, r.value);
        for (const r of rows.get(cid)?.values() ?? []) if (r.value) values.set(r.fact, r.value);
        const all = [...(members.get(cid) ?? []), ...merged.flatMap((m) => members.get(m) ?? [])];
        const affected = new Set(merged.flatMap((m) => [...(rows.get(m)?.keys() ?? [])]));
        const rebuilt = factRowsFromMembers(
          all.filter((m) => affected.has(m.fact)),
          values,
        );
        const target = rows.get(cid) ?? new Map<string, FactRow>();
        for (const [f, r] of rebuilt) target.set(f, r);
        rows.set(cid, target);
        members.set(cid, all);
        for (const m of merged) {
          rows.delete(m);
          members.delete(m);
          states.delete(m);
          for (const [id, c] of clusterOf) if (c === m) clusterOf.set(id, cid);
        }
      }
    }
    // As the service: a report growing the one cluster it links into stores a bounded set of links.
    const stored =
      existing.length === 1
        ? linksToStore(
            self,
            linked.map((l) => ({ ...l, c: { ...l.c, clusterId: clusterOf.get(l.c.id) ?? null } })),
            new Set((members.get(cid) ?? []).map((m) => `${m.fact}\u0000${m.reportId}`)),
            maxLinks,
          )
        : linked;
    for (const l of stored) links.push({ reportId: self.id, linkedReportId: l.c.id, reasons: l.reasons });
    const joining = [self, ...linked.filter((l) => !clusterOf.has(l.c.id)).map((l) => l.c)];
    state = addReports(state, joining);
    for (const r of joining) clusterOf.set(r.id, cid);
    addFacts(cid, [
      ...joining.flatMap((r) => reportFacts(r)),
      ...linked.flatMap((l) => linkFacts(self, l.c, l.reasons)),
    ]);
    states.set(cid, state);
  }
  return { clusterOf, states, rows, links };
}

const FUZZY_KINDS = new Set([
  "similar_sender",
  "similar_organisation",
  "organisation_acronym",
  "same_request",
]);

/** A summary as a comparable value: facts as a set; values of name and fuzzy facts left out (see engine doc). */
function comparable(s: ClusterSummary) {
  const fact = (f: ClusterSummary["shared"][number]) =>
    JSON.stringify([
      f.kind,
      f.kind === "sender_name" || FUZZY_KINDS.has(f.kind) ? null : f.value,
      [...f.reportIds].sort(),
      f.reporterCount,
    ]);
  return {
    reportCount: s.reportCount,
    reporterCount: s.reporterCount,
    recentReporterCount: s.recentReporterCount,
    firstAt: s.firstAt,
    lastAt: s.lastAt,
    channels: s.channels,
    departments: s.departments,
    shared: s.shared.map(fact).sort(),
    headline: s.headline ? [s.headline.reporterCount, linkStrength(s.headline.kind)] : null,
  };
}

const SIGNATURES = [0, 1, 2].map((b) => Array.from({ length: 128 }, (_, k) => (k * 31 + b * 7) % 97));

const reportArb = fc.record({
  reporter: fc.integer({ min: 0, max: 3 }),
  day: fc.integer({ min: 0, max: 90 }),
  channel: fc.constantFrom<ApproachChannel>("email", "professional_network", "conference"),
  department: fc.option(fc.constantFrom("工学部", "理学部"), { nil: null }),
  name: fc.option(fc.constantFrom("Kevin Lee", "Lee Kevin", "Anna Petrova", "Wang Lei"), { nil: undefined }),
  organisation: fc.option(fc.constantFrom("Talent Bridge Co., Ltd.", "Apex Research", "Blue River"), {
    nil: undefined,
  }),
  email: fc.option(fc.constantFrom("a@talent.example", "b@talent.example", "c@gmail.com", "d@apex.example"), {
    nil: undefined,
  }),
  text: fc.option(
    fc.record({
      base: fc.integer({ min: 0, max: 2 }),
      noise: fc.integer({ min: 0, max: 90 }),
      seed: fc.nat(1000),
    }),
    { nil: null },
  ),
  request: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
});

type RawReport = typeof reportArb extends fc.Arbitrary<infer T> ? T : never;

function build(raw: RawReport[]): (PatternReport & { request: number | null })[] {
  return raw
    .map((r, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      reporterId: `reporter-${r.reporter}`,
      submittedAt: new Date(NOW.getTime() - (90 - r.day) * 86_400_000 + i).toISOString(),
      channel: r.channel,
      department: r.department,
      keys: linkKeys({ senderName: r.name, organisation: r.organisation, email: r.email }),
      signature: r.text
        ? SIGNATURES[r.text.base]!.map((v, k) =>
            (k * 13 + r.text!.seed) % 100 < r.text!.noise ? v + 1000 : v,
          )
        : null,
      request: r.request,
    }))
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
}

const sameRequestLinks = (a: { request: number | null }, b: { request: number | null }): LinkReason[] =>
  a.request !== null && a.request === b.request
    ? [{ kind: "same_request", detail: { ja: "同じ依頼", en: "same request" } }]
    : [];

describe("incremental cluster summaries", () => {
  it("equal the full recomputation (summariseCluster) on random report sequences, merges included", () => {
    fc.assert(
      fc.property(fc.array(reportArb, { minLength: 1, maxLength: 14 }), (raw) => {
        const reports = build(raw);
        const sim = simulate(reports, sameRequestLinks);
        for (const [cid, state] of sim.states) {
          const ids = new Set([...sim.clusterOf].filter(([, c]) => c === cid).map(([id]) => id));
          const memberReports = reports.filter((r) => ids.has(r.id));
          const full = summariseCluster(memberReports, NOW, DAYS, undefined, sim.links);
          const incremental = summaryFromState(state, [...sim.rows.get(cid)!.values()], NOW, DAYS);
          if (full.shared.length <= MAX_SHARED_FACTS) {
            expect(comparable(incremental)).toEqual(comparable(full));
          } else {
            expect(incremental.shared).toHaveLength(MAX_SHARED_FACTS);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("counts a report once per fact and a reporter once per fact, whatever the order of arrival", () => {
    const a = { id: "r1", reporterId: "u1" };
    const b = { id: "r2", reporterId: "u1" };
    const c = { id: "r3", reporterId: "u2" };
    const reasons: LinkReason[] = [{ kind: "text", similarity: 0.9 }];
    const adds = [...linkFacts(a, b, reasons), ...linkFacts(a, c, reasons), ...linkFacts(b, c, reasons)];
    const rows = applyFactMembers(new Map(), adds, new Set(), new Set());
    const text = [...rows.values()][0]!;
    expect(text).toMatchObject({ kind: "text", reportCount: 3, reporterCount: 2 });
    const reversed = applyFactMembers(new Map(), [...adds].reverse(), new Set(), new Set());
    expect([...reversed.values()][0]!.idsHash).toBe(text.idsHash);
    expect(text.idsHash).toBe(
      factRowsFromMembers(adds.filter((x, i) => adds.findIndex((y) => y.reportId === x.reportId) === i))
        .values()
        .next().value!.idsHash,
    );
  });

  it("keeps at most MAX_FACT_SAMPLE_IDS report ids per fact while counting all of them", () => {
    const many = Array.from({ length: MAX_FACT_SAMPLE_IDS + 25 }, (_, i) => ({
      id: `r${i}`,
      reporterId: `u${i % 3}`,
      keys: [{ kind: "email_domain" as const, value: "talent.example" }],
    }));
    const rows = applyFactMembers(new Map(), many.flatMap(reportFacts), new Set(), new Set());
    const row = [...rows.values()][0]!;
    expect(row.reportCount).toBe(MAX_FACT_SAMPLE_IDS + 25);
    expect(row.reporterCount).toBe(3);
    expect(row.sampleIds).toHaveLength(MAX_FACT_SAMPLE_IDS);
    const summary = summaryFromState(
      addReports(
        emptyState(),
        many.map((m, i) => ({
          ...m,
          submittedAt: new Date(NOW.getTime() - i * 1000).toISOString(),
          channel: "email" as const,
          department: null,
        })),
      ),
      [row],
      NOW,
      DAYS,
    );
    expect(summary.headline).toMatchObject({ kind: "email_domain", reportCount: MAX_FACT_SAMPLE_IDS + 25 });
  });

  it("hashes report ids to 64 bits so that distinct member sets differ", () => {
    const hashes = new Set(Array.from({ length: 2000 }, (_, i) => idHash(`id-${i}`)));
    expect(hashes.size).toBe(2000);
  });
});

describe("linksToStore (a report growing its cluster stores a bounded set of links)", () => {
  const rowsOf = (sim: ReturnType<typeof simulate>) =>
    new Map(
      [...sim.rows].map(([cid, rows]) => [
        cid,
        [...rows.values()].sort((a, b) => a.fact.localeCompare(b.fact)),
      ]),
    );

  it("leaves the clusters, their counts and their facts exactly as storing every link does", () => {
    fc.assert(
      fc.property(
        fc.array(reportArb, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 0, max: 3 }),
        (raw, maxLinks) => {
          const reports = build(raw);
          const all = simulate(reports, sameRequestLinks);
          const bounded = simulate(reports, sameRequestLinks, maxLinks);
          expect(bounded.clusterOf).toEqual(all.clusterOf);
          expect(bounded.states).toEqual(all.states);
          expect(rowsOf(bounded)).toEqual(rowsOf(all));
          // The stored links still explain every fact: recomputing from them gives the same summary.
          for (const cid of all.states.keys()) {
            const ids = new Set([...all.clusterOf].filter(([, c]) => c === cid).map(([id]) => id));
            const members = reports.filter((r) => ids.has(r.id));
            expect(comparable(summariseCluster(members, NOW, DAYS, undefined, bounded.links))).toEqual(
              comparable(summariseCluster(members, NOW, DAYS, undefined, all.links)),
            );
          }
          expect(bounded.links.length).toBeLessThanOrEqual(all.links.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("stores a few links per report in a flood of near-identical reports, not one per member", () => {
    const reports = build(
      Array.from({ length: 30 }, (_, i) => ({
        reporter: i % 3,
        day: 60 + Math.floor(i / 3),
        channel: "email" as const,
        department: null,
        name: undefined,
        organisation: undefined,
        email: "a@talent.example",
        text: { base: 0, noise: 0, seed: 0 },
        request: 0,
      })),
    );
    const all = simulate(reports, sameRequestLinks);
    const bounded = simulate(reports, sameRequestLinks, 2);
    const perReport = (links: { reportId: string }[]) =>
      Math.max(...reports.map((r) => links.filter((l) => l.reportId === r.id).length));
    expect(perReport(all.links)).toBe(29);
    expect(perReport(bounded.links)).toBe(2);
    expect(rowsOf(bounded)).toEqual(rowsOf(all));
  });

  it("keeps every link to a report joining now and every link that brings a new fact member", () => {
    const self = { id: "new", reporterId: "u1" };
    const at = (d: number) => new Date(Date.UTC(2026, 0, d)).toISOString();
    const text: LinkReason[] = [{ kind: "text", similarity: 0.95 }];
    const domain: LinkReason[] = [{ kind: "email_domain", value: "talent.example" }];
    const linked = [
      { c: { id: "m1", reporterId: "u2", submittedAt: at(1), clusterId: "k" }, reasons: domain },
      { c: { id: "m2", reporterId: "u2", submittedAt: at(2), clusterId: "k" }, reasons: domain },
      { c: { id: "m3", reporterId: "u3", submittedAt: at(3), clusterId: "k" }, reasons: text },
      { c: { id: "loose", reporterId: "u3", submittedAt: at(1), clusterId: null }, reasons: domain },
    ];
    // m3's text fact is stored already, the new report's is not: the text link is kept for it.
    const known = new Set([`text${FACT_SEPARATOR}\u0000m3`]);
    expect(linksToStore(self, linked, known, 0).map((l) => l.c.id)).toEqual(["m3", "loose"]);
    // Room for one more: the strongest, then the newest.
    expect(linksToStore(self, linked, known, 3).map((l) => l.c.id)).toEqual(["m2", "m3", "loose"]);
    expect(linksToStore(self, linked, known, 10)).toEqual(linked);
  });
});

describe("strongestFacts (the summary's facts without reading them again after a submission)", () => {
  const kinds = ["email", "organisation", "sender_name", "text", "similar_sender"] as const;
  const member = fc.record({
    fact: fc.integer({ min: 0, max: 30 }),
    report: fc.integer({ min: 0, max: 40 }),
    reporter: fc.integer({ min: 0, max: 6 }),
  });
  const toMember = (m: { fact: number; report: number; reporter: number }): FactMember => {
    const kind = kinds[m.fact % kinds.length]!;
    return {
      fact: `${kind}\u001f${m.fact}`,
      kind,
      value: String(m.fact),
      reportId: `r${m.report}`,
      reporterId: `u${m.reporter}`,
    };
  };
  const byRank = (a: FactRow, b: FactRow) =>
    b.reporterCount - a.reporterCount || a.strength - b.strength || (a.fact < b.fact ? -1 : 1);
  const top = (rows: Iterable<FactRow>, limit: number) =>
    [...rows]
      .filter((r) => r.reportCount >= 2)
      .sort(byRank)
      .slice(0, limit);

  it("equal the strongest rows read from all facts after the change", () => {
    fc.assert(
      fc.property(
        fc.array(member, { maxLength: 120 }),
        fc.array(member, { maxLength: 25 }),
        fc.integer({ min: 1, max: 12 }),
        (storedRaw, addedRaw, limit) => {
          const stored = storedRaw.map(toMember);
          const added = addedRaw.map(toMember);
          const rows = factRowsFromMembers(stored);
          const members = new Set(stored.map((m) => `${m.fact}\u0000${m.reportId}`));
          const reporters = new Set(stored.map((m) => `${m.fact}\u0000${m.reporterId}`));
          const changed = applyFactMembers(rows, added, members, reporters);
          const after = new Map(rows);
          for (const [f, r] of changed) after.set(f, r);
          expect(strongestFacts(top(rows.values(), limit), changed, limit)).toEqual(
            top(after.values(), limit),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
