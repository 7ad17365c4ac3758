import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LISTS, demoListsDir } from "../app/demo.js";
import { systemActor } from "../shared/actor.js";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";

let t: TestApp;
let applicant: TestUser;
const un = DEMO_LISTS.find((l) => l.source === "un")!;

beforeAll(async () => {
  t = await createTestApp();
  applicant = await t.loginAs(["applicant"]);
});
afterAll(async () => {
  await t?.close();
});

async function labels() {
  const res = await t.request(applicant, "GET", "/api/lists/labels");
  expect(res.statusCode).toBe(200);
  return res.json().items as { id: string; label: { ja: string }; sample: boolean }[];
}

describe("demo sample lists are labelled as samples until a real list is imported", () => {
  it("marks a sample import, names it in CSVs, and drops the mark when the official file replaces it", async () => {
    const file = path.join(demoListsDir(), un.file);
    const sample = await t.services.lists.importList(systemActor("setup"), {
      files: [file],
      format: un.format,
      source: un.source,
      sample: true,
    });
    expect(sample.sample).toBe(true);
    // Every role that sees a result can ask which lists are samples.
    expect(await labels()).toEqual([
      { id: "un", label: { ja: "国連安保理 統合制裁リスト（XML）", en: expect.any(String) }, sample: true },
    ]);
    expect((await t.services.lists.listNamer("ja"))("un")).toBe(
      "国連安保理 統合制裁リスト（XML）（デモ用サンプル）",
    );
    expect((await t.services.lists.listNamer("en"))("un")).toMatch(/\(demo sample\)$/);

    // An import that is not a sample (the official file) becomes the active snapshot: no mark.
    const real = await t.services.lists.importList(systemActor("setup"), {
      files: [file],
      format: un.format,
      source: un.source,
    });
    expect(real.sample).toBe(false);
    expect((await labels())[0]!.sample).toBe(false);
    expect((await t.services.lists.listNamer("ja"))("un")).toBe("国連安保理 統合制裁リスト（XML）");
  });
});
