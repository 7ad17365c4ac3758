import { createHash, randomUUID } from "node:crypto";
import type { AuditService, AuditWriter } from "../audit/audit-service.js";
import type { Db, Executor } from "../db/database.js";
import type { ApproachStatus, Role } from "../db/schema.js";
import type { JobQueue } from "../jobs/job-queue.js";
import type { JobRow } from "../jobs/jobs-repo.js";
import type { PartiesService, Party } from "../parties/parties-service.js";
import type { ScreeningPort } from "../screening/screening-contract.js";
import { type Actor, hasAnyRole, systemActor } from "../shared/actor.js";
import {
  AppError,
  type Bilingual,
  conflict,
  type FieldError,
  forbidden,
  invalid,
  notFound,
} from "../shared/errors.js";
import type { TasksService } from "../tasks/tasks-service.js";
import {
  addReports,
  applyFactMembers,
  type ClusterState,
  emptyState,
  type FactMember,
  type FactRow,
  factRowsFromMembers,
  linkFacts,
  linksToStore,
  MAX_SHARED_FACTS,
  mergeStates,
  reportFacts,
  strongestFacts,
  summaryFromState,
} from "./approach-cluster-engine.js";
import { blockingTokens, fuzzyLinks, type LinkProfile } from "./approach-link-engine.js";
import {
  type ClusterSummary,
  clusterAlert,
  type LinkReason,
  linkKeys,
  linkReasons,
  linkStrength,
  type PatternReport,
} from "./approach-pattern-engine.js";
import type { ApproachRepo, ReportFields } from "./approach-repo.js";
import {
  type Answer,
  type ApproachChannel,
  type AskKind,
  assessApproach,
  type OfferKind,
  QUESTIONS,
  type RiskAssessment,
} from "./approach-risk-engine.js";
import {
  attachmentProblem,
  MAX_ATTACHMENTS_PER_REPORT,
  safeFileName,
  sniffAttachment,
} from "./attachment-engine.js";
import { CandidateCache, type CandidateDetails } from "./candidate-cache.js";
import { nameVariants, redactNames } from "./redaction-engine.js";
import { fingerprint, lshBands } from "./text-similarity-engine.js";

/** Roles that see every submitted report (approver and auditor read only). */
export const OFFICE_READERS: readonly Role[] = ["secretariat", "admin", "approver", "auditor"];
/** Roles that triage, link, note and export. */
export const OFFICE_WRITERS: readonly Role[] = ["secretariat", "admin"];

export const OUTCOMES = [
  "no_concern",
  "advised_reporter",
  "contact_blocked",
  "referred_to_police",
  "referred_internally",
  "other",
] as const;
export type Outcome = (typeof OUTCOMES)[number];

const REPORT: Bilingual = { ja: "接触報告", en: "Approach report" };

/**
 * The background job that links the people and organisations a submitted report names to parties
 * and screens them (issue 11 §6: out of the submission request, durable, retried).
 */
export const LINK_PARTIES_JOB = "approach.link_parties";

/**
 * Caps that keep one submission's clustering cost bounded (issue 11 §6). A report is compared with
 * at most the newest CANDIDATES_PER_KEY reports per exact link key and per text band, and with at
 * most MAX_FUZZY_CANDIDATES reports for fuzzy links (the newest CANDIDATES_PER_TOKEN per blocking
 * token, those sharing most tokens first). Exact keys are transitive, so reports sharing a key
 * still end up in one cluster however many there are; a fuzzy link to an older report can be
 * missed only when more than these many newer reports share every token with it.
 */
export const CANDIDATES_PER_KEY = 50;
export const CANDIDATES_PER_TOKEN = 40;
export const MAX_FUZZY_CANDIDATES = 200;
/** Fact rows read to build a summary: the shown facts plus room for a name in both word orders. */
const TOP_FACT_ROWS = MAX_SHARED_FACTS * 3;

export type ApproachInput = {
  channel: ApproachChannel;
  channelOther?: string | null | undefined;
  occurredOn?: string | null | undefined;
  sender?:
    | {
        name?: string | null | undefined;
        organisation?: string | null | undefined;
        profileUrl?: string | null | undefined;
        email?: string | null | undefined;
        phone?: string | null | undefined;
      }
    | undefined;
  offered?: OfferKind[] | undefined;
  offeredOther?: string | null | undefined;
  asked?: AskKind[] | undefined;
  askedOther?: string | null | undefined;
  messageText?: string | null | undefined;
  description?: string | null | undefined;
  answers?: Record<string, Answer> | undefined;
};

export type AttachmentView = {
  id: string;
  fileName: string;
  mediaType: string;
  kind: "message_text" | "screenshot" | "document";
  sizeBytes: number;
  sha256: string;
  createdAt: string;
};

export type ScreeningSummary = {
  status: "screened" | "unavailable" | "failed";
  message: Bilingual | null;
  runId: string | null;
  screenedAt: string;
  openHitCount: number;
  confirmedHitCount: number;
  topHits: { name: string; source: string; score: number; match: boolean }[];
};

/** Where the automatic linking and screening of a report's named parties stands. */
export type PartyLinkingStatus = {
  status: "pending" | "done" | "failed";
  attempts: number;
  queuedAt: string;
  finishedAt: string | null;
  /** The last attempt's error (retried while pending; given up when failed). */
  lastError: string | null;
  nextAttemptAt: string | null;
};

export type LinkedParty = {
  partyId: string;
  name: string;
  kind: "organization" | "person";
  role: "sender" | "organisation";
  linkedAt: string;
  screening: ScreeningSummary | null;
};

export type ReportView = {
  id: string;
  number: number;
  reference: string;
  status: ApproachStatus;
  version: number;
  channel: ApproachChannel;
  channelOther: string | null;
  occurredOn: string | null;
  sender: {
    name: string | null;
    organisation: string | null;
    profileUrl: string | null;
    email: string | null;
    phone: string | null;
  };
  offered: OfferKind[];
  offeredOther: string | null;
  asked: AskKind[];
  askedOther: string | null;
  messageText: string | null;
  description: string | null;
  answers: Record<string, Answer>;
  assessment: RiskAssessment;
  attachments: AttachmentView[];
  reporter: { id: string; displayName: string; department: string | null };
  mine: boolean;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** Present for the security office only. */
  office: {
    canTriage: boolean;
    assignee: { id: string; displayName: string } | null;
    outcome: Outcome | null;
    outcomeNote: string | null;
    cluster: {
      id: string;
      reportCount: number;
      reporterCount: number;
      headline: ClusterSummary["headline"];
    } | null;
    links: { reportId: string; reference: string; reasons: LinkReason[] }[];
    parties: LinkedParty[];
    /** Null when the report names nobody (nothing to link) or the job was purged long after. */
    partyLinking: PartyLinkingStatus | null;
    reviewIds: string[];
    notes: { id: string; text: string; authorName: string | null; createdAt: string }[];
    /** Flags raised by the office's own checks (e.g. R-LIST-HIT from screening). */
    screeningFlags: string[];
  } | null;
};

export type ClusterView = {
  id: string;
  status: "open" | "reviewed";
  reportCount: number;
  reporterCount: number;
  firstAt: string;
  lastAt: string;
  summary: ClusterSummary;
  alert: { title: Bilingual; detail: Bilingual };
};

type ReportRow = NonNullable<Awaited<ReturnType<ApproachRepo["findReport"]>>>;

/** "AR-00012": the number people quote on the phone and in referrals. */
export function reference(n: number): string {
  return `AR-${String(n).padStart(5, "0")}`;
}

/**
 * A stable pseudonym for a reporter in exports: the same person gets the same code on every
 * report (so the police can see two reports came from one person) without revealing who it is.
 */
export function reporterPseudonym(userId: string): string {
  return `R-${createHash("sha256").update(`sekimori-approach-reporter:${userId}`).digest("hex").slice(0, 8).toUpperCase()}`;
}

const emptyToNull = (v: string | null | undefined) => {
  const t = v?.normalize("NFC").trim();
  return t ? t : null;
};

