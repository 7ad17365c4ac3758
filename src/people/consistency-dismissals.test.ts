import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyDismissals,
  type ConsistencyFinding,
  type Dismissal,
  type Evidence,
  evidenceKey,
  findingKey,
  orgKey,
} from "./consistency-engine.js";

const ev = (n: number): Evidence => ({
  where: { ja: `研究プロジェクト #${n}`, en: `Research project #${n}` },
  link: `/projects/p${n}`,
});
const finding = (
  evidence: Evidence[],
  flag: ConsistencyFinding["flag"] = "P-UNDISCLOSED-AFFILIATION",
  partyId: string | null = "party-1",
): ConsistencyFinding => ({
  flag,
  org: { partyId, name: "Orchid Quantum Institute" },
  message: { ja: "…", en: "…" },
  evidence,
});
const dismissal = (f: ConsistencyFinding, evidence: Evidence[], tag = "d"): Dismissal & { tag: string } => ({
  flag: f.flag,
  orgKey: orgKey(f.org),
  evidenceKeys: evidence.map(evidenceKey),
  tag,
});

describe("dismissing a consistency flag", () => {
  it("keys a finding by flag and organisation: party id, else the normalised name", () => {
    expect(findingKey(finding([ev(1)]))).toBe("P-UNDISCLOSED-AFFILIATION|id:party-1");
    expect(orgKey({ partyId: null, name: "Orchid  Quantum-Institute" })).toBe("name:orchidquantuminstitute");
  });

  it.each([
    ["same evidence: stays dismissed", [1, 2], [1, 2], "dismissed", []],
    ["evidence went away: stays dismissed", [1, 2], [1], "dismissed", []],
    ["a new piece of evidence: raised again, naming it", [1], [1, 3], "raised", [3]],
    ["entirely new evidence: raised again", [1], [4], "raised", [4]],
  ] as const)("%s", (_, dismissedFor, now, outcome, fresh) => {
    const f = finding(now.map(ev));
    const d = dismissal(f, dismissedFor.map(ev));
    const r = applyDismissals([f], [d]);
    if (outcome === "dismissed") {
      expect(r.raised).toEqual([]);
      expect(r.dismissed).toEqual([{ finding: f, dismissal: d }]);
    } else {
      expect(r.dismissed).toEqual([]);
      expect(r.raised[0]?.earlier).toBe(d);
      expect(r.raised[0]?.newEvidence).toEqual(fresh.map(ev));
    }
  });

  it("uses the newest dismissal of the finding, and never one of another flag or organisation", () => {
    const f = finding([ev(1), ev(2)]);
    const newest = dismissal(f, [ev(1)], "newest");
    const older = dismissal(f, [ev(1), ev(2)], "older");
    expect(applyDismissals([f], [newest, older]).raised[0]?.earlier?.tag).toBe("newest");
    const otherFlag = { ...dismissal(f, [ev(1), ev(2)]), flag: "P-APPROACH-CONNECTION" };
    const otherOrg = { ...dismissal(f, [ev(1), ev(2)]), orgKey: "id:party-2" };
    expect(applyDismissals([f], [otherFlag, otherOrg]).raised).toEqual([
      { finding: f, earlier: null, newEvidence: [] },
    ]);
  });

  it("property: a finding is dismissed exactly when its evidence is a subset of what the dismissal saw", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 1 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 8 })),
        (now, seen) => {
          const f = finding(now.map(ev));
          const r = applyDismissals([f], [dismissal(f, seen.map(ev))]);
          const subset = now.every((n) => seen.includes(n));
          expect(r.dismissed.length).toBe(subset ? 1 : 0);
          expect(r.raised.length).toBe(subset ? 0 : 1);
          if (!subset)
            expect(r.raised[0]!.newEvidence.map((e) => e.link)).toEqual(
              now.filter((n) => !seen.includes(n)).map((n) => `/projects/p${n}`),
            );
        },
      ),
    );
  });
});
