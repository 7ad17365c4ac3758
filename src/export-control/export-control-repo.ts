import { sql } from "kysely";
import type { Executor } from "../db/database.js";

/**
 * SQL for the export-control module: imported country-group tables, the item master and its
 * attachments, licences and their usage, approval conditions, the technology-provision log,
 * hand-carried items, re-screening of reviews' counterparties and the yearly self-inspections.
 */
export function createExportControlRepo() {
  const j = (v: unknown) => JSON.stringify(v);
  return {
    // — country groups —
    activeCountryGroupTable(db: Executor) {
      return db.selectFrom("country_group_tables").selectAll().where("active", "=", true).executeTakeFirst();
    },
    listCountryGroupTables(db: Executor) {
      return db
        .selectFrom("country_group_tables")
        .select(["id", "title", "note", "active", "imported_by", "imported_at"])
        .orderBy("imported_at", "desc")
        .execute();
    },
    async insertCountryGroupTable(
      tx: Executor,
      r: { id: string; title: unknown; content: unknown; note: string | null; importedBy: string | null },
    ): Promise<void> {
      await tx
        .updateTable("country_group_tables")
        .set({ active: false })
        .where("active", "=", true)
        .execute();
      await tx
        .insertInto("country_group_tables")
        .values({
          id: r.id,
          title: j(r.title),
          content: j(r.content),
          note: r.note,
          active: true,
          imported_by: r.importedBy,
        })
        .execute();
    },
    async deactivateCountryGroupTables(tx: Executor): Promise<void> {
      await tx
        .updateTable("country_group_tables")
        .set({ active: false })
        .where("active", "=", true)
        .execute();
    },

    // — items —
    async nextItemRef(tx: Executor): Promise<string> {
      const { rows } = await sql<{ n: number }>`SELECT nextval('export_item_ref_seq')::int AS n`.execute(tx);
      return `IT-${String(rows[0]!.n).padStart(4, "0")}`;
    },
    async insertItem(tx: Executor, r: ItemRow): Promise<void> {
      await tx
        .insertInto("export_items")
        .values({
          ...r,
          provision: r.provision === null ? null : j(r.provision),
          exceptions: j(r.exceptions),
        })
        .execute();
    },
    async updateItem(tx: Executor, id: string, r: Omit<ItemRow, "id" | "ref_no">): Promise<void> {
      await tx
        .updateTable("export_items")
        .set((eb) => ({
          ...r,
          provision: r.provision === null ? null : j(r.provision),
          exceptions: j(r.exceptions),
          version: eb("version", "+", 1),
          updated_at: new Date(),
        }))
        .where("id", "=", id)
        .execute();
    },
    async setItemStatus(tx: Executor, id: string, status: "active" | "archived"): Promise<void> {
      await tx
        .updateTable("export_items")
        .set((eb) => ({ status, version: eb("version", "+", 1), updated_at: new Date() }))
        .where("id", "=", id)
        .execute();
    },
    findItem(db: Executor, id: string, forUpdate = false) {
      const q = db
        .selectFrom("export_items")
        .leftJoin("users", "users.id", "export_items.decided_by")
        .selectAll("export_items")
        .select("users.display_name as decided_by_name")
        .where("export_items.id", "=", id);
      return (forUpdate ? q.forUpdate("export_items") : q).executeTakeFirst();
    },
    itemsByIds(db: Executor, ids: string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("export_items")
        .leftJoin("users", "users.id", "export_items.decided_by")
        .selectAll("export_items")
        .select("users.display_name as decided_by_name")
        .where("export_items.id", "in", ids)
        .execute();
    },
    listItems(
      db: Executor,
      q: { search?: string | undefined; status?: string | undefined; recheckBefore?: string | undefined },
    ) {
      let base = db
        .selectFrom("export_items")
        .leftJoin("users", "users.id", "export_items.decided_by")
        .selectAll("export_items")
        .select("users.display_name as decided_by_name");
      if (q.status) base = base.where("export_items.status", "=", q.status as "active" | "archived");
      if (q.search) {
        const like = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        base = base.where((eb) =>
          eb.or([
            eb("export_items.name", "ilike", like),
            eb("export_items.model_number", "ilike", like),
            eb("export_items.ref_no", "ilike", like),
            eb("export_items.maker", "ilike", like),
          ]),
        );
      }
      if (q.recheckBefore) base = base.where("export_items.recheck_on", "<=", q.recheckBefore);
      return base.orderBy("export_items.ref_no").limit(500).execute();
    },
    itemUseCount(db: Executor, itemId: string) {
      return db
        .selectFrom("review_items")
        .select(sql<number>`count(*)::int`.as("n"))
        .where("item_id", "=", itemId)
        .executeTakeFirstOrThrow();
    },

    // — attachments —
    async insertAttachment(
      tx: Executor,
      a: {
        id: string;
        ownerType: "item" | "self_inspection" | "licence";
        ownerId: string;
        kind: string;
        fileName: string;
        mediaType: string;
        sizeBytes: number;
        sha256: string;
        content: Uint8Array;
        uploadedBy: string | null;
      },
    ): Promise<void> {
      await tx
        .insertInto("export_attachments")
        .values({
          id: a.id,
          owner_type: a.ownerType,
          owner_id: a.ownerId,
          kind: a.kind,
          file_name: a.fileName,
          media_type: a.mediaType,
          size_bytes: a.sizeBytes,
          sha256: a.sha256,
          content: a.content,
          uploaded_by: a.uploadedBy,
        })
        .execute();
    },
    attachments(db: Executor, ownerType: "item" | "self_inspection" | "licence", ownerId: string) {
      return db
        .selectFrom("export_attachments")
        .leftJoin("users", "users.id", "export_attachments.uploaded_by")
        .select([
          "export_attachments.id",
          "export_attachments.kind",
          "export_attachments.file_name",
          "export_attachments.media_type",
          "export_attachments.size_bytes",
          "export_attachments.sha256",
          "export_attachments.created_at",
          "users.display_name as uploaded_by_name",
        ])
        .where("owner_type", "=", ownerType)
        .where("owner_id", "=", ownerId)
        .orderBy("export_attachments.created_at")
        .execute();
    },
    attachment(db: Executor, ownerType: "item" | "self_inspection" | "licence", ownerId: string, id: string) {
      return db
        .selectFrom("export_attachments")
        .selectAll()
        .where("owner_type", "=", ownerType)
        .where("owner_id", "=", ownerId)
        .where("id", "=", id)
        .executeTakeFirst();
    },
    async deleteAttachment(tx: Executor, id: string): Promise<void> {
      await tx.deleteFrom("export_attachments").where("id", "=", id).execute();
    },

    // — licences —
    async nextLicenceRef(tx: Executor, year: number): Promise<string> {
      const { rows } = await sql<{ n: number }>`SELECT nextval('export_licence_ref_seq')::int AS n`.execute(
        tx,
      );
      return `LC-${year}-${String(rows[0]!.n).padStart(4, "0")}`;
    },
    async insertLicence(tx: Executor, r: LicenceRow): Promise<void> {
      await tx
        .insertInto("export_licences")
        .values({ ...r, items: j(r.items), destinations: j(r.destinations) })
        .execute();
    },
    async updateLicence(
      tx: Executor,
      id: string,
      r: Omit<LicenceRow, "id" | "ref_no" | "created_by">,
    ): Promise<void> {
      await tx
        .updateTable("export_licences")
        .set((eb) => ({
          ...r,
          items: j(r.items),
          destinations: j(r.destinations),
          version: eb("version", "+", 1),
          updated_at: new Date(),
        }))
        .where("id", "=", id)
        .execute();
    },
    licencesWithUse(db: Executor, filter: { ids?: string[] | undefined; status?: string | undefined } = {}) {
      let q = db
        .selectFrom("export_licences as l")
        .leftJoin("users", "users.id", "l.responsible_user_id")
        .selectAll("l")
        .select((eb) => [
          "users.display_name as responsible_name",
          eb
            .selectFrom("licence_usages as u")
            .select(sql<number>`coalesce(sum(u.quantity), 0)::float8`.as("q"))
            .whereRef("u.licence_id", "=", "l.id")
            .as("used_quantity"),
          eb
            .selectFrom("licence_usages as u")
            .select(sql<number>`coalesce(sum(u.value_jpy), 0)::float8`.as("v"))
            .whereRef("u.licence_id", "=", "l.id")
            .as("used_value_jpy"),
          eb
            .selectFrom("licence_usages as u")
            .select(sql<number>`count(*)::int`.as("n"))
            .whereRef("u.licence_id", "=", "l.id")
            .as("use_count"),
        ]);
      if (filter.ids) {
        if (filter.ids.length === 0) return Promise.resolve([]);
        q = q.where("l.id", "in", filter.ids);
      }
      if (filter.status) q = q.where("l.status", "=", filter.status);
      return q.orderBy("l.ref_no", "desc").limit(500).execute();
    },
    findLicence(db: Executor, id: string, forUpdate = false) {
      const q = db.selectFrom("export_licences").selectAll().where("id", "=", id);
      return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
    },
    async insertUsage(
      tx: Executor,
      u: {
        id: string;
        licenceId: string;
        reviewId: string | null;
        provisionId: string | null;
        usedOn: string;
        quantity: number | null;
        valueJpy: number | null;
        note: string | null;
        recordedBy: string | null;
      },
    ): Promise<void> {
      await tx
        .insertInto("licence_usages")
        .values({
          id: u.id,
          licence_id: u.licenceId,
          review_id: u.reviewId,
          provision_id: u.provisionId,
          used_on: u.usedOn,
          quantity: u.quantity,
          value_jpy: u.valueJpy,
          note: u.note,
          recorded_by: u.recordedBy,
        })
        .execute();
    },
    usages(db: Executor, licenceId: string) {
      return db
        .selectFrom("licence_usages as u")
        .leftJoin("reviews", "reviews.id", "u.review_id")
        .leftJoin("users", "users.id", "u.recorded_by")
        .selectAll("u")
        .select(["reviews.ref_no as review_ref", "users.display_name as recorded_by_name"])
        .where("u.licence_id", "=", licenceId)
        .orderBy("u.used_on")
        .orderBy("u.created_at")
        .execute();
    },
    usagesBetween(db: Executor, from: string, to: string) {
      return db
        .selectFrom("licence_usages as u")
        .innerJoin("export_licences as l", "l.id", "u.licence_id")
        .select(["l.ref_no", "l.kind", "u.quantity", "u.value_jpy"])
        .where("u.used_on", ">=", from)
        .where("u.used_on", "<=", to)
        .execute();
    },
    linkedReviews(db: Executor, licenceId: string) {
      return db
        .selectFrom("review_licences as rl")
        .innerJoin("reviews", "reviews.id", "rl.review_id")
        .select(["reviews.id", "reviews.ref_no", "reviews.title", "reviews.status", "rl.linked_at"])
        .where("rl.licence_id", "=", licenceId)
        .orderBy("rl.linked_at")
        .execute();
    },

    // — approval conditions —
    async insertConditions(
      tx: Executor,
      rows: {
        id: string;
        reviewId: string;
        position: number;
        text: string;
        ownerUserId: string;
        dueOn: string;
      }[],
    ): Promise<void> {
      if (rows.length === 0) return;
      await tx
        .insertInto("review_conditions")
        .values(
          rows.map((r) => ({
            id: r.id,
            review_id: r.reviewId,
            position: r.position,
            text: r.text,
            owner_user_id: r.ownerUserId,
            due_on: r.dueOn,
          })),
        )
        .execute();
    },
    conditions(db: Executor, filter: { reviewId?: string; ownerUserId?: string; openOnly?: boolean }) {
      let q = db
        .selectFrom("review_conditions as c")
        .innerJoin("reviews", "reviews.id", "c.review_id")
        .innerJoin("users as owner", "owner.id", "c.owner_user_id")
        .leftJoin("users as doer", "doer.id", "c.done_by")
        .selectAll("c")
        .select([
          "reviews.ref_no as review_ref",
          "reviews.title as review_title",
          "owner.display_name as owner_name",
          "doer.display_name as done_by_name",
        ]);
      if (filter.reviewId) q = q.where("c.review_id", "=", filter.reviewId);
      if (filter.ownerUserId) q = q.where("c.owner_user_id", "=", filter.ownerUserId);
      if (filter.openOnly) q = q.where("c.status", "=", "open");
      return q.orderBy("c.due_on").orderBy("c.position").limit(500).execute();
    },
    findCondition(db: Executor, id: string) {
      return db
        .selectFrom("review_conditions")
        .selectAll()
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
    },
    async closeCondition(
      tx: Executor,
      id: string,
      c: { status: "done" | "waived"; evidence: string; by: string | null; at: Date },
    ): Promise<void> {
      await tx
        .updateTable("review_conditions")
        .set({ status: c.status, evidence: c.evidence, done_by: c.by, done_at: c.at })
        .where("id", "=", id)
        .execute();
    },

    // — technology provision log —
    async insertProvision(
      tx: Executor,
      p: {
        id: string;
        reviewId: string | null;
        licenceId: string | null;
        itemId: string | null;
        what: string;
        recipientPartyId: string | null;
        recipientName: string;
        providedOn: string;
        method: string;
        country: string | null;
        providedBy: string | null;
        note: string | null;
      },
    ): Promise<void> {
      await tx
        .insertInto("tech_provisions")
        .values({
          id: p.id,
          review_id: p.reviewId,
          licence_id: p.licenceId,
          item_id: p.itemId,
          what: p.what,
          recipient_party_id: p.recipientPartyId,
          recipient_name: p.recipientName,
          provided_on: p.providedOn,
          method: p.method,
          country: p.country,
          provided_by: p.providedBy,
          note: p.note,
        })
        .execute();
    },
    provisions(
      db: Executor,
      filter: { reviewId?: string | undefined; from?: string | undefined; to?: string | undefined },
    ) {
      let q = db
        .selectFrom("tech_provisions as p")
        .leftJoin("reviews", "reviews.id", "p.review_id")
        .leftJoin("export_licences as l", "l.id", "p.licence_id")
        .leftJoin("export_items as i", "i.id", "p.item_id")
        .leftJoin("users", "users.id", "p.provided_by")
        .selectAll("p")
        .select([
          "reviews.ref_no as review_ref",
          "l.ref_no as licence_ref",
          "l.licence_number as licence_number",
          "i.ref_no as item_ref",
          "i.name as item_name",
          "users.display_name as provided_by_name",
        ]);
      if (filter.reviewId) q = q.where("p.review_id", "=", filter.reviewId);
      if (filter.from) q = q.where("p.provided_on", ">=", filter.from);
      if (filter.to) q = q.where("p.provided_on", "<=", filter.to);
      return q.orderBy("p.provided_on", "desc").orderBy("p.created_at", "desc").limit(1000).execute();
    },

    // — hand-carry —
    async insertHandCarry(
      tx: Executor,
      h: {
        id: string;
        reviewId: string;
        kind: string;
        description: string;
        itemId: string | null;
        outOn: string;
        returnDueOn: string;
      },
    ): Promise<void> {
      await tx
        .insertInto("hand_carry_items")
        .values({
          id: h.id,
          review_id: h.reviewId,
          kind: h.kind,
          description: h.description,
          item_id: h.itemId,
          out_on: h.outOn,
          return_due_on: h.returnDueOn,
        })
        .execute();
    },
    handCarry(db: Executor, filter: { reviewId?: string | undefined; pendingDueBy?: string | undefined }) {
      let q = db
        .selectFrom("hand_carry_items as h")
        .innerJoin("reviews", "reviews.id", "h.review_id")
        .leftJoin("export_items as i", "i.id", "h.item_id")
        .leftJoin("users", "users.id", "h.checked_by")
        .selectAll("h")
        .select([
          "reviews.ref_no as review_ref",
          "reviews.title as review_title",
          "reviews.applicant_user_id",
          "i.ref_no as item_ref",
          "i.name as item_name",
          "users.display_name as checked_by_name",
        ]);
      if (filter.reviewId) q = q.where("h.review_id", "=", filter.reviewId);
      if (filter.pendingDueBy)
        q = q.where("h.return_status", "=", "pending").where("h.return_due_on", "<=", filter.pendingDueBy);
      return q.orderBy("h.out_on").orderBy("h.created_at").execute();
    },
    findHandCarry(db: Executor, id: string) {
      return db
        .selectFrom("hand_carry_items")
        .selectAll()
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
    },
    async checkReturn(
      tx: Executor,
      id: string,
      r: { status: string; returnedOn: string | null; note: string | null; by: string | null },
    ): Promise<void> {
      await tx
        .updateTable("hand_carry_items")
        .set({
          return_status: r.status as "returned",
          returned_on: r.returnedOn,
          return_note: r.note,
          checked_by: r.by,
        })
        .where("id", "=", id)
        .execute();
    },

    // — reviews read for after-approval work —
    reviewBasics(db: Executor, id: string) {
      return db
        .selectFrom("reviews")
        .select([
          "id",
          "ref_no",
          "title",
          "activity_type",
          "status",
          "applicant_user_id",
          "details",
          "decided_at",
          "next_rescreen_on",
          "last_rescreened_at",
          "licence_determination",
        ])
        .where("id", "=", id)
        .executeTakeFirst();
    },
    reviewsDueForRescreen(db: Executor, today: string) {
      return db
        .selectFrom("reviews")
        .select(["id", "ref_no", "title", "details", "next_rescreen_on"])
        .where("next_rescreen_on", "<=", today)
        .where("status", "in", ["approved", "approved_with_conditions", "cleared"])
        .orderBy("next_rescreen_on")
        .limit(200)
        .execute();
    },
    reviewCounterpartyParties(db: Executor, reviewId: string) {
      return db
        .selectFrom("review_counterparties")
        .select(["id", "party_id"])
        .where("review_id", "=", reviewId)
        .execute();
    },
    async setCounterpartyScreening(tx: Executor, id: string, screening: unknown, at: Date): Promise<void> {
      await tx
        .updateTable("review_counterparties")
        .set({ screening: j(screening), screened_at: at })
        .where("id", "=", id)
        .execute();
    },
    async setRescreen(tx: Executor, reviewId: string, next: string | null, at: Date | null): Promise<void> {
      await tx
        .updateTable("reviews")
        .set({ next_rescreen_on: next, ...(at ? { last_rescreened_at: at } : {}) })
        .where("id", "=", reviewId)
        .execute();
    },
    reviewsForStatistics(db: Executor, from: string, to: string) {
      return db
        .selectFrom("reviews")
        .select(["activity_type", "status", "licence_determination", "submitted_at", "decided_at"])
        .where("submitted_at", ">=", new Date(`${from}T00:00:00+09:00`))
        .where("submitted_at", "<", new Date(new Date(`${to}T00:00:00+09:00`).getTime() + 86_400_000))
        .execute();
    },

    // — reminders —
    /** Marks a reminder as sent; false when it had been sent before (so the caller skips it). */
    async claimReminder(tx: Executor, key: string): Promise<boolean> {
      const r = await tx
        .insertInto("export_reminders_sent")
        .values({ key })
        .onConflict((oc) => oc.column("key").doNothing())
        .returning("key")
        .executeTakeFirst();
      return r !== undefined;
    },

    // — self-inspections —
    findInspection(db: Executor, fy: number, forUpdate = false) {
      const q = db.selectFrom("self_inspections").selectAll().where("fiscal_year", "=", fy);
      return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
    },
    async insertInspection(tx: Executor, id: string, fy: number): Promise<void> {
      await tx
        .insertInto("self_inspections")
        .values({ id, fiscal_year: fy, answers: j({}) })
        .onConflict((oc) => oc.column("fiscal_year").doNothing())
        .execute();
    },
    async saveInspection(
      tx: Executor,
      fy: number,
      s: {
        answers: unknown;
        status?: "open" | "completed";
        completedBy?: string | null;
        completedAt?: Date | null;
      },
    ): Promise<void> {
      await tx
        .updateTable("self_inspections")
        .set((eb) => ({
          answers: j(s.answers),
          ...(s.status ? { status: s.status } : {}),
          ...(s.completedBy !== undefined ? { completed_by: s.completedBy } : {}),
          ...(s.completedAt !== undefined ? { completed_at: s.completedAt } : {}),
          version: eb("version", "+", 1),
          updated_at: new Date(),
        }))
        .where("fiscal_year", "=", fy)
        .execute();
    },
    listInspections(db: Executor) {
      return db
        .selectFrom("self_inspections")
        .select(["id", "fiscal_year", "status", "completed_at", "updated_at"])
        .orderBy("fiscal_year", "desc")
        .execute();
    },
  };
}

export type ItemRow = {
  id: string;
  ref_no: string;
  kind: "goods" | "technology";
  name: string;
  model_number: string | null;
  maker: string | null;
  description: string;
  hs_code: string | null;
  list_status: "listed" | "not_listed";
  listed_item: string | null;
  provision: unknown;
  catch_all_category: "16-1" | "16-2" | "outside" | null;
  exceptions: unknown;
  rationale: string;
  decided_by: string | null;
  decided_on: string;
  recheck_on: string | null;
};

export type LicenceRow = {
  id: string;
  ref_no: string;
  kind: string;
  licence_number: string | null;
  status: string;
  holder: string;
  applied_on: string | null;
  issued_on: string | null;
  valid_from: string | null;
  valid_until: string | null;
  conditions: string;
  items: unknown;
  destinations: unknown;
  quantity_limit: number | null;
  quantity_unit: string | null;
  value_limit_jpy: number | null;
  responsible_user_id: string | null;
  note: string | null;
  created_by: string | null;
};

export type ExportControlRepo = ReturnType<typeof createExportControlRepo>;
