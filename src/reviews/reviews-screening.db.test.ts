import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoListsDir } from "../app/demo.js";
import { systemActor } from "../shared/actor.js";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";
import { completeForm } from "./testing/review-fixtures.js";

/** Reviews screening their counterparties through the real screening service, on the demo UN list. */
let t: TestApp;
let applicant: TestUser;
let unit: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  applicant = await t.loginAs(["applicant"], "rs_applicant");
  unit = await t.loginAs(["unit_officer"], "rs_unit");
  await t.services.lists.importList(systemActor("test"), {
    files: [path.join(demoListsDir(), "un-consolidated-DEMO-SAMPLE.xml")],
    format: "un_xml",
    source: "un",
  });
});
afterAll(async () => {
  await t?.close();
});

describe("reviews with real screening", () => {
  it("screens counterparties at submission; a listed one is an open hit until decided (no pretend results)", async () => {
    const party = async (names: string[], country: string) =>
      (
        await t.request(applicant, "POST", "/api/parties", {
          kind: "organization",
          names: names.map((name) => ({ name })),
          country,
        })
      ).json().id as string;
    const university = await party(["ハルビン工業大学", "Harbin Institute of Technology"], "CN");
    const listed = await party(["軍需工業部"], "KP");
    const created = await t.request(applicant, "POST", "/api/reviews", {
      activityType: "acceptance",
      ...completeForm("acceptance", [
        { partyId: university, role: "home_institution" },
        { partyId: listed, role: "funder" },
      ]),
    });
    const id = created.json().id;
    const submitted = await t.request(applicant, "POST", `/api/reviews/${id}/transitions`, {
      action: "submit",
    });
    expect(submitted.statusCode).toBe(200);
    type Counterparty = { partyId: string; openHits: number; screening: unknown };
    const byParty = (view: { counterparties: Counterparty[] }, pid: string): Counterparty => {
      const found = view.counterparties.find((c) => c.partyId === pid);
      if (!found) throw new Error(`party ${pid} is not a counterparty of the review`);
      return found;
    };
    // The university is on no list of the demo sample: screened, no open hit.
    expect(byParty(submitted.json(), university).screening).not.toBeNull();
    expect(byParty(submitted.json(), university).openHits).toBe(0);
    // 軍需工業部 is the UN's MUNITIONS INDUSTRY DEPARTMENT: an open hit.
    const hit = byParty(submitted.json(), listed);
    expect(hit.openHits).toBe(1);
    expect(JSON.stringify(hit.screening)).toContain("MUNITIONS INDUSTRY DEPARTMENT");

    // A decision through the screening API closes it, and the review sees the decision.
    const latest = (await t.request(unit, "GET", `/api/screening/parties/${listed}/latest`)).json().result;
    const entityId = latest.hits.find((h: { sourceId: string }) => h.sourceId === "KPe.028").entityId;
    const secretariat = await t.loginAs(["secretariat"], "rs_secretariat");
    const decided = await t.request(secretariat, "POST", "/api/screening/decisions", {
      partyId: listed,
      entityId,
      status: "true_match",
      rationale: "同一の団体（国連 KPe.028）",
    });
    expect(decided.statusCode).toBe(201);
    const screened = await t.request(unit, "POST", `/api/reviews/${id}/screen`, {});
    expect(screened.statusCode).toBe(200);
    expect(byParty(screened.json(), listed).openHits).toBe(0);
    expect(JSON.stringify(byParty(screened.json(), listed).screening)).toContain("true_match");
  });
});