/** Checks and tidies a report form, reporting every problem at once with its field path. */
function clean(
  input: ApproachInput,
  today: string,
): Omit<ReportFields, "risk_level" | "risk_score" | "assessment"> {
  const fields: FieldError[] = [];
  const occurredOn = emptyToNull(input.occurredOn);
  if (occurredOn) {
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(occurredOn) && !Number.isNaN(Date.parse(`${occurredOn}T00:00:00Z`));
    if (!ok || new Date(`${occurredOn}T00:00:00Z`).toISOString().slice(0, 10) !== occurredOn) {
      fields.push({
        path: "occurredOn",
        message: { ja: "日付は YYYY-MM-DD で入力してください", en: "Date must be YYYY-MM-DD" },
      });
    } else if (occurredOn > today) {
      fields.push({
        path: "occurredOn",
        message: { ja: "未来の日付は入力できません", en: "The date cannot be in the future" },
      });
    }
  }
  const email = emptyToNull(input.sender?.email);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    fields.push({
      path: "sender.email",
      message: { ja: "メールアドレスの形式が正しくありません", en: "Not a valid e-mail address" },
    });
  }
  const profileUrl = emptyToNull(input.sender?.profileUrl);
  if (profileUrl) {
    let ok = false;
    try {
      const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(profileUrl) ? profileUrl : `https://${profileUrl}`);
      ok = (u.protocol === "http:" || u.protocol === "https:") && u.hostname.includes(".");
    } catch {
      ok = false;
    }
    if (!ok) {
      fields.push({
        path: "sender.profileUrl",
        message: {
          ja: "プロフィールURLは https:// で始まるURLで入力してください",
          en: "The profile URL must be a web address (https://…)",
        },
      });
    }
  }
  const known = new Set(QUESTIONS.map((q) => q.flagId));
  const answers: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.answers ?? {})) {
    if (!known.has(k)) {
      fields.push({
        path: `answers.${k}`,
        message: { ja: "不明な質問です", en: "Unknown question" },
      });
    } else answers[k] = v;
  }
  if (input.channel === "other" && !emptyToNull(input.channelOther)) {
    fields.push({
      path: "channelOther",
      message: { ja: "「その他」の内容を入力してください", en: "Say what the other channel was" },
    });
  }
  if (fields.length > 0) throw invalid(fields);
  return {
    channel: input.channel,
    channel_other: input.channel === "other" ? emptyToNull(input.channelOther) : null,
    occurred_on: occurredOn,
    sender_name: emptyToNull(input.sender?.name),
    sender_organisation: emptyToNull(input.sender?.organisation),
    sender_profile_url: profileUrl,
    sender_email: email,
    sender_phone: emptyToNull(input.sender?.phone),
    offered: [...new Set(input.offered ?? [])],
    offered_other: emptyToNull(input.offeredOther),
    asked: [...new Set(input.asked ?? [])],
    asked_other: emptyToNull(input.askedOther),
    message_text: emptyToNull(input.messageText),
    description: emptyToNull(input.description),
    answers,
  };
}

function withAssessment(c: ReturnType<typeof clean>): ReportFields {
  const assessment = assessApproach({
    channel: c.channel as ApproachChannel,
    offered: c.offered as OfferKind[],
    asked: c.asked as AskKind[],
    answers: c.answers as Record<string, Answer>,
  });
  return { ...c, risk_level: assessment.level, risk_score: assessment.score, assessment };
}

export type ApproachServiceDeps = {
  db: Db;
  repo: ApproachRepo;
  audit: AuditWriter & Pick<AuditService, "forEntity">;
  tasks: Pick<TasksService, "open" | "closeFor" | "notify">;
  parties: Pick<PartiesService, "findByName" | "createIn" | "get">;
  jobs: Pick<JobQueue, "register" | "enqueue" | "wake" | "latestFor">;
  screening: ScreeningPort;
  settings: { attachmentMaxBytes: number; clusterMinReporters: number; clusterWindowDays: number };
  /** Candidate caps (tests lower them to show the cost stays bounded); defaults below. */
  clusterCaps?: { perKey: number; perToken: number; maxFuzzy: number; maxLinks?: number };
  clock?: () => Date;
  log?: (message: string, error?: unknown) => void;
  /** Parsed details of recently compared reports (tests pass their own to watch it). */
  candidateCache?: CandidateCache;
};

/**
 * Approach reports: anyone reports a suspicious approach in three minutes and is told how risky it
 * looks and what to do now; the security office triages, screens the people and organisations
 * named, links parties and reviews, exports for the police, and is alerted when several people
 * report the same contact.
 */
