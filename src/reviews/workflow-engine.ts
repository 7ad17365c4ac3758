import type { Role } from "../db/schema.js";
import type { Label } from "./control-lists.js";

/**
 * The review workflow as an explicit state machine: 事前確認 (applicant) → 該非判定 check (unit
 * officer) → 取引審査 (secretariat) → decision (approver), with return for revision, approval with
 * conditions and rejection. Pure: the service gathers the facts, asks this engine whether an action
 * is allowed, and records the answer. Nobody acts as a reviewer on their own application.
 */

export const REVIEW_STATES = [
  "draft",
  "unit_review",
  "secretariat_review",
  "approval",
  "returned",
  "cleared",
  "approved",
  "approved_with_conditions",
  "rejected",
  "withdrawn",
] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const FINAL_STATES: readonly ReviewState[] = [
  "cleared",
  "approved",
  "approved_with_conditions",
  "rejected",
  "withdrawn",
];

export const STATE_LABELS: Record<ReviewState, Label> = {
  draft: { ja: "下書き", en: "Draft" },
  unit_review: { ja: "部局確認中", en: "Unit officer check" },
  secretariat_review: { ja: "取引審査中（事務局）", en: "Transaction review (secretariat)" },
  approval: { ja: "承認待ち", en: "Awaiting approval" },
  returned: { ja: "差戻し（修正待ち）", en: "Returned for revision" },
  cleared: { ja: "確認完了（本審査不要）", en: "Cleared (no full review needed)" },
  approved: { ja: "承認", en: "Approved" },
  approved_with_conditions: { ja: "条件付き承認", en: "Approved with conditions" },
  rejected: { ja: "不承認", en: "Rejected" },
  withdrawn: { ja: "取下げ", en: "Withdrawn" },
};

export const REVIEW_ACTIONS = [
  "submit",
  "withdraw",
  "return",
  "send_back",
  "clear",
  "forward",
  "complete_check",
  "approve",
  "approve_with_conditions",
  "reject",
] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export const ACTION_LABELS: Record<ReviewAction, Label> = {
  submit: { ja: "申請する", en: "Submit" },
  withdraw: { ja: "取り下げる", en: "Withdraw" },
  return: { ja: "申請者へ差し戻す", en: "Return to applicant" },
  send_back: { ja: "前の段階へ戻す", en: "Send back one stage" },
  clear: { ja: "確認完了（本審査不要）", en: "Clear (no full review needed)" },
  forward: { ja: "取引審査へ回付", en: "Forward to transaction review" },
  complete_check: { ja: "取引審査完了・承認者へ回付", en: "Complete review, send to approver" },
  approve: { ja: "承認", en: "Approve" },
  approve_with_conditions: { ja: "条件付きで承認", en: "Approve with conditions" },
  reject: { ja: "不承認", en: "Reject" },
};

type Rule = {
  from: readonly ReviewState[];
  to: ReviewState | ((from: ReviewState) => ReviewState);
  /** Who may take the action: the application's owner, or holders of one of these roles (never the owner). */
  by: "owner" | readonly Role[];
  needsComment?: boolean;
  needsConditions?: boolean;
};

const RULES: Record<ReviewAction, Rule> = {
  submit: { from: ["draft", "returned"], to: "unit_review", by: "owner" },
  withdraw: { from: ["draft", "returned", "unit_review"], to: "withdrawn", by: "owner" },
  return: {
    from: ["unit_review", "secretariat_review", "approval"],
    to: "returned",
    by: ["unit_officer", "secretariat", "approver"],
    needsComment: true,
  },
  send_back: {
    from: ["secretariat_review", "approval"],
    to: (from) => (from === "approval" ? "secretariat_review" : "unit_review"),
    by: ["secretariat", "approver"],
    needsComment: true,
  },
  clear: { from: ["unit_review"], to: "cleared", by: ["unit_officer"] },
  forward: { from: ["unit_review"], to: "secretariat_review", by: ["unit_officer"] },
  complete_check: { from: ["secretariat_review"], to: "approval", by: ["secretariat"] },
  approve: { from: ["approval"], to: "approved", by: ["approver"] },
  approve_with_conditions: {
    from: ["approval"],
    to: "approved_with_conditions",
    by: ["approver"],
    needsConditions: true,
  },
  reject: { from: ["approval"], to: "rejected", by: ["approver"], needsComment: true },
};

