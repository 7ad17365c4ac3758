/**
 * Wall-clock time for activity logs. Logs such as CERT's carry local time without a zone, and the
 * questions the detectors ask ("after hours?", "weekend?", "which day?") are about the local wall
 * clock, so the engine keeps every timestamp as "local milliseconds": the local date and time read
 * as if they were UTC. Absolute timestamps (ISO 8601 with an offset) are shifted into that frame
 * with the organisation's UTC offset.
 */

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm; no Date object). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2200) return false;
  if (day > DAYS_IN_MONTH[month - 1]!) return false;
  if (month === 2 && day === 29) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return true;
}

// The same date prefix repeats on consecutive rows of a time-sorted file: remember the last one.
let cacheKey = -1;
let cacheDays = 0;

/**
 * Parses a CERT timestamp `MM/DD/YYYY HH:MM:SS` (any field may lack its leading zero; seconds
 * optional) straight from the bytes of a line, without building a string. Returns local ms, or
 * NaN when the text is not a valid date.
 */
export function parseCertDateBytes(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  // Skip surrounding quotes and spaces (r6.2 quotes every field).
  while (i < end && (buf[i] === 0x22 || buf[i] === 0x20)) i++;
  let e = end;
  while (e > i && (buf[e - 1] === 0x22 || buf[e - 1] === 0x20 || buf[e - 1] === 0x0d)) e--;
  // Six numbers in locals, not an array: this runs once per event and must not allocate.
  let month = 0;
  let day = 0;
  let year = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let p = 0;
  let digits = 0;
  for (; i < e; i++) {
    const c = buf[i]!;
    if (c >= 0x30 && c <= 0x39) {
      const v = c - 0x30;
      if (p === 0) month = month * 10 + v;
      else if (p === 1) day = day * 10 + v;
      else if (p === 2) year = year * 10 + v;
      else if (p === 3) hour = hour * 10 + v;
      else if (p === 4) minute = minute * 10 + v;
      else second = second * 10 + v;
      digits++;
      if (digits > 4) return Number.NaN;
    } else {
      if (digits === 0) return Number.NaN;
      const expected = p < 2 ? 0x2f : p === 2 ? 0x20 : 0x3a; // '/', ' ', ':'
      if (c !== expected && !(p === 2 && c === 0x54)) return Number.NaN; // also accept 'T'
      p++;
      if (p > 5) return Number.NaN;
      digits = 0;
    }
  }
  if (digits === 0 || p < 4) return Number.NaN;
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const key = year * 10000 + month * 100 + day;
  let days: number;
  if (key === cacheKey) days = cacheDays;
  else {
    if (!validDate(year, month, day)) return Number.NaN;
    days = daysFromCivil(year, month, day);
    cacheKey = key;
    cacheDays = days;
  }
  return days * MS_PER_DAY + hour * MS_PER_HOUR + minute * 60_000 + second * 1000;
}

const encoder = new TextEncoder();

/** The string form of {@link parseCertDateBytes}, for tests and JSON inputs that use CERT dates. */
export function parseCertDate(text: string): number {
  const bytes = encoder.encode(text);
  return parseCertDateBytes(bytes, 0, bytes.length);
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses an ISO 8601 timestamp into local ms. With a zone (Z or ±hh:mm) it is converted to the
 * organisation's local time using `utcOffsetMinutes`; without one it is taken as local already.
 */
export function parseIsoToLocal(text: string, utcOffsetMinutes: number): number {
  const m = ISO.exec(text.trim());
  if (!m) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (!validDate(year, month, day)) return Number.NaN;
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  let t = daysFromCivil(year, month, day) * MS_PER_DAY + hour * MS_PER_HOUR + minute * 60_000 + second * 1000;
  const zone = m[7];
  if (zone) {
    let offset = 0;
    if (zone.toUpperCase() !== "Z") {
      const sign = zone[0] === "-" ? -1 : 1;
      const digits = zone.slice(1).replace(":", "");
      offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
    }
    t += (utcOffsetMinutes - offset) * 60_000;
  }
  return t;
}

/** Parses a timestamp in any supported form: ISO 8601, CERT `MM/DD/YYYY HH:MM:SS`, or epoch ms. */
export function parseAnyTime(value: unknown, utcOffsetMinutes: number): number {
  if (typeof value === "number")
    return Number.isFinite(value) ? value + utcOffsetMinutes * 60_000 : Number.NaN;
  if (typeof value !== "string") return Number.NaN;
  if (value.includes("/")) return parseCertDate(value);
  return parseIsoToLocal(value, utcOffsetMinutes);
}

/** The day number (days since 1970-01-01) of a local timestamp. */
export function dayOf(t: number): number {
  return Math.floor(t / MS_PER_DAY);
}

/** The local hour (0–23, fractional) of a local timestamp. */
export function hourOf(t: number): number {
  return (t - dayOf(t) * MS_PER_DAY) / MS_PER_HOUR;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** `YYYY-MM-DD` of a day number. */
export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number of a `YYYY-MM-DD` (or ISO timestamp) string; NaN when invalid. */
export function isoToDay(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  if (!m) return Number.NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return validDate(y, mo, d) ? daysFromCivil(y, mo, d) : Number.NaN;
}

/** A local timestamp as `YYYY-MM-DDTHH:MM:SS` (no zone: it is wall-clock time). */
export function localIso(t: number): string {
  return new Date(t).toISOString().slice(0, 19);
}

/** The CERT form `MM/DD/YYYY HH:MM:SS` of a local timestamp (zero-padded). */
export function certDate(t: number): string {
  const iso = new Date(t).toISOString();
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)} ${iso.slice(11, 19)}`;
}
