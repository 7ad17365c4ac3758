/**
 * Times as people in the organisation read them: in the organisation's time zone (default
 * Asia/Tokyo), never as raw UTC ISO strings. Used by PDFs, CSV exports, e-mails and the dashboard;
 * the web app has the same rules in web/src/app/format.ts. Pure: no clock, no IO.
 */

export const DEFAULT_TIME_ZONE = "Asia/Tokyo";

type Lang = "ja" | "en";

/** Whether the IANA time-zone name is one this runtime knows (e.g. "Asia/Tokyo", "UTC"). */
export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

type Parts = { year: string; month: string; day: string; hour: string; minute: string; second: string };

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(date: Date, timeZone: string): Parts {
  let fmt = partsFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, fmt);
  }
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(date)) out[p.type] = p.value;
  return out as Parts;
}

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/**
 * The zone's short name at that instant, the way a Japanese reader knows it: "JST" for Asia/Tokyo,
 * "UTC", otherwise "GMT+1" and the like (abbreviations such as CET are ambiguous across countries).
 */
export function zoneLabel(value: Date | string, timeZone: string): string {
  const part = new Intl.DateTimeFormat("ja-JP", { timeZone, timeZoneName: "short" })
    .formatToParts(toDate(value))
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** The calendar date (YYYY-MM-DD) of an instant in the zone — the day a person there would say. */
export function dateInZone(value: Date | string, timeZone: string): string {
  const p = partsIn(toDate(value), timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * An instant for print (PDF) and e-mail: "2026/12/06 23:25 JST" in Japanese, "2026-12-06 23:25 JST"
 * in English. The zone is always named so a printed form cannot be misread.
 */
export function formatDateTimeInZone(
  value: Date | string,
  timeZone: string,
  lang: Lang,
  options: { seconds?: boolean; zone?: boolean } = {},
): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return "";
  const p = partsIn(date, timeZone);
  const sep = lang === "ja" ? "/" : "-";
  const time = `${p.hour}:${p.minute}${options.seconds ? `:${p.second}` : ""}`;
  const text = `${p.year}${sep}${p.month}${sep}${p.day} ${time}`;
  return options.zone === false ? text : `${text} ${zoneLabel(date, timeZone)}`;
}

/**
 * An instant for a CSV cell: "2026-12-06 23:25:29" in the zone (Excel reads it as a date-time);
 * the column header names the zone (see `csvTimeHeader`).
 */
export function formatCsvDateTime(value: Date | string | null | undefined, timeZone: string): string {
  if (value === null || value === undefined || value === "") return "";
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return "";
  const p = partsIn(date, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** A CSV column header for times, naming the zone: "日時（Asia/Tokyo）" / "Time (Asia/Tokyo)". */
export function csvTimeHeader(label: { ja: string; en: string }, timeZone: string, lang: Lang): string {
  return lang === "ja" ? `${label.ja}（${timeZone}）` : `${label.en} (${timeZone})`;
}

/**
 * The UTC instant at which a calendar day (YYYY-MM-DD) starts in the zone, so "from 2026-12-01"
 * in a filter means midnight in Tokyo, not in UTC. Handles zones with daylight saving.
 */
export function startOfDayInZone(day: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  // Start from UTC midnight and correct by the zone's offset (twice, for DST boundaries).
  let guess = Date.UTC(y, m - 1, d, 0, 0, 0);
  for (let i = 0; i < 2; i++) {
    const p = partsIn(new Date(guess), timeZone);
    const shown = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
    guess += Date.UTC(y, m - 1, d, 0, 0, 0) - shown;
  }
  return new Date(guess);
}

/** The day after a YYYY-MM-DD day, as YYYY-MM-DD (calendar arithmetic, no zone involved). */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
