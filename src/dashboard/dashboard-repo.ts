import { sql } from "kysely";
import type { Executor } from "../db/database.js";

const WAITING_STATES = ["unit_review", "secretariat_review", "approval"] as const;
const DECIDED_STATES = ["cleared", "approved", "approved_with_conditions", "rejected"];

/**
 * Read-only counts for the secretariat's dashboard. The one place that reads across modules'
 * tables, and only to count (never to change anything): a count per filtered list page, so the
 * number and the list it links to agree. Days are counted in the organisation's time zone.
 */
export function createDashboardRepo() {
  /** `(column AT TIME ZONE zone)::date` as YYYY-MM-DD, grouped, within [from, to). */
  async function perDay(
    db: Executor,
    table: "review_events" | "approach_reports" | "insider_alerts",
    column: "at" | "submitted_at" | "created_at",
    zone: string,
    from: Date,
    to: Date,
    where = sql`TRUE`,
  ): Promise<{ day: string; n: number }[]> {
    const rows = await sql<{ day: string; n: number }>`
      SELECT to_char((${sql.ref(column)} AT TIME ZONE ${zone})::date, 'YYYY-MM-DD') AS day, count(*)::int AS n
      FROM ${sql.table(table)}
      WHERE ${sql.ref(column)} >= ${from} AND ${sql.ref(column)} < ${to} AND ${where}
      GROUP BY 1`.execute(db);
    return rows.rows;
  }

  return {
    /** Reviews waiting at each step, with when they reached it (their last transition into it). */
    async reviewsWaiting(db: Executor): Promise<{ status: string; enteredAt: Date }[]> {
      const rows = await sql<{ status: string; entered_at: Date }>`
        SELECT r.status, COALESCE(max(e.at), r.updated_at) AS entered_at
        FROM reviews r
        LEFT JOIN review_events e ON e.review_id = r.id AND e.to_status = r.status
        WHERE r.status IN (${sql.join(WAITING_STATES.map((s) => sql`${s}`))})
        GROUP BY r.id, r.status, r.updated_at`.execute(db);
      return rows.rows.map((r) => ({ status: r.status, enteredAt: new Date(r.entered_at) }));
    },

    /** Submitted approach reports by status, and how many of the new ones were assessed high. */
    async approachCounts(db: Executor): Promise<{ status: string; n: number; high: number }[]> {
      const rows = await sql<{ status: string; n: number; high: number }>`
        SELECT status, count(*)::int AS n, count(*) FILTER (WHERE risk_level = 'high')::int AS high
        FROM approach_reports WHERE status <> 'draft' GROUP BY status`.execute(db);
      return rows.rows;
    },

    /** Open clusters (patterns across reporters): all, and those found since `since`. */
    async openClusters(db: Executor, since: Date): Promise<{ open: number; recent: number }> {
      const row = await sql<{ open: number; recent: number }>`
        SELECT count(*)::int AS open, count(*) FILTER (WHERE created_at >= ${since})::int AS recent
        FROM approach_clusters WHERE status = 'open' AND merged_into IS NULL`.execute(db);
      return row.rows[0] ?? { open: 0, recent: 0 };
    },

    /** Open insider alerts (new or being reviewed) by severity. */
    async openInsiderAlerts(db: Executor): Promise<{ severity: string; status: string; n: number }[]> {
      // As the alerts page lists them: alerts of a known (pseudonymised) subject.
      const rows = await sql<{ severity: string; status: string; n: number }>`
        SELECT a.severity, a.status, count(*)::int AS n
        FROM insider_alerts a JOIN insider_subjects s ON s.subject_key = a.subject_key
        WHERE a.status IN ('new', 'reviewing') GROUP BY a.severity, a.status`.execute(db);
      return rows.rows;
    },

    /** People whose disclosure or 特定類型 review date has passed (today in the organisation's zone). */
    async overdueDeclarations(db: Executor, today: string): Promise<number> {
      const row = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM people
        WHERE archived_at IS NULL
          AND (disclosure_due_on < ${today}::date OR tokutei_review_on < ${today}::date)`.execute(db);
      return row.rows[0]?.n ?? 0;
    },

    /** Training assignments past their due date and not completed (nor cancelled), of active users. */
    async overdueTraining(db: Executor, now: Date): Promise<{ assignments: number; people: number }> {
      const row = await sql<{ assignments: number; people: number }>`
        SELECT count(*)::int AS assignments, count(DISTINCT a.user_id)::int AS people
        FROM training_assignments a JOIN users u ON u.id = a.user_id
        WHERE a.completed_at IS NULL AND a.cancelled_at IS NULL AND a.due_at < ${now}
          AND u.disabled_at IS NULL`.execute(db);
      return row.rows[0] ?? { assignments: 0, people: 0 };
    },

    /** New matching screening hits per day (a party's run found an entry it had not found before). */
    async newHitsPerDay(db: Executor, zone: string, from: Date, to: Date) {
      const rows = await sql<{ day: string; n: number }>`
        SELECT to_char((r.screened_at AT TIME ZONE ${zone})::date, 'YYYY-MM-DD') AS day, count(*)::int AS n
        FROM screening_hits h JOIN screening_runs r ON r.id = h.run_id
        WHERE h.match AND h.is_new AND r.screened_at >= ${from} AND r.screened_at < ${to}
        GROUP BY 1`.execute(db);
      return rows.rows;
    },
    reviewsSubmittedPerDay: (db: Executor, zone: string, from: Date, to: Date) =>
      perDay(db, "review_events", "at", zone, from, to, sql`action = 'submit'`),
    reviewsDecidedPerDay: (db: Executor, zone: string, from: Date, to: Date) =>
      perDay(
        db,
        "review_events",
        "at",
        zone,
        from,
        to,
        sql`to_status IN (${sql.join(DECIDED_STATES.map((s) => sql`${s}`))})`,
      ),
    approachReportsPerDay: (db: Executor, zone: string, from: Date, to: Date) =>
      perDay(db, "approach_reports", "submitted_at", zone, from, to),
    insiderAlertsPerDay: (db: Executor, zone: string, from: Date, to: Date) =>
      perDay(db, "insider_alerts", "created_at", zone, from, to),
  };
}

export type DashboardRepo = ReturnType<typeof createDashboardRepo>;
