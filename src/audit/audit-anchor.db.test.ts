import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createServices, type Services } from "../app/services.js";
import { loadConfig } from "../config/config.js";
import type { DatabaseHandle } from "../db/database.js";
import { systemActor } from "../shared/actor.js";
import { createTestDatabase } from "../testing/test-db.js";
import { prepareAuditAnchor, replaceAuditKey } from "./audit-anchor.js";
import { chainHash } from "./audit-engine.js";

/**
 * The two attacks of issue 11 §4, done as someone with database rights would — plain SQL with the
 * append-only trigger switched off — against the real services (PGlite, and PostgreSQL in CI):
 * cutting rows from the end and moving the head back, and rewriting a row and re-hashing the chain
 * with the product's own hash function. Both left the hash chain "intact"; the key and the
 * checkpoints outside the database name them.
 */

let dir: string;
let handle: DatabaseHandle;
let services: Services;
const actor = systemActor("anchor-test");

function files() {
  return { keyFile: path.join(dir, "audit.key"), checkpointFile: path.join(dir, "audit-checkpoints.jsonl") };
}

async function servicesWithAnchor(mode: "create" | "optional" = "create") {
  const { anchor } = await prepareAuditAnchor(handle.db, { ...files(), by: "test", mode });
  const config = loadConfig({ SEKIMORI_CONFIG: "/nonexistent.json", SEKIMORI_DATA_DIR: dir });
  return createServices({ db: handle.db, config, auditAnchor: anchor });
}

async function addParties(n: number, from = 0) {
  for (let i = from; i < from + n; i++) {
    await services.parties.create(actor, { kind: "organization", names: [{ name: `検証用株式会社${i}` }] });
  }
}

