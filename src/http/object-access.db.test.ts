import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../db/schema.js";
import { completeForm } from "../reviews/testing/review-fixtures.js";
import { importTestLists } from "../reviews/testing/test-lists.js";
import { systemActor } from "../shared/actor.js";
import { cleanTransactionCheck } from "../testing/review-fixtures.js";
import { createTestApp, TEST_PASSWORD, type TestApp, type TestUser } from "../testing/test-app.js";
import { SESSION_COOKIE } from "./server.js";

/**
 * Object-level rules on top of the route-level roles of route-access.db.test.ts: separation of
 * duties (四つの目) on approvals and hit decisions, unit officers scoped to their departments, and
 * declarations filed only by the person or the secretariat. Every case is driven through the API.
 */
let t: TestApp;
let n = 0;

async function user(roles: Role[], department: string | null = null): Promise<TestUser> {
  const username = `oa${++n}_${roles.join("_")}`;
  const { user: created } = await t.services.auth.createUser(systemActor("test"), {
    username,
    displayName: username,
    roles,
    department,
    password: TEST_PASSWORD,
  });
  const res = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: TEST_PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
  return { id: created.id, username, cookie, csrfToken: res.json().csrfToken, roles };
}

const cleanCheck = cleanTransactionCheck("懸念なし");
const basicResearch = {
  classification: {
    listStatus: "not_listed",
    regime: "fx_order",
    item: null,
    subItem: null,
    provision: null,
    catchAllCategory: "16-2",
    exceptions: [
      {
        code: "basic_research",
        use: "basic_research",
        basis: "原理の究明を目的とし特定の製品の設計・製造を目的としない",
      },
    ],
    rationale: "基礎科学分野の研究活動",
    reference: null,
  },
  topicTags: { jp: [], us: [] },
};

let applicant: TestUser;
let unitEng: TestUser;
let unitSci: TestUser;

async function party(name: string): Promise<string> {
  return (await t.services.parties.create(systemActor("test"), { kind: "organization", names: [{ name }] }))
    .id;
}

