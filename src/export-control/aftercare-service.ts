import { randomUUID } from "node:crypto";
import type { AuditWriter } from "../audit/audit-service.js";
import type { Db, Executor } from "../db/database.js";
import { isIsoDate, liveHits } from "../people/people-engine.js";
import { toScreeningFact } from "../people/screening-facts.js";
import type { ScreeningPort } from "../screening/screening-contract.js";
import { type Actor, hasAnyRole } from "../shared/actor.js";
import { AppError, conflict, type FieldError, forbidden, invalid, notFound } from "../shared/errors.js";
import type { TasksService } from "../tasks/tasks-service.js";
import {
  HAND_CARRY_KINDS,
  nextRescreen,
  PROVISION_METHODS,
  type ReturnStatus,
  validateReturn,
} from "./aftercare-engine.js";
import type { ExportControlRepo } from "./export-control-repo.js";
import type { Label } from "./legal-sources.js";
import type { LicencesService } from "./licences-service.js";

const APPROVED = ["approved", "approved_with_conditions", "cleared"];
const OFFICERS = ["unit_officer", "secretariat", "approver", "admin"] as const;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/**
 * After approval: each approval condition as a tracked task with an owner and due date; the
 * technology-provision log (what, to whom, when, how — cloud sharing and video calls included —
 * under which review and licence); laptops and samples carried on trips with the post-trip return
 * check; and yearly re-screening of long-term guests. All changes audited, reminders through tasks.
 */
