import { createHash, randomUUID } from "node:crypto";
import type { AuditWriter } from "../audit/audit-service.js";
import type { Db } from "../db/database.js";
import { type Actor, hasAnyRole } from "../shared/actor.js";
import { AppError, conflict, forbidden, invalid, notFound } from "../shared/errors.js";
import type { PdfFont } from "../shared/pdf-font.js";
import { openPdf } from "../shared/pdf-layout.js";
import type { TasksService } from "../tasks/tasks-service.js";
import { evidenceProblem, safeFileName, sniffEvidence } from "./attachment-rules.js";
import type { ExportControlRepo } from "./export-control-repo.js";
import { citationText, type Label } from "./legal-sources.js";
import {
  ANSWERS,
  fiscalYearOf,
  fiscalYearRange,
  type InspectionAnswer,
  missingAnswers,
  SELF_INSPECTION_QUESTIONS,
  statisticsCsv,
  type YearStatistics,
  yearStatistics,
} from "./self-inspection-engine.js";

const EDITORS = ["secretariat", "admin"] as const;
const READERS = ["secretariat", "approver", "auditor", "admin"] as const;

export type StatLabels = {
  activity: (k: string, lang: "ja" | "en") => string;
  determination: (k: string, lang: "ja" | "en") => string;
  outcome: (k: string, lang: "ja" | "en") => string;
};

/**
 * The yearly self-inspection of the export-control office: the checklist as a yearly task, answers
 * and evidence (text and files) stored and audited, and the year's review statistics as CSV or PDF.
 */
