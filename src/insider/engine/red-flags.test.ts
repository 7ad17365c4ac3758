import { describe, expect, it } from "vitest";
import { RED_FLAGS, redFlag } from "../../shared/red-flags.js";
import { CASES, INDICATORS } from "./indicators.js";
import { DETECTOR_RED_FLAGS, indicatorCatalogueFlags, redFlagsForIndicators } from "./red-flags.js";

const detectors = INDICATORS.filter((d) => d.kind === "case");

describe("insider detectors in the shared red-flag catalogue", () => {
  it("maps every detector to at least one insider flag that exists in the catalogue", () => {
    expect(detectors.length).toBeGreaterThanOrEqual(6);
    for (const d of detectors) {
      const flags = DETECTOR_RED_FLAGS[d.id];
      expect(flags, d.id).toBeDefined();
      expect(flags!.length, d.id).toBeGreaterThan(0);
      for (const id of flags!) expect(redFlag(id)?.module, `${d.id} → ${id}`).toBe("insider");
    }
    // No mapping for something that is not a detector.
    expect(Object.keys(DETECTOR_RED_FLAGS).sort()).toEqual(detectors.map((d) => d.id).sort());
  });

  it("covers every insider case and uses every insider flag of the catalogue", () => {
    const covered = new Set(detectors.flatMap((d) => d.cases));
    expect([...covered].sort()).toEqual(Object.keys(CASES).map(Number).sort());
    const used = new Set(Object.values(DETECTOR_RED_FLAGS).flat());
    const insiderFlags = RED_FLAGS.filter((f) => f.module === "insider").map((f) => f.id);
    expect(insiderFlags.sort()).toEqual([...used].sort());
  });

  it("gives the insider flags both languages and a source, and never nationality or ethnicity", () => {
    for (const f of RED_FLAGS.filter((x) => x.module === "insider")) {
      expect(f.id).toMatch(/^I-[A-Z0-9-]+$/);
      for (const text of [f.title.ja, f.title.en, f.question.ja, f.question.en, f.source]) {
        expect(text.trim(), f.id).not.toBe("");
        expect(text, f.id).not.toMatch(/国籍|民族|人種|nationalit|ethnic|\brace\b|foreign/i);
      }
    }
  });

  it("turns the fired indicators of an alert into shared flags, detectors only, without duplicates", () => {
    expect(redFlagsForIndicators(["I-USB-VOLUME", "I-AFTER-HOURS-LOGON"])).toEqual([]);
    expect(redFlagsForIndicators(["I-USB-VOLUME", "I-CASE2-DEPARTING-EXFIL"])).toEqual(["I-DEPARTING-EXFIL"]);
    expect(
      redFlagsForIndicators(["I-CASE6-TOOL-PLANT", "I-CASE5-OTHER-PC-MAIL", "I-CASE6-LEAK-UPLOAD"]),
    ).toEqual(["I-OTHERS-MACHINES", "I-CLOUD-LEAK-UPLOAD"]);
  });

  it("joins the indicators to the catalogue without clashing with its ids", () => {
    const shared = new Set(RED_FLAGS.map((f) => f.id));
    const indicators = indicatorCatalogueFlags();
    expect(indicators.length).toBe(INDICATORS.length);
    for (const i of indicators) expect(shared.has(i.id), i.id).toBe(false);
  });
});
