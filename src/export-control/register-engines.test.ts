import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COUNTRY_CODES } from "../parties/parties-engine.js";
import { conditionItems, nextRescreen, oneYearAfter, validateReturn } from "./aftercare-engine.js";
import { BUILT_IN_COUNTRY_GROUPS } from "./country-groups.js";
import { EXCEPTION_DEFINITIONS, normaliseLegacyException } from "./exceptions.js";
import {
  destinationCovered,
  expiringWithin,
  expiryReminderDue,
  type LicenceFacts,
  licenceCovers,
  validateLicence,
} from "./licence-register-engine.js";
import {
  fiscalYearOf,
  type InspectionAnswer,
  missingAnswers,
  SELF_INSPECTION_QUESTIONS,
  statisticsCsv,
  yearStatistics,
} from "./self-inspection-engine.js";

const lic = (over: Partial<LicenceFacts> = {}): LicenceFacts => ({
  id: "l1",
  refNo: "LC-2026-0001",
  kind: "individual",
  status: "valid",
  licenceNumber: "No.1",
  validFrom: "2026-01-01",
  validUntil: "2026-12-31",
  items: [{ itemId: "i1", listedItem: "6", description: "machine" }],
  destinations: ["TH"],
  quantityLimit: 10,
  valueLimitJpy: 1_000_000,
  usedQuantity: 4,
  usedValueJpy: 400_000,
  ...over,
});
const need = (over = {}) => ({
  date: "2026-06-01",
  destinationCountry: "TH",
  items: [{ itemId: "i1", listedItem: "6" }],
  quantity: 2,
  valueJpy: 100_000,
  ...over,
});
const covers = (l: LicenceFacts, n = need()) => licenceCovers(l, n, BUILT_IN_COUNTRY_GROUPS);

describe("licence coverage", () => {
  it.each([
    ["a granted licence covering everything", lic(), need(), true, false],
    ["another destination", lic(), need({ destinationCountry: "VN" }), false, false],
    ["another item", lic(), need({ items: [{ itemId: "i2", listedItem: "7" }] }), false, false],
    ["before validity", lic(), need({ date: "2025-12-31" }), false, false],
    ["after expiry", lic(), need({ date: "2027-01-01" }), false, false],
    ["beyond the quantity left", lic(), need({ quantity: 7 }), false, false],
    ["beyond the value left", lic(), need({ valueJpy: 700_000 }), false, false],
    [
      "an application in progress",
      lic({ status: "applying", validFrom: null, validUntil: null }),
      need(),
      true,
      true,
    ],
    ["a refused application", lic({ status: "refused" }), need(), false, false],
    ["a revoked licence", lic({ status: "revoked" }), need(), false, false],
    [
      "Group A by group token",
      lic({ destinations: ["group:group_a"] }),
      need({ destinationCountry: "DE" }),
      true,
      false,
    ],
    ["Group A token does not cover general", lic({ destinations: ["group:group_a"] }), need(), false, false],
    ["any country", lic({ destinations: ["*"] }), need({ destinationCountry: "BR" }), true, false],
    [
      "a list item without master id",
      lic({ items: [{ itemId: null, listedItem: "6", description: "" }] }),
      need({ items: [{ itemId: null, listedItem: "6" }] }),
      true,
      false,
    ],
  ] as const)("%s", (_name, l, n, ok, pending) => {
    const c = covers(l, n);
    expect(c.covers).toBe(ok);
    expect(c.pending).toBe(pending);
    expect(c.reason.ja.length).toBeGreaterThan(0);
  });

  it("Korea is covered by a Group A licence only while it is in Table 3", () => {
    expect(destinationCovered(["group:group_a"], "KR", "2020-01-01", BUILT_IN_COUNTRY_GROUPS)).toBe(false);
    expect(destinationCovered(["group:group_a"], "KR", "2024-01-01", BUILT_IN_COUNTRY_GROUPS)).toBe(true);
  });

  it("expiry reminders: 60 then 30 days before, expired after", () => {
    const v = { status: "valid" as const, validUntil: "2026-12-31" };
    expect(expiryReminderDue(v, "2026-10-31")).toBeNull();
    expect(expiryReminderDue(v, "2026-11-01")).toBe(60);
    expect(expiryReminderDue(v, "2026-12-01")).toBe(30);
    expect(expiryReminderDue(v, "2026-12-31")).toBe(30);
    expect(expiryReminderDue(v, "2027-01-01")).toBe("expired");
    expect(expiryReminderDue({ status: "applying", validUntil: null }, "2026-12-31")).toBeNull();
  });

  it("the reminder is monotone: once 30 is due, 60 never comes back before expiry", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 120 }), (a, b) => {
        const day = (n: number) =>
          new Date(Date.UTC(2026, 11, 31) - n * 86_400_000).toISOString().slice(0, 10);
        const [far, near] = a >= b ? [a, b] : [b, a];
        const r1 = expiryReminderDue({ status: "valid", validUntil: "2026-12-31" }, day(far));
        const r2 = expiryReminderDue({ status: "valid", validUntil: "2026-12-31" }, day(near));
        if (r1 === 30) expect(r2).toBe(30);
      }),
    );
  });

  it("validates a licence record naming each field", () => {
    const problems = validateLicence(
      {
        kind: "bulk",
        status: "valid",
        licenceNumber: null,
        holder: "",
        validFrom: "2026-02-01",
        validUntil: "2026-01-01",
        appliedOn: null,
        destinations: ["ZZ", "group:mars"],
        quantityLimit: -1,
        valueLimitJpy: null,
      },
      COUNTRY_CODES,
    );
    expect(problems.map((p) => p.path)).toEqual([
      "kind",
      "holder",
      "licenceNumber",
      "validUntil",
      "destinations.0",
      "destinations.1",
      "quantityLimit",
    ]);
  });
});

