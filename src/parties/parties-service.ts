import { randomUUID } from "node:crypto";
import type { AuditService, AuditWriter } from "../audit/audit-service.js";
import type { Db, Executor } from "../db/database.js";
import type { PartyIdentifier, PartyKind, PartyNameKind, PartyNameRow, PartyRow } from "../db/schema.js";
import type { MatchingIndex } from "../screening/engine/index.js";
import type { Actor } from "../shared/actor.js";
import { AppError, conflict, type FieldError, invalid, notFound } from "../shared/errors.js";
import {
  createPartyIndex,
  type DirectoryParty,
  type DuplicateSuggestion,
  findDuplicates,
  identifierDuplicates,
  identifyingIdentifiers,
  type PartyCandidate,
} from "./parties-duplicates-engine.js";
import {
  buildSearchText,
  COUNTRY_CODES,
  detectScript,
  foldForSearch,
  identifierProblem,
  type Label,
  type PartySnapshot,
  partyEditDecision,
  planMerge,
  snapshotChanges,
} from "./parties-engine.js";
import type { DirectoryRow, PartiesRepo, PartyNameInsert, PartyVersionRow } from "./parties-repo.js";
import type { PartyReferencesRepo, SubmittedReviewRef } from "./party-references-repo.js";

export type PartyName = { name: string; kind: PartyNameKind; lang: string | null; script: string };

