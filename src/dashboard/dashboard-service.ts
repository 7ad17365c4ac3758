import type { Db } from "../db/database.js";
import { type Actor, hasAnyRole } from "../shared/actor.js";
import { forbidden } from "../shared/errors.js";
import { dateInZone, startOfDayInZone } from "../shared/time-format.js";
import {
  ageDetail,
  ageTone,
  countTone,
  type Dashboard,
  type DashboardSection,
  daySeries,
  lastDays,
  type TrendSeries,
  waitingAges,
} from "./dashboard-engine.js";
import type { DashboardRepo } from "./dashboard-repo.js";

/** Who sees the office dashboard: the secretariat runs the office; admins and auditors look on. */
export const DASHBOARD_READERS = ["secretariat", "admin", "auditor"] as const;

/** What a section provider is given: the database, now, today and the zone they were computed in. */
export type DashboardContext = { db: Db; now: Date; today: string; timeZone: string };

/**
 * A dashboard section from one module. Modules add theirs to `sections` in src/app/services.ts
 * (e.g. the insider module's alert budget, the licence register's expiring licences); a provider
 * that returns null shows nothing.
 */
export type DashboardSectionProvider = (ctx: DashboardContext) => Promise<DashboardSection | null>;

const TREND_DAYS = 30;

const STEP_LABELS: Record<string, { ja: string; en: string }> = {
  unit_review: { ja: "部局確認", en: "Unit check" },
  secretariat_review: { ja: "取引審査（事務局）", en: "Transaction review (secretariat)" },
  approval: { ja: "承認", en: "Approval" },
};

/**
 * The office's one page: open screening hits, reviews waiting per step with their age, approach
 * reports and new patterns, insider alerts, overdue declarations and training (and whatever other
 * modules add), each number linking to the filtered list, and the month's daily trends.
 */
