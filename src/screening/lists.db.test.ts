import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../shared/actor.js";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";
import { FIXTURES, scratchDir } from "./importers/test-helpers.js";

const UN = path.join(FIXTURES, "un-consolidated.xml");
const actor = systemActor("test");
const scratch = scratchDir();
let t: TestApp;
let admin: TestUser;
let officer: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs(["admin"]);
  officer = await t.loginAs(["secretariat"]);
});
afterAll(async () => {
  await t?.close();
  scratch.remove();
});

function multipart(fields: Record<string, string>, files: { name: string; content: Buffer | string }[]) {
  const boundary = "----sekimoriTestBoundary";
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

async function auditActions(): Promise<string[]> {
  const rows = await t.services.db.selectFrom("audit_log").select("action").orderBy("id").execute();
  return rows.map((r) => r.action);
}

describe("list snapshots", () => {
  it("imports a list as an active, versioned snapshot with counts and an audit row", async () => {
    const snapshot = await t.services.lists.importList(actor, { files: [UN], format: "un_xml" });
    expect(snapshot).toMatchObject({
      source: "un",
      version: 1,
      status: "active",
      format: "un_xml",
      fileNames: ["un-consolidated.xml"],
      entityCount: 3,
      nameCount: 9,
      schemaCounts: { Person: 2, Organization: 1 },
      importedBy: "test",
    });
    expect(snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
    const row = await t.services.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "list.imported")
      .executeTakeFirstOrThrow();
    expect(row.entity_id).toBe(snapshot.id);
    expect(row.after).toMatchObject({ source: "un", version: 1, entities: 3, names: 9 });
  });

  it("serves active entities in batches and one entity by id", async () => {
    const batches = [];
    for await (const batch of t.services.lists.iterateActiveEntities({ batchSize: 2 })) batches.push(batch);
    expect(batches.map((b) => b.length)).toEqual([2, 1]);
    const kim = batches[0]![0]!;
    expect(kim).toMatchObject({ source: "un", sourceId: "KPi.901", schema: "Person", countries: ["KP"] });
    const one = await t.services.lists.getEntity(kim.id);
    expect(one.names[0]!.name).toBe("TARO EXAMPLE KIM");
    expect(one.snapshot.status).toBe("active");
  });

  it("a failed import leaves the previous snapshot active, stores nothing and is audited", async () => {
    const before = await t.services.lists.activeSnapshots();
    const broken = scratch.write("broken.xml", readFileSync(UN, "utf8").slice(0, 2500));
    await expect(
      t.services.lists.importList(actor, { files: [broken], format: "un_xml", source: "un" }),
    ).rejects.toMatchObject({
      status: 422,
      code: "import_failed",
    });
    expect(await t.services.lists.activeSnapshots()).toEqual(before);
    const failed = await t.services.lists.listSnapshots({
      source: "un",
      status: "failed",
      page: 1,
      pageSize: 5,
    });
    expect(failed.items).toHaveLength(1);
    expect(failed.items[0]!.error).toMatch(/broken\.xml, line \d+/);
    const leftovers = await t.services.db
      .selectFrom("list_entities")
      .select("id")
      .where("snapshot_id", "=", failed.items[0]!.id)
      .execute();
    expect(leftovers).toHaveLength(0);
    expect(await auditActions()).toContain("list.import_failed");
  });

  it("a new snapshot supersedes the old one and the diff names added, changed and removed entries", async () => {
    const [v1] = await t.services.lists.activeSnapshots();
    const changed = readFileSync(UN, "utf8")
      .replace("<LISTED_ON>2011-03-04</LISTED_ON>", "<LISTED_ON>2011-03-05</LISTED_ON>")
      .replace("KPe.903", "KPe.904");
    const v2 = await t.services.lists.importList(actor, {
      files: [scratch.write("consolidated.xml", changed)],
      format: "un_xml",
    });
    expect(v2).toMatchObject({ version: 3, status: "active" });
    expect((await t.services.lists.getSnapshot(v1!.id)).status).toBe("superseded");
    const diff = await t.services.lists.diffSnapshots(v1!.id, v2.id);
    expect({ added: diff.added, changed: diff.changed, removed: diff.removed }).toEqual({
      added: ["KPe.904"],
      changed: ["QDi.902"],
      removed: ["KPe.903"],
    });
    const ids = [];
    for await (const batch of t.services.lists.iterateActiveEntities())
      ids.push(...batch.map((e) => e.sourceId));
    expect(ids).toEqual(["KPi.901", "QDi.902", "KPe.904"]);
  });

  it("start-up recovery fails stale loading snapshots and removes their rows, but not fresh ones", async () => {
    const repo = (await import("./lists-repo.js")).createListsRepo();
    const db = t.services.db;
    const ids = ["00000000-0000-4000-8000-0000000000a1", "00000000-0000-4000-8000-0000000000a2"];
    for (const [i, id] of ids.entries()) {
      await repo.insertSnapshot(db, {
        id,
        source: "un",
        version: 100 + i,
        format: "un_xml",
        fileNames: ["x.xml"],
        sha256: "0".repeat(64),
        byteSize: 1,
        importedById: null,
        importedBy: "test",
        startedAt: new Date(Date.now() - (i === 0 ? 3_600_000 : 0)),
      });
    }
    await repo.insertEntities(db, [
      {
        id: "00000000-0000-4000-8000-0000000000b1",
        snapshot_id: ids[0]!,
        position: 1,
        source_id: "X",
        schema: "Person",
        primary_name: "X",
        names: [{ name: "X", kind: "primary" }],
        countries: [],
        birth_dates: [],
        identifiers: [],
        programs: [],
        listed_on: null,
        remarks: null,
        addresses: [],
        details: null,
        content_hash: "h",
      },
    ]);
    expect(await t.services.lists.recoverInterruptedImports(actor, 600_000)).toBe(1);
    expect((await t.services.lists.getSnapshot(ids[0]!)).status).toBe("failed");
    expect((await t.services.lists.getSnapshot(ids[1]!)).status).toBe("loading");
    expect(await repo.countEntities(db, ids[0]!)).toBe(0);
    expect(await t.services.lists.recoverInterruptedImports(actor, 0)).toBe(1);
  });

  it("keeps the entries of only the newest snapshots", async () => {
    const { createListsService } = await import("./lists-service.js");
    const { createListsRepo } = await import("./lists-repo.js");
    const lists = createListsService({
      db: t.services.db,
      repo: createListsRepo(),
      audit: t.services.audit,
      keepSnapshots: 1,
    });
    const file = scratch.write("w.csv", "id,name\n1,Example One\n");
    const a = await lists.importList(actor, { files: [file], format: "custom_csv", source: "custom:prune" });
    const b = await lists.importList(actor, { files: [file], format: "custom_csv", source: "custom:prune" });
    expect((await lists.getSnapshot(a.id)).entitiesPruned).toBe(true);
    expect((await lists.getSnapshot(b.id)).entitiesPruned).toBe(false);
    await expect(lists.diffSnapshots(a.id, b.id)).rejects.toMatchObject({ code: "snapshot_pruned" });
  });

  it("refuses an unknown format and an invalid list id before storing anything", async () => {
    const before = await t.services.lists.listSnapshots({ page: 1, pageSize: 200 });
    await expect(
      t.services.lists.importList(actor, { files: [UN], format: "pdf_magic" }),
    ).rejects.toMatchObject({
      code: "import_failed",
      message: expect.stringMatching(/unknown format "pdf_magic"/),
    });
    await expect(
      t.services.lists.importList(actor, { files: [UN], format: "un_xml", source: "Bad Id" }),
    ).rejects.toMatchObject({
      code: "invalid_source",
    });
    expect((await t.services.lists.listSnapshots({ page: 1, pageSize: 200 })).total).toBe(before.total);
  });
});

describe("list API", () => {
  it("lets an admin upload an OFAC CSV set and officers read sources, snapshots and entries", async () => {
    const dir = path.join(FIXTURES, "ofac-sdn");
    const body = multipart(
      { format: "ofac_csv" },
      ["sdn.csv", "add.csv", "alt.csv"].map((name) => ({
        name,
        content: readFileSync(path.join(dir, name)),
      })),
    );
    const res = await t.request(admin, "POST", "/api/lists/import", body.payload, body.headers);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      source: "ofac_sdn",
      status: "active",
      entityCount: 3,
      fileNames: ["sdn.csv", "add.csv", "alt.csv"],
    });

    const sources = (await t.request(officer, "GET", "/api/lists/sources")).json();
    expect(sources.items.map((s: { id: string }) => s.id)).toContain("ofac_sdn");
    const snapshotId = res.json().id;
    const entities = (
      await t.request(officer, "GET", `/api/lists/snapshots/${snapshotId}/entities?q=doe`)
    ).json();
    expect(entities.total).toBe(1);
    expect(entities.items[0]).toMatchObject({
      sourceId: "102",
      names: expect.arrayContaining([{ name: "SMITH, John", kind: "former" }]),
    });
    const one = await t.request(officer, "GET", `/api/lists/entities/${entities.items[0].id}`);
    expect(one.json()).toMatchObject({ sourceId: "102", snapshot: { id: snapshotId } });
  });

  it("answers a bad upload with 400/422 naming the problem, and officers may not import", async () => {
    const notMultipart = await t.request(admin, "POST", "/api/lists/import", {});
    expect(notMultipart.statusCode).toBe(400);
    const sjis = Buffer.from([0x88, 0xea, 0x94, 0xca, 0x0a]);
    const wrong = multipart({ format: "custom_csv", encoding: "utf8", source: "custom:enc" }, [
      { name: "list.csv", content: Buffer.concat([Buffer.from("id,name\n1,"), sjis]) },
    ]);
    const res = await t.request(admin, "POST", "/api/lists/import", wrong.payload, wrong.headers);
    expect(res.statusCode).toBe(422);
    // The admin's locale is Japanese: the message names file and line in Japanese.
    expect(res.json().error.message).toMatch(
      /^取り込めませんでした: list\.csv、2行目: UTF-8 として読めないバイト.*cp932.*以前のスナップショットが引き続き有効です$/,
    );
    const forbidden = await t.request(officer, "POST", "/api/lists/import", wrong.payload, wrong.headers);
    expect(forbidden.statusCode).toBe(403);
    const unknown = multipart({ format: "nope" }, [{ name: "x.csv", content: "a" }]);
    expect(
      (await t.request(admin, "POST", "/api/lists/import", unknown.payload, unknown.headers)).json().error
        .message,
    ).toMatch(/不明な形式です: "nope"/);
  });

  it("imports a Shift_JIS own watchlist as Excel saves it", async () => {
    const iconv = (await import("iconv-lite")).default;
    const csv = iconv.encode(
      "id,name,aliases,countries\nW1,株式会社テスト商事,テスト；TEST TRADING,日本\n",
      "cp932",
    );
    const file = scratch.write("watch.csv", csv);
    writeFileSync(file, csv);
    const snapshot = await t.services.lists.importList(actor, {
      files: [file],
      format: "custom_csv",
      source: "custom:own",
    });
    const [entity] = (await t.services.lists.listEntities(snapshot.id, { page: 1, pageSize: 10 })).items;
    expect(entity).toMatchObject({
      sourceId: "W1",
      countries: ["JP"],
      names: [
        { name: "株式会社テスト商事", kind: "primary" },
        { name: "テスト", kind: "alias" },
        { name: "TEST TRADING", kind: "alias" },
      ],
    });
  });
});
