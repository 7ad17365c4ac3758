import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countStatements } from "../testing/statement-counter.js";
import { createTestDatabase } from "../testing/test-db.js";
import { createReviewsRepo } from "./reviews-repo.js";
import { completeForm, reviewTestbed } from "./testing/review-fixtures.js";

/**
 * The reviews list (issue 11 §6, `npm run bench:load`): one statement per page carrying its total,
 * and only the columns a list row shows — the same answer as counting and reading whole rows.
 */
let bed: Awaited<ReturnType<typeof reviewTestbed>>;
beforeAll(async () => {
  bed = await reviewTestbed(await createTestDatabase());
});
afterAll(async () => {
  await bed?.close();
});

describe("reviews list", () => {
  it("pages with the right total in one statement, without the reviews' JSON columns", async () => {
    const applicant = await bed.user(["applicant"]);
    const officer = await bed.user(["secretariat"]);
    for (const type of ["joint_research", "joint_research"] as const)
      await bed.services.reviews.create(applicant, type, completeForm(type, []));
    // one submitted, so a risk assessment is stored and listed
    const visitor = await bed.party({ kind: "person", names: [{ name: "Test Visitor" }], country: "US" });
    const submitted = await bed.services.reviews.create(
      applicant,
      "acceptance",
      completeForm("acceptance", [{ partyId: visitor.id, role: "visitor" }]),
    );
    await bed.services.reviews.transition(applicant, submitted.id, { action: "submit" });
    const db = bed.services.db;
    const statements = countStatements(db);
    const counted = statements.db;
    const repo = createReviewsRepo();
    const base = { applicantUserId: applicant.id!, limit: 2 };

    const [first, firstTotal] = await repo.list(counted, { ...base, offset: 0 });
    expect(statements.count).toBe(1);
    expect(first).toHaveLength(2);
    expect(firstTotal.n).toBe(3);
    for (const heavy of ["answers", "details", "notes", "classification", "routing", "export_facts"])
      expect(first[0]).not.toHaveProperty(heavy);

    const [second, secondTotal] = await repo.list(counted, { ...base, offset: 2 });
    expect(second).toHaveLength(1);
    expect(secondTotal.n).toBe(3);
    // past the end: no row carries the total, so it is counted on its own
    statements.reset();
    const [past, pastTotal] = await repo.list(counted, { ...base, offset: 10 });
    expect(past).toHaveLength(0);
    expect(pastTotal.n).toBe(3);
    expect(statements.count).toBe(2);
    const [none, noneTotal] = await repo.list(counted, { ...base, offset: 0, text: "no such review" });
    expect(none).toHaveLength(0);
    expect(noneTotal.n).toBe(0);

    // The service's items are exactly what the whole rows say.
    const listed = await bed.services.reviews.list(officer, { scope: "all", page: 1, pageSize: 25 });
    expect(listed.total).toBe(3);
    const full = await db
      .selectFrom("reviews")
      .innerJoin("users", "users.id", "reviews.applicant_user_id")
      .selectAll("reviews")
      .select("users.display_name as applicant_name")
      .orderBy("reviews.updated_at", "desc")
      .orderBy("reviews.id")
      .execute();
    const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
    expect(listed.items).toEqual(
      full.map((r) => {
        const risk = r.risk as { level?: string; flags?: { id: string }[] } | null;
        return {
          id: r.id,
          refNo: r.ref_no,
          activityType: r.activity_type,
          title: r.title,
          status: r.status,
          track: r.track,
          applicantName: r.applicant_name,
          riskLevel: risk?.level ?? null,
          flags: (risk?.flags ?? []).map((f) => f.id),
          submittedAt: iso(r.submitted_at),
          decidedAt: iso(r.decided_at),
          retentionUntil: r.retention_until,
          updatedAt: iso(r.updated_at),
        };
      }),
    );
    expect(listed.items.some((i) => i.riskLevel !== null)).toBe(true);
  }, 120_000);
});
