import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../shared/actor.js";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";

/**
 * The export-control API over HTTP. Every JSON route has a response schema, and Fastify serialises
 * through it — a field the schema does not name is dropped, a value it does not allow is a 500 — so
 * each answer is compared with what the service itself returns: nothing lost, nothing refused.
 */
let t: TestApp;
let sec: TestUser;
let auditor: TestUser;
const admin = systemActor("http-test");
const year = 2026;

/** What a service value looks like once sent as JSON (dates as strings, undefined fields gone). */
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v));

beforeAll(async () => {
  t = await createTestApp();
  sec = await t.loginAs(["secretariat"], "http_export_sec");
  auditor = await t.loginAs(["auditor"], "http_export_auditor");
});
afterAll(async () => {
  await t?.close();
});

describe("export-control responses keep every field the service returns", () => {
  let itemId = "";
  let licenceId = "";

  it("item master: create, read, list, archive", async () => {
    const created = await t.request(sec, "POST", "/api/export/items", {
      kind: "technology",
      name: "高出力レーザー制御プログラム",
      modelNumber: "LX-9",
      maker: "テスト研究所",
      description: "試験用",
      hsCode: "8471.30",
      judgement: {
        listStatus: "not_listed",
        catchAllCategory: "16-2",
        exceptions: [{ code: "basic_research", use: null, basis: "基礎科学分野の研究活動として実施" }],
      },
      rationale: "パラメータシートと照合し非該当と判断した",
      decidedOn: "2026-04-01",
      recheckOn: "2027-04-01",
    });
    expect(created.statusCode).toBe(201);
    itemId = created.json().id;
    const service = asJson(await t.services.exportItems.get(admin, itemId));
    expect(created.json()).toEqual(service);
    expect(service.judgement.exceptions).toHaveLength(1);
    const one = await t.request(sec, "GET", `/api/export/items/${itemId}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(service);
    const list = await t.request(sec, "GET", "/api/export/items");
    expect(list.statusCode).toBe(200);
    expect(list.json().items.find((i: { id: string }) => i.id === itemId)).toEqual(service);
    const archived = await t.request(sec, "POST", `/api/export/items/${itemId}/status`, {
      status: "archived",
    });
    expect(archived.statusCode).toBe(200);
    expect(archived.json()).toEqual(asJson(await t.services.exportItems.get(admin, itemId)));
    expect(archived.json().recheckState).toBe("none");
  });

  it("licence register: create, record a use, read, list", async () => {
    const created = await t.request(sec, "POST", "/api/export/licences", {
      kind: "individual",
      status: "valid",
      licenceNumber: "HTTP-0001",
      holder: "テスト大学",
      appliedOn: "2026-03-01",
      issuedOn: "2026-04-01",
      validFrom: "2026-04-01",
      validUntil: "2099-10-31",
      conditions: "報告義務あり",
      items: [
        { itemId, description: "レーザー制御プログラム" },
        { listedItem: "10", description: "" },
      ],
      destinations: ["TH"],
      quantityLimit: 10,
      quantityUnit: "式",
      valueLimitJpy: 1_000_000,
      note: "HTTP test",
    });
    expect(created.statusCode).toBe(201);
    licenceId = created.json().id;
    const used = await t.request(sec, "POST", `/api/export/licences/${licenceId}/usages`, {
      usedOn: "2026-05-01",
      quantity: 2,
      valueJpy: 200_000,
      destinationCountry: "TH",
    });
    expect(used.statusCode).toBe(200);
    const service = asJson(await t.services.licences.get(admin, licenceId));
    expect(used.json()).toEqual(service);
    expect(service.usages).toHaveLength(1);
    expect(service.usedQuantity).toBe(2);
    const one = await t.request(sec, "GET", `/api/export/licences/${licenceId}`);
    expect(one.json()).toEqual(service);
    const list = await t.request(sec, "GET", "/api/export/licences");
    expect(list.statusCode).toBe(200);
    const { usages: _u, reviews: _r, ...row } = service;
    expect(list.json().items.find((l: { id: string }) => l.id === licenceId)).toEqual(row);
    const expiring = await t.request(sec, "GET", "/api/export/licences?expiring=30");
    expect(expiring.statusCode).toBe(200);
  });

  it("reference, country groups and the provision log", async () => {
    const ref = await t.request(auditor, "GET", "/api/export/reference");
    expect(ref.statusCode).toBe(200);
    expect(Object.keys(ref.json().sources).length).toBeGreaterThan(5);
    expect(ref.json().catchAll[0].rows[0].citations[0]).toHaveProperty("verified");
    const groups = await t.request(auditor, "GET", "/api/export/country-groups");
    expect(groups.statusCode).toBe(200);
    const current = await t.services.countryGroups.current();
    expect(groups.json().table).toEqual(asJson(current.table));
    const lookup = await t.request(auditor, "GET", "/api/export/country-groups/lookup/KP?date=2026-05-01");
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json()).toEqual(asJson(await t.services.countryGroups.lookup("KP", "2026-05-01")));
    const provisions = await t.request(auditor, "GET", "/api/export/provisions");
    expect(provisions.statusCode).toBe(200);
    expect(provisions.json()).toEqual({ items: asJson(await t.services.aftercare.provisions(admin, {})) });
  });

  it("self-inspection: read, save, statistics", async () => {
    const empty = await t.request(sec, "GET", `/api/export/self-inspections/${year}`);
    expect(empty.statusCode).toBe(200);
    const question = empty.json().questions[0].id;
    const saved = await t.request(sec, "PUT", `/api/export/self-inspections/${year}`, {
      answers: { [question]: { answer: "yes", note: "", evidence: "規程第3条" } },
    });
    expect(saved.statusCode).toBe(200);
    const service = asJson(await t.services.selfInspection.get(admin, year));
    expect(saved.json()).toEqual(service);
    expect(service.answers[question].evidence).toBe("規程第3条");
    const stats = await t.request(auditor, "GET", `/api/export/self-inspections/${year}/statistics`);
    expect(stats.statusCode).toBe(200);
    expect(stats.json()).toEqual(asJson(await t.services.selfInspection.statistics(admin, year)));
    const csv = await t.request(auditor, "GET", `/api/export/self-inspections/${year}/statistics?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
  });
});