describe("after approval", () => {
  const ctx = { applicantUserId: "a", decidedOn: "2026-05-01", knownUserIds: new Set(["a", "b"]) };
  it("structured conditions need text, a known owner and a due date on or after the decision", () => {
    const r = conditionItems(
      [
        { text: "ok", ownerUserId: "b", dueOn: "2026-06-01" },
        { text: "", ownerUserId: "zz", dueOn: "2026-04-01" },
      ],
      null,
      ctx,
    );
    expect(r.problems.map((p) => p.path)).toEqual([
      "conditionItems.1.text",
      "conditionItems.1.ownerUserId",
      "conditionItems.1.dueOn",
    ]);
  });
  it("plain conditions become one tracked item for the applicant, due in 30 days", () => {
    expect(conditionItems(undefined, "資料の持出し禁止", ctx).items).toEqual([
      { text: "資料の持出し禁止", ownerUserId: "a", dueOn: "2026-05-31" },
    ]);
    expect(conditionItems(undefined, "  ", ctx).items).toEqual([]);
  });
  it("re-screening: a year later unless the stay ends first; 29 February clamps", () => {
    expect(nextRescreen("2026-05-01", null)).toBe("2027-05-01");
    expect(nextRescreen("2026-05-01", "2027-03-31")).toBeNull();
    expect(oneYearAfter("2028-02-29")).toBe("2029-02-28");
  });
  it("a return record explains anything not brought back", () => {
    expect(validateReturn({ status: "returned", returnedOn: null, note: null }).map((p) => p.path)).toEqual([
      "returnedOn",
    ]);
    expect(validateReturn({ status: "lost", returnedOn: null, note: "" }).map((p) => p.path)).toEqual([
      "note",
    ]);
    expect(validateReturn({ status: "returned", returnedOn: "2026-05-20", note: null })).toEqual([]);
  });
});

describe("exceptions: teaching and thesis publication are uses of 公知 / 公知化目的", () => {
  it("maps the old separate codes", () => {
    expect(normaliseLegacyException("teaching")).toEqual({ code: "public_domain", use: "open_lecture" });
    expect(normaliseLegacyException("thesis_publication")).toEqual({
      code: "publication_intended",
      use: "thesis",
    });
    expect(normaliseLegacyException("basic_research")).toEqual({ code: "basic_research", use: null });
    expect(normaliseLegacyException("anything")).toBeNull();
  });

  it("公知 and 公知化目的 are both 貿易外省令 第9条第2項第9号 and basic research 第10号, as METI states; the rest stay to verify", () => {
    const art = (code: keyof typeof EXCEPTION_DEFINITIONS) =>
      EXCEPTION_DEFINITIONS[code].citations.find((c) => c.source === "tradeOrdinance")!;
    for (const code of ["public_domain", "publication_intended"] as const) {
      expect(art(code).provision.ja).toMatch(/^第9条第2項第9号/);
      expect(art(code).verified).toBe(true);
      expect(art(code).note?.ja).toContain("meti.go.jp/policy/anpo/daigaku/el/3/q15_a2.html");
    }
    expect(art("basic_research").provision.ja).toMatch(/^第9条第2項第10号/);
    expect(art("basic_research").verified).toBe(true);
    for (const code of ["patent_application", "minimum_use", "commercial_software"] as const)
      expect(art(code).verified).toBe(false);
  });
});

