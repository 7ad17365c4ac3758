/**
 * The investigation budget as an organisation writes it in its configuration
 * (`SEKIMORI_INSIDER_BUDGET`): `percentile:99.9` (the top 0.1 % of user-days over the last 90 days),
 * `top:5` (the five highest-scoring user-days of each day: an office that reviews five cases a day)
 * or `fixed:30` (points, the behaviour before budgets), each optionally followed by `,floor:N`
 * (no budget alert below N points). Case patterns alert whatever the budget. Pure: no I/O.
 */
import { type AlertBudget, DEFAULT_BUDGET } from "./engine.js";

/** Parses a budget text; throws an Error naming what is wrong (config errors must be clear). */
export function parseAlertBudget(text: string | undefined): AlertBudget {
  const value = (text ?? "").trim();
  if (value === "") return DEFAULT_BUDGET;
  const parts = value.split(",").map((p) => p.trim());
  const [mode, raw] = (parts[0] ?? "").split(":").map((p) => p.trim());
  const n = Number(raw);
  let floor: number | undefined;
  for (const extra of parts.slice(1)) {
    const [key, v] = extra.split(":").map((p) => p.trim());
    const f = Number(v);
    if (key !== "floor" || v === undefined || v === "" || !Number.isFinite(f) || f < 0)
      throw new Error(`"${extra}": expected floor:N with N ≥ 0 points`);
    floor = f;
  }
  if (raw === undefined || raw === "" || !Number.isFinite(n))
    throw new Error(`"${value}": expected percentile:P, top:N or fixed:POINTS`);
  switch (mode) {
    case "percentile":
      if (!(n > 0 && n < 100)) throw new Error(`"${value}": the percentile must be between 0 and 100`);
      return {
        ...(DEFAULT_BUDGET as Extract<AlertBudget, { mode: "percentile" }>),
        percentile: n,
        ...(floor !== undefined ? { floor } : {}),
      };
    case "top":
      if (!(Number.isInteger(n) && n >= 1))
        throw new Error(`"${value}": top needs a whole number ≥ 1 of user-days a day`);
      return { mode: "topPerDay", perDay: n, ...(floor !== undefined ? { floor } : {}) };
    case "fixed":
      if (floor !== undefined) throw new Error(`"${value}": a fixed threshold takes no floor`);
      if (!(n > 0)) throw new Error(`"${value}": the fixed threshold must be above 0 points`);
      return { mode: "fixed", threshold: n };
    default:
      throw new Error(`"${value}": the mode must be percentile, top or fixed`);
  }
}
