import { randomUUID } from "node:crypto";
import type { AuditService, AuditWriter } from "../audit/audit-service.js";
import type { Db, Executor } from "../db/database.js";
import type { CaseRow, Role } from "../db/schema.js";
import { type Actor, hasAnyRole } from "../shared/actor.js";
import { type Bilingual, conflict, forbidden, invalid, notFound } from "../shared/errors.js";
import {
  type CaseContent,
  caseProblems,
  type FlagInfo,
  type RelatedCase,
  rankRelated,
} from "./case-engine.js";
import { BUILT_IN_CASES } from "./case-library.js";
import type { CasesRepo } from "./cases-repo.js";

/** A red flag as the case library shows it (the shared catalogue plus insider indicators). */
export type CatalogueFlag = {
  id: string;
  module: string;
  title: Bilingual;
  question?: Bilingual | undefined;
};

/** Who may add and edit cases, and who may also read drafts. */
export const CASE_EDITORS: readonly Role[] = ["admin"];
export const CASE_DRAFT_READERS: readonly Role[] = ["admin", "secretariat"];

const CASE: Bilingual = { ja: "事例", en: "Case" };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type CaseView = {
  id: string;
  slug: string;
  status: "draft" | "published";
  version: number;
  builtIn: boolean;
  content: CaseContent;
  flags: { id: string; module: string | null; title: Bilingual | null }[];
  trainings: { id: string; slug: string; title: Bilingual }[];
  createdAt: string;
  updatedAt: string;
};

export type CaseListItem = {
  id: string;
  slug: string;
  status: "draft" | "published";
  title: Bilingual;
  period: string;
  summary: Bilingual;
  channels: string[];
  redFlags: string[];
};

/** Text the library search looks in: titles, summary and sector in both languages, folded. */
function searchTextOf(c: CaseContent, slug: string): string {
  return [slug, c.title.ja, c.title.en, c.summary.ja, c.summary.en, c.sector.ja, c.sector.en]
    .join(" ")
    .normalize("NFKC")
    .toLowerCase();
}

/**
 * The case library: structured public cases linked to red flags both ways, so that wherever a flag
 * fires the product can say "this resembles …". Everyone reads published cases; admins add and
 * edit (audited); the security office also reads drafts.
 */
