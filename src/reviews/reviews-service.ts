import { randomUUID } from "node:crypto";
import type { AuditService, AuditWriter } from "../audit/audit-service.js";
import {
  APPROVING_ACTIONS,
  type ApprovalFacts,
  approvalConflicts,
  inUnitScope,
} from "../auth/separation-of-duties-engine.js";
import type { Db, Executor } from "../db/database.js";
import type { Role } from "../db/schema.js";
import { type ConditionInput, conditionItems } from "../export-control/aftercare-engine.js";
import { type ExceptionRecord, validateExceptionRecord } from "../export-control/exceptions.js";
import { COUNTRY_CODES } from "../parties/parties-engine.js";
import type { PartiesService } from "../parties/parties-service.js";
import { liveHits, type PersonFact, type ScreeningFact } from "../people/people-engine.js";
import type { PeopleService } from "../people/people-service.js";
import { toScreeningFact } from "../people/screening-facts.js";
import type { ScreeningPort } from "../screening/screening-contract.js";
import { type Actor, hasAnyRole } from "../shared/actor.js";
import { citationLabel } from "../shared/citations.js";
import { AppError, conflict, type FieldError, forbidden, invalid, notFound } from "../shared/errors.js";
import { redFlag } from "../shared/red-flags.js";
import type { TasksService } from "../tasks/tasks-service.js";
import {
  type Classification,
  describeClassification,
  isClassified,
  normaliseClassification,
  type TopicTags,
  validateClassification,
  validateTopicTags,
} from "./classification-engine.js";
import { type Label, TRANSACTION_CHECKLISTS } from "./control-lists.js";
import { EMPTY_EXPORT_FACTS, type ExportFacts } from "./export-determination-engine.js";
import {
  CHECK_OUTCOMES,
  type CheckOutcome,
  IDENTITY_CHECKS,
  type IdentityCheckRecord,
  identityCheck,
  yearlyRecheckDue,
} from "./hiring-engine.js";
import {
  ACTIVITY_LABELS,
  ACTIVITY_TYPES,
  type ActivityType,
  type Answers,
  type ApplicationDetails,
  type CounterpartyRole,
  type FieldProblem,
  precheckSignals,
  ROLE_LABELS,
  validateApplication,
} from "./questionnaire-engine.js";
import {
  type LicencePanel,
  type ReviewExportDeps,
  type ReviewItemView,
  reviewLicence,
} from "./reviews-export.js";
import type { ReviewsRepo } from "./reviews-repo.js";
import {
  assessRisk,
  type CounterpartyFact,
  type RiskAssessment,
  type RiskInput,
  type Routing,
  routeReview,
  type TransactionCheck,
} from "./risk-engine.js";
import {
  applicantMayEdit,
  availableActions,
  decideTransition,
  isFinal,
  type ReviewAction,
  type ReviewState,
  STATE_LABELS,
  stageRole,
  type WorkflowFacts,
} from "./workflow-engine.js";

export type ReviewFormInput = {
  title: string;
  unit?: string | null | undefined;
  details: ApplicationDetails;
  answers: Answers;
  notes: Record<string, string>;
  counterparties: { partyId: string; role: string }[];
  topicTags?: TopicTags | undefined;
};

export type TransactionCheckInput = TransactionCheck & {
  counterpartyAttributes: Record<string, { stateOwned: boolean; military: boolean; note: string | null }>;
};

export type CounterpartyView = {
  id: string;
  partyId: string;
  name: string;
  partyKind: string;
  role: string;
  attributes: { stateOwned?: boolean; military?: boolean; note?: string | null };
  screening: ScreeningFact | null;
  screenedAt: string | null;
  openHits: number;
  confirmedHits: number;
  person: PersonFact | null;
};

/** One line of a hiring review's identity checklist, as shown and printed. */
export type IdentityCheckView = {
  id: string;
  flag: string;
  task: Label;
  question: Label;
  source: string;
  /** The source in the reader's language (the advisory's and the FBI's names in English). */
  sourceLabel: Label;
  outcome: CheckOutcome | null;
  evidence: string | null;
  checkedBy: string | null;
  checkedAt: string | null;
};

/**
 * Called when a high-risk hire or contract is approved (the account starts): the place where the
 * insider-risk module puts the person on its watchlist. Not wired yet — the insider helper adds a
 * watchlist API on its own branch; the composition root passes it here once it is merged.
 */
/**
 * The follow-up task of an approved high-risk hire: put the hire's account on the insider-risk
 * watchlist once it is known (the account does not exist yet when the review is approved).
 */
export function hireWatchlistTask(row: { id: string; ref_no: string; title: string }) {
  const name = `${row.ref_no} ${row.title}`;
  return {
    kind: HIRE_WATCHLIST_TASK,
    title: {
      ja: `アカウント判明後に内部不正の監視リストへ追加: ${name}`,
      en: `Add the account to the insider watchlist once known: ${name}`,
    },
    detail: {
      ja: "高リスクの採用・業務委託が承認されました。アカウント（ユーザーID）が発行されたら、審査の画面から内部不正の監視リストに追加してください",
      en: "A high-risk hire or contract was approved. Once the account (user ID) exists, add it to the insider-risk watchlist from the review page",
    },
    link: `/reviews/${row.id}`,
    entityType: HIRE_WATCHLIST_ENTITY,
    entityId: row.id,
    assignee: { role: "secretariat" as const },
    dedupeKey: `review:${row.id}:hire-watchlist`,
    email: true,
  };
}

/** The task kind and entity of the "add the account to the watchlist" follow-up. */
export const HIRE_WATCHLIST_TASK = "review.hire_watchlist";
export const HIRE_WATCHLIST_ENTITY = "review_watchlist";

export type HighRiskHireHook = (
  tx: Executor,
  actor: Actor,
  hire: { reviewId: string; refNo: string; title: string; partyIds: string[]; reasons: Label[] },
) => Promise<void>;

export type ReviewView = {
  id: string;
  refNo: string;
  activityType: ActivityType;
  activityLabel: Label;
  title: string;
  unit: string | null;
  status: ReviewState;
  statusLabel: Label;
  track: "simple" | "full" | null;
  applicant: { userId: string; name: string; department: string | null };
  details: ApplicationDetails;
  answers: Answers;
  notes: Record<string, string>;
  topicTags: TopicTags;
  classification: Classification | null;
  classificationSummary: Label | null;
  classifiedAt: string | null;
  transactionCheck: TransactionCheck | null;
  transactionCheckMissing: string[];
  checkedAt: string | null;
  counterparties: CounterpartyView[];
  /** Hiring and contracting only: the identity checklist (null for other activities). */
  identityChecks: IdentityCheckView[] | null;
  assessment: RiskAssessment;
  routing: Routing;
  conditions: string | null;
  decisionComment: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  retentionUntil: string | null;
  /** Long-term guests: the day of the next yearly re-screening (null when none is scheduled). */
  nextRescreenOn: string | null;
  lastRescreenedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  events: {
    at: string;
    action: string;
    from: string | null;
    to: string;
    actor: string;
    comment: string | null;
    conditions: string | null;
  }[];
  actions: ReviewAction[];
  permissions: {
    edit: boolean;
    classify: boolean;
    check: boolean;
    screen: boolean;
    identityCheck: boolean;
    /** Record the export facts and link items (same people as the 該非判定). */
    exportFacts: boolean;
    /** Link or unlink licences (the secretariat, before the decision). */
    licences: boolean;
  };
  /** Export control: facts, linked items from the master, the licence determination and the gate. */
  exportFacts: ExportFacts;
  items: ReviewItemView[];
  licence: LicencePanel;
  /** Four-eyes rule: why this user may not approve (shown instead of the approve buttons). */
  separationOfDuties: { approvalBlocked: boolean; reasons: Label[] };
};

const REVIEW: Label = { ja: "審査申請", en: "Review" };

function redFlagOf(id: string): { question: Label; source: string } {
  const f = redFlag(id);
  return { question: f?.question ?? { ja: id, en: id }, source: f?.source ?? "" };
}
const READERS: readonly Role[] = ["unit_officer", "secretariat", "approver", "auditor", "admin"];
const SCREENERS: readonly Role[] = ["unit_officer", "secretariat"];
const REMIND_ON_APPROVAL: readonly string[] = ["outside_appointment", "donation_grant", "joint_research"];

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const toFields = (problems: FieldProblem[], prefix = ""): FieldError[] =>
  problems.map((p) => ({ path: prefix ? `${prefix}.${p.path}` : p.path, message: p.message }));

