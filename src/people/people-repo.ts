import { sql } from "kysely";
import type { Executor } from "../db/database.js";

/** The people list's filters (all optional; dates YYYY-MM-DD). */
export type PeopleListFilter = {
  /** Folded text matched against every name of the person's party. */
  text?: string | undefined;
  department?: string | undefined;
  category?: string | undefined;
  /** A disclosure or 特定類型 review due on or before this date. */
  dueBy?: string | undefined;
  /** Narrows to people who may carry this flag (the service checks it exactly). */
  flag?: string | undefined;
  /** Today, for the overdue pre-filter. */
  today: string;
  sort?: "name" | "due" | undefined;
  /** A unit officer's departments (0800): only records they cover (and those without a department). */
  departments?: string[] | undefined;
};

function filtered(db: Executor, q: PeopleListFilter) {
  let base = db
    .selectFrom("people")
    .innerJoin("parties", "parties.id", "people.party_id")
    .where("people.archived_at", "is", null);
  if (q.departments) {
    const dept = sql<string>`regexp_replace(normalize(coalesce(btrim(people.department), ''), NFKC), '\s+', ' ', 'g')`;
    base = base.where(
      sql<boolean>`(${dept} = '' OR EXISTS (SELECT 1 FROM unnest(${q.departments}::text[]) AS s(d)
        WHERE ${dept} = s.d OR (left(${dept}, length(s.d)) = s.d AND substr(${dept}, length(s.d) + 1, 1) IN (' ', '/', '・', '>'))))`,
    );
  }
  if (q.text)
    base = base.where("parties.search_text", "like", `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (q.department) base = base.where("people.department", "=", q.department);
  if (q.category) base = base.where("people.category", "=", q.category);
  if (q.dueBy) {
    const by = q.dueBy;
    base = base.where((eb) =>
      eb.or([eb("people.disclosure_due_on", "<=", by), eb("people.tokutei_review_on", "<=", by)]),
    );
  }
  switch (q.flag) {
    case "P-DECLARATION-OVERDUE":
      base = base.where((eb) =>
        eb.or([eb("people.disclosure_due_on", "<", q.today), eb("people.tokutei_review_on", "<", q.today)]),
      );
      break;
    case "P-DISCLOSURE-LIST-HIT":
      base = base.where(
        sql<boolean>`EXISTS (SELECT 1 FROM person_provider_screenings s WHERE s.person_id = people.id)`,
      );
      break;
    case "P-EFFORT-OVER-100":
      base = base.where(
        sql<boolean>`EXISTS (SELECT 1 FROM integrity_disclosures d WHERE d.person_id = people.id AND d.total_effort > 100)`,
      );
      break;
    case "P-TALENT-PROGRAM":
      base = base.where(
        sql<boolean>`EXISTS (SELECT 1 FROM integrity_disclosures d WHERE d.person_id = people.id AND d.content::text LIKE '%talent_programme%')`,
      );
      break;
    default:
      break;
  }
  return base;
}

export type PersonInsert = {
  id: string;
  partyId: string;
  userId: string | null;
  category: string;
  department: string | null;
  email: string | null;
  eradResearcherNumber: string | null;
  disclosureDueOn: string | null;
  createdBy: string | null;
};

/** SQL for person records, residency, 特定類型 declarations, disclosures and provider screenings. */
export function createPeopleRepo() {
  return {
    async insert(tx: Executor, p: PersonInsert): Promise<void> {
      await tx
        .insertInto("people")
        .values({
          id: p.id,
          party_id: p.partyId,
          user_id: p.userId,
          category: p.category,
          department: p.department,
          email: p.email,
          erad_researcher_number: p.eradResearcherNumber,
          disclosure_due_on: p.disclosureDueOn,
          created_by: p.createdBy,
        })
        .execute();
    },
    async update(
      tx: Executor,
      id: string,
      p: Pick<PersonInsert, "userId" | "category" | "department" | "email" | "eradResearcherNumber">,
    ): Promise<void> {
      await tx
        .updateTable("people")
        .set((eb) => ({
          user_id: p.userId,
          category: p.category,
          department: p.department,
          email: p.email,
          erad_researcher_number: p.eradResearcherNumber,
          version: eb("version", "+", 1),
          updated_at: new Date(),
        }))
        .where("id", "=", id)
        .execute();
    },
    async setDueDates(
      tx: Executor,
      id: string,
      dates: { disclosureDueOn?: string | null; tokuteiReviewOn?: string | null },
    ): Promise<void> {
      await tx
        .updateTable("people")
        .set((eb) => ({
          ...(dates.disclosureDueOn !== undefined ? { disclosure_due_on: dates.disclosureDueOn } : {}),
          ...(dates.tokuteiReviewOn !== undefined ? { tokutei_review_on: dates.tokuteiReviewOn } : {}),
          version: eb("version", "+", 1),
          updated_at: new Date(),
        }))
        .where("id", "=", id)
        .execute();
    },
    find(db: Executor, id: string, forUpdate = false) {
      const q = db
        .selectFrom("people")
        .innerJoin("parties", "parties.id", "people.party_id")
        .selectAll("people")
        .select(["parties.primary_name as name", "parties.country as party_country"])
        .where("people.id", "=", id);
      return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
    },
    /** The account a person record is linked to, looked up by username (case-insensitive). */
    userIdByUsername(db: Executor, username: string) {
      return db
        .selectFrom("users")
        .select(["id"])
        .where((eb) => eb(eb.fn("lower", ["username"]), "=", username.toLowerCase()))
        .executeTakeFirst();
    },
    usernameOf(db: Executor, userId: string) {
      return db.selectFrom("users").select(["username"]).where("id", "=", userId).executeTakeFirst();
    },
    findByUser(db: Executor, userId: string) {
      return db.selectFrom("people").select(["id"]).where("user_id", "=", userId).executeTakeFirst();
    },
    /** The user behind a person's party, if the person record is linked to an account. */
    async userOfParty(db: Executor, partyId: string): Promise<string | null> {
      const row = await db
        .selectFrom("people")
        .select("user_id")
        .where("party_id", "=", partyId)
        .executeTakeFirst();
      return row?.user_id ?? null;
    },
    findByParty(db: Executor, partyId: string) {
      return db.selectFrom("people").select(["id"]).where("party_id", "=", partyId).executeTakeFirst();
    },
    idsByParties(db: Executor, partyIds: string[]) {
      if (partyIds.length === 0) return Promise.resolve([]);
      return db.selectFrom("people").select(["id", "party_id"]).where("party_id", "in", partyIds).execute();
    },
    /**
     * Person records matching the list filters (name, department, category, a due date on or before
     * `dueBy`, and a coarse SQL pre-filter for a flag the service then checks exactly); `limit`
     * null returns them all. Sorted by name, or by the earlier of the two due dates.
     */
    list(db: Executor, q: PeopleListFilter & { limit: number | null; offset: number }) {
      const rows = filtered(db, q)
        .selectAll("people")
        .select(["parties.primary_name as name"])
        .$if(q.sort === "due", (qb) =>
          qb
            .orderBy(sql`LEAST(people.disclosure_due_on, people.tokutei_review_on) ASC NULLS LAST`)
            .orderBy("parties.primary_name"),
        )
        .$if(q.sort !== "due", (qb) => qb.orderBy("parties.primary_name"))
        .orderBy("people.id")
        .offset(q.offset);
      return q.limit === null ? rows.execute() : rows.limit(q.limit).execute();
    },
    async count(db: Executor, q: PeopleListFilter): Promise<number> {
      const row = await filtered(db, q).select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
      return row.n;
    },
    /** Departments in use, for the list's filter. */
    async departments(db: Executor): Promise<string[]> {
      const rows = await db
        .selectFrom("people")
        .select("department")
        .distinct()
        .where("archived_at", "is", null)
        .where("department", "is not", null)
        .orderBy("department")
        .execute();
      return rows.map((r) => r.department as string);
    },
    /** People whose disclosure or 特定類型 review falls due on or before a date. */
    dueBy(db: Executor, date: string) {
      return db
        .selectFrom("people")
        .innerJoin("parties", "parties.id", "people.party_id")
        .selectAll("people")
        .select(["parties.primary_name as name"])
        .where("people.archived_at", "is", null)
        .where((eb) => eb.or([eb("disclosure_due_on", "<=", date), eb("tokutei_review_on", "<=", date)]))
        .execute();
    },

    // — residency —
    async insertResidency(
      tx: Executor,
      r: {
        id: string;
        personId: string;
        status: "resident" | "non_resident";
        basis: unknown;
        basisDate: string | null;
        effectiveFrom: string;
        note: string | null;
        recordedBy: string | null;
      },
    ): Promise<void> {
      await tx
        .insertInto("person_residency")
        .values({
          id: r.id,
          person_id: r.personId,
          status: r.status,
          basis: JSON.stringify(r.basis),
          basis_date: r.basisDate,
          effective_from: r.effectiveFrom,
          note: r.note,
          recorded_by: r.recordedBy,
        })
        .execute();
    },
    residencyHistory(db: Executor, personId: string) {
      return db
        .selectFrom("person_residency")
        .selectAll()
        .where("person_id", "=", personId)
        .orderBy("recorded_at", "desc")
        .execute();
    },

    // — 特定類型 —
    async supersedeTokutei(tx: Executor, personId: string, at: Date): Promise<void> {
      await tx
        .updateTable("tokutei_declarations")
        .set({ superseded_at: at })
        .where("person_id", "=", personId)
        .where("superseded_at", "is", null)
        .execute();
    },
    async insertTokutei(
      tx: Executor,
      d: {
        id: string;
        personId: string;
        declaredOn: string;
        content: unknown;
        types: string[];
        incomeShare: number | null;
        nextReviewOn: string;
        recordedBy: string | null;
      },
    ): Promise<void> {
      await tx
        .insertInto("tokutei_declarations")
        .values({
          id: d.id,
          person_id: d.personId,
          declared_on: d.declaredOn,
          content: JSON.stringify(d.content),
          type1: d.types.includes("1"),
          type2: d.types.includes("2"),
          type3: d.types.includes("3"),
          income_share: d.incomeShare,
          next_review_on: d.nextReviewOn,
          recorded_by: d.recordedBy,
        })
        .execute();
    },
    tokuteiHistory(db: Executor, personId: string) {
      return db
        .selectFrom("tokutei_declarations")
        .selectAll()
        .where("person_id", "=", personId)
        .orderBy("recorded_at", "desc")
        .execute();
    },

    // — disclosures —
    async nextDisclosureVersion(tx: Executor, personId: string): Promise<number> {
      const row = await tx
        .selectFrom("integrity_disclosures")
        .select((eb) => eb.fn.max("version").as("v"))
        .where("person_id", "=", personId)
        .executeTakeFirst();
      return Number(row?.v ?? 0) + 1;
    },
    async insertDisclosure(
      tx: Executor,
      d: {
        id: string;
        personId: string;
        version: number;
        submittedOn: string;
        content: unknown;
        totalEffort: number;
        pledged: boolean;
        recordedBy: string | null;
      },
    ): Promise<void> {
      await tx
        .insertInto("integrity_disclosures")
        .values({
          id: d.id,
          person_id: d.personId,
          version: d.version,
          submitted_on: d.submittedOn,
          content: JSON.stringify(d.content),
          total_effort: d.totalEffort,
          pledged: d.pledged,
          recorded_by: d.recordedBy,
        })
        .execute();
    },
    disclosures(db: Executor, personId: string) {
      return db
        .selectFrom("integrity_disclosures")
        .selectAll()
        .where("person_id", "=", personId)
        .orderBy("version", "desc")
        .execute();
    },
    latestDisclosures(db: Executor) {
      return db
        .selectFrom("integrity_disclosures as d")
        .innerJoin("people", "people.id", "d.person_id")
        .innerJoin("parties", "parties.id", "people.party_id")
        .select(["d.content", "d.version", "people.erad_researcher_number", "parties.primary_name as name"])
        .where("people.archived_at", "is", null)
        .where(({ eb, selectFrom }) =>
          eb(
            "d.version",
            "=",
            selectFrom("integrity_disclosures as x")
              .select((e) => e.fn.max("x.version").as("m"))
              .whereRef("x.person_id", "=", "d.person_id"),
          ),
        )
        .orderBy("parties.primary_name")
        .execute();
    },

    // — provider screenings —
    async replaceProviderScreening(
      tx: Executor,
      s: { personId: string; partyId: string; providerName: string; result: unknown; screenedAt: Date },
    ): Promise<void> {
      await tx
        .insertInto("person_provider_screenings")
        .values({
          person_id: s.personId,
          party_id: s.partyId,
          provider_name: s.providerName,
          result: JSON.stringify(s.result),
          screened_at: s.screenedAt,
        })
        .onConflict((oc) =>
          oc.columns(["person_id", "party_id"]).doUpdateSet({
            provider_name: s.providerName,
            result: JSON.stringify(s.result),
            screened_at: s.screenedAt,
          }),
        )
        .execute();
    },
    /** Records which party a name written in a disclosure was matched to (or created as), and why. */
    async insertDisclosureMatch(
      tx: Executor,
      m: {
        id: string;
        personId: string;
        version: number;
        path: string;
        name: string;
        partyId: string;
        method: "identifier" | "exact" | "similar" | "created";
        score: number | null;
        reasons: unknown;
      },
    ): Promise<void> {
      await tx
        .insertInto("disclosure_party_matches")
        .values({
          id: m.id,
          person_id: m.personId,
          disclosure_version: m.version,
          path: m.path,
          name: m.name,
          party_id: m.partyId,
          method: m.method,
          score: m.score,
          reasons: JSON.stringify(m.reasons),
        })
        .execute();
    },
    /** The parties a disclosure version's free-text names were matched to. */
    disclosureMatches(db: Executor, personId: string, version: number) {
      return db
        .selectFrom("disclosure_party_matches")
        .selectAll()
        .where("person_id", "=", personId)
        .where("disclosure_version", "=", version)
        .orderBy("path")
        .execute();
    },
    /** Every person whose declared provider this party is (for re-screening after a list update). */
    providerScreeningsOfParty(db: Executor, partyId: string) {
      return db
        .selectFrom("person_provider_screenings as s")
        .innerJoin("people", "people.id", "s.person_id")
        .innerJoin("parties", "parties.id", "people.party_id")
        .select(["s.person_id", "s.party_id", "s.provider_name", "s.result", "parties.primary_name as name"])
        .where("s.party_id", "=", partyId)
        .execute();
    },
    providerScreenings(db: Executor, personId: string) {
      return db
        .selectFrom("person_provider_screenings")
        .selectAll()
        .where("person_id", "=", personId)
        .orderBy("provider_name")
        .execute();
    },
    /** The registered country of each of these parties (null when unknown). */
    async partyCountries(db: Executor, partyIds: string[]): Promise<Map<string, string | null>> {
      const out = new Map<string, string | null>();
      if (partyIds.length === 0) return out;
      const rows = await db
        .selectFrom("parties")
        .select(["id", "country"])
        .where("id", "in", [...new Set(partyIds)])
        .execute();
      for (const r of rows) out.set(r.id, r.country);
      return out;
    },
    /** Officers' dismissals of consistency flags about this person, newest first. */
    dismissals(db: Executor, personId: string) {
      return db
        .selectFrom("consistency_flag_dismissals")
        .selectAll()
        .where("person_id", "=", personId)
        .orderBy("dismissed_at", "desc")
        .orderBy("id")
        .execute();
    },
    async insertDismissal(
      tx: Executor,
      d: {
        id: string;
        personId: string;
        flag: string;
        orgKey: string;
        message: unknown;
        evidenceKeys: string[];
        evidence: unknown;
        reason: string;
        by: string | null;
        byLabel: string;
        at: Date;
      },
    ): Promise<void> {
      await tx
        .insertInto("consistency_flag_dismissals")
        .values({
          id: d.id,
          person_id: d.personId,
          flag: d.flag,
          org_key: d.orgKey,
          message: JSON.stringify(d.message),
          evidence_keys: d.evidenceKeys,
          evidence: JSON.stringify(d.evidence),
          reason: d.reason,
          dismissed_by: d.by,
          dismissed_by_label: d.byLabel,
          dismissed_at: d.at,
        })
        .execute();
    },
  };
}

export type PeopleRepo = ReturnType<typeof createPeopleRepo>;
