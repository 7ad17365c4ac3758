/**
 * Case 4 — a student, intern or contractor placed from a partner repeatedly reads data outside
 * their project.
 *
 * Signal: a registered confidential asset that is not assigned to any of the person's projects
 * (or roles) was accessed; scope is only known for people in the directory. The case fires when
 * this repeats with several accesses a day: on the third such day within 30 (the second for
 * people on the intern, contractor or new-hire watchlists); a stray file now and then is not a
 * pattern.
 */
import { F } from "../core-features.js";
import { defineDetector, type EventContext } from "./types.js";

export const scopeCreep = defineDetector({
  id: "scope-creep",
  title: { ja: "担当外データへの繰り返しアクセス（事例4）", en: "Repeated out-of-scope access (case 4)" },
  computes: ["OUT_OF_SCOPE"],
  indicators: [
    {
      id: "I-OUT-OF-SCOPE",
      kind: "behaviour",
      weight: 12,
      cases: [4],
      label: { ja: "担当外の機密資産アクセス", en: "Out-of-scope confidential access" },
      explanation: {
        ja: "担当プロジェクトに割り当てられていない機密資産にアクセスしました。",
        en: "A confidential asset not assigned to any of the user's projects was accessed.",
      },
    },
    {
      id: "I-CASE4-SCOPE-CREEP",
      kind: "case",
      weight: 25,
      cases: [4],
      label: { ja: "担当外データへの繰り返しアクセス", en: "Repeated out-of-scope access" },
      explanation: {
        ja: "担当プロジェクト外の機密資産へのアクセスが繰り返されるか、学生・インターン・委託先の立場でアクセスしています（事例4）。",
        en: "Out-of-scope confidential access is repeated, or comes from a student, intern or contractor (case 4).",
      },
    },
  ],
  create(env) {
    const OUT_OF_SCOPE = env.indicator("I-OUT-OF-SCOPE");
    const CASE4 = env.indicator("I-CASE4-SCOPE-CREEP");
    const { assets } = env;
    const check = (e: EventContext) => {
      if (e.asset && e.person && !assets.inScope(e.asset, e.attrs.projects, e.attrs.role)) {
        e.x[F.OUT_OF_SCOPE]!++;
        e.tags.push(OUT_OF_SCOPE);
      }
    };
    return {
      http: check,
      file: check,
      logon(e) {
        if (e.ev.action === "logon") check(e);
      },
      signals(d) {
        if (d.x[F.OUT_OF_SCOPE]! > 0) d.fire(OUT_OF_SCOPE);
      },
      cases(d) {
        if (!d.has(OUT_OF_SCOPE)) return;
        const placed = d.watch.some((w) => w === "intern" || w === "contractor" || w === "new_hire");
        // Several out-of-scope accesses today, on the third day within 30 (the second for placed people).
        if (d.x[F.OUT_OF_SCOPE]! < 2) return;
        if (d.within(OUT_OF_SCOPE, 30) >= (placed ? 2 : 3)) d.fire(CASE4);
      },
    };
  },
});