export function createApproachService(deps: ApproachServiceDeps) {
  const { db, repo, audit, tasks, parties, screening, settings, jobs } = deps;
  const clock = deps.clock ?? (() => new Date());
  const log = deps.log ?? (() => {});
  const candidateCache = deps.candidateCache ?? new CandidateCache();
  const caps = deps.clusterCaps ?? {
    perKey: CANDIDATES_PER_KEY,
    perToken: CANDIDATES_PER_TOKEN,
    maxFuzzy: MAX_FUZZY_CANDIDATES,
  };

  const isOffice = (actor: Actor) => hasAnyRole(actor, OFFICE_READERS);
  const canTriage = (actor: Actor) => hasAnyRole(actor, OFFICE_WRITERS);
  const requireTriage = (actor: Actor) => {
    if (!canTriage(actor)) throw forbidden();
  };

  /** Loads a report the actor may see: their own (any status) or, for the office, any submitted one. */
  async function visibleRow(exec: Executor, actor: Actor, id: string): Promise<ReportRow> {
    const row = await repo.findReport(exec, id);
    if (!row) throw notFound(REPORT);
    const mine = row.reporter_id === actor.id;
    if (mine) return row;
    if (isOffice(actor) && row.status !== "draft") return row;
    throw notFound(REPORT); // others' reports do not exist as far as the caller can tell
  }

  async function ownDraftForUpdate(tx: Executor, actor: Actor, id: string, version?: number) {
    return checkOwnDraft(await repo.lockReport(tx, id), actor, version);
  }

  /** The caller's own draft, at the version they edited (else not found or a conflict). */
  function checkOwnDraft<R extends { reporter_id: string; status: ApproachStatus; version: number }>(
    row: R | undefined,
    actor: Actor,
    version?: number,
  ): R {
    if (!row || row.reporter_id !== actor.id) throw notFound(REPORT);
    if (row.status !== "draft") {
      throw conflict("not_a_draft", {
        ja: "送信済みの報告は変更できません",
        en: "A submitted report can no longer be changed",
      });
    }
    if (version !== undefined && row.version !== version) {
      throw conflict("stale_version", {
        ja: "この報告は別の画面で更新されています。再読み込みしてください",
        en: "This report was changed elsewhere; reload it",
      });
    }
    return row;
  }

  /** `attachmentRows`: the report's attachments when the caller has just read (or knows) them. */
  async function toView(
    exec: Executor,
    actor: Actor,
    row: ReportRow,
    attachmentRows?: Awaited<ReturnType<ApproachRepo["attachmentsOf"]>>,
  ): Promise<ReportView> {
    const attachments = (attachmentRows ?? (await repo.attachmentsOf(exec, [row.id]))).map((a) => ({
      id: a.id,
      fileName: a.file_name,
      mediaType: a.media_type,
      kind: a.kind,
      sizeBytes: a.size_bytes,
      sha256: a.sha256,
      createdAt: new Date(a.created_at).toISOString(),
    }));
    let office: ReportView["office"] = null;
    if (isOffice(actor) && row.status !== "draft") {
      const [cluster] = row.cluster_id ? await repo.findClusters(exec, [row.cluster_id]) : [];
      const linkRows = await repo.linksOf(exec, [row.id]);
      const otherIds = [
        ...new Set(linkRows.map((l) => (l.report_id === row.id ? l.linked_report_id : l.report_id))),
      ];
      const others = await Promise.all(otherIds.map((o) => repo.findReport(exec, o)));
      const numberOf = new Map(others.filter((o) => o).map((o) => [o!.id, o!.number]));
      const partyRows = await repo.partiesOf(exec, row.id);
      const [job] = await jobs.latestFor(exec, LINK_PARTIES_JOB, "approach_report", [row.id]);
      const linkedParties: LinkedParty[] = partyRows.map((p) => ({
        partyId: p.party_id,
        name: p.primary_name,
        kind: p.kind,
        role: p.role,
        linkedAt: new Date(p.linked_at).toISOString(),
        screening: (p.screening as ScreeningSummary | null) ?? null,
      }));
      const screeningFlags = linkedParties.some(
        (p) => p.screening && (p.screening.openHitCount > 0 || p.screening.confirmedHitCount > 0),
      )
        ? ["R-LIST-HIT"]
        : [];
      office = {
        canTriage: canTriage(actor),
        assignee: row.assignee_id ? { id: row.assignee_id, displayName: row.assignee_name ?? "" } : null,
        outcome: (row.outcome as Outcome | null) ?? null,
        outcomeNote: row.outcome_note,
        cluster: cluster
          ? {
              id: cluster.id,
              reportCount: cluster.report_count,
              reporterCount: cluster.reporter_count,
              headline: (cluster.summary as ClusterSummary).headline,
            }
          : null,
        links: otherIds.map((o) => {
          const l = linkRows.find((x) => x.report_id === o || x.linked_report_id === o)!;
          return {
            reportId: o,
            reference: reference(numberOf.get(o) ?? 0),
            reasons: l.reasons as LinkReason[],
          };
        }),
        parties: linkedParties,
        partyLinking: job
          ? {
              status: job.status,
              attempts: job.attempts,
              queuedAt: new Date(job.created_at).toISOString(),
              finishedAt: job.finished_at ? new Date(job.finished_at).toISOString() : null,
              lastError: job.last_error,
              nextAttemptAt: job.status === "pending" ? new Date(job.next_attempt_at).toISOString() : null,
            }
          : null,
        reviewIds: (await repo.reviewsOf(exec, row.id)).map((r) => r.review_id),
        notes: (await repo.notesOf(exec, row.id)).map((n) => ({
          id: n.id,
          text: n.text,
          authorName: n.author_name,
          createdAt: new Date(n.created_at).toISOString(),
        })),
        screeningFlags,
      };
    }
    return {
      id: row.id,
      number: row.number,
      reference: reference(row.number),
      status: row.status,
      version: row.version,
      channel: row.channel as ApproachChannel,
      channelOther: row.channel_other,
      occurredOn: row.occurred_on,
      sender: {
        name: row.sender_name,
        organisation: row.sender_organisation,
        profileUrl: row.sender_profile_url,
        email: row.sender_email,
        phone: row.sender_phone,
      },
      offered: row.offered as OfferKind[],
      offeredOther: row.offered_other,
      asked: row.asked as AskKind[],
      askedOther: row.asked_other,
      messageText: row.message_text,
      description: row.description,
      answers: row.answers as Record<string, Answer>,
      assessment: row.assessment as RiskAssessment,
      attachments,
      reporter: {
        id: row.reporter_id,
        displayName: row.reporter_name,
        department: row.reporter_department ?? row.reporter_current_department,
      },
      mine: row.reporter_id === actor.id,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
      submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
      office,
    };
  }

  /** What the audit log keeps of a report: the facts and the assessment, never attachment bytes. */
  function auditView(v: ReportView) {
    const { office: _o, attachments, createdAt: _c, updatedAt: _u, ...rest } = v;
    return { ...rest, attachments: attachments.map((a) => ({ fileName: a.fileName, sha256: a.sha256 })) };
  }

  // — drafts —

  async function createDraft(actor: Actor, input: ApproachInput): Promise<ReportView> {
    if (!actor.id) throw forbidden();
    const fields = withAssessment(clean(input, clock().toISOString().slice(0, 10)));
    const id = randomUUID();
    return db.transaction().execute(async (tx) => {
      // One statement inserts and reads back the draft; a new draft has no attachments yet.
      const view = await toView(tx, actor, await repo.insertReportReturning(tx, id, actor.id!, fields), []);
      await audit.write(tx, actor, {
        action: "approach.draft_created",
        entityType: "approach_report",
        entityId: id,
        after: auditView(view),
      });
      return view;
    });
  }

  async function updateDraft(
    actor: Actor,
    id: string,
    version: number,
    input: ApproachInput,
  ): Promise<ReportView> {
    const fields = withAssessment(clean(input, clock().toISOString().slice(0, 10)));
    return db.transaction().execute(async (tx) => {
      await ownDraftForUpdate(tx, actor, id, version);
      const before = await toView(tx, actor, (await repo.findReport(tx, id))!);
      await repo.updateReport(tx, id, fields);
      const after = await toView(tx, actor, (await repo.findReport(tx, id))!);
      await audit.write(tx, actor, {
        action: "approach.draft_updated",
        entityType: "approach_report",
        entityId: id,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
  }

  async function deleteDraft(actor: Actor, id: string): Promise<void> {
    await db.transaction().execute(async (tx) => {
      await ownDraftForUpdate(tx, actor, id);
      const before = await toView(tx, actor, (await repo.findReport(tx, id))!);
      await repo.deleteReport(tx, id);
      await audit.write(tx, actor, {
        action: "approach.draft_deleted",
        entityType: "approach_report",
        entityId: id,
        before: auditView(before),
      });
    });
  }

  /**
   * Adds attachments to the reporter's draft. Every file is checked first (size, and type from its
   * content); if any is refused, none is stored and the error names each refused file — the draft
   * itself is untouched, so nothing the reporter typed is lost.
   */
  async function addAttachments(
    actor: Actor,
    id: string,
    files: { fileName: string | undefined; content: Uint8Array; truncated: boolean }[],
  ): Promise<ReportView> {
    if (files.length === 0) {
      throw invalid([{ path: "files", message: { ja: "ファイルを選択してください", en: "Choose a file" } }]);
    }
    const checked = files.map((f, i) => {
      const sniffed = sniffAttachment(f.content);
      const fileName = safeFileName(f.fileName, sniffed?.extension ?? "bin");
      const problem = attachmentProblem(
        fileName,
        f.content.byteLength,
        f.truncated,
        sniffed,
        settings.attachmentMaxBytes,
      );
      return { i, fileName, sniffed, problem, content: f.content };
    });
    const problems = checked.filter((c) => c.problem);
    // Check that the draft exists and is the caller's before telling them about their files.
    await db.transaction().execute(async (tx) => ownDraftForUpdate(tx, actor, id));
    if (problems.length > 0) {
      const status = problems.every((p) => p.problem!.code === "too_large")
        ? 413
        : problems.every((p) => p.problem!.code === "wrong_type")
          ? 415
          : 400;
      const message =
        problems.length === 1
          ? problems[0]!.problem!.message
          : {
              ja: `${problems.length}件のファイルを添付できませんでした：${problems.map((p) => p.problem!.message.ja).join(" ")}`,
              en: `${problems.length} files could not be attached: ${problems.map((p) => p.problem!.message.en).join(" ")}`,
            };
      throw new AppError(
        status,
        "attachment_refused",
        message,
        problems.map((p) => ({ path: `files.${p.i}`, message: p.problem!.message })),
      );
    }
    return db.transaction().execute(async (tx) => {
      await ownDraftForUpdate(tx, actor, id);
      const existing = await repo.attachmentsOf(tx, [id]);
      if (existing.length + checked.length > MAX_ATTACHMENTS_PER_REPORT) {
        throw invalid([], {
          ja: `添付できるファイルは1件の報告につき${MAX_ATTACHMENTS_PER_REPORT}個までです`,
          en: `A report can have at most ${MAX_ATTACHMENTS_PER_REPORT} attachments`,
        });
      }
      const added: { fileName: string; sha256: string; sizeBytes: number }[] = [];
      // Distinct timestamps keep the upload order (rows of one transaction share now()).
      const base = clock().getTime();
      for (const c of checked) {
        const sha256 = createHash("sha256").update(c.content).digest("hex");
        await repo.insertAttachment(tx, {
          id: randomUUID(),
          reportId: id,
          fileName: c.fileName,
          mediaType: c.sniffed!.mediaType,
          kind: c.sniffed!.kind,
          content: c.content,
          sha256,
          uploadedBy: actor.id!,
          createdAt: new Date(base + c.i),
        });
        added.push({ fileName: c.fileName, sha256, sizeBytes: c.content.byteLength });
      }
      await audit.write(tx, actor, {
        action: "approach.attachments_added",
        entityType: "approach_report",
        entityId: id,
        after: { attachments: added },
      });
      return toView(tx, actor, (await repo.findReport(tx, id))!);
    });
  }

  async function removeAttachment(actor: Actor, id: string, attachmentId: string): Promise<ReportView> {
    return db.transaction().execute(async (tx) => {
      await ownDraftForUpdate(tx, actor, id);
      const a = await repo.findAttachment(tx, id, attachmentId);
      if (!a) throw notFound({ ja: "添付ファイル", en: "Attachment" });
      await repo.deleteAttachment(tx, id, attachmentId);
      await audit.write(tx, actor, {
        action: "approach.attachment_removed",
        entityType: "approach_report",
        entityId: id,
        before: { fileName: a.file_name, sha256: a.sha256 },
      });
      return toView(tx, actor, (await repo.findReport(tx, id))!);
    });
  }

  async function getAttachment(actor: Actor, id: string, attachmentId: string) {
    await visibleRow(db, actor, id);
    const a = await repo.findAttachment(db, id, attachmentId);
    if (!a) throw notFound({ ja: "添付ファイル", en: "Attachment" });
    return { fileName: a.file_name, mediaType: a.media_type, content: a.content };
  }

  // — submission and clustering —

  /**
   * Links the new report to earlier ones from the same contact and updates (or creates) its cluster.
   * Bounded whatever the cluster and window size (issue 11 §6): candidates come from indexes (link
   * keys, text bands, the link engine's blocking tokens — the newest few per key, see the caps
   * above), and the cluster's summary is updated by the facts the new report and its links bring.
   */
  async function cluster(
    tx: Executor,
    actor: Actor,
    self: PatternReport & { clusterId: string | null },
    selfProfile: LinkProfile,
  ): Promise<string | null> {
    // The clustering lock is held since the submission's first statement (repo.lockForSubmit).
    const now = clock();
    const since = new Date(now.getTime() - settings.clusterWindowDays * 86_400_000);
    // Bands come from the stored signature, so re-clustering never needs the text again.
    const bands = self.signature ? lshBands(self.signature) : [];
    // Exact keys and text bands, and beyond them similar or cross-script names, acronyms, the same
    // request (link engine), compared only with the reports that share a blocking token: one read.
    const found = await repo.clusterCandidates(
      tx,
      {
        reportId: self.id,
        keys: self.keys,
        bands,
        tokens: blockingTokens(selfProfile).query,
        since,
        perKey: caps.perKey,
        perToken: caps.perToken,
        maxFuzzy: caps.maxFuzzy,
      },
      candidateCache,
    );
    const fuzzy = fuzzyLinks(
      selfProfile,
      found.filter((f) => f.token).map((f) => f.profile),
    );
    const candidates = found.filter((f) => f.exact || fuzzy.has(f.pattern.id));
    const linked = candidates
      .map((f) => {
        const c = f.pattern;
        const reasons: LinkReason[] = linkReasons(self, c);
        for (const x of fuzzy.get(c.id) ?? []) if (!reasons.some((y) => y.kind === x.kind)) reasons.push(x);
        return { c, reasons: reasons.sort((a, b) => linkStrength(a.kind) - linkStrength(b.kind)) };
      })
      .filter((x) => x.reasons.length > 0);
    if (linked.length === 0) return null;
    const clusterIds = [...new Set(linked.map((l) => l.c.clusterId).filter((c): c is string => !!c))];
    if (clusterIds.length <= 1) {
      const grown = await growCluster(tx, actor, self, linked, clusterIds[0] ?? null, now);
      if (grown) return grown;
    }
    return mergeAndGrow(tx, actor, self, linked, now);
  }

  /**
   * The common case in three statements (issue 11 §6): the report and its links create a cluster
   * or join the one cluster they touch. Reads the cluster, the touched fact rows, its strongest facts
   * and the stored memberships at once; writes links, cluster, members and facts at once; the new
   * summary's strongest facts are the old strongest ones and the changed ones (counts only grow).
   * Null when the cluster predates incremental summaries (no state): mergeAndGrow rebuilds it.
   */
  async function growCluster(
    tx: Executor,
    actor: Actor,
    self: PatternReport,
    linked: { c: PatternReport & { clusterId: string | null }; reasons: LinkReason[] }[],
    existingId: string | null,
    now: Date,
  ): Promise<string | null> {
    const joining = [self, ...linked.filter((l) => !l.c.clusterId).map((l) => l.c)];
    const adds: FactMember[] = [
      ...joining.flatMap((r) => reportFacts(r)),
      ...linked.flatMap((l) => linkFacts(self, l.c, l.reasons)),
    ];
    // The same (fact, report) comes once per link (e.g. the new report's text fact): asked and
    // stored once. applyFactMembers skips repeats, so the result is the same.
    const seenPairs = new Set<string>();
    const pairs = adds.filter((a) => {
      const k = `${a.fact}\u0000${a.reportId}`;
      if (seenPairs.has(k)) return false;
      seenPairs.add(k);
      return true;
    });
    let state = emptyState();
    let rows = new Map<string, FactRow>();
    let known = { members: new Set<string>(), reporters: new Set<string>() };
    let topBefore: FactRow[] = [];
    let alreadyAlerted = 0;
    if (existingId) {
      const g = await repo.clusterGrowthInputs(tx, existingId, pairs, TOP_FACT_ROWS);
      if (!g.cluster?.state) return null;
      state = g.cluster.state as ClusterState;
      rows = new Map(g.factRows.map((r) => [r.fact, r]));
      known = { members: g.members, reporters: g.reporters };
      topBefore = g.topFacts;
      alreadyAlerted = g.cluster.alerted_reporter_count;
    }
    const clusterId = existingId ?? randomUUID();
    state = addReports(state, joining);
    const changed = applyFactMembers(rows, pairs, known.members, known.reporters);
    const summary = summaryFromState(
      state,
      strongestFacts(topBefore, changed, TOP_FACT_ROWS),
      now,
      settings.clusterWindowDays,
    );
    const alert =
      summary.reporterCount >= settings.clusterMinReporters && summary.reporterCount > alreadyAlerted;
    await repo.writeClusterGrowth(tx, {
      clusterId,
      create: !existingId,
      // Joining a cluster it already belongs to through many members, the report keeps the links
      // that explain a joining report or a fact, and a few of the strongest and newest others.
      links: (existingId ? linksToStore(self, linked, known.members, caps.maxLinks) : linked).map((l) => ({
        reportId: self.id,
        linkedReportId: l.c.id,
        reasons: l.reasons,
      })),
      joining: joining.map((r) => r.id),
      // Only members not stored yet (a linked report's own facts mostly are).
      members: pairs.filter((a) => !known.members.has(`${a.fact}\u0000${a.reportId}`)),
      facts: [...changed.values()],
      cluster: {
        summary,
        state,
        reportCount: summary.reportCount,
        reporterCount: summary.reporterCount,
        firstAt: summary.firstAt,
        lastAt: summary.lastAt,
        alertedReporterCount: alert ? summary.reporterCount : null,
      },
    });
    await auditClusterChange(tx, actor, {
      created: !existingId,
      clusterId,
      summary,
      merged: [],
      reportId: self.id,
    });
    if (alert) await alertOffice(tx, actor, clusterId, summary, alreadyAlerted);
    return clusterId;
  }

  /** The audit row of a cluster created or grown by a report (both clustering paths). */
  async function auditClusterChange(
    tx: Executor,
    actor: Actor,
    c: {
      created: boolean;
      clusterId: string;
      summary: ClusterSummary;
      merged: string[];
      reportId: string;
    },
  ): Promise<void> {
    await audit.write(tx, actor, {
      action: c.created ? "approach.cluster_created" : "approach.cluster_updated",
      entityType: "approach_cluster",
      entityId: c.clusterId,
      after: {
        reportCount: c.summary.reportCount,
        reporterCount: c.summary.reporterCount,
        headline: c.summary.headline,
        merged: c.merged,
      },
      context: { reportId: c.reportId },
    });
  }

  /** Tells the security office a cluster reached (or grew past) the reporter threshold. */
  async function alertOffice(
    tx: Executor,
    actor: Actor,
    clusterId: string,
    summary: ClusterSummary,
    alreadyAlerted: number,
  ): Promise<void> {
    const alert = clusterAlert(summary);
    await tasks.open(tx, actor, {
      kind: "approach.cluster",
      title: alert.title,
      detail: alert.detail,
      link: `/approaches/clusters/${clusterId}`,
      entityType: "approach_cluster",
      entityId: clusterId,
      assignee: { role: "secretariat" },
      dedupeKey: `approach-cluster:${clusterId}`,
      email: alreadyAlerted === 0,
    });
    if (alreadyAlerted > 0) {
      // The task was refreshed, not created: tell the office the pattern grew.
      await tasks.notify(
        tx,
        { roles: ["secretariat"] },
        {
          kind: "approach.cluster",
          subject: alert.title,
          body: alert.detail,
          link: `/approaches/clusters/${clusterId}`,
        },
      );
    }
  }

  /**
   * The rare case: the report links clusters that merge into the oldest one (or a cluster stored
   * before incremental summaries is rebuilt first), with a statement per step.
   */
  async function mergeAndGrow(
    tx: Executor,
    actor: Actor,
    self: PatternReport,
    linked: { c: PatternReport & { clusterId: string | null }; reasons: LinkReason[] }[],
    now: Date,
  ): Promise<string> {
    const reportId = self.id;
    await repo.insertLinks(
      tx,
      linked.map((l) => ({ reportId, linkedReportId: l.c.id, reasons: l.reasons })),
    );
    const clusterIds = [...new Set(linked.map((l) => l.c.clusterId).filter((c): c is string => !!c))];
    const existing = (await repo.findClusters(tx, clusterIds)).sort(
      (a, b) =>
        new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || a.id.localeCompare(b.id),
    );
    // A cluster stored before incremental summaries gets its counts and facts once, from its members.
    const states = new Map<string, ClusterState>();
    for (const c of existing)
      states.set(c.id, (c.state as ClusterState | null) ?? (await rebuildCluster(tx, c.id)));
    let clusterId: string;
    let created = false;
    let state: ClusterState;
    if (existing.length === 0) {
      clusterId = randomUUID();
      created = true;
      state = emptyState();
    } else {
      clusterId = existing[0]!.id;
      const merged = existing.slice(1).map((c) => c.id);
      state = mergeStates(existing.map((c) => states.get(c.id)!));
      if (merged.length > 0) {
        await repo.mergeClusters(tx, merged, clusterId);
        const moved = await repo.moveFactMembers(tx, merged, clusterId);
        await repo.upsertFacts(tx, clusterId, [...factRowsFromMembers(moved.members, moved.values).values()]);
      }
      for (const m of merged) {
        await tasks.closeFor(tx, actor, { entityType: "approach_cluster", entityId: m }, "cancelled");
      }
    }
    // Reports joining now: the new one and linked reports that were in no cluster.
    const joining = [self, ...linked.filter((l) => !l.c.clusterId).map((l) => l.c)];
    state = addReports(state, joining);
    const adds: FactMember[] = [
      ...joining.flatMap((r) => reportFacts(r)),
      ...linked.flatMap((l) => linkFacts(self, l.c, l.reasons)),
    ];
    if (created) {
      await repo.insertCluster(tx, {
        id: clusterId,
        summary: summaryFromState(state, [], now, settings.clusterWindowDays),
        reportCount: state.reportCount,
        reporterCount: Object.keys(state.reporters).length,
        firstAt: state.firstAt,
        lastAt: state.lastAt,
        state,
      });
    }
    await repo.assignCluster(
      tx,
      joining.map((r) => r.id),
      clusterId,
    );
    await addFacts(tx, clusterId, adds);
    // "in the last N days" in the cluster's title is the clustering window (issue 14 §6).
    const summary = summaryFromState(
      state,
      await repo.topFacts(tx, clusterId, TOP_FACT_ROWS),
      now,
      settings.clusterWindowDays,
    );
    await repo.saveClusterState(tx, clusterId, {
      summary,
      state,
      reportCount: summary.reportCount,
      reporterCount: summary.reporterCount,
      firstAt: summary.firstAt,
      lastAt: summary.lastAt,
    });
    await auditClusterChange(tx, actor, {
      created,
      clusterId,
      summary,
      merged: existing.slice(1).map((c) => c.id),
      reportId,
    });

    const [row] = await repo.findClusters(tx, [clusterId]);
    const alreadyAlerted = row?.alerted_reporter_count ?? 0;
    if (summary.reporterCount >= settings.clusterMinReporters && summary.reporterCount > alreadyAlerted) {
      await alertOffice(tx, actor, clusterId, summary, alreadyAlerted);
      await repo.setAlerted(tx, clusterId, summary.reporterCount);
    }
    return clusterId;
  }

  /** Stores fact members of a cluster and updates the rows of the facts they touch. */
  async function addFacts(tx: Executor, clusterId: string, adds: FactMember[]): Promise<void> {
    if (adds.length === 0) return;
    const facts = [...new Set(adds.map((a) => a.fact))];
    const rows = new Map((await repo.factRows(tx, clusterId, facts)).map((r) => [r.fact, r]));
    const known = await repo.knownFactMembers(tx, clusterId, adds);
    const changed = applyFactMembers(rows, adds, known.members, known.reporters);
    await repo.insertFactMembers(tx, clusterId, adds);
    await repo.upsertFacts(tx, clusterId, [...changed.values()]);
  }

  /**
   * Counts and facts of a cluster stored before incremental summaries (no state): read once from
   * all its members and their links, then kept up to date one member at a time.
   */
  async function rebuildCluster(tx: Executor, clusterId: string): Promise<ClusterState> {
    const members = await repo.patternReports(tx, await repo.clusterMemberIds(tx, [clusterId]));
    const ids = new Set(members.map((m) => m.id));
    const byId = new Map(members.map((m) => [m.id, m]));
    const links = (await repo.linksOf(tx, [...ids])).filter(
      (l) => ids.has(l.report_id) && ids.has(l.linked_report_id),
    );
    const adds: FactMember[] = [
      ...members.flatMap((m) => reportFacts(m)),
      ...links.flatMap((l) =>
        linkFacts(byId.get(l.report_id)!, byId.get(l.linked_report_id)!, l.reasons as LinkReason[]),
      ),
    ];
    await addFacts(tx, clusterId, adds);
    return addReports(emptyState(), members);
  }

  async function submit(actor: Actor, id: string, version: number): Promise<ReportView> {
    let compared: CandidateDetails | undefined;
    const view = await db.transaction().execute(async (tx) => {
      // One statement: the draft locked, its attachments, and the clustering lock.
      const locked = await repo.lockForSubmit(tx, id);
      const row = checkOwnDraft(locked?.report, actor, version);
      const attachmentRows = locked!.attachments;
      const hasWho = [
        row.sender_name,
        row.sender_organisation,
        row.sender_profile_url,
        row.sender_email,
        row.sender_phone,
      ].some(Boolean);
      const hasWhat = !!(row.message_text || row.description);
      if (!hasWho && !hasWhat) {
        throw invalid(
          [
            {
              path: "sender",
              message: {
                ja: "相手の情報（名前・組織・URL・メール・電話）か、やり取りの内容のどちらかを入力してください",
                en: "Enter who contacted you (name, organisation, URL, e-mail or phone) or what happened",
              },
            },
          ],
          {
            ja: "送信する前に、もう少し情報が必要です",
            en: "A little more information is needed before sending",
          },
        );
      }
      const texts = [row.message_text ?? ""];
      for (const a of attachmentRows) {
        if (a.text) texts.push(new TextDecoder("utf-8").decode(a.text).slice(0, 20_000));
      }
      const fp = fingerprint(texts.join("\n"));
      const now = clock();
      const department = row.reporter_current_department;
      // Re-assess with the current rules: the stored assessment is what the office sees.
      const fields = withAssessment(
        clean(
          {
            channel: row.channel as ApproachChannel,
            channelOther: row.channel_other,
            occurredOn: row.occurred_on,
            sender: {
              name: row.sender_name,
              organisation: row.sender_organisation,
              profileUrl: row.sender_profile_url,
              email: row.sender_email,
              phone: row.sender_phone,
            },
            offered: row.offered as OfferKind[],
            offeredOther: row.offered_other,
            asked: row.asked as AskKind[],
            askedOther: row.asked_other,
            messageText: row.message_text,
            description: row.description,
            answers: row.answers as Record<string, Answer>,
          },
          "9999-12-31",
        ),
      );
      const submittedRow: ReportRow = {
        ...row,
        ...fields,
        answers: fields.answers,
        assessment: fields.assessment,
        status: "new",
        submitted_at: now,
        reporter_department: department,
        text_signature: fp?.signature ?? null,
        version: row.version + 1,
        updated_at: now,
      } as ReportRow;
      const keys = linkKeys({
        senderName: row.sender_name,
        organisation: row.sender_organisation,
        email: row.sender_email,
        profileUrl: row.sender_profile_url,
        phone: row.sender_phone,
      });
      const profile: LinkProfile = {
        id,
        senderName: fields.sender_name,
        organisation: fields.sender_organisation,
        email: fields.sender_email,
        offered: fields.offered,
        asked: fields.asked,
        text: [fields.message_text, fields.description, fields.offered_other, fields.asked_other]
          .filter(Boolean)
          .join("\n"),
      };
      // One statement: the UPDATE (fields, status, submission time, department, text signature) and
      // the link keys, text bands and blocking tokens; the row is then known without reading it again.
      await repo.submitWithKeys(
        tx,
        id,
        fields,
        now,
        department,
        fp?.signature ?? null,
        keys,
        fp?.bands ?? [],
        blockingTokens(profile).publish,
      );
      // The view is built once: the reporter's view does not depend on clustering; an office user who
      // submits gets the cluster (below) in the view they are returned.
      let submitted = await toView(tx, actor, submittedRow, attachmentRows);
      await audit.write(tx, actor, {
        action: "approach.submitted",
        entityType: "approach_report",
        entityId: id,
        after: auditView(submitted),
      });
      const level = submitted.assessment.level;
      const levelLabel = {
        low: { ja: "低", en: "low" },
        medium: { ja: "中", en: "medium" },
        high: { ja: "高", en: "high" },
      }[level];
      await tasks.open(tx, actor, {
        kind: "approach.triage",
        title: {
          ja: `接触報告 ${submitted.reference} を確認してください（リスク：${levelLabel.ja}）`,
          en: `Triage approach report ${submitted.reference} (risk: ${levelLabel.en})`,
        },
        detail: submitted.assessment.summary,
        link: `/approaches/${id}`,
        entityType: "approach_report",
        entityId: id,
        assignee: { role: "secretariat" },
        dedupeKey: `approach-triage:${id}`,
        email: level === "high",
      });
      // Named people and organisations are linked to parties and screened by a background job
      // written in this transaction (issue 11 §6): the submission never waits for screening, and the
      // job exists exactly when the report does.
      const queued =
        (fields.sender_name || fields.sender_organisation) &&
        (await jobs.enqueue(tx, {
          kind: LINK_PARTIES_JOB,
          entityType: "approach_report",
          entityId: id,
          payload: { reference: submitted.reference },
        }));
      const self: PatternReport & { clusterId: string | null } = {
        id,
        reporterId: row.reporter_id,
        submittedAt: now.toISOString(),
        channel: fields.channel as ApproachChannel,
        department,
        keys,
        signature: fp?.signature ?? null,
        clusterId: null,
      };
      compared = { signature: self.signature, keys, profile };
      const clusterId = await cluster(tx, actor, self, profile);
      if (submitted.office && (clusterId || queued)) {
        submitted = await toView(tx, actor, { ...submittedRow, cluster_id: clusterId }, attachmentRows);
      }
      return submitted;
    });
    // Committed: the next submissions compare with this version without reading it again.
    if (compared) candidateCache.set(id, view.version, compared);
    jobs.wake();
    return view;
  }

  // — parties and screening —

  /** The party a report names: an existing one with the same name (folded), else a new one. */
  async function findOrCreateParty(
    tx: Executor,
    kind: "person" | "organization",
    name: string,
    ref: string,
    email: string | null,
  ): Promise<Party> {
    // The same folded name, found through the index of the parties' search-text parts (migration
    // 1190): no fuzzy scoring and counting of the whole directory, which grows by the parties these
    // jobs create (issue 11 §6).
    const same = await parties.findByName(tx, kind, name);
    if (same) return same;
    return parties.createIn(tx, systemActor(`approaches:${ref}`), {
      kind,
      names: [{ name }],
      tags: ["接触報告"],
      notes: `接触報告 ${ref} から自動登録 / Created from approach report ${ref}`,
      identifiers: kind === "person" && email ? [{ scheme: "email", value: email }] : [],
    });
  }

  /**
   * Links the sender and organisation a report names to parties (found by name, else created) and
   * screens them, all in the caller's transaction with their audit rows (actor: the system).
   * Idempotent: a role already linked on the report is left as it is, and a party with the same name
   * is reused, so a repeated job never creates a second party. While the screening index is being
   * built it throws (the job is retried later); with no list loaded it records "unavailable".
   */
  async function linkNamedPartiesIn(tx: Executor, id: string): Promise<void> {
    const row = await repo.findReport(tx, id);
    if (!row || row.status === "draft") return;
    const ref = reference(row.number);
    const wanted: { kind: "person" | "organization"; role: "sender" | "organisation"; name: string }[] = [];
    if (row.sender_name) wanted.push({ kind: "person", role: "sender", name: row.sender_name });
    if (row.sender_organisation)
      wanted.push({ kind: "organization", role: "organisation", name: row.sender_organisation });
    const already = new Set((await repo.partiesOf(tx, id)).map((p) => p.role));
    const actor = systemActor(`approaches:${ref}`);
    for (const w of wanted) {
      if (already.has(w.role)) continue;
      const party = await findOrCreateParty(tx, w.kind, w.name, ref, row.sender_email);
      if (await repo.linkParty(tx, { reportId: id, partyId: party.id, role: w.role, linkedBy: null })) {
        await audit.write(tx, actor, {
          action: "approach.party_linked",
          entityType: "approach_report",
          entityId: id,
          after: { partyId: party.id, name: party.primaryName, role: w.role, automatic: true },
        });
      }
      let summary: ScreeningSummary;
      try {
        summary = summaryOf(
          await screening.screenPartyIn(tx, actor, party, { entityType: "approach_report", entityId: id }),
        );
      } catch (error) {
        // Index still being built, or a database error: the whole job is retried later.
        if (!(error instanceof AppError) || error.code === "index_building") throw error;
        summary = failedSummary(error, id, party.id);
      }
      await recordScreening(tx, actor, id, ref, party.id, summary);
    }
  }

  function summaryOf(result: Awaited<ReturnType<ScreeningPort["screenParty"]>>): ScreeningSummary {
    return {
      status: "screened",
      message: null,
      runId: result.runId,
      screenedAt: result.screenedAt,
      openHitCount: result.openHitCount,
      confirmedHitCount: result.confirmedHitCount,
      topHits: [...result.hits]
        .sort((a, b) => b.score - a.score)
        .slice(0, 3)
        .map((h) => ({ name: h.name, source: h.source, score: h.score, match: h.match })),
    };
  }

  function failedSummary(error: unknown, reportId: string, partyId: string): ScreeningSummary {
    const unavailable =
      error instanceof AppError &&
      (error.status === 503 || error.code === "no_lists" || error.code === "index_building");
    if (!unavailable) log(`screening party ${partyId} for approach report ${reportId} failed`, error);
    return {
      status: unavailable ? "unavailable" : "failed",
      message:
        error instanceof AppError
          ? error.messages
          : { ja: "リスト照合に失敗しました", en: "Screening failed" },
      runId: null,
      screenedAt: clock().toISOString(),
      openHitCount: 0,
      confirmedHitCount: 0,
      topHits: [],
    };
  }

  /** Stores a screening outcome on the report's link, audits it, and opens the office's hit task. */
  async function recordScreening(
    tx: Executor,
    actor: Actor,
    reportId: string,
    ref: string,
    partyId: string,
    summary: ScreeningSummary,
  ): Promise<void> {
    await repo.setScreening(tx, reportId, partyId, summary);
    await audit.write(tx, actor, {
      action: "approach.party_screened",
      entityType: "approach_report",
      entityId: reportId,
      after: {
        partyId,
        status: summary.status,
        openHitCount: summary.openHitCount,
        confirmedHitCount: summary.confirmedHitCount,
      },
    });
    if (summary.openHitCount > 0 || summary.confirmedHitCount > 0) {
      await tasks.open(tx, actor, {
        kind: "approach.screening_hit",
        title: {
          ja: `接触報告 ${ref} の相手がリストと一致する可能性があります`,
          en: `A contact in approach report ${ref} may match a restricted-party list`,
        },
        link: `/approaches/${reportId}`,
        entityType: "approach_report",
        entityId: reportId,
        assignee: { role: "secretariat" },
        dedupeKey: `approach-screening:${reportId}:${partyId}`,
        email: true,
      });
    }
  }

  /**
   * When the linking job has failed its last attempt the office gets a task and an e-mail (issue
   * 11 §6: a failed party linking is never silent): the people named in the report are neither
   * linked nor screened until someone runs "Screen again" by hand.
   */
  async function linkingGaveUp(tx: Executor, job: JobRow, error: string): Promise<void> {
    const row = await repo.findReport(tx, job.entity_id);
    if (!row || row.status === "draft") return;
    const ref = reference(row.number);
    const attempts = job.attempts + 1;
    await tasks.open(tx, systemActor(`approaches:${ref}`), {
      kind: "approach.party_linking_failed",
      title: {
        ja: `接触報告 ${ref} の相手の自動紐付け・リスト照合が失敗しました`,
        en: `Automatic linking and screening of the contacts in approach report ${ref} failed`,
      },
      detail: {
        ja: `報告に書かれた名前・組織の取引先への紐付けとリスト照合を${attempts}回試みましたが、失敗したため中止しました（最後のエラー：${error}）。報告を開き「再照合」で手動で実行してください。`,
        en: `Linking the people and organisations named in the report to parties and screening them failed ${attempts} times and was given up (last error: ${error}). Open the report and use "Screen again" to run it by hand.`,
      },
      link: `/approaches/${row.id}`,
      entityType: "approach_report",
      entityId: row.id,
      assignee: { role: "secretariat" },
      dedupeKey: `approach-linking-failed:${row.id}`,
      email: true,
    });
  }

  jobs.register(
    LINK_PARTIES_JOB,
    (tx, job) => linkNamedPartiesIn(tx, job.entity_id),
    () => screening.ready(),
    linkingGaveUp,
  );

  /** Screens one linked party through the screening port and records the outcome on the report. */
  async function screenParty(actor: Actor, reportId: string, partyId: string): Promise<ScreeningSummary> {
    let summary: ScreeningSummary;
    try {
      summary = summaryOf(
        await screening.screenParty(actor, partyId, { entityType: "approach_report", entityId: reportId }),
      );
    } catch (error) {
      summary = failedSummary(error, reportId, partyId);
    }
    await db.transaction().execute(async (tx) => {
      const row = await repo.findReport(tx, reportId);
      await recordScreening(tx, actor, reportId, reference(row!.number), partyId, summary);
    });
    return summary;
  }

  async function linkParty(
    actor: Actor,
    id: string,
    input: { partyId: string; role: "sender" | "organisation" },
  ): Promise<ReportView> {
    requireTriage(actor);
    await visibleRow(db, actor, id);
    const party = await parties.get(input.partyId);
    await db.transaction().execute(async (tx) => {
      if (
        await repo.linkParty(tx, { reportId: id, partyId: party.id, role: input.role, linkedBy: actor.id })
      ) {
        await audit.write(tx, actor, {
          action: "approach.party_linked",
          entityType: "approach_report",
          entityId: id,
          after: { partyId: party.id, name: party.primaryName, role: input.role },
        });
      }
    });
    await screenParty(actor, id, party.id);
    return get(actor, id);
  }

  async function unlinkParty(actor: Actor, id: string, partyId: string): Promise<ReportView> {
    requireTriage(actor);
    await visibleRow(db, actor, id);
    await db.transaction().execute(async (tx) => {
      if ((await repo.unlinkParty(tx, id, partyId)) === 0) throw notFound({ ja: "紐付け", en: "Link" });
      await audit.write(tx, actor, {
        action: "approach.party_unlinked",
        entityType: "approach_report",
        entityId: id,
        before: { partyId },
      });
    });
    return get(actor, id);
  }

  /** Screens every linked party again (e.g. once screening is available, or after a list update). */
  async function screenAgain(actor: Actor, id: string): Promise<ReportView> {
    requireTriage(actor);
    const row = await visibleRow(db, actor, id);
    const linked = await repo.partiesOf(db, id);
    if (linked.length === 0) {
      // Nothing linked yet (the job failed or has not run): link and screen now, in one transaction.
      await screening.ready();
      await db.transaction().execute(async (tx) => {
        await linkNamedPartiesIn(tx, row.id);
        // Done by hand now: the office's "linking failed" task (if the job gave up) is done too.
        await tasks.closeFor(tx, actor, {
          entityType: "approach_report",
          entityId: row.id,
          kind: "approach.party_linking_failed",
        });
      });
    } else {
      for (const p of linked) await screenParty(actor, id, p.party_id);
    }
    return get(actor, id);
  }

  // — triage —

  async function triage(
    actor: Actor,
    id: string,
    input: {
      version: number;
      status?: "new" | "in_review" | "closed" | undefined;
      assigneeId?: string | null | undefined;
      outcome?: Outcome | null | undefined;
      outcomeNote?: string | null | undefined;
    },
  ): Promise<ReportView> {
    requireTriage(actor);
    return db.transaction().execute(async (tx) => {
      const locked = await repo.lockReport(tx, id);
      if (!locked || locked.status === "draft") throw notFound(REPORT);
      if (locked.version !== input.version) {
        throw conflict("stale_version", {
          ja: "他の担当者がこの報告を更新しました。再読み込みしてください",
          en: "Someone else changed this report; reload it",
        });
      }
      const before = await toView(tx, actor, (await repo.findReport(tx, id))!);
      const status = input.status ?? locked.status;
      const assigneeId = input.assigneeId === undefined ? locked.assignee_id : input.assigneeId;
      const outcome = input.outcome === undefined ? locked.outcome : input.outcome;
      const outcomeNote =
        input.outcomeNote === undefined ? locked.outcome_note : emptyToNull(input.outcomeNote ?? null);
      const fields: FieldError[] = [];
      if (assigneeId && assigneeId !== locked.assignee_id) {
        const user = await repo.isActiveUser(tx, assigneeId);
        if (!user?.roles.some((r) => OFFICE_WRITERS.includes(r))) {
          fields.push({
            path: "assigneeId",
            message: {
              ja: "担当者は安全保障管理室（事務局）または管理者から選んでください",
              en: "The assignee must be an active secretariat or admin user",
            },
          });
        }
      }
      if (status === "closed" && !outcome) {
        fields.push({
          path: "outcome",
          message: { ja: "完了にするには結果を選んでください", en: "Choose an outcome before closing" },
        });
      }
      if (fields.length > 0) throw invalid(fields);
      await repo.setTriage(tx, id, {
        status,
        assignee_id: assigneeId,
        outcome,
        outcome_note: outcomeNote,
      });
      const after = await toView(tx, actor, (await repo.findReport(tx, id))!);
      await audit.write(tx, actor, {
        action: "approach.triaged",
        entityType: "approach_report",
        entityId: id,
        before: {
          status: before.status,
          assignee: before.office?.assignee?.id ?? null,
          outcome: before.office?.outcome,
          outcomeNote: before.office?.outcomeNote,
        },
        after: {
          status: after.status,
          assignee: after.office?.assignee?.id ?? null,
          outcome: after.office?.outcome,
          outcomeNote: after.office?.outcomeNote,
        },
      });
      if (status === "closed") {
        await tasks.closeFor(tx, actor, { entityType: "approach_report", entityId: id });
      } else if (assigneeId && assigneeId !== locked.assignee_id) {
        await tasks.open(tx, actor, {
          kind: "approach.assigned",
          title: {
            ja: `接触報告 ${after.reference} の担当になりました`,
            en: `You were assigned approach report ${after.reference}`,
          },
          link: `/approaches/${id}`,
          entityType: "approach_report",
          entityId: id,
          assignee: { userId: assigneeId },
          dedupeKey: `approach-assigned:${id}:${assigneeId}`,
          email: true,
        });
      }
      return after;
    });
  }

  async function addNote(actor: Actor, id: string, text: string): Promise<ReportView> {
    requireTriage(actor);
    const clean = text.normalize("NFC").trim();
    if (!clean) throw invalid([{ path: "text", message: { ja: "メモが空です", en: "The note is empty" } }]);
    return db.transaction().execute(async (tx) => {
      await visibleRow(tx, actor, id);
      const noteId = randomUUID();
      await repo.insertNote(tx, { id: noteId, reportId: id, authorId: actor.id, text: clean });
      await audit.write(tx, actor, {
        action: "approach.note_added",
        entityType: "approach_report",
        entityId: id,
        after: { noteId, text: clean },
      });
      return toView(tx, actor, (await repo.findReport(tx, id))!);
    });
  }

  async function linkReview(actor: Actor, id: string, reviewId: string): Promise<ReportView> {
    requireTriage(actor);
    return db.transaction().execute(async (tx) => {
      await visibleRow(tx, actor, id);
      if (await repo.linkReview(tx, id, reviewId, actor.id)) {
        await audit.write(tx, actor, {
          action: "approach.review_linked",
          entityType: "approach_report",
          entityId: id,
          after: { reviewId },
        });
      }
      return toView(tx, actor, (await repo.findReport(tx, id))!);
    });
  }

  async function unlinkReview(actor: Actor, id: string, reviewId: string): Promise<ReportView> {
    requireTriage(actor);
    return db.transaction().execute(async (tx) => {
      await visibleRow(tx, actor, id);
      if ((await repo.unlinkReview(tx, id, reviewId)) === 0) throw notFound({ ja: "紐付け", en: "Link" });
      await audit.write(tx, actor, {
        action: "approach.review_unlinked",
        entityType: "approach_report",
        entityId: id,
        before: { reviewId },
      });
      return toView(tx, actor, (await repo.findReport(tx, id))!);
    });
  }

  // — reading —

  async function get(actor: Actor, id: string): Promise<ReportView> {
    return toView(db, actor, await visibleRow(db, actor, id));
  }

  type ListFilter = {
    status?: ApproachStatus | undefined;
    riskLevel?: "low" | "medium" | "high" | undefined;
    channel?: string | undefined;
    clusterId?: string | undefined;
    assigneeId?: string | undefined;
    q?: string | undefined;
    page: number;
    pageSize: number;
  };

  async function listPage(actor: Actor, filter: ListFilter, scope: "mine" | "all") {
    if (scope === "all" && !isOffice(actor)) throw forbidden();
    const { rows, total } = await repo.listReports(db, {
      reporterId: scope === "mine" ? (actor.id ?? "00000000-0000-0000-0000-000000000000") : undefined,
      statuses: filter.status ? [filter.status] : undefined,
      excludeDrafts: scope === "all",
      riskLevel: filter.riskLevel,
      channel: filter.channel,
      clusterId: filter.clusterId,
      assigneeId: filter.assigneeId,
      q: filter.q?.trim() || undefined,
      limit: filter.pageSize,
      offset: (filter.page - 1) * filter.pageSize,
    });
    const attachments = await repo.attachmentsOf(
      db,
      rows.map((r) => r.id),
    );
    const items = rows.map((r) => ({
      id: r.id,
      reference: reference(r.number),
      status: r.status,
      channel: r.channel as ApproachChannel,
      senderName: r.sender_name,
      senderOrganisation: r.sender_organisation,
      riskLevel: r.risk_level,
      firedFlags: (r.assessment as RiskAssessment).firedFlags,
      attachmentCount: attachments.filter((a) => a.report_id === r.id).length,
      reporterName: scope === "all" ? r.reporter_name : null,
      department: scope === "all" ? (r.reporter_department ?? r.reporter_current_department) : null,
      assigneeName: scope === "all" ? r.assignee_name : null,
      clusterId: scope === "all" ? r.cluster_id : null,
      createdAt: new Date(r.created_at).toISOString(),
      submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    }));
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  function toClusterView(row: NonNullable<Awaited<ReturnType<ApproachRepo["findCluster"]>>>): ClusterView {
    const summary = row.summary as ClusterSummary;
    return {
      id: row.id,
      status: row.status,
      reportCount: row.report_count,
      reporterCount: row.reporter_count,
      firstAt: new Date(row.first_at).toISOString(),
      lastAt: new Date(row.last_at).toISOString(),
      summary,
      alert: clusterAlert(summary),
    };
  }

  async function listClusters(
    actor: Actor,
    q: { status?: "open" | "reviewed" | undefined; page: number; pageSize: number },
  ) {
    if (!isOffice(actor)) throw forbidden();
    const { rows, total } = await repo.listClusters(db, {
      minReporters: 2,
      status: q.status,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items: rows.map(toClusterView), total, page: q.page, pageSize: q.pageSize };
  }

  async function getCluster(actor: Actor, id: string) {
    if (!isOffice(actor)) throw forbidden();
    let row = await repo.findCluster(db, id);
    // A cluster merged into another one answers with the surviving cluster.
    for (let hops = 0; row?.merged_into && hops < 10; hops++)
      row = await repo.findCluster(db, row.merged_into);
    if (!row) throw notFound({ ja: "クラスター", en: "Cluster" });
    const reports = await listPage(actor, { clusterId: row.id, page: 1, pageSize: 200 }, "all");
    const links = await repo.linksOf(
      db,
      reports.items.map((r) => r.id),
    );
    return {
      ...toClusterView(row),
      reports: reports.items,
      links: links.map((l) => ({
        reportId: l.report_id,
        linkedReportId: l.linked_report_id,
        reasons: l.reasons as LinkReason[],
      })),
    };
  }

  async function setClusterStatus(actor: Actor, id: string, status: "open" | "reviewed") {
    requireTriage(actor);
    return db.transaction().execute(async (tx) => {
      const row = await repo.findCluster(tx, id);
      if (!row || row.merged_into) throw notFound({ ja: "クラスター", en: "Cluster" });
      if (row.status !== status) {
        await repo.setClusterStatus(tx, id, status);
        await audit.write(tx, actor, {
          action: "approach.cluster_status",
          entityType: "approach_cluster",
          entityId: id,
          before: { status: row.status },
          after: { status },
        });
        if (status === "reviewed")
          await tasks.closeFor(tx, actor, { entityType: "approach_cluster", entityId: id });
      }
      return toClusterView((await repo.findCluster(tx, id))!);
    });
  }

  async function trends(actor: Actor, range: { from?: string | undefined; to?: string | undefined }) {
    if (!isOffice(actor)) throw forbidden();
    const now = clock();
    const to = range.to ? new Date(`${range.to}T00:00:00+09:00`) : now;
    const from = range.from
      ? new Date(`${range.from}T00:00:00+09:00`)
      : new Date(to.getTime() - 365 * 86_400_000);
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) {
      throw invalid([{ path: "from", message: { ja: "期間が正しくありません", en: "Invalid date range" } }]);
    }
    const t = await repo.trends(db, from, to);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      total: t.byChannel.reduce((s, r) => s + r.n, 0),
      byChannel: t.byChannel.map((r) => ({ channel: r.channel as ApproachChannel, count: r.n })),
      byDepartment: t.byDepartment.map((r) => ({ department: r.department || null, count: r.n })),
      byMonth: t.byMonth.map((r) => ({ month: r.month, count: r.n, high: r.high })),
      byRisk: t.byRisk.map((r) => ({ level: r.risk_level, count: r.n })),
    };
  }

  /**
   * One report prepared for export (PDF for referral): the office view plus whether the reporter
   * is shown by name or by pseudonym. Writes an audit row, because an export leaves the system.
   */
  async function exportView(
    actor: Actor,
    id: string,
    options: { pseudonymise: boolean; lang?: "ja" | "en" },
  ) {
    requireTriage(actor);
    let view = await get(actor, id);
    await db.transaction().execute(async (tx) => {
      await audit.write(tx, actor, {
        action: "approach.exported",
        entityType: "approach_report",
        entityId: id,
        context: { format: "pdf", pseudonymised: options.pseudonymise },
      });
    });
    const reporterLabel = options.pseudonymise
      ? {
          ja: `報告者 ${reporterPseudonym(view.reporter.id)}`,
          en: `Reporter ${reporterPseudonym(view.reporter.id)}`,
        }
      : { ja: view.reporter.displayName, en: view.reporter.displayName };
    if (options.pseudonymise) {
      // The reporter's names inside the pasted message and the account go too ("田中先生、…").
      const who = await repo.reporterIdentity(db, view.reporter.id);
      const names = nameVariants({
        displayName: view.reporter.displayName,
        username: who?.username,
        email: who?.email,
      });
      const mark = options.lang === "en" ? "[reporter]" : "［報告者］";
      const hide = (text: string | null) => (text === null ? null : redactNames(text, names, mark));
      view = { ...view, messageText: hide(view.messageText), description: hide(view.description) };
    }
    const related = view.office?.cluster
      ? (
          await repo.listReports(db, {
            clusterId: view.office.cluster.id,
            excludeDrafts: true,
            limit: 500,
            offset: 0,
          })
        ).rows
          .filter((r) => r.id !== id)
          .map((r) => reference(r.number))
      : [];
    return {
      view,
      reporterLabel,
      department: options.pseudonymise ? null : view.reporter.department,
      departmentHidden: options.pseudonymise,
      relatedReferences: related.sort(),
    };
  }

  return {
    assess: assessApproach,
    createDraft,
    updateDraft,
    deleteDraft,
    addAttachments,
    removeAttachment,
    getAttachment,
    submit,
    get,
    listMine: (actor: Actor, filter: ListFilter) => listPage(actor, filter, "mine"),
    listAll: (actor: Actor, filter: ListFilter) => listPage(actor, filter, "all"),
    triage,
    addNote,
    linkParty,
    unlinkParty,
    screenAgain,
    linkReview,
    unlinkReview,
    listClusters,
    getCluster,
    setClusterStatus,
    trends,
    exportView,
    /** People a report can be assigned to. */
    async assignees(actor: Actor) {
      requireTriage(actor);
      return (await repo.assignees(db)).map((u) => ({
        id: u.id,
        displayName: u.display_name,
        department: u.department,
      }));
    },
    /** Approach reports linked to a review (for the reviews module's "related reports"). */
    async reportIdsForReview(reviewId: string): Promise<string[]> {
      return (await repo.reportsForReview(db, reviewId)).map((r) => r.report_id);
    },
    history: async (actor: Actor, id: string) => {
      if (!isOffice(actor)) throw forbidden();
      await visibleRow(db, actor, id);
      return audit.forEntity("approach_report", id);
    },
    isOffice,
    canTriage,
  };
}

export type ApproachService = ReturnType<typeof createApproachService>;