/** SQL as an attacker runs it: the trigger that refuses UPDATE/DELETE is switched off first. */
async function asAttacker(statements: (db: typeof handle.db) => Promise<void>) {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(handle.db);
  await statements(handle.db);
  await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(handle.db);
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "sekimori-anchor-"));
  handle = await createTestDatabase();
  services = await servicesWithAnchor();
});
afterEach(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("audit anchored outside the database", () => {
  it("signs every row, writes checkpoints, and verifies intact", async () => {
    await addParties(4);
    const cp = await services.audit.checkpoint();
    expect(cp).toMatchObject({ kind: "checkpoint", id: 4 });
    expect(await services.audit.checkpoint()).toBeNull(); // the head did not move
    const rows = await handle.db.selectFrom("audit_log").select(["id", "mac"]).orderBy("id").execute();
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.mac ?? ""))).toBe(true);
    const result = await services.audit.verify();
    expect(result).toMatchObject({ ok: true, checked: 4, problems: [] });
    expect(result.anchor).toMatchObject({ key: "ok", signedRows: 4, checkpoints: 2 });
    const lines = readFileSync(files().checkpointFile, "utf8").trim().split("\n");
    expect(lines.map((l) => JSON.parse(l).kind)).toEqual(["key-created", "checkpoint"]);
  });

  it("names rows cut from the end with the head moved back (the hash chain alone said intact)", async () => {
    await addParties(6);
    await services.audit.checkpoint();
    await asAttacker(async (db) => {
      const keep = await db
        .selectFrom("audit_log")
        .select("hash")
        .where("id", "=", 4)
        .executeTakeFirstOrThrow();
      await sql`DELETE FROM audit_log WHERE id > 4`.execute(db);
      await sql`UPDATE audit_head SET last_id = 4, last_hash = ${keep.hash} WHERE id = 1`.execute(db);
    });
    const result = await services.audit.verify();
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.reason)).toEqual(["truncated"]);
    expect(result.broken).toMatchObject({ id: 5, reason: "truncated" });
    expect(result.problems[0]!.detail).toMatch(/^rows after 4 removed; checkpoint at 6 \(/);
    expect(result.problems[0]!.messages.ja).toContain("4行目より後の行が削除されています");
  });

  it("names a row rewritten and the chain re-hashed with the product's own function", async () => {
    await addParties(6);
    await asAttacker(async (db) => {
      const rows = await services.audit.iterate({});
      let prev: string | null = null;
      for await (const r of rows) {
        if (r.id < 3) {
          prev = r.hash;
          continue;
        }
        const after = r.id === 3 ? { ...(r.after as object), primaryName: "改ざん株式会社" } : r.after;
        const hash = chainHash(prev!, { ...r, after });
        await sql`UPDATE audit_log SET after = ${JSON.stringify(after)}::jsonb, prev_hash = ${prev}, hash = ${hash}
          WHERE id = ${r.id}`.execute(db);
        prev = hash;
      }
      await sql`UPDATE audit_head SET last_hash = ${prev} WHERE id = 1`.execute(db);
    });
    const result = await services.audit.verify();
    expect(result.ok).toBe(false);
    // The hash chain itself is consistent again — only the MACs tell.
    expect(result.checked).toBe(6);
    expect(result.problems).toEqual([expect.objectContaining({ reason: "mac_mismatch", id: 3, lastId: 6 })]);
    expect(result.problems[0]!.detail).toMatch(/^row 3's MAC does not match/);
  });

  it("names MACs stripped to pass rows off as written before the key", async () => {
    await addParties(3);
    await asAttacker(async (db) => {
      await sql`UPDATE audit_log SET mac = NULL WHERE id >= 2`.execute(db);
    });
    const result = await services.audit.verify();
    expect(result.problems).toEqual([expect.objectContaining({ reason: "mac_missing", id: 2, lastId: 3 })]);
  });

  it("names a checkpoint line moved back in the file (it needs the key to be signed)", async () => {
    await addParties(3);
    await services.audit.checkpoint();
    const file = files().checkpointFile;
    const lines = readFileSync(file, "utf8").trim().split("\n");
    const last = JSON.parse(lines[lines.length - 1]!);
    lines[lines.length - 1] = JSON.stringify({ ...last, id: 1 });
    writeFileSync(file, `${lines.join("\n")}\n`);
    const result = await services.audit.verify();
    expect(result.problems[0]).toMatchObject({ reason: "checkpoint_invalid" });
  });

  it("upgrades an existing database: older rows are reported unsigned and fixed by the key's checkpoint", async () => {
    // A database written before this version: no key file, rows without MACs.
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(path.join(tmpdir(), "sekimori-anchor-"));
    handle = await createTestDatabase();
    const config = loadConfig({ SEKIMORI_CONFIG: "/nonexistent.json", SEKIMORI_DATA_DIR: dir });
    services = createServices({ db: handle.db, config });
    await addParties(3);
    services = await servicesWithAnchor(); // first start of the new version: creates the key
    await addParties(2, 3);
    const result = await services.audit.verify();
    expect(result.ok).toBe(true);
    expect(result.anchor).toMatchObject({ signedRows: 2, unsignedRows: 3, firstSignedId: 4 });
    expect(result.notes[0]!.en).toMatch(/^3 rows \(up to row 3\) were written before the audit key existed/);
    // Rewriting an old row (re-hashing everything after it) is found by the key's checkpoint.
    await asAttacker(async (db) => {
      let prev: string | null = null;
      for await (const r of services.audit.iterate({})) {
        if (r.id < 2) {
          prev = r.hash;
          continue;
        }
        const after = r.id === 2 ? { forged: true } : r.after;
        const hash = chainHash(prev!, { ...r, after });
        await sql`UPDATE audit_log SET after = ${JSON.stringify(after)}::jsonb, prev_hash = ${prev}, hash = ${hash}
          WHERE id = ${r.id}`.execute(db);
        prev = hash;
      }
      await sql`UPDATE audit_head SET last_hash = ${prev} WHERE id = 1`.execute(db);
    });
    const forged = await services.audit.verify();
    expect(forged.problems.map((p) => [p.reason, p.id])).toEqual([
      ["checkpoint_mismatch", 3],
      ["mac_mismatch", 4],
    ]);
  });

  it("refuses to invent a new key for a signed log, and verify says the key is missing", async () => {
    await addParties(2);
    rmSync(files().keyFile);
    await expect(
      prepareAuditAnchor(handle.db, { ...files(), by: "test", mode: "create" }),
    ).rejects.toMatchObject({
      code: "audit_key_missing",
    });
    services = await servicesWithAnchor("optional");
    const result = await services.audit.verify();
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ reason: "key_missing" });
  });

  it("replaces a lost key: older rows are then fixed by the new key's checkpoint, still tamper-evident", async () => {
    await addParties(3);
    await services.audit.checkpoint();
    rmSync(files().keyFile); // lost
    const r = await replaceAuditKey(handle.db, {
      ...files(),
      by: "test",
      reason: "key file lost in disk failure",
    });
    expect(r).toMatchObject({ previousId: null, keptAs: null, head: 3 });
    services = await servicesWithAnchor();
    await addParties(2, 3);
    const result = await services.audit.verify();
    expect(result.problems).toEqual([]);
    expect(result.notes.some((n) => n.en.startsWith("the audit key was replaced on"))).toBe(true);
    expect(result.anchor).toMatchObject({ signedRows: 2 });
    await asAttacker(async (db) => {
      await sql`UPDATE audit_log SET after = '{"forged":true}'::jsonb WHERE id = 2`.execute(db);
    });
    expect((await services.audit.verify()).problems[0]).toMatchObject({ reason: "content_changed", id: 2 });
  });

  it("refuses a key file other users can read", async () => {
    chmodSync(files().keyFile, 0o644);
    await expect(
      prepareAuditAnchor(handle.db, { ...files(), by: "test", mode: "create" }),
    ).rejects.toMatchObject({
      code: "audit_key_permissions",
    });
  });
});