describe("self-inspection", () => {
  it("fiscal years run April to March", () => {
    expect(fiscalYearOf("2026-03-31")).toBe(2025);
    expect(fiscalYearOf("2026-04-01")).toBe(2026);
  });
  it("a 'no' needs the corrective action and a 'yes' its evidence", () => {
    const all: Record<string, InspectionAnswer> = Object.fromEntries(
      SELF_INSPECTION_QUESTIONS.map((q) => [q.id, { answer: "na", note: "", evidence: "" }]),
    );
    expect(missingAnswers(all)).toEqual([]);
    all["s2-audit"] = { answer: "no", note: "", evidence: "" };
    all["s2-training"] = { answer: "yes", note: "", evidence: "" };
    expect(missingAnswers(all)).toEqual(["s2-audit.note", "s2-training.evidence"]);
    expect(SELF_INSPECTION_QUESTIONS.every((q) => q.citations.length > 0)).toBe(true);
  });
  it("statistics count, measure turnaround and sum licence use", () => {
    const s = yearStatistics(
      2026,
      [
        {
          activityType: "goods_export",
          status: "approved",
          determination: "licence_required",
          submittedAt: "2026-04-01T00:00:00Z",
          decidedAt: "2026-04-11T00:00:00Z",
        },
        {
          activityType: "goods_export",
          status: "rejected",
          determination: "not_required",
          submittedAt: "2026-05-01T00:00:00Z",
          decidedAt: "2026-05-03T00:00:00Z",
        },
        {
          activityType: "acceptance",
          status: "unit_review",
          determination: null,
          submittedAt: "2026-06-01T00:00:00Z",
          decidedAt: null,
        },
      ],
      [
        { licenceRef: "LC-1", licenceKind: "individual", quantity: 2, valueJpy: 100 },
        { licenceRef: "LC-1", licenceKind: "individual", quantity: 3, valueJpy: 50 },
      ],
    );
    expect(s.byActivity).toEqual({ goods_export: 2, acceptance: 1 });
    expect(s.byDetermination).toEqual({ licence_required: 1, not_required: 1, none: 1 });
    expect(s.turnaround).toEqual({ decided: 2, meanDays: 6, medianDays: 2, p90Days: 10 });
    expect(s.licences).toEqual([{ ref: "LC-1", kind: "individual", uses: 2, quantity: 5, valueJpy: 150 }]);
    const csv = statisticsCsv(s, "en", { activity: (k) => k, determination: (k) => k, outcome: (k) => k });
    expect(csv.split("\r\n")[0]).toBe("\uFEFFsection,key,label,value");
    expect(csv).toContain("turnaround,median_days,median (days),2");
  });
});

describe("licences expiring within N days (the dashboard tile and the register filter)", () => {
  const today = "2026-06-01";
  it.each([
    ["expires today", lic({ validUntil: "2026-06-01" }), 60, 0],
    ["expires in 60 days, limit 60", lic({ validUntil: "2026-07-31" }), 60, 60],
    ["expires in 61 days, limit 60", lic({ validUntil: "2026-08-01" }), 60, null],
    ["expired yesterday", lic({ validUntil: "2026-05-31" }), 60, null],
    ["application in progress", lic({ status: "applying", validUntil: "2026-06-10" }), 60, null],
    ["revoked", lic({ status: "revoked", validUntil: "2026-06-10" }), 60, null],
    ["no expiry recorded", lic({ validUntil: null }), 60, null],
    ["in 20 days, limit 10", lic({ validUntil: "2026-06-21" }), 10, null],
  ])("%s", (_name, l, within, daysLeft) => {
    const out = expiringWithin([l], today, within);
    expect(out.map((x) => x.daysLeft)).toEqual(daysLeft === null ? [] : [daysLeft]);
  });

  it("sorts soonest first and never lists a licence outside the window (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100, max: 200 }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 120 }),
        (offsets, within) => {
          const ls = offsets.map((d, i) =>
            lic({
              id: `l${i}`,
              validUntil: new Date(Date.parse(`${today}T00:00:00Z`) + d * 86_400_000)
                .toISOString()
                .slice(0, 10),
            }),
          );
          const out = expiringWithin(ls, today, within);
          expect(out.length).toBe(offsets.filter((d) => d >= 0 && d <= within).length);
          for (let i = 1; i < out.length; i++)
            expect(out[i]!.daysLeft).toBeGreaterThanOrEqual(out[i - 1]!.daysLeft);
          for (const x of out) expect(x.daysLeft).toBeLessThanOrEqual(within);
        },
      ),
    );
  });
});