/** A review of the engineering applicant naming a listed institute, carried to the secretariat stage. */
async function reviewAtSecretariat(applicantUser: TestUser, partyId: string): Promise<string> {
  const created = await t.request(applicantUser, "POST", "/api/reviews", {
    activityType: "acceptance",
    ...completeForm("acceptance", [{ partyId, role: "home_institution" }]),
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  expect(
    (await t.request(applicantUser, "POST", `/api/reviews/${id}/transitions`, { action: "submit" }))
      .statusCode,
  ).toBe(200);
  const view = (await t.request(unitEng, "GET", `/api/reviews/${id}`)).json();
  expect(
    (
      await t.request(unitEng, "PUT", `/api/reviews/${id}/classification`, {
        version: view.version,
        ...basicResearch,
      })
    ).statusCode,
  ).toBe(200);
  expect(
    (await t.request(unitEng, "POST", `/api/reviews/${id}/transitions`, { action: "forward" })).statusCode,
  ).toBe(200);
  return id;
}

async function hitOf(partyId: string): Promise<string> {
  const latest = await t.services.screening.latestForParty(partyId);
  return latest!.hits.find((h) => h.match)!.entityId;
}

beforeAll(async () => {
  t = await createTestApp();
  await importTestLists(t.services);
  applicant = await user(["applicant"], "工学研究科 材料工学専攻");
  unitEng = await user(["unit_officer"], "工学研究科");
  unitSci = await user(["unit_officer"], "理学研究科");
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("four eyes on approvals", () => {
  it("whoever decided the hits and completed the 取引審査 cannot approve; another approver can", async () => {
    const institute = await party("Example Institute of Technology");
    const id = await reviewAtSecretariat(applicant, institute);
    const both = await user(["secretariat", "approver"]);
    const decided = await t.request(both, "POST", "/api/screening/decisions", {
      partyId: institute,
      entityId: await hitOf(institute),
      status: "false_positive",
      rationale: "所在地が異なる別機関",
    });
    expect(decided.statusCode, decided.body).toBe(201);
    let view = (await t.request(both, "GET", `/api/reviews/${id}`)).json();
    const checked = await t.request(both, "PUT", `/api/reviews/${id}/transaction-check`, {
      version: view.version,
      ...cleanCheck,
    });
    expect(checked.statusCode, checked.body).toBe(200);
    expect(
      (await t.request(both, "POST", `/api/reviews/${id}/transitions`, { action: "complete_check" }))
        .statusCode,
    ).toBe(200);

    view = (await t.request(both, "GET", `/api/reviews/${id}`)).json();
    expect(view.status).toBe("approval");
    expect(view.actions).not.toContain("approve");
    expect(view.separationOfDuties.approvalBlocked).toBe(true);
    expect(view.separationOfDuties.reasons.map((r: { ja: string }) => r.ja).join()).toContain("取引審査");
    expect(view.separationOfDuties.reasons.map((r: { en: string }) => r.en).join()).toContain(
      "screening hits",
    );

    for (const action of ["approve", "approve_with_conditions"]) {
      const refused = await t.request(both, "POST", `/api/reviews/${id}/transitions`, {
        action,
        comment: "ok",
        conditions: "条件",
      });
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json().error.code).toBe("separation_of_duties");
    }
    const refusedRows = await t.services.audit.list({ action: "review.approval_refused", entityId: id }, 5);
    expect(refusedRows.items).toHaveLength(2);

    const approver = await user(["approver"]);
    const approverView = (await t.request(approver, "GET", `/api/reviews/${id}`)).json();
    expect(approverView.actions).toContain("approve");
    expect(approverView.separationOfDuties.approvalBlocked).toBe(false);
    const approved = await t.request(approver, "POST", `/api/reviews/${id}/transitions`, {
      action: "approve",
      comment: "承認",
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe("approved");
  });

  it("deciding a hit alone is enough to be refused", async () => {
    const institute = await party("Example Munitions Bureau");
    const id = await reviewAtSecretariat(applicant, institute);
    const decider = await user(["secretariat", "approver"]);
    const sec = await user(["secretariat"]);
    expect(
      (
        await t.request(decider, "POST", "/api/screening/decisions", {
          partyId: institute,
          entityId: await hitOf(institute),
          status: "false_positive",
          rationale: "別組織",
        })
      ).statusCode,
    ).toBe(201);
    const view = (await t.request(sec, "GET", `/api/reviews/${id}`)).json();
    await t.request(sec, "PUT", `/api/reviews/${id}/transaction-check`, {
      version: view.version,
      ...cleanCheck,
    });
    expect(
      (await t.request(sec, "POST", `/api/reviews/${id}/transitions`, { action: "complete_check" }))
        .statusCode,
    ).toBe(200);
    const refused = await t.request(decider, "POST", `/api/reviews/${id}/transitions`, { action: "approve" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain("該当候補");
    // Rejecting (the cautious outcome) stays possible.
    const rejected = await t.request(decider, "POST", `/api/reviews/${id}/transitions`, {
      action: "reject",
      comment: "懸念あり",
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
  });
});

describe("who decides screening hits", () => {
  it("only the secretariat; never the applicant of a review naming the party, nor about themselves", async () => {
    const bureau = await party("Example Munitions Bureau Annex");
    // An applicant who also sits in the secretariat names the party in their own application.
    const secApplicant = await user(["applicant", "secretariat"], "工学研究科");
    const created = await t.request(secApplicant, "POST", "/api/reviews", {
      activityType: "acceptance",
      ...completeForm("acceptance", [{ partyId: bureau, role: "home_institution" }]),
    });
    expect(created.statusCode).toBe(201);
    await t.services.screening.screenParty(systemActor("test"), bureau);
    const body = {
      partyId: bureau,
      entityId: await hitOf(bureau),
      status: "false_positive",
      rationale: "別組織です",
    };
    const own = await t.request(secApplicant, "POST", "/api/screening/decisions", body);
    expect(own.statusCode, own.body).toBe(403);
    expect(own.json().error.code).toBe("conflict_of_interest");
    expect(own.json().error.message).toContain(created.json().refNo);
    for (const roles of [["approver"], ["admin"], ["applicant"], ["unit_officer"]] as Role[][]) {
      const res = await t.request(await user(roles), "POST", "/api/screening/decisions", body);
      expect(res.statusCode, roles.join()).toBe(403);
    }
    expect(await t.services.screening.decisionsForParty(bureau)).toEqual([]);
    const other = await t.request(await user(["secretariat"]), "POST", "/api/screening/decisions", body);
    expect(other.statusCode, other.body).toBe(201);

    // A member of the secretariat cannot clear a hit on their own person record.
    const self = await user(["secretariat"]);
    const me = await t.services.parties.create(systemActor("test"), {
      kind: "person",
      names: [{ name: "Example Munitions Bureau" }],
    });
    const created2 = await t.request(await user(["secretariat"]), "POST", "/api/people", {
      partyId: me.id,
      username: self.username,
      category: "staff",
    });
    expect(created2.statusCode, created2.body).toBe(201);
    await t.services.screening.screenParty(systemActor("test"), me.id);
    const selfDecision = await t.request(self, "POST", "/api/screening/decisions", {
      partyId: me.id,
      entityId: await hitOf(me.id),
      status: "false_positive",
      rationale: "本人ではない",
    });
    expect(selfDecision.statusCode).toBe(403);
    expect(selfDecision.json().error.message).toContain("人物記録");
  });
});

describe("unit officers act for their departments", () => {
  it("sees, classifies and forwards only their departments' reviews", async () => {
    const partyId = await party("Quiet Partner University");
    const created = await t.request(applicant, "POST", "/api/reviews", {
      activityType: "acceptance",
      ...completeForm("acceptance", [{ partyId, role: "home_institution" }]),
    });
    const id = created.json().id;
    await t.request(applicant, "POST", `/api/reviews/${id}/transitions`, { action: "submit" });
    expect((await t.request(unitSci, "GET", `/api/reviews/${id}`)).statusCode).toBe(404);
    const inbox = (await t.request(unitSci, "GET", "/api/reviews?scope=inbox")).json();
    expect(inbox.items.map((r: { id: string }) => r.id)).not.toContain(id);
    const all = (await t.request(unitSci, "GET", "/api/reviews?scope=all")).json();
    expect(all.items.map((r: { id: string }) => r.id)).not.toContain(id);
    const classify = await t.request(unitSci, "PUT", `/api/reviews/${id}/classification`, {
      version: created.json().version + 1,
      ...basicResearch,
    });
    expect([403, 404]).toContain(classify.statusCode);
    expect(
      (await t.request(unitSci, "POST", `/api/reviews/${id}/transitions`, { action: "forward" })).statusCode,
    ).toBe(404);
    // The engineering officer sees it in the inbox and acts.
    const engInbox = (await t.request(unitEng, "GET", "/api/reviews?scope=inbox")).json();
    expect(engInbox.items.map((r: { id: string }) => r.id)).toContain(id);
    expect((await t.request(unitEng, "GET", `/api/reviews/${id}`)).statusCode).toBe(200);
    // An officer given both departments by an administrator covers both.
    const admin = await user(["admin"]);
    expect(
      (
        await t.request(admin, "PATCH", `/api/admin/users/${unitSci.id}`, {
          scopeDepartments: ["理学研究科", "工学研究科"],
        })
      ).statusCode,
    ).toBe(200);
    expect((await t.request(unitSci, "GET", `/api/reviews/${id}`)).statusCode).toBe(200);
    await t.request(admin, "PATCH", `/api/admin/users/${unitSci.id}`, { scopeDepartments: [] });
  });

  it("reads and manages only their departments' person records, and never files someone's disclosure", async () => {
    const sec = await user(["secretariat"]);
    const colleague = await user(["applicant"], "工学研究科 機械工学専攻");
    const personParty = await t.services.parties.create(systemActor("test"), {
      kind: "person",
      names: [{ name: "山田 花子" }],
    });
    const created = await t.request(sec, "POST", "/api/people", {
      partyId: personParty.id,
      username: colleague.username,
      category: "staff",
      department: "工学研究科 機械工学専攻",
    });
    expect(created.statusCode, created.body).toBe(201);
    const personId = created.json().id;
    expect([403, 404]).toContain((await t.request(unitSci, "GET", `/api/people/${personId}`)).statusCode);
    const sciList = (await t.request(unitSci, "GET", "/api/people")).json();
    expect(sciList.items.map((p: { id: string }) => p.id)).not.toContain(personId);
    expect((await t.request(unitEng, "GET", `/api/people/${personId}`)).statusCode).toBe(200);

    const disclosure = {
      submittedOn: "2026-04-01",
      career: [],
      affiliations: [],
      funds: [],
      nonMonetary: [],
      pledge: true,
    };
    const byOfficer = await t.request(unitEng, "POST", `/api/people/${personId}/disclosures`, disclosure);
    expect(byOfficer.statusCode, byOfficer.body).toBe(403);
    const byOther = await t.request(applicant, "POST", `/api/people/${personId}/disclosures`, disclosure);
    expect(byOther.statusCode).toBe(403);
    const byAdmin = await t.request(
      await user(["admin"]),
      "POST",
      `/api/people/${personId}/disclosures`,
      disclosure,
    );
    expect(byAdmin.statusCode).toBe(403);
    const byThemself = await t.request(colleague, "POST", `/api/people/${personId}/disclosures`, disclosure);
    expect(byThemself.statusCode, byThemself.body).toBe(200);
  });
});