export function createDashboardService(deps: {
  db: Db;
  repo: DashboardRepo;
  /** The screening review queue's size (open hits no decision covers). */
  openScreeningHits: () => Promise<number>;
  timeZone: () => Promise<string>;
  /** More sections, after the built-in ones (insider budget, licences, …). */
  sections?: DashboardSectionProvider[];
  clock?: () => Date;
}) {
  const { db, repo } = deps;
  const clock = deps.clock ?? (() => new Date());

  const screening: DashboardSectionProvider = async () => {
    const open = await deps.openScreeningHits();
    return {
      key: "screening",
      title: { ja: "スクリーニング", en: "Screening" },
      tiles: [
        {
          key: "screening.open_hits",
          label: { ja: "判定待ちの候補", en: "Hits awaiting a decision" },
          value: open,
          link: "/screening/review",
          tone: countTone(open),
          detail: null,
        },
      ],
    };
  };

  const reviews: DashboardSectionProvider = async ({ now }) => {
    const waiting = await repo.reviewsWaiting(db);
    return {
      key: "reviews",
      title: { ja: "審査待ち（段階別）", en: "Reviews waiting, by step" },
      tiles: Object.entries(STEP_LABELS).map(([status, label]) => {
        const ages = waitingAges(
          waiting.filter((w) => w.status === status).map((w) => w.enteredAt),
          now,
        );
        return {
          key: `reviews.${status}`,
          label,
          value: ages.count,
          link: `/reviews?scope=all&status=${status}`,
          tone: ageTone(ages.count, ages.oldestDays),
          detail: ageDetail(ages),
        };
      }),
    };
  };

  const approaches: DashboardSectionProvider = async ({ now }) => {
    const counts = await repo.approachCounts(db);
    const of = (s: string) => counts.find((c) => c.status === s) ?? { n: 0, high: 0 };
    const clusters = await repo.openClusters(db, new Date(now.getTime() - TREND_DAYS * 86_400_000));
    const fresh = of("new");
    return {
      key: "approaches",
      title: { ja: "不審な接触の報告", en: "Approach reports" },
      tiles: [
        {
          key: "approaches.new",
          label: { ja: "未対応", en: "New" },
          value: fresh.n,
          link: "/approaches/all?status=new",
          tone: fresh.high > 0 ? "danger" : countTone(fresh.n, "attention"),
          detail:
            fresh.high > 0
              ? { ja: `うち危険度「高」 ${fresh.high} 件`, en: `${fresh.high} assessed high` }
              : null,
        },
        {
          key: "approaches.in_review",
          label: { ja: "対応中", en: "In review" },
          value: of("in_review").n,
          link: "/approaches/all?status=in_review",
          tone: "neutral",
          detail: null,
        },
        {
          key: "approaches.clusters",
          label: { ja: "新しいパターン（30日）", en: "New patterns (30 days)" },
          value: clusters.recent,
          link: "/approaches/clusters",
          tone: countTone(clusters.recent),
          detail: { ja: `未確認のパターン 計 ${clusters.open} 件`, en: `${clusters.open} open in all` },
        },
      ],
    };
  };

  const insider: DashboardSectionProvider = async () => {
    const rows = await repo.openInsiderAlerts(db);
    const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((s, r) => s + r.n, 0);
    const fresh = sum((r) => r.status === "new");
    const open = sum(() => true);
    return {
      key: "insider",
      title: { ja: "内部不正リスク", en: "Insider risk" },
      tiles: [
        {
          key: "insider.new",
          label: { ja: "未対応のアラート", en: "New alerts" },
          value: fresh,
          link: "/insider?status=new",
          tone: countTone(fresh, "attention"),
          detail: { ja: `確認中を含め ${open} 件`, en: `${open} open incl. in review` },
        },
        ...(["critical", "high"] as const).map((severity) => {
          const n = sum((r) => r.severity === severity);
          return {
            key: `insider.${severity}`,
            label:
              severity === "critical"
                ? { ja: "緊急（未解決）", en: "Critical (open)" }
                : { ja: "高（未解決）", en: "High (open)" },
            value: n,
            // The alerts page lists open alerts (new and in review) by default.
            link: `/insider?severity=${severity}`,
            tone: countTone(n, severity === "critical" ? "danger" : "attention"),
            detail: null,
          };
        }),
      ],
    };
  };

  const duties: DashboardSectionProvider = async ({ now, today }) => {
    const declarations = await repo.overdueDeclarations(db, today);
    const training = await repo.overdueTraining(db, now);
    return {
      key: "duties",
      title: { ja: "申告・研修の期限切れ", en: "Overdue declarations and training" },
      tiles: [
        {
          key: "people.overdue",
          label: { ja: "期限を過ぎた申告・開示", en: "Overdue declarations and disclosures" },
          value: declarations,
          link: "/people?due=overdue",
          tone: countTone(declarations, "attention"),
          detail: null,
        },
        {
          key: "training.overdue",
          label: { ja: "受講期限を過ぎた研修", en: "Overdue training" },
          value: training.assignments,
          link: "/cases/training/dashboard",
          tone: countTone(training.assignments, "attention"),
          detail:
            training.assignments > 0
              ? { ja: `${training.people} 人`, en: `${training.people} people` }
              : null,
        },
      ],
    };
  };

  async function trends(ctx: DashboardContext): Promise<Dashboard["trends"]> {
    const days = lastDays(ctx.today, TREND_DAYS);
    const from = startOfDayInZone(days[0]!, ctx.timeZone);
    const to = new Date(ctx.now.getTime() + 1);
    const zone = ctx.timeZone;
    const series: TrendSeries[] = [
      {
        key: "screening.new_hits",
        label: { ja: "スクリーニングの新しい候補", en: "New screening hits" },
        values: daySeries(days, await repo.newHitsPerDay(db, zone, from, to)),
      },
      {
        key: "reviews.submitted",
        label: { ja: "審査の申請", en: "Reviews submitted" },
        values: daySeries(days, await repo.reviewsSubmittedPerDay(db, zone, from, to)),
      },
      {
        key: "reviews.decided",
        label: { ja: "審査の完了", en: "Reviews decided" },
        values: daySeries(days, await repo.reviewsDecidedPerDay(db, zone, from, to)),
      },
      {
        key: "approaches.submitted",
        label: { ja: "不審な接触の報告", en: "Approach reports" },
        values: daySeries(days, await repo.approachReportsPerDay(db, zone, from, to)),
      },
      {
        key: "insider.alerts",
        label: { ja: "内部不正アラート", en: "Insider alerts" },
        values: daySeries(days, await repo.insiderAlertsPerDay(db, zone, from, to)),
      },
    ];
    return { days, series };
  }

  return {
    async get(actor: Actor): Promise<Dashboard> {
      if (!hasAnyRole(actor, DASHBOARD_READERS)) throw forbidden();
      const now = clock();
      const timeZone = await deps.timeZone();
      const ctx: DashboardContext = { db, now, today: dateInZone(now, timeZone), timeZone };
      const sections: DashboardSection[] = [];
      for (const provider of [screening, reviews, approaches, insider, duties, ...(deps.sections ?? [])]) {
        const section = await provider(ctx);
        if (section) sections.push(section);
      }
      return {
        generatedAt: now.toISOString(),
        timeZone,
        today: ctx.today,
        sections,
        trends: await trends(ctx),
      };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
