import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { AuditWriter } from "../audit/audit-service.js";
import type { Db, Executor } from "../db/database.js";
import type { PartiesService } from "../parties/parties-service.js";
import type { Actor } from "../shared/actor.js";
import { type Bilingual, type FieldError, invalid } from "../shared/errors.js";
import type { TaskRequest, TasksService } from "../tasks/tasks-service.js";
import {
  actionsFor,
  addDays,
  countEvents,
  type DirectoryEvent,
  type DirectoryRecord,
  departingSpan,
  diffSnapshot,
  LONG_STAY_ABROAD_DAYS,
  normaliseRecord,
  type RawDirectoryRecord,
} from "./directory-engine.js";
import type { DirectoryRepo, StoredEntry } from "./directory-repo.js";
import { type CsvEncoding, parseHrCsv } from "./hr-csv-engine.js";
import { recordsFromLdap } from "./ldap-engine.js";
import { type LdapSourceOptions, readLdapEntries } from "./ldap-source.js";
import {
  applyScimPatch,
  fromScimUser,
  parseScimFilter,
  SCIM_GROUP,
  ScimError,
  scimList,
  toScimUser,
} from "./scim-engine.js";

export type DirectorySource = "scim" | "ldap" | "csv";

/** What the insider module offers the directory: its watchlist and its directory, written in our transaction. */
export type InsiderDirectoryPort = {
  putOnWatchlist(
    actor: Actor,
    entry: {
      userId: string;
      list: string;
      from?: string | null;
      to?: string | null;
      source: string;
      reason: string;
    },
    inTx?: Executor,
  ): Promise<unknown>;
  putDirectory(actor: Actor, rows: Record<string, string>[], inTx?: Executor): Promise<unknown>;
};

/** A problem with one input record (its position in the input and a label such as `file:line`). */
export type InputProblem = { index: number; where: string; field: string; message: Bilingual };

export type SyncResult = {
  syncId: string;
  mode: "preview" | "apply";
  source: DirectorySource;
  counts: ReturnType<typeof countEvents> & { unchanged: number; records: number };
  events: DirectoryEvent[];
};

const DIRECTORY_SYNC_SOURCE = "directory-sync";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * The people directory: SCIM provisioning, LDAP sync and HR/学務 CSV imports create and update
 * person records (with their party), departments, supervisors and dates; leavers are deactivated
 * and keep their records. Joiner/leaver events open tasks (特定類型 declaration, training,
 * residency re-check, access/return checklist) and feed the insider module's directory and
 * departing watchlist in the same transaction. Every change is audited.
 */
