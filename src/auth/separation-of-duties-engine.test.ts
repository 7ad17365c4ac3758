import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { afterFailedLogin, secondsToWait, throttleKey } from "./auth-engine.js";
import {
  approvalConflicts,
  departmentCovers,
  grantsRevealRights,
  hitDecisionConflict,
  inUnitScope,
  needsSecondAdmin,
  revealHoldUntil,
  unitScopeOf,
} from "./separation-of-duties-engine.js";

describe("four eyes on approvals", () => {
  const none = { checkRecordedBy: null, checkCompletedBy: [], hitDecisions: [] };
  it.each([
    ["nobody else involved", none, 0],
    ["recorded the checklist", { ...none, checkRecordedBy: "me" }, 1],
    ["completed the check", { ...none, checkCompletedBy: ["other", "me"] }, 1],
    ["decided a hit", { ...none, hitDecisions: [{ decidedById: "me", party: "P", entry: "E" }] }, 1],
    [
      "did both",
      {
        checkRecordedBy: "me",
        checkCompletedBy: ["me"],
        hitDecisions: [{ decidedById: "me", party: "P", entry: "E" }],
      },
      2,
    ],
    [
      "others did it",
      {
        checkRecordedBy: "a",
        checkCompletedBy: ["b"],
        hitDecisions: [{ decidedById: "c", party: "P", entry: "E" }],
      },
      0,
    ],
  ])("%s", (_label, facts, count) => {
    const reasons = approvalConflicts("me", facts);
    expect(reasons).toHaveLength(count);
    for (const r of reasons) {
      expect(r.ja).toMatch(/四つの目/);
      expect(r.en).toMatch(/four-eyes/);
    }
  });
  it("the system actor has no conflict", () => {
    expect(
      approvalConflicts(null, { checkRecordedBy: null, checkCompletedBy: [], hitDecisions: [] }),
    ).toEqual([]);
  });
});

describe("who decides hits", () => {
  it.each([
    [["secretariat"], [], false, null],
    [["approver"], [], false, "secretariat"],
    [["admin"], [], false, "secretariat"],
    [["secretariat", "applicant"], ["RV-2026-0001"], false, "RV-2026-0001"],
    [["secretariat"], [], true, "人物記録"],
  ] as const)("%j, own reviews %j, own record %s", (roles, refs, own, expected) => {
    const r = hitDecisionConflict({ roles }, { ownReviewRefs: refs, isOwnPersonRecord: own });
    if (expected === null) expect(r).toBeNull();
    else expect(`${r?.ja} ${r?.en}`).toContain(expected);
  });
});

describe("departments", () => {
  it.each([
    ["工学研究科", "工学研究科", true],
    ["工学研究科", "工学研究科 材料工学専攻", true],
    ["工学研究科", "工学研究科　材料工学専攻", true],
    ["工学研究科", "工学研究科/機械系", true],
    ["工学研究科", "工学研究科材料", false],
    ["工学研究科 材料工学専攻", "工学研究科", false],
    ["理学研究科", "工学研究科", false],
    ["", "工学研究科", false],
  ])("%s covers %s: %s", (scope, dept, expected) => {
    expect(departmentCovers(scope, dept)).toBe(expected);
  });
  it("scope: assigned departments, else own, else institution-wide", () => {
    expect(
      unitScopeOf({ department: "工学研究科", scopeDepartments: ["理学研究科", " 理学研究科 "] }),
    ).toEqual(["理学研究科"]);
    expect(unitScopeOf({ department: "工学研究科", scopeDepartments: [] })).toEqual(["工学研究科"]);
    expect(unitScopeOf({ department: null, scopeDepartments: [] })).toBeNull();
    expect(inUnitScope(null, "anything")).toBe(true);
    expect(inUnitScope(["工学研究科"], null)).toBe(true);
    expect(inUnitScope(["工学研究科"], "理学研究科")).toBe(false);
  });
  it("a department always covers itself and what is written after it (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => s.trim() !== ""),
        fc.string(),
        (d, rest) => {
          expect(departmentCovers(d, d)).toBe(true);
          expect(departmentCovers(d, `${d} ${rest}`)).toBe(true);
        },
      ),
    );
  });
});

describe("role changes and reveal rights", () => {
  it("needs a second admin only for one's own changed roles", () => {
    expect(needsSecondAdmin("a", "a", ["admin"], ["admin", "secretariat"])).toBe(true);
    expect(needsSecondAdmin("a", "a", ["admin"], ["admin"])).toBe(false);
    expect(needsSecondAdmin("a", "b", ["admin"], ["secretariat"])).toBe(false);
    expect(needsSecondAdmin(null, "b", [], ["admin"])).toBe(false);
  });
  it("flags only a new grant of reveal rights", () => {
    expect(grantsRevealRights(["admin"], ["admin", "secretariat"])).toBe(true);
    expect(grantsRevealRights(["secretariat"], ["secretariat", "admin"])).toBe(false);
    expect(grantsRevealRights([], ["approver"])).toBe(false);
  });
  it("holds recent grants back for the configured hours", () => {
    const granted = new Date("2026-01-01T00:00:00Z");
    expect(revealHoldUntil(granted, 24, new Date("2026-01-01T23:00:00Z"))?.toISOString()).toBe(
      "2026-01-02T00:00:00.000Z",
    );
    expect(revealHoldUntil(granted, 24, new Date("2026-01-02T00:00:01Z"))).toBeNull();
    expect(revealHoldUntil(granted, 0, granted)).toBeNull();
    expect(revealHoldUntil(null, 24, granted)).toBeNull();
  });
});

describe("login backoff", () => {
  const policy = { maxFailures: 5, lockoutMinutes: 15, backoffSeconds: 30 };
  it("waits only after the free failures, doubling up to the cap, forgetting after a day (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), (previous) => {
        const now = new Date("2026-01-01T12:00:00Z");
        const next = afterFailedLogin({ failures: previous, lastFailureAt: now }, policy, now);
        expect(next.failures).toBe(previous + 1);
        const wait = secondsToWait(next.blockedUntil, now);
        if (previous + 1 < 5) expect(wait).toBe(0);
        else expect(wait).toBe(Math.min(30 * 2 ** (previous + 1 - 5), 900));
        const stale = afterFailedLogin(
          { failures: previous, lastFailureAt: new Date(now.getTime() - 25 * 3_600_000) },
          policy,
          now,
        );
        expect(stale.failures).toBe(1);
      }),
    );
  });
  it("keys by client and username, not by account", () => {
    expect(throttleKey("Admin", "192.0.2.1")).toBe(throttleKey("admin", "192.0.2.1"));
    expect(throttleKey("admin", "192.0.2.1")).not.toBe(throttleKey("admin", "192.0.2.2"));
  });
});
