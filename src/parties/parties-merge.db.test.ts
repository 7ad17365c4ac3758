import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeForm } from "../reviews/testing/review-fixtures.js";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";

/** Issue 14 §4: warn about likely duplicates when a party is entered, and merge them (audited). */
let t: TestApp;
let applicant: TestUser;
let secretariat: TestUser;
let officer: TestUser;

const create = async (user: TestUser, body: object) => {
  const res = await t.request(user, "POST", "/api/parties", body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; primaryName: string };
};
const duplicates = async (body: object) => {
  const res = await t.request(applicant, "POST", "/api/parties/duplicates", body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as {
    partyId: string;
    score: number;
    sameIdentifier: boolean;
    reasons: { ja: string; en: string }[];
    party: { primaryName: string };
  }[];
};

beforeAll(async () => {
  t = await createTestApp();
  applicant = await t.loginAs(["applicant"], "dup_applicant");
  secretariat = await t.loginAs(["secretariat"], "dup_secretariat");
  officer = await t.loginAs(["unit_officer"], "dup_officer");
});
afterAll(async () => {
  await t?.close();
});

describe("likely duplicates while entering a party", () => {
  it("warns about 王 偉 entered twice and 「LEE Kevin」 for 「Kevin Lee」, with the reason", async () => {
    const wang = await create(applicant, { kind: "person", names: [{ name: "王 偉" }], country: "CN" });
    // The index is built on the first check; parties created afterwards must still be found.
    expect(await duplicates({ kind: "person", names: [{ name: "王 偉" }] })).toHaveLength(1);
    const kevin = await create(applicant, { kind: "person", names: [{ name: "Kevin Lee" }] });

    const forWang = await duplicates({ kind: "person", names: [{ name: "王偉" }] });
    expect(forWang.map((d) => d.partyId)).toEqual([wang.id]);
    const forLee = await duplicates({ kind: "person", names: [{ name: "LEE Kevin" }] });
    expect(forLee.map((d) => d.partyId)).toEqual([kevin.id]);
    expect(forLee[0]!.reasons[0]!.ja).toContain("Kevin Lee");
    expect(forLee[0]!.reasons[0]!.en).toContain("Kevin Lee");
    // Not the party being edited, not the other kind, not a namesake born on another day.
    expect(await duplicates({ id: kevin.id, kind: "person", names: [{ name: "Kevin Lee" }] })).toEqual([]);
    expect(await duplicates({ kind: "organization", names: [{ name: "Kevin Lee" }] })).toEqual([]);
    expect(await duplicates({ kind: "person", names: [{ name: "Karen Lee" }] })).toEqual([]);
  });

  it("follows renames and archiving, and finds a shared identifier under another name", async () => {
    const org = await create(applicant, {
      kind: "organization",
      names: [{ name: "さくら精密株式会社" }],
      identifiers: [{ scheme: "corporate_number", value: "7000012050002" }],
    });
    expect(
      (await duplicates({ kind: "organization", names: [{ name: "さくら精密株式会社" }] }))[0]?.partyId,
    ).toBe(org.id);
    const byNumber = await duplicates({
      kind: "organization",
      names: [{ name: "Sakura Precision Co., Ltd." }],
      identifiers: [{ scheme: "corporate_number", value: "7000012050002" }],
    });
    expect(byNumber[0]).toMatchObject({ partyId: org.id, sameIdentifier: true });
    const renamed = await t.request(applicant, "PUT", `/api/parties/${org.id}`, {
      kind: "organization",
      names: [{ name: "もみじ工業株式会社" }],
      version: org.version,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await duplicates({ kind: "organization", names: [{ name: "さくら精密株式会社" }] })).toEqual([]);
    expect((await duplicates({ kind: "organization", names: [{ name: "もみじ工業" }] }))[0]?.partyId).toBe(
      org.id,
    );
    await t.request(secretariat, "POST", `/api/parties/${org.id}/archive`, {});
    expect(await duplicates({ kind: "organization", names: [{ name: "もみじ工業株式会社" }] })).toEqual([]);
  });
});

describe("merging duplicates", () => {
  it("the secretariat merges: names join, references move, the duplicate is archived with its history", async () => {
    const survivor = await create(applicant, {
      kind: "person",
      names: [{ name: "陳 明" }],
      country: "TW",
      birthDate: "1979-11-02",
    });
    const duplicate = await create(applicant, {
      kind: "person",
      names: [{ name: "Chen Ming" }],
      identifiers: [{ scheme: "passport", value: "TW1234567" }],
    });
    const found = await t.request(secretariat, "GET", `/api/parties/${survivor.id}/duplicates`);
    expect(found.json().items.map((d: { partyId: string }) => d.partyId)).toContain(duplicate.id);

    // Both are used: a submitted review names the duplicate, another names both in the same role.
    const review = await t.request(applicant, "POST", "/api/reviews", {
      activityType: "acceptance",
      ...completeForm("acceptance", [{ partyId: duplicate.id, role: "visitor" }]),
    });
    const reviewId = review.json().id;
    expect(
      (await t.request(applicant, "POST", `/api/reviews/${reviewId}/transitions`, { action: "submit" }))
        .statusCode,
    ).toBe(200);
    const both = await t.request(applicant, "POST", "/api/reviews", {
      activityType: "acceptance",
      ...completeForm("acceptance", [
        { partyId: survivor.id, role: "visitor" },
        { partyId: duplicate.id, role: "visitor" },
      ]),
    });
    expect(both.statusCode, both.body).toBe(201);
    const person = await t.request(officer, "POST", "/api/people", {
      partyId: duplicate.id,
      category: "visitor",
      department: "工学研究科",
    });
    expect(person.statusCode, person.body).toBe(201);

    const mergeBody = {
      duplicateId: duplicate.id,
      survivorVersion: survivor.version,
      duplicateVersion: duplicate.version,
      reason: "旅券の写しで同一人物と確認",
    };
    // Only the secretariat merges, and never without a reason.
    expect(
      (await t.request(officer, "POST", `/api/parties/${survivor.id}/merge`, mergeBody)).statusCode,
    ).toBe(403);
    const noReason = await t.request(secretariat, "POST", `/api/parties/${survivor.id}/merge`, {
      ...mergeBody,
      reason: " ",
    });
    expect(noReason.statusCode).toBe(400);

    const merged = await t.request(secretariat, "POST", `/api/parties/${survivor.id}/merge`, mergeBody);
    expect(merged.statusCode, merged.body).toBe(200);
    const m = merged.json();
    expect(m.survivor.names.map((n: { name: string }) => n.name)).toEqual(["陳 明", "Chen Ming"]);
    expect(m.survivor.identifiers).toEqual([{ scheme: "passport", value: "TW1234567" }]);
    expect(m.survivor.birthDate).toBe("1979-11-02");
    expect(m.moved["review_counterparties.party_id"]).toBe(1);
    expect(m.moved["people.party_id"]).toBe(1);
    expect(m.droppedDuplicates.review_counterparties).toHaveLength(1);

    // The submitted review and the person record now name the survivor.
    const r = (await t.request(secretariat, "GET", `/api/reviews/${reviewId}`)).json();
    expect(r.counterparties.map((c: { partyId: string }) => c.partyId)).toEqual([survivor.id]);
    const dup = (await t.request(secretariat, "GET", `/api/parties/${duplicate.id}`)).json();
    expect(dup).toMatchObject({ archived: true, mergedInto: survivor.id });

    // History: both parties keep a version of the merge with its reason, and the audit log has it.
    const sv = (await t.request(applicant, "GET", `/api/parties/${survivor.id}/versions`)).json().items;
    expect(sv[0]).toMatchObject({
      action: "merged",
      reason: "旅券の写しで同一人物と確認",
      relatedPartyId: duplicate.id,
    });
    expect(sv[0].changes.map((c: { field: string }) => c.field)).toEqual(["names", "identifiers"]);
    const dv = (await t.request(applicant, "GET", `/api/parties/${duplicate.id}/versions`)).json().items;
    expect(dv.map((v: { action: string }) => v.action)).toEqual(["merged_into", "created"]);
    const audit = await t.services.db
      .selectFrom("audit_log")
      .select(["action", "entity_id"])
      .where("action", "in", ["party.merged", "party.merged_into"])
      .execute();
    expect(audit).toHaveLength(2);

    // A merged party is read-only and cannot be restored or merged again.
    const edit = await t.request(secretariat, "PUT", `/api/parties/${duplicate.id}`, {
      kind: "person",
      names: [{ name: "Chen Ming" }],
      version: dup.version,
    });
    expect(edit.statusCode).toBe(403);
    expect(
      (await t.request(secretariat, "POST", `/api/parties/${duplicate.id}/restore`, {})).statusCode,
    ).toBe(409);
    // The merged duplicate is no longer suggested.
    expect(await duplicates({ kind: "person", names: [{ name: "Chen Ming" }] })).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ partyId: duplicate.id })]),
    );
  });

  it("refuses to merge different people and stale versions, leaving both untouched", async () => {
    const a = await create(applicant, {
      kind: "person",
      names: [{ name: "佐藤 花子" }],
      birthDate: "1990-01-01",
    });
    const b = await create(applicant, {
      kind: "person",
      names: [{ name: "佐藤 花子" }],
      birthDate: "1991-02-02",
    });
    const refused = await t.request(secretariat, "POST", `/api/parties/${a.id}/merge`, {
      duplicateId: b.id,
      survivorVersion: 1,
      duplicateVersion: 1,
      reason: "同一人物",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("merge_refused");
    expect(refused.json().error.message).toContain("生年月日");
    const stale = await t.request(secretariat, "POST", `/api/parties/${a.id}/merge`, {
      duplicateId: b.id,
      survivorVersion: 7,
      duplicateVersion: 1,
      reason: "同一人物",
    });
    expect(stale.statusCode).toBe(409);
    const after = (await t.request(secretariat, "GET", `/api/parties/${b.id}`)).json();
    expect(after).toMatchObject({ archived: false, mergedInto: null, version: 1 });
  });

  it("finds every foreign key that references parties in the catalogue, so the merge moves them all", async () => {
    const { createPartyReferencesRepo } = await import("./party-references-repo.js");
    const columns = (await createPartyReferencesRepo().references(t.services.db)).map(
      (r) => `${r.table}.${r.column}`,
    );
    expect(columns).toEqual(
      expect.arrayContaining([
        "review_counterparties.party_id",
        "people.party_id",
        "approach_report_parties.party_id",
        "screening_runs.party_id",
        "screening_decisions.party_id",
        "person_provider_screenings.party_id",
      ]),
    );
  });
});
