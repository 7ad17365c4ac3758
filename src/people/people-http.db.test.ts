import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../shared/actor.js";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";

/**
 * A person record over HTTP. GET /api/people/{id} is serialised through PersonSchema, which drops any
 * field it does not name and refuses (500) any value it does not allow: the answer must equal what
 * the service returns, with residency, 特定類型, disclosures and their party matches filled (provider
 * screenings need an imported list, which this app has not: their shape is checked by tsc only).
 */
let t: TestApp;
let sec: TestUser;
let secActor: Actor;

const asJson = (v: unknown) => JSON.parse(JSON.stringify(v));

beforeAll(async () => {
  t = await createTestApp();
  sec = await t.loginAs(["secretariat"], "http_people_sec");
  secActor = { id: sec.id, label: sec.username, roles: sec.roles, locale: "ja" };
});
afterAll(async () => {
  await t?.close();
});

describe("person detail over HTTP", () => {
  it("carries every part of the record the service builds", async () => {
    const party = await t.request(sec, "POST", "/api/parties", {
      kind: "person",
      names: [{ name: "山田 花子" }],
      country: "JP",
    });
    expect(party.statusCode).toBe(201);
    const created = await t.request(sec, "POST", "/api/people", {
      partyId: party.json().id,
      category: "researcher",
      department: "工学研究科",
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const residency = await t.request(sec, "POST", `/api/people/${id}/residency`, {
      basis: {
        kind: "arrived_in_japan",
        date: "2025-04-01",
        employedInJapan: true,
        personType: "foreign_national",
      },
      note: "雇用契約書で確認",
    });
    expect(residency.statusCode).toBe(200);
    const tokutei = await t.request(sec, "POST", `/api/people/${id}/tokutei`, {
      declaredOn: "2026-04-01",
      type1: { applies: false, counterparty: "", detail: "" },
      type2: {
        fiscalYear: "2025",
        foreignIncomeJpy: 3_000_000,
        totalIncomeJpy: 10_000_000,
        sources: "顧問料",
      },
      type3: { applies: false, detail: "" },
      evidence: "源泉徴収票",
      nextReviewOn: null,
      pledge: true,
    });
    expect(tokutei.statusCode).toBe(200);
    const disclosure = await t.request(sec, "POST", `/api/people/${id}/disclosures`, {
      submittedOn: "2026-04-01",
      career: [{ from: "2015-04-01", to: null, organisation: "本学", position: "准教授" }],
      affiliations: [
        {
          kind: "outside_appointment",
          organisation: { name: "Sample Talent Fund", partyId: null },
          position: "Visiting chair",
          from: "2026-01-01",
          to: null,
          effortPercent: 20,
          paid: true,
          confidentiality: false,
        },
      ],
      funds: [
        {
          title: "共同研究",
          programme: "国際共同",
          provider: { name: "Example Foundation", partyId: null },
          status: "received",
          inERad: true,
          amountJpy: 1_000_000,
          from: "2026-04-01",
          to: null,
          effortPercent: 10,
          confidentiality: false,
        },
      ],
      nonMonetary: [],
      pledge: true,
    });
    expect(disclosure.statusCode).toBe(200);

    const res = await t.request(sec, "GET", `/api/people/${id}`);
    expect(res.statusCode).toBe(200);
    const service = asJson(await t.services.people.get(secActor, id));
    expect(res.json()).toEqual(service);
    expect(service.residency[0].basis).toMatchObject({
      kind: "arrived_in_japan",
      personType: "foreign_national",
    });
    expect(service.tokutei[0].content.type2.sources).toBe("顧問料");
    expect(service.disclosures[0].content.funds[0].provider.name).toBe("Example Foundation");
    expect(service.disclosureMatches.length).toBeGreaterThan(0);
  });
});
