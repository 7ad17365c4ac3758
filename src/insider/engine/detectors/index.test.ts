import { describe, expect, it } from "vitest";
import { CORE_FEATURE_NAMES } from "../core-features.js";
import { FEATURE_NAMES } from "../features.js";
import { INDICATORS } from "../indicators.js";
import { DETECTORS, LEGACY_HABIT_ORDER, LEGACY_INDICATOR_ORDER } from "./index.js";
import { normalDays, runEngine } from "./test-kit.js";

describe("detector registry", () => {
  it("has unique detector, indicator and feature ids, each indicator bilingual with a weight", () => {
    expect(new Set(DETECTORS.map((d) => d.id)).size).toBe(DETECTORS.length);
    expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(INDICATORS.length);
    expect(new Set(FEATURE_NAMES).size).toBe(FEATURE_NAMES.length);
    for (const i of INDICATORS) {
      expect(i.label.ja && i.label.en && i.explanation.ja && i.explanation.en, i.id).toBeTruthy();
      // Context explains and never adds points (psychometric, opt-in, is the one exception).
      if (i.kind === "context" && i.id !== "I-PSYCHOMETRIC") expect(i.weight, i.id).toBe(0);
      else expect(i.weight, i.id).toBeGreaterThan(0);
    }
  });

  it("keeps every id a version-1 snapshot may hold", () => {
    const ids = new Set(INDICATORS.map((i) => i.id));
    for (const id of LEGACY_INDICATOR_ORDER) expect(ids.has(id), id).toBe(true);
    const habits = new Set(DETECTORS.flatMap((d) => (d.habits ?? []).map((h) => h.id)));
    for (const h of LEGACY_HABIT_ORDER) expect(habits.has(h), h).toBe(true);
  });

  it("assigns every core feature a computing detector at most once (the rest are the engine's own)", () => {
    const owners = new Map<string, string>();
    for (const d of DETECTORS)
      for (const f of d.computes) {
        expect(CORE_FEATURE_NAMES as readonly string[], `${d.id}: ${f}`).toContain(f);
        expect(owners.has(f), `${f} computed by ${owners.get(f)} and ${d.id}`).toBe(false);
        owners.set(f, d.id);
      }
  });

  it("resolves every detector's indicators, features and habits when an engine is built", () => {
    expect(() => runEngine(normalDays(0, 3))).not.toThrow();
  });
});