export type Party = {
  id: string;
  kind: PartyKind;
  primaryName: string;
  names: PartyName[];
  country: string | null;
  birthDate: string | null;
  website: string | null;
  notes: string | null;
  tags: string[];
  identifiers: PartyIdentifier[];
  archived: boolean;
  archivedAt: string | null;
  /** The surviving party when this one was merged into it (then also archived). */
  mergedInto: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** One version of a party: the record as it was after a change, and what the change was. */
export type PartyVersion = {
  version: number;
  action: PartyVersionRow["action"];
  at: string;
  actorLabel: string;
  reason: string | null;
  relatedPartyId: string | null;
  snapshot: PartySnapshot;
  changes: { field: string; before: unknown; after: unknown }[];
};

/** Where a party is used and whether the asking user may change it. */
export type PartyUsageView = {
  canEdit: boolean;
  reasonRequired: boolean;
  editBlockedBecause: Label | null;
  submittedReviews: SubmittedReviewRef[];
  ownDraftReviews: number;
  othersDraftReviews: number;
  people: number;
  approachReports: number;
};

export type DuplicateView = DuplicateSuggestion & {
  party: {
    id: string;
    kind: PartyKind;
    primaryName: string;
    names: string[];
    country: string | null;
    birthDate: string | null;
  };
};

export type MergeResult = {
  survivor: Party;
  duplicateId: string;
  moved: Record<string, number>;
  droppedDuplicates: Record<string, unknown[]>;
  reopenedDecisions: { source: string; sourceId: string }[];
  notes: Label[];
};

export type PartyInput = {
  kind: PartyKind;
  names: { name: string; kind?: PartyNameKind | undefined; lang?: string | null | undefined }[];
  country?: string | null | undefined;
  birthDate?: string | null | undefined;
  website?: string | null | undefined;
  notes?: string | null | undefined;
  tags?: string[] | undefined;
  identifiers?: PartyIdentifier[] | undefined;
};

export type PartyListQuery = {
  q?: string | undefined;
  kind?: PartyKind | undefined;
  country?: string | undefined;
  tag?: string | undefined;
  includeArchived?: boolean | undefined;
  page: number;
  pageSize: number;
};

const PARTY = { ja: "取引先・関係者", en: "Party" };

function toParty(row: PartyRow, names: PartyNameRow[]): Party {
  return {
    id: row.id,
    kind: row.kind,
    primaryName: row.primary_name,
    names: names.map((n) => ({ name: n.name, kind: n.kind, lang: n.lang, script: n.script })),
    country: row.country,
    birthDate: row.birth_date,
    website: row.website,
    notes: row.notes,
    tags: [...row.tags],
    identifiers: row.identifiers as PartyIdentifier[],
    archived: row.archived_at !== null,
    archivedAt: row.archived_at ? new Date(row.archived_at).toISOString() : null,
    mergedInto: row.merged_into ?? null,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** A party as a version records it. */
function snapshotOf(p: Party): PartySnapshot {
  return {
    kind: p.kind,
    primaryName: p.primaryName,
    names: p.names.map((n) => ({ name: n.name, kind: n.kind, lang: n.lang, script: n.script })),
    country: p.country,
    birthDate: p.birthDate,
    website: p.website,
    notes: p.notes,
    tags: [...p.tags],
    identifiers: p.identifiers.map((i) => ({ scheme: i.scheme, value: i.value })),
    archived: p.archived,
    mergedInto: p.mergedInto,
  };
}

const REASON_REQUIRED: FieldError = {
  path: "reason",
  message: {
    ja: "提出済みの審査で使われている記録です。変更の理由（確認した資料など）を入力してください",
    en: "This party is used by a submitted review: give the reason for the change (what you checked)",
  },
};

/** Changed parties after which the duplicate index is rebuilt rather than patched. */
const REBUILD_AFTER_CHANGES = 300;
/** Clock and commit-order slack when asking for parties changed since the index was built. */
const WATERMARK_SLACK_MS = 5 * 60 * 1000;

/** What the audit log keeps of a party: everything but timestamps (the audit row has its own). */
function auditView(p: Party) {
  const { createdAt: _c, updatedAt: _u, ...rest } = p;
  return rest;
}

type Cleaned = {
  kind: PartyKind;
  names: PartyNameInsert[];
  country: string | null;
  birthDate: string | null;
  website: string | null;
  notes: string | null;
  tags: string[];
  identifiers: PartyIdentifier[];
};

/** Checks and tidies a party form; every problem is reported at once with its field path. */
function clean(input: PartyInput): Cleaned {
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  const names: PartyNameInsert[] = [];
  input.names.forEach((n, i) => {
    const name = n.name.normalize("NFC").replace(/\s+/g, " ").trim();
    if (name === "") {
      fields.push({ path: `names.${i}.name`, message: { ja: "名前が空です", en: "Name is empty" } });
      return;
    }
    const key = foldForSearch(name);
    if (seen.has(key)) return; // the same name twice adds nothing
    seen.add(key);
    names.push({
      id: randomUUID(),
      name,
      kind: names.length === 0 ? "primary" : n.kind && n.kind !== "primary" ? n.kind : "alias",
      lang: n.lang?.trim() || null,
      script: detectScript(name),
      position: names.length,
    });
  });
  if (input.names.length === 0) {
    fields.push({
      path: "names",
      message: { ja: "名前を1つ以上入力してください", en: "Enter at least one name" },
    });
  }
  const country = input.country?.trim().toUpperCase() || null;
  if (country && !COUNTRY_CODES.has(country)) {
    fields.push({
      path: "country",
      message: {
        ja: "国・地域は ISO 3166 の2文字コードで入力してください",
        en: "Country must be an ISO 3166 two-letter code",
      },
    });
  }
  const birthDate = input.birthDate?.trim() || null;
  if (birthDate) {
    const valid =
      /^\d{4}-\d{2}-\d{2}$/.test(birthDate) && !Number.isNaN(Date.parse(`${birthDate}T00:00:00Z`));
    if (!valid || new Date(`${birthDate}T00:00:00Z`).toISOString().slice(0, 10) !== birthDate) {
      fields.push({
        path: "birthDate",
        message: { ja: "生年月日は YYYY-MM-DD で入力してください", en: "Birth date must be YYYY-MM-DD" },
      });
    }
    if (input.kind !== "person") {
      fields.push({
        path: "birthDate",
        message: { ja: "生年月日は個人にのみ設定できます", en: "Only persons have a birth date" },
      });
    }
  }
  const website = input.website?.trim() || null;
  if (website) {
    let ok = false;
    try {
      const url = new URL(website);
      ok = url.protocol === "http:" || url.protocol === "https:";
    } catch {
      ok = false;
    }
    if (!ok) {
      fields.push({
        path: "website",
        message: {
          ja: "ウェブサイトは http:// または https:// で始まるURLにしてください",
          en: "Website must be an http:// or https:// URL",
        },
      });
    }
  }
  const identifiers: PartyIdentifier[] = [];
  (input.identifiers ?? []).forEach((id, i) => {
    const value = id.value.trim();
    const problem = identifierProblem(id.scheme, value);
    if (problem) fields.push({ path: `identifiers.${i}.value`, message: problem });
    else identifiers.push({ scheme: id.scheme, value });
  });
  const tags = [...new Set((input.tags ?? []).map((t) => t.normalize("NFKC").trim()).filter(Boolean))].sort();
  if (fields.length > 0) throw invalid(fields);
  return {
    kind: input.kind,
    names,
    country,
    birthDate,
    website,
    notes: input.notes?.trim() || null,
    tags,
    identifiers,
  };
}

/**
 * The parties directory: organisations and people every other module points at. Parties are never
 * deleted, only archived, so reviews and reports keep their counterparties.
 */
export function createPartiesService({
  db,
  repo,
  references,
  audit,
}: {
  db: Db;
  repo: PartiesRepo;
  references: PartyReferencesRepo;
  audit: AuditWriter & Pick<AuditService, "forEntity">;
}) {
  async function load(exec: Executor, id: string, forUpdate = false): Promise<Party> {
    const row = await repo.find(exec, id, forUpdate);
    if (!row) throw notFound(PARTY);
    return toParty(row, await repo.namesOf(exec, [id]));
  }

  async function writeVersion(
    tx: Executor,
    actor: Actor,
    party: Party,
    action: PartyVersionRow["action"],
    reason: string | null = null,
    relatedPartyId: string | null = null,
  ): Promise<void> {
    await repo.insertVersion(tx, {
      partyId: party.id,
      version: party.version,
      action,
      snapshot: snapshotOf(party),
      reason,
      relatedPartyId,
      actorId: actor.id,
      actorLabel: actor.label,
    });
  }

  async function editDecision(exec: Executor, actor: Actor, id: string) {
    const row = await repo.find(exec, id);
    if (!row) throw notFound(PARTY);
    const usage = await references.usage(exec, id, actor.id);
    const decision = partyEditDecision(
      actor,
      { createdBy: row.created_by, mergedInto: row.merged_into ?? null },
      {
        submittedReviews: usage.submittedReviews.length,
        othersDraftReviews: usage.othersDraftReviews,
        people: usage.people.length,
        approachReports: usage.approachReports.length,
      },
    );
    return { decision, usage };
  }

  // ── Duplicate index: the whole directory, patched with recent changes until rebuilt ──
  type DuplicateCache = { index: MatchingIndex; byId: Map<string, DirectoryRow>; watermark: Date };
  let cache: Promise<DuplicateCache> | null = null;

  async function buildCache(): Promise<DuplicateCache> {
    const rows = await repo.directory(db);
    const active = rows.filter((r) => !r.archived);
    const newest = rows.reduce((t, r) => Math.max(t, r.updatedAt.getTime()), 0);
    return {
      index: createPartyIndex(active),
      byId: new Map(active.map((r) => [r.id, r])),
      watermark: new Date(Math.max(0, newest - WATERMARK_SLACK_MS)),
    };
  }

  async function duplicateSources() {
    if (!cache)
      cache = buildCache().catch((e) => {
        cache = null;
        throw e;
      });
    let current = await cache;
    let delta = await repo.directory(db, { since: current.watermark });
    if (delta.length > REBUILD_AFTER_CHANGES) {
      cache = buildCache();
      current = await cache;
      delta = await repo.directory(db, { since: current.watermark });
    }
    const changed = new Map(delta.map((d) => [d.id, d]));
    const activeDelta = delta.filter((d) => !d.archived);
    const sources: { index: MatchingIndex; skip?: ReadonlySet<string> }[] = [
      { index: current.index, skip: new Set(changed.keys()) },
    ];
    if (activeDelta.length > 0) sources.push({ index: createPartyIndex(activeDelta) });
    const lookup = (id: string): DirectoryParty | undefined => {
      const d = changed.get(id);
      if (d) return d.archived ? undefined : d;
      return current.byId.get(id);
    };
    return { sources, lookup };
  }

  async function duplicatesOf(candidate: PartyCandidate, limit = 5): Promise<DuplicateView[]> {
    const names = candidate.names
      .map((n) => ({ ...n, name: n.name.normalize("NFC").trim() }))
      .filter((n) => n.name);
    const c: PartyCandidate = { ...candidate, names };
    const sharing = await repo.directory(db, {
      ids: await repo.withIdentifiers(db, identifyingIdentifiers(c)),
    });
    const certain = identifierDuplicates(c, sharing);
    const { sources, lookup } = names.length
      ? await duplicateSources()
      : { sources: [], lookup: () => undefined };
    const fuzzy = names.length ? findDuplicates(c, sources, lookup, { limit }) : [];
    const merged = new Map<string, DuplicateSuggestion>();
    for (const d of [...certain, ...fuzzy]) {
      const seen = merged.get(d.partyId);
      if (!seen) merged.set(d.partyId, d);
      else merged.set(d.partyId, { ...seen, reasons: [...seen.reasons, ...d.reasons] });
    }
    const list = [...merged.values()].slice(0, limit);
    const parties = await Promise.all(list.map((d) => repo.find(db, d.partyId)));
    const names2 = await repo.namesOf(
      db,
      list.map((d) => d.partyId),
    );
    return list.flatMap((d, i) => {
      const row = parties[i];
      if (!row || row.archived_at) return [];
      return [
        {
          ...d,
          party: {
            id: row.id,
            kind: row.kind,
            primaryName: row.primary_name,
            names: names2.filter((n) => n.party_id === row.id).map((n) => n.name),
            country: row.country,
            birthDate: row.birth_date,
          },
        },
      ];
    });
  }

  async function create(actor: Actor, input: PartyInput): Promise<Party> {
    return db.transaction().execute((tx) => createIn(tx, actor, input));
  }

  /**
   * Creates a party inside the caller's transaction (versioned and audited there), so a module
   * that names a new organisation as part of a larger change saves both or neither.
   */
  async function createIn(tx: Executor, actor: Actor, input: PartyInput): Promise<Party> {
    const c = clean(input);
    const id = randomUUID();
    {
      await repo.insert(
        tx,
        {
          id,
          kind: c.kind,
          primaryName: c.names[0]!.name,
          country: c.country,
          birthDate: c.birthDate,
          website: c.website,
          notes: c.notes,
          tags: c.tags,
          identifiers: c.identifiers,
          searchText: buildSearchText(
            c.names.map((n) => n.name),
            c.identifiers,
          ),
          createdBy: actor.id,
        },
        c.names,
      );
      const party = await load(tx, id);
      await writeVersion(tx, actor, party, "created");
      await audit.write(tx, actor, {
        action: "party.created",
        entityType: "party",
        entityId: id,
        after: auditView(party),
      });
      return party;
    }
  }

  async function update(
    actor: Actor,
    id: string,
    version: number,
    input: PartyInput,
    reason?: string | null,
  ): Promise<Party> {
    const c = clean(input);
    const why = reason?.trim() || null;
    return db.transaction().execute(async (tx) => {
      const before = await load(tx, id, true);
      const { decision } = await editDecision(tx, actor, id);
      if (!decision.allowed) throw new AppError(403, decision.code, decision.message);
      if (decision.reasonRequired && !why) throw invalid([REASON_REQUIRED]);
      if (before.version !== version) {
        throw conflict("stale_version", {
          ja: "他の人がこの取引先・関係者を更新しました。再読み込みしてから編集してください",
          en: "Someone else changed this party; reload it before editing",
        });
      }
      await repo.update(
        tx,
        {
          id,
          kind: c.kind,
          primaryName: c.names[0]!.name,
          country: c.country,
          birthDate: c.birthDate,
          website: c.website,
          notes: c.notes,
          tags: c.tags,
          identifiers: c.identifiers,
          searchText: buildSearchText(
            c.names.map((n) => n.name),
            c.identifiers,
          ),
        },
        c.names,
      );
      const after = await load(tx, id);
      await writeVersion(tx, actor, after, "updated", why);
      await audit.write(tx, actor, {
        action: "party.updated",
        entityType: "party",
        entityId: id,
        before: auditView(before),
        after: auditView(after),
        ...(why ? { context: { reason: why } } : {}),
      });
      return after;
    });
  }

  async function setArchived(actor: Actor, id: string, archived: boolean): Promise<Party> {
    return db.transaction().execute(async (tx) => {
      const before = await load(tx, id, true);
      if (before.archived === archived) return before;
      if (!archived && before.mergedInto)
        throw conflict("party_merged", {
          ja: "統合済みの記録は元に戻せません。統合先の記録を使ってください",
          en: "A merged party cannot be restored; use the surviving party",
        });
      await repo.setArchived(tx, id, archived ? new Date() : null);
      const after = await load(tx, id);
      await writeVersion(tx, actor, after, archived ? "archived" : "restored");
      await audit.write(tx, actor, {
        action: archived ? "party.archived" : "party.restored",
        entityType: "party",
        entityId: id,
        before: { archived: before.archived },
        after: { archived: after.archived },
      });
      return after;
    });
  }

  async function versions(id: string): Promise<PartyVersion[]> {
    await load(db, id);
    const rows = await repo.versions(db, id);
    return rows.map((row, i) => {
      const snapshot = row.snapshot as PartySnapshot;
      const older = rows[i + 1];
      return {
        version: row.version,
        action: row.action,
        at: new Date(row.at).toISOString(),
        actorLabel: row.actor_label,
        reason: row.reason,
        relatedPartyId: row.related_party_id,
        snapshot,
        changes:
          row.action === "created" || row.action === "baseline"
            ? []
            : snapshotChanges(older ? (older.snapshot as PartySnapshot) : null, snapshot),
      };
    });
  }

  async function usage(actor: Actor, id: string): Promise<PartyUsageView> {
    const { decision, usage: u } = await editDecision(db, actor, id);
    return {
      canEdit: decision.allowed,
      reasonRequired: decision.allowed ? decision.reasonRequired : false,
      editBlockedBecause: decision.allowed ? null : decision.message,
      submittedReviews: u.submittedReviews,
      ownDraftReviews: u.ownDraftReviews,
      othersDraftReviews: u.othersDraftReviews,
      people: u.people.length,
      approachReports: u.approachReports.length,
    };
  }

  /**
   * Merges a duplicate into the surviving party (the secretariat's decision, audited): the survivor
   * gains the duplicate's names, identifiers, tags and notes as a new version; every review,
   * person, approach report, screening run and decision that named the duplicate now names the
   * survivor; the duplicate is archived with a pointer to the survivor and keeps its own history.
   */
  async function merge(
    actor: Actor,
    survivorId: string,
    input: { duplicateId: string; survivorVersion: number; duplicateVersion: number; reason: string },
  ): Promise<MergeResult> {
    const reason = input.reason.trim();
    if (!reason)
      throw invalid([
        {
          path: "reason",
          message: {
            ja: "統合の理由（同一と判断した根拠）を入力してください",
            en: "Give the reason for the merge (why they are the same party)",
          },
        },
      ]);
    const result = await db.transaction().execute(async (tx) => {
      const survivor = await load(tx, survivorId, true);
      const duplicate = await load(tx, input.duplicateId, true);
      if (survivor.version !== input.survivorVersion || duplicate.version !== input.duplicateVersion)
        throw conflict("stale_version", {
          ja: "どちらかの記録が更新されました。再読み込みしてから統合してください",
          en: "One of the parties changed; reload before merging",
        });
      if (survivor.archived)
        throw conflict("party_archived", {
          ja: "アーカイブ済みの記録には統合できません。先に元に戻してください",
          en: "Cannot merge into an archived party; restore it first",
        });
      const plan = planMerge(
        { ...snapshotOf(survivor), id: survivor.id },
        { ...snapshotOf(duplicate), id: duplicate.id },
      );
      if (!plan.ok)
        throw new AppError(409, "merge_refused", {
          ja: `統合できません: ${plan.problems.map((p) => p.ja).join(" / ")}`,
          en: `Cannot merge: ${plan.problems.map((p) => p.en).join(" / ")}`,
        });
      const [survivorUse, duplicateUse] = await Promise.all([
        references.usage(tx, survivor.id, actor.id),
        references.usage(tx, duplicate.id, actor.id),
      ]);
      if (survivorUse.people.length > 0 && duplicateUse.people.length > 0)
        throw conflict("merge_people", {
          ja: "両方に人物記録があるため統合できません。先に人物記録を一つにしてください",
          en: "Both parties have a person record; make them one person record first",
        });
      const m = plan.merged;
      const names = clean({
        kind: m.kind,
        names: m.names.map((n) => ({ name: n.name, kind: n.kind as PartyNameKind, lang: n.lang })),
      }).names;
      await repo.update(
        tx,
        {
          id: survivor.id,
          kind: m.kind,
          primaryName: names[0]!.name,
          country: m.country,
          birthDate: m.birthDate,
          website: m.website,
          notes: m.notes,
          tags: m.tags,
          identifiers: m.identifiers,
          searchText: buildSearchText(
            names.map((n) => n.name),
            m.identifiers,
          ),
        },
        names,
      );
      const moved = await references.repoint(tx, duplicate.id, survivor.id, new Date());
      await repo.setMergedInto(tx, duplicate.id, survivor.id);
      const after = await load(tx, survivor.id);
      const gone = await load(tx, duplicate.id);
      await writeVersion(tx, actor, after, "merged", reason, duplicate.id);
      await writeVersion(tx, actor, gone, "merged_into", reason, survivor.id);
      await audit.write(tx, actor, {
        action: "party.merged",
        entityType: "party",
        entityId: survivor.id,
        before: { survivor: auditView(survivor), duplicate: auditView(duplicate) },
        after: auditView(after),
        context: {
          reason,
          duplicateId: duplicate.id,
          moved: moved.moved,
          droppedDuplicates: moved.droppedDuplicates,
          reopenedDecisions: moved.reopenedDecisions,
          notes: plan.notes,
        },
      });
      await audit.write(tx, actor, {
        action: "party.merged_into",
        entityType: "party",
        entityId: duplicate.id,
        before: auditView(duplicate),
        after: auditView(gone),
        context: { reason, survivorId: survivor.id },
      });
      return {
        survivor: after,
        duplicateId: duplicate.id,
        moved: moved.moved,
        droppedDuplicates: moved.droppedDuplicates,
        reopenedDecisions: moved.reopenedDecisions,
        notes: plan.notes,
      };
    });
    return result;
  }

  /** Parties matching a query; `exec` lets a caller search inside its own transaction. */
  async function list(
    query: PartyListQuery,
    exec: Executor = db,
  ): Promise<{ items: Party[]; total: number; page: number; pageSize: number }> {
    const folded = query.q ? foldForSearch(query.q) : "";
    const { rows, total } = await repo.search(exec, {
      folded: folded || undefined,
      kind: query.kind,
      country: query.country?.toUpperCase(),
      tag: query.tag,
      includeArchived: query.includeArchived,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    const names = await repo.namesOf(
      exec,
      rows.map((r) => r.id),
    );
    const byParty = new Map<string, PartyNameRow[]>();
    for (const n of names) byParty.set(n.party_id, [...(byParty.get(n.party_id) ?? []), n]);
    return {
      items: rows.map((r) => toParty(r, byParty.get(r.id) ?? [])),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * The newest party of this kind, not archived, with a name that folds (`foldForSearch`) to the
   * same text as `name`; undefined when there is none or the name folds to nothing. What a fuzzy
   * `list` followed by an exact check finds, without scoring and counting every party (issue 11 §6:
   * approach reports' background job looks up each named sender and organisation this way).
   */
  async function findByName(exec: Executor, kind: PartyKind, name: string): Promise<Party | undefined> {
    const folded = foldForSearch(name);
    if (!folded) return undefined;
    const rows = await repo.withFoldedPart(exec, kind, folded);
    if (rows.length === 0) return undefined;
    const names = await repo.namesOf(
      exec,
      rows.map((r) => r.id),
    );
    for (const row of rows) {
      const own = names.filter((n) => n.party_id === row.id);
      if (own.some((n) => foldForSearch(n.name) === folded)) return toParty(row, own);
    }
    return undefined;
  }

  return {
    create,
    createIn,
    update,
    setArchived,
    list,
    findByName,
    versions,
    usage,
    merge,
    /** Likely duplicates of a party being entered (names in any script, identifiers). */
    duplicates: (candidate: PartyCandidate) => duplicatesOf(candidate),
    /** Likely duplicates of a stored party. */
    async duplicatesOfParty(id: string): Promise<DuplicateView[]> {
      const p = await load(db, id);
      return duplicatesOf({
        id: p.id,
        kind: p.kind,
        names: p.names,
        country: p.country,
        birthDate: p.birthDate,
        identifiers: p.identifiers,
      });
    },
    get: (id: string) => load(db, id),
    /** Several parties at once, for modules that show counterparties; unknown ids are skipped. */
    async getMany(ids: string[]): Promise<Party[]> {
      const out: Party[] = [];
      for (const id of [...new Set(ids)]) {
        const row = await repo.find(db, id);
        if (row) out.push(toParty(row, await repo.namesOf(db, [id])));
      }
      return out;
    },
    history: (id: string) => audit.forEntity("party", id),
    tags: () => repo.tags(db),
  };
}

export type PartiesService = ReturnType<typeof createPartiesService>;
