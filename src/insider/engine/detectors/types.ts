/**
 * The contract between the streaming engine (engine.ts) and its detectors. A detector is one file
 * under this folder: the features it computes, the indicators it fires (ids, labels, weights,
 * explanations in Japanese and English), its event hooks, its end-of-day rules, and its own small
 * per-person state. The engine owns everything shared: event order and lateness, the per-day
 * feature vector, machine ownership, the confidential-asset lookup, baselines (own and peers),
 * habits, scoring, alerting and evidence. Registering a detector is one line in `index.ts`.
 *
 * Types, host-context constants and `defineDetector` only; it imports nothing at runtime, so the
 * detectors and the catalogue (indicators.ts, features.ts) import it without a cycle.
 */
import type { AssetRegistry, ConfidentialAsset } from "../assets.js";
import type { Directory, Person, PersonAttributes, Watchlist } from "../directory.js";
import type { DomainClassifier } from "../domains.js";
import type { ActivityEvent } from "../event.js";

/** A message in both UI languages. */
export type Bilingual = { ja: string; en: string };

export type IndicatorKind = "behaviour" | "context" | "case";

export type IndicatorDef = {
  id: string;
  /**
   * `behaviour`: something the person did that is unusual (adds points); `context`: a circumstance
   * that explains a pattern (job hunting, leaving, recruiter contact) — 0 points, because being
   * about to leave or talking to a recruiter is not misconduct and must not raise anyone's score on
   * its own; `case`: a detector's case pattern (adds points and always alerts).
   */
  kind: IndicatorKind;
  /** Points added to the risk score when the indicator fires (before triage feedback). */
  weight: number;
  cases: readonly number[];
  label: Bilingual;
  explanation: Bilingual;
};

/** A feature a detector adds to the per-day vector (beyond the stable core layout of features.ts). */
export type FeatureDef = {
  name: string;
  label: Bilingual;
  /** Weight in the anomaly part of the score (deviation from own and peer baselines); none if absent. */
  anomalyWeight?: number;
};

export type HostContext = "own" | "shared" | "other" | "supervisor" | "server" | "unknown";

/** One raw event kept as evidence, with the indicators it supports and where it came from. */
export type Evidence = {
  t: number;
  kind: string;
  action: string;
  host: string;
  hostContext: HostContext;
  object: string;
  recipients: string[];
  attachments: string[];
  bytes: number;
  assetId: string | null;
  indicators: string[];
  sourceFile: string;
  sourceLine: number;
  sourceId: string;
};

/** Host context of an event's machine, as the engine classifies it. */
export const CTX_OWN = 0;
export const CTX_SHARED = 1;
export const CTX_OTHER = 2;
export const CTX_SUPERVISOR = 3;
export const CTX_SERVER = 4;
export const CTX_UNKNOWN = 5;

/** Options every detector may read (resolved engine options). */
export type DetectorOptions = {
  internalDomains: ReadonlySet<string>;
  workStartHour: number;
  workEndHour: number;
  warmupDays: number;
  massEmailRecipients: number;
  psychometricEnabled: boolean;
  /** Detector-specific settings, by detector id (EngineOptions.detectors). */
  settings: Readonly<Record<string, unknown>>;
};

/** What a detector receives once, when an engine is created. */
export type DetectorEnv = {
  options: DetectorOptions;
  directory: Directory;
  classifier: DomainClassifier;
  assets: AssetRegistry;
  /** Index of an indicator id in the catalogue (throws on an unknown id). */
  indicator(id: string): number;
  /** Index of a feature by name in the per-day vector (throws on an unknown name). */
  feature(name: string): number;
  /** Index of a habit by id (share of recent active days on which a feature was non-zero). */
  habit(id: string): number;
};

/** One event as the detectors see it, with the facts the engine already worked out. */
export type EventContext = {
  ev: ActivityEvent;
  /** Day number of the event (days since 1970-01-01, local time). */
  day: number;
  /** Local hour of day (fractional). */
  hour: number;
  afterHours: boolean;
  /** Weekend or holiday. */
  offDay: boolean;
  /** The day's feature vector being accumulated. */
  x: Float64Array;
  /** Host context (CTX_*) for logon, device, file and e-mail events; CTX_UNKNOWN for web events. */
  ctx: number;
  /** File type of a file event's object (core-features.ts FILE_*); FILE_OTHER otherwise. */
  fileType: number;
  /** Category flags of a web event's domain (domains.ts DOMAIN_*); 0 otherwise. */
  domainFlags: number;
  /** The confidential asset the event itself touches (server, path or URL), if any. */
  asset: ConfidentialAsset | null;
  /** The asset shown with the evidence row (a detector may set it, e.g. a remembered file). */
  evidenceAsset: ConfidentialAsset | null;
  attrs: PersonAttributes;
  watch: readonly Watchlist[];
  /** The person in the directory, if the account is known. */
  person: Person | undefined;
  /** Indicator indices this event supports (its evidence row carries them). */
  tags: number[];
  /** The confidential asset of a file this user recently opened from a registered location. */
  rememberedAsset(fileName: string): ConfidentialAsset | null;
  /** Days this user has been scored so far (for warm-up rules). */
  userDays: number;
};

