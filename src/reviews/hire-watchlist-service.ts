import { randomUUID } from "node:crypto";
import type { AuditWriter } from "../audit/audit-service.js";
import type { Db, Executor } from "../db/database.js";
import { type Actor, hasAnyRole } from "../shared/actor.js";
import { conflict, type FieldError, forbidden, invalid } from "../shared/errors.js";
import type { TasksService } from "../tasks/tasks-service.js";
import type { Label } from "./control-lists.js";
import type { ReviewView } from "./reviews-service.js";
import { HIRE_WATCHLIST_ENTITY, HIRE_WATCHLIST_TASK } from "./reviews-service.js";

/** Who may put a hire's account on the insider-risk watchlist: the insider module's workers. */
export const HIRE_WATCHLIST_EDITORS = ["secretariat", "admin"] as const;

/** The insider watchlists a hire's account can go on (remote_identity: identity in doubt). */
export const HIRE_WATCHLISTS = ["remote_identity", "contractor", "new_hire"] as const;
export type HireWatchlist = (typeof HIRE_WATCHLISTS)[number];

export const HIRE_WATCHLIST_LABELS: Record<HireWatchlist, Label> = {
  remote_identity: { ja: "本人確認に疑義のあるアカウント", en: "Identity in doubt (remote identity)" },
  contractor: { ja: "業務委託先", en: "Contractor" },
  new_hire: { ja: "新規採用者", en: "New hire" },
};

/** Puts an account on an insider watchlist inside the caller's transaction (the insider service's). */
export type WatchlistWriter = (
  tx: Executor,
  actor: Actor,
  entry: { userId: string; list: string; from: string | null; source: string; reason: string },
) => Promise<unknown>;

export type HireWatchlistView = {
  /** An approved hiring review: its hire's account can be put on the watchlist. */
  eligible: boolean;
  highRisk: boolean;
  /** The follow-up task from the approval is still open. */
  taskOpen: boolean;
  mayAdd: boolean;
  lists: { value: HireWatchlist; label: Label }[];
  entries: { account: string; list: HireWatchlist; listLabel: Label; addedBy: string; addedAt: string }[];
};

const APPROVED = ["approved", "approved_with_conditions"];

/**
 * A hiring review's link to the insider-risk watchlist (issue 15 §4). A high-risk hire is approved
 * before the person has an account, so the approval opens a task for the security office; once the
 * account exists, the office adds it here: the insider watchlist entry (source `hiring-review`), the
 * review's record of it, the audit rows and the closing of the task happen in one transaction.
 */
