import type { Executor } from "../db/database.js";

/**
 * What other modules record about a researcher that the disclosure must be consistent with
 * (read-only): project roles, approved outside-post reviews, approach reports. The only SQL of the
 * consistency check; the engine (`consistency-engine.ts`) decides.
 */
export function createConsistencyRepo() {
  return {
    /** The researcher's project memberships (not withdrawn projects) with the stated affiliation. */
    memberships(db: Executor, personId: string) {
      return db
        .selectFrom("research_project_members as m")
        .innerJoin("research_projects as p", "p.id", "m.project_id")
        .leftJoin("parties as a", "a.id", "m.affiliation_party_id")
        .select([
          "m.id as member_id",
          "m.role",
          "m.pledge_required",
          "p.id as project_id",
          "p.number",
          "p.title",
          "m.affiliation_party_id",
          "a.primary_name as affiliation_name",
        ])
        .where("m.person_id", "=", personId)
        .where("p.status", "!=", "withdrawn")
        .orderBy("p.number")
        .execute();
    },
    appointments(db: Executor, memberIds: string[]) {
      if (memberIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("research_project_member_appointments as ma")
        .innerJoin("parties as x", "x.id", "ma.party_id")
        .select(["ma.member_id", "ma.party_id", "x.primary_name as name"])
        .where("ma.member_id", "in", memberIds)
        .execute();
    },
    partners(db: Executor, projectIds: string[]) {
      if (projectIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("research_project_partners as rp")
        .innerJoin("parties as x", "x.id", "rp.party_id")
        .select(["rp.project_id", "rp.party_id", "rp.role", "x.primary_name as name"])
        .where("rp.project_id", "in", projectIds)
        .execute();
    },
    /** Counterparties of the user's approved or cleared outside-post (兼業) reviews. */
    outsidePosts(db: Executor, userId: string) {
      return db
        .selectFrom("reviews as r")
        .innerJoin("review_counterparties as c", "c.review_id", "r.id")
        .innerJoin("parties as x", "x.id", "c.party_id")
        .select([
          "r.id as review_id",
          "r.ref_no",
          "r.title",
          "c.party_id",
          "x.primary_name as name",
          "x.kind",
        ])
        .where("r.applicant_user_id", "=", userId)
        .where("r.activity_type", "=", "outside_appointment")
        .where("r.status", "in", ["cleared", "approved", "approved_with_conditions"])
        .execute();
    },
    /** Organisations in submitted approach reports that name this person's party as the sender. */
    approachesAsSender(db: Executor, partyId: string) {
      return db
        .selectFrom("approach_report_parties as me")
        .innerJoin("approach_reports as r", "r.id", "me.report_id")
        .leftJoin("approach_report_parties as o", (j) =>
          j.onRef("o.report_id", "=", "r.id").on("o.role", "=", "organisation"),
        )
        .leftJoin("parties as x", "x.id", "o.party_id")
        .select([
          "r.id as report_id",
          "r.number",
          "r.sender_organisation",
          "o.party_id",
          "x.primary_name as name",
        ])
        .where("me.party_id", "=", partyId)
        .where("me.role", "=", "sender")
        .where("r.submitted_at", "is not", null)
        .execute();
    },
    /** Who approached the user, by the user's own submitted reports. */
    approachesReported(db: Executor, userId: string) {
      return db
        .selectFrom("approach_reports as r")
        .leftJoin("approach_report_parties as o", "o.report_id", "r.id")
        .leftJoin("parties as x", "x.id", "o.party_id")
        .select([
          "r.id as report_id",
          "r.number",
          "r.sender_organisation",
          "o.party_id",
          "x.primary_name as name",
        ])
        .where("r.reporter_id", "=", userId)
        .where("r.submitted_at", "is not", null)
        .execute();
    },
    /** Every name of these parties (all scripts), for comparing by name. */
    async names(db: Executor, partyIds: string[]): Promise<Map<string, string[]>> {
      const out = new Map<string, string[]>();
      if (partyIds.length === 0) return out;
      const rows = await db
        .selectFrom("party_names")
        .select(["party_id", "name"])
        .where("party_id", "in", [...new Set(partyIds)])
        .orderBy("position")
        .execute();
      for (const r of rows) out.set(r.party_id, [...(out.get(r.party_id) ?? []), r.name]);
      return out;
    },
  };
}

export type ConsistencyRepo = ReturnType<typeof createConsistencyRepo>;
