import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../shared/actor.js";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";
import { BUILT_IN_CASES } from "./case-library.js";

let t: TestApp;
let researcher: TestUser;
let office: TestUser;
let admin: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  await t.services.cases.installBuiltIns(systemActor("test"));
  await t.services.training.installBuiltIns(systemActor("test"));
  researcher = await t.loginAs(["applicant"], "researcher");
  office = await t.loginAs(["secretariat"], "office");
  admin = await t.loginAs(["admin"], "caseadmin");
});
afterAll(async () => {
  await t?.close();
});

describe("case library", () => {
  it("installs the built-in cases once and never twice", async () => {
    expect(await t.services.cases.installBuiltIns(systemActor("again"))).toEqual([]);
    const list = (await t.request(researcher, "GET", "/api/cases")).json();
    // Drafts are hidden from researchers; the counts follow the library, which grows.
    const drafts = BUILT_IN_CASES.filter((c) => c.status === "draft").length;
    expect(drafts).toBeGreaterThan(0);
    expect(list.items).toHaveLength(BUILT_IN_CASES.length - drafts);
    const all = (await t.request(office, "GET", "/api/cases?includeDrafts=true")).json();
    expect(all.items).toHaveLength(BUILT_IN_CASES.length);
  });

  it("answers 'this resembles …' for fired flags, ranked by overlap (stable route for other modules)", async () => {
    const res = await t.request(researcher, "GET", "/api/cases/related?flags=A1,A2,A5,A6,A7");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.flags).toEqual(["A1", "A2", "A5", "A6", "A7"]);
    expect(body.items[0].slug).toBe("sekisui-linkedin-technical-adviser-2018-2020");
    expect(body.items[0].sharedFlags).toEqual(["A1", "A2", "A5", "A6", "A7"]);
    expect(body.items[0].title.ja).toContain("積水化学");
    const hits = (await t.request(researcher, "GET", "/api/cases/related?flags=R-LIST-HIT")).json();
    expect(hits.items.map((c: { slug: string }) => c.slug).sort()).toEqual([
      "dprk-it-workers-false-names-2025",
      "flax-typhoon-integrity-tech-2025",
    ]);
    // Drafts never appear as related cases.
    const placed = (await t.request(researcher, "GET", "/api/cases/related?flags=R-PLACED-INTERN")).json();
    expect(placed.items).toEqual([]);
    expect((await t.request(researcher, "GET", "/api/cases/related")).json().items).toEqual([]);
    expect((await t.request(null, "GET", "/api/cases/related?flags=A1")).statusCode).toBe(401);
  });

  it("links insider alert flags back to the cases that share them", async () => {
    const related = async (flag: string) =>
      (await t.request(researcher, "GET", `/api/cases/related?flags=${flag}`))
        .json()
        .items.map((c: { slug: string }) => c.slug);
    expect(await related("I-DEPARTING-EXFIL")).toEqual(["nissha-touch-sensor-2019"]);
    expect(await related("I-EXTERNAL-EMAIL-CONFIDENTIAL")).toEqual([
      "sekisui-linkedin-technical-adviser-2018-2020",
    ]);
    // The student-placement case is still a draft, so it is tagged but not offered yet.
    expect(await related("I-OUT-OF-SCOPE-ACCESS")).toEqual([]);
    const flag = (await t.request(researcher, "GET", "/api/red-flags/I-DEPARTING-EXFIL")).json();
    expect(flag.module).toBe("insider");
    expect(flag.question.ja).toContain("退職");
    expect(flag.cases.map((c: { slug: string }) => c.slug)).toEqual(["nissha-touch-sensor-2019"]);
  });

  it("links red flags and cases both ways", async () => {
    const flags = (await t.request(researcher, "GET", "/api/red-flags")).json().items;
    const a8 = flags.find((f: { id: string }) => f.id === "A8");
    expect(a8.title.ja).toBe("偶然の出会いからの会食・贈答");
    expect(a8.cases.map((c: { slug: string }) => c.slug)).toEqual([
      "softbank-russian-trade-representation-2017-2020",
    ]);
    // Insider indicators cited by cases are in the catalogue (joined at the composition root).
    const usb = flags.find((f: { id: string }) => f.id === "I-USB-CONFIDENTIAL");
    expect(usb.module).toBe("insider");
    expect(usb.title.en).toBe("Confidential files to removable media");
    expect(usb.cases.length).toBe(2);
    const one = (await t.request(researcher, "GET", "/api/red-flags/a8")).json();
    expect(one.cases).toHaveLength(1);
    expect((await t.request(researcher, "GET", "/api/red-flags/NOPE")).statusCode).toBe(404);

    const c = (
      await t.request(researcher, "GET", "/api/cases/softbank-russian-trade-representation-2017-2020")
    ).json();
    expect(c.flags.find((f: { id: string }) => f.id === "A8").title.en).toBe(
      "Chance meeting followed by dinners and gifts",
    );
    expect(c.trainings.map((m: { slug: string }) => m.slug).sort()).toEqual([
      "friendly-contacts-dinners-cash",
      "recognising-approaches",
      "routes-of-technology-leakage",
    ]);
    expect(c.content.sources.length).toBeGreaterThan(2);
  });

  it("lets only admins add and edit cases, audited, with field errors and version checks", async () => {
    const body = {
      slug: "demo-expert-interview-2024",
      status: "published",
      content: {
        title: { ja: "有償インタビューの事例", en: "A paid interview case" },
        period: "2024",
        channels: ["expert_interview"],
        sector: { ja: "半導体", en: "Semiconductors" },
        summary: { ja: "概要", en: "Summary" },
        timeline: [{ date: "2024-05", text: { ja: "依頼", en: "Request" } }],
        method: [{ ja: "1時間の有償インタビュー", en: "One-hour paid interview" }],
        redFlags: ["A3", "A4"],
        countermeasures: [{ ja: "報告する", en: "Report it" }],
        outcome: { ja: "未公表", en: "Not public" },
        sources: [
          { publisher: "Example", date: "2024-05-01", title: "Example source", url: "https://example.org/x" },
        ],
      },
    };
    expect((await t.request(office, "POST", "/api/cases", body)).statusCode).toBe(403);
    const bad = await t.request(admin, "POST", "/api/cases", {
      ...body,
      slug: "Bad Slug",
      content: { ...body.content, redFlags: ["A99"] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      "slug",
      "content.redFlags.0",
    ]);
    const created = await t.request(admin, "POST", "/api/cases", body);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await t.request(admin, "POST", "/api/cases", body)).statusCode).toBe(409);

    const related = (await t.request(researcher, "GET", "/api/cases/related?flags=A3")).json();
    expect(related.items.map((c: { slug: string }) => c.slug)).toEqual(["demo-expert-interview-2024"]);

    const edited = await t.request(admin, "PUT", `/api/cases/${id}`, {
      ...body,
      version: 1,
      content: { ...body.content, redFlags: ["A3", "A4", "A9"] },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().version).toBe(2);
    expect((await t.request(admin, "PUT", `/api/cases/${id}`, { ...body, version: 1 })).statusCode).toBe(409);
    const byA9 = (await t.request(researcher, "GET", "/api/cases?flag=A9")).json();
    expect(byA9.items.map((c: { slug: string }) => c.slug)).toContain("demo-expert-interview-2024");
    const history = (await t.request(admin, "GET", `/api/cases/${id}/history`)).json();
    expect(history.items.map((h: { action: string }) => h.action)).toEqual(["case.updated", "case.created"]);
    expect((await t.request(researcher, "GET", `/api/cases/${id}/history`)).statusCode).toBe(403);
  });

  it("hides drafts and their editorial notes from people who may not read drafts", async () => {
    const slug = "researcher-li-student-zhang-academic-k-2025";
    expect((await t.request(researcher, "GET", `/api/cases/${slug}`)).statusCode).toBe(404);
    const seen = (await t.request(office, "GET", `/api/cases/${slug}`)).json();
    expect(seen.status).toBe("draft");
    expect(seen.content.editorialNote).toBeDefined();
    const search = (await t.request(researcher, "GET", `/api/cases?q=${encodeURIComponent("積水")}`)).json();
    expect(search.items.map((c: { slug: string }) => c.slug)).toEqual([
      "sekisui-linkedin-technical-adviser-2018-2020",
    ]);
  });
});
