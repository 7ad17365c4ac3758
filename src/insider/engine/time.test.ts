import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  certDate,
  dayOf,
  daysFromCivil,
  dayToIso,
  hourOf,
  isoToDay,
  parseAnyTime,
  parseCertDate,
  parseIsoToLocal,
  weekdayOfDay,
} from "./time.js";

describe("CERT dates", () => {
  it.each([
    ["01/02/2010 07:05:03", "2010-01-02T07:05:03"],
    ["1/2/2010 7:05:03", "2010-01-02T07:05:03"],
    ["12/31/2010 23:59:59", "2010-12-31T23:59:59"],
    ["2/29/2012 0:0:0", "2012-02-29T00:00:00"],
    ['"06/15/2011 13:45:00"', "2011-06-15T13:45:00"],
    ["06/15/2011 13:45", "2011-06-15T13:45:00"],
  ])("%s is %s local time", (text, iso) => {
    expect(new Date(parseCertDate(text)).toISOString().slice(0, 19)).toBe(iso);
  });

  it.each([
    "13/01/2010 00:00:00",
    "02/30/2010 00:00:00",
    "02/29/2011 01:00:00",
    "01/02/2010 24:00:00",
    "01/02/2010",
    "",
    "x/1/2010 1:1:1",
    "01-02-2010 01:00:00",
  ])("%s is rejected", (text) => {
    expect(parseCertDate(text)).toBeNaN();
  });

  it("round-trips every timestamp through the CERT form", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: daysFromCivil(1990, 1, 1), max: daysFromCivil(2100, 1, 1) }),
        fc.integer({ min: 0, max: 86399 }),
        (day, sec) => {
          const t = day * 86_400_000 + sec * 1000;
          expect(parseCertDate(certDate(t))).toBe(t);
        },
      ),
    );
  });

  it("agrees with Date.UTC for the day count", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-03-01"), max: new Date("2199-12-31"), noInvalidDate: true }),
        (d) => {
          expect(daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(
            Math.floor(d.getTime() / 86_400_000),
          );
        },
      ),
    );
  });
});

describe("ISO timestamps", () => {
  it("converts a zoned time to the organisation's local wall clock", () => {
    // 2024-04-01T00:30:00Z is 09:30 in Tokyo (UTC+9).
    expect(new Date(parseIsoToLocal("2024-04-01T00:30:00Z", 540)).toISOString()).toBe(
      "2024-04-01T09:30:00.000Z",
    );
    expect(new Date(parseIsoToLocal("2024-04-01T09:30:00+09:00", 540)).toISOString()).toBe(
      "2024-04-01T09:30:00.000Z",
    );
    expect(new Date(parseIsoToLocal("2024-04-01T02:30:00+02:00", 0)).toISOString()).toBe(
      "2024-04-01T00:30:00.000Z",
    );
  });
  it("takes a time without zone as local already", () => {
    expect(new Date(parseIsoToLocal("2024-04-01 09:30:00", 540)).toISOString()).toBe(
      "2024-04-01T09:30:00.000Z",
    );
  });
  it("rejects nonsense", () => {
    expect(parseIsoToLocal("2024-13-01T00:00:00Z", 0)).toBeNaN();
    expect(parseIsoToLocal("yesterday", 0)).toBeNaN();
    expect(parseAnyTime({}, 0)).toBeNaN();
  });
  it("accepts CERT dates and epoch ms through parseAnyTime", () => {
    expect(parseAnyTime("1/2/2010 7:05:03", 540)).toBe(parseCertDate("01/02/2010 07:05:03"));
    expect(parseAnyTime(0, 540)).toBe(540 * 60_000);
  });
});

describe("calendar helpers", () => {
  it("knows weekdays, hours and ISO days", () => {
    const t = parseCertDate("01/04/2010 18:30:00"); // a Monday
    expect(weekdayOfDay(dayOf(t))).toBe(1);
    expect(hourOf(t)).toBe(18.5);
    expect(dayToIso(dayOf(t))).toBe("2010-01-04");
    expect(isoToDay("2010-01-04")).toBe(dayOf(t));
    expect(isoToDay("2010-02-30")).toBeNaN();
  });
});

/**
 * An independent reading of the CERT form (a regular expression and Date.UTC), to check the
 * allocation-free byte parser against on random — valid and invalid — inputs.
 */
function certByDateUtc(text: string): number {
  const m = /^[" ]*(\d{1,4})\/(\d{1,4})\/(\d{1,4})[ T](\d{1,4}):(\d{1,4})(?::(\d{1,4}))?[" \r]*$/.exec(text);
  if (!m) return Number.NaN;
  const [month, day, year, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as number[];
  const second = Number(m[6] ?? 0);
  if (year! < 1900 || year! > 2200 || hour! > 23 || minute! > 59 || second > 59) return Number.NaN;
  const t = Date.UTC(year!, month! - 1, day!, hour!, minute!, second);
  const d = new Date(t);
  // Date.UTC rolls 02/30 over into March (and maps years 0–99 to 19xx): such dates are invalid.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month! - 1 || d.getUTCDate() !== day)
    return Number.NaN;
  return t;
}

describe("CERT date parser against Date.UTC", () => {
  it("gives Date.UTC's answer for well-formed timestamps", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2200-12-31T23:59:59Z"), noInvalidDate: true }),
        fc.boolean(),
        fc.boolean(),
        (d, pad, seconds) => {
          const two = (n: number) => (pad ? String(n).padStart(2, "0") : String(n));
          const text = `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}${seconds ? `:${two(d.getUTCSeconds())}` : ""}`;
          const expected = Date.UTC(
            d.getUTCFullYear(),
            d.getUTCMonth(),
            d.getUTCDate(),
            d.getUTCHours(),
            d.getUTCMinutes(),
            seconds ? d.getUTCSeconds() : 0,
          );
          expect(parseCertDate(text)).toBe(expected);
          expect(parseCertDate(`"${text}"`)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("agrees with the Date.UTC reading on random strings of date characters", () => {
    const piece = fc.constantFrom(
      "0",
      "1",
      "2",
      "3",
      "5",
      "9",
      "12",
      "29",
      "31",
      "2010",
      "1899",
      "/",
      " ",
      ":",
      "T",
      '"',
      "-",
      "x",
      "\r",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const text = parts.join("");
        const got = parseCertDate(text);
        const want = certByDateUtc(text);
        if (Number.isNaN(want)) expect(got).toBeNaN();
        else expect(got).toBe(want);
      }),
      { numRuns: 5000 },
    );
  });
});
