import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, kyselyForPglite, openPglite } from "./database.js";
import { adminSocketPath, connectLocalAdmin, type LocalAdminServer, startLocalAdmin } from "./local-admin.js";

/**
 * The admin socket's contract, over a real Unix socket (server and client in this process): the
 * client's SQL runs in the server's database with values and errors intact, a client that goes away
 * or falls silent inside a transaction has it rolled back, and only the holder of the secret gets in.
 */
let dir: string;
let db: Db;
let server: LocalAdminServer;
const token = randomBytes(32).toString("hex");
const backupBytes = randomBytes(9 * 1024 * 1024 + 123);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "sekimori-admin-"));
  db = kyselyForPglite(await openPglite({}));
  await sql`CREATE TABLE t (id int PRIMARY KEY, at timestamptz, data bytea, doc jsonb, n bigint)`.execute(db);
  server = await startLocalAdmin({
    db,
    socketPath: adminSocketPath(dir),
    token,
    info: { auditKeyId: "k1" },
    holdTimeoutMs: 1500,
    backup: async () => ({ bytes: new Uint8Array(backupBytes), head: { lastId: 7, lastHash: "h" } }),
  });
}, 120_000);
afterAll(async () => {
  await server.close();
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const connect = () => connectLocalAdmin(server.socketPath, token, { command: "test" });
const count = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM t`.execute(db)).rows[0]!.n;

describe("local admin socket", () => {
  it("is private to its owner and refuses a client without the secret", async () => {
    expect(statSync(server.socketPath).mode & 0o777).toBe(0o600);
    await expect(connectLocalAdmin(server.socketPath, "wrong", { command: "x" })).rejects.toThrow(
      /not authorised/,
    );
  });

  it("runs the client's queries in the server's database, values intact", async () => {
    const client = await connect();
    expect(client.serverInfo.auditKeyId).toBe("k1");
    const at = new Date("2026-01-02T03:04:05.678Z");
    await client.db.transaction().execute(async (tx) => {
      await sql`INSERT INTO t VALUES (1, ${at}, ${Buffer.from([0, 1, 255])}, ${JSON.stringify({ 名前: "関守" })}, 9007199254740993)`.execute(
        tx,
      );
    });
    const row = (
      await sql<{
        at: Date;
        data: Uint8Array;
        doc: unknown;
      }>`SELECT at, data, doc FROM t WHERE id = 1`.execute(client.db)
    ).rows[0]!;
    expect(row.at).toEqual(at);
    expect([...row.data]).toEqual([0, 1, 255]);
    expect(row.doc).toEqual({ 名前: "関守" });
    expect(await count()).toBe(1); // the server sees it: the same database
    await client.close();
  });

  it("passes database errors through with their code", async () => {
    const client = await connect();
    await expect(sql`INSERT INTO t (id) VALUES (1)`.execute(client.db)).rejects.toMatchObject({
      code: "23505",
    });
    // …and rolls back the client's transaction that failed.
    await expect(
      client.db.transaction().execute(async (tx) => {
        await sql`INSERT INTO t (id) VALUES (2)`.execute(tx);
        await sql`INSERT INTO t (id) VALUES (1)`.execute(tx);
      }),
    ).rejects.toMatchObject({ code: "23505" });
    expect(await count()).toBe(1);
    await client.close();
  });

  it("rolls back the open transaction of a client that disconnects, and frees the database", async () => {
    const client = await connect();
    let inside!: () => void;
    const reached = new Promise<void>((r) => {
      inside = r;
    });
    void client.db
      .transaction()
      .execute(async (tx) => {
        await sql`INSERT INTO t (id) VALUES (3)`.execute(tx);
        inside();
        await new Promise(() => {}); // never commits
      })
      .catch(() => {});
    await reached;
    await client.close();
    expect(await count()).toBe(1); // the server's own query runs again: the connection was released
  });

  it("cuts off a client that holds the database silently, rolling back", async () => {
    const client = await connect();
    let inside!: () => void;
    const reached = new Promise<void>((r) => {
      inside = r;
    });
    const stuck = client.db.transaction().execute(async (tx) => {
      await sql`INSERT INTO t (id) VALUES (4)`.execute(tx);
      inside();
      await new Promise((r) => setTimeout(r, 4000));
      await sql`INSERT INTO t (id) VALUES (5)`.execute(tx);
    });
    await reached;
    expect(await count()).toBe(1); // waited for the hold timeout (1.5 s), then rolled back
    await expect(stuck).rejects.toThrow(/connection to the Sekimori server was lost/);
    await client.close();
  });

  it("streams a backup in chunks, in order", async () => {
    const client = await connect();
    const chunks: Uint8Array[] = [];
    const result = await client.backup((c) => {
      chunks.push(c);
    });
    expect(chunks.length).toBeGreaterThan(2);
    expect(Buffer.concat(chunks).equals(backupBytes)).toBe(true);
    expect(result).toEqual({ bytes: backupBytes.length, head: { lastId: 7, lastHash: "h" } });
    await client.close();
  });
});
