import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  csvTimeHeader,
  dateInZone,
  formatCsvDateTime,
  formatDateTimeInZone,
  isTimeZone,
  nextDay,
  startOfDayInZone,
  zoneLabel,
} from "./time-format.js";

const instant = "2026-12-06T14:25:29.652Z"; // 23:25:29 in Tokyo

describe("time formatting in the organisation's zone", () => {
  it.each([
    ["Asia/Tokyo", "ja", "2026/12/06 23:25 JST"],
    ["Asia/Tokyo", "en", "2026-12-06 23:25 JST"],
    ["UTC", "ja", "2026/12/06 14:25 UTC"],
    ["America/New_York", "en", "2026-12-06 09:25 GMT-5"],
  ] as const)("%s in %s prints %s (never the raw ISO string)", (zone, lang, expected) => {
    const text = formatDateTimeInZone(instant, zone, lang);
    expect(text).toBe(expected);
    expect(text).not.toContain("T14:25");
  });

  it("crosses the date line the way a person in Tokyo counts days", () => {
    expect(dateInZone("2026-12-31T15:00:00Z", "Asia/Tokyo")).toBe("2027-01-01");
    expect(dateInZone("2026-12-31T14:59:59Z", "Asia/Tokyo")).toBe("2026-12-31");
    expect(formatCsvDateTime("2026-12-31T15:00:00Z", "Asia/Tokyo")).toBe("2027-01-01 00:00:00");
  });

  it("prints seconds when asked and nothing for missing values", () => {
    expect(formatDateTimeInZone(instant, "Asia/Tokyo", "ja", { seconds: true, zone: false })).toBe(
      "2026/12/06 23:25:29",
    );
    expect(formatCsvDateTime(null, "Asia/Tokyo")).toBe("");
    expect(formatCsvDateTime("not a date", "Asia/Tokyo")).toBe("");
  });

  it("names the zone in CSV headers", () => {
    expect(csvTimeHeader({ ja: "日時", en: "Time" }, "Asia/Tokyo", "ja")).toBe("日時（Asia/Tokyo）");
    expect(csvTimeHeader({ ja: "日時", en: "Time" }, "UTC", "en")).toBe("Time (UTC)");
  });

  it("knows real zone names and refuses others", () => {
    expect(isTimeZone("Asia/Tokyo")).toBe(true);
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(zoneLabel(instant, "Asia/Tokyo")).toBe("JST");
  });

  it("finds the instant a day starts, also across daylight saving", () => {
    expect(startOfDayInZone("2026-12-01", "Asia/Tokyo").toISOString()).toBe("2026-11-30T15:00:00.000Z");
    expect(startOfDayInZone("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfDayInZone("2026-03-09", "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });

  it("property: a day starts at local midnight — that instant is the day, one millisecond earlier is not", () => {
    const zones = ["Asia/Tokyo", "UTC", "Europe/Berlin", "America/New_York", "Australia/Adelaide"];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2040-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.constantFrom(...zones),
        (d, zone) => {
          const day = d.toISOString().slice(0, 10);
          const start = startOfDayInZone(day, zone);
          expect(dateInZone(start, zone)).toBe(day);
          expect(dateInZone(new Date(start.getTime() - 1), zone)).not.toBe(day);
        },
      ),
    );
  });
});
