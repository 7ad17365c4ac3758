import type { PartyScreeningResult } from "../screening/screening-contract.js";
import type { ScreeningFact } from "./people-engine.js";

/** Reduces the screening module's result to the facts reviews and people keep and reason with. */
export function toScreeningFact(result: PartyScreeningResult): ScreeningFact {
  return {
    runId: result.runId,
    screenedAt: result.screenedAt,
    hits: result.hits.map((h) => ({
      entityId: h.entityId,
      source: h.source,
      name: h.name,
      score: h.score,
      match: h.match,
      programs: [...h.programs],
      decision: h.decision?.status ?? null,
      reason: h.explanation.summary,
    })),
  };
}