export function createCasesService({
  db,
  repo,
  audit,
  catalogue,
}: {
  db: Db;
  repo: CasesRepo;
  audit: AuditWriter & Pick<AuditService, "forEntity">;
  /** The red-flag catalogue (RED_FLAGS plus insider indicators once they are joined). */
  catalogue: () => readonly CatalogueFlag[];
}) {
  const catalogueMap = () =>
    new Map<string, FlagInfo & { module: string }>(catalogue().map((f) => [f.id, f]));
  const canReadDrafts = (actor: Actor) => hasAnyRole(actor, CASE_DRAFT_READERS);
  const canEdit = (actor: Actor) => hasAnyRole(actor, CASE_EDITORS);

  function listItem(row: CaseRow): CaseListItem {
    const c = row.content as CaseContent;
    return {
      id: row.id,
      slug: row.slug,
      status: row.status,
      title: c.title,
      period: c.period,
      summary: c.summary,
      channels: c.channels,
      redFlags: c.redFlags,
    };
  }

  async function toView(exec: Executor, actor: Actor, row: CaseRow): Promise<CaseView> {
    const content = { ...(row.content as CaseContent) };
    if (!canReadDrafts(actor)) delete content.editorialNote;
    const flags = catalogueMap();
    return {
      id: row.id,
      slug: row.slug,
      status: row.status,
      version: row.version,
      builtIn: row.built_in,
      content,
      flags: content.redFlags.map((id) => {
        const f = flags.get(id);
        return { id, module: f?.module ?? (id.startsWith("I-") ? "insider" : null), title: f?.title ?? null };
      }),
      trainings: (await repo.modulesUsingCase(exec, row.id)).map((m) => ({
        id: m.id,
        slug: m.slug,
        title: (m.content as { title: Bilingual }).title,
      })),
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }

  async function load(exec: Executor, actor: Actor, key: string): Promise<CaseRow> {
    const row = UUID.test(key) ? await repo.find(exec, key) : await repo.findBySlug(exec, key);
    if (!row || (row.status === "draft" && !canReadDrafts(actor))) throw notFound(CASE);
    return row;
  }

  function check(input: { slug: string; status: "draft" | "published"; content: CaseContent }) {
    const problems = caseProblems(input.content, input.status, catalogueMap());
    if (!SLUG.test(input.slug) || input.slug.length > 100) {
      problems.unshift({
        path: "slug",
        message: {
          ja: "スラッグは英小文字・数字・ハイフンで入力してください（例：sekisui-2018）",
          en: "The slug may contain lower-case letters, digits and hyphens (e.g. sekisui-2018)",
        },
      });
    }
    if (problems.length > 0) throw invalid(problems);
  }

  async function create(
    actor: Actor,
    input: { slug: string; status: "draft" | "published"; content: CaseContent },
    builtIn = false,
  ): Promise<CaseView> {
    if (!builtIn && !canEdit(actor)) throw forbidden();
    check(input);
    return db.transaction().execute(async (tx) => {
      if (await repo.findBySlug(tx, input.slug)) {
        throw conflict("slug_taken", {
          ja: `スラッグ「${input.slug}」は既に使われています`,
          en: `The slug "${input.slug}" is already used`,
        });
      }
      const id = randomUUID();
      await repo.insert(
        tx,
        {
          id,
          slug: input.slug,
          status: input.status,
          content: input.content,
          searchText: searchTextOf(input.content, input.slug),
          builtIn,
          by: actor.id,
        },
        input.content.redFlags,
      );
      const view = await toView(tx, actor, (await repo.find(tx, id))!);
      await audit.write(tx, actor, {
        action: "case.created",
        entityType: "case",
        entityId: id,
        after: { slug: view.slug, status: view.status, content: view.content },
        ...(builtIn ? { context: { builtIn: true } } : {}),
      });
      return view;
    });
  }

  async function update(
    actor: Actor,
    id: string,
    version: number,
    input: { slug: string; status: "draft" | "published"; content: CaseContent },
  ): Promise<CaseView> {
    if (!canEdit(actor)) throw forbidden();
    check(input);
    return db.transaction().execute(async (tx) => {
      const before = await repo.find(tx, id, true);
      if (!before) throw notFound(CASE);
      if (before.version !== version) {
        throw conflict("stale_version", {
          ja: "他の人がこの事例を更新しました。再読み込みしてから編集してください",
          en: "Someone else changed this case; reload it before editing",
        });
      }
      const clash = await repo.findBySlug(tx, input.slug);
      if (clash && clash.id !== id) {
        throw conflict("slug_taken", {
          ja: `スラッグ「${input.slug}」は既に使われています`,
          en: `The slug "${input.slug}" is already used`,
        });
      }
      await repo.update(
        tx,
        {
          id,
          slug: input.slug,
          status: input.status,
          content: input.content,
          searchText: searchTextOf(input.content, input.slug),
          by: actor.id,
        },
        input.content.redFlags,
      );
      const after = (await repo.find(tx, id))!;
      await audit.write(tx, actor, {
        action: "case.updated",
        entityType: "case",
        entityId: id,
        before: { slug: before.slug, status: before.status, content: before.content },
        after: { slug: after.slug, status: after.status, content: after.content },
      });
      return toView(tx, actor, after);
    });
  }

  /** Cases sharing the flags, best match first (published only): the "this resembles …" links. */
  async function related(
    flags: string[],
    limit = 5,
  ): Promise<(Omit<RelatedCase, "redFlags"> & { redFlags: string[]; summary: Bilingual })[]> {
    const rows = await repo.publishedWithFlags(db, flags);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return rankRelated(
      flags,
      rows.map((r) => {
        const c = r.content as CaseContent;
        return { id: r.id, slug: r.slug, title: c.title, period: c.period, redFlags: c.redFlags };
      }),
      limit,
    ).map((r) => ({
      ...r,
      redFlags: [...r.redFlags],
      summary: (byId.get(r.id)!.content as CaseContent).summary,
    }));
  }

  /** The catalogue with, for each flag, the published cases that carry it (the other direction). */
  async function flags() {
    const index = await repo.flagIndex(db);
    const casesOf = new Map<string, { id: string; slug: string; title: Bilingual }[]>();
    for (const r of index) {
      const list = casesOf.get(r.flag_id) ?? [];
      list.push({ id: r.id, slug: r.slug, title: (r.content as CaseContent).title });
      casesOf.set(r.flag_id, list);
    }
    const known = catalogue();
    const ids = new Set(known.map((f) => f.id));
    // Insider ids used by cases but not (yet) in the catalogue are listed too, without a title.
    const extra = [...casesOf.keys()].filter((id) => !ids.has(id)).sort();
    return [
      ...known.map((f) => ({
        id: f.id,
        module: f.module,
        title: f.title as Bilingual | null,
        question: f.question ?? null,
        cases: casesOf.get(f.id) ?? [],
      })),
      ...extra.map((id) => ({
        id,
        module: id.startsWith("I-") ? "insider" : "unknown",
        title: null,
        question: null,
        cases: casesOf.get(id) ?? [],
      })),
    ];
  }

  /**
   * Adds the built-in cases that are missing (by slug) — never overwrites a case an admin edited.
   * Runs at start-up so every installation has the library.
   */
  async function installBuiltIns(actor: Actor): Promise<string[]> {
    const taken = new Set(
      await repo.slugsTaken(
        db,
        BUILT_IN_CASES.map((c) => c.slug),
      ),
    );
    const added: string[] = [];
    for (const c of BUILT_IN_CASES) {
      if (taken.has(c.slug)) continue;
      await create(actor, { slug: c.slug, status: c.status, content: c.content }, true);
      added.push(c.slug);
    }
    return added;
  }

  return {
    create,
    update,
    related,
    flags,
    installBuiltIns,
    async list(
      actor: Actor,
      q: { q?: string | undefined; flag?: string | undefined; includeDrafts?: boolean | undefined },
    ) {
      const rows = await repo.list(db, {
        includeDrafts: !!q.includeDrafts && canReadDrafts(actor),
        folded: q.q?.normalize("NFKC").toLowerCase().trim() || undefined,
        flag: q.flag,
      });
      return rows.map(listItem);
    },
    async get(actor: Actor, key: string): Promise<CaseView> {
      return toView(db, actor, await load(db, actor, key));
    },
    async flag(id: string) {
      const all = await flags();
      const f = all.find((x) => x.id === id);
      if (!f) throw notFound({ ja: "赤旗", en: "Red flag" });
      return f;
    },
    async history(actor: Actor, key: string) {
      const row = await load(db, actor, key);
      return audit.forEntity("case", row.id);
    },
    /** Case ids by slug (for training modules built from cases). */
    async idsForSlugs(exec: Executor, slugs: string[]): Promise<Map<string, string>> {
      const out = new Map<string, string>();
      for (const slug of slugs) {
        const row = await repo.findBySlug(exec, slug);
        if (row) out.set(slug, row.id);
      }
      return out;
    },
    canEdit,
    canReadDrafts,
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
