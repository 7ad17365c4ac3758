import { sql } from "kysely";
import type { Executor } from "../db/database.js";

/**
 * SQL over the records that point at parties (reviews' counterparties, people, approach reports,
 * screening runs and decisions, declared providers, and whatever table a module adds later): who
 * uses a party, and re-pointing them all when two duplicate parties are merged. Reading other
 * modules' tables here is deliberate and read-mostly: the parties kernel is below every module, so
 * it cannot call their services, and a merge must move every reference in one transaction.
 */

export type SubmittedReviewRef = { id: string; refNo: string; title: string; status: string };

export type PartyUsageRows = {
  submittedReviews: SubmittedReviewRef[];
  /** Draft reviews of other users that name the party. */
  othersDraftReviews: number;
  /** Draft reviews of the asking user. */
  ownDraftReviews: number;
  people: { id: string }[];
  approachReports: { id: string; number: number }[];
};

/** One foreign-key column that references parties(id). */
export type PartyReference = { table: string; column: string };

/** Tables that keep the duplicate's own history or describe the party itself: never re-pointed. */
const NOT_REPOINTED = new Set(["party_names", "party_versions", "parties"]);

export type RepointResult = {
  /** Rows moved per "table.column". */
  moved: Record<string, number>;
  /** Rows dropped because the surviving party already had the same link (same review and role …). */
  droppedDuplicates: Record<string, unknown[]>;
  /** Hit decisions the two parties disagreed on: both set aside, so the hit is decided again. */
  reopenedDecisions: { source: string; sourceId: string }[];
};

export function createPartyReferencesRepo() {
  return {
    async usage(db: Executor, partyId: string, userId: string | null): Promise<PartyUsageRows> {
      const reviews = await db
        .selectFrom("review_counterparties as c")
        .innerJoin("reviews as r", "r.id", "c.review_id")
        .select(["r.id", "r.ref_no", "r.title", "r.status", "r.submitted_at", "r.applicant_user_id"])
        .where("c.party_id", "=", partyId)
        .distinct()
        .execute();
      const submitted = reviews.filter((r) => r.status !== "draft" || r.submitted_at !== null);
      const drafts = reviews.filter((r) => r.status === "draft" && r.submitted_at === null);
      const people = await db.selectFrom("people").select("id").where("party_id", "=", partyId).execute();
      const reports = await db
        .selectFrom("approach_report_parties as l")
        .innerJoin("approach_reports as a", "a.id", "l.report_id")
        .select(["a.id", "a.number"])
        .where("l.party_id", "=", partyId)
        .distinct()
        .execute();
      return {
        submittedReviews: submitted.map((r) => ({
          id: r.id,
          refNo: r.ref_no,
          title: r.title,
          status: r.status,
        })),
        othersDraftReviews: drafts.filter((r) => r.applicant_user_id !== userId).length,
        ownDraftReviews: drafts.filter((r) => r.applicant_user_id === userId).length,
        people,
        approachReports: reports,
      };
    },

    /** Every foreign-key column in the database that references parties(id), from the catalogue. */
    async references(db: Executor): Promise<PartyReference[]> {
      const { rows } = await sql<{ table_name: string; column_name: string }>`
        SELECT cl.relname AS table_name, a.attname AS column_name
        FROM pg_constraint c
        JOIN pg_class cl ON cl.oid = c.conrelid
        JOIN pg_namespace ns ON ns.oid = cl.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
        WHERE c.contype = 'f' AND c.confrelid = 'parties'::regclass
          AND ns.nspname = current_schema()
        ORDER BY 1, 2`.execute(db);
      return rows.map((r) => ({ table: r.table_name, column: r.column_name }));
    },

    /**
     * Moves every reference from `fromId` to `toId`. Links the survivor already has (the same review
     * and role, the same report, the same person's provider) are dropped from the duplicate and
     * returned; a person record on each side cannot be merged here (the caller refuses first). Hit
     * decisions on the same list entry: kept once if they agree, both set aside if they disagree.
     * Any other table that references parties is moved as is; if that breaks one of its unique
     * rules, the database refuses and the whole merge rolls back.
     */
    async repoint(tx: Executor, fromId: string, toId: string, now: Date): Promise<RepointResult> {
      const dropped: Record<string, unknown[]> = {};
      const counterparts = await tx
        .deleteFrom("review_counterparties as d")
        .where("d.party_id", "=", fromId)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom("review_counterparties as s")
              .select("s.id")
              .whereRef("s.review_id", "=", "d.review_id")
              .whereRef("s.role", "=", "d.role")
              .where("s.party_id", "=", toId),
          ),
        )
        .returning(["d.id", "d.review_id", "d.role"])
        .execute();
      if (counterparts.length) dropped.review_counterparties = counterparts;
      const reportLinks = await tx
        .deleteFrom("approach_report_parties as d")
        .where("d.party_id", "=", fromId)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom("approach_report_parties as s")
              .select("s.report_id")
              .whereRef("s.report_id", "=", "d.report_id")
              .where("s.party_id", "=", toId),
          ),
        )
        .returning(["d.report_id", "d.role"])
        .execute();
      if (reportLinks.length) dropped.approach_report_parties = reportLinks;
      const providers = await tx
        .deleteFrom("person_provider_screenings as d")
        .where("d.party_id", "=", fromId)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom("person_provider_screenings as s")
              .select("s.person_id")
              .whereRef("s.person_id", "=", "d.person_id")
              .where("s.party_id", "=", toId),
          ),
        )
        .returning(["d.person_id", "d.provider_name"])
        .execute();
      if (providers.length) dropped.person_provider_screenings = providers;

      // Current decisions on the same list entry for both parties.
      const clashes = await tx
        .selectFrom("screening_decisions as d")
        .innerJoin("screening_decisions as s", (j) =>
          j.onRef("s.source", "=", "d.source").onRef("s.source_id", "=", "d.source_id"),
        )
        .select([
          "d.id as dupId",
          "s.id as survivorId",
          "d.status as dupStatus",
          "s.status as survivorStatus",
          "d.source",
          "d.source_id",
        ])
        .where("d.party_id", "=", fromId)
        .where("s.party_id", "=", toId)
        .where("d.replaced_at", "is", null)
        .where("s.replaced_at", "is", null)
        .execute();
      const reopened: RepointResult["reopenedDecisions"] = [];
      for (const c of clashes) {
        const ids = c.dupStatus === c.survivorStatus ? [c.dupId] : [c.dupId, c.survivorId];
        if (ids.length === 2) reopened.push({ source: c.source, sourceId: c.source_id });
        await tx
          .updateTable("screening_decisions")
          .set({ replaced_at: now })
          .where("id", "in", ids)
          .execute();
      }

      // Parties merged into the duplicate earlier now point at the survivor.
      await tx.updateTable("parties").set({ merged_into: toId }).where("merged_into", "=", fromId).execute();

      const moved: Record<string, number> = {};
      for (const ref of await this.references(tx)) {
        if (NOT_REPOINTED.has(ref.table)) continue;
        const result = await sql`UPDATE ${sql.table(ref.table)} SET ${sql.ref(ref.column)} = ${toId}
          WHERE ${sql.ref(ref.column)} = ${fromId}`.execute(tx);
        const n = Number(result.numAffectedRows ?? 0);
        if (n > 0) moved[`${ref.table}.${ref.column}`] = n;
      }
      return { moved, droppedDuplicates: dropped, reopenedDecisions: reopened };
    },
  };
}

export type PartyReferencesRepo = ReturnType<typeof createPartyReferencesRepo>;
