import { createHash, randomUUID } from "node:crypto";
import type { AuditWriter } from "../audit/audit-service.js";
import type { Db, Executor } from "../db/database.js";
import { dueState, isIsoDate } from "../people/people-engine.js";
import { type Actor, hasAnyRole } from "../shared/actor.js";
import { AppError, conflict, type FieldError, forbidden, invalid, notFound } from "../shared/errors.js";
import type { TasksService } from "../tasks/tasks-service.js";
import {
  evidenceProblem,
  ITEM_ATTACHMENT_KINDS,
  type ItemAttachmentKind,
  safeFileName,
  sniffEvidence,
} from "./attachment-rules.js";
import type { ExceptionRecord } from "./exceptions.js";
import type { ExportControlRepo, ItemRow } from "./export-control-repo.js";
import {
  describeJudgement,
  type Judgement,
  normaliseJudgement,
  type Provision,
  validateJudgement,
} from "./item-classification.js";
import type { Label } from "./legal-sources.js";

/** Who maintains the item master; everyone logged in may read it (applicants pick items from it). */
export const ITEM_EDITORS = ["unit_officer", "secretariat", "admin"] as const;

export type ItemInput = {
  kind: "goods" | "technology";
  name: string;
  modelNumber?: string | null | undefined;
  maker?: string | null | undefined;
  description: string;
  hsCode?: string | null | undefined;
  judgement: Omit<Judgement, "regime">;
  rationale: string;
  decidedOn: string;
  recheckOn: string | null;
};

export type ItemView = {
  id: string;
  refNo: string;
  kind: "goods" | "technology";
  name: string;
  modelNumber: string | null;
  maker: string | null;
  description: string;
  hsCode: string | null;
  judgement: Judgement;
  summary: Label;
  rationale: string;
  decidedBy: { id: string; name: string } | null;
  decidedOn: string;
  recheckOn: string | null;
  recheckState: "overdue" | "due_soon" | "ok" | "none";
  status: "active" | "archived";
  version: number;
  createdAt: string;
  updatedAt: string;
  attachments: {
    id: string;
    kind: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    uploadedBy: string | null;
    createdAt: string;
  }[];
  usedInReviews: number;
};

const ITEM: Label = { ja: "品目", en: "Item" };
const iso = (d: Date | string) => new Date(d).toISOString();

type ItemRowRead = NonNullable<Awaited<ReturnType<ExportControlRepo["findItem"]>>>;

/** The judgement stored on a row, as the engines read it (the 号 is kept inside the provision JSON). */
export function judgementOf(
  row: Pick<
    ItemRowRead,
    "kind" | "list_status" | "listed_item" | "provision" | "catch_all_category" | "exceptions"
  >,
): Judgement {
  const stored = (row.provision ?? null) as (Partial<Provision> & { subItem?: string | null }) | null;
  return {
    listStatus: row.list_status,
    regime: row.kind === "goods" ? "export_order" : "fx_order",
    item: row.listed_item,
    subItem: stored?.subItem ?? null,
    provision: stored?.article
      ? {
          ordinance: stored.ordinance ?? "goods_ordinance",
          article: stored.article,
          paragraph: stored.paragraph ?? null,
          item: stored.item ?? null,
          sub: stored.sub ?? null,
        }
      : null,
    catchAllCategory: row.catch_all_category,
    exceptions: (row.exceptions as ExceptionRecord[]) ?? [],
  };
}

/**
 * The item master (品目マスタ): goods and technologies with their 該非判定 — list status, 貨物等省令
 * provision, 16の項 category, exceptions recorded in addition — the basis documents, who decided and
 * when, and a re-check date with reminders. Reviews reuse an item's 判定 by linking it.
 */
