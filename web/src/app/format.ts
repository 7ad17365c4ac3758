import i18n from "./i18n";

/**
 * Times are shown in the organisation's time zone (Admin › Organisation, default Asia/Tokyo) — not
 * the browser's and never as raw UTC — so a review approved at 09:00 in Tokyo reads 09:00 for a
 * colleague abroad too. The zone is named after the time only when it differs from the browser's.
 * The server prints PDFs and CSVs with the same rules (src/shared/time-format.ts).
 */
let organisationTimeZone = "Asia/Tokyo";

/** Set once the organisation's settings are loaded (see OrganisationProvider). */
export function setOrganisationTimeZone(zone: string): void {
  organisationTimeZone = zone;
}

/** The organisation's time zone (IANA name). */
export function timeZone(): string {
  return organisationTimeZone;
}

function locale(): string {
  return i18n.language === "en" ? "en-GB" : "ja-JP";
}

function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A date-time in the UI language, in the organisation's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const foreign = browserZone() !== organisationTimeZone;
  return new Intl.DateTimeFormat(locale(), {
    year: "numeric",
    month: i18n.language === "en" ? "short" : "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: organisationTimeZone,
    ...(foreign ? { timeZoneName: "short" } : {}),
  }).format(date);
}

/**
 * A date in the UI language. A calendar date (YYYY-MM-DD: a due date, a birth date) is shown as it
 * is; an instant (ISO with time) as its date in the organisation's time zone.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const plain = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = plain ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(locale(), {
    year: "numeric",
    month: i18n.language === "en" ? "short" : "2-digit",
    day: "2-digit",
    timeZone: plain ? "UTC" : organisationTimeZone,
  }).format(date);
}

/** The calendar date (YYYY-MM-DD) of an instant in the organisation's time zone. */
export function dateInOrganisationZone(value: Date | string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: organisationTimeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(value));
  return parts; // en-CA formats as YYYY-MM-DD
}

/**
 * The instant (ISO) at which a calendar day starts in the organisation's time zone, so a filter
 * "from 2026-12-01" means midnight in Tokyo rather than in UTC or in the browser's zone.
 */
export function startOfDayIso(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  let guess = Date.UTC(y, m - 1, d);
  for (let i = 0; i < 2; i++) {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", {
        timeZone: organisationTimeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      })
        .formatToParts(new Date(guess))
        .map((x) => [x.type, x.value]),
    );
    const shown = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
    guess += Date.UTC(y, m - 1, d) - shown;
  }
  return new Date(guess).toISOString();
}

/** A country's name from its ISO code, in the UI language. */
export function countryName(code: string | null | undefined): string {
  if (!code) return "";
  try {
    return new Intl.DisplayNames([i18n.language], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Picks the UI language's text of a { ja, en } pair. */
export function bi(text: { ja: string; en: string } | null | undefined): string {
  if (!text) return "";
  return i18n.language === "en" ? text.en : text.ja;
}