/** The checklist answers still missing from a 取引審査 (as `endUse.wmd`, …, `conclusion`). */
export function missingCheckItems(check: TransactionCheck | null): string[] {
  const missing: string[] = [];
  for (const key of Object.keys(TRANSACTION_CHECKLISTS) as (keyof typeof TRANSACTION_CHECKLISTS)[]) {
    for (const item of TRANSACTION_CHECKLISTS[key]) {
      if (typeof check?.[key]?.[item.id] !== "boolean") missing.push(`${key}.${item.id}`);
    }
  }
  if (!check?.conclusion?.trim()) missing.push("conclusion");
  return missing;
}

const EMPTY_DETAILS: ApplicationDetails = {
  topic: "",
  dataInvolved: "",
  startDate: null,
  endDate: null,
  purpose: "",
};

type ReviewRow = NonNullable<Awaited<ReturnType<ReviewsRepo["find"]>>>;

/**
 * The review workflow: applications (事前確認), classification (該非判定), transaction review
 * (取引審査) with screening of every counterparty, and the approval chain — each transition decided
 * by the pure workflow engine, recorded with its risk snapshot, audited, and announced through the
 * task inbox and e-mail.
 */
export function createReviewsService(deps: {
  db: Db;
  repo: ReviewsRepo;
  audit: AuditWriter & Pick<AuditService, "forEntity">;
  parties: Pick<PartiesService, "getMany">;
  people: Pick<PeopleService, "factsForParties" | "factsForUser" | "remindUserOnChange">;
  screening: ScreeningPort;
  tasks: TasksService;
  retentionYears: number;
  exportControl: ReviewExportDeps;
  clock?: () => Date;
  /** Names lists for people in risk evidence ("国連安保理 統合制裁リスト" rather than `un`). */
  listLabels?: () => Promise<(source: string) => Label>;
  /** Four-eyes rule on approvals (SEKIMORI_SEPARATE_APPROVAL). */
  separateApproval?: boolean | undefined;
  /** Hiring: puts a high-risk hire on the insider-risk watchlist when it starts (see HighRiskHireHook). */
  onHighRiskHire?: HighRiskHireHook | undefined;
  /** A unit officer's departments (null: institution-wide); absent: no department scoping. */
  unitScope?: ((actor: Actor) => Promise<readonly string[] | null>) | undefined;
}) {
  const { db, repo, audit, tasks } = deps;
  const clock = deps.clock ?? (() => new Date());
  const NO_SOD = { approvalBlocked: false, reasons: [] as Label[] };
  // Refreshed outside transactions (with the screenings) and read by build(), which may run inside one.
  let listLabel: ((source: string) => Label) | undefined;

  async function findRow(exec: Executor, id: string, forUpdate = false): Promise<ReviewRow> {
    const row = await repo.find(exec, id, forUpdate);
    if (!row) throw notFound(REVIEW);
    return row;
  }

  /** True when a unit officer's departments cover the review (the applicant's department, else its unit). */
  async function inActorsUnit(exec: Executor, actor: Actor, row: ReviewRow): Promise<boolean> {
    if (!deps.unitScope) return true;
    const applicant = await repo.userName(exec, row.applicant_user_id);
    const department = applicant?.department?.trim() || row.unit?.trim() || null;
    return inUnitScope(await deps.unitScope(actor), department);
  }

  /** The applicant, readers institution-wide, and unit officers for their departments' reviews. */
  async function assertMayRead(actor: Actor, row: ReviewRow): Promise<void> {
    if (row.applicant_user_id === actor.id) return;
    if (
      hasAnyRole(
        actor,
        READERS.filter((r) => r !== "unit_officer"),
      )
    )
      return;
    if (hasAnyRole(actor, ["unit_officer"]) && (await inActorsUnit(db, actor, row))) return;
    throw notFound(REVIEW);
  }

  /** Acting at the unit stage needs the review to be in one of the officer's departments. */
  async function assertUnitStageScope(actor: Actor, row: ReviewRow): Promise<void> {
    if (row.status !== "unit_review" || row.applicant_user_id === actor.id) return;
    if (await inActorsUnit(db, actor, row)) return;
    throw forbidden({
      ja: "この申請はあなたの担当部局のものではありません（部局担当者は担当部局の申請だけを確認します）",
      en: "This application is not from your department (unit officers act only on their departments' applications)",
    });
  }

  /**
   * Who did this review's 取引審査 and who decided the screening hits it relies on (outside any
   * transaction: screening reads on its own connection).
   */
  async function separationFacts(row: ReviewRow): Promise<ApprovalFacts> {
    const cps = await repo.counterparties(db, row.id);
    const events = await repo.events(db, row.id);
    const hitDecisions: ApprovalFacts["hitDecisions"][number][] = [];
    for (const c of cps) {
      const result = await deps.screening.latestForParty(c.party_id);
      for (const h of result?.hits ?? []) {
        if (h.match && h.decision)
          hitDecisions.push({ decidedById: h.decision.decidedById ?? null, party: c.name, entry: h.name });
      }
    }
    return {
      checkRecordedBy: row.checked_by ?? null,
      checkCompletedBy: events
        .filter((e) => e.action === "complete_check" && e.actor_id)
        .map((e) => e.actor_id as string),
      hitDecisions,
    };
  }

  /** The four-eyes rule for this actor on this review (only at the approval stage, when enabled). */
  async function separationOfDuties(
    actor: Actor | null,
    row: ReviewRow,
  ): Promise<ReviewView["separationOfDuties"]> {
    if (!actor || !deps.separateApproval || row.status !== "approval" || !hasAnyRole(actor, ["approver"]))
      return NO_SOD;
    const reasons = approvalConflicts(actor.id, await separationFacts(row));
    return { approvalBlocked: reasons.length > 0, reasons };
  }

  /** Current screening results (with today's decisions) for the review's parties; outside any transaction. */
  async function latestScreenings(partyIds: string[]): Promise<Map<string, ScreeningFact>> {
    const out = new Map<string, ScreeningFact>();
    if (deps.listLabels) listLabel = await deps.listLabels();
    for (const partyId of [...new Set(partyIds)]) {
      const result = await deps.screening.latestForParty(partyId);
      if (result) out.set(partyId, toScreeningFact(result));
    }
    return out;
  }

  async function build(
    exec: Executor,
    row: ReviewRow,
    latest: Map<string, ScreeningFact>,
    actor: Actor | null,
    sod: ReviewView["separationOfDuties"] = NO_SOD,
  ): Promise<{ view: ReviewView; facts: WorkflowFacts; riskInput: RiskInput }> {
    const cps = await repo.counterparties(exec, row.id);
    const persons = await deps.people.factsForParties(
      exec,
      cps.map((c) => c.party_id),
    );
    const applicantFacts = await deps.people.factsForUser(exec, row.applicant_user_id);
    const counterparties: CounterpartyView[] = cps.map((c) => {
      const screening = latest.get(c.party_id) ?? (c.screening as ScreeningFact | null) ?? null;
      const live = liveHits(screening);
      return {
        id: c.id,
        partyId: c.party_id,
        name: c.name,
        partyKind: c.party_kind,
        role: c.role,
        attributes: (c.attributes as CounterpartyView["attributes"]) ?? {},
        screening,
        screenedAt: screening?.screenedAt ?? iso(c.screened_at),
        openHits: live.filter((h) => h.decision === null).length,
        confirmedHits: live.filter((h) => h.decision === "true_match").length,
        person: persons.get(c.party_id) ?? null,
      };
    });
    const activityType = row.activity_type as ActivityType;
    const answers = (row.answers as Answers) ?? {};
    const notes = (row.notes as Record<string, string>) ?? {};
    const classification = (row.classification as Classification | null) ?? null;
    const topicTags = (row.topic_tags as TopicTags) ?? { jp: [], us: [] };
    const check = (row.transaction_check as TransactionCheckInput | null) ?? null;
    const hiring = activityType === "hiring_contracting";
    const checkRows = hiring ? await repo.identityChecks(exec, row.id) : [];
    const checkRecords: IdentityCheckRecord[] = checkRows.map((c) => ({
      checkId: c.check_id,
      outcome: c.outcome,
      evidence: c.evidence,
      checkedBy: c.checked_by_name ?? c.checked_by_label,
      checkedAt: iso(c.checked_at)!,
    }));
    const identityChecks: IdentityCheckView[] | null = hiring
      ? IDENTITY_CHECKS.map((d) => {
          const rec = checkRecords.find((c) => c.checkId === d.id);
          const flag = redFlagOf(d.flag);
          return {
            id: d.id,
            flag: d.flag,
            task: d.task,
            question: flag.question,
            source: flag.source,
            sourceLabel: citationLabel(flag.source),
            outcome: rec?.outcome ?? null,
            evidence: rec?.evidence ?? null,
            checkedBy: rec?.checkedBy ?? null,
            checkedAt: rec?.checkedAt ?? null,
          };
        })
      : null;
    const riskInput: RiskInput = {
      activityType,
      classification,
      topicTags,
      precheck: precheckSignals(activityType, answers, notes),
      counterparties: counterparties.map(
        (c): CounterpartyFact => ({
          counterpartyId: c.id,
          partyId: c.partyId,
          name: c.name,
          role: c.role,
          country: cps.find((x) => x.id === c.id)?.party_country ?? null,
          attributes: c.attributes,
          screening: c.screening,
          person: c.person,
        }),
      ),
      applicant: applicantFacts,
      transactionCheck: check,
      listLabel,
      hiring: hiring
        ? {
            workMode: typeof answers.work_mode === "string" ? answers.work_mode : null,
            sensitiveAccess: typeof answers.sensitive_access === "boolean" ? answers.sensitive_access : null,
            countryOfResidence:
              typeof answers.country_of_residence === "string" ? answers.country_of_residence : null,
            checks: checkRecords,
          }
        : null,
    };
    const exportSide = await reviewLicence(exec, repo, deps.exportControl, row, {
      answers,
      classification,
      check,
      counterparties: counterparties.map((c) => ({
        name: c.name,
        role: c.role,
        partyKind: c.partyKind,
        country: cps.find((x) => x.id === c.id)?.party_country ?? null,
        person: c.person,
        screening: c.screening,
      })),
      startDate: ((row.details as ApplicationDetails | null)?.startDate ?? null) || null,
      today: clock().toISOString().slice(0, 10),
    });
    riskInput.licenceRequired = exportSide.gate.required;
    const assessment = assessRisk(riskInput);
    const routing = routeReview(riskInput, assessment);
    const facts: WorkflowFacts = {
      applicantUserId: row.applicant_user_id,
      classified:
        isClassified(classification) ||
        (exportSide.items.length > 0 && exportSide.items.every((i) => i.judgement.listStatus !== null)),
      track: routing.track,
      transactionCheckComplete: missingCheckItems(check).length === 0,
      unscreenedCount: counterparties.filter((c) => c.screening === null).length,
      openHitCount: counterparties.reduce((n, c) => n + c.openHits, 0),
      ...(hiring
        ? { identityChecksMissing: assessment.hiring?.missing.length ?? IDENTITY_CHECKS.length }
        : {}),
      ...(exportSide.panel.applicable
        ? {
            licence: {
              required: exportSide.gate.required,
              undetermined: exportSide.gate.undetermined,
              satisfied: exportSide.gate.satisfied,
              reason: exportSide.gate.reason,
            },
          }
        : {}),
    };
    const applicant = await repo.userName(exec, row.applicant_user_id);
    const events = await repo.events(exec, row.id);
    const status = row.status as ReviewState;
    const isOwner = actor?.id === row.applicant_user_id;
    const view: ReviewView = {
      id: row.id,
      refNo: row.ref_no,
      activityType,
      activityLabel: ACTIVITY_LABELS[activityType],
      title: row.title,
      unit: row.unit,
      status,
      statusLabel: STATE_LABELS[status],
      track: row.track ?? routing.track,
      applicant: {
        userId: row.applicant_user_id,
        name: applicant?.display_name ?? "",
        department: applicant?.department ?? null,
      },
      details: { ...EMPTY_DETAILS, ...((row.details as ApplicationDetails) ?? {}) },
      answers,
      notes,
      topicTags,
      classification,
      classificationSummary: classification ? describeClassification(classification) : null,
      classifiedAt: iso(row.classified_at),
      transactionCheck: check,
      transactionCheckMissing: missingCheckItems(check),
      checkedAt: iso(row.checked_at),
      counterparties,
      identityChecks,
      assessment,
      routing,
      conditions: row.conditions,
      decisionComment: row.decision_comment,
      submittedAt: iso(row.submitted_at),
      decidedAt: iso(row.decided_at),
      retentionUntil: row.retention_until,
      nextRescreenOn: row.next_rescreen_on,
      lastRescreenedAt: iso(row.last_rescreened_at),
      version: row.version,
      createdAt: iso(row.created_at)!,
      updatedAt: iso(row.updated_at)!,
      events: events.map((e) => ({
        at: iso(e.at)!,
        action: e.action,
        from: e.from_status,
        to: e.to_status,
        actor: e.actor_name ?? e.actor_label,
        comment: e.comment,
        conditions: e.conditions,
      })),
      actions: actor
        ? availableActions(status, actor, facts).filter(
            (a) => !(sod.approvalBlocked && APPROVING_ACTIONS.includes(a)),
          )
        : [],
      permissions: {
        edit: isOwner && applicantMayEdit(status),
        classify: actor ? mayClassify(actor, row) : false,
        check: actor
          ? !isOwner && status === "secretariat_review" && hasAnyRole(actor, ["secretariat"])
          : false,
        screen: actor
          ? !isOwner && !isFinal(status) && status !== "draft" && hasAnyRole(actor, SCREENERS)
          : false,
        identityCheck: actor ? hiring && mayCheckIdentity(actor, row) : false,
        exportFacts: actor ? mayClassify(actor, row) : false,
        licences: actor ? mayLinkLicences(actor, row) : false,
      },
      exportFacts: exportSide.facts,
      items: exportSide.items,
      licence: exportSide.panel,
      separationOfDuties: sod,
    };
    return { view, facts, riskInput };
  }

  /** Identity checks are recorded by the unit officer or the secretariat at their stage, never by the applicant. */
  function mayCheckIdentity(actor: Actor, row: ReviewRow): boolean {
    if (actor.id === row.applicant_user_id) return false;
    const status = row.status as ReviewState;
    if (status === "unit_review") return hasAnyRole(actor, ["unit_officer", "secretariat"]);
    if (status === "secretariat_review") return hasAnyRole(actor, ["secretariat"]);
    return false;
  }

  /**
   * Records one identity check of a hiring review (outcome, evidence, who and when), audited with the
   * previous answer. A sign found that makes the review high-risk notifies the security office
   * (secretariat) at once.
   */
  async function recordIdentityCheck(
    actor: Actor,
    id: string,
    version: number,
    input: { checkId: string; outcome: string; evidence: string },
  ): Promise<ReviewView> {
    const fields: FieldError[] = [];
    if (!identityCheck(input.checkId))
      fields.push({ path: "checkId", message: { ja: "不明な確認項目です", en: "Unknown identity check" } });
    if (!(CHECK_OUTCOMES as readonly string[]).includes(input.outcome))
      fields.push({
        path: "outcome",
        message: { ja: "「兆候なし」か「兆候あり」を選んでください", en: "Choose clear or sign found" },
      });
    const evidence = input.evidence.trim();
    if (!evidence)
      fields.push({
        path: "evidence",
        message: {
          ja: "確認した内容（根拠）を記入してください",
          en: "Describe what you checked (the evidence)",
        },
      });
    if (fields.length) throw invalid(fields);
    const row0 = await findRow(db, id);
    await assertMayRead(actor, row0);
    await assertUnitStageScope(actor, row0);
    if (row0.activity_type !== "hiring_contracting")
      throw conflict("not_hiring", {
        ja: "本人確認のチェックリストは採用・業務委託の審査にだけあります",
        en: "Identity checks belong to hiring and contracting reviews only",
      });
    const cps0 = await repo.counterparties(db, id);
    const latest = await latestScreenings(cps0.map((c) => c.party_id));
    await db.transaction().execute(async (tx) => {
      const row = await findRow(tx, id, true);
      if (!mayCheckIdentity(actor, row))
        throw forbidden({
          ja: "本人確認は部局担当者・事務局が審査中に記録します（申請者本人は記録できません）",
          en: "Identity checks are recorded by the unit officer or secretariat during the review (not by the applicant)",
        });
      if (row.version !== version) throw staleVersion();
      const before = (await repo.identityChecks(tx, id)).find((c) => c.check_id === input.checkId);
      const levelBefore = (await build(tx, row, latest, actor)).view.assessment.level;
      await repo.putIdentityCheck(tx, {
        reviewId: id,
        checkId: input.checkId,
        outcome: input.outcome as CheckOutcome,
        evidence,
        by: actor.id,
        byLabel: actor.label,
        at: clock(),
      });
      await audit.write(tx, actor, {
        action: "review.identity_checked",
        entityType: "review",
        entityId: id,
        before: before
          ? { checkId: input.checkId, outcome: before.outcome, evidence: before.evidence }
          : null,
        after: { checkId: input.checkId, outcome: input.outcome, evidence },
      });
      const after = (await build(tx, (await findRow(tx, id))!, latest, actor)).view;
      if (after.assessment.level === "high" && levelBefore !== "high")
        await notifySecurityOffice(tx, row, after, {
          ja: "本人確認で高リスクの兆候が見つかりました",
          en: "The identity checks found high-risk signs",
        });
    });
    return get(actor, id);
  }

  /** Tells the security office (secretariat) about a high-risk hire, with the reasons. */
  async function notifySecurityOffice(tx: Executor, row: ReviewRow, view: ReviewView, why: Label) {
    const name = `${row.ref_no} ${row.title}`;
    const flags = view.assessment.flags.map((f) => `${f.id} ${f.title.ja}`).join("、");
    const flagsEn = view.assessment.flags.map((f) => `${f.id} ${f.title.en}`).join(", ");
    await tasks.notify(
      tx,
      { roles: ["secretariat"] },
      {
        kind: "review.hiring_high_risk",
        subject: { ja: `【高リスク】採用・業務委託: ${name}`, en: `[High risk] Hiring/contracting: ${name}` },
        body: { ja: `${why.ja}。レッドフラグ: ${flags}`, en: `${why.en}. Red flags: ${flagsEn}` },
        link: `/reviews/${row.id}`,
      },
    );
  }

  /** The secretariat links licences (or a recorded application) before the decision. */
  function mayLinkLicences(actor: Actor, row: ReviewRow): boolean {
    const status = row.status as ReviewState;
    return (
      actor.id !== row.applicant_user_id &&
      hasAnyRole(actor, ["secretariat"]) &&
      ["unit_review", "secretariat_review", "approval"].includes(status)
    );
  }

  function mayClassify(actor: Actor, row: ReviewRow): boolean {
    const status = row.status as ReviewState;
    const isOwner = actor.id === row.applicant_user_id;
    if (isOwner) return applicantMayEdit(status);
    if (status === "unit_review") return hasAnyRole(actor, ["unit_officer"]);
    if (status === "secretariat_review") return hasAnyRole(actor, ["secretariat"]);
    return false;
  }

  /** Checks the form's shape (not completeness: a draft may be partial) and that every party exists. */
  async function cleanForm(type: ActivityType, input: ReviewFormInput): Promise<ReviewFormInput> {
    const fields: FieldError[] = [];
    const tags = input.topicTags ?? { jp: [], us: [] };
    fields.push(...toFields(validateTopicTags(tags)));
    const partyIds = input.counterparties.map((c) => c.partyId);
    const found = new Set((await deps.parties.getMany(partyIds)).map((p) => p.id));
    input.counterparties.forEach((c, i) => {
      if (!found.has(c.partyId))
        fields.push({
          path: `counterparties.${i}.partyId`,
          message: { ja: "取引先・関係者が見つかりません", en: "No such party" },
        });
    });
    const seen = new Set<string>();
    input.counterparties.forEach((c, i) => {
      const key = `${c.partyId}:${c.role}`;
      if (seen.has(key))
        fields.push({
          path: `counterparties.${i}`,
          message: {
            ja: "同じ相手方が同じ役割で重複しています",
            en: "The same party appears twice in the same role",
          },
        });
      seen.add(key);
    });
    if (!ACTIVITY_TYPES.includes(type))
      fields.push({
        path: "activityType",
        message: { ja: "不明な活動の種類です", en: "Unknown activity type" },
      });
    if (fields.length) throw invalid(fields);
    return {
      title: input.title.trim(),
      unit: input.unit?.trim() || null,
      details: {
        topic: input.details.topic.trim(),
        dataInvolved: input.details.dataInvolved.trim(),
        startDate: input.details.startDate || null,
        endDate: input.details.endDate || null,
        purpose: input.details.purpose.trim(),
      },
      answers: input.answers,
      notes: Object.fromEntries(Object.entries(input.notes).filter(([, v]) => v.trim() !== "")),
      counterparties: input.counterparties,
      topicTags: { jp: [...new Set(tags.jp)], us: [...new Set(tags.us)] },
    };
  }

  async function create(
    actor: Actor,
    activityType: ActivityType,
    input: ReviewFormInput,
  ): Promise<ReviewView> {
    if (!actor.id) throw forbidden();
    const form = await cleanForm(activityType, input);
    const id = randomUUID();
    await db.transaction().execute(async (tx) => {
      const refNo = await repo.nextRefNo(tx, clock().getUTCFullYear());
      await repo.insert(tx, {
        id,
        refNo,
        activityType,
        title: form.title || ACTIVITY_LABELS[activityType].ja,
        applicantUserId: actor.id!,
        unit: form.unit ?? null,
        details: form.details,
        answers: form.answers,
        notes: form.notes,
        topicTags: form.topicTags,
      });
      await repo.replaceCounterparties(
        tx,
        id,
        form.counterparties.map((c) => ({
          id: randomUUID(),
          partyId: c.partyId,
          role: c.role,
          attributes: null,
        })),
      );
      await audit.write(tx, actor, {
        action: "review.created",
        entityType: "review",
        entityId: id,
        after: { refNo, activityType, ...form },
      });
    });
    return get(actor, id);
  }

  async function update(
    actor: Actor,
    id: string,
    version: number,
    input: ReviewFormInput,
  ): Promise<ReviewView> {
    const row0 = await findRow(db, id);
    const form = await cleanForm(row0.activity_type as ActivityType, input);
    await db.transaction().execute(async (tx) => {
      const row = await findRow(tx, id, true);
      if (row.applicant_user_id !== actor.id)
        throw forbidden({ ja: "申請者本人のみが編集できます", en: "Only the applicant can edit" });
      if (!applicantMayEdit(row.status as ReviewState))
        throw conflict("not_editable", {
          ja: "申請後は編集できません（差戻し後に編集できます）",
          en: "The application cannot be edited after submission (only when returned)",
        });
      if (row.version !== version) throw staleVersion();
      const before = {
        title: row.title,
        details: row.details,
        answers: row.answers,
        notes: row.notes,
        topicTags: row.topic_tags,
      };
      await repo.updateForm(tx, id, {
        title: form.title || row.title,
        unit: form.unit ?? null,
        details: form.details,
        answers: form.answers,
        notes: form.notes,
        topicTags: form.topicTags,
      });
      await repo.replaceCounterparties(
        tx,
        id,
        form.counterparties.map((c) => ({
          id: randomUUID(),
          partyId: c.partyId,
          role: c.role,
          attributes: null,
        })),
      );
      await audit.write(tx, actor, {
        action: "review.updated",
        entityType: "review",
        entityId: id,
        before,
        after: form,
      });
    });
    return get(actor, id);
  }

  function staleVersion() {
    return conflict("stale_version", {
      ja: "他の人がこの申請を更新しました。再読み込みしてから操作してください",
      en: "Someone else changed this review; reload it first",
    });
  }

  async function classify(
    actor: Actor,
    id: string,
    version: number,
    input: { classification: Classification; topicTags: TopicTags },
  ): Promise<ReviewView> {
    const problems = [...validateClassification(input.classification), ...validateTopicTags(input.topicTags)];
    if (problems.length) throw invalid(toFields(problems));
    const c = normaliseClassification(input.classification);
    await assertUnitStageScope(actor, await findRow(db, id));
    await db.transaction().execute(async (tx) => {
      const row = await findRow(tx, id, true);
      if (!mayClassify(actor, row))
        throw forbidden({
          ja: "この段階で該非判定を記録する権限がありません",
          en: "You cannot record the classification at this stage",
        });
      if (row.version !== version) throw staleVersion();
      await repo.setClassification(tx, id, {
        classification: c,
        topicTags: input.topicTags,
        by: actor.id,
        at: clock(),
      });
      await audit.write(tx, actor, {
        action: "review.classified",
        entityType: "review",
        entityId: id,
        before: { classification: row.classification, topicTags: row.topic_tags },
        after: { classification: c, topicTags: input.topicTags },
      });
    });
    return get(actor, id);
  }

  async function recordTransactionCheck(
    actor: Actor,
    id: string,
    version: number,
    input: TransactionCheckInput,
  ): Promise<ReviewView> {
    const fields: FieldError[] = [];
    for (const key of Object.keys(TRANSACTION_CHECKLISTS) as (keyof typeof TRANSACTION_CHECKLISTS)[]) {
      const known = new Set(TRANSACTION_CHECKLISTS[key].map((i) => i.id));
      for (const k of Object.keys(input[key] ?? {}))
        if (!known.has(k))
          fields.push({
            path: `${key}.${k}`,
            message: { ja: "不明なチェック項目です", en: "Unknown checklist item" },
          });
    }
    if (fields.length) throw invalid(fields);
    await db.transaction().execute(async (tx) => {
      const row = await findRow(tx, id, true);
      if (row.applicant_user_id === actor.id)
        throw forbidden({
          ja: "自分の申請を審査することはできません",
          en: "You cannot review your own application",
        });
      if (row.status !== "secretariat_review" || !hasAnyRole(actor, ["secretariat"]))
        throw conflict("not_at_stage", {
          ja: "取引審査は事務局の審査段階でのみ記録できます",
          en: "The transaction review is recorded by the secretariat at its stage",
        });
      if (row.version !== version) throw staleVersion();
      const cps = await repo.counterparties(tx, id);
      for (const [cpId, attrs] of Object.entries(input.counterpartyAttributes ?? {})) {
        if (!cps.some((c) => c.id === cpId))
          throw invalid([
            {
              path: `counterpartyAttributes.${cpId}`,
              message: { ja: "この申請の相手方ではありません", en: "Not a counterparty of this review" },
            },
          ]);
        await repo.setCounterpartyAttributes(tx, cpId, {
          stateOwned: attrs.stateOwned,
          military: attrs.military,
          note: attrs.note?.trim() || null,
        });
      }
      const check: TransactionCheck = {
        endUse: input.endUse,
        akiraka: input.akiraka,
        endUser: input.endUser,
        notes: input.notes,
        conclusion: input.conclusion.trim(),
      };
      await repo.setTransactionCheck(tx, id, { check, by: actor.id, at: clock() });
      await audit.write(tx, actor, {
        action: "review.transaction_checked",
        entityType: "review",
        entityId: id,
        before: { transactionCheck: row.transaction_check },
        after: { transactionCheck: check, counterpartyAttributes: input.counterpartyAttributes },
      });
    });
    return get(actor, id);
  }

  /**
   * Screens every counterparty against all active lists through the screening module, stores each
   * result with the counterparty, and opens a "hits to resolve" task when candidates need a decision.
   */
  async function screenCounterparties(actor: Actor, id: string): Promise<ReviewView> {
    const row = await findRow(db, id);
    await assertMayRead(actor, row);
    const isOwner = row.applicant_user_id === actor.id;
    if (
      isOwner ||
      !hasAnyRole(actor, SCREENERS) ||
      isFinal(row.status as ReviewState) ||
      row.status === "draft"
    )
      throw forbidden({
        ja: "相手方のスクリーニングは部局担当者・事務局が審査中に行います",
        en: "Counterparties are screened by the unit officer or secretariat during the review",
      });
    await screenAll(actor, row);
    return get(actor, id);
  }

  async function screenAll(actor: Actor, row: ReviewRow): Promise<void> {
    const cps = await repo.counterparties(db, row.id);
    const results = new Map<string, ScreeningFact>();
    for (const partyId of [...new Set(cps.map((c) => c.party_id))]) {
      const result = await deps.screening.screenParty(actor, partyId, {
        entityType: "review",
        entityId: row.id,
      });
      results.set(partyId, toScreeningFact(result));
    }
    await db.transaction().execute(async (tx) => {
      await findRow(tx, row.id, true);
      const now = clock();
      let open = 0;
      for (const c of cps) {
        const fact = results.get(c.party_id);
        if (!fact) continue;
        await repo.setCounterpartyScreening(tx, c.id, fact, new Date(fact.screenedAt || now));
        open += liveHits(fact).filter((h) => h.decision === null).length;
      }
      if (open > 0)
        await tasks.open(tx, actor, {
          kind: "review.hits_to_resolve",
          title: {
            ja: `スクリーニング該当候補の確認（${open}件）: ${row.ref_no} ${row.title}`,
            en: `Screening hits to resolve (${open}): ${row.ref_no} ${row.title}`,
          },
          detail: {
            ja: "該当候補ごとに「一致」「誤検知」をスクリーニング画面で判定してください",
            en: "Decide each candidate as a true match or a false positive in screening",
          },
          link: `/reviews/${row.id}`,
          entityType: "review",
          entityId: row.id,
          assignee: { role: "secretariat" },
          dedupeKey: `review:${row.id}:hits`,
          email: true,
        });
      await audit.write(tx, actor, {
        action: "review.screened",
        entityType: "review",
        entityId: row.id,
        after: [...results.entries()].map(([partyId, f]) => ({
          partyId,
          runId: f.runId,
          liveHits: liveHits(f).length,
          openHits: liveHits(f).filter((h) => h.decision === null).length,
        })),
      });
    });
  }

  async function transition(
    actor: Actor,
    id: string,
    input: {
      action: ReviewAction;
      comment?: string | null;
      conditions?: string | null;
      /** Approval conditions as tracked items (owner, due date); plain `conditions` becomes one item. */
      conditionItems?: ConditionInput[] | undefined;
      version?: number;
    },
  ): Promise<ReviewView> {
    const row0 = await findRow(db, id);
    await assertMayRead(actor, row0);
    await assertUnitStageScope(actor, row0);
    const cps0 = await repo.counterparties(db, id);
    const latest = await latestScreenings(cps0.map((c) => c.party_id));
    if (APPROVING_ACTIONS.includes(input.action)) {
      const sod = await separationOfDuties(actor, row0);
      if (sod.approvalBlocked) {
        // The refused attempt is evidence too: audited on its own, nothing else changes.
        await db.transaction().execute(async (tx) => {
          await audit.write(tx, actor, {
            action: "review.approval_refused",
            entityType: "review",
            entityId: id,
            context: {
              rule: "separation_of_duties",
              attempted: input.action,
              reasons: sod.reasons.map((r) => r.en),
            },
          });
        });
        throw new AppError(403, "separation_of_duties", {
          ja: sod.reasons.map((r) => r.ja).join(" / "),
          en: sod.reasons.map((r) => r.en).join(" / "),
        });
      }
    }
    await db.transaction().execute(async (tx) => {
      const row = await findRow(tx, id, true);
      if (input.version !== undefined && row.version !== input.version) throw staleVersion();
      const from = row.status as ReviewState;
      if (input.action === "submit" && row.applicant_user_id === actor.id && applicantMayEdit(from)) {
        const cps = await repo.counterparties(tx, id);
        const problems = validateApplication(row.activity_type as ActivityType, {
          title: row.title,
          details: { ...EMPTY_DETAILS, ...(row.details as ApplicationDetails) },
          answers: row.answers as Answers,
          notes: row.notes as Record<string, string>,
          counterparties: cps.map((c) => ({ partyId: c.party_id, role: c.role })),
        });
        if (problems.length)
          throw invalid(toFields(problems), {
            ja: "申請内容に不足があります。各項目を確認してください",
            en: "The application is incomplete; check the fields",
          });
      }
      // Store today's screening decisions with the counterparties before deciding.
      for (const c of await repo.counterparties(tx, id)) {
        const fact = latest.get(c.party_id);
        if (fact) await repo.setCounterpartyScreening(tx, c.id, fact, new Date(fact.screenedAt));
      }
      const { facts, view } = await build(tx, row, latest, actor);
      const structuredConditions =
        input.action === "approve_with_conditions" && (input.conditionItems?.length ?? 0) > 0;
      const decision = decideTransition(from, input.action, actor, facts, {
        ...input,
        ...(structuredConditions ? { conditions: input.conditionItems!.map((c) => c.text).join("\n") } : {}),
      });
      if (!decision.ok) {
        const fields: FieldError[] | undefined =
          decision.code === "transaction_check_incomplete"
            ? view.transactionCheckMissing.map((path) => ({
                path,
                message: { ja: "未回答です", en: "Not answered" },
              }))
            : decision.field
              ? [{ path: decision.field, message: decision.message }]
              : undefined;
        throw new AppError(decision.status, decision.code, decision.message, fields);
      }
      const now = clock();
      const to = decision.to;
      const final = isFinal(to);
      // Export licence: an application in progress allows approval only with conditions, and the
      // condition "not before the licence is granted" is added to them.
      const approving = to === "approved" || to === "approved_with_conditions";
      if (approving && view.licence.gate.pending && input.action === "approve")
        throw conflict("licence_pending_needs_conditions", {
          ja: "輸出許可は申請中です。「条件付きで承認」を選んでください（許可取得まで輸出・提供しない条件が自動で付きます）",
          en: "The export licence is still being applied for: approve with conditions (the condition 'not before the licence is granted' is added)",
        });
      const decidedOn = now.toISOString().slice(0, 10);
      let tracked: { text: string; ownerUserId: string; dueOn: string }[] = [];
      if (approving) {
        const owners = (input.conditionItems ?? []).map((c) => c.ownerUserId).filter((x): x is string => !!x);
        const known = new Set((await repo.userIds(tx, owners)).map((u) => u.id));
        const made = conditionItems(
          input.action === "approve_with_conditions" ? input.conditionItems : undefined,
          input.action === "approve_with_conditions" ? (input.conditions ?? null) : null,
          { applicantUserId: row.applicant_user_id, decidedOn, knownUserIds: known },
        );
        if (made.problems.length) throw invalid(toFields(made.problems));
        tracked = made.items;
        if (view.licence.gate.pending)
          tracked.push({
            text: `輸出許可の取得まで、貨物の輸出・技術の提供を行わないこと（${view.licence.gate.reason.ja}） / No export or provision until the licence is granted`,
            ownerUserId: row.applicant_user_id,
            dueOn: view.licence.date >= decidedOn ? view.licence.date : decidedOn,
          });
      }
      const retentionUntil = (() => {
        const d = new Date(now);
        d.setUTCFullYear(d.getUTCFullYear() + deps.retentionYears);
        return d.toISOString().slice(0, 10);
      })();
      const comment = input.comment?.trim() || null;
      const conditions =
        input.action === "approve_with_conditions"
          ? tracked.length > 0
            ? tracked.map((c) => c.text).join("\n")
            : input.conditions?.trim() || null
          : null;
      await repo.setStatus(tx, id, {
        status: to,
        track: view.routing.track,
        routing: view.routing,
        risk: view.assessment,
        submittedAt: input.action === "submit" ? now : undefined,
        ...(final ? { decision: { conditions, comment, by: actor.id, at: now, retentionUntil } } : {}),
      });
      await repo.setLicenceDetermination(tx, id, {
        result: view.licence.result,
        licenceRequired: view.licence.licenceRequired,
        gate: view.licence.gate,
        date: view.licence.date,
        destination: view.licence.destination.country,
        items: view.licence.items.map((i) => ({ label: i.label, result: i.result })),
        linked: view.licence.linked.map((l) => ({
          id: l.id,
          refNo: l.refNo,
          covers: l.covers,
          pending: l.pending,
        })),
        at: now.toISOString(),
      });
      if (approving && tracked.length > 0)
        await deps.exportControl.aftercare.createConditions(
          tx,
          actor,
          { id, refNo: row.ref_no, title: row.title },
          tracked,
        );
      if (approving && row.activity_type === "acceptance")
        await deps.exportControl.aftercare.scheduleRescreen(
          tx,
          id,
          decidedOn,
          ((row.details as ApplicationDetails | null)?.endDate ?? null) || null,
        );
      await repo.insertEvent(tx, {
        id: randomUUID(),
        reviewId: id,
        action: input.action,
        from,
        to,
        actorId: actor.id,
        actorLabel: actor.label,
        comment,
        conditions,
      });
      await audit.write(tx, actor, {
        action: `review.${input.action}`,
        entityType: "review",
        entityId: id,
        before: { status: from },
        after: {
          status: to,
          comment,
          conditions,
          track: view.routing.track,
          risk: view.assessment.level,
          flags: view.assessment.flags.map((f) => f.id),
          licence: {
            result: view.licence.result,
            gate: view.licence.gate,
            linked: view.licence.linked.map((l) => l.refNo),
          },
          ...(tracked.length > 0 ? { conditionItems: tracked } : {}),
          ...(final ? { retentionUntil } : {}),
        },
      });
      await announce(tx, actor, row, from, to, input.action, comment, conditions, view);
    });
    const after = await get(actor, id);
    if (input.action === "submit") {
      // Screen right away when screening is available; officers can re-run it at any stage.
      try {
        await screenAll(actor, await findRow(db, id));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
      return get(actor, id);
    }
    return after;
  }

  /** Moves the task inbox along with the review and tells the applicant what happened. */
  async function announce(
    tx: Executor,
    actor: Actor,
    row: ReviewRow,
    from: ReviewState,
    to: ReviewState,
    action: ReviewAction,
    comment: string | null,
    conditions: string | null,
    view: ReviewView,
  ): Promise<void> {
    await tasks.closeFor(tx, actor, { entityType: "review", entityId: row.id });
    const name = `${row.ref_no} ${row.title}`;
    const link = `/reviews/${row.id}`;
    const role = stageRole(to);
    if (role) {
      const risk = view.assessment.level;
      await tasks.open(tx, actor, {
        kind: `review.${to}`,
        title: {
          ja: `審査待ち（${STATE_LABELS[to].ja}）: ${name}`,
          en: `Waiting for you (${STATE_LABELS[to].en}): ${name}`,
        },
        detail: {
          ja: `${ACTIVITY_LABELS[row.activity_type as ActivityType].ja} / リスク評価: ${{ low: "低", medium: "中", high: "高" }[risk]}`,
          en: `${ACTIVITY_LABELS[row.activity_type as ActivityType].en} / risk: ${risk}`,
        },
        link,
        entityType: "review",
        entityId: row.id,
        assignee: { role },
        dedupeKey: `review:${row.id}:stage`,
        email: true,
      });
    }
    if (to === "returned") {
      await tasks.open(tx, actor, {
        kind: "review.returned",
        title: { ja: `差戻し: ${name}`, en: `Returned for revision: ${name}` },
        detail: { ja: `理由: ${comment ?? ""}`, en: `Reason: ${comment ?? ""}` },
        link,
        entityType: "review",
        entityId: row.id,
        assignee: { userId: row.applicant_user_id },
        dedupeKey: `review:${row.id}:returned`,
        email: true,
      });
    }
    if (isFinal(to) && action !== "withdraw") {
      const extra: Label = conditions
        ? { ja: `\n条件: ${conditions}`, en: `\nConditions: ${conditions}` }
        : comment
          ? { ja: `\nコメント: ${comment}`, en: `\nComment: ${comment}` }
          : { ja: "", en: "" };
      await tasks.notify(
        tx,
        { userIds: [row.applicant_user_id] },
        {
          kind: `review.${to}`,
          subject: {
            ja: `審査結果（${STATE_LABELS[to].ja}）: ${name}`,
            en: `Review decision (${STATE_LABELS[to].en}): ${name}`,
          },
          body: {
            ja: `申請「${name}」は「${STATE_LABELS[to].ja}」となりました。${extra.ja}`,
            en: `Your application "${name}" was decided: ${STATE_LABELS[to].en}.${extra.en}`,
          },
          link,
        },
      );
      if (
        (to === "approved" || to === "approved_with_conditions" || to === "cleared") &&
        REMIND_ON_APPROVAL.includes(row.activity_type)
      )
        await deps.people.remindUserOnChange(tx, actor, row.applicant_user_id, {
          ja: `承認された「${name}」（${ACTIVITY_LABELS[row.activity_type as ActivityType].ja}）を研究インテグリティ申告に反映してください`,
          en: `Please add the approved "${name}" (${ACTIVITY_LABELS[row.activity_type as ActivityType].en}) to your research-integrity disclosure`,
        });
    }
    if (
      action === "complete_check" &&
      row.activity_type === "hiring_contracting" &&
      view.assessment.level === "high"
    )
      await notifySecurityOffice(tx, row, view, {
        ja: "高リスクの採用・業務委託が承認者の判断に回りました",
        en: "A high-risk hire or contract went to the approver",
      });
    if (
      (to === "approved" || to === "approved_with_conditions") &&
      row.activity_type === "hiring_contracting"
    )
      await startHire(tx, actor, row, conditions, view);
    void from;
  }

  /**
   * A hire or contract was approved: every condition becomes a task for the applicant, the yearly
   * re-check is scheduled for the secretariat, and a high-risk hire is reported to the security office
   * and handed to the insider-risk watchlist hook.
   */
  async function startHire(
    tx: Executor,
    actor: Actor,
    row: ReviewRow,
    conditions: string | null,
    view: ReviewView,
  ): Promise<void> {
    const name = `${row.ref_no} ${row.title}`;
    const link = `/reviews/${row.id}`;
    // The approval's conditions are already tracked tasks with an owner and a due date (export-control
    // aftercare, for every activity type); a hire adds the yearly re-check.
    void conditions;
    await tasks.open(tx, actor, {
      kind: "review.hiring_recheck",
      title: {
        ja: `採用・業務委託の年次再確認: ${name}`,
        en: `Yearly re-check of a hire or contractor: ${name}`,
      },
      detail: {
        ja: "本人確認・支払先・アクセス範囲が承認時のままか確認し、相手方を再スクリーニングしてください",
        en: "Check that identity, payee and access are as approved, and re-screen the counterparties",
      },
      link,
      entityType: "review_recheck",
      entityId: row.id,
      assignee: { role: "secretariat" },
      dedupeKey: `review:${row.id}:recheck`,
      dueAt: yearlyRecheckDue(clock()),
    });
    if (view.assessment.level === "high") {
      await notifySecurityOffice(tx, row, view, {
        ja: "高リスクの採用・業務委託が承認され、業務を開始します",
        en: "A high-risk hire or contract was approved and is starting",
      });
      // The account is not known yet at approval: the security office adds it to the insider-risk
      // watchlist from the review once IT creates it (src/reviews/hire-watchlist-service.ts closes this).
      await tasks.open(tx, actor, hireWatchlistTask(row));
      await deps.onHighRiskHire?.(tx, actor, {
        reviewId: row.id,
        refNo: row.ref_no,
        title: row.title,
        partyIds: view.counterparties.map((c) => c.partyId),
        reasons: view.assessment.reasons,
      });
    }
  }

  /**
   * A list update brought new, undecided screening hits on a party: every approved hire or contract
   * that names it (as the contractor, the payee or the intermediary) gets its own task for the
   * secretariat, because pay may already be flowing to a listed person (issue 15 §5). Runs in the
   * re-screening's transaction; one open task per review and party (a later hit refreshes it).
   */
  async function alertApprovedHires(
    tx: Executor,
    actor: Actor,
    party: { id: string; primaryName: string },
    hits: readonly { source: string; sourceId: string; name: string; score: number }[],
  ): Promise<number> {
    const rows = await repo.approvedHiresNamingParty(tx, party.id);
    const byReview = new Map<string, { refNo: string; title: string; roles: string[] }>();
    for (const r of rows) {
      const entry = byReview.get(r.id) ?? { refNo: r.ref_no, title: r.title, roles: [] };
      if (!entry.roles.includes(r.role)) entry.roles.push(r.role);
      byReview.set(r.id, entry);
    }
    const listed = hits
      .slice(0, 3)
      .map((h) => `${h.name} (${h.source} ${h.sourceId}, ${h.score.toFixed(2)})`)
      .join(" / ");
    for (const [reviewId, r] of byReview) {
      const role = (lang: "ja" | "en") =>
        r.roles.map((x) => ROLE_LABELS[x as CounterpartyRole]?.[lang] ?? x).join(lang === "ja" ? "・" : ", ");
      await tasks.open(tx, actor, {
        kind: "review.hiring_rescreen_hit",
        title: {
          ja: `承認済みの採用・業務委託に新たなスクリーニング該当候補: ${r.refNo} ${r.title} — ${party.primaryName}（${role("ja")}）`,
          en: `New screening hit on an approved hire or contract: ${r.refNo} ${r.title} — ${party.primaryName} (${role("en")})`,
        },
        detail: {
          ja: `リスト更新後の再スクリーニングで該当候補が見つかりました: ${listed}。一致か誤検知かを判断し、一致であれば支払の停止と契約・アクセスの見直しを検討してください`,
          en: `The re-screening after a list update found possible matches: ${listed}. Decide whether they match; if so, consider stopping payment and reviewing the contract and access`,
        },
        link: `/reviews/${reviewId}`,
        entityType: "review",
        entityId: reviewId,
        assignee: { role: "secretariat" },
        dedupeKey: `review:${reviewId}:rescreen_hit:${party.id}`,
        email: true,
      });
    }
    return byReview.size;
  }

  async function get(actor: Actor, id: string): Promise<ReviewView> {
    const row0 = await findRow(db, id);
    await assertMayRead(actor, row0);
    const cps = await repo.counterparties(db, id);
    const latest = await latestScreenings(cps.map((c) => c.party_id));
    const row = await findRow(db, id);
    return (await build(db, row, latest, actor, await separationOfDuties(actor, row))).view;
  }

  async function list(
    actor: Actor,
    q: {
      scope: "mine" | "inbox" | "all";
      status?: string | undefined;
      q?: string | undefined;
      page: number;
      pageSize: number;
    },
  ) {
    let statuses: string[] | undefined = q.status ? [q.status] : undefined;
    let applicantUserId: string | undefined;
    if (q.scope === "mine") applicantUserId = actor.id ?? "00000000-0000-0000-0000-000000000000";
    else if (q.scope === "inbox") {
      const stages = (["unit_review", "secretariat_review", "approval"] as const).filter((s) => {
        const r = stageRole(s);
        return r !== null && hasAnyRole(actor, [r]);
      });
      statuses = q.status ? stages.filter((s) => s === q.status) : stages;
      if (statuses.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    } else if (!hasAnyRole(actor, READERS)) throw forbidden();
    // Unit officers see their departments' reviews (at the unit stage only, when they also hold an
    // institution-wide reading role).
    let unitScope: { departments: string[]; unitStageOnly: boolean } | undefined;
    if (q.scope !== "mine" && deps.unitScope && hasAnyRole(actor, ["unit_officer"])) {
      const departments = await deps.unitScope(actor);
      if (departments !== null)
        unitScope = {
          departments: [...departments],
          unitStageOnly: hasAnyRole(
            actor,
            READERS.filter((r) => r !== "unit_officer"),
          ),
        };
    }
    const [rows, count] = await repo.list(db, {
      applicantUserId,
      statuses,
      text: q.q,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
      unitScope,
    });
    const items = rows
      .filter((r) => q.scope !== "inbox" || r.applicant_user_id !== actor.id)
      .map((r) => ({
        id: r.id,
        refNo: r.ref_no,
        activityType: r.activity_type,
        title: r.title,
        status: r.status,
        track: r.track,
        applicantName: r.applicant_name,
        riskLevel: ((r.risk as RiskAssessment | null)?.level ?? null) as string | null,
        flags: ((r.risk as RiskAssessment | null)?.flags ?? []).map((f) => f.id),
        submittedAt: iso(r.submitted_at),
        decidedAt: iso(r.decided_at),
        retentionUntil: r.retention_until,
        updatedAt: iso(r.updated_at)!,
      }));
    return { items, total: count.n, page: q.page, pageSize: q.pageSize };
  }

  /** Export facts: destination, planned date, known use, inform notices, 明らか clearance. */
  async function setExportFacts(
    actor: Actor,
    id: string,
    version: number,
    input: ExportFacts,
  ): Promise<ReviewView> {
    const fields: FieldError[] = [];
    for (const key of ["destinationCountry", "finalDestinationCountry"] as const) {
      const v = input[key];
      if (v !== null && !COUNTRY_CODES.has(v.toUpperCase()))
        fields.push({
          path: key,
          message: {
            ja: "国・地域コード（ISO 3166-1）を選んでください",
            en: "Choose a country code (ISO 3166-1)",
          },
        });
    }
    if (input.plannedOn !== null && !/^\d{4}-\d{2}-\d{2}$/.test(input.plannedOn))
      fields.push({ path: "plannedOn", message: { ja: "日付は YYYY-MM-DD で", en: "Use YYYY-MM-DD" } });
    if ((input.informedWmd || input.informedConventional) && !input.informNote.trim())
      fields.push({
        path: "informNote",
        message: {
          ja: "インフォーム通知の日付・番号を記入してください",
          en: "Enter the inform notice's date and number",
        },
      });
    if (input.clearlyNoConcern && !input.clearlyNote.trim())
      fields.push({
        path: "clearlyNote",
        message: {
          ja: "明らかガイドラインで懸念がないと判断した根拠を記入してください",
          en: "Explain why it is clear under the guideline that there is no concern",
        },
      });
    if (fields.length) throw invalid(fields);
    const facts: ExportFacts = {
      ...EMPTY_EXPORT_FACTS,
      ...input,
      destinationCountry: input.destinationCountry?.toUpperCase() || null,
      finalDestinationCountry: input.finalDestinationCountry?.toUpperCase() || null,
      useNote: input.useNote.trim(),
      informNote: input.informNote.trim(),
      clearlyNote: input.clearlyNote.trim(),
    };
    await assertUnitStageScope(actor, await findRow(db, id));
    await db.transaction().execute(async (tx) => {
      const row = await findRow(tx, id, true);
      if (!mayClassify(actor, row))
        throw forbidden({
          ja: "この段階で輸出の条件を記録する権限がありません",
          en: "You cannot record the export facts at this stage",
        });
      if (row.version !== version) throw staleVersion();
      await repo.setExportFacts(tx, id, facts);
      await audit.write(tx, actor, {
        action: "review.export_facts_recorded",
        entityType: "review",
        entityId: id,
        before: { exportFacts: row.export_facts },
        after: { exportFacts: facts },
      });
    });
    return get(actor, id);
  }

  /** Links goods and technologies from the item master; each keeps the 判定 it had when linked. */
  async function setItems(
    actor: Actor,
    id: string,
    version: number,
    input: {
      itemId: string;
      quantity: number | null;
      unit: string | null;
      valueJpy: number | null;
      extraExceptions: ExceptionRecord[];
      note: string | null;
    }[],
  ): Promise<ReviewView> {
    const fields: FieldError[] = [];
    input.forEach((it, i) => {
      it.extraExceptions.forEach((e, k) => {
        fields.push(
          ...validateExceptionRecord(e, `items.${i}.extraExceptions.${k}`).map((p) => ({
            path: p.path,
            message: p.message,
          })),
        );
      });
      if (it.quantity !== null && !(it.quantity >= 0))
        fields.push({ path: `items.${i}.quantity`, message: { ja: "0以上", en: "0 or more" } });
      if (it.valueJpy !== null && !(it.valueJpy >= 0))
        fields.push({ path: `items.${i}.valueJpy`, message: { ja: "0以上", en: "0 or more" } });
    });
    if (new Set(input.map((i) => i.itemId)).size !== input.length)
      fields.push({
        path: "items",
        message: { ja: "同じ品目が重複しています", en: "The same item appears twice" },
      });
    if (fields.length) throw invalid(fields);
    await assertUnitStageScope(actor, await findRow(db, id));
    await db.transaction().execute(async (tx) => {
      const row = await findRow(tx, id, true);
      if (!mayClassify(actor, row))
        throw forbidden({
          ja: "この段階で品目を記録する権限がありません",
          en: "You cannot link items at this stage",
        });
      if (row.version !== version) throw staleVersion();
      const found = await deps.exportControl.items.many(
        tx,
        input.map((i) => i.itemId),
      );
      const problems: FieldError[] = [];
      input.forEach((it, i) => {
        const item = found.find((f) => f.id === it.itemId);
        if (!item)
          problems.push({
            path: `items.${i}.itemId`,
            message: { ja: "品目が見つかりません", en: "No such item" },
          });
        else if (item.status === "archived")
          problems.push({
            path: `items.${i}.itemId`,
            message: { ja: "廃止された品目です", en: "The item is archived" },
          });
        else if (item.kind === "goods" && it.extraExceptions.length > 0)
          problems.push({
            path: `items.${i}.extraExceptions`,
            message: {
              ja: "技術提供の特例は貨物には適用されません",
              en: "Technology exceptions do not apply to goods",
            },
          });
      });
      if (problems.length) throw invalid(problems);
      const before = await repo.reviewItems(tx, id);
      await repo.replaceReviewItems(
        tx,
        id,
        input.map((it) => {
          const item = found.find((f) => f.id === it.itemId)!;
          const prior = before.find((b) => b.item_id === it.itemId);
          return {
            itemId: it.itemId,
            quantity: it.quantity,
            unit: it.unit?.trim() || null,
            valueJpy: it.valueJpy,
            // Keep the 判定 seen when first linked unless the reviewer links the item again.
            snapshot: prior
              ? prior.snapshot
              : { judgement: item.judgement, version: item.version, summary: item.summary },
            exceptions: it.extraExceptions,
            note: it.note?.trim() || null,
          };
        }),
      );
      await audit.write(tx, actor, {
        action: "review.items_linked",
        entityType: "review",
        entityId: id,
        before: before.map((b) => ({ itemId: b.item_id, quantity: b.quantity, valueJpy: b.value_jpy })),
        after: input,
      });
    });
    return get(actor, id);
  }

  /** Takes the item master's current 判定 for a linked item (after the master changed). */
  async function refreshItem(actor: Actor, id: string, version: number, itemId: string): Promise<ReviewView> {
    await assertUnitStageScope(actor, await findRow(db, id));
    await db.transaction().execute(async (tx) => {
      const row = await findRow(tx, id, true);
      if (!mayClassify(actor, row))
        throw forbidden({
          ja: "この段階で品目を記録する権限がありません",
          en: "You cannot link items at this stage",
        });
      if (row.version !== version) throw staleVersion();
      const current = await repo.reviewItems(tx, id);
      const [item] = await deps.exportControl.items.many(tx, [itemId]);
      if (!item || !current.some((c) => c.item_id === itemId)) throw notFound({ ja: "品目", en: "Item" });
      await repo.replaceReviewItems(
        tx,
        id,
        current.map((c) => ({
          itemId: c.item_id,
          quantity: c.quantity,
          unit: c.unit,
          valueJpy: c.value_jpy,
          snapshot:
            c.item_id === itemId
              ? { judgement: item.judgement, version: item.version, summary: item.summary }
              : c.snapshot,
          exceptions: c.exceptions,
          note: c.note,
        })),
      );
      await audit.write(tx, actor, {
        action: "review.item_refreshed",
        entityType: "review",
        entityId: id,
        after: { itemId, version: item.version, judgement: item.judgement },
      });
    });
    return get(actor, id);
  }

  async function linkLicence(
    actor: Actor,
    id: string,
    licenceId: string,
    link: boolean,
  ): Promise<ReviewView> {
    await db.transaction().execute(async (tx) => {
      const row = await findRow(tx, id, true);
      if (!mayLinkLicences(actor, row))
        throw forbidden({
          ja: "許可の紐付けは事務局が決定前に行います",
          en: "The secretariat links licences before the decision",
        });
      if (link) {
        const [found] = await deps.exportControl.licences.factsFor(tx, [licenceId]);
        if (!found) throw notFound({ ja: "許可", en: "Licence" });
        await repo.linkLicence(tx, id, licenceId, actor.id);
      } else await repo.unlinkLicence(tx, id, licenceId);
      await audit.write(tx, actor, {
        action: link ? "review.licence_linked" : "review.licence_unlinked",
        entityType: "review",
        entityId: id,
        after: { licenceId },
      });
    });
    return get(actor, id);
  }

  return {
    alertApprovedHires,
    setExportFacts,
    setItems,
    refreshItem,
    linkLicence,
    create,
    update,
    classify,
    recordTransactionCheck,
    recordIdentityCheck,
    screenCounterparties,
    transition,
    get,
    list,
    history: async (actor: Actor, id: string) => {
      await assertMayRead(actor, await findRow(db, id));
      return audit.forEntity("review", id);
    },
    /** Autosave: the user's unsaved form, kept server-side so an expired session loses nothing. */
    async saveDraft(actor: Actor, key: string, payload: unknown): Promise<{ key: string; savedAt: string }> {
      if (!actor.id) throw forbidden();
      const at = clock();
      await repo.putDraft(db, actor.id, key, payload, at);
      return { key, savedAt: at.toISOString() };
    },
    async getDraft(
      actor: Actor,
      key: string,
    ): Promise<{ key: string; payload: unknown; savedAt: string } | null> {
      if (!actor.id) return null;
      const row = await repo.getDraft(db, actor.id, key);
      return row ? { key, payload: row.payload, savedAt: iso(row.updated_at)! } : null;
    },
    async deleteDraft(actor: Actor, key: string): Promise<void> {
      if (actor.id) await repo.deleteDraft(db, actor.id, key);
    },
    async listDrafts(actor: Actor) {
      if (!actor.id) return [];
      return (await repo.listDrafts(db, actor.id)).map((d) => ({ key: d.key, savedAt: iso(d.updated_at)! }));
    },
  };
}

export type ReviewsService = ReturnType<typeof createReviewsService>;
