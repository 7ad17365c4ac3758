import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeForm } from "../reviews/testing/review-fixtures.js";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";

/**
 * Issue 11 §3: any applicant could edit any party, including a counterparty of someone else's
 * submitted review (name and birth date changed). Parties used by submitted reviews now change only
 * through the secretariat, with a reason, and every change is kept as a version.
 */
let t: TestApp;
let alice: TestUser;
let bob: TestUser;
let officer: TestUser;
let secretariat: TestUser;
let visitorId: string;

const body = (name: string, birthDate: string | null, version: number, extra: object = {}) => ({
  kind: "person",
  names: [{ name }, { name: "Liu Jing" }],
  country: "CN",
  birthDate,
  version,
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  alice = await t.loginAs(["applicant"], "party_alice");
  bob = await t.loginAs(["applicant"], "party_bob");
  officer = await t.loginAs(["unit_officer"], "party_officer");
  secretariat = await t.loginAs(["secretariat"], "party_secretariat");
  const created = await t.request(alice, "POST", "/api/parties", {
    kind: "person",
    names: [{ name: "劉 静" }, { name: "Liu Jing" }],
    country: "CN",
    birthDate: "1990-03-04",
  });
  expect(created.statusCode, created.body).toBe(201);
  visitorId = created.json().id;
  const review = await t.request(alice, "POST", "/api/reviews", {
    activityType: "acceptance",
    ...completeForm("acceptance", [{ partyId: visitorId, role: "visitor" }]),
  });
  expect(review.statusCode, review.body).toBe(201);
  const submitted = await t.request(alice, "POST", `/api/reviews/${review.json().id}/transitions`, {
    action: "submit",
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

describe("parties used by submitted reviews (issue 11 §3)", () => {
  it("another applicant cannot rename the counterparty of a submitted review or change its birth date", async () => {
    const res = await t.request(
      bob,
      "PUT",
      `/api/parties/${visitorId}`,
      body("Someone Else", "1970-01-01", 1),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("party_locked");
    expect(res.json().error.message).toContain("事務局");
    const after = (await t.request(bob, "GET", `/api/parties/${visitorId}`)).json();
    expect(after.primaryName).toBe("劉 静");
    expect(after.birthDate).toBe("1990-03-04");
    expect(after.version).toBe(1);
  });

  it("neither the applicant who registered it nor a unit officer can change it once submitted", async () => {
    for (const who of [alice, officer]) {
      const res = await t.request(who, "PUT", `/api/parties/${visitorId}`, body("劉 静", "1990-03-05", 1));
      expect(res.statusCode, who.username).toBe(403);
    }
  });

  it("the secretariat changes it with a reason; the change is a new version, visible with its reason", async () => {
    const noReason = await t.request(
      secretariat,
      "PUT",
      `/api/parties/${visitorId}`,
      body("劉 静", "1990-03-14", 1),
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.map((f: { path: string }) => f.path)).toEqual(["reason"]);
    const ok = await t.request(
      secretariat,
      "PUT",
      `/api/parties/${visitorId}`,
      body("劉 静", "1990-03-14", 1, { reason: "旅券の写しで生年月日を確認（14日）" }),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(2);
    const versions = await t.request(bob, "GET", `/api/parties/${visitorId}/versions`);
    expect(versions.statusCode).toBe(200);
    const items = versions.json().items as {
      version: number;
      action: string;
      reason: string | null;
      actorLabel: string;
      changes: { field: string; before: unknown; after: unknown }[];
      snapshot: { birthDate: string };
    }[];
    expect(items.map((v) => [v.version, v.action])).toEqual([
      [2, "updated"],
      [1, "created"],
    ]);
    expect(items[0]!.reason).toBe("旅券の写しで生年月日を確認（14日）");
    expect(items[0]!.changes).toEqual([{ field: "birthDate", before: "1990-03-04", after: "1990-03-14" }]);
    expect(items[1]!.snapshot.birthDate).toBe("1990-03-04");
    expect(items[0]!.actorLabel).toBeTruthy();
  });

  it("tells the web page who may edit, and why not", async () => {
    const forBob = (await t.request(bob, "GET", `/api/parties/${visitorId}/usage`)).json();
    expect(forBob.canEdit).toBe(false);
    expect(forBob.submittedReviews).toHaveLength(1);
    expect(forBob.editBlockedBecause.ja).toContain("事務局");
    const forSecretariat = (await t.request(secretariat, "GET", `/api/parties/${visitorId}/usage`)).json();
    expect(forSecretariat).toMatchObject({ canEdit: true, reasonRequired: true });
  });
});

describe("parties nobody else relies on", () => {
  it("an applicant edits what they registered, not what someone else registered", async () => {
    const mine = await t.request(bob, "POST", "/api/parties", {
      kind: "organization",
      names: [{ name: "Bob Labs" }],
    });
    const id = mine.json().id;
    const renamed = await t.request(bob, "PUT", `/api/parties/${id}`, {
      kind: "organization",
      names: [{ name: "Bob Laboratories" }],
      version: 1,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const byAlice = await t.request(alice, "PUT", `/api/parties/${id}`, {
      kind: "organization",
      names: [{ name: "Alice took it" }],
      version: 2,
    });
    expect(byAlice.statusCode).toBe(403);
    expect(byAlice.json().error.code).toBe("party_not_yours");
    const byOfficer = await t.request(officer, "PUT", `/api/parties/${id}`, {
      kind: "organization",
      names: [{ name: "Bob Laboratories K.K." }],
      version: 2,
    });
    expect(byOfficer.statusCode).toBe(200);
  });
});
