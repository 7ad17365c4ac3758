import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kyselyForPglite, openPglite } from "./database.js";
import { createMigrator } from "./migrate.js";

// biome-ignore lint/suspicious/noExplicitAny: a scratch table outside the schema.
let db: Kysely<any>;

beforeAll(async () => {
  // biome-ignore lint/suspicious/noExplicitAny: a scratch table outside the schema.
  db = kyselyForPglite(await openPglite({})) as Kysely<any>;
  await sql`create table t (id int primary key, v text)`.execute(db);
});
afterAll(async () => {
  await db?.destroy();
});

const values = async () =>
  (await db.selectFrom("t").select(["id", "v"]).orderBy("id").execute()).map((r) => `${r.id}:${r.v}`);

describe("the PGlite dialect (Kysely 0.28, Node 20)", () => {
  it("runs queries, commits transactions and rolls back a failed one completely", async () => {
    await db.insertInto("t").values({ id: 1, v: "a" }).execute();
    await db.transaction().execute(async (tx) => {
      await tx.insertInto("t").values({ id: 2, v: "b" }).execute();
      await tx.updateTable("t").set({ v: "A" }).where("id", "=", 1).execute();
    });
    await expect(
      db.transaction().execute(async (tx) => {
        await tx.insertInto("t").values({ id: 3, v: "c" }).execute();
        await tx.insertInto("t").values({ id: 1, v: "duplicate" }).execute();
      }),
    ).rejects.toThrow(/duplicate key/);
    await expect(
      db.transaction().execute(async (tx) => {
        await tx.insertInto("t").values({ id: 4, v: "d" }).execute();
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await values()).toEqual(["1:A", "2:b"]);
    const result = await db.updateTable("t").set({ v: "x" }).where("id", ">", 0).executeTakeFirst();
    expect(result.numUpdatedRows).toBe(2n);
  });

  it("keeps concurrent transactions apart (one connection, serialised)", async () => {
    await sql`delete from t`.execute(db);
    const order: string[] = [];
    await Promise.all(
      [10, 20, 30].map((base) =>
        db.transaction().execute(async (tx) => {
          order.push(`begin ${base}`);
          await tx.insertInto("t").values({ id: base, v: "1" }).execute();
          await new Promise((r) => setTimeout(r, 5));
          await tx
            .insertInto("t")
            .values({ id: base + 1, v: "2" })
            .execute();
          order.push(`end ${base}`);
        }),
      ),
    );
    expect(order).toEqual(["begin 10", "end 10", "begin 20", "end 20", "begin 30", "end 30"]);
    expect(await values()).toHaveLength(6);
  });

  it("supports savepoints in controlled transactions", async () => {
    await sql`delete from t`.execute(db);
    const tx = await db.startTransaction().execute();
    await tx.insertInto("t").values({ id: 1, v: "kept" }).execute();
    const sp = await tx.savepoint("before second").execute();
    await sp.insertInto("t").values({ id: 2, v: "undone" }).execute();
    await sp.rollbackToSavepoint("before second").execute();
    await tx.commit().execute();
    expect(await values()).toEqual(["1:kept"]);
  });

  it("runs the project's migrations (no migration lock needed on one connection)", async () => {
    const fresh = kyselyForPglite(await openPglite({}));
    try {
      const { error, results } = await createMigrator(fresh).migrateToLatest();
      expect(error).toBeUndefined();
      expect(results?.every((r) => r.status === "Success")).toBe(true);
      const files = readdirSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations"));
      expect(results?.length).toBe(files.filter((f) => /^\d{4}-.*\.ts$/.test(f)).length);
    } finally {
      await fresh.destroy();
    }
  });
});
