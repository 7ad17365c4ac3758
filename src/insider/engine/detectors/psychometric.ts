/**
 * Psychometric factor — off by default. CERT ships personality scores (O, C, E, A, N); traits are
 * not behaviour, are sensitive personal data and add little over behavioural indicators, so the
 * factor is used only when an organisation enables it explicitly (`psychometric: { enabled: true }`),
 * and then only as a small addition on a day something behavioural already fired. Registered last:
 * it looks at everything the other detectors fired.
 */
import { defineDetector } from "./types.js";

export const psychometric = defineDetector({
  id: "psychometric",
  title: { ja: "心理尺度（既定で無効）", en: "Psychometric factor (off by default)" },
  computes: [],
  indicators: [
    {
      id: "I-PSYCHOMETRIC",
      kind: "context",
      weight: 3,
      cases: [],
      label: { ja: "心理尺度（既定で無効）", en: "Psychometric factor (off by default)" },
      explanation: {
        ja: "心理尺度データによる小さな加点です。既定では使いません（docs/insider-risk.md を参照）。",
        en: "A small addition from psychometric data. Not used by default (see docs/insider-risk.md).",
      },
    },
  ],
  create(env) {
    const PSYCHOMETRIC = env.indicator("I-PSYCHOMETRIC");
    const enabled = env.options.psychometricEnabled;
    return {
      cases(d) {
        if (!enabled || !d.behaviour()) return;
        const p = d.person?.psychometric;
        if (p && p.N >= 40 && (p.A <= 20 || p.C <= 20)) d.fire(PSYCHOMETRIC);
      },
    };
  },
});
