import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";

let t: TestApp;
let officer: TestUser;
let secretariat: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.loginAs(["unit_officer"]);
  secretariat = await t.loginAs(["secretariat"]);
  const seed = [
    {
      kind: "organization",
      names: [
        { name: "ハルビン工業大学" },
        { name: "Harbin Institute of Technology" },
        { name: "哈尔滨工业大学" },
      ],
      country: "CN",
    },
    {
      kind: "organization",
      names: [{ name: "株式会社東芝" }, { name: "Toshiba Corporation" }],
      country: "JP",
      tags: ["取引先"],
    },
    {
      kind: "organization",
      names: [{ name: "Korea Mining Development Trading Corporation" }, { name: "조선광업개발무역회사" }],
      country: "KP",
    },
    {
      kind: "person",
      names: [{ name: "やまだ たろう" }, { name: "YAMADA Taro" }],
      country: "JP",
      birthDate: "1985-04-12",
    },
    { kind: "organization", names: [{ name: "Ｓａｍｐｌｅ　Ｔｒａｄｉｎｇ" }], country: "JP" },
  ];
  for (const p of seed) {
    const res = await t.request(officer, "POST", "/api/parties", p);
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
});

const search = async (q: string) => {
  const res = await t.request(officer, "GET", `/api/parties?q=${encodeURIComponent(q)}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: { primaryName: string }[]; total: number };
};

describe("parties directory", () => {
  it("finds a party by part of its Japanese name", async () => {
    expect((await search("工業大")).items.map((p) => p.primaryName)).toContain("ハルビン工業大学");
    expect((await search("東芝")).items[0]!.primaryName).toBe("株式会社東芝");
  });

  it("finds names in other scripts and ignores case and width", async () => {
    expect((await search("harbin")).items[0]!.primaryName).toBe("ハルビン工業大学");
    expect((await search("工业")).items[0]!.primaryName).toBe("ハルビン工業大学");
    expect((await search("광업")).items[0]!.primaryName).toBe("Korea Mining Development Trading Corporation");
    expect((await search("sample trading")).items[0]!.primaryName).toBe("Ｓａｍｐｌｅ Ｔｒａｄｉｎｇ");
  });

  it("matches hiragana to katakana", async () => {
    expect((await search("ハルビン")).total).toBe(1);
    expect((await search("はるびん")).total).toBe(1);
  });

  it("finds a misspelled Latin name by similarity", async () => {
    expect((await search("Harbin Institut of Tecnology")).items[0]!.primaryName).toBe("ハルビン工業大学");
  });

  it("stores names and notes with SQL and HTML metacharacters verbatim", async () => {
    const nasty = `Robert'); DROP TABLE parties;-- <script>alert("x")</script> & 100%_`;
    const res = await t.request(officer, "POST", "/api/parties", {
      kind: "organization",
      names: [{ name: nasty }],
      notes: nasty,
    });
    expect(res.statusCode).toBe(201);
    const got = await t.request(officer, "GET", `/api/parties/${res.json().id}`);
    expect(got.json().primaryName).toBe(nasty);
    expect(got.json().notes).toBe(nasty);
    expect((await search("100%_")).items.map((p) => p.primaryName)).toEqual([nasty]);
  });

  it("edits with optimistic concurrency and keeps the history", async () => {
    const created = (
      await t.request(officer, "POST", "/api/parties", {
        kind: "organization",
        names: [{ name: "Old Name Ltd" }],
      })
    ).json();
    const body = {
      kind: "organization",
      names: [{ name: "New Name Ltd" }, { name: "Old Name Ltd", kind: "former" }],
      version: created.version,
    };
    const updated = await t.request(officer, "PUT", `/api/parties/${created.id}`, body);
    expect(updated.statusCode).toBe(200);
    expect(updated.json().names.map((n: { kind: string }) => n.kind)).toEqual(["primary", "former"]);
    const stale = await t.request(officer, "PUT", `/api/parties/${created.id}`, body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
    const history = (await t.request(officer, "GET", `/api/parties/${created.id}/history`)).json();
    expect(history.items.map((h: { action: string }) => h.action)).toEqual([
      "party.updated",
      "party.created",
    ]);
    expect(history.items[0].before.primaryName).toBe("Old Name Ltd");
    expect(history.items[0].after.primaryName).toBe("New Name Ltd");
  });

  it("archives instead of deleting; archived parties leave the default list", async () => {
    const created = (
      await t.request(officer, "POST", "/api/parties", {
        kind: "organization",
        names: [{ name: "Archivable KK" }],
      })
    ).json();
    expect((await t.request(officer, "POST", `/api/parties/${created.id}/archive`, {})).statusCode).toBe(403);
    expect(
      (await t.request(secretariat, "POST", `/api/parties/${created.id}/archive`, {})).json().archived,
    ).toBe(true);
    expect((await search("Archivable")).total).toBe(0);
    const all = await t.request(officer, "GET", "/api/parties?q=Archivable&includeArchived=true");
    expect(all.json().total).toBe(1);
    expect(
      (await t.request(secretariat, "POST", `/api/parties/${created.id}/restore`, {})).json().archived,
    ).toBe(false);
  });

  it("rejects invalid fields with their paths and stores nothing", async () => {
    const before = (await t.request(officer, "GET", "/api/parties?pageSize=200")).json().total;
    const res = await t.request(officer, "POST", "/api/parties", {
      kind: "organization",
      names: [{ name: "Valid Name" }, { name: "   " }],
      country: "XX",
      website: "javascript:alert(1)",
      birthDate: "1990-01-01",
      identifiers: [
        { scheme: "corporate_number", value: "1234567890123" },
        { scheme: "orcid", value: "0000-0002-1825-0097" },
      ],
    });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .error.fields.map((f: { path: string }) => f.path)
      .sort();
    expect(paths).toEqual(["birthDate", "country", "identifiers.0.value", "names.1.name", "website"]);
    expect((await t.request(officer, "GET", "/api/parties?pageSize=200")).json().total).toBe(before);
  });

  it("filters by kind, country and tag and paginates", async () => {
    const persons = (await t.request(officer, "GET", "/api/parties?kind=person")).json();
    expect(persons.items.every((p: { kind: string }) => p.kind === "person")).toBe(true);
    expect((await t.request(officer, "GET", "/api/parties?country=kp")).json().total).toBe(1);
    expect(
      (await t.request(officer, "GET", `/api/parties?tag=${encodeURIComponent("取引先")}`)).json().total,
    ).toBe(1);
    const page1 = (await t.request(officer, "GET", "/api/parties?pageSize=2&page=1")).json();
    const page2 = (await t.request(officer, "GET", "/api/parties?pageSize=2&page=2")).json();
    expect(page1.items).toHaveLength(2);
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
  });

  it("lets auditors read but not write", async () => {
    const auditor = await t.loginAs(["auditor"]);
    expect((await t.request(auditor, "GET", "/api/parties")).statusCode).toBe(200);
    expect(
      (await t.request(auditor, "POST", "/api/parties", { kind: "person", names: [{ name: "x" }] }))
        .statusCode,
    ).toBe(403);
  });
});
