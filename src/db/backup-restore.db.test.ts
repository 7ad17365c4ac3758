import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { prepareAuditAnchor } from "../audit/audit-anchor.js";
import { createAuditRepo } from "../audit/audit-repo.js";
import { createAuditService } from "../audit/audit-service.js";
import { createPartiesRepo } from "../parties/parties-repo.js";
import { createPartiesService } from "../parties/parties-service.js";
import { createPartyReferencesRepo } from "../parties/party-references-repo.js";
import { systemActor } from "../shared/actor.js";
import { createTestDatabase } from "../testing/test-db.js";
import { dumpEmbedded, loadBackupBeside } from "./backup.js";
import { type Db, kyselyForPostgres, openDatabase } from "./database.js";
import { migrateToLatest } from "./migrate.js";

/**
 * Backup and restore on both backends, with the audit log checked after the restore: PGlite with
 * `dumpEmbedded`/`loadBackupBeside` (what `sekimori backup`/`restore` use), PostgreSQL with the
 * documented pg_dump --format=custom / pg_restore (when TEST_DATABASE_URL is set, as in .ci/run).
 * Rows written after the backup are named as lost until the restore is recorded in the checkpoint
 * file; after that the restored log verifies intact.
 */
const dir = mkdtempSync(path.join(tmpdir(), "sekimori-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const actor = systemActor("backup-test");
const files = {
  keyFile: path.join(dir, "audit.key"),
  checkpointFile: path.join(dir, "audit-checkpoints.jsonl"),
};

async function servicesFor(db: Db) {
  const { anchor } = await prepareAuditAnchor(db, { ...files, by: "test", mode: "create" });
  const audit = createAuditService({ db, repo: createAuditRepo(), anchor });
  return {
    audit,
    parties: createPartiesService({
      db,
      repo: createPartiesRepo(),
      references: createPartyReferencesRepo(),
      audit,
    }),
  };
}

async function addParties(s: Awaited<ReturnType<typeof servicesFor>>, names: string[]) {
  for (const name of names) await s.parties.create(actor, { kind: "organization", names: [{ name }] });
  await s.audit.checkpoint();
}

/** After a restore: rows written after the backup are reported missing until the restore is recorded. */
async function expectRestoredAndVerified(restored: Db, headAtBackup: number, headBefore: number) {
  const s = await servicesFor(restored);
  const before = await s.audit.verify();
  expect(before.headId).toBe(headAtBackup);
  expect(before.problems).toEqual([
    expect.objectContaining({ reason: "truncated", id: headAtBackup + 1, lastId: headBefore }),
  ]);
  await s.audit.checkpoint("restore", "backup-restore test");
  const after = await s.audit.verify();
  expect(after).toMatchObject({ ok: true, problems: [] });
  expect(after.notes.some((n) => n.en.startsWith("restored from a backup"))).toBe(true);
  const names = await restored.selectFrom("parties").select("primary_name").orderBy("primary_name").execute();
  expect(names.map((n) => n.primary_name)).toEqual(["バックアップ前株式会社A", "バックアップ前株式会社B"]);
}

describe("backup and restore", () => {
  it("restores a backup and verifies its audit log against the key and checkpoints", async () => {
    const url = process.env.TEST_DATABASE_URL;
    if (url) {
      // PostgreSQL: the documented pg_dump / pg_restore.
      const handle = await createTestDatabase();
      const source = new URL(url);
      source.pathname = `/${handle.location}`;
      const s = await servicesFor(handle.db);
      await addParties(s, ["バックアップ前株式会社A", "バックアップ前株式会社B"]);
      const headAtBackup = (await s.audit.verify()).headId;
      const file = path.join(dir, "pg.dump");
      execFileSync("pg_dump", ["--format=custom", "--file", file, source.toString()]);
      await addParties(s, ["バックアップ後株式会社C"]);
      const headBefore = (await s.audit.verify()).headId;
      await handle.close();

      const name = `sekimori_restore_${randomBytes(5).toString("hex")}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      execFileSync("pg_restore", ["--no-owner", "--dbname", target.toString(), file]);
      const restored = kyselyForPostgres(target.toString(), 2);
      try {
        await migrateToLatest(restored);
        await expectRestoredAndVerified(restored, headAtBackup, headBefore);
      } finally {
        await restored.destroy();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
      return;
    }
    // The embedded database: a file-backed PGlite folder, as `sekimori backup`/`restore` handle it.
    const dataDir = path.join(dir, "data");
    const handle = await openDatabase({ dataDir, throughServer: false });
    let headAtBackup: number;
    let headBefore: number;
    try {
      await migrateToLatest(handle.db);
      const s = await servicesFor(handle.db);
      await addParties(s, ["バックアップ前株式会社A", "バックアップ前株式会社B"]);
      const dump = await dumpEmbedded(handle.db, handle.pglite!);
      headAtBackup = dump.head.lastId;
      expect(headAtBackup).toBe((await s.audit.verify()).headId);
      const { writeFileSync } = await import("node:fs");
      writeFileSync(path.join(dir, "embedded.tar.gz"), dump.bytes);
      await addParties(s, ["バックアップ後株式会社C"]);
      headBefore = (await s.audit.verify()).headId;
    } finally {
      await handle.close();
    }
    const loaded = await loadBackupBeside(dataDir, path.join(dir, "embedded.tar.gz"));
    try {
      await migrateToLatest(loaded.db);
      await expectRestoredAndVerified(loaded.db, headAtBackup, headBefore);
    } finally {
      await loaded.discard();
    }
  }, 600_000);
});