export function createAftercareService(deps: {
  db: Db;
  repo: ExportControlRepo;
  audit: AuditWriter;
  tasks: TasksService;
  licences: Pick<LicencesService, "recordUsageIn">;
  screening: Pick<ScreeningPort, "screenParty">;
  clock?: () => Date;
}) {
  const { db, repo, audit, tasks } = deps;
  const clock = deps.clock ?? (() => new Date());
  const today = () => clock().toISOString().slice(0, 10);

  async function review(exec: Executor, id: string) {
    const r = await repo.reviewBasics(exec, id);
    if (!r) throw notFound({ ja: "審査申請", en: "Review" });
    return r;
  }
  const isOwner = (actor: Actor, r: { applicant_user_id: string }) => actor.id === r.applicant_user_id;

  // — approval conditions —

  /** Stores the approval's conditions and opens one task per condition for its owner (inside the approval). */
  async function createConditions(
    tx: Executor,
    actor: Actor,
    r: { id: string; refNo: string; title: string },
    items: { text: string; ownerUserId: string; dueOn: string }[],
  ): Promise<void> {
    const rows = items.map((c, i) => ({ id: randomUUID(), reviewId: r.id, position: i, ...c }));
    await repo.insertConditions(tx, rows);
    for (const c of rows)
      await tasks.open(tx, actor, {
        kind: "review.condition",
        title: {
          ja: `承認条件の履行（期限 ${c.dueOn}）: ${r.refNo} ${c.text.slice(0, 60)}`,
          en: `Approval condition due ${c.dueOn}: ${r.refNo} ${c.text.slice(0, 60)}`,
        },
        detail: {
          ja: `「${r.title}」の承認条件: ${c.text}\n履行したら審査画面で完了を記録してください`,
          en: `Condition of "${r.title}": ${c.text}\nRecord it as done on the review page`,
        },
        link: `/reviews/${r.id}`,
        entityType: "review_condition",
        entityId: c.id,
        assignee: { userId: c.ownerUserId },
        dedupeKey: `review_condition:${c.id}`,
        dueAt: new Date(`${c.dueOn}T00:00:00Z`),
        email: true,
      });
  }

  async function conditions(actor: Actor, filter: { reviewId?: string; mine?: boolean }) {
    const rows = await repo.conditions(db, {
      ...(filter.reviewId ? { reviewId: filter.reviewId } : {}),
      ...(filter.mine && actor.id ? { ownerUserId: actor.id } : {}),
    });
    return rows.map((c) => ({
      id: c.id,
      reviewId: c.review_id,
      reviewRef: c.review_ref,
      reviewTitle: c.review_title,
      position: c.position,
      text: c.text,
      owner: { id: c.owner_user_id, name: c.owner_name },
      dueOn: c.due_on,
      overdue: c.status === "open" && c.due_on < today(),
      status: c.status,
      evidence: c.evidence,
      doneBy: c.done_by_name,
      doneAt: iso(c.done_at),
    }));
  }

  /** The owner (or the secretariat) records a condition as met; only the secretariat or approver may waive one. */
  async function closeCondition(
    actor: Actor,
    id: string,
    input: { status: "done" | "waived"; evidence: string },
  ) {
    if (!input.evidence.trim())
      throw invalid([
        {
          path: "evidence",
          message: { ja: "履行の内容・根拠を記入してください", en: "Describe how it was met (evidence)" },
        },
      ]);
    const reviewId = await db.transaction().execute(async (tx) => {
      const c = await repo.findCondition(tx, id);
      if (!c) throw notFound({ ja: "承認条件", en: "Condition" });
      const mayClose =
        input.status === "done"
          ? c.owner_user_id === actor.id || hasAnyRole(actor, ["secretariat", "admin"])
          : hasAnyRole(actor, ["secretariat", "approver", "admin"]);
      if (!mayClose)
        throw forbidden({
          ja:
            input.status === "done"
              ? "条件の担当者または事務局が記録します"
              : "条件の免除は事務局・承認者が行います",
          en:
            input.status === "done"
              ? "The condition's owner or the secretariat records it"
              : "Only the secretariat or approver may waive a condition",
        });
      if (c.status !== "open")
        throw conflict("condition_closed", {
          ja: "この条件は完了済みです",
          en: "This condition is already closed",
        });
      await repo.closeCondition(tx, id, {
        status: input.status,
        evidence: input.evidence.trim(),
        by: actor.id,
        at: clock(),
      });
      await tasks.closeFor(tx, actor, { entityType: "review_condition", entityId: id });
      await audit.write(tx, actor, {
        action: `review.condition_${input.status}`,
        entityType: "review",
        entityId: c.review_id,
        after: { conditionId: id, text: c.text, evidence: input.evidence.trim() },
      });
      return c.review_id;
    });
    return conditions(actor, { reviewId });
  }

  // — technology provision log —

  async function provisions(actor: Actor, filter: { reviewId?: string; from?: string; to?: string }) {
    if (filter.reviewId) {
      const r = await review(db, filter.reviewId);
      if (!isOwner(actor, r) && !hasAnyRole(actor, [...OFFICERS, "auditor"])) throw forbidden();
    } else if (!hasAnyRole(actor, [...OFFICERS, "auditor"])) throw forbidden();
    const rows = await repo.provisions(db, filter);
    return rows.map((p) => ({
      id: p.id,
      reviewId: p.review_id,
      reviewRef: p.review_ref,
      licenceId: p.licence_id,
      licenceRef: p.licence_ref,
      licenceNumber: p.licence_number,
      itemId: p.item_id,
      itemRef: p.item_ref,
      itemName: p.item_name,
      what: p.what,
      recipientPartyId: p.recipient_party_id,
      recipientName: p.recipient_name,
      providedOn: p.provided_on,
      method: p.method,
      country: p.country,
      providedBy: p.provided_by_name,
      note: p.note,
      createdAt: iso(p.created_at)!,
    }));
  }

  /**
   * Logs one provision of technology. It must fall under an approved review; when the review needed a
   * licence, the licence is named and its use recorded in the same transaction.
   */
  async function recordProvision(
    actor: Actor,
    input: {
      reviewId: string;
      licenceId: string | null;
      itemId: string | null;
      what: string;
      recipientPartyId: string | null;
      recipientName: string;
      providedOn: string;
      method: string;
      country: string | null;
      note: string | null;
    },
  ) {
    const fields: FieldError[] = [];
    if (!input.what.trim())
      fields.push({
        path: "what",
        message: { ja: "提供した技術を記入してください", en: "Describe what was provided" },
      });
    if (!input.recipientName.trim())
      fields.push({
        path: "recipientName",
        message: { ja: "提供先を記入してください", en: "Name the recipient" },
      });
    if (!isIsoDate(input.providedOn))
      fields.push({ path: "providedOn", message: { ja: "日付は YYYY-MM-DD で", en: "Use YYYY-MM-DD" } });
    if (!(PROVISION_METHODS as readonly string[]).includes(input.method))
      fields.push({
        path: "method",
        message: { ja: "提供方法を選んでください", en: "Choose how it was provided" },
      });
    if (fields.length) throw invalid(fields);
    const id = randomUUID();
    await db.transaction().execute(async (tx) => {
      const r = await review(tx, input.reviewId);
      if (!isOwner(actor, r) && !hasAnyRole(actor, ["unit_officer", "secretariat", "admin"]))
        throw forbidden({
          ja: "申請者または担当者が記録します",
          en: "The applicant or an officer records provisions",
        });
      if (!APPROVED.includes(r.status))
        throw conflict("review_not_approved", {
          ja: "承認（または確認完了）された審査の範囲でのみ技術を提供できます",
          en: "Technology may be provided only under an approved (or cleared) review",
        });
      const determination = r.licence_determination as { licenceRequired?: boolean } | null;
      if (determination?.licenceRequired && !input.licenceId)
        throw invalid([
          {
            path: "licenceId",
            message: {
              ja: "この審査は許可が必要です。使用した許可を選んでください",
              en: "This review needs a licence: choose the licence used",
            },
          },
        ]);
      await repo.insertProvision(tx, {
        id,
        reviewId: input.reviewId,
        licenceId: input.licenceId,
        itemId: input.itemId,
        what: input.what.trim(),
        recipientPartyId: input.recipientPartyId,
        recipientName: input.recipientName.trim(),
        providedOn: input.providedOn,
        method: input.method,
        country: input.country?.toUpperCase() || null,
        providedBy: actor.id,
        note: input.note?.trim() || null,
      });
      if (input.licenceId)
        await deps.licences.recordUsageIn(tx, actor, input.licenceId, {
          usedOn: input.providedOn,
          quantity: null,
          valueJpy: null,
          reviewId: input.reviewId,
          note: `${input.what.trim()} → ${input.recipientName.trim()}`,
          destinationCountry: input.country,
        });
      await audit.write(tx, actor, {
        action: "review.technology_provided",
        entityType: "review",
        entityId: input.reviewId,
        after: { provisionId: id, ...input },
      });
    });
    return provisions(actor, { reviewId: input.reviewId });
  }

  // — hand-carry —

  async function handCarry(actor: Actor, reviewId: string) {
    const r = await review(db, reviewId);
    if (!isOwner(actor, r) && !hasAnyRole(actor, [...OFFICERS, "auditor"])) throw forbidden();
    return (await repo.handCarry(db, { reviewId })).map((h) => ({
      id: h.id,
      kind: h.kind,
      description: h.description,
      itemId: h.item_id,
      itemRef: h.item_ref,
      itemName: h.item_name,
      outOn: h.out_on,
      returnDueOn: h.return_due_on,
      returnedOn: h.returned_on,
      returnStatus: h.return_status,
      returnNote: h.return_note,
      checkedBy: h.checked_by_name,
      overdue: h.return_status === "pending" && h.return_due_on < today(),
    }));
  }

  async function addHandCarry(
    actor: Actor,
    reviewId: string,
    input: { kind: string; description: string; itemId: string | null; outOn: string; returnDueOn: string },
  ) {
    const fields: FieldError[] = [];
    if (!(HAND_CARRY_KINDS as readonly string[]).includes(input.kind))
      fields.push({ path: "kind", message: { ja: "種類を選んでください", en: "Choose the kind" } });
    if (!input.description.trim())
      fields.push({
        path: "description",
        message: { ja: "携行品を記入してください", en: "Describe the item" },
      });
    if (!isIsoDate(input.outOn))
      fields.push({ path: "outOn", message: { ja: "日付は YYYY-MM-DD で", en: "Use YYYY-MM-DD" } });
    if (!isIsoDate(input.returnDueOn) || input.returnDueOn < input.outOn)
      fields.push({
        path: "returnDueOn",
        message: {
          ja: "帰国予定日は出国日以降の日付にしてください",
          en: "The return date must be on or after departure",
        },
      });
    if (fields.length) throw invalid(fields);
    const id = randomUUID();
    await db.transaction().execute(async (tx) => {
      const r = await review(tx, reviewId);
      if (r.activity_type !== "overseas_trip")
        throw conflict("not_a_trip", {
          ja: "携行品は海外渡航の審査に記録します",
          en: "Hand-carried items belong to overseas-trip reviews",
        });
      if (!isOwner(actor, r) && !hasAnyRole(actor, ["unit_officer", "secretariat", "admin"]))
        throw forbidden();
      // A listed item from the item master carried abroad is an export of listed goods: the
      // secretariat confirms the licence (or an ETCO art. 4 exemption, which this product does not decide)
      // before departure.
      const item = input.itemId ? (await repo.itemsByIds(tx, [input.itemId]))[0] : undefined;
      if (input.itemId && !item)
        throw invalid([
          {
            path: "itemId",
            message: { ja: "品目マスタにない品目です", en: "Not an item in the item master" },
          },
        ]);
      await repo.insertHandCarry(tx, { id, reviewId, ...input, description: input.description.trim() });
      if (item?.list_status === "listed")
        await tasks.open(tx, actor, {
          kind: "review.hand_carry_listed",
          title: {
            ja: `リスト規制該当品の携行（${item.listed_item}の項）: ${r.ref_no} ${item.ref_no} ${item.name}`,
            en: `Listed item carried abroad (item ${item.listed_item}): ${r.ref_no} ${item.ref_no} ${item.name}`,
          },
          detail: {
            ja: `携行による持出しも貨物の輸出に当たり、リスト規制品は全地域向けに許可が必要です（外為法第48条第1項）。出国日（${input.outOn}）までに、許可（包括許可を含む）が審査に紐付いているか、輸出令第4条の特例が使えるかを確認してください（特例は本製品では判定しません）`,
            en: `Carrying goods abroad is an export, and listed goods need a licence to every destination (FEFTA art. 48(1)). Before departure (${input.outOn}) confirm that a licence (incl. a bulk licence) is linked to the review, or that an ETCO art. 4 exemption applies (this product does not decide exemptions)`,
          },
          link: `/reviews/${reviewId}`,
          entityType: "review",
          entityId: reviewId,
          assignee: { role: "secretariat" },
          dedupeKey: `hand_carry:${id}:listed`,
          dueAt: new Date(`${input.outOn}T00:00:00Z`),
          email: true,
        });
      await tasks.open(tx, actor, {
        kind: "review.hand_carry_return",
        title: {
          ja: `帰国後の携行品の確認（${input.returnDueOn}）: ${r.ref_no} ${input.description.trim()}`,
          en: `Check the carried item came back (${input.returnDueOn}): ${r.ref_no} ${input.description.trim()}`,
        },
        detail: {
          ja: "帰国後、携行したPC・試料等を持ち帰ったか（残置・消費・紛失の有無）を審査画面で記録してください",
          en: "After the trip, record on the review page whether the laptop, samples etc. came back (or were left, used up, lost)",
        },
        link: `/reviews/${reviewId}`,
        entityType: "hand_carry",
        entityId: id,
        assignee: { userId: r.applicant_user_id },
        dedupeKey: `hand_carry:${id}`,
        dueAt: new Date(`${input.returnDueOn}T00:00:00Z`),
      });
      await audit.write(tx, actor, {
        action: "review.hand_carry_added",
        entityType: "review",
        entityId: reviewId,
        after: { id, ...input, ...(item ? { listedItem: item.listed_item } : {}) },
      });
    });
    return handCarry(actor, reviewId);
  }

  async function checkReturn(
    actor: Actor,
    id: string,
    input: { status: ReturnStatus; returnedOn: string | null; note: string | null },
  ) {
    const problems = validateReturn(input);
    if (problems.length) throw invalid(problems);
    const reviewId = await db.transaction().execute(async (tx) => {
      const h = await repo.findHandCarry(tx, id);
      if (!h) throw notFound({ ja: "携行品", en: "Hand-carried item" });
      const r = await review(tx, h.review_id);
      if (!isOwner(actor, r) && !hasAnyRole(actor, ["unit_officer", "secretariat", "admin"]))
        throw forbidden();
      if (h.return_status !== "pending")
        throw conflict("already_checked", {
          ja: "この携行品は確認済みです",
          en: "This item has been checked already",
        });
      await repo.checkReturn(tx, id, { ...input, by: actor.id });
      await tasks.closeFor(tx, actor, { entityType: "hand_carry", entityId: id });
      if (input.status === "left_abroad" || input.status === "lost")
        await tasks.open(tx, actor, {
          kind: "review.hand_carry_not_returned",
          title: {
            ja: `携行品が持ち帰られていません（${input.status === "lost" ? "紛失" : "現地に残置"}）: ${r.ref_no} ${h.description}`,
            en: `Carried item not brought back (${input.status === "lost" ? "lost" : "left abroad"}): ${r.ref_no} ${h.description}`,
          },
          detail: {
            ja: `経緯: ${input.note ?? ""}\n残置は貨物の輸出に当たる場合があります。該非・許可の要否を確認してください`,
            en: `What happened: ${input.note ?? ""}\nLeaving goods abroad can be an export: check classification and licence`,
          },
          link: `/reviews/${r.id}`,
          entityType: "review",
          entityId: r.id,
          assignee: { role: "secretariat" },
          dedupeKey: `hand_carry:${id}:not_returned`,
          email: true,
        });
      await audit.write(tx, actor, {
        action: "review.hand_carry_checked",
        entityType: "review",
        entityId: r.id,
        after: { id, ...input },
      });
      return r.id;
    });
    return handCarry(actor, reviewId);
  }

  // — yearly re-screening —

  /** Sets the first re-screening a year after approval (for long-term guests; called inside the approval). */
  async function scheduleRescreen(
    tx: Executor,
    reviewId: string,
    decidedOn: string,
    stayEndsOn: string | null,
  ): Promise<void> {
    await repo.setRescreen(tx, reviewId, nextRescreen(decidedOn, stayEndsOn), null);
  }

  /** Screens the review's counterparties again now, stores the results, and books the next run. */
  async function rescreen(
    actor: Actor,
    reviewId: string,
  ): Promise<{ openHits: number; next: string | null }> {
    if (!hasAnyRole(actor, ["unit_officer", "secretariat", "admin"])) throw forbidden();
    const r = await review(db, reviewId);
    const cps = await repo.reviewCounterpartyParties(db, reviewId);
    const results = new Map<string, ReturnType<typeof toScreeningFact>>();
    for (const partyId of [...new Set(cps.map((c) => c.party_id))]) {
      const result = await deps.screening.screenParty(actor, partyId, {
        entityType: "review",
        entityId: reviewId,
      });
      results.set(partyId, toScreeningFact(result));
    }
    const stayEnds = ((r.details as { endDate?: string | null } | null)?.endDate ?? null) || null;
    const next = nextRescreen(today(), stayEnds);
    let open = 0;
    await db.transaction().execute(async (tx) => {
      for (const c of cps) {
        const fact = results.get(c.party_id);
        if (!fact) continue;
        await repo.setCounterpartyScreening(tx, c.id, fact, new Date(fact.screenedAt || clock()));
        open += liveHits(fact).filter((h) => h.decision === null).length;
      }
      await repo.setRescreen(tx, reviewId, next, clock());
      if (open > 0)
        await tasks.open(tx, actor, {
          kind: "review.rescreen_hits",
          title: {
            ja: `年次再スクリーニングで該当候補（${open}件）: ${r.ref_no} ${r.title}`,
            en: `Yearly re-screening found candidates (${open}): ${r.ref_no} ${r.title}`,
          },
          detail: {
            ja: "受入れ中の相手方がリストに掲載された可能性があります。スクリーニング画面で判定してください",
            en: "A guest or their institution may now be listed: decide the candidates in screening",
          },
          link: `/reviews/${reviewId}`,
          entityType: "review",
          entityId: reviewId,
          assignee: { role: "secretariat" },
          dedupeKey: `review:${reviewId}:rescreen`,
          email: true,
        });
      await audit.write(tx, actor, {
        action: "review.rescreened",
        entityType: "review",
        entityId: reviewId,
        after: { parties: results.size, openHits: open, nextRescreenOn: next },
      });
    });
    return { openHits: open, next };
  }

  /** The daily run: re-screens every approved long-term guest whose yearly screening is due. */
  async function runRescreens(actor: Actor): Promise<number> {
    const due = await repo.reviewsDueForRescreen(db, today());
    let done = 0;
    for (const r of due) {
      try {
        await rescreen(actor, r.id);
        done += 1;
      } catch (error) {
        // Screening unavailable (no lists yet): try again tomorrow.
        if (!(error instanceof AppError)) throw error;
      }
    }
    return done;
  }

  /** Overdue return checks get a reminder to the secretariat once. */
  async function runReturnReminders(actor: Actor): Promise<number> {
    const overdue = await repo.handCarry(db, { pendingDueBy: today() });
    let n = 0;
    await db.transaction().execute(async (tx) => {
      for (const h of overdue) {
        if (h.return_due_on >= today()) continue;
        if (!(await repo.claimReminder(tx, `hand_carry:${h.id}:overdue`))) continue;
        await tasks.open(tx, actor, {
          kind: "review.hand_carry_overdue",
          title: {
            ja: `携行品の持ち帰り確認が未記録（期限 ${h.return_due_on}）: ${h.review_ref} ${h.description}`,
            en: `Return of a carried item not recorded (due ${h.return_due_on}): ${h.review_ref} ${h.description}`,
          },
          link: `/reviews/${h.review_id}`,
          entityType: "review",
          entityId: h.review_id,
          assignee: { role: "secretariat" },
          dedupeKey: `hand_carry:${h.id}:overdue`,
          email: true,
        });
        n += 1;
      }
    });
    return n;
  }

  return {
    createConditions,
    conditions,
    closeCondition,
    provisions,
    recordProvision,
    handCarry,
    addHandCarry,
    checkReturn,
    scheduleRescreen,
    rescreen,
    runRescreens,
    runReturnReminders,
  };
}

export type AftercareService = ReturnType<typeof createAftercareService>;
export type { Label };
