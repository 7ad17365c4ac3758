import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { kyselyForPglite, kyselyForPostgres, openPglite } from "../db/database.js";
import { migrateToLatest } from "../db/migrate.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplateDatabase: string;
  }
}

/**
 * Migrates one template database for the whole run: a PGlite data-directory dump that each test
 * file loads, or (with TEST_DATABASE_URL) a PostgreSQL template database each test file copies.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "sekimori-test-"));
  const dumpFile = path.join(dir, "template.tar.gz");
  const pglite = await openPglite({});
  const db = kyselyForPglite(pglite);
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir("gzip");
  writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  await db.destroy();
  project.provide("pgliteTemplate", dumpFile);

  const url = process.env.TEST_DATABASE_URL;
  let templateName = "";
  if (url) {
    templateName = `sekimori_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${templateName}`);
    await admin.query(`CREATE DATABASE ${templateName}`);
    await admin.end();
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${templateName}`;
    const tdb = kyselyForPostgres(templateUrl.toString(), 1);
    await migrateToLatest(tdb);
    await tdb.destroy();
  }
  project.provide("pgTemplateDatabase", templateName);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (url && templateName) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${templateName}`);
      await admin.end();
    }
  };
}
