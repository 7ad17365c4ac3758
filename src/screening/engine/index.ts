/**
 * Public entry point of the screening matching engine: a pure library (no IO, no clock, no
 * database). The service builds an index from the active list snapshots and calls `match`.
 */
import type { ListEntity, ScreeningHit, ScreeningQuery } from "../screening-contract.js";
import { createMatchingIndex, type MatchOptions } from "./matching-index.js";

export { type AnalyzedName, analyzeName } from "./analyze.js";
export { foldHan, segmentCjk } from "./cjk.js";
export { compareListPrecedence, listPrecedence } from "./list-precedence.js";
export {
  createMatchingIndex,
  DEFAULT_THRESHOLD,
  type MatchingIndex,
  type MatchingIndexOptions,
  type MatchOptions,
} from "./matching-index.js";
export { foldText } from "./normalize.js";
export { compareNames, FEATURE_WEIGHTS } from "./score.js";
export { dominantScript, scriptGroup } from "./scripts.js";

/**
 * Scores one query against one list entity without building a shared index: for ad-hoc checks,
 * tests and evaluations against a fixed (query, entity) pair. Returns the hit even below the
 * threshold.
 */
export function scoreQueryAgainstEntity(
  query: ScreeningQuery,
  entity: ListEntity,
  options: MatchOptions = {},
): ScreeningHit | null {
  const index = createMatchingIndex({ candidates: 1 });
  index.add(entity, "pair");
  index.build();
  return index.match(query, { ...options, limit: 1, minScore: 0 })[0] ?? null;
}
export {
  englishClasses,
  englishSoundKeys,
  transcriptionClasses,
  transcriptionSimilarity,
  transcriptionSoundKeys,
} from "./transcription.js";
