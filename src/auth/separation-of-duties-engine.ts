import type { Role } from "../db/schema.js";

/**
 * Separation of duties (四つの目, the four-eyes principle) and object-level scoping, as pure rules.
 * Services gather the facts (who checked, who decided which hit, whose department a record is in)
 * and ask these functions; the answer always carries its reasons in Japanese and English, so a
 * refusal explains itself on the screen and in the audit log.
 */

export type Reason = { ja: string; en: string };

/** The roles that may reveal who is behind an insider-risk pseudonym (see src/insider/insider-routes.ts). */
export const REVEAL_ROLES: readonly Role[] = ["secretariat"];

/** Actions that decide a review in the applicant's favour; the four-eyes rule guards these. */
export const APPROVING_ACTIONS: readonly string[] = ["approve", "approve_with_conditions"];

/** What the approval rule looks at: who did the 取引審査 and who decided the screening hits it relies on. */
export type ApprovalFacts = {
  /** The user who recorded the 取引審査 checklists (reviews.checked_by). */
  checkRecordedBy: string | null;
  /** Everyone who took the "complete the 取引審査" action on this review, in any round. */
  checkCompletedBy: readonly string[];
  /** The current decisions on the review's counterparties' hits (at or above the threshold). */
  hitDecisions: readonly { decidedById: string | null; party: string; entry: string }[];
};

/**
 * Why `approverId` may not approve a review (empty: they may). The person who recorded or completed
 * the 取引審査, or who decided any screening hit the review relies on, cannot also approve it — even
 * when they hold the approver role. A null approver (system) has no conflict here.
 */
export function approvalConflicts(approverId: string | null, facts: ApprovalFacts): Reason[] {
  if (approverId === null) return [];
  const reasons: Reason[] = [];
  if (facts.checkRecordedBy === approverId || facts.checkCompletedBy.includes(approverId)) {
    reasons.push({
      ja: "あなたはこの申請の取引審査を行いました。取引審査を行った人は同じ申請を承認できません（四つの目の原則）",
      en: "You carried out this review's transaction review (取引審査); whoever did it cannot also approve it (four-eyes principle)",
    });
  }
  const mine = facts.hitDecisions.filter((d) => d.decidedById === approverId);
  if (mine.length > 0) {
    const list = [...new Set(mine.map((d) => `${d.party} — ${d.entry}`))];
    reasons.push({
      ja: `あなたはこの申請の相手方のスクリーニング該当候補を判定しました（${list.join("、")}）。該当候補を判定した人は同じ申請を承認できません（四つの目の原則）`,
      en: `You decided screening hits of this review's counterparties (${list.join("; ")}); whoever decided them cannot also approve it (four-eyes principle)`,
    });
  }
  return reasons;
}

/** What the hit-decision rule looks at about the person deciding and the party. */
export type HitDecisionFacts = {
  /** Reference numbers of reviews this user applied for that name the party. */
  ownReviewRefs: readonly string[];
  /** The party is this user's own person record. */
  isOwnPersonRecord: boolean;
};

/**
 * Why `actor` may not decide a screening hit on a party (null: they may). Only the secretariat
 * decides hits, and never on a party named in one of their own applications or on themselves —
 * even when they hold the secretariat role.
 */
export function hitDecisionConflict(
  actor: { roles: readonly Role[] },
  facts: HitDecisionFacts,
): Reason | null {
  if (!actor.roles.includes("secretariat")) {
    return {
      ja: "スクリーニングの該当候補を判定できるのは事務局だけです",
      en: "Only the secretariat decides screening hits",
    };
  }
  if (facts.ownReviewRefs.length > 0) {
    const refs = [...new Set(facts.ownReviewRefs)].join(", ");
    return {
      ja: `この相手方はあなた自身の申請（${refs}）に含まれています。自分の申請の相手方の該当候補は判定できません。他の事務局員に依頼してください`,
      en: `This party is named in your own application (${refs}); you cannot decide hits on your own application's counterparties. Ask another member of the secretariat`,
    };
  }
  if (facts.isOwnPersonRecord) {
    return {
      ja: "これはあなた自身の人物記録です。自分自身の該当候補は判定できません",
      en: "This is your own person record; you cannot decide hits on yourself",
    };
  }
  return null;
}

/** Normalises a department name for comparison: width-folded, single-spaced, trimmed. */
export function normaliseDepartment(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, " ").trim();
}

/**
 * True when an officer's department `scope` covers `department`: the same unit, or a unit inside it
 * written after it ("工学研究科" covers "工学研究科 材料工学専攻" and "工学研究科/機械系").
 */
export function departmentCovers(scope: string, department: string): boolean {
  const s = normaliseDepartment(scope);
  const d = normaliseDepartment(department);
  if (s === "" || d === "") return false;
  if (d === s) return true;
  return d.startsWith(s) && /^[ /／・>＞]/.test(d.slice(s.length));
}

/**
 * The departments a unit officer acts for: the ones an administrator set for them, else their own
 * department. `null` means institution-wide (neither is set) — a single central unit officer.
 */
export function unitScopeOf(user: {
  department: string | null;
  scopeDepartments: readonly string[];
}): string[] | null {
  const set = user.scopeDepartments.map(normaliseDepartment).filter((d) => d !== "");
  if (set.length > 0) return [...new Set(set)];
  const own = user.department ? normaliseDepartment(user.department) : "";
  return own ? [own] : null;
}

/**
 * True when an officer with this scope may act on a record of `department`. An institution-wide
 * officer (null scope) covers everything; a record without a department is covered by every
 * officer (nobody else could take it through the unit stage).
 */
export function inUnitScope(scope: readonly string[] | null, department: string | null): boolean {
  if (scope === null) return true;
  if (department === null || normaliseDepartment(department) === "") return true;
  return scope.some((s) => departmentCovers(s, department));
}

/** Roles added and removed by a change, in a stable order. */
export function roleDiff(
  before: readonly Role[],
  after: readonly Role[],
): { added: Role[]; removed: Role[] } {
  return {
    added: [...new Set(after)].filter((r) => !before.includes(r)).sort(),
    removed: [...new Set(before)].filter((r) => !after.includes(r)).sort(),
  };
}

/** True when an administrator is changing their own roles — that needs a second administrator. */
export function needsSecondAdmin(
  actorId: string | null,
  targetUserId: string,
  before: readonly Role[],
  after: readonly Role[],
): boolean {
  if (actorId === null || actorId !== targetUserId) return false;
  const { added, removed } = roleDiff(before, after);
  return added.length + removed.length > 0;
}

/** True when the change gives the user the right to reveal insider-risk identities. */
export function grantsRevealRights(before: readonly Role[], after: readonly Role[]): boolean {
  return !before.some((r) => REVEAL_ROLES.includes(r)) && after.some((r) => REVEAL_ROLES.includes(r));
}

/**
 * Until when reveal rights granted at `grantedAt` are still too recent to use (null: usable now).
 * Rights granted by the command line or the server itself carry no grant time and are usable at
 * once: whoever runs commands on the server is outside what the application can hold back.
 */
export function revealHoldUntil(grantedAt: Date | null, holdHours: number, now: Date): Date | null {
  if (grantedAt === null || holdHours <= 0) return null;
  const until = new Date(grantedAt.getTime() + holdHours * 3_600_000);
  return until.getTime() > now.getTime() ? until : null;
}
