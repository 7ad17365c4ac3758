import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type DatabaseHandle, kyselyForPglite, kyselyForPostgres, openPglite } from "../db/database.js";

/**
 * A fresh, migrated database for one test file: PGlite loaded from the run's template, or — when
 * TEST_DATABASE_URL is set (in .ci/run) — a new PostgreSQL database copied from the template.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  const template = inject("pgTemplateDatabase");
  if (url && template) {
    const name = `sekimori_t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const db = kyselyForPostgres(dbUrl.toString(), 5);
    return {
      db,
      kind: "postgres",
      location: name,
      async close() {
        await db.destroy();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dump = readFileSync(inject("pgliteTemplate"));
  const pglite = await openPglite({ loadDataDir: new Blob([dump]) });
  const db = kyselyForPglite(pglite);
  return { db, kind: "pglite", location: "memory", close: () => db.destroy() };
}
