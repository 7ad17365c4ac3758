import { randomUUID } from "node:crypto";
import type { AuditService, AuditWriter } from "../audit/audit-service.js";
import type { Db, Executor } from "../db/database.js";
import type { PartyIdentifier, PartyKind, PartyNameKind, PartyNameRow, PartyRow } from "../db/schema.js";
import type { Actor } from "../shared/actor.js";
import { conflict, type FieldError, invalid, notFound } from "../shared/errors.js";
import {
  buildSearchText,
  COUNTRY_CODES,
  detectScript,
  foldForSearch,
  identifierProblem,
} from "./parties-engine.js";
import type { PartiesRepo, PartyNameInsert } from "./parties-repo.js";

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
  version: number;
  createdAt: string;
  updatedAt: string;
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
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

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
  audit,
}: {
  db: Db;
  repo: PartiesRepo;
  audit: AuditWriter & Pick<AuditService, "forEntity">;
}) {
  async function load(exec: Executor, id: string, forUpdate = false): Promise<Party> {
    const row = await repo.find(exec, id, forUpdate);
    if (!row) throw notFound(PARTY);
    return toParty(row, await repo.namesOf(exec, [id]));
  }

  async function create(actor: Actor, input: PartyInput): Promise<Party> {
    const c = clean(input);
    const id = randomUUID();
    return db.transaction().execute(async (tx) => {
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
      await audit.write(tx, actor, {
        action: "party.created",
        entityType: "party",
        entityId: id,
        after: auditView(party),
      });
      return party;
    });
  }

  async function update(actor: Actor, id: string, version: number, input: PartyInput): Promise<Party> {
    const c = clean(input);
    return db.transaction().execute(async (tx) => {
      const before = await load(tx, id, true);
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
      await audit.write(tx, actor, {
        action: "party.updated",
        entityType: "party",
        entityId: id,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
  }

  async function setArchived(actor: Actor, id: string, archived: boolean): Promise<Party> {
    return db.transaction().execute(async (tx) => {
      const before = await load(tx, id, true);
      if (before.archived === archived) return before;
      await repo.setArchived(tx, id, archived ? new Date() : null);
      const after = await load(tx, id);
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

  async function list(
    query: PartyListQuery,
  ): Promise<{ items: Party[]; total: number; page: number; pageSize: number }> {
    const folded = query.q ? foldForSearch(query.q) : "";
    const { rows, total } = await repo.search(db, {
      folded: folded || undefined,
      kind: query.kind,
      country: query.country?.toUpperCase(),
      tag: query.tag,
      includeArchived: query.includeArchived,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    const names = await repo.namesOf(
      db,
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

  return {
    create,
    update,
    setArchived,
    list,
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
