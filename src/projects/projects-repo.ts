import { sql } from "kysely";
import type { Executor } from "../db/database.js";

/** Kysely queries of funded research projects and e-Rad pledges; the only place they touch SQL. */
export function createProjectsRepo() {
  return {
    async insertProject(
      exec: Executor,
      row: {
        id: string;
        title: string;
        summary: string | null;
        fundingAgency: string;
        fundingProgramme: string;
        specifiedProgramme: boolean;
        usFederal: boolean;
        applicationDueOn: string | null;
        department: string | null;
        jpTags: string[];
        usTags: string[];
        requiredModules: string[];
        createdBy: string | null;
      },
    ) {
      await exec
        .insertInto("research_projects")
        .values({
          id: row.id,
          title: row.title,
          summary: row.summary,
          funding_agency: row.fundingAgency,
          funding_programme: row.fundingProgramme,
          specified_programme: row.specifiedProgramme,
          us_federal: row.usFederal,
          application_due_on: row.applicationDueOn,
          department: row.department,
          jp_tags: row.jpTags,
          us_tags: row.usTags,
          required_modules: row.requiredModules,
          created_by: row.createdBy,
        })
        .execute();
    },
    find(exec: Executor, id: string) {
      return exec.selectFrom("research_projects").selectAll().where("id", "=", id).executeTakeFirst();
    },
    /** Locks the project row so concurrent changes to one project serialise. */
    lock(exec: Executor, id: string) {
      return exec
        .selectFrom("research_projects")
        .selectAll()
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
    },
    list(exec: Executor) {
      return exec.selectFrom("research_projects").selectAll().orderBy("number", "desc").limit(500).execute();
    },
    async touch(exec: Executor, id: string) {
      await exec
        .updateTable("research_projects")
        .set({ version: sql`version + 1`, updated_at: sql`now()` })
        .where("id", "=", id)
        .execute();
    },
    async setStatus(
      exec: Executor,
      id: string,
      status: "preparing" | "ready" | "withdrawn",
      by: string | null,
      snapshot: unknown,
    ) {
      await exec
        .updateTable("research_projects")
        .set({
          status,
          ready_at: status === "ready" ? sql`now()` : null,
          ready_by: status === "ready" ? by : null,
          ready_snapshot: status === "ready" ? JSON.stringify(snapshot) : null,
          version: sql`version + 1`,
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .execute();
    },
    partners(exec: Executor, projectId: string) {
      return exec
        .selectFrom("research_project_partners as p")
        .innerJoin("parties", "parties.id", "p.party_id")
        .select([
          "p.id",
          "p.party_id",
          "p.role",
          "p.note",
          "p.position",
          "parties.primary_name as name",
          "parties.country",
        ])
        .where("p.project_id", "=", projectId)
        .orderBy("p.position")
        .execute();
    },
    async insertPartner(
      exec: Executor,
      row: { id: string; projectId: string; partyId: string; role: string; note: string | null },
    ) {
      const { n } = await exec
        .selectFrom("research_project_partners")
        .select(sql<number>`coalesce(max(position), 0) + 1`.as("n"))
        .where("project_id", "=", row.projectId)
        .executeTakeFirstOrThrow();
      await exec
        .insertInto("research_project_partners")
        .values({
          id: row.id,
          project_id: row.projectId,
          party_id: row.partyId,
          role: row.role,
          owner_of: null,
          note: row.note,
          position: Number(n),
        })
        .execute();
    },
    async deletePartner(exec: Executor, projectId: string, id: string) {
      const r = await exec
        .deleteFrom("research_project_partners")
        .where("project_id", "=", projectId)
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    members(exec: Executor, projectId: string) {
      return exec
        .selectFrom("research_project_members as m")
        .innerJoin("people", "people.id", "m.person_id")
        .innerJoin("parties", "parties.id", "people.party_id")
        .select([
          "m.id",
          "m.person_id",
          "m.role",
          "m.pledge_required",
          "m.position",
          "parties.primary_name as name",
          "people.user_id",
          "people.disclosure_due_on",
          "people.erad_researcher_number",
        ])
        .where("m.project_id", "=", projectId)
        .orderBy("m.position")
        .execute();
    },
    async insertMember(
      exec: Executor,
      row: {
        id: string;
        projectId: string;
        personId: string;
        role: string;
        pledgeRequired: boolean;
        appointmentPartyIds?: string[] | undefined;
      },
    ) {
      const { n } = await exec
        .selectFrom("research_project_members")
        .select(sql<number>`coalesce(max(position), 0) + 1`.as("n"))
        .where("project_id", "=", row.projectId)
        .executeTakeFirstOrThrow();
      await exec
        .insertInto("research_project_members")
        .values({
          id: row.id,
          project_id: row.projectId,
          person_id: row.personId,
          role: row.role,
          affiliation_party_id: null,
          pledge_required: row.pledgeRequired,
          covered: true,
          position: Number(n),
        })
        .execute();
      const appointments = [...new Set(row.appointmentPartyIds ?? [])];
      if (appointments.length)
        await exec
          .insertInto("research_project_member_appointments")
          .values(appointments.map((party_id) => ({ member_id: row.id, party_id })))
          .execute();
    },
    /** The appointments (兼務先) stated for the project's members, with the party's name. */
    memberAppointments(exec: Executor, projectId: string) {
      return exec
        .selectFrom("research_project_member_appointments as a")
        .innerJoin("research_project_members as m", "m.id", "a.member_id")
        .innerJoin("parties as x", "x.id", "a.party_id")
        .select(["a.member_id", "a.party_id", "x.primary_name as name"])
        .where("m.project_id", "=", projectId)
        .execute();
    },
    findMember(exec: Executor, projectId: string, memberId: string) {
      return exec
        .selectFrom("research_project_members")
        .select(["id", "person_id"])
        .where("project_id", "=", projectId)
        .where("id", "=", memberId)
        .executeTakeFirst();
    },
    /** Adds a stated appointment (兼務先) to a member; false when it was already there. */
    async insertAppointment(exec: Executor, memberId: string, partyId: string): Promise<boolean> {
      const r = await exec
        .insertInto("research_project_member_appointments")
        .values({ member_id: memberId, party_id: partyId })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async deleteAppointment(exec: Executor, memberId: string, partyId: string) {
      const r = await exec
        .deleteFrom("research_project_member_appointments")
        .where("member_id", "=", memberId)
        .where("party_id", "=", partyId)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async deleteMember(exec: Executor, projectId: string, id: string) {
      const r = await exec
        .deleteFrom("research_project_members")
        .where("project_id", "=", projectId)
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    personExists(exec: Executor, personId: string) {
      return exec.selectFrom("people").select("id").where("id", "=", personId).executeTakeFirst();
    },
    // — data and equipment register (migration 1080) —
    assets(exec: Executor, projectId: string) {
      return exec
        .selectFrom("research_project_assets as a")
        .leftJoin("parties as x", "x.id", "a.shared_with_party_id")
        .select([
          "a.id",
          "a.kind",
          "a.description",
          "a.control_status",
          "a.control_ref",
          "a.shared_with_party_id",
          "x.primary_name as shared_with_name",
          "a.sharing_agreement",
          "a.location",
          "a.access_limits",
          "a.authorised_member_ids",
          "a.version",
          "a.updated_at",
        ])
        .where("a.project_id", "=", projectId)
        .orderBy("a.position")
        .execute();
    },
    findAsset(exec: Executor, projectId: string, id: string) {
      return exec
        .selectFrom("research_project_assets")
        .selectAll()
        .where("project_id", "=", projectId)
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
    },
    async insertAsset(exec: Executor, row: AssetRow & { id: string; projectId: string }) {
      const { n } = await exec
        .selectFrom("research_project_assets")
        .select(sql<number>`coalesce(max(position), 0) + 1`.as("n"))
        .where("project_id", "=", row.projectId)
        .executeTakeFirstOrThrow();
      await exec
        .insertInto("research_project_assets")
        .values({ id: row.id, project_id: row.projectId, position: Number(n), ...assetColumns(row) })
        .execute();
    },
    async updateAsset(exec: Executor, id: string, row: AssetRow) {
      await exec
        .updateTable("research_project_assets")
        .set({ ...assetColumns(row), version: sql`version + 1`, updated_at: sql`now()` })
        .where("id", "=", id)
        .execute();
    },
    async deleteAsset(exec: Executor, projectId: string, id: string) {
      const r = await exec
        .deleteFrom("research_project_assets")
        .where("project_id", "=", projectId)
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    /** A removed member loses every access the register gave them. */
    async dropMemberFromAssets(exec: Executor, projectId: string, memberId: string) {
      await exec
        .updateTable("research_project_assets")
        .set({ authorised_member_ids: sql`array_remove(authorised_member_ids, ${memberId}::uuid)` })
        .where("project_id", "=", projectId)
        .where(sql<boolean>`${memberId}::uuid = ANY(authorised_member_ids)`)
        .execute();
    },
    partyExists(exec: Executor, partyId: string) {
      return exec
        .selectFrom("parties")
        .select(["id", "primary_name as name"])
        .where("id", "=", partyId)
        .executeTakeFirst();
    },
    hasDisclosure(exec: Executor, personIds: string[]) {
      if (personIds.length === 0) return Promise.resolve([] as { person_id: string }[]);
      return exec
        .selectFrom("integrity_disclosures")
        .select("person_id")
        .distinct()
        .where("person_id", "in", personIds)
        .execute();
    },
    checks(exec: Executor, projectId: string) {
      return exec
        .selectFrom("research_project_checks")
        .selectAll()
        .where("project_id", "=", projectId)
        .execute();
    },
    async upsertCheck(
      exec: Executor,
      row: {
        projectId: string;
        item: string;
        status: "open" | "satisfied" | "concern";
        conclusion: string | null;
        by: string | null;
      },
    ) {
      await exec
        .insertInto("research_project_checks")
        .values({
          project_id: row.projectId,
          item: row.item,
          status: row.status,
          conclusion: row.conclusion,
          concluded_by: row.by,
          concluded_at: sql`now()`,
        })
        .onConflict((oc) =>
          oc.columns(["project_id", "item"]).doUpdateSet({
            status: row.status,
            conclusion: row.conclusion,
            concluded_by: row.by,
            concluded_at: sql`now()`,
          }),
        )
        .execute();
    },
    evidence(exec: Executor, projectId: string) {
      return exec
        .selectFrom("research_project_evidence")
        .selectAll()
        .where("project_id", "=", projectId)
        .orderBy("added_at")
        .execute();
    },
    async insertEvidence(
      exec: Executor,
      row: {
        id: string;
        projectId: string;
        item: string;
        text: string;
        url: string | null;
        by: string | null;
      },
    ) {
      await exec
        .insertInto("research_project_evidence")
        .values({
          id: row.id,
          project_id: row.projectId,
          item: row.item,
          text: row.text,
          url: row.url,
          added_by: row.by,
        })
        .execute();
    },
    measures(exec: Executor, projectId: string) {
      return exec
        .selectFrom("research_project_measures as m")
        .innerJoin("users", "users.id", "m.owner_user_id")
        .select([
          "m.id",
          "m.kind",
          "m.description",
          "m.owner_user_id",
          "users.display_name as owner_name",
          "m.due_on",
          "m.status",
          "m.addresses",
          "m.in_place_at",
        ])
        .where("m.project_id", "=", projectId)
        .orderBy("m.created_at")
        .execute();
    },
    async insertMeasure(
      exec: Executor,
      row: {
        id: string;
        projectId: string;
        kind: string;
        description: string;
        ownerUserId: string;
        dueOn: string | null;
        addresses: string[];
        by: string | null;
      },
    ) {
      await exec
        .insertInto("research_project_measures")
        .values({
          id: row.id,
          project_id: row.projectId,
          kind: row.kind,
          description: row.description,
          owner_user_id: row.ownerUserId,
          due_on: row.dueOn,
          addresses: row.addresses,
          created_by: row.by,
        })
        .execute();
    },
    findMeasure(exec: Executor, projectId: string, id: string) {
      return exec
        .selectFrom("research_project_measures")
        .selectAll()
        .where("project_id", "=", projectId)
        .where("id", "=", id)
        .executeTakeFirst();
    },
    async setMeasureStatus(exec: Executor, id: string, status: "planned" | "in_place") {
      await exec
        .updateTable("research_project_measures")
        .set({ status, in_place_at: status === "in_place" ? sql`now()` : null, updated_at: sql`now()` })
        .where("id", "=", id)
        .execute();
    },
    userExists(exec: Executor, id: string) {
      return exec.selectFrom("users").select(["id", "display_name"]).where("id", "=", id).executeTakeFirst();
    },
    /** The latest pledge request per person (newest first), for members' pledge states. */
    async latestPledges(exec: Executor, personIds: string[]) {
      if (personIds.length === 0) return [];
      return exec
        .selectFrom("erad_pledges")
        .selectAll()
        .where("person_id", "in", personIds)
        .orderBy("created_at", "desc")
        .execute();
    },
    pledgesOf(exec: Executor, personId: string) {
      return exec
        .selectFrom("erad_pledges")
        .selectAll()
        .where("person_id", "=", personId)
        .orderBy("created_at", "desc")
        .execute();
    },
    findPledge(exec: Executor, id: string) {
      return exec.selectFrom("erad_pledges").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
    },
    async insertPledge(
      exec: Executor,
      row: {
        id: string;
        personId: string;
        dueOn: string;
        projectId: string | null;
        note: string | null;
        by: string | null;
      },
    ) {
      await exec
        .insertInto("erad_pledges")
        .values({
          id: row.id,
          person_id: row.personId,
          due_on: row.dueOn,
          project_id: row.projectId,
          note: row.note,
          requested_by: row.by,
        })
        .execute();
    },
    async setPledgeGiven(exec: Executor, id: string, givenOn: string | null, by: string | null) {
      await exec
        .updateTable("erad_pledges")
        .set({ given_on: givenOn, recorded_by: by, updated_at: sql`now()` })
        .where("id", "=", id)
        .execute();
    },
    /** Open pledges (not given) due on or before a day: the reminder run's work list. */
    openPledgesDueBy(exec: Executor, day: string) {
      return exec
        .selectFrom("erad_pledges as e")
        .innerJoin("people", "people.id", "e.person_id")
        .innerJoin("parties", "parties.id", "people.party_id")
        .select([
          "e.id",
          "e.person_id",
          "e.due_on",
          "e.project_id",
          "parties.primary_name as name",
          "people.user_id",
        ])
        .where("e.given_on", "is", null)
        .where("e.due_on", "<=", day)
        .execute();
    },
  };
}

export type ProjectsRepo = ReturnType<typeof createProjectsRepo>;

/** One register entry as the service writes it. */
export type AssetRow = {
  kind: string;
  description: string;
  controlStatus: "listed" | "not_listed" | "unclassified";
  controlRef: string | null;
  sharedWithPartyId: string | null;
  sharingAgreement: string | null;
  location: string | null;
  accessLimits: string | null;
  authorisedMemberIds: string[];
};

function assetColumns(row: AssetRow) {
  return {
    kind: row.kind,
    description: row.description,
    control_status: row.controlStatus,
    control_ref: row.controlRef,
    shared_with_party_id: row.sharedWithPartyId,
    sharing_agreement: row.sharingAgreement,
    location: row.location,
    access_limits: row.accessLimits,
    authorised_member_ids: row.authorisedMemberIds,
  };
}