export function createItemsService(deps: {
  db: Db;
  repo: ExportControlRepo;
  audit: AuditWriter;
  tasks: TasksService;
  clock?: () => Date;
}) {
  const { db, repo, audit, tasks } = deps;
  const clock = deps.clock ?? (() => new Date());
  const today = () => clock().toISOString().slice(0, 10);

  function mayEdit(actor: Actor): void {
    if (!hasAnyRole(actor, ITEM_EDITORS))
      throw forbidden({
        ja: "品目マスタは部局担当者・事務局が管理します",
        en: "The item master is maintained by unit officers and the secretariat",
      });
  }

  async function view(exec: Executor, row: ItemRowRead): Promise<ItemView> {
    const attachments = await repo.attachments(exec, "item", row.id);
    const used = await repo.itemUseCount(exec, row.id);
    const judgement = judgementOf(row);
    return {
      id: row.id,
      refNo: row.ref_no,
      kind: row.kind,
      name: row.name,
      modelNumber: row.model_number,
      maker: row.maker,
      description: row.description,
      hsCode: row.hs_code,
      judgement,
      summary: describeJudgement(judgement),
      rationale: row.rationale,
      decidedBy: row.decided_by ? { id: row.decided_by, name: row.decided_by_name ?? "" } : null,
      decidedOn: row.decided_on,
      recheckOn: row.recheck_on,
      recheckState: row.status === "archived" ? "none" : dueState(row.recheck_on, today()),
      status: row.status,
      version: row.version,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
      attachments: attachments.map((a) => ({
        id: a.id,
        kind: a.kind,
        fileName: a.file_name,
        mediaType: a.media_type,
        sizeBytes: a.size_bytes,
        sha256: a.sha256,
        uploadedBy: a.uploaded_by_name,
        createdAt: iso(a.created_at),
      })),
      usedInReviews: used.n,
    };
  }

  function clean(input: ItemInput): {
    row: Omit<ItemRow, "id" | "ref_no" | "decided_by">;
    judgement: Judgement;
  } {
    const fields: FieldError[] = [];
    const judgement: Judgement = {
      ...input.judgement,
      regime: input.kind === "goods" ? "export_order" : "fx_order",
      provision: input.judgement.provision ?? null,
      exceptions: input.judgement.exceptions ?? [],
    };
    fields.push(...validateJudgement(judgement, "judgement"));
    if (!input.name.trim())
      fields.push({ path: "name", message: { ja: "品名を入力してください", en: "Enter the name" } });
    if (!input.rationale || input.rationale.trim().length < 10)
      fields.push({
        path: "rationale",
        message: {
          ja: "判定の根拠を10文字以上で記入してください",
          en: "Write the rationale (at least 10 characters)",
        },
      });
    if (!isIsoDate(input.decidedOn))
      fields.push({ path: "decidedOn", message: { ja: "日付は YYYY-MM-DD で", en: "Use YYYY-MM-DD" } });
    if (input.recheckOn !== null) {
      if (!isIsoDate(input.recheckOn))
        fields.push({ path: "recheckOn", message: { ja: "日付は YYYY-MM-DD で", en: "Use YYYY-MM-DD" } });
      else if (isIsoDate(input.decidedOn) && input.recheckOn <= input.decidedOn)
        fields.push({
          path: "recheckOn",
          message: {
            ja: "再確認期限は判定日より後にしてください",
            en: "The re-check date must be after the decision",
          },
        });
    }
    if (input.hsCode && !/^\d{4}(\.?\d{2}){0,3}$/.test(input.hsCode.trim()))
      fields.push({
        path: "hsCode",
        message: { ja: "HSコードは 8471.30 のように数字で", en: "HS code in digits, e.g. 8471.30" },
      });
    if (fields.length) throw invalid(fields);
    const j = normaliseJudgement(judgement);
    return {
      judgement: j,
      row: {
        kind: input.kind,
        name: input.name.trim(),
        model_number: input.modelNumber?.trim() || null,
        maker: input.maker?.trim() || null,
        description: input.description.trim(),
        hs_code: input.hsCode?.trim() || null,
        list_status: j.listStatus!,
        listed_item: j.item,
        // The sub-item (号) lives with the provision so the row keeps one place for "where in the law".
        provision: j.provision || j.subItem ? { ...(j.provision ?? {}), subItem: j.subItem } : null,
        catch_all_category: j.catchAllCategory,
        exceptions: j.exceptions,
        rationale: input.rationale.trim(),
        decided_on: input.decidedOn,
        recheck_on: input.recheckOn,
      },
    };
  }

  async function find(exec: Executor, id: string, forUpdate = false): Promise<ItemRowRead> {
    const row = await repo.findItem(exec, id, forUpdate);
    if (!row) throw notFound(ITEM);
    return row;
  }

  async function create(actor: Actor, input: ItemInput): Promise<ItemView> {
    mayEdit(actor);
    const { row } = clean(input);
    const id = randomUUID();
    await db.transaction().execute(async (tx) => {
      const refNo = await repo.nextItemRef(tx);
      await repo.insertItem(tx, { ...row, id, ref_no: refNo, decided_by: actor.id });
      await audit.write(tx, actor, {
        action: "export_item.created",
        entityType: "export_item",
        entityId: id,
        after: { refNo, ...row },
      });
    });
    return get(actor, id);
  }

  async function update(actor: Actor, id: string, version: number, input: ItemInput): Promise<ItemView> {
    mayEdit(actor);
    const { row } = clean(input);
    await db.transaction().execute(async (tx) => {
      const before = await find(tx, id, true);
      if (before.version !== version)
        throw conflict("stale_version", {
          ja: "他の人がこの品目を更新しました。再読み込みしてください",
          en: "Someone else changed this item; reload it",
        });
      await repo.updateItem(tx, id, { ...row, decided_by: actor.id });
      await audit.write(tx, actor, {
        action: "export_item.updated",
        entityType: "export_item",
        entityId: id,
        before: { ...before, created_at: undefined, updated_at: undefined },
        after: row,
      });
      // A new 判定 ends the re-check reminder.
      await tasks.closeFor(tx, actor, { entityType: "export_item", entityId: id });
    });
    return get(actor, id);
  }

  async function setStatus(actor: Actor, id: string, status: "active" | "archived"): Promise<ItemView> {
    mayEdit(actor);
    await db.transaction().execute(async (tx) => {
      const before = await find(tx, id, true);
      await repo.setItemStatus(tx, id, status);
      await audit.write(tx, actor, {
        action: status === "archived" ? "export_item.archived" : "export_item.restored",
        entityType: "export_item",
        entityId: id,
        before: { status: before.status },
        after: { status },
      });
      if (status === "archived")
        await tasks.closeFor(tx, actor, { entityType: "export_item", entityId: id }, "cancelled");
    });
    return get(actor, id);
  }

  async function get(_actor: Actor, id: string): Promise<ItemView> {
    return view(db, await find(db, id));
  }

  async function list(
    _actor: Actor,
    q: { search?: string | undefined; status?: string | undefined; recheckDue?: boolean | undefined },
  ) {
    const soon = new Date(clock().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const rows = await repo.listItems(db, { ...q, recheckBefore: q.recheckDue ? soon : undefined });
    return Promise.all(rows.map((r) => view(db, r)));
  }

  /** The items a review links, read inside the review's transaction. */
  async function many(exec: Executor, ids: string[]): Promise<ItemView[]> {
    const rows = await repo.itemsByIds(exec, ids);
    return Promise.all(rows.map((r) => view(exec, r)));
  }

  async function addAttachment(
    actor: Actor,
    id: string,
    kind: string,
    file: { fileName: string | undefined; content: Uint8Array; truncated: boolean },
  ): Promise<ItemView> {
    mayEdit(actor);
    if (!(ITEM_ATTACHMENT_KINDS as readonly string[]).includes(kind))
      throw invalid([
        { path: "kind", message: { ja: "資料の種類を選んでください", en: "Choose the kind of document" } },
      ]);
    const type = sniffEvidence(file.content, file.fileName);
    const fileName = safeFileName(file.fileName, type?.extension ?? "bin");
    const problem = evidenceProblem(fileName, file.content.byteLength, file.truncated, type);
    if (problem)
      throw new AppError(type ? 413 : 415, "attachment_refused", problem, [
        { path: "file", message: problem },
      ]);
    await db.transaction().execute(async (tx) => {
      await find(tx, id, true);
      const attachmentId = randomUUID();
      const sha256 = createHash("sha256").update(file.content).digest("hex");
      await repo.insertAttachment(tx, {
        id: attachmentId,
        ownerType: "item",
        ownerId: id,
        kind: kind as ItemAttachmentKind,
        fileName,
        mediaType: type!.mediaType,
        sizeBytes: file.content.byteLength,
        sha256,
        content: file.content,
        uploadedBy: actor.id,
      });
      await audit.write(tx, actor, {
        action: "export_item.attachment_added",
        entityType: "export_item",
        entityId: id,
        after: { attachmentId, kind, fileName, sha256, sizeBytes: file.content.byteLength },
      });
    });
    return get(actor, id);
  }

  async function getAttachment(_actor: Actor, id: string, attachmentId: string) {
    const a = await repo.attachment(db, "item", id, attachmentId);
    if (!a) throw notFound({ ja: "添付資料", en: "Attachment" });
    return { fileName: a.file_name, mediaType: a.media_type, content: a.content };
  }

  async function removeAttachment(actor: Actor, id: string, attachmentId: string): Promise<ItemView> {
    mayEdit(actor);
    await db.transaction().execute(async (tx) => {
      const a = await repo.attachment(tx, "item", id, attachmentId);
      if (!a) throw notFound({ ja: "添付資料", en: "Attachment" });
      await repo.deleteAttachment(tx, attachmentId);
      await audit.write(tx, actor, {
        action: "export_item.attachment_removed",
        entityType: "export_item",
        entityId: id,
        before: { attachmentId, fileName: a.file_name, sha256: a.sha256 },
      });
    });
    return get(actor, id);
  }

  /** Opens a re-check task for every active item due within 30 days (one open task per item). */
  async function runRecheckReminders(actor: Actor): Promise<number> {
    const soon = new Date(clock().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const due = await repo.listItems(db, { status: "active", recheckBefore: soon });
    if (due.length === 0) return 0;
    let opened = 0;
    await db.transaction().execute(async (tx) => {
      for (const it of due) {
        if (!(await repo.claimReminder(tx, `export_item:${it.id}:recheck:${it.recheck_on}`))) continue;
        await tasks.open(tx, actor, {
          kind: "export_item.recheck",
          title: {
            ja: `該非判定の再確認: ${it.ref_no} ${it.name}（期限 ${it.recheck_on}）`,
            en: `Re-check the classification: ${it.ref_no} ${it.name} (by ${it.recheck_on})`,
          },
          detail: {
            ja: "法令・パラメータシートの改正を確認し、品目マスタの判定を更新してください",
            en: "Check amendments to the law and parameter sheets and update the item's classification",
          },
          link: `/export/items/${it.id}`,
          entityType: "export_item",
          entityId: it.id,
          assignee: it.decided_by ? { userId: it.decided_by } : { role: "secretariat" },
          dedupeKey: `export_item:${it.id}:recheck`,
          dueAt: it.recheck_on ? new Date(`${it.recheck_on}T00:00:00Z`) : undefined,
          email: true,
        });
        opened += 1;
      }
    });
    return opened;
  }

  return {
    create,
    update,
    setStatus,
    get,
    list,
    many,
    addAttachment,
    getAttachment,
    removeAttachment,
    runRecheckReminders,
  };
}

export type ItemsService = ReturnType<typeof createItemsService>;
