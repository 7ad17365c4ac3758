import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";

/**
 * The directory admin API over HTTP: the CSV preview/apply answer, the sync history and the entries
 * are serialised through their response schemas, so each must equal what the service returns —
 * every event kind with its own fields (a field the schema forgot would be dropped).
 */
let t: TestApp;
let admin: TestUser;

const asJson = (v: unknown) => JSON.parse(JSON.stringify(v));
const HEADER =
  "職員番号,ユーザー名,氏名,フリガナ,氏名(ローマ字),メール,所属,職名,上長,区分,着任日,退職日,退職届出日";
const base64 = (rows: string[]) =>
  Buffer.from(`${[HEADER, ...rows].join("\r\n")}\r\n`, "utf8").toString("base64");

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs(["admin"], "http_directory_admin");
});
afterAll(async () => {
  await t?.close();
});

describe("directory over HTTP", () => {
  it("answers CSV imports, syncs and entries with every field the service returns", async () => {
    const first = await t.request(admin, "POST", "/api/directory/csv", {
      fileName: "hr.csv",
      contentBase64: base64([
        "E001,tanaka,田中 一郎,タナカ イチロウ,Tanaka Ichiro,tanaka@univ.example,工学研究科,教授,,研究者,2020-04-01,,",
        "E002,sato,佐藤 花子,サトウ ハナコ,Sato Hanako,sato@univ.example,理学研究科,准教授,,研究者,2021-04-01,,",
      ]),
      mode: "apply",
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().counts.joiner).toBe(2);
    expect(first.json().events[0]).toEqual({
      kind: "joiner",
      userName: expect.any(String),
      returning: false,
    });
    // A move (department), a departure with its dates, in one preview.
    const preview = await t.request(admin, "POST", "/api/directory/csv", {
      fileName: "hr2.csv",
      contentBase64: base64([
        "E001,tanaka,田中 一郎,タナカ イチロウ,Tanaka Ichiro,tanaka@univ.example,情報学研究科,教授,,研究者,2020-04-01,,",
        "E002,sato,佐藤 花子,サトウ ハナコ,Sato Hanako,sato@univ.example,理学研究科,准教授,,研究者,2021-04-01,2099-03-31,2099-01-10",
      ]),
      mode: "preview",
    });
    expect(preview.statusCode).toBe(200);
    const byKind = Object.fromEntries(
      preview.json().events.map((e: { kind: string }) => [e.kind, e] as const),
    ) as Record<string, Record<string, unknown>>;
    expect(byKind.mover).toMatchObject({ userName: "tanaka", changes: [{ field: "department" }] });
    expect(byKind.mover!.changes).toEqual([
      { field: "department", before: "工学研究科", after: "情報学研究科" },
    ]);
    expect(byKind.departure).toEqual({
      kind: "departure",
      userName: "sato",
      noticeDate: "2099-01-10",
      endDate: "2099-03-31",
    });

    const syncs = await t.request(admin, "GET", "/api/directory/syncs");
    expect(syncs.statusCode).toBe(200);
    expect(syncs.json().items).toEqual(asJson(await t.services.directory.recentSyncs(30)));
    expect(syncs.json().items[0].events.length).toBeGreaterThan(0);
    const entries = await t.request(admin, "GET", "/api/directory/entries");
    expect(entries.statusCode).toBe(200);
    expect(entries.json().items).toEqual(asJson(await t.services.directory.entries()));
    expect(entries.json().items).toHaveLength(2);
  });
});
