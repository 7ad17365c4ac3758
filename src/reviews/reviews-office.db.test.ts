import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SEEDERS, seedDemo } from "../app/demo.js";
import { SESSION_COOKIE } from "../http/server.js";
import { systemActor } from "../shared/actor.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { extractPdfText } from "./pdf-text.js";

/** The 取引審査票 of the demo's technology-provision review, as the secretariat prints it. */
let t: TestApp;
let text = "";
let flags: { id: string; title: { ja: string }; evidence: { ja: string } }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const wanted = new Set(["demo.foundation", "demo.screening", "demo.reviews_people"]);
  await seedDemo(
    t.services,
    systemActor("demo"),
    "demo password 123",
    () => {},
    DEMO_SEEDERS.filter((s) => wanted.has(s.key)),
  );
  await t.services.screeningIndex.refresh();
  const sato = await t.services.auth.findByUsername("sato");
  const actor = { id: sato!.id, label: "sato", roles: sato!.roles, locale: "ja" as const };
  const list = await t.services.reviews.list(actor, { scope: "all", page: 1, pageSize: 50 });
  const tech = list.items.find((i) => i.activityType === "technology_provision")!;
  const login = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username: "sato", password: "demo password 123" },
  });
  const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
  const headers = { cookie: `${SESSION_COOKIE}=${cookie}` };
  const view = await t.app.inject({ method: "GET", url: `/api/reviews/${tech.id}`, headers });
  flags = view.json().assessment.flags;
  const pdf = await t.app.inject({
    method: "GET",
    url: `/api/reviews/${tech.id}/forms/transaction?lang=ja`,
    headers,
  });
  expect(pdf.statusCode).toBe(200);
  text = extractPdfText(pdf.rawPayload).text.replace(/\n/g, "");
});
afterAll(async () => {
  await t?.close();
});

describe("the 取引審査票 reads like a form, not a data dump", () => {
  it("prints each red flag once, by its title (no ids)", () => {
    expect(flags.map((f) => f.id)).toEqual(expect.arrayContaining(["R-LIST-HIT", "R-TOKUTEI"]));
    for (const f of flags) {
      const evidence = f.evidence.ja.replace(/\s/g, "");
      const flat = text.replace(/\s/g, "");
      expect(flat.split(evidence).length - 1, `${f.id} evidence printed once`).toBe(1);
      expect(flat).toContain(f.title.ja.replace(/\s/g, ""));
    }
    expect(text).not.toMatch(/\[R-[A-Z-]+\]/);
  });

  it("names lists by their label and says they are demo samples", () => {
    expect(text).not.toContain("custom:demo-watchlist");
    expect(text).toContain("自組織のウォッチリスト（CSV テンプレート）（デモ用サンプル）");
  });

  it("prints times in the organisation's zone (JST), never UTC", () => {
    expect(text).toMatch(/出力日時: \d{4}\/\d{2}\/\d{2} \d{2}:\d{2} JST/);
    expect(text).not.toContain("UTC");
  });
});

describe("finding a review without its UUID", () => {
  it("searches the reference, the title and the applicant's name", async () => {
    const sato = await t.services.auth.findByUsername("sato");
    const actor = { id: sato!.id, label: "sato", roles: sato!.roles, locale: "ja" as const };
    const find = async (q: string) =>
      (await t.services.reviews.list(actor, { scope: "all", q, page: 1, pageSize: 20 })).items.map(
        (i) => i.title,
      );
    expect(await find("電解質")).toEqual(["山田太郎氏への電解質合成技術の提供"]);
    const tech = (await t.services.reviews.list(actor, { scope: "all", q: "電解質", page: 1, pageSize: 5 }))
      .items[0]!;
    expect(await find(tech.refNo)).toEqual([tech.title]);
    expect((await find("田中 電解質")).length).toBe(1); // every word must match
    expect(await find("存在しない件名")).toEqual([]);
    expect((await find("田中")).length).toBeGreaterThan(1); // the applicant's name
  });
});