/** Which role must act at a stage (for the return/send_back actions, which are shared by stages). */
const STAGE_ROLE: Partial<Record<ReviewState, Role>> = {
  unit_review: "unit_officer",
  secretariat_review: "secretariat",
  approval: "approver",
};

/** The facts the service gathers before asking whether an action may happen. */
export type WorkflowFacts = {
  applicantUserId: string;
  /** 該非判定 recorded. */
  classified: boolean;
  /** Routing: does this activity need the full review? */
  track: "simple" | "full";
  /** 取引審査 checklists all answered. */
  transactionCheckComplete: boolean;
  /** Counterparties never screened (or screened before their last change). */
  unscreenedCount: number;
  /** Screening hits at or above the threshold without a decision. */
  openHitCount: number;
  /** Hiring and contracting: identity checks not yet recorded (absent for other activities). */
  identityChecksMissing?: number | undefined;
  /**
   * The export licence (外為法 第48条第1項・第25条第1項) as far as the approval goes: whether the
   * licence-requirement engine could decide, whether a licence is required, and whether a linked
   * licence (or a recorded application in progress) satisfies it. Absent for activities without exports.
   */
  licence?: { required: boolean; undetermined: boolean; satisfied: boolean; reason: Label } | undefined;
};

export type TransitionInput = { comment?: string | null; conditions?: string | null };

export type Refusal = {
  ok: false;
  status: 400 | 403 | 409;
  code: string;
  message: Label;
  field?: string;
};
export type Decision = { ok: true; from: ReviewState; to: ReviewState } | Refusal;

const refuse = (
  status: Refusal["status"],
  code: string,
  ja: string,
  en: string,
  field?: string,
): Refusal => ({
  ok: false,
  status,
  code,
  message: { ja, en },
  ...(field ? { field } : {}),
});

/**
 * Decides whether `actor` may take `action` on a review in state `from`, and where it leads. Checks,
 * in order: the action exists in this state, the actor's part (owner, or the stage's role and not the
 * owner), the required comment/conditions, and the stage's preconditions (classification, screening,
 * open hits, checklists).
 */
