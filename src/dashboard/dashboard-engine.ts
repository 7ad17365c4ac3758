/**
 * The secretariat's dashboard as data: sections of numbers, each a link to the filtered list that
 * explains it, and the month's daily trends. Pure: counting, ages and day series from rows the repo
 * read; no IO, no clock (the caller passes `now` and the organisation's time zone).
 */

export type Bilingual = { ja: string; en: string };

/** How urgently a number asks for attention (colours it on the page). */
export type Tone = "neutral" | "attention" | "danger";

/** One number on the dashboard: what it counts, its value and where the list behind it is. */
export type DashboardTile = {
  key: string;
  label: Bilingual;
  value: number;
  /** A page of the web app that lists exactly what was counted (filters in the query string). */
  link: string;
  tone: Tone;
  /** A second line: ages, a breakdown. */
  detail: Bilingual | null;
  /** Optional: the first few things counted, each linking to its own page (e.g. expiring licences). */
  entries?: DashboardTileEntry[];
};

/** One thing a tile counted, shown under the number with a link to it. */
export type DashboardTileEntry = { label: Bilingual; link: string; tone: Tone };

export type DashboardSection = { key: string; title: Bilingual; tiles: DashboardTile[] };

export type TrendSeries = { key: string; label: Bilingual; values: number[] };

export type Dashboard = {
  generatedAt: string;
  timeZone: string;
  /** Today in the organisation's time zone (YYYY-MM-DD). */
  today: string;
  sections: DashboardSection[];
  /** Daily counts over the last `days.length` days (oldest first), days in the organisation's zone. */
  trends: { days: string[]; series: TrendSeries[] };
};

const DAY_MS = 86_400_000;

/** How long items have waited: count, the oldest and the median, in whole days. */
export function waitingAges(
  enteredAt: readonly Date[],
  now: Date,
): { count: number; oldestDays: number | null; medianDays: number | null } {
  if (enteredAt.length === 0) return { count: 0, oldestDays: null, medianDays: null };
  const days = enteredAt
    .map((d) => Math.max(0, Math.floor((now.getTime() - d.getTime()) / DAY_MS)))
    .sort((a, b) => a - b);
  const mid = Math.floor(days.length / 2);
  const median = days.length % 2 ? days[mid]! : Math.floor((days[mid - 1]! + days[mid]!) / 2);
  return { count: days.length, oldestDays: days[days.length - 1]!, medianDays: median };
}

/** The tone for items waiting this many days: attention after a week, danger after two. */
export function ageTone(count: number, oldestDays: number | null): Tone {
  if (count === 0 || oldestDays === null) return "neutral";
  if (oldestDays >= 14) return "danger";
  if (oldestDays >= 7) return "attention";
  return "neutral";
}

/** "最長 12 日・中央値 3 日" — the ages as a tile's second line. */
export function ageDetail(ages: { oldestDays: number | null; medianDays: number | null }): Bilingual | null {
  if (ages.oldestDays === null || ages.medianDays === null) return null;
  return {
    ja: `最長 ${ages.oldestDays} 日・中央値 ${ages.medianDays} 日`,
    en: `oldest ${ages.oldestDays} d, median ${ages.medianDays} d`,
  };
}

/** The last `n` calendar days ending with `today` (YYYY-MM-DD), oldest first. */
export function lastDays(today: string, n: number): string[] {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) out.push(new Date(Date.UTC(y, m - 1, d - i)).toISOString().slice(0, 10));
  return out;
}

/** Counts per day laid on the day axis, zeros where nothing happened; days off the axis are dropped. */
export function daySeries(days: readonly string[], counts: readonly { day: string; n: number }[]): number[] {
  const byDay = new Map<string, number>();
  for (const c of counts) byDay.set(c.day, (byDay.get(c.day) ?? 0) + Number(c.n));
  return days.map((d) => byDay.get(d) ?? 0);
}

/** A tile's tone for a count that should be zero: danger when any, otherwise neutral. */
export function countTone(value: number, level: Exclude<Tone, "neutral"> = "danger"): Tone {
  return value > 0 ? level : "neutral";
}