export function createSelfInspectionService(deps: {
  db: Db;
  repo: ExportControlRepo;
  audit: AuditWriter;
  tasks: TasksService;
  labels: StatLabels;
  clock?: () => Date;
}) {
  const { db, repo, audit, tasks, labels } = deps;
  const clock = deps.clock ?? (() => new Date());
  const today = () => clock().toISOString().slice(0, 10);

  function need(actor: Actor, roles: readonly string[]) {
    if (!hasAnyRole(actor, roles as never))
      throw forbidden({
        ja: "自己管理チェックは事務局が行います",
        en: "The self-inspection is run by the secretariat",
      });
  }

  async function get(actor: Actor, fy: number) {
    need(actor, READERS);
    const row = await repo.findInspection(db, fy);
    const answers = ((row?.answers as Record<string, InspectionAnswer>) ?? {}) as Record<
      string,
      InspectionAnswer
    >;
    const files = row ? await repo.attachments(db, "self_inspection", row.id) : [];
    return {
      fiscalYear: fy,
      exists: row !== undefined,
      status: row?.status ?? "open",
      answers,
      missing: missingAnswers(answers),
      completedAt: row?.completed_at ? new Date(row.completed_at).toISOString() : null,
      version: row?.version ?? 0,
      questions: SELF_INSPECTION_QUESTIONS.map((q) => ({
        ...q,
        citations: q.citations.map((c) => ({ ja: citationText(c, "ja"), en: citationText(c, "en") })),
      })),
      evidenceFiles: files.map((f) => ({
        id: f.id,
        questionId: f.kind,
        fileName: f.file_name,
        mediaType: f.media_type,
        sizeBytes: f.size_bytes,
        sha256: f.sha256,
        uploadedBy: f.uploaded_by_name,
        createdAt: new Date(f.created_at).toISOString(),
      })),
      years: (await repo.listInspections(db)).map((r) => ({ fiscalYear: r.fiscal_year, status: r.status })),
    };
  }

  async function save(actor: Actor, fy: number, answers: Record<string, InspectionAnswer>) {
    need(actor, EDITORS);
    const known = new Set(SELF_INSPECTION_QUESTIONS.map((q) => q.id));
    const bad = Object.entries(answers).filter(
      ([k, a]) => !known.has(k) || !(ANSWERS as readonly string[]).includes(a.answer),
    );
    if (bad.length)
      throw invalid(
        bad.map(([k]) => ({
          path: `answers.${k}`,
          message: { ja: "不明な設問・回答です", en: "Unknown question or answer" },
        })),
      );
    await db.transaction().execute(async (tx) => {
      await repo.insertInspection(tx, randomUUID(), fy);
      const row = await repo.findInspection(tx, fy, true);
      if (row?.status === "completed")
        throw conflict("inspection_completed", {
          ja: "この年度の点検は完了しています",
          en: "This year's inspection is completed",
        });
      const merged = { ...((row?.answers as Record<string, InspectionAnswer>) ?? {}), ...answers };
      await repo.saveInspection(tx, fy, { answers: merged });
      await audit.write(tx, actor, {
        action: "self_inspection.saved",
        entityType: "self_inspection",
        entityId: row!.id,
        after: { fiscalYear: fy, answers },
      });
    });
    return get(actor, fy);
  }

  async function complete(actor: Actor, fy: number) {
    need(actor, EDITORS);
    await db.transaction().execute(async (tx) => {
      const row = await repo.findInspection(tx, fy, true);
      if (!row) throw notFound({ ja: `${fy}年度の点検`, en: `FY${fy} inspection` });
      const missing = missingAnswers(row.answers as Record<string, InspectionAnswer>);
      if (missing.length)
        throw new AppError(
          409,
          "inspection_incomplete",
          {
            ja: `未回答・記入不足の設問が${missing.length}件あります（「いいえ」は改善策、「はい」は根拠が必要です）`,
            en: `${missing.length} answers are missing or lack detail ("no" needs the corrective action, "yes" the evidence)`,
          },
          missing.map((m) => ({ path: `answers.${m}`, message: { ja: "未記入です", en: "Missing" } })),
        );
      await repo.saveInspection(tx, fy, {
        answers: row.answers,
        status: "completed",
        completedBy: actor.id,
        completedAt: clock(),
      });
      await tasks.closeFor(tx, actor, { entityType: "self_inspection", entityId: row.id });
      await audit.write(tx, actor, {
        action: "self_inspection.completed",
        entityType: "self_inspection",
        entityId: row.id,
        after: { fiscalYear: fy },
      });
    });
    return get(actor, fy);
  }

  async function addEvidence(
    actor: Actor,
    fy: number,
    questionId: string,
    file: { fileName: string | undefined; content: Uint8Array; truncated: boolean },
  ) {
    need(actor, EDITORS);
    if (!SELF_INSPECTION_QUESTIONS.some((q) => q.id === questionId))
      throw invalid([{ path: "questionId", message: { ja: "不明な設問です", en: "Unknown question" } }]);
    const type = sniffEvidence(file.content, file.fileName);
    const fileName = safeFileName(file.fileName, type?.extension ?? "bin");
    const problem = evidenceProblem(fileName, file.content.byteLength, file.truncated, type);
    if (problem)
      throw new AppError(type ? 413 : 415, "attachment_refused", problem, [
        { path: "file", message: problem },
      ]);
    await db.transaction().execute(async (tx) => {
      await repo.insertInspection(tx, randomUUID(), fy);
      const row = (await repo.findInspection(tx, fy, true))!;
      const id = randomUUID();
      const sha256 = createHash("sha256").update(file.content).digest("hex");
      await repo.insertAttachment(tx, {
        id,
        ownerType: "self_inspection",
        ownerId: row.id,
        kind: questionId,
        fileName,
        mediaType: type!.mediaType,
        sizeBytes: file.content.byteLength,
        sha256,
        content: file.content,
        uploadedBy: actor.id,
      });
      await audit.write(tx, actor, {
        action: "self_inspection.evidence_added",
        entityType: "self_inspection",
        entityId: row.id,
        after: { questionId, fileName, sha256 },
      });
    });
    return get(actor, fy);
  }

  async function getEvidence(actor: Actor, fy: number, fileId: string) {
    need(actor, READERS);
    const row = await repo.findInspection(db, fy);
    const a = row ? await repo.attachment(db, "self_inspection", row.id, fileId) : undefined;
    if (!a) throw notFound({ ja: "根拠資料", en: "Evidence" });
    return { fileName: a.file_name, mediaType: a.media_type, content: a.content };
  }

  async function statistics(actor: Actor, fy: number): Promise<YearStatistics> {
    need(actor, READERS);
    const { from, to } = fiscalYearRange(fy);
    const rows = await repo.reviewsForStatistics(db, from, to);
    const usages = await repo.usagesBetween(db, from, to);
    return yearStatistics(
      fy,
      rows.map((r) => ({
        activityType: r.activity_type,
        status: r.status,
        determination: (r.licence_determination as { result?: string } | null)?.result ?? null,
        submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
        decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
      })),
      usages.map((u) => ({
        licenceRef: u.ref_no,
        licenceKind: u.kind,
        quantity: u.quantity,
        valueJpy: u.value_jpy,
      })),
    );
  }

  async function csv(actor: Actor, fy: number, lang: "ja" | "en"): Promise<string> {
    const s = await statistics(actor, fy);
    return statisticsCsv(s, lang, {
      activity: (k) => labels.activity(k, lang),
      determination: (k) => labels.determination(k, lang),
      outcome: (k) => labels.outcome(k, lang),
    });
  }

  /** The year's self-inspection with its statistics as one A4 PDF. */
  async function pdf(actor: Actor, fy: number, lang: "ja" | "en", font: PdfFont): Promise<Buffer> {
    const view = await get(actor, fy);
    const s = await statistics(actor, fy);
    const pdf = openPdf(font, {
      margins: { top: 48, bottom: 48, left: 48, right: 48 },
      info: { Title: lang === "ja" ? `${fy}年度 自己管理チェック` : `FY${fy} self-inspection` },
    });
    const { doc, width } = pdf;
    const L = (l: Label) => l[lang];
    doc
      .fontSize(16)
      .text(
        lang === "ja"
          ? `${fy}年度 自己管理チェック・審査統計`
          : `FY${fy} self-inspection and review statistics`,
        {
          width,
          align: "center",
        },
      );
    doc
      .fontSize(8.5)
      .fillColor("#444")
      .text(
        lang === "ja"
          ? `状態: ${view.status === "completed" ? "完了" : "作業中"}　出力: ${today()}`
          : `Status: ${view.status}   Printed: ${today()}`,
        { width, align: "center" },
      )
      .fillColor("black")
      .moveDown();
    doc
      .fontSize(11)
      .text(lang === "ja" ? "1. 審査の統計" : "1. Review statistics")
      .moveDown(0.3)
      .fontSize(9);
    const line = (k: string, v: string | number | null) => doc.text(`${k}: ${v ?? "—"}`, { width });
    for (const [k, v] of Object.entries(s.byActivity)) line(labels.activity(k, lang), v);
    doc.moveDown(0.3);
    for (const [k, v] of Object.entries(s.byDetermination)) line(labels.determination(k, lang), v);
    doc.moveDown(0.3);
    for (const [k, v] of Object.entries(s.byOutcome)) line(labels.outcome(k, lang), v);
    doc.moveDown(0.3);
    line(lang === "ja" ? "決定件数" : "Decided", s.turnaround.decided);
    line(
      lang === "ja" ? "所要日数（平均・中央値・90%）" : "Turnaround days (mean, median, 90th)",
      `${s.turnaround.meanDays ?? "—"} / ${s.turnaround.medianDays ?? "—"} / ${s.turnaround.p90Days ?? "—"}`,
    );
    for (const l of s.licences)
      line(
        `${l.ref}`,
        lang === "ja"
          ? `使用 ${l.uses} 回・数量 ${l.quantity}・金額 ${l.valueJpy} 円`
          : `${l.uses} uses, quantity ${l.quantity}, JPY ${l.valueJpy}`,
      );
    doc
      .moveDown()
      .fontSize(11)
      .text(lang === "ja" ? "2. 自己管理チェック" : "2. Self-inspection")
      .moveDown(0.3);
    const answerLabel = {
      yes: { ja: "はい", en: "Yes" },
      no: { ja: "いいえ", en: "No" },
      na: { ja: "該当なし", en: "N/A" },
    };
    for (const q of SELF_INSPECTION_QUESTIONS) {
      const a = view.answers[q.id];
      doc.fontSize(9).text(`${L(q.text)}`, { width });
      doc
        .fontSize(8.5)
        .fillColor("#333")
        .text(
          `→ ${a ? L(answerLabel[a.answer]) : lang === "ja" ? "未回答" : "Not answered"}${a?.evidence ? ` / ${lang === "ja" ? "根拠" : "Evidence"}: ${a.evidence}` : ""}${a?.note ? ` / ${lang === "ja" ? "備考・改善策" : "Note"}: ${a.note}` : ""}`,
          { width },
        )
        .fillColor("black")
        .moveDown(0.3);
    }
    doc
      .moveDown()
      .fontSize(7.5)
      .fillColor("#555")
      .text(
        lang === "ja"
          ? "設問は輸出者等遵守基準（省令第1条）と大学・研究機関向けガイダンスの要件を本製品が文章化したもので、経済産業省の自己管理チェックリスト様式そのものではありません。提出時は最新の公式様式を使用してください。"
          : "The questions are this product's wording of the compliance standards (ordinance art. 1) and the university guidance, not METI's official checklist form; use the current official form when submitting.",
        { width },
      );
    return pdf.finish();
  }

  /** Opens the year's self-inspection task for the secretariat once the fiscal year has begun. */
  async function runYearlyTask(actor: Actor): Promise<boolean> {
    const fy = fiscalYearOf(today());
    let opened = false;
    await db.transaction().execute(async (tx) => {
      if (!(await repo.claimReminder(tx, `self_inspection:${fy}:task`))) return;
      await repo.insertInspection(tx, randomUUID(), fy);
      const row = (await repo.findInspection(tx, fy))!;
      if (row.status === "completed") return;
      await tasks.open(tx, actor, {
        kind: "self_inspection.yearly",
        title: { ja: `${fy}年度 自己管理チェックの実施`, en: `FY${fy} self-inspection (自己管理チェック)` },
        detail: {
          ja: "自己管理チェックリストに回答し、根拠資料を添付して完了してください。年度の審査統計（CSV・PDF）も確認してください",
          en: "Answer the checklist, attach the evidence and complete it; review the year's statistics (CSV, PDF)",
        },
        link: `/export/self-inspection?year=${fy}`,
        entityType: "self_inspection",
        entityId: row.id,
        assignee: { role: "secretariat" },
        dedupeKey: `self_inspection:${fy}`,
        dueAt: new Date(`${fy}-06-30T00:00:00Z`),
        email: true,
      });
      opened = true;
    });
    return opened;
  }

  return { get, save, complete, addEvidence, getEvidence, statistics, csv, pdf, runYearlyTask };
}

export type SelfInspectionService = ReturnType<typeof createSelfInspectionService>;