export function decideTransition(
  from: ReviewState,
  action: ReviewAction,
  actor: { id: string | null; roles: readonly Role[] },
  facts: WorkflowFacts,
  input: TransitionInput = {},
): Decision {
  const rule = RULES[action];
  if (!rule) return refuse(400, "unknown_action", "不明な操作です", "Unknown action");
  if (!rule.from.includes(from)) {
    return refuse(
      409,
      "illegal_transition",
      `「${STATE_LABELS[from].ja}」の申請に「${ACTION_LABELS[action].ja}」はできません`,
      `A review that is "${STATE_LABELS[from].en}" cannot be "${ACTION_LABELS[action].en}"`,
    );
  }
  const isOwner = actor.id !== null && actor.id === facts.applicantUserId;
  if (rule.by === "owner") {
    if (!isOwner)
      return refuse(403, "not_owner", "申請者本人のみが行えます", "Only the applicant can do this");
  } else {
    if (isOwner)
      return refuse(
        403,
        "own_application",
        "自分の申請を審査・承認することはできません",
        "You cannot review or approve your own application",
      );
    const stageRole = STAGE_ROLE[from];
    const needed = action === "return" || action === "send_back" ? (stageRole ? [stageRole] : []) : rule.by;
    if (!actor.roles.some((r) => needed.includes(r)))
      return refuse(
        403,
        "wrong_role",
        "この段階の担当者ではありません",
        "You do not hold the role that acts at this stage",
      );
  }
  if (rule.needsComment && !input.comment?.trim())
    return refuse(
      400,
      "comment_required",
      "理由・コメントを入力してください",
      "Enter a reason or comment",
      "comment",
    );
  if (rule.needsConditions && !input.conditions?.trim())
    return refuse(
      400,
      "conditions_required",
      "承認の条件を入力してください",
      "Enter the conditions",
      "conditions",
    );

  if (action === "clear" && facts.track === "full")
    return refuse(
      409,
      "full_review_required",
      "この申請は本審査（取引審査・承認）が必要です",
      "This application needs the full review (transaction review and approval)",
    );
  if (action === "clear" || action === "forward") {
    if (!facts.classified)
      return refuse(
        409,
        "classification_missing",
        "該非判定が記録されていません",
        "The classification (該非判定) has not been recorded",
      );
  }
  if (
    action === "clear" ||
    action === "complete_check" ||
    action === "approve" ||
    action === "approve_with_conditions"
  ) {
    if (facts.unscreenedCount > 0)
      return refuse(
        409,
        "screening_missing",
        `スクリーニングが済んでいない相手方が ${facts.unscreenedCount} 件あります`,
        `${facts.unscreenedCount} counterpart${facts.unscreenedCount === 1 ? "y has" : "ies have"} not been screened`,
      );
    if (facts.openHitCount > 0)
      return refuse(
        409,
        "open_hits",
        `未確認のスクリーニング該当候補が ${facts.openHitCount} 件あります。スクリーニング画面で判定してください`,
        `${facts.openHitCount} screening hit${facts.openHitCount === 1 ? " is" : "s are"} still open; decide ${facts.openHitCount === 1 ? "it" : "them"} in screening first`,
      );
  }
  if (facts.licence && (action === "clear" || action === "complete_check") && facts.licence.undetermined)
    return refuse(409, "licence_undetermined", facts.licence.reason.ja, facts.licence.reason.en);
  if (
    facts.licence &&
    (action === "approve" || action === "approve_with_conditions") &&
    (facts.licence.undetermined || (facts.licence.required && !facts.licence.satisfied))
  )
    return refuse(
      409,
      facts.licence.undetermined ? "licence_undetermined" : "licence_missing",
      facts.licence.reason.ja,
      facts.licence.reason.en,
    );
  if (action === "complete_check" && !facts.transactionCheckComplete)
    return refuse(
      409,
      "transaction_check_incomplete",
      "取引審査のチェックリストが完了していません",
      "The transaction-review checklists are not complete",
    );
  if (action === "complete_check" && (facts.identityChecksMissing ?? 0) > 0)
    return refuse(
      409,
      "identity_check_incomplete",
      `本人確認のチェックリストに未実施の項目が ${facts.identityChecksMissing} 件あります`,
      `${facts.identityChecksMissing} identity check${facts.identityChecksMissing === 1 ? " is" : "s are"} not yet recorded`,
    );
  const to = typeof rule.to === "function" ? rule.to(from) : rule.to;
  return { ok: true, from, to };
}

/** Refusals the actor can resolve at this stage (the action is shown, and explains itself when tried). */
const RESOLVABLE = new Set([
  "licence_missing",
  "licence_undetermined",
  "classification_missing",
  "screening_missing",
  "open_hits",
  "transaction_check_incomplete",
  "identity_check_incomplete",
]);

/** The actions this actor could take now (the web app shows them as buttons). */
export function availableActions(
  from: ReviewState,
  actor: { id: string | null; roles: readonly Role[] },
  facts: WorkflowFacts,
): ReviewAction[] {
  return REVIEW_ACTIONS.filter((action) => {
    const d = decideTransition(from, action, actor, facts, { comment: "x", conditions: "x" });
    // Show actions refused only by a precondition the actor can resolve (screening, checklists).
    return d.ok || RESOLVABLE.has(d.code);
  });
}

/** The role whose inbox holds a review in this state (null when it waits on the applicant or is final). */
export function stageRole(state: ReviewState): Role | null {
  return STAGE_ROLE[state] ?? null;
}

/** True when the review can no longer change. */
export function isFinal(state: ReviewState): boolean {
  return FINAL_STATES.includes(state);
}

/** True when the applicant may edit the application (事前確認 answers, counterparties). */
export function applicantMayEdit(state: ReviewState): boolean {
  return state === "draft" || state === "returned";
}
