/**
 * The whole per user-day feature layout: the core features (core-features.ts, stable indices
 * 0–39) followed by the features detectors add, in registry order. Stored vectors in the database
 * use these indices, which is why new detectors go at the end of the registry.
 */
import { CORE_ANOMALY_FEATURES, CORE_FEATURE_LABELS, CORE_FEATURE_NAMES } from "./core-features.js";
import { DETECTORS } from "./detectors/index.js";
import type { Bilingual } from "./detectors/types.js";

export {
  baseName,
  CHART_FEATURES,
  F,
  FILE_ARCHIVE,
  FILE_DOCUMENT,
  FILE_EXECUTABLE,
  FILE_OTHER,
  fileType,
} from "./core-features.js";

const detectorFeatures = DETECTORS.flatMap((d) => d.features ?? []);

/** Feature names by index. */
export const FEATURE_NAMES: readonly string[] = [
  ...CORE_FEATURE_NAMES,
  ...detectorFeatures.map((f) => f.name),
];

/** Length of the per-day feature vector. */
export const FEATURE_COUNT = FEATURE_NAMES.length;

/** Feature labels in both languages (for charts and the alert page). */
export const FEATURE_LABELS: Readonly<Record<string, Bilingual>> = {
  ...CORE_FEATURE_LABELS,
  ...Object.fromEntries(detectorFeatures.map((f) => [f.name, f.label])),
};

/** Index of a feature name. */
export const FEATURE_INDEX: ReadonlyMap<string, number> = new Map(FEATURE_NAMES.map((n, i) => [n, i]));

/**
 * Features and weights that make up the anomaly part of the score: how far the day is from the
 * user's own baseline and from their peers'. Core ones first, then detector features that declare
 * an anomaly weight.
 */
export const ANOMALY_FEATURES: readonly { f: number; w: number }[] = [
  ...CORE_ANOMALY_FEATURES,
  ...detectorFeatures.flatMap((f) =>
    f.anomalyWeight ? [{ f: FEATURE_INDEX.get(f.name)!, w: f.anomalyWeight }] : [],
  ),
];
