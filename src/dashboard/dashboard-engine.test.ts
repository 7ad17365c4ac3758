import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageDetail, ageTone, countTone, daySeries, lastDays, waitingAges } from "./dashboard-engine.js";

const now = new Date("2026-12-20T03:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000 - 1000);

describe("dashboard engine", () => {
  it.each([
    [[], { count: 0, oldestDays: null, medianDays: null }],
    [[1], { count: 1, oldestDays: 1, medianDays: 1 }],
    [[0, 3, 12], { count: 3, oldestDays: 12, medianDays: 3 }],
    [[2, 4, 6, 20], { count: 4, oldestDays: 20, medianDays: 5 }],
  ])("ages of items waiting %j days", (ages, expected) => {
    expect(waitingAges(ages.map(daysAgo), now)).toEqual(expected);
  });

  it("says how long items have waited, and colours old ones", () => {
    expect(ageDetail({ oldestDays: 12, medianDays: 3 })).toEqual({
      ja: "最長 12 日・中央値 3 日",
      en: "oldest 12 d, median 3 d",
    });
    expect(ageDetail({ oldestDays: null, medianDays: null })).toBeNull();
    expect(ageTone(0, null)).toBe("neutral");
    expect(ageTone(2, 3)).toBe("neutral");
    expect(ageTone(2, 7)).toBe("attention");
    expect(ageTone(1, 14)).toBe("danger");
    expect(countTone(0)).toBe("neutral");
    expect(countTone(3)).toBe("danger");
    expect(countTone(3, "attention")).toBe("attention");
  });

  it("lays daily counts on the last 30 days, across month and year ends", () => {
    const days = lastDays("2027-01-02", 30);
    expect(days).toHaveLength(30);
    expect(days[0]).toBe("2026-12-04");
    expect(days.at(-1)).toBe("2027-01-02");
    expect(
      daySeries(days, [
        { day: "2026-12-31", n: 2 },
        { day: "2027-01-02", n: 1 },
        { day: "2026-11-01", n: 9 }, // outside the window
      ]).filter((n) => n > 0),
    ).toEqual([2, 1]);
  });

  it("property: a day series has one value per day and keeps every count inside the window", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ offset: fc.integer({ min: 0, max: 40 }), n: fc.integer({ min: 0, max: 50 }) })),
        (rows) => {
          const days = lastDays("2026-12-20", 30);
          const counts = rows.map((r) => ({ day: lastDays("2026-12-20", 41)[40 - r.offset]!, n: r.n }));
          const series = daySeries(days, counts);
          expect(series).toHaveLength(30);
          const inside = rows.filter((r) => r.offset < 30).reduce((s, r) => s + r.n, 0);
          expect(series.reduce((s, n) => s + n, 0)).toBe(inside);
        },
      ),
    );
  });
});