export function createDirectoryService(deps: {
  db: Db;
  repo: DirectoryRepo;
  audit: AuditWriter;
  parties: Pick<PartiesService, "createIn">;
  tasks: Pick<TasksService, "open">;
  insider: InsiderDirectoryPort;
  clock?: () => Date;
}) {
  const { db, repo, audit, tasks } = deps;
  const clock = deps.clock ?? (() => new Date());
  const today = () => clock().toISOString().slice(0, 10);

  function assignee(entry: { userId: string | null }): TaskRequest["assignee"] {
    return entry.userId ? { userId: entry.userId } : { role: "secretariat" };
  }

  /** Applies one person's events inside the caller's transaction; returns the insider feed row. */
  async function applyPerson(
    tx: Executor,
    actor: Actor,
    source: DirectorySource,
    syncId: string,
    known: StoredEntry | undefined,
    record: DirectoryRecord,
    events: DirectoryEvent[],
  ): Promise<{ personId: string; insiderRow: Record<string, string> }> {
    const now = clock();
    let personId = known?.personId ?? "";
    let userId = known?.userId ?? null;
    const hadDeparture = (known?.endDate ?? null) !== null || events.some((e) => e.kind === "departure");
    const actions = new Set(
      events.flatMap((e) => actionsFor(e, record, hadDeparture && e.kind === "leaver")),
    );
    if (!known) {
      const account = await repo.accountFor(tx, record.userName, record.email);
      if (account && !(await repo.personLinkedToUser(tx, account.id))) userId = account.id;
      const names: { name: string; kind: "primary" | "transliteration" }[] = [
        { name: record.displayName, kind: "primary" },
      ];
      for (const n of [record.nameKanji, record.nameKana, record.nameRoman])
        if (n && !names.some((x) => x.name === n)) names.push({ name: n, kind: "transliteration" });
      const party = await deps.parties.createIn(tx, actor, {
        kind: "person",
        names,
        tags: ["directory"],
        identifiers: record.employeeNumber
          ? [{ scheme: "employee_number", value: record.employeeNumber }]
          : [],
      });
      personId = randomUUID();
      await repo.insertPerson(tx, {
        id: personId,
        partyId: party.id,
        userId,
        category: record.category,
        department: record.department,
        email: record.email,
        disclosureDueOn: addDays(today(), 30),
      });
      await repo.insertEntry(tx, personId, source, record, syncId);
      if (!record.active || actions.has("deactivate")) await repo.deactivate(tx, personId, now);
      await audit.write(tx, actor, {
        action: "directory.person.created",
        entityType: "person",
        entityId: personId,
        after: { source, ...record },
      });
    } else {
      if (!userId) {
        const account = await repo.accountFor(tx, record.userName, record.email);
        if (account && !(await repo.personLinkedToUser(tx, account.id))) userId = account.id;
      }
      await repo.updatePerson(tx, personId, {
        userId,
        category: record.category,
        department: record.department,
        email: record.email,
      });
      await repo.updateEntry(tx, personId, record, syncId);
      const { personId: _p, source: _s, createdAt: _c, updatedAt: _u, userId: _id, ...before } = known;
      await audit.write(tx, actor, {
        action: actions.has("reactivate")
          ? "directory.person.reactivated"
          : actions.has("deactivate")
            ? "directory.person.deactivated"
            : "directory.person.updated",
        entityType: "person",
        entityId: personId,
        before,
        after: { source, ...record, events: events.map((e) => e.kind) },
      });
      if (actions.has("deactivate")) await repo.deactivate(tx, personId, now);
    }
    const who = record.displayName;
    const link = `/people/${personId}`;
    if (actions.has("tokutei_declaration_task"))
      await tasks.open(tx, actor, {
        kind: "directory.tokutei_declaration",
        title: {
          ja: `特定類型の該当性の申告: ${who}`,
          en: `特定類型 (specified category) declaration: ${who}`,
        },
        detail: {
          ja: "着任・受入れに当たり、特定類型（外為法の「みなし輸出」管理、役務通達 1(3)サ）に該当するかの申告をお願いします。",
          en: "On joining, please declare whether you fall under a specified category (deemed-export control under the Foreign Exchange Act, METI 役務通達 1(3)サ).",
        },
        link,
        entityType: "person",
        entityId: personId,
        assignee: assignee({ userId }),
        dedupeKey: `directory-tokutei:${personId}`,
        dueAt: new Date(now.getTime() + 30 * 86_400_000),
        email: userId !== null,
      });
    if (actions.has("training_task"))
      await tasks.open(tx, actor, {
        kind: "directory.training",
        title: { ja: `安全保障輸出管理の必須研修: ${who}`, en: `Required export-control training: ${who}` },
        detail: {
          ja: "着任・受入れ時の必須研修（安全保障輸出管理・研究インテグリティ）を受講してください。",
          en: "Please complete the required joiner training (export control and research integrity).",
        },
        link: "/cases/training",
        entityType: "person",
        entityId: personId,
        assignee: assignee({ userId }),
        dedupeKey: `directory-training:${personId}`,
        dueAt: new Date(now.getTime() + 30 * 86_400_000),
        email: userId !== null,
      });
    if (actions.has("residency_recheck_task")) {
      const post = events.flatMap((e) =>
        e.kind === "mover" ? e.changes.filter((c) => c.field === "post") : [],
      )[0];
      const abroad = events.find((e) => e.kind === "abroad");
      const why: Bilingual = abroad
        ? {
            ja: `海外滞在 ${abroad.kind === "abroad" ? `${abroad.from}〜${abroad.until ?? "未定"}` : ""}（${LONG_STAY_ABROAD_DAYS} 日以上または期間未定: 外為法解釈 6-1-5(1)① により非居住者となり得ます）`,
            en: `stay abroad ${abroad.kind === "abroad" ? `${abroad.from} – ${abroad.until ?? "open"}` : ""} (${LONG_STAY_ABROAD_DAYS} days or more, or open-ended: may make the person a non-resident, 外為法 interpretation 6-1-5(1)①)`,
          }
        : {
            ja: `職の変更（${String(post?.before ?? "なし")} → ${String(post?.after ?? "なし")}）`,
            en: `change of post (${String(post?.before ?? "none")} → ${String(post?.after ?? "none")})`,
          };
      await tasks.open(tx, actor, {
        kind: "directory.residency_recheck",
        title: { ja: `居住性の再確認: ${who}`, en: `Re-check residency: ${who}` },
        detail: {
          ja: `${why.ja}。居住者・非居住者の区分と特定類型の申告を確認してください。`,
          en: `${why.en}. Please confirm resident/non-resident status and the 特定類型 declaration.`,
        },
        link,
        entityType: "person",
        entityId: personId,
        assignee: { role: "secretariat" },
        dedupeKey: `directory-residency:${personId}:${abroad ? `abroad:${record.abroadFrom}` : `post:${String(post?.after)}`}`,
      });
    }
    if (actions.has("departing_watchlist")) {
      const announced = events.some((e) => e.kind === "departure");
      const span = departingSpan(record, today(), announced);
      await deps.insider.putOnWatchlist(
        actor,
        {
          userId: record.userName,
          list: "departing",
          from: span.from,
          to: span.to,
          source: DIRECTORY_SYNC_SOURCE,
          reason: announced
            ? record.noticeDate
              ? `notice of departure ${record.noticeDate}, end ${span.to}`
              : `end date ${span.to}`
            : `left without notice (directory ${source})`,
        },
        tx,
      );
    }
    if (actions.has("departure_checklist_task")) {
      const end = record.endDate ?? today();
      await tasks.open(tx, actor, {
        kind: "directory.departure_checklist",
        title: {
          ja: `退職・離任時のアクセス停止と返却の確認: ${who}（${end}）`,
          en: `Access and return checklist for ${who} (leaving ${end})`,
        },
        detail: {
          ja: "□ アカウント・VPN・クラウドの権限停止 □ 鍵・入館証・PC・記録媒体の返却 □ 規制技術・実験ノートの返却/消去の確認 □ 秘密保持の再確認（退職時誓約書） □ 共同研究・輸出許可の担当者変更",
          en: "□ Revoke accounts, VPN and cloud access □ Return keys, badge, laptop and storage media □ Confirm controlled technology and lab notebooks are returned or deleted □ Reconfirm confidentiality (exit pledge) □ Hand over joint-research and licence responsibilities",
        },
        link,
        entityType: "person",
        entityId: personId,
        assignee: { role: "secretariat" },
        dedupeKey: `directory-departure:${personId}`,
        dueAt: new Date(`${end}T23:59:59+09:00`),
      });
    }
    if (actions.has("deactivate") && userId) {
      const account = await repo.accountOf(tx, userId);
      // A leaver may no longer sign in; an administrator account is left to a person (break-glass).
      if (account && !account.disabled_at && !account.roles.includes("admin")) {
        await repo.disableAccount(tx, userId, now);
        await audit.write(tx, actor, {
          action: "user.disabled_by_directory",
          entityType: "user",
          entityId: userId,
          after: { personId, userName: record.userName, source },
        });
      }
    }
    const leftOn = record.endDate ?? (actions.has("deactivate") ? today() : "");
    return {
      personId,
      insiderRow: {
        user_id: record.userName,
        name: record.displayName,
        email: record.email ?? "",
        role: record.post ?? "",
        department: record.department ?? "",
        supervisor_id: record.supervisorKey ?? "",
        start_date: record.startDate ?? "",
        end_date: leftOn,
      },
    };
  }

  async function recordSync(
    exec: Executor,
    s: {
      id: string;
      source: DirectorySource;
      origin: string;
      mode: "preview" | "apply";
      status: "ok" | "refused";
      actor: Actor;
      counts: unknown;
      events: unknown;
      problems: unknown;
    },
  ) {
    await repo.insertSync(exec, { ...s, actorLabel: s.actor.label });
  }

  /**
   * Compares records with the directory and, in `apply` mode, applies every event in one
   * transaction. Any bad record refuses the whole input (nothing written, the refusal recorded);
   * `full` snapshots also deactivate this source's people missing from them.
   */
  async function sync(
    actor: Actor,
    input: {
      source: DirectorySource;
      origin: string;
      mode: "preview" | "apply";
      full: boolean;
      records: DirectoryRecord[];
      /** Problems the reader already found (e.g. CSV cells); any makes the sync refuse. */
      problems?: InputProblem[];
      /** A label for record i in error messages (e.g. `hr.csv:12`). */
      where?: (index: number) => string;
      /** A full snapshot may deactivate more than half of its source's people only when this is set. */
      allowMassLeavers?: boolean;
    },
  ): Promise<SyncResult> {
    const syncId = randomUUID();
    const where = input.where ?? ((i: number) => `#${i + 1}`);
    const known = await repo.all(db);
    const diff = diffSnapshot(known, input.records, {
      full: input.full,
      source: input.source,
      today: today(),
    });
    const problems: InputProblem[] = [
      ...(input.problems ?? []),
      ...diff.problems.map((p) => ({
        index: p.index,
        where: where(p.index),
        field: p.field,
        message: p.message,
      })),
    ];
    const counts = { ...countEvents(diff.events), unchanged: diff.unchanged, records: input.records.length };
    const missing = diff.events.filter((e) => e.kind === "leaver" && e.reason === "missing").length;
    const activeOfSource = known.filter((k) => k.active && k.source === input.source).length;
    if (
      input.full &&
      !input.allowMassLeavers &&
      missing > 0 &&
      (input.records.length === 0 || missing > Math.max(5, activeOfSource / 2))
    )
      problems.push({
        index: -1,
        where: input.origin,
        field: "snapshot",
        message: {
          ja: `この取込みでは ${activeOfSource} 人中 ${missing} 人が退職扱いになります。検索ベースや抽出条件の誤りの可能性があるため中止しました（意図したものなら --allow-mass-leavers）`,
          en: `this snapshot would deactivate ${missing} of ${activeOfSource} people; refused as a likely wrong base or filter (use --allow-mass-leavers if intended)`,
        },
      });
    if (problems.length > 0) {
      await db.transaction().execute(async (tx) => {
        await recordSync(tx, {
          id: syncId,
          source: input.source,
          origin: input.origin,
          mode: input.mode,
          status: "refused",
          actor,
          counts,
          events: [],
          problems,
        });
        await audit.write(tx, actor, {
          action: "directory.sync.refused",
          entityType: "directory_sync",
          entityId: syncId,
          after: { source: input.source, origin: input.origin, problems: problems.length },
        });
      });
      throw invalid(
        problems
          .slice(0, 200)
          .map((p): FieldError => ({ path: `${p.where}.${p.field}`, message: p.message })),
        {
          ja: `入力に ${problems.length} 件の誤りがあるため、何も登録していません`,
          en: `${problems.length} problem(s) in the input: nothing was written`,
        },
      );
    }
    if (input.mode === "preview") {
      await db.transaction().execute(async (tx) => {
        await recordSync(tx, {
          id: syncId,
          source: input.source,
          origin: input.origin,
          mode: "preview",
          status: "ok",
          actor,
          counts,
          events: diff.events,
          problems: [],
        });
      });
      return { syncId, mode: "preview", source: input.source, counts, events: diff.events };
    }
    await db.transaction().execute(async (tx) => {
      const current = new Map((await repo.all(tx)).map((k) => [k.userName, k]));
      const incoming = new Map(input.records.map((r) => [r.userName, r]));
      const byPerson = new Map<string, DirectoryEvent[]>();
      for (const e of diff.events) byPerson.set(e.userName, [...(byPerson.get(e.userName) ?? []), e]);
      const insiderRows: Record<string, string>[] = [];
      for (const [userName, events] of byPerson) {
        const k = current.get(userName);
        const record = incoming.get(userName) ?? (k ? { ...stripKnown(k), active: false } : undefined);
        if (!record) continue;
        const { insiderRow } = await applyPerson(tx, actor, input.source, syncId, k, record, events);
        insiderRows.push(insiderRow);
      }
      if (insiderRows.length > 0) await deps.insider.putDirectory(actor, insiderRows, tx);
      await recordSync(tx, {
        id: syncId,
        source: input.source,
        origin: input.origin,
        mode: "apply",
        status: "ok",
        actor,
        counts,
        events: diff.events,
        problems: [],
      });
      await audit.write(tx, actor, {
        action: "directory.sync.applied",
        entityType: "directory_sync",
        entityId: syncId,
        after: { source: input.source, origin: input.origin, counts },
      });
    });
    return { syncId, mode: "apply", source: input.source, counts, events: diff.events };
  }

  function stripKnown(k: StoredEntry): DirectoryRecord {
    const { personId: _p, source: _s, createdAt: _c, updatedAt: _u, userId: _id, ...record } = k;
    return record;
  }

  /**
   * Imports an HR/学務 CSV (UTF-8 or Shift_JIS): every bad cell is reported as file:line:column and
   * nothing is written if any row is bad; otherwise a preview or one transaction.
   */
  async function importCsv(
    actor: Actor,
    input: {
      file: string;
      bytes: Uint8Array;
      encoding?: CsvEncoding;
      mode: "preview" | "apply";
      full?: boolean;
      allowMassLeavers?: boolean;
    },
  ): Promise<SyncResult & { encoding: string; ignoredColumns: string[] }> {
    const parsed = parseHrCsv(input.file, input.bytes, input.encoding ?? "auto");
    const lines = parsed.records.map((r) => r.line);
    const result = await sync(actor, {
      source: "csv",
      origin: input.file,
      mode: input.mode,
      full: input.full ?? false,
      allowMassLeavers: input.allowMassLeavers ?? false,
      records: parsed.records.map((r) => r.record),
      problems: parsed.problems.map((p) => ({
        index: -1,
        where: `${p.file}:${p.line}${p.column !== null ? `:${p.column}` : ""}`,
        field: p.field,
        message: p.message,
      })),
      where: (i) => `${input.file}:${lines[i] ?? "?"}`,
    });
    return { ...result, encoding: parsed.encoding, ignoredColumns: parsed.ignoredColumns };
  }

  /**
   * Syncs from LDAP / Active Directory: reads the whole snapshot under the base DN, then previews or
   * applies it as a full snapshot (people of source `ldap` missing from it become leavers).
   */
  async function syncLdap(
    actor: Actor,
    input: LdapSourceOptions & { mode: "preview" | "apply"; allowMassLeavers?: boolean },
  ): Promise<SyncResult> {
    const entries = await readLdapEntries(input);
    const { records, problems } = normaliseAll(
      recordsFromLdap(entries),
      (i) => entries[i]?.dn ?? `#${i + 1}`,
    );
    return sync(actor, {
      source: "ldap",
      origin: `${input.url} ${input.baseDn}`,
      mode: input.mode,
      full: true,
      allowMassLeavers: input.allowMassLeavers ?? false,
      records,
      problems,
      where: (i) => records[i]?.userName ?? `#${i + 1}`,
    });
  }

  /** Normalises raw records, collecting problems labelled by `where`. */
  function normaliseAll(raws: RawDirectoryRecord[], where: (i: number) => string) {
    const records: DirectoryRecord[] = [];
    const problems: InputProblem[] = [];
    raws.forEach((raw, index) => {
      const { record, problems: found } = normaliseRecord(raw);
      for (const p of found)
        problems.push({ index, where: where(index), field: p.field, message: p.message });
      if (record) records.push(record);
    });
    return { records, problems };
  }

  // ---- SCIM ----

  /** The token's id and label when a bearer token is valid (compared by SHA-256 hash; tokens are 256-bit random). */
  async function scimAuthenticate(token: string): Promise<{ id: string; label: string } | null> {
    if (!token) return null;
    const row = await repo.activeTokenByHash(db, sha256(token));
    if (!row) return null;
    await repo.touchToken(db, row.id, clock());
    return row;
  }

  /** Creates a SCIM token (or rotates: revokes the label's older tokens). The token is returned once, only its hash is kept. */
  async function createScimToken(
    actor: Actor,
    label: string,
  ): Promise<{ id: string; label: string; token: string; revoked: number }> {
    const clean = label.trim();
    if (!/^[\w.-]{1,64}$/.test(clean))
      throw invalid([
        {
          path: "label",
          message: {
            ja: "ラベルは英数字・._- の 64 文字以内です",
            en: "label: letters, digits, . _ - (up to 64)",
          },
        },
      ]);
    const token = `skm_scim_${randomBytes(32).toString("base64url")}`;
    const id = randomUUID();
    return db.transaction().execute(async (tx) => {
      const revoked = await repo.revokeTokens(tx, clean, clock());
      await repo.insertToken(tx, { id, label: clean, hash: sha256(token), by: actor.label });
      await audit.write(tx, actor, {
        action: revoked.length > 0 ? "directory.scim_token.rotated" : "directory.scim_token.created",
        entityType: "scim_token",
        entityId: id,
        after: { label: clean, revoked: revoked.map((r) => r.id) },
      });
      return { id, label: clean, token, revoked: revoked.length };
    });
  }

  async function revokeScimToken(actor: Actor, label: string): Promise<{ revoked: number }> {
    return db.transaction().execute(async (tx) => {
      const revoked = await repo.revokeTokens(tx, label.trim(), clock());
      await audit.write(tx, actor, {
        action: "directory.scim_token.revoked",
        entityType: "scim_token",
        entityId: revoked[0]?.id ?? null,
        after: { label, revoked: revoked.map((r) => r.id) },
      });
      return { revoked: revoked.length };
    });
  }

  async function listScimTokens() {
    return (await repo.listTokens(db)).map((t) => ({
      id: t.id,
      label: t.label,
      createdBy: t.created_by_label,
      createdAt: new Date(t.created_at).toISOString(),
      lastUsedAt: t.last_used_at ? new Date(t.last_used_at).toISOString() : null,
      revokedAt: t.revoked_at ? new Date(t.revoked_at).toISOString() : null,
    }));
  }

  async function scimView(e: StoredEntry, baseUrl: string) {
    const manager = e.supervisorKey ? await repo.byUserName(db, e.supervisorKey) : null;
    return toScimUser(e.personId, stripKnown(e), {
      created: e.createdAt.toISOString(),
      lastModified: e.updatedAt.toISOString(),
      managerId: manager?.personId ?? null,
      location: `${baseUrl}/Users/${e.personId}`,
    });
  }

  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  async function entryOr404(id: string): Promise<StoredEntry> {
    const e = UUID.test(id) ? await repo.byPerson(db, id) : null;
    if (!e) throw new ScimError(404, null, `User ${id} not found / 利用者が見つかりません`);
    return e;
  }

  async function resolveManager(value: string): Promise<string | null> {
    if (!UUID.test(value)) return null;
    return (await repo.byPerson(db, value))?.userName ?? null;
  }

  async function recordFromScim(body: Record<string, unknown>): Promise<DirectoryRecord> {
    const ent = body["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"] as
      | Record<string, unknown>
      | undefined;
    const m = ent?.manager;
    const mv =
      typeof m === "string"
        ? m
        : m && typeof m === "object"
          ? String((m as { value?: unknown }).value ?? "")
          : "";
    const resolved = mv ? await resolveManager(mv) : null;
    const raw = fromScimUser(body, () => resolved);
    const { record, problems } = normaliseRecord(raw);
    if (!record)
      throw new ScimError(
        400,
        "invalidValue",
        problems.map((p) => `${p.field}: ${p.message.en} / ${p.message.ja}`).join("; "),
      );
    return record;
  }

  async function scimApply(actor: Actor, origin: string, record: DirectoryRecord): Promise<void> {
    await sync(actor, { source: "scim", origin, mode: "apply", full: false, records: [record] }).catch(
      (error) => {
        if (error instanceof Error && "fields" in error) {
          const fields = (error as { fields?: FieldError[] }).fields ?? [];
          throw new ScimError(
            fields.some((f) => f.path.endsWith("userName") || f.path.endsWith("employeeNumber")) ? 409 : 400,
            fields.some((f) => f.path.endsWith("userName") || f.path.endsWith("employeeNumber"))
              ? "uniqueness"
              : "invalidValue",
            fields.map((f) => `${f.path}: ${f.message.en} / ${f.message.ja}`).join("; "),
          );
        }
        throw error;
      },
    );
  }

  const FILTER_COLUMNS = {
    userName: "user_name",
    externalId: "external_id",
    email: "email",
    employeeNumber: "employee_number",
    displayName: "display_name",
  } as const;

  const scim = {
    async listUsers(
      baseUrl: string,
      q: { filter?: string | undefined; startIndex?: number | undefined; count?: number | undefined },
    ) {
      const filter = q.filter ? parseScimFilter(q.filter) : null;
      const startIndex = Math.max(1, q.startIndex ?? 1);
      const count = Math.min(200, Math.max(0, q.count ?? 100));
      const { total, items } = await repo.find(
        db,
        filter ? { column: FILTER_COLUMNS[filter.attribute], value: filter.value } : null,
        startIndex - 1,
        count,
      );
      return scimList(await Promise.all(items.map((e) => scimView(e, baseUrl))), total, startIndex);
    },
    async getUser(baseUrl: string, id: string) {
      return scimView(await entryOr404(id), baseUrl);
    },
    async createUser(actor: Actor, baseUrl: string, body: Record<string, unknown>) {
      const record = await recordFromScim(body);
      const existing = await repo.byUserName(db, record.userName);
      if (existing)
        throw new ScimError(
          409,
          "uniqueness",
          `userName ${record.userName} already exists / 既に登録されています`,
        );
      await scimApply(actor, "POST /Users", record);
      return scimView((await repo.byUserName(db, record.userName))!, baseUrl);
    },
    async replaceUser(actor: Actor, baseUrl: string, id: string, body: Record<string, unknown>) {
      const e = await entryOr404(id);
      const record = await recordFromScim(body);
      if (record.userName !== e.userName) {
        const other = await repo.byUserName(db, record.userName);
        if (other)
          throw new ScimError(
            409,
            "uniqueness",
            `userName ${record.userName} already exists / 既に登録されています`,
          );
        throw new ScimError(400, "mutability", "userName cannot be changed here / userName は変更できません");
      }
      await scimApply(actor, `PUT /Users/${id}`, record);
      return scimView((await repo.byPerson(db, id))!, baseUrl);
    },
    async patchUser(actor: Actor, baseUrl: string, id: string, body: Record<string, unknown>) {
      const e = await entryOr404(id);
      const current = await scimView(e, baseUrl);
      const patched = applyScimPatch(current, body);
      const record = await recordFromScim(patched);
      if (record.userName !== e.userName)
        throw new ScimError(400, "mutability", "userName cannot be changed / userName は変更できません");
      await scimApply(actor, `PATCH /Users/${id}`, record);
      return scimView((await repo.byPerson(db, id))!, baseUrl);
    },
    /** DELETE deactivates: the record is kept (never deleted), as for any leaver. */
    async deleteUser(actor: Actor, id: string) {
      const e = await entryOr404(id);
      if (!e.active) return;
      await scimApply(actor, `DELETE /Users/${id}`, { ...stripKnown(e), active: false });
    },
    async listGroups(baseUrl: string, q: { filter?: string | undefined }) {
      let name: string | null = null;
      if (q.filter) {
        const m = /^\s*displayName\s+eq\s+"([^"]*)"\s*$/i.exec(q.filter);
        if (!m)
          throw new ScimError(
            400,
            "invalidFilter",
            `Unsupported filter "${q.filter}" (displayName eq) / 対応していないフィルタです`,
          );
        name = m[1]!;
      }
      const rows = await repo.groups(db, name);
      return scimList(
        rows.map((g) => groupView(g, baseUrl)),
        rows.length,
        1,
      );
    },
    async getGroup(baseUrl: string, id: string) {
      return groupView(await groupOr404(id), baseUrl);
    },
    async createGroup(actor: Actor, baseUrl: string, body: Record<string, unknown>) {
      const g = await groupInput(body);
      if ((await repo.groups(db, g.displayName)).length > 0)
        throw new ScimError(409, "uniqueness", `Group ${g.displayName} already exists / 既にあります`);
      const id = randomUUID();
      await db.transaction().execute(async (tx) => {
        await repo.insertGroup(tx, { id, ...g });
        await audit.write(tx, actor, {
          action: "directory.group.created",
          entityType: "scim_group",
          entityId: id,
          after: g,
        });
      });
      return groupView((await repo.group(db, id))!, baseUrl);
    },
    async replaceGroup(actor: Actor, baseUrl: string, id: string, body: Record<string, unknown>) {
      const before = await groupOr404(id);
      const g = await groupInput(body);
      await saveGroup(actor, id, before, g);
      return groupView((await repo.group(db, id))!, baseUrl);
    },
    async patchGroup(actor: Actor, baseUrl: string, id: string, body: Record<string, unknown>) {
      const before = await groupOr404(id);
      const patched = applyScimPatch(groupView(before, baseUrl), body);
      const g = await groupInput(patched);
      await saveGroup(actor, id, before, g);
      return groupView((await repo.group(db, id))!, baseUrl);
    },
    async deleteGroup(actor: Actor, id: string) {
      const before = await groupOr404(id);
      await db.transaction().execute(async (tx) => {
        await repo.archiveGroup(tx, id, clock());
        await audit.write(tx, actor, {
          action: "directory.group.archived",
          entityType: "scim_group",
          entityId: id,
          before: { displayName: before.display_name, members: before.members },
        });
      });
    },
  };

  type GroupRow = NonNullable<Awaited<ReturnType<DirectoryRepo["group"]>>>;

  function groupView(g: GroupRow, baseUrl: string) {
    return {
      schemas: [SCIM_GROUP],
      id: g.id,
      displayName: g.display_name,
      ...(g.external_id ? { externalId: g.external_id } : {}),
      members: g.members.map((m) => ({ value: m })),
      meta: {
        resourceType: "Group",
        created: new Date(g.created_at).toISOString(),
        lastModified: new Date(g.updated_at).toISOString(),
        location: `${baseUrl}/Groups/${g.id}`,
      },
    };
  }

  async function groupOr404(id: string): Promise<GroupRow> {
    const g = UUID.test(id) ? await repo.group(db, id) : undefined;
    if (!g) throw new ScimError(404, null, `Group ${id} not found / グループが見つかりません`);
    return g;
  }

  async function groupInput(body: Record<string, unknown>) {
    const displayName = typeof body.displayName === "string" ? body.displayName.normalize("NFKC").trim() : "";
    if (!displayName)
      throw new ScimError(400, "invalidValue", "displayName is required / displayName が必要です");
    const members = Array.isArray(body.members)
      ? [...new Set((body.members as { value?: unknown }[]).map((m) => String(m?.value ?? "")))]
      : [];
    for (const m of members) {
      if (!UUID.test(m) || !(await repo.byPerson(db, m)))
        throw new ScimError(
          400,
          "invalidValue",
          `member ${m} is not a provisioned user / 未登録の利用者です`,
        );
    }
    return { displayName, externalId: typeof body.externalId === "string" ? body.externalId : null, members };
  }

  async function saveGroup(
    actor: Actor,
    id: string,
    before: GroupRow,
    g: { displayName: string; externalId: string | null; members: string[] },
  ) {
    await db.transaction().execute(async (tx) => {
      await repo.updateGroup(tx, id, g);
      await audit.write(tx, actor, {
        action: "directory.group.updated",
        entityType: "scim_group",
        entityId: id,
        before: { displayName: before.display_name, members: before.members },
        after: g,
      });
    });
  }

  /** Recent syncs and previews (for the admin page), newest first. */
  async function recentSyncs(limit = 20) {
    return (await repo.listSyncs(db, limit)).map((s) => ({
      id: s.id,
      source: s.source,
      origin: s.origin,
      mode: s.mode,
      status: s.status,
      actorLabel: s.actor_label,
      counts: s.counts as Record<string, number>,
      events: (s.events as DirectoryEvent[]).slice(0, 200),
      problems: (s.problems as InputProblem[]).slice(0, 200),
      startedAt: new Date(s.started_at).toISOString(),
    }));
  }

  /** Directory entries for the admin page. */
  async function entries() {
    return (await repo.all(db)).map((e) => ({
      personId: e.personId,
      userName: e.userName,
      displayName: e.displayName,
      department: e.department,
      post: e.post,
      category: e.category,
      source: e.source,
      active: e.active,
      endDate: e.endDate,
      linkedAccount: e.userId !== null,
    }));
  }

  return {
    sync,
    importCsv,
    syncLdap,
    normaliseAll,
    scimAuthenticate,
    createScimToken,
    revokeScimToken,
    listScimTokens,
    scim,
    recentSyncs,
    entries,
  };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
