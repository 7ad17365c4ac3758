import { sql } from "kysely";
import type { Executor } from "../db/database.js";

export type ReviewInsert = {
  id: string;
  activityType: string;
  title: string;
  applicantUserId: string;
  unit: string | null;
  details: unknown;
  answers: unknown;
  notes: unknown;
  topicTags: unknown;
};

export type CounterpartyInsert = {
  id: string;
  partyId: string;
  role: string;
  attributes: unknown;
};

/** SQL for reviews, their counterparties, their transitions and users' drafts. */
export function createReviewsRepo() {
  return {
    async nextRefNo(tx: Executor, year: number): Promise<string> {
      const { rows } = await sql<{ n: number }>`SELECT nextval('review_ref_seq')::int AS n`.execute(tx);
      return `RV-${year}-${String(rows[0]!.n).padStart(4, "0")}`;
    },
    async insert(tx: Executor, r: ReviewInsert & { refNo: string }): Promise<void> {
      await tx
        .insertInto("reviews")
        .values({
          id: r.id,
          ref_no: r.refNo,
          activity_type: r.activityType,
          title: r.title,
          applicant_user_id: r.applicantUserId,
          unit: r.unit,
          details: JSON.stringify(r.details),
          answers: JSON.stringify(r.answers),
          notes: JSON.stringify(r.notes),
          topic_tags: JSON.stringify(r.topicTags),
        })
        .execute();
    },
    async updateForm(
      tx: Executor,
      id: string,
      r: Pick<ReviewInsert, "title" | "unit" | "details" | "answers" | "notes" | "topicTags">,
    ): Promise<void> {
      await tx
        .updateTable("reviews")
        .set((eb) => ({
          title: r.title,
          unit: r.unit,
          details: JSON.stringify(r.details),
          answers: JSON.stringify(r.answers),
          notes: JSON.stringify(r.notes),
          topic_tags: JSON.stringify(r.topicTags),
          version: eb("version", "+", 1),
          updated_at: new Date(),
        }))
        .where("id", "=", id)
        .execute();
    },
    async setClassification(
      tx: Executor,
      id: string,
      c: { classification: unknown; topicTags: unknown; by: string | null; at: Date },
    ): Promise<void> {
      await tx
        .updateTable("reviews")
        .set((eb) => ({
          classification: JSON.stringify(c.classification),
          topic_tags: JSON.stringify(c.topicTags),
          classified_by: c.by,
          classified_at: c.at,
          version: eb("version", "+", 1),
          updated_at: new Date(),
        }))
        .where("id", "=", id)
        .execute();
    },
    async setTransactionCheck(
      tx: Executor,
      id: string,
      c: { check: unknown; by: string | null; at: Date },
    ): Promise<void> {
      await tx
        .updateTable("reviews")
        .set((eb) => ({
          transaction_check: JSON.stringify(c.check),
          checked_by: c.by,
          checked_at: c.at,
          version: eb("version", "+", 1),
          updated_at: new Date(),
        }))
        .where("id", "=", id)
        .execute();
    },
    async setStatus(
      tx: Executor,
      id: string,
      s: {
        status: string;
        track: "simple" | "full";
        routing: unknown;
        risk: unknown;
        submittedAt?: Date | undefined;
        decision?: {
          conditions: string | null;
          comment: string | null;
          by: string | null;
          at: Date;
          retentionUntil: string;
        };
      },
    ): Promise<void> {
      await tx
        .updateTable("reviews")
        .set((eb) => ({
          status: s.status,
          track: s.track,
          routing: JSON.stringify(s.routing),
          risk: JSON.stringify(s.risk),
          ...(s.submittedAt ? { submitted_at: s.submittedAt } : {}),
          ...(s.decision
            ? {
                conditions: s.decision.conditions,
                decision_comment: s.decision.comment,
                decided_by: s.decision.by,
                decided_at: s.decision.at,
                retention_until: s.decision.retentionUntil,
              }
            : {}),
          version: eb("version", "+", 1),
          updated_at: new Date(),
        }))
        .where("id", "=", id)
        .execute();
    },
    find(db: Executor, id: string, forUpdate = false) {
      const q = db.selectFrom("reviews").selectAll().where("id", "=", id);
      return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
    },
    async list(
      db: Executor,
      q: {
        applicantUserId?: string | undefined;
        statuses?: string[] | undefined;
        /** Words in the reference, the title or the applicant's name. */
        text?: string | undefined;
        limit: number;
        offset: number;
        /**
         * A unit officer's departments (0800): only reviews whose department (the applicant's, else the
         * stated unit) they cover — or, with `unitStageOnly`, that limit applies to the unit stage only.
         */
        unitScope?: { departments: string[]; unitStageOnly: boolean } | undefined;
      },
    ) {
      let base = db.selectFrom("reviews").innerJoin("users", "users.id", "reviews.applicant_user_id");
      for (const word of (q.text ?? "").normalize("NFKC").trim().split(/\s+/).filter(Boolean).slice(0, 5)) {
        const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        base = base.where(
          sql<boolean>`(reviews.ref_no ILIKE ${pattern} OR reviews.title ILIKE ${pattern} OR users.display_name ILIKE ${pattern})`,
        );
      }
      if (q.applicantUserId) base = base.where("reviews.applicant_user_id", "=", q.applicantUserId);
      if (q.unitScope) {
        const dept = sql<string>`regexp_replace(normalize(coalesce(nullif(btrim(users.department), ''), nullif(btrim(reviews.unit), ''), ''), NFKC), '\s+', ' ', 'g')`;
        const covered = sql<boolean>`(${dept} = '' OR EXISTS (SELECT 1 FROM unnest(${q.unitScope.departments}::text[]) AS s(d)
          WHERE ${dept} = s.d OR (left(${dept}, length(s.d)) = s.d AND substr(${dept}, length(s.d) + 1, 1) IN (' ', '/', '・', '>'))))`;
        base = q.unitScope.unitStageOnly
          ? base.where(sql<boolean>`(reviews.status <> 'unit_review' OR ${covered})`)
          : base.where(covered);
      }
      if (q.statuses && q.statuses.length > 0) base = base.where("reviews.status", "in", q.statuses);
      // Only what a list row shows, and the total in the same statement (issue 11 §6): the whole row
      // brought nine JSON columns per review (answers, details, classification …) to parse and throw
      // away, and the count was a second statement. A page past the end has no row to carry the
      // total: only then is it counted on its own.
      const rows = await base
        .select([
          "reviews.id",
          "reviews.ref_no",
          "reviews.activity_type",
          "reviews.title",
          "reviews.status",
          "reviews.track",
          "reviews.applicant_user_id",
          "reviews.risk",
          "reviews.submitted_at",
          "reviews.decided_at",
          "reviews.retention_until",
          "reviews.updated_at",
          "users.display_name as applicant_name",
          sql<number>`(count(*) OVER ())::int`.as("total_count"),
        ])
        .orderBy("reviews.updated_at", "desc")
        .orderBy("reviews.id")
        .limit(q.limit)
        .offset(q.offset)
        .execute();
      const n =
        rows.length > 0
          ? rows[0]!.total_count
          : q.offset === 0
            ? 0
            : (await base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow()).n;
      return [rows, { n }] as const;
    },

    // — counterparties —
    async replaceCounterparties(tx: Executor, reviewId: string, rows: CounterpartyInsert[]): Promise<void> {
      const existing = await tx
        .selectFrom("review_counterparties")
        .selectAll()
        .where("review_id", "=", reviewId)
        .execute();
      await tx.deleteFrom("review_counterparties").where("review_id", "=", reviewId).execute();
      if (rows.length === 0) return;
      await tx
        .insertInto("review_counterparties")
        .values(
          rows.map((r, i) => {
            // Keep a screening already done for the same party.
            const prior = existing.find((e) => e.party_id === r.partyId && e.role === r.role);
            return {
              id: prior?.id ?? r.id,
              review_id: reviewId,
              position: i,
              party_id: r.partyId,
              role: r.role,
              attributes: JSON.stringify(r.attributes ?? prior?.attributes ?? {}),
              screening: prior?.screening ? JSON.stringify(prior.screening) : null,
              screened_at: prior?.screened_at ?? null,
            };
          }),
        )
        .execute();
    },
    counterparties(db: Executor, reviewId: string) {
      return db
        .selectFrom("review_counterparties as c")
        .innerJoin("parties", "parties.id", "c.party_id")
        .selectAll("c")
        .select([
          "parties.primary_name as name",
          "parties.kind as party_kind",
          "parties.country as party_country",
        ])
        .where("c.review_id", "=", reviewId)
        .orderBy("c.position")
        .execute();
    },
    async setCounterpartyAttributes(tx: Executor, id: string, attributes: unknown): Promise<void> {
      await tx
        .updateTable("review_counterparties")
        .set({ attributes: JSON.stringify(attributes) })
        .where("id", "=", id)
        .execute();
    },
    async setCounterpartyScreening(tx: Executor, id: string, screening: unknown, at: Date): Promise<void> {
      await tx
        .updateTable("review_counterparties")
        .set({ screening: JSON.stringify(screening), screened_at: at })
        .where("id", "=", id)
        .execute();
    },

    // — events —
    async insertEvent(
      tx: Executor,
      e: {
        id: string;
        reviewId: string;
        action: string;
        from: string | null;
        to: string;
        actorId: string | null;
        actorLabel: string;
        comment: string | null;
        conditions: string | null;
      },
    ): Promise<void> {
      await tx
        .insertInto("review_events")
        .values({
          id: e.id,
          review_id: e.reviewId,
          action: e.action,
          from_status: e.from,
          to_status: e.to,
          actor_id: e.actorId,
          actor_label: e.actorLabel,
          comment: e.comment,
          conditions: e.conditions,
        })
        .execute();
    },
    events(db: Executor, reviewId: string) {
      return db
        .selectFrom("review_events")
        .leftJoin("users", "users.id", "review_events.actor_id")
        .selectAll("review_events")
        .select(["users.display_name as actor_name"])
        .where("review_id", "=", reviewId)
        .orderBy("at")
        .orderBy("review_events.id")
        .execute();
    },
    /** Reference numbers of this user's own applications (any state) that name the party (0800: separation of duties). */
    async refsOfApplicantNamingParty(db: Executor, userId: string, partyId: string): Promise<string[]> {
      const rows = await db
        .selectFrom("reviews")
        .innerJoin("review_counterparties", "review_counterparties.review_id", "reviews.id")
        .select("reviews.ref_no")
        .distinct()
        .where("reviews.applicant_user_id", "=", userId)
        .where("review_counterparties.party_id", "=", partyId)
        .execute();
      return rows.map((r) => r.ref_no);
    },
    /** Approved hires and contracts (not withdrawn or rejected) that name the party, with its roles. */
    approvedHiresNamingParty(db: Executor, partyId: string) {
      return db
        .selectFrom("reviews")
        .innerJoin("review_counterparties", "review_counterparties.review_id", "reviews.id")
        .select(["reviews.id", "reviews.ref_no", "reviews.title", "review_counterparties.role"])
        .where("reviews.activity_type", "=", "hiring_contracting")
        .where("reviews.status", "in", ["approved", "approved_with_conditions"])
        .where("review_counterparties.party_id", "=", partyId)
        .orderBy("reviews.ref_no")
        .orderBy("review_counterparties.position")
        .execute();
    },
    userName(db: Executor, userId: string) {
      return db
        .selectFrom("users")
        .select(["display_name", "department"])
        .where("id", "=", userId)
        .executeTakeFirst();
    },

    // — export control: facts, items, licence links, determination snapshot —
    async setExportFacts(tx: Executor, id: string, facts: unknown): Promise<void> {
      await tx
        .updateTable("reviews")
        .set((eb) => ({
          export_facts: JSON.stringify(facts),
          version: eb("version", "+", 1),
          updated_at: new Date(),
        }))
        .where("id", "=", id)
        .execute();
    },
    async setLicenceDetermination(tx: Executor, id: string, determination: unknown): Promise<void> {
      await tx
        .updateTable("reviews")
        .set({ licence_determination: JSON.stringify(determination) })
        .where("id", "=", id)
        .execute();
    },
    reviewItems(db: Executor, reviewId: string) {
      return db
        .selectFrom("review_items as ri")
        .innerJoin("export_items as i", "i.id", "ri.item_id")
        .selectAll("ri")
        .select(["i.ref_no", "i.name", "i.kind", "i.version as item_version", "i.status as item_status"])
        .where("ri.review_id", "=", reviewId)
        .orderBy("ri.position")
        .execute();
    },
    async replaceReviewItems(
      tx: Executor,
      reviewId: string,
      rows: {
        itemId: string;
        quantity: number | null;
        unit: string | null;
        valueJpy: number | null;
        snapshot: unknown;
        exceptions: unknown;
        note: string | null;
      }[],
    ): Promise<void> {
      await tx.deleteFrom("review_items").where("review_id", "=", reviewId).execute();
      if (rows.length === 0) return;
      await tx
        .insertInto("review_items")
        .values(
          rows.map((r, i) => ({
            review_id: reviewId,
            item_id: r.itemId,
            position: i,
            quantity: r.quantity,
            unit: r.unit,
            value_jpy: r.valueJpy,
            snapshot: JSON.stringify(r.snapshot),
            exceptions: JSON.stringify(r.exceptions),
            note: r.note,
          })),
        )
        .execute();
      await tx
        .updateTable("reviews")
        .set((eb) => ({ version: eb("version", "+", 1), updated_at: new Date() }))
        .where("id", "=", reviewId)
        .execute();
    },
    licenceLinks(db: Executor, reviewId: string) {
      return db
        .selectFrom("review_licences")
        .select(["licence_id", "linked_at"])
        .where("review_id", "=", reviewId)
        .orderBy("linked_at")
        .execute();
    },
    async linkLicence(tx: Executor, reviewId: string, licenceId: string, by: string | null): Promise<void> {
      await tx
        .insertInto("review_licences")
        .values({ review_id: reviewId, licence_id: licenceId, linked_by: by })
        .onConflict((oc) => oc.columns(["review_id", "licence_id"]).doNothing())
        .execute();
    },
    async unlinkLicence(tx: Executor, reviewId: string, licenceId: string): Promise<void> {
      await tx
        .deleteFrom("review_licences")
        .where("review_id", "=", reviewId)
        .where("licence_id", "=", licenceId)
        .execute();
    },
    userIds(db: Executor, ids: string[]) {
      if (ids.length === 0) return Promise.resolve([] as { id: string }[]);
      return db.selectFrom("users").select("id").where("id", "in", ids).execute();
    },

    // — drafts —
    getDraft(db: Executor, userId: string, key: string) {
      return db
        .selectFrom("review_drafts")
        .selectAll()
        .where("user_id", "=", userId)
        .where("key", "=", key)
        .executeTakeFirst();
    },
    identityChecks(db: Executor, reviewId: string) {
      return db
        .selectFrom("review_identity_checks as c")
        .leftJoin("users as u", "u.id", "c.checked_by")
        .select([
          "c.check_id",
          "c.outcome",
          "c.evidence",
          "c.checked_by",
          "c.checked_by_label",
          "c.checked_at",
        ])
        .select("u.display_name as checked_by_name")
        .where("c.review_id", "=", reviewId)
        .execute();
    },
    /** Records (or re-records) one identity check and bumps the review's version. */
    async putIdentityCheck(
      tx: Executor,
      r: {
        reviewId: string;
        checkId: string;
        outcome: "clear" | "sign";
        evidence: string;
        by: string | null;
        byLabel: string;
        at: Date;
      },
    ): Promise<void> {
      const values = {
        outcome: r.outcome,
        evidence: r.evidence,
        checked_by: r.by,
        checked_by_label: r.byLabel,
        checked_at: r.at,
      };
      await tx
        .insertInto("review_identity_checks")
        .values({ review_id: r.reviewId, check_id: r.checkId, ...values })
        .onConflict((oc) => oc.columns(["review_id", "check_id"]).doUpdateSet(values))
        .execute();
      await tx
        .updateTable("reviews")
        .set((eb) => ({ version: eb("version", "+", 1), updated_at: new Date() }))
        .where("id", "=", r.reviewId)
        .execute();
    },
    async putDraft(db: Executor, userId: string, key: string, payload: unknown, at: Date): Promise<void> {
      await db
        .insertInto("review_drafts")
        .values({ user_id: userId, key, payload: JSON.stringify(payload), updated_at: at })
        .onConflict((oc) =>
          oc.columns(["user_id", "key"]).doUpdateSet({ payload: JSON.stringify(payload), updated_at: at }),
        )
        .execute();
    },
    async deleteDraft(db: Executor, userId: string, key: string): Promise<void> {
      await db.deleteFrom("review_drafts").where("user_id", "=", userId).where("key", "=", key).execute();
    },
    listDrafts(db: Executor, userId: string) {
      return db
        .selectFrom("review_drafts")
        .select(["key", "updated_at"])
        .where("user_id", "=", userId)
        .orderBy("updated_at", "desc")
        .execute();
    },
  };
}

export type ReviewsRepo = ReturnType<typeof createReviewsRepo>;
