import { randomUUID } from "node:crypto";
import type { AuditWriter } from "../audit/audit-service.js";
import type { Db, Executor } from "../db/database.js";
import { COUNTRY_CODES } from "../parties/parties-engine.js";
import { type Actor, hasAnyRole } from "../shared/actor.js";
import { forbidden, invalid } from "../shared/errors.js";
import {
  BUILT_IN_COUNTRY_GROUPS,
  type CountryGroupTable,
  lookupCountry,
  parseCountryGroupTable,
} from "./country-groups.js";
import type { ExportControlRepo } from "./export-control-repo.js";

/**
 * The country-group table in force: the one the office imported last (and activated), else the
 * built-in table. Importing a new table (same JSON format, every edition dated and sourced) changes
 * the law's tables without a code change; each import is audited and kept.
 */
export function createCountryGroupsService(deps: { db: Db; repo: ExportControlRepo; audit: AuditWriter }) {
  const { db, repo, audit } = deps;
  let cache: { table: CountryGroupTable; source: "built_in" | "imported"; id: string | null } | null = null;
  let cachedAt = 0;

  /**
   * The table in force. Pass the transaction when called inside one (PGlite has a single connection).
   * Cached for a minute so other processes' imports are picked up on a PostgreSQL server.
   */
  async function current(exec: Executor = db): Promise<{
    table: CountryGroupTable;
    source: "built_in" | "imported";
    id: string | null;
  }> {
    if (cache && Date.now() - cachedAt < 60_000) return cache;
    const row = await repo.activeCountryGroupTable(exec);
    cachedAt = Date.now();
    cache = row
      ? { table: row.content as CountryGroupTable, source: "imported", id: row.id }
      : { table: BUILT_IN_COUNTRY_GROUPS, source: "built_in", id: null };
    return cache;
  }

  return {
    current,
    /** The table the engines use now (pass the transaction when inside one). */
    table: async (exec?: Executor) => (await current(exec)).table,
    async lookup(country: string, date: string) {
      return lookupCountry((await current()).table, country, date);
    },
    async history() {
      const rows = await repo.listCountryGroupTables(db);
      return rows.map((r) => ({
        id: r.id,
        title: r.title as { ja: string; en: string },
        note: r.note,
        active: r.active,
        importedAt: new Date(r.imported_at).toISOString(),
      }));
    },
    /** Validates and activates an imported table; nothing changes when any field is wrong. */
    async importTable(actor: Actor, input: unknown, note: string | null) {
      if (!hasAnyRole(actor, ["secretariat", "admin"]))
        throw forbidden({
          ja: "国・地域グループの更新は事務局が行います",
          en: "The secretariat updates the country groups",
        });
      const parsed = parseCountryGroupTable(input, COUNTRY_CODES);
      if (!parsed.table)
        throw invalid(parsed.problems, {
          ja: "国・地域グループの表に誤りがあります（何も変更していません）",
          en: "The country-group table has errors (nothing was changed)",
        });
      const id = randomUUID();
      await db.transaction().execute(async (tx) => {
        await repo.insertCountryGroupTable(tx, {
          id,
          title: parsed.table.title,
          content: parsed.table,
          note: note?.trim() || null,
          importedBy: actor.id,
        });
        await audit.write(tx, actor, {
          action: "country_groups.imported",
          entityType: "country_groups",
          entityId: id,
          after: {
            title: parsed.table.title,
            editions: parsed.table.editions.map((e) => ({
              id: e.id,
              group: e.group,
              effectiveFrom: e.effectiveFrom,
              members: e.members.length,
            })),
            note,
          },
        });
      });
      cache = null;
      return current();
    },
    /** Goes back to the built-in table. */
    async useBuiltIn(actor: Actor) {
      if (!hasAnyRole(actor, ["secretariat", "admin"]))
        throw forbidden({
          ja: "国・地域グループの更新は事務局が行います",
          en: "The secretariat updates the country groups",
        });
      await db.transaction().execute(async (tx) => {
        await repo.deactivateCountryGroupTables(tx);
        await audit.write(tx, actor, {
          action: "country_groups.built_in",
          entityType: "country_groups",
          entityId: null,
        });
      });
      cache = null;
      return current();
    },
  };
}

export type CountryGroupsService = ReturnType<typeof createCountryGroupsService>;