/** A user-day being closed, as the detectors' end-of-day rules see it. */
export type DayContext = {
  user: string;
  day: number;
  /** Raw feature counts of the day. */
  x: Float64Array;
  /** log1p of the features (the scale of the baselines). */
  lx: Float64Array;
  /** The user's own baseline is trusted (warm-up done). */
  warm: boolean;
  /** Days scored before this one. */
  userDays: number;
  attrs: PersonAttributes;
  watch: readonly Watchlist[];
  person: Person | undefined;
  known: boolean;
  /** z-score of a feature against the user's own baseline (NaN before 5 days). */
  zUser(feature: number): number;
  /** Smoothed share of recent active days on which the habit's feature was non-zero. */
  habit(habit: number): number;
  fire(indicator: number, detail?: Bilingual): void;
  has(indicator: number): boolean;
  /** The day-specific explanation an indicator was fired with today, if any. */
  detail(indicator: number): Bilingual | undefined;
  /** Days within the last `window` days (today included) on which the indicator fired. */
  within(indicator: number, window: number): number;
  /** True when any non-context indicator fired today. */
  behaviour(): boolean;
  /**
   * Share (0–1) of the person's team and project colleagues active today for whom the feature is
   * non-zero (the highest over their groups; the person excluded): "the whole team worked late".
   * NaN when fewer than two colleagues were active. Only for features a detector `tracks.peersToday`.
   */
  peersToday(feature: number): number;
  /**
   * Where today's value of a feature stands among the user-days of the person's department (or
   * role, or the whole organisation when the department has too few days): percentile 0–100 (the
   * share of those days with a lower value, ties counted half). Null when no group has enough days.
   * Only for features a detector `tracks.distribution`.
   */
  peerPercentile(
    feature: number,
  ): { percentile: number; group: "department" | "role" | "organisation" } | null;
  /**
   * The person's own level of a feature over the 8 weeks before today: days on which it was
   * non-zero, days with any activity, and its mean over the non-zero days. Only for features a
   * detector `tracks.recent`.
   */
  recent(feature: number): { days: number; activeDays: number; mean: number };
  /** Today's evidence rows that support any of the given indicators (copies, bounded by the day's cap). */
  evidenceFor(indicators: readonly number[]): Evidence[];
};

/** What a detector sees when the directory reveals that a person left (or is leaving). */
export type DepartureContext = {
  user: string;
  /** The day the departure became known (endKnownDay, or the end day). */
  day: number;
  person: Person;
  /** Days within the last `window` days before `day` on which the indicator fired. */
  within(indicator: number, window: number): number;
};

/** A finding from a look-back: indicators (with an explanation) and the evidence behind them. */
export type LookBackFinding = { indicators: { index: number; detail?: Bilingual }[]; evidence: Evidence[] };

/** A detector's behaviour inside one engine. `S` is its per-person state (small, bounded). */
export type DetectorInstance<S = unknown> = {
  newState?(): S;
  /** Event hooks by kind; run after the engine's own bookkeeping, in registry order. */
  http?(e: EventContext, s: S): void;
  logon?(e: EventContext, s: S): void;
  device?(e: EventContext, s: S): void;
  file?(e: EventContext, s: S): void;
  email?(e: EventContext, s: S): void;
  /** Process start/end events (ECS `process.name`). */
  process?(e: EventContext, s: S): void;
  /** Runs for every event after the kind hooks. */
  any?(e: EventContext, s: S): void;
  /** End of day, phase 1: behaviour and context indicators from today's features. */
  signals?(d: DayContext, s: S): void;
  /** End of day, phase 2: case patterns from today's indicators and the recent history. */
  cases?(d: DayContext, s: S): void;
  /** After the day is scored: update the detector's own state (always runs, alerted or not). */
  learn?(d: DayContext, s: S): void;
  /**
   * The directory revealed a departure (from the day it became known, even if the person has no
   * activity any more): look back over the weeks before it. A finding opens or extends an alert.
   */
  departure?(c: DepartureContext, s: S): LookBackFinding | null;
  snapshot?(s: S): unknown;
  /**
   * A logon of a user this engine does not score (scale-out copies logons to every partition), so
   * detector-wide state such as "which accounts used this device" sees every account.
   */
  observe?(ev: ActivityEvent): void;
  /**
   * Detector-wide state beyond the per-person states (e.g. device → accounts), saved with the
   * engine snapshot under the detector id. Keep it bounded by devices/people, never by events.
   */
  shared?: { snapshot(): unknown; restore(raw: unknown): void };
  /**
   * Restores state from a snapshot: `raw` is what {@link snapshot} returned (engine snapshot v2),
   * or undefined with `legacyUser` set when restoring an engine snapshot v1 (the user record).
   */
  restore?(raw: unknown, legacyUser: Record<string, unknown> | undefined): S;
};

/** A detector module: metadata plus a factory for its per-engine instance. */
export type DetectorDef<S = unknown> = {
  /** Stable id (used for detector settings and snapshot keys). */
  id: string;
  title: Bilingual;
  /** Core-layout features (features.ts `F` names) this detector computes, for documentation. */
  computes: readonly string[];
  /** Features this detector adds to the vector (appended after the core layout, registry order). */
  features?: readonly FeatureDef[];
  indicators: readonly IndicatorDef[];
  /** Habits it needs: id → the feature whose non-zero days count. */
  habits?: readonly { id: string; feature: string }[];
  /**
   * Features (by name) the engine should track for it: the person's own 8-week level
   * (DayContext.recent), the distribution over a department's user-days (peerPercentile), and
   * how many of the team's and project's colleagues have it today (peersToday).
   */
  tracks?: { recent?: readonly string[]; distribution?: readonly string[]; peersToday?: readonly string[] };
  create(env: DetectorEnv): DetectorInstance<S>;
};

/** Identity helper that keeps a detector's state type checked inside its own file. */
export function defineDetector<S>(def: DetectorDef<S>): DetectorDef<S> {
  return def;
}

/** A registered detector of any state type (the engine keeps each detector's state opaque). */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds detectors of different state types.
export type AnyDetectorDef = DetectorDef<any>;
