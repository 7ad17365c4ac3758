import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResult,
  Migrator,
  sql,
} from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema version.
type AnyDb = Kysely<any>;

const migrationFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * Loads `NNNN-name.ts` (or `.js` once built) from the migrations folder. The import happens here,
 * not inside Kysely, so the test runner can load TypeScript migrations too.
 */
const folderProvider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const file of readdirSync(migrationFolder).sort()) {
      const match = /^(\d{4}-[a-z0-9-]+)\.(ts|js)$/.exec(file);
      if (!match || file.endsWith(".d.ts")) continue;
      const mod = (await import(pathToFileURL(path.join(migrationFolder, file)).href)) as Migration;
      migrations[match[1]!] = mod;
    }
    return migrations;
  },
};

/** The migrator over `src/db/migrations` (raw SQL files named NNNN-name, numbered by module range). */
export function createMigrator(db: AnyDb): Migrator {
  return new Migrator({
    db,
    provider: folderProvider,
    // Modules own number ranges (see docs/architecture.md); a branch may land a lower number later.
    allowUnorderedMigrations: true,
  });
}

/** Raised when a migration fails, with the migration's name and the database's message. */
export class MigrationError extends Error {}

/**
 * Brings the schema to the newest version, the same way for PGlite and PostgreSQL; each migration
 * runs in its own transaction so a failure leaves the previous version intact.
 */
export async function migrateToLatest(
  db: AnyDb,
  onStep?: (result: MigrationResult) => void,
): Promise<MigrationResult[]> {
  const { error, results } = await createMigrator(db).migrateToLatest();
  for (const result of results ?? []) onStep?.(result);
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    const cause = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${failed?.migrationName ?? "(unknown)"} failed: ${cause}`, {
      cause: error,
    });
  }
  return results ?? [];
}

/** True once every known migration has run — `/api/health` reports ready only then. */
export async function isSchemaCurrent(db: AnyDb): Promise<boolean> {
  const migrations = await createMigrator(db).getMigrations();
  return migrations.every((m) => m.executedAt !== undefined);
}

/** Lists the tables, for diagnostics and tests. */
export async function listTables(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`.execute(
    db,
  );
  return rows.map((r) => r.table_name);
}