export function createHireWatchlistService(deps: {
  db: Db;
  audit: AuditWriter;
  tasks: TasksService;
  /** Reads the review as the actor may see it (throws when they may not). */
  review: (actor: Actor, id: string) => Promise<ReviewView>;
  watchlist: WatchlistWriter;
  clock?: () => Date;
}) {
  const { db, audit, tasks } = deps;
  const clock = deps.clock ?? (() => new Date());

  async function entries(exec: Executor, reviewId: string) {
    return exec
      .selectFrom("review_watchlist_entries as e")
      .leftJoin("users as u", "u.id", "e.added_by")
      .select(["e.account", "e.list", "e.added_by_label", "e.created_at"])
      .select("u.display_name as added_by_name")
      .where("e.review_id", "=", reviewId)
      .orderBy("e.created_at")
      .execute();
  }

  async function taskOpen(exec: Executor, reviewId: string): Promise<boolean> {
    const row = await exec
      .selectFrom("tasks")
      .select("id")
      .where("entity_type", "=", HIRE_WATCHLIST_ENTITY)
      .where("entity_id", "=", reviewId)
      .where("kind", "=", HIRE_WATCHLIST_TASK)
      .where("status", "=", "open")
      .executeTakeFirst();
    return row !== undefined;
  }

  async function get(actor: Actor, id: string): Promise<HireWatchlistView> {
    const review = await deps.review(actor, id);
    const hiring = review.activityType === "hiring_contracting";
    const eligible = hiring && APPROVED.includes(review.status);
    return {
      eligible,
      highRisk: hiring && review.assessment.level === "high",
      taskOpen: hiring ? await taskOpen(db, id) : false,
      mayAdd: eligible && hasAnyRole(actor, HIRE_WATCHLIST_EDITORS),
      lists: HIRE_WATCHLISTS.map((value) => ({ value, label: HIRE_WATCHLIST_LABELS[value] })),
      entries: hiring
        ? (await entries(db, id)).map((e) => ({
            account: e.account,
            list: e.list as HireWatchlist,
            listLabel: HIRE_WATCHLIST_LABELS[e.list as HireWatchlist] ?? { ja: e.list, en: e.list },
            addedBy: e.added_by_name ?? e.added_by_label,
            addedAt: new Date(e.created_at).toISOString(),
          }))
        : [],
    };
  }

  /**
   * Adds the hire's account to an insider watchlist (from today, open-ended), records it on the
   * review and closes the follow-up task. Only the security office (secretariat, admin), only for an
   * approved hiring review; the same account on the same list twice is refused.
   */
  async function add(actor: Actor, id: string, input: { account: string; list: string }) {
    if (!hasAnyRole(actor, HIRE_WATCHLIST_EDITORS))
      throw forbidden({
        ja: "監視リストへの追加は事務局（セキュリティ担当）が行います",
        en: "Only the security office (secretariat) adds accounts to the watchlist",
      });
    const account = input.account.trim();
    const fields: FieldError[] = [];
    if (account === "")
      fields.push({
        path: "account",
        message: { ja: "アカウント（ユーザーID）を入力してください", en: "Enter the account (user ID)" },
      });
    else if (account.length > 200 || /\s/.test(account))
      fields.push({
        path: "account",
        message: {
          ja: "アカウントは空白を含まない200文字以内で入力してください",
          en: "The account is at most 200 characters without spaces",
        },
      });
    if (!(HIRE_WATCHLISTS as readonly string[]).includes(input.list))
      fields.push({
        path: "list",
        message: {
          ja: "監視リストを選んでください",
          en: `Choose a watchlist (${HIRE_WATCHLISTS.join(", ")})`,
        },
      });
    if (fields.length > 0) throw invalid(fields);
    const review = await deps.review(actor, id);
    if (review.activityType !== "hiring_contracting")
      throw conflict("not_hiring", {
        ja: "監視リストへの追加は採用・業務委託の審査からだけ行えます",
        en: "Only hiring and contracting reviews put accounts on the watchlist",
      });
    if (!APPROVED.includes(review.status))
      throw conflict("not_approved", {
        ja: "承認された採用・業務委託の審査だけが対象です",
        en: "Only an approved hire or contract can be put on the watchlist",
      });
    const list = input.list as HireWatchlist;
    await db.transaction().execute(async (tx) => {
      const existing = (await entries(tx, id)).find((e) => e.account === account && e.list === list);
      if (existing)
        throw conflict("already_watchlisted", {
          ja: `${account} はこの審査からすでに「${HIRE_WATCHLIST_LABELS[list].ja}」に追加されています`,
          en: `${account} is already on "${HIRE_WATCHLIST_LABELS[list].en}" from this review`,
        });
      const level = review.assessment.level;
      await deps.watchlist(tx, actor, {
        userId: account,
        list,
        from: clock().toISOString().slice(0, 10),
        source: "hiring-review",
        reason: `${review.refNo} ${review.title}（採用・業務委託の審査、リスク: ${level} / hiring review, risk: ${level}）`,
      });
      await tx
        .insertInto("review_watchlist_entries")
        .values({
          id: randomUUID(),
          review_id: id,
          account,
          list,
          added_by: actor.id,
          added_by_label: actor.label,
        })
        .execute();
      await audit.write(tx, actor, {
        action: "review.hire_watchlisted",
        entityType: "review",
        entityId: id,
        after: { account, list, riskLevel: level },
      });
      await tasks.closeFor(tx, actor, {
        entityType: HIRE_WATCHLIST_ENTITY,
        entityId: id,
        kind: HIRE_WATCHLIST_TASK,
      });
    });
    return get(actor, id);
  }

  return { get, add };
}

export type HireWatchlistService = ReturnType<typeof createHireWatchlistService>;
