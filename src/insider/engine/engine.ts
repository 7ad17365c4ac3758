/**
 * The streaming insider-risk engine. One pass over time-ordered activity events; state is kept per
 * user (open day features, baselines, habits, a few bounded sets) and per machine, never per event,
 * so memory grows with the organisation, not with the logs.
 *
 * The engine does the shared work: event order and lateness, the per user-day feature vector,
 * machine ownership (own / shared / other user's / supervisor's machine), the confidential-asset
 * lookup, baselines against the user's own history and their peer groups (role, department,
 * project), habits, scoring, alerts and evidence. What to look for is in the detectors
 * (`detectors/`, one file per detector, registered in `detectors/index.ts`): their event hooks add
 * to the day's features and tag evidence, their end-of-day rules fire indicators and case patterns.
 * A day's score is an additive sum of indicator weights (adjusted by triage feedback) plus a bounded
 * anomaly part; days that reach the alert threshold open or extend the user's alert, with the raw
 * events that caused it as the evidence timeline. Pure: no IO, no clock, deterministic.
 */
import type { AssetRegistry, ConfidentialAsset } from "./assets.js";
import { DETECTORS, LEGACY_HABIT_ORDER, LEGACY_INDICATOR_ORDER } from "./detectors/index.js";
import {
  type Bilingual,
  CTX_OTHER,
  CTX_OWN,
  CTX_SERVER,
  CTX_SHARED,
  CTX_SUPERVISOR,
  CTX_UNKNOWN,
  type DayContext,
  type DepartureContext,
  type DetectorInstance,
  type EventContext,
  type Evidence,
  type HostContext,
  type LookBackFinding,
} from "./detectors/types.js";
import type { Directory, Person, PersonAttributes, Watchlist } from "./directory.js";
import { DEFAULT_DOMAINS, DomainClassifier, type DomainLists } from "./domains.js";
import type { ActivityEvent } from "./event.js";
import {
  ANOMALY_FEATURES,
  baseName,
  CHART_FEATURES,
  F,
  FEATURE_COUNT,
  FEATURE_INDEX,
  FEATURE_NAMES,
  FILE_ARCHIVE,
  FILE_DOCUMENT,
  FILE_EXECUTABLE,
  FILE_OTHER,
  fileType,
} from "./features.js";
import { INDICATOR_INDEX, INDICATORS, type Severity, severityOf } from "./indicators.js";
import { dayOf, MS_PER_DAY, MS_PER_HOUR, weekdayOfDay } from "./time.js";

/** How triage outcomes change scoring: global factors per indicator, and per user. */
export type TriageFeedback = {
  /** Indicator id → multiplier (learned from confirmed vs non-issue alerts). */
  indicators?: Record<string, number>;
  /** User → multiplier for all their indicators (e.g. 1.25 after a confirmed alert). */
  users?: Record<string, number>;
  /** User → indicator id → multiplier (e.g. 0.5 for behaviour triaged as a non-issue). */
  userIndicators?: Record<string, Record<string, number>>;
};

export type EngineOptions = {
  /** E-mail domains of the organisation; every other domain is outside. */
  internalDomains: readonly string[];
  /** Working hours [start, end) in local hours. */
  workStartHour?: number;
  workEndHour?: number;
  /** Weekend days (0 = Sunday … 6 = Saturday). */
  weekendDays?: readonly number[];
  /** Public holidays as day numbers (days since 1970-01-01). */
  holidays?: readonly number[];
  /** How long after a day ends its events may still arrive (out-of-order tolerance). */
  latenessHours?: number;
  /** Active days before a user's own baseline is trusted. */
  warmupDays?: number;
  /**
   * Legacy fixed threshold: a user-day scoring at least this opens or extends an alert. Used only
   * when `budget` is not given (then the budget is `{ mode: "fixed", threshold }`).
   */
  alertThreshold?: number;
  /** How many user-days may alert: the investigation budget (default {@link DEFAULT_BUDGET}). */
  budget?: AlertBudget;
  /** A new alert day within this many days of the user's open alert merges into it. */
  mergeWindowDays?: number;
  /** Recipients at which an e-mail counts as a mass e-mail. */
  massEmailRecipients?: number;
  domains?: DomainLists;
  /** Psychometric factor: off by default (see docs/insider-risk.md for why). */
  psychometric?: { enabled: boolean };
  feedback?: TriageFeedback;
  /** Detector-specific settings, by detector id (see each detector's file). */
  detectors?: Record<string, unknown>;
};

/**
 * The investigation budget: which user-days alert, from the organisation's own score distribution
 * rather than a fixed number of points. Whatever the budget, a day on which a detector fires its
 * case pattern always alerts (unless triage marked that pattern a non-issue for the person).
 *
 * - `percentile`: days scoring at or above the organisation's p-th percentile of user-day scores
 *   over the previous `windowDays` days (e.g. 99.9 = the top 0.1 % of user-days). Until the window
 *   holds `warmupUserDays` scored days, `warmupThreshold` points apply instead.
 * - `topPerDay`: the `perDay` highest-scoring user-days of each day (an office that reviews N cases
 *   a day). In scale-out each partition's engine applies it to its own people.
 * - `fixed`: a fixed number of points (the behaviour before budgets).
 * `floor`: no budget alert below this score (quiet days do not fill the budget with noise).
 */
export type AlertBudget =
  | {
      mode: "percentile";
      percentile: number;
      windowDays?: number;
      floor?: number;
      warmupUserDays?: number;
      warmupThreshold?: number;
    }
  | { mode: "topPerDay"; perDay: number; floor?: number }
  | { mode: "fixed"; threshold: number };

/** The default budget: the top 0.1 % of user-days (about one a day for 1,000 people), at least 20 points. */
export const DEFAULT_BUDGET: AlertBudget = {
  mode: "percentile",
  percentile: 99.9,
  windowDays: 90,
  floor: 20,
  warmupUserDays: 5000,
  warmupThreshold: 40,
};

/** What the budget did on one day. */
export type BudgetDay = {
  day: number;
  mode: AlertBudget["mode"];
  /** The score at or above which a day alerted by budget (null: topPerDay with fewer days than N). */
  threshold: number | null;
  userDays: number;
  /** User-days alerted because they were within the budget. */
  byBudget: number;
  /** User-days alerted because a detector fired its case pattern (outside the budget). */
  byPattern: number;
  /** Alerts opened that day (the rest extended open alerts). */
  newAlerts: number;
};

type ResolvedOptions = Required<
  Omit<EngineOptions, "feedback" | "psychometric" | "domains" | "detectors" | "budget">
> & {
  budget: AlertBudget;
  feedback: TriageFeedback;
  psychometric: { enabled: boolean };
  domains: DomainLists;
  detectors: Record<string, unknown>;
};

export type { Evidence, HostContext } from "./detectors/types.js";

/** An indicator that fired on a day: its (feedback-adjusted) weight and, when a detector gives one, why. */
export type FiredIndicator = { id: string; weight: number; detail?: Bilingual };

/** The scored result of one user-day. */
export type UserDayResult = {
  user: string;
  day: number;
  score: number;
  anomaly: number;
  indicators: FiredIndicator[];
  cases: number[];
  features: Float64Array;
  /** The user's own baseline (typical value before this day) for {@link CHART_FEATURES}. */
  baseline: number[];
  alertKey: string | null;
};

export type AlertIndicator = {
  id: string;
  weight: number;
  count: number;
  firstDay: number;
  lastDay: number;
  /** The latest day-specific explanation a detector gave (e.g. "3.1× the own 8-week level"). */
  detail?: Bilingual;
};

/** A new or extended alert, emitted when a user-day reaches the threshold. */
export type AlertUpdate = {
  key: string;
  user: string;
  isNew: boolean;
  firstDay: number;
  lastDay: number;
  day: number;
  dayScore: number;
  score: number;
  severity: Severity;
  anomaly: number;
  cases: number[];
  indicators: AlertIndicator[];
  /** Evidence added by this day (raw events, oldest first). */
  evidence: Evidence[];
};

export type EngineSink = {
  userDay?(result: UserDayResult): void;
  alert?(update: AlertUpdate): void;
  /** After each closed day: the budget's threshold and what it alerted. */
  budgetDay?(budget: BudgetDay): void;
};

export type EngineStats = {
  events: number;
  late: number;
  lateSamples: { file: string; line: number; t: number }[];
  reordered: number;
  unknownUsers: number;
  missingDisconnects: number;
  userDays: number;
  alerts: number;
};

const CTX_NAMES: HostContext[] = ["own", "shared", "other", "supervisor", "server", "unknown"];

const NI = INDICATORS.length;

/** Indicators that are only context: they explain a combination but never alert on their own. */
const CONTEXT_ONLY = new Uint8Array(NI);
INDICATORS.forEach((d, i) => {
  if (d.kind === "context") CONTEXT_ONLY[i] = 1;
});

/** Habits the detectors need, in registry order: each counts days on which its feature was non-zero. */
const HABITS: readonly { id: string; feature: number }[] = (() => {
  const out: { id: string; feature: number }[] = [];
  for (const d of DETECTORS) {
    for (const h of d.habits ?? []) {
      if (out.some((o) => o.id === h.id)) continue;
      const feature = FEATURE_INDEX.get(h.feature);
      if (feature === undefined)
        throw new Error(`detector ${d.id}: habit ${h.id} on unknown feature ${h.feature}`);
      out.push({ id: h.id, feature });
    }
  }
  return out;
})();
const HABIT_INDEX = new Map(HABITS.map((h, i) => [h.id, i]));

/** Feature indices the detectors ask the engine to track (`tracks`), deduplicated in registry order. */
function tracked(
  pick: (t: NonNullable<(typeof DETECTORS)[number]["tracks"]>) => readonly string[] | undefined,
) {
  const out: number[] = [];
  for (const d of DETECTORS) {
    for (const name of (d.tracks && pick(d.tracks)) ?? []) {
      const f = FEATURE_INDEX.get(name);
      if (f === undefined) throw new Error(`detector ${d.id}: tracks unknown feature ${name}`);
      if (!out.includes(f)) out.push(f);
    }
  }
  return out;
}
/** Features whose own 8-week level detectors may ask for (DayContext.recent). */
export const RECENT_FEATURES: readonly number[] = tracked((t) => t.recent);
/** Features whose distribution over a department's user-days is kept (DayContext.peerPercentile). */
export const DISTRIBUTION_FEATURES: readonly number[] = tracked((t) => t.distribution);
/** Features counted over a team's and project's people each day (DayContext.peersToday). */
export const PEER_TODAY_FEATURES: readonly number[] = tracked((t) => t.peersToday);
const nameOf = (f: number) => FEATURE_NAMES[f]!;
const RECENT_INDEX = new Map(RECENT_FEATURES.map((f, k) => [f, k]));
const DIST_INDEX = new Map(DISTRIBUTION_FEATURES.map((f, k) => [f, k]));
const PEER_TODAY_INDEX = new Map(PEER_TODAY_FEATURES.map((f, k) => [f, k]));
const RECENT_DAYS = 56;
/** Value buckets of a distribution: 0, then half-octaves (1, 1.4, 2, 2.8, 4 …). */
const DIST_BUCKETS = 40;
const distBucket = (v: number) =>
  v <= 0 ? 0 : Math.min(DIST_BUCKETS - 1, 1 + Math.floor(2 * Math.log2(v) + 1e-9));
/** A peer distribution is trusted from this many user-days; it is halved past the cap (recency). */
const DIST_MIN = 200;
const DIST_CAP = 50_000;
/** Score histogram of the percentile budget: half-point buckets up to 400 points. */
const SCORE_BUCKETS = 800;
const scoreBucket = (score: number) => Math.max(0, Math.min(SCORE_BUCKETS - 1, Math.floor(score * 2 + 1e-9)));

const MAX_EVIDENCE_PER_DAY = 200;
const MAX_EVIDENCE_PER_TAG = 20;
const MAX_CONTEXT_EVIDENCE = 30;
const MAX_CONF_FILES = 256;
const MAX_USER_HOSTS = 16;
const MAX_HOST_USERS = 12;
const HIST_DAYS = 60;
const VAR_FLOOR = 0.15;
const BASELINE_HALF_LIFE_DAYS = 30;
const HABIT_HALF_LIFE_DAYS = 60;
const PEER_MAX_WEIGHT = 2000;

type DayAcc = {
  day: number;
  x: Float64Array;
  hosts: Set<string>;
  ctxCache: Map<string, number>;
  evidence: Evidence[];
  tagCounts: Uint16Array;
  attrs: PersonAttributes;
  watch: Watchlist[];
};

type PeerStats = {
  n: number;
  mean: Float64Array;
  m2: Float64Array;
  /** Counts per value bucket for each DISTRIBUTION_FEATURES entry, and their total. */
  dist: Float64Array;
  distTotal: number;
};

type OpenAlert = {
  key: string;
  firstDay: number;
  lastDay: number;
  indicators: Map<string, AlertIndicator>;
  anomaly: number;
  cases: Set<number>;
};

type UserState = {
  user: string;
  known: boolean;
  person: Person | undefined;
  days: DayAcc[];
  n: number;
  mean: Float64Array;
  varr: Float64Array;
  habitN: number;
  habitK: Float64Array;
  logonTotal: number;
  hostCounts: Map<string, number>;
  confFiles: Map<string, string>;
  /** Indicator index → days it fired (recent, oldest first). */
  hist: Map<number, number[]>;
  context: Evidence[];
  alert: OpenAlert | null;
  openDevices: Set<string>;
  /** Each detector's own state, by registry position. */
  det: unknown[];
  /** Day numbers of the last RECENT_DAYS days (by day mod RECENT_DAYS; -1 = none) and their RECENT_FEATURES values. */
  recentDay: Int32Array;
  recentVal: Float32Array;
};

type HostStats = { total: number; users: Map<string, number>; owner: string; ownerCount: number };

function resolve(options: EngineOptions): ResolvedOptions {
  return {
    internalDomains: options.internalDomains.map((d) => d.toLowerCase()),
    workStartHour: options.workStartHour ?? 7,
    workEndHour: options.workEndHour ?? 19,
    weekendDays: options.weekendDays ?? [0, 6],
    holidays: options.holidays ?? [],
    latenessHours: options.latenessHours ?? 4,
    warmupDays: options.warmupDays ?? 14,
    alertThreshold: options.alertThreshold ?? 30,
    budget:
      options.budget ??
      (options.alertThreshold !== undefined
        ? { mode: "fixed", threshold: options.alertThreshold }
        : DEFAULT_BUDGET),
    mergeWindowDays: options.mergeWindowDays ?? 30,
    massEmailRecipients: options.massEmailRecipients ?? 20,
    domains: options.domains ?? DEFAULT_DOMAINS,
    psychometric: options.psychometric ?? { enabled: false },
    feedback: options.feedback ?? {},
    detectors: options.detectors ?? {},
  };
}

export type EngineDeps = {
  options: EngineOptions;
  directory: Directory;
  assets: AssetRegistry;
  sink: EngineSink;
  snapshot?: EngineSnapshot;
};

/**
 * Serialisable engine state (bounded by users and machines), to continue across ingestion runs.
 * Version 2 keeps indicators, habits and detector state by id; version 1 (before detectors were
 * modules) is still restored.
 */
export type EngineSnapshot = {
  version: 1 | 2;
  watermark: number;
  stats: EngineStats;
  users: unknown[];
  hosts: [string, { total: number; users: [string, number][]; owner: string; ownerCount: number }][];
  peers: [
    string,
    { n: number; mean: number[]; m2: number[]; dist?: [number, number][]; distTotal?: number },
  ][];
  /** The percentile budget's score histogram per recent day: [day, [bucket, count][]][] (v2). */
  scores?: [number, [number, number][]][];
  /** Names of the features in users' `recent` rows and peers' `dist` blocks (v2). */
  recentFeatures?: string[];
  distributionFeatures?: string[];
  /** Detector-wide state by detector id (DetectorInstance.shared), e.g. device → accounts (v2). */
  detectors?: Record<string, unknown>;
};

type Hook = (e: EventContext, s: unknown) => void;
type DayHook = (d: DayContext, s: unknown) => void;

/** Creates an engine; push events in time order (small disorder within the lateness is tolerated). */
export function createInsiderEngine(deps: EngineDeps) {
  const o = resolve(deps.options);
  const { directory, assets, sink } = deps;
  const classifier = new DomainClassifier(o.domains);
  const weekend = new Set(o.weekendDays);
  const holidays = new Set(o.holidays);
  const latenessMs = o.latenessHours * MS_PER_HOUR;
  const baselineAlpha = 1 - 2 ** (-1 / BASELINE_HALF_LIFE_DAYS);
  const habitDecay = 2 ** (-1 / HABIT_HALF_LIFE_DAYS);

  // ---------- detectors ----------
  const instances: DetectorInstance[] = DETECTORS.map((def) =>
    def.create({
      options: {
        internalDomains: new Set(o.internalDomains),
        workStartHour: o.workStartHour,
        workEndHour: o.workEndHour,
        warmupDays: o.warmupDays,
        massEmailRecipients: o.massEmailRecipients,
        psychometricEnabled: o.psychometric.enabled,
        settings: o.detectors,
      },
      directory,
      classifier,
      assets,
      indicator(id) {
        const i = INDICATOR_INDEX.get(id);
        if (i === undefined) throw new Error(`detector ${def.id}: unknown indicator ${id}`);
        return i;
      },
      feature(name) {
        const i = FEATURE_INDEX.get(name);
        if (i === undefined) throw new Error(`detector ${def.id}: unknown feature ${name}`);
        return i;
      },
      habit(id) {
        const i = HABIT_INDEX.get(id);
        if (i === undefined) throw new Error(`detector ${def.id}: unknown habit ${id}`);
        return i;
      },
    }),
  );
  /** Hooks per event kind as [hook, detector position] pairs, so an event only visits interested detectors. */
  const hooksFor = (pick: (d: DetectorInstance) => Hook | undefined) => {
    const out: [Hook, number][] = [];
    instances.forEach((inst, k) => {
      const h = pick(inst);
      if (h) out.push([h.bind(inst), k]);
    });
    return out;
  };
  const kindHooks: Record<string, [Hook, number][]> = {
    http: hooksFor((d) => d.http as Hook | undefined),
    logon: hooksFor((d) => d.logon as Hook | undefined),
    device: hooksFor((d) => d.device as Hook | undefined),
    file: hooksFor((d) => d.file as Hook | undefined),
    email: hooksFor((d) => d.email as Hook | undefined),
    process: hooksFor((d) => d.process as Hook | undefined),
  };
  const anyHooks = hooksFor((d) => d.any as Hook | undefined);
  const dayHooks = (pick: (d: DetectorInstance) => DayHook | undefined) => {
    const out: [DayHook, number][] = [];
    instances.forEach((inst, k) => {
      const h = pick(inst);
      if (h) out.push([h.bind(inst), k]);
    });
    return out;
  };
  const signalHooks = dayHooks((d) => d.signals as DayHook | undefined);
  const caseHooks = dayHooks((d) => d.cases as DayHook | undefined);
  const learnHooks = dayHooks((d) => d.learn as DayHook | undefined);
  type DepartureHook = (c: DepartureContext, s: unknown) => LookBackFinding | null;
  const departureHooks: [DepartureHook, number][] = [];
  instances.forEach((inst, k) => {
    if (inst.departure) departureHooks.push([inst.departure.bind(inst) as DepartureHook, k]);
  });

  const users = new Map<string, UserState>();
  const hosts = new Map<string, HostStats>();
  const peers = new Map<string, PeerStats>();
  const active = new Set<UserState>();
  let watermark = Number.NEGATIVE_INFINITY;
  let closedThrough = Number.NEGATIVE_INFINITY; // days ≤ this are closed for everyone
  const stats: EngineStats = {
    events: 0,
    late: 0,
    lateSamples: [],
    reordered: 0,
    unknownUsers: 0,
    missingDisconnects: 0,
    userDays: 0,
    alerts: 0,
  };

  const weightFactor = new Float64Array(NI).fill(1);
  for (const [id, f] of Object.entries(o.feedback.indicators ?? {})) {
    const i = INDICATOR_INDEX.get(id);
    if (i !== undefined) weightFactor[i] = f;
  }

  function newDetectorStates(): unknown[] {
    return instances.map((inst) => (inst.newState ? inst.newState() : undefined));
  }

  function newUser(user: string): UserState {
    const person = directory.people.get(user);
    if (!person) stats.unknownUsers++;
    return {
      user,
      known: person !== undefined,
      person,
      days: [],
      n: 0,
      mean: new Float64Array(FEATURE_COUNT),
      varr: new Float64Array(FEATURE_COUNT),
      habitN: 0,
      habitK: new Float64Array(HABITS.length),
      logonTotal: 0,
      hostCounts: new Map(),
      confFiles: new Map(),
      hist: new Map(),
      context: [],
      alert: null,
      openDevices: new Set(),
      det: newDetectorStates(),
      recentDay: new Int32Array(RECENT_DAYS).fill(-1),
      recentVal: new Float32Array(RECENT_DAYS * RECENT_FEATURES.length),
    };
  }

  function userState(user: string): UserState {
    let u = users.get(user);
    if (!u) {
      u = newUser(user);
      users.set(user, u);
    }
    return u;
  }

  function openDay(u: UserState, day: number): DayAcc {
    const days = u.days;
    for (let k = days.length - 1; k >= 0; k--) {
      const d = days[k]!;
      if (d.day === day) return d;
      if (d.day < day) break;
    }
    const d: DayAcc = {
      day,
      x: new Float64Array(FEATURE_COUNT),
      hosts: new Set(),
      ctxCache: new Map(),
      evidence: [],
      tagCounts: new Uint16Array(NI),
      attrs: directory.attributesAt(u.user, day),
      watch: directory.watchlistsAt(u.user, day),
    };
    days.push(d);
    if (days.length > 1) days.sort((a, b) => a.day - b.day);
    active.add(u);
    return d;
  }

  function hostContext(u: UserState, d: DayAcc, host: string): number {
    const cached = d.ctxCache.get(host);
    if (cached !== undefined) return cached;
    let ctx = CTX_UNKNOWN;
    if (assets.server(host)) ctx = CTX_SERVER;
    else {
      const mine = u.hostCounts.get(host) ?? 0;
      if (u.person?.hosts.includes(host) || (mine >= 3 && mine >= 0.25 * u.logonTotal)) ctx = CTX_OWN;
      else {
        const hs = hosts.get(host);
        if (hs && hs.total >= 20) {
          if (hs.ownerCount >= 0.6 * hs.total && hs.owner !== u.user) {
            ctx = hs.owner === d.attrs.supervisorId ? CTX_SUPERVISOR : CTX_OTHER;
          } else if (hs.users.size >= 3) ctx = CTX_SHARED;
        }
      }
    }
    d.ctxCache.set(host, ctx);
    return ctx;
  }

  function recordLogonHost(u: UserState, host: string): void {
    u.logonTotal++;
    const c = u.hostCounts.get(host);
    if (c !== undefined) u.hostCounts.set(host, c + 1);
    else if (u.hostCounts.size < MAX_USER_HOSTS) u.hostCounts.set(host, 1);
    else {
      // Forget the least used machine so the map stays small.
      let minHost = "";
      let min = Number.POSITIVE_INFINITY;
      for (const [h, n] of u.hostCounts) if (n < min) [minHost, min] = [h, n];
      if (min <= 1) {
        u.hostCounts.delete(minHost);
        u.hostCounts.set(host, 1);
      }
    }
    countHostLogon(host, u.user);
  }

  /** Machine ownership: who logs on to a machine most (used for own / other / supervisor context). */
  function countHostLogon(host: string, user: string): void {
    let hs = hosts.get(host);
    if (!hs) {
      hs = { total: 0, users: new Map(), owner: user, ownerCount: 0 };
      hosts.set(host, hs);
    }
    hs.total++;
    const n = (hs.users.get(user) ?? 0) + 1;
    if (hs.users.has(user) || hs.users.size < MAX_HOST_USERS) hs.users.set(user, n);
    if (user === hs.owner) hs.ownerCount = n;
    else if (n > hs.ownerCount) {
      hs.owner = user;
      hs.ownerCount = n;
    }
  }

  function addEvidence(
    d: DayAcc,
    ev: ActivityEvent,
    ctx: number,
    tags: number[],
    asset: ConfidentialAsset | null,
  ): void {
    if (d.evidence.length >= MAX_EVIDENCE_PER_DAY) return;
    if (tags.length > 1) tags.sort((a, b) => a - b);
    const keep: number[] = [];
    for (const t of tags) {
      if (keep.length > 0 && keep[keep.length - 1] === t) continue;
      if (d.tagCounts[t]! < MAX_EVIDENCE_PER_TAG) {
        d.tagCounts[t]!++;
        keep.push(t);
      }
    }
    if (keep.length === 0) return;
    d.evidence.push({
      t: ev.t,
      kind: ev.kind,
      action: ev.action,
      host: ev.host,
      hostContext: CTX_NAMES[ctx]!,
      object: ev.object !== "" ? (ev.object.length > 500 ? ev.object.slice(0, 500) : ev.object) : origin(ev),
      recipients: ev.recipients.length > 50 ? ev.recipients.slice(0, 50) : [...ev.recipients],
      attachments: [...ev.attachments],
      bytes: ev.bytes,
      assetId: asset?.id ?? null,
      indicators: keep.map((k) => INDICATORS[k]!.id),
      sourceFile: ev.sourceFile,
      sourceLine: ev.sourceLine,
      sourceId: ev.sourceId,
    });
  }

  /**
   * What an evidence row shows for an event without an object: where a sign-in came from
   * (`203.0.113.7 (JP AS2516 KDDI CORPORATION)`) or the program a process event started.
   */
  function origin(ev: ActivityEvent): string {
    if (ev.kind === "process") return ev.process;
    if (ev.kind !== "logon" || ev.srcIp === "") return "";
    const where = [ev.country, ev.asNumber > 0 ? `AS${ev.asNumber}` : "", ev.asOrg].filter(Boolean).join(" ");
    return where === "" ? ev.srcIp : `${ev.srcIp} (${where.slice(0, 200)})`;
  }

  function rememberConfFile(u: UserState, name: string, asset: ConfidentialAsset): void {
    const base = baseName(name);
    if (base === "") return;
    if (u.confFiles.has(base)) u.confFiles.delete(base);
    u.confFiles.set(base, asset.id);
    if (u.confFiles.size > MAX_CONF_FILES) {
      const first = u.confFiles.keys().next().value;
      if (first !== undefined) u.confFiles.delete(first);
    }
  }

  function assetById(id: string): ConfidentialAsset | null {
    return assets.assets.find((a) => a.id === id) ?? null;
  }

  /** Moves time forward, closing the days no more events can arrive for. */
  function advance(t: number): void {
    watermark = t;
    const closable = dayOf(t - latenessMs) - 1;
    if (closable > closedThrough) closeThrough(closable);
  }

  // One reusable event context (the engine is single-threaded and hooks must not keep it).
  let cur!: UserState;
  const ectx: EventContext = {
    ev: undefined as unknown as ActivityEvent,
    day: 0,
    hour: 0,
    afterHours: false,
    offDay: false,
    x: new Float64Array(0),
    ctx: CTX_UNKNOWN,
    fileType: FILE_OTHER,
    domainFlags: 0,
    asset: null,
    evidenceAsset: null,
    attrs: undefined as unknown as PersonAttributes,
    watch: [],
    person: undefined,
    tags: [],
    rememberedAsset(fileName: string): ConfidentialAsset | null {
      const id = cur.confFiles.get(baseName(fileName));
      return id === undefined ? null : assetById(id);
    },
    userDays: 0,
  };

  /** Processes one event. */
  function push(ev: ActivityEvent): void {
    const t = ev.t;
    if (t < watermark) {
      const day = dayOf(t);
      if (day <= closedThrough || t < watermark - latenessMs - MS_PER_DAY) {
        stats.late++;
        if (stats.lateSamples.length < 50)
          stats.lateSamples.push({ file: ev.sourceFile, line: ev.sourceLine, t });
        return;
      }
      stats.reordered++;
    } else advance(t);
    const u = userState(ev.user);
    const day = dayOf(t);
    stats.events++;
    const d = openDay(u, day);
    const x = d.x;
    x[F.EVENTS]!++;
    const hour = (t - day * MS_PER_DAY) / MS_PER_HOUR;
    const afterHours = hour < o.workStartHour || hour >= o.workEndHour;
    const offDay = weekend.has(weekdayOfDay(day)) || holidays.has(day);
    if (afterHours) x[F.AFTER_HOURS]!++;
    if (offDay) x[F.WEEKEND]!++;
    if (ev.host !== "") d.hosts.add(ev.host);
    const e = ectx;
    cur = u;
    e.ev = ev;
    e.day = day;
    e.hour = hour;
    e.afterHours = afterHours;
    e.offDay = offDay;
    e.x = x;
    e.ctx = CTX_UNKNOWN;
    e.fileType = FILE_OTHER;
    e.domainFlags = 0;
    e.asset = null;
    e.attrs = d.attrs;
    e.watch = d.watch;
    e.person = u.person;
    e.userDays = u.n;
    const tags = e.tags; // reused: hooks only push to it and addEvidence copies what it keeps
    tags.length = 0;

    // The engine's own bookkeeping and the facts every detector may use.
    switch (ev.kind) {
      case "http":
        x[F.HTTP]!++;
        e.domainFlags = classifier.url(ev.object);
        e.asset = assets.url(ev.object);
        break;
      case "logon":
        e.ctx = hostContext(u, d, ev.host);
        if (ev.action === "logon") {
          x[F.LOGONS]!++;
          e.asset = assets.server(ev.host);
        }
        break;
      case "device":
        e.ctx = hostContext(u, d, ev.host);
        if (ev.action === "connect") {
          if (u.openDevices.has(ev.host)) stats.missingDisconnects++;
          u.openDevices.add(ev.host);
        } else u.openDevices.delete(ev.host);
        break;
      case "file": {
        e.ctx = hostContext(u, d, ev.host);
        x[F.FILE_OPS]!++;
        const type = fileType(ev.object);
        e.fileType = type;
        if (type === FILE_DOCUMENT) x[F.DOCUMENTS]!++;
        else if (type === FILE_ARCHIVE) x[F.ARCHIVES]!++;
        else if (type === FILE_EXECUTABLE) x[F.EXECUTABLES]!++;
        e.asset = assets.path(ev.object);
        if (e.asset) rememberConfFile(u, ev.object, e.asset);
        break;
      }
      case "email":
        e.ctx = hostContext(u, d, ev.host);
        break;
    }
    if (e.asset) x[F.CONF_ACCESS]!++;
    e.evidenceAsset = e.asset;

    // Indexed loops: `for…of` over the [hook, k] pairs allocated an iterator result per hook.
    const det = u.det;
    const hooks = kindHooks[ev.kind];
    if (hooks)
      for (let h = 0; h < hooks.length; h++) {
        const pair = hooks[h]!;
        pair[0](e, det[pair[1]]);
      }
    for (let h = 0; h < anyHooks.length; h++) {
      const pair = anyHooks[h]!;
      pair[0](e, det[pair[1]]);
    }
    if (ev.kind === "logon" && ev.action === "logon") recordLogonHost(u, ev.host);
    if (tags.length > 0) addEvidence(d, ev, e.ctx, tags, e.evidenceAsset);
  }

  /** Closes every user-day up to and including `day`, one calendar day at a time. */
  function closeThrough(day: number): void {
    closedThrough = day;
    const pendingDays = new Set<number>();
    for (const u of active) for (const d of u.days) if (d.day <= day) pendingDays.add(d.day);
    for (const dd of [...pendingDays].sort((a, b) => a - b)) closeCalendarDay(dd);
    for (const u of [...active]) if (u.days.length === 0) active.delete(u);
    runDepartures(day);
  }

  /** A user-day scored and waiting for the day's budget decision. */
  type Pending = {
    u: UserState;
    d: DayAcc;
    dc: DayContext;
    fired: Uint8Array;
    indicators: FiredIndicator[];
    cases: number[];
    score: number;
    anomaly: number;
    lx: Float64Array;
    behaviour: boolean;
    /** A detector fired its case pattern (and triage has not marked it a non-issue for the person). */
    pattern: boolean;
  };

  /**
   * Closes one calendar day for everyone active on it: first the colleagues' picture of the day
   * (who worked late), then every user-day is scored, then the budget decides which alert, then
   * results are emitted and baselines learn — in account order, so results do not depend on how
   * the state was restored.
   */
  function closeCalendarDay(day: number): void {
    const today: UserState[] = [];
    for (const u of active) if (u.days.length > 0 && u.days[0]!.day === day) today.push(u);
    today.sort((a, b) => (a.user < b.user ? -1 : a.user > b.user ? 1 : 0));
    const groupCounts = new Map<string, Float64Array>();
    for (const u of today) {
      const d = u.days[0]!;
      for (const key of todayKeys(d.attrs)) {
        let c = groupCounts.get(key);
        if (!c) {
          c = new Float64Array(1 + PEER_TODAY_FEATURES.length);
          groupCounts.set(key, c);
        }
        c[0]!++;
        PEER_TODAY_FEATURES.forEach((f, k) => {
          if (d.x[f]! > 0) c[k + 1]!++;
        });
      }
    }
    const pending: Pending[] = today.map((u) => scoreDay(u, u.days.shift()!, groupCounts));
    const b = o.budget;
    let threshold: number | null = null;
    const inBudget = new Set<Pending>();
    if (b.mode === "fixed") {
      threshold = b.threshold;
      for (const p of pending) if (p.behaviour && p.score >= b.threshold) inBudget.add(p);
    } else if (b.mode === "percentile") {
      threshold = Math.max(b.floor ?? 0, percentileThreshold(day, b));
      for (const p of pending) if (p.behaviour && p.score >= threshold) inBudget.add(p);
    } else {
      const floor = b.floor ?? 0;
      const ranked = pending
        .filter((p) => p.behaviour && p.score >= floor)
        .sort((x, y) => y.score - x.score || (x.u.user < y.u.user ? -1 : 1));
      const chosen = ranked.slice(0, Math.max(0, b.perDay));
      for (const p of chosen) inBudget.add(p);
      threshold = chosen.length >= b.perDay && chosen.length > 0 ? chosen[chosen.length - 1]!.score : null;
    }
    const budget: BudgetDay = {
      day,
      mode: b.mode,
      threshold,
      userDays: pending.length,
      byBudget: 0,
      byPattern: 0,
      newAlerts: 0,
    };
    const alertsBefore = stats.alerts;
    for (const p of pending) {
      const byBudget = inBudget.has(p);
      const alerted = byBudget || (p.pattern && p.behaviour);
      if (byBudget) budget.byBudget++;
      else if (alerted) budget.byPattern++;
      commitDay(p, alerted);
    }
    budget.newAlerts = stats.alerts - alertsBefore;
    if (b.mode === "percentile") recordScores(day, pending, b.windowDays ?? 90);
    sink.budgetDay?.(budget);
  }

  /** Peer groups for "colleagues today": the team and each project. */
  // Group keys per directory version (attributesAt returns one object per person and version):
  // built once, so the per-day peer lookups reuse the same (already hashed) strings.
  const todayKeyCache = new WeakMap<PersonAttributes, readonly string[]>();
  const peerKeyCache = new WeakMap<PersonAttributes, readonly string[]>();
  function todayKeys(attrs: PersonAttributes): readonly string[] {
    let keys = todayKeyCache.get(attrs);
    if (keys === undefined) {
      keys = buildTodayKeys(attrs);
      todayKeyCache.set(attrs, keys);
    }
    return keys;
  }
  function peerKeys(attrs: PersonAttributes): readonly string[] {
    let keys = peerKeyCache.get(attrs);
    if (keys === undefined) {
      keys = buildPeerKeys(attrs);
      peerKeyCache.set(attrs, keys);
    }
    return keys;
  }

  function buildTodayKeys(attrs: PersonAttributes): string[] {
    const keys: string[] = [];
    if (attrs.team) keys.push(`team:${attrs.department}/${attrs.team}`);
    for (const p of attrs.projects) keys.push(`project:${p}`);
    return keys;
  }

  // ---------- percentile budget: the organisation's own distribution of user-day scores ----------
  const scoreDays = new Map<number, Uint32Array>();
  const scoreTotal = new Float64Array(SCORE_BUCKETS);
  let scoreCount = 0;

  function recordScores(day: number, pending: Pending[], windowDays: number): void {
    let h = scoreDays.get(day);
    if (!h) {
      h = new Uint32Array(SCORE_BUCKETS);
      scoreDays.set(day, h);
    }
    for (const p of pending) {
      // Only days past a person's warm-up: their scores are what the budget will compare against.
      if (!p.dc.warm) continue;
      const k = scoreBucket(p.score);
      h[k]!++;
      scoreTotal[k]!++;
      scoreCount++;
    }
    for (const [dd, hist] of scoreDays) {
      if (dd > day - windowDays) continue;
      for (let k = 0; k < SCORE_BUCKETS; k++) {
        scoreTotal[k]! -= hist[k]!;
        scoreCount -= hist[k]!;
      }
      scoreDays.delete(dd);
    }
  }

  /** The score at or above which a user-day is within the top (100 − p) % of the previous window. */
  function percentileThreshold(day: number, b: Extract<AlertBudget, { mode: "percentile" }>): number {
    void day;
    if (scoreCount < (b.warmupUserDays ?? 5000)) return b.warmupThreshold ?? 40;
    const allowed = (scoreCount * (100 - b.percentile)) / 100;
    let above = 0;
    for (let k = SCORE_BUCKETS - 1; k >= 0; k--) {
      if (above + scoreTotal[k]! > allowed) return (k + 1) / 2;
      above += scoreTotal[k]!;
    }
    return 0;
  }

  function recentDays(u: UserState, i: number, today: number, window: number): number {
    const list = u.hist.get(i);
    if (!list) return 0;
    let n = 0;
    for (const d of list) if (d > today - window && d <= today) n++;
    return n;
  }

  function buildPeerKeys(attrs: PersonAttributes): string[] {
    const keys: string[] = [];
    if (attrs.role) keys.push(`role:${attrs.role}`);
    if (attrs.department) keys.push(`dept:${attrs.department}`);
    for (const p of attrs.projects) keys.push(`project:${p}`);
    if (keys.length === 0) keys.push("all");
    return keys;
  }

  function scoreDay(u: UserState, d: DayAcc, groupCounts: Map<string, Float64Array>): Pending {
    const x = d.x;
    x[F.HOSTS] = d.hosts.size;
    u.openDevices.clear();
    const day = d.day;
    const lx = new Float64Array(FEATURE_COUNT);
    for (let k = 0; k < FEATURE_COUNT; k++) lx[k] = Math.log1p(x[k]!);

    const fired = new Uint8Array(NI);
    const details: (Bilingual | undefined)[] = [];
    const has = (i: number) => fired[i] === 1;
    const dc: DayContext = {
      user: u.user,
      day,
      x,
      lx,
      warm: u.n >= o.warmupDays,
      userDays: u.n,
      attrs: d.attrs,
      watch: d.watch,
      person: u.person,
      known: u.known,
      zUser: (f) => (u.n >= 5 ? (lx[f]! - u.mean[f]!) / Math.sqrt(u.varr[f]! + VAR_FLOOR) : Number.NaN),
      habit: (h) => (u.habitK[h]! + 0.5) / (u.habitN + 10),
      fire(i, detail) {
        fired[i] = 1;
        if (detail) details[i] = detail;
      },
      has,
      detail: (i) => details[i],
      within: (i, window) => recentDays(u, i, day, window) + (has(i) ? 1 : 0),
      behaviour() {
        for (let i = 0; i < NI; i++) if (fired[i] && !CONTEXT_ONLY[i]) return true;
        return false;
      },
      peersToday(feature) {
        const k = PEER_TODAY_INDEX.get(feature);
        if (k === undefined) throw new Error(`peersToday: feature ${feature} is not counted`);
        const mine = x[feature]! > 0 ? 1 : 0;
        let best = Number.NaN;
        for (const key of todayKeys(d.attrs)) {
          const c = groupCounts.get(key);
          if (!c || c[0]! - 1 < 2) continue;
          const share = (c[k + 1]! - mine) / (c[0]! - 1);
          if (Number.isNaN(best) || share > best) best = share;
        }
        return best;
      },
      peerPercentile(feature) {
        const k = DIST_INDEX.get(feature);
        if (k === undefined) throw new Error(`peerPercentile: feature ${feature} has no distribution`);
        const candidates: [string, "department" | "role" | "organisation"][] = [];
        if (d.attrs.department) candidates.push([`dept:${d.attrs.department}`, "department"]);
        if (d.attrs.role) candidates.push([`role:${d.attrs.role}`, "role"]);
        candidates.push(["org", "organisation"]);
        for (const [key, group] of candidates) {
          const p = peers.get(key);
          if (!p || p.distTotal < DIST_MIN) continue;
          const b = distBucket(x[feature]!);
          let below = 0;
          for (let j = 0; j < b; j++) below += p.dist[k * DIST_BUCKETS + j]!;
          const same = p.dist[k * DIST_BUCKETS + b]!;
          return { percentile: (100 * (below + same / 2)) / p.distTotal, group };
        }
        return null;
      },
      recent(feature) {
        const k = RECENT_INDEX.get(feature);
        if (k === undefined) throw new Error(`recent: feature ${feature} is not kept`);
        let days = 0;
        let activeDays = 0;
        let sum = 0;
        for (let j = 0; j < RECENT_DAYS; j++) {
          const dn = u.recentDay[j]!;
          if (dn < 0 || dn >= day || dn < day - RECENT_DAYS) continue;
          activeDays++;
          const v = u.recentVal[j * RECENT_FEATURES.length + k]!;
          if (v > 0) {
            days++;
            sum += v;
          }
        }
        return { days, activeDays, mean: days > 0 ? sum / days : 0 };
      },
      evidenceFor(ids) {
        const wanted = new Set(ids.map((i) => INDICATORS[i]!.id));
        return d.evidence.filter((e) => e.indicators.some((id) => wanted.has(id))).map((e) => ({ ...e }));
      },
    };
    // Detectors: behaviour and context indicators first, then case patterns over them.
    for (const [hook, k] of signalHooks) hook(dc, u.det[k]);
    for (const [hook, k] of caseHooks) hook(dc, u.det[k]);

    // Scoring: indicator weights (with triage feedback) plus the anomaly part.
    const behaviour = dc.behaviour();
    const userFactor = o.feedback.users?.[u.user] ?? 1;
    const userIndicatorFactor = o.feedback.userIndicators?.[u.user];
    const indicators: FiredIndicator[] = [];
    let score = 0;
    let pattern = false;
    for (let i = 0; i < NI; i++) {
      if (!fired[i]) continue;
      const def = INDICATORS[i]!;
      const personal = userIndicatorFactor?.[def.id] ?? 1;
      const w = def.weight * weightFactor[i]! * userFactor * personal;
      const rounded = Math.round(w * 10) / 10;
      const detail = details[i];
      indicators.push(detail ? { id: def.id, weight: rounded, detail } : { id: def.id, weight: rounded });
      score += rounded;
      if (def.kind === "case" && personal >= 1) pattern = true;
    }
    const anomaly = anomalyPart(u, lx, d.attrs);
    score = Math.round((score + anomaly) * 10) / 10;
    const caseSet = new Set<number>();
    for (let i = 0; i < NI; i++)
      if (fired[i] && INDICATORS[i]!.kind === "case") for (const c of INDICATORS[i]!.cases) caseSet.add(c);
    const cases = [...caseSet].sort((a, b) => a - b);
    return { u, d, dc, fired, indicators, cases, score, anomaly, lx, behaviour, pattern };
  }

  /** Emits a scored user-day (alerted or not) and lets the person's history and baselines learn. */
  function commitDay(p: Pending, alerted: boolean): void {
    const { u, d, dc, fired, indicators, cases, score, anomaly, lx } = p;
    const x = d.x;
    const day = d.day;
    const alertKey = alerted ? raiseAlert(u, d, indicators, anomaly, score, cases) : null;

    const baseline = CHART_FEATURES.map((f) => (u.n > 0 ? Math.max(0, Math.expm1(u.mean[f]!)) : 0));
    stats.userDays++;
    sink.userDay?.({
      user: u.user,
      day,
      score,
      anomaly,
      indicators,
      cases,
      features: x,
      baseline,
      alertKey,
    });

    // Remember what fired (including context), for the case detectors of later days.
    for (let i = 0; i < NI; i++) {
      if (!fired[i]) continue;
      let list = u.hist.get(i);
      if (!list) {
        list = [];
        u.hist.set(i, list);
      }
      list.push(day);
      while (list.length > 0 && list[0]! <= day - HIST_DAYS) list.shift();
      if (list.length > 30) list.shift();
    }
    // Context evidence (job search, recruiter contact, hacking tools) is kept for later alerts.
    if (!alerted) {
      for (const e of d.evidence) {
        if (e.indicators.some((id) => CONTEXT_EVIDENCE.has(id))) {
          u.context.push(e);
          if (u.context.length > MAX_CONTEXT_EVIDENCE) u.context.shift();
        }
      }
    }
    while (u.context.length > 0 && u.context[0]!.t < (day - HIST_DAYS) * MS_PER_DAY) u.context.shift();

    // Habits, own recent levels and detector state always learn (habits slowly: a prior of ten
    // quiet days); the baselines and peer statistics do not learn from alerted days, so an
    // insider's exfiltration does not become their normal.
    learnHabits(u, x);
    const slot = ((day % RECENT_DAYS) + RECENT_DAYS) % RECENT_DAYS;
    u.recentDay[slot] = day;
    RECENT_FEATURES.forEach((f, k) => {
      u.recentVal[slot * RECENT_FEATURES.length + k] = x[f]!;
    });
    for (const [hook, k] of learnHooks) hook(dc, u.det[k]);
    if (!alerted) {
      learnBaseline(u, lx);
      for (const key of peerKeys(d.attrs)) learnPeer(key, lx, x);
      learnPeer("org", lx, x);
    }
    u.n++;
  }

  // ---------- departures the directory reveals: look back over the weeks before ----------
  const departures: { day: number; user: string }[] = [];
  for (const p of directory.people.values()) {
    if (p.endDay === null) continue;
    departures.push({ day: p.endKnownDay ?? p.endDay, user: p.userId });
  }
  departures.sort((a, b) => a.day - b.day || (a.user < b.user ? -1 : a.user > b.user ? 1 : 0));
  let departureNext = 0;

  function runDepartures(day: number): void {
    if (departureHooks.length === 0) return;
    while (departureNext < departures.length && departures[departureNext]!.day <= day) {
      const { day: known, user } = departures[departureNext++]!;
      const u = users.get(user);
      const person = directory.people.get(user);
      if (!u || !person) continue;
      const c: DepartureContext = {
        user,
        day: known,
        person,
        within: (i, window) => recentDays(u, i, known - 1, window),
      };
      for (const [hook, k] of departureHooks) {
        const finding = hook(c, u.det[k]);
        if (finding) raiseLookBack(u, known, finding);
      }
    }
  }

  /** Opens or extends an alert from a look-back finding (no user-day: the person may have left). */
  function raiseLookBack(u: UserState, day: number, finding: LookBackFinding): void {
    const userFactor = o.feedback.users?.[u.user] ?? 1;
    const indicators: FiredIndicator[] = finding.indicators.map(({ index, detail }) => {
      const def = INDICATORS[index]!;
      const w =
        def.weight * weightFactor[index]! * userFactor * (o.feedback.userIndicators?.[u.user]?.[def.id] ?? 1);
      const weight = Math.round(w * 10) / 10;
      return detail ? { id: def.id, weight, detail } : { id: def.id, weight };
    });
    const cases = [
      ...new Set(
        finding.indicators.flatMap(({ index }) =>
          INDICATORS[index]!.kind === "case" ? INDICATORS[index]!.cases : [],
        ),
      ),
    ].sort((a, b) => a - b);
    const score = Math.round(indicators.reduce((a, i) => a + i.weight, 0) * 10) / 10;
    const pseudoDay: DayAcc = {
      day,
      x: new Float64Array(FEATURE_COUNT),
      hosts: new Set(),
      ctxCache: new Map(),
      evidence: finding.evidence.map((e) => ({
        ...e,
        indicators: [...e.indicators, ...indicators.map((i) => i.id)],
      })),
      tagCounts: new Uint16Array(NI),
      attrs: directory.attributesAt(u.user, day),
      watch: directory.watchlistsAt(u.user, day),
    };
    raiseAlert(u, pseudoDay, indicators, 0, score, cases);
  }

  function learnBaseline(u: UserState, lx: Float64Array): void {
    if (u.n === 0) {
      for (let k = 0; k < FEATURE_COUNT; k++) u.mean[k] = lx[k]!;
      return;
    }
    const a = u.n < 10 ? 1 / (u.n + 1) : baselineAlpha;
    for (let k = 0; k < FEATURE_COUNT; k++) {
      const diff = lx[k]! - u.mean[k]!;
      const incr = a * diff;
      u.mean[k]! += incr;
      u.varr[k] = (1 - a) * (u.varr[k]! + diff * incr);
    }
  }

  function learnHabits(u: UserState, x: Float64Array): void {
    u.habitN = u.habitN * habitDecay + 1;
    const h = u.habitK;
    for (let k = 0; k < HABITS.length; k++) {
      h[k]! *= habitDecay;
      if (x[HABITS[k]!.feature]! > 0) h[k]!++;
    }
  }

  function newPeer(): PeerStats {
    return {
      n: 0,
      mean: new Float64Array(FEATURE_COUNT),
      m2: new Float64Array(FEATURE_COUNT),
      dist: new Float64Array(DISTRIBUTION_FEATURES.length * DIST_BUCKETS),
      distTotal: 0,
    };
  }

  function learnPeer(key: string, lx: Float64Array, x: Float64Array): void {
    let p = peers.get(key);
    if (!p) {
      p = newPeer();
      peers.set(key, p);
    }
    // Distributions (for percentiles): counts per value bucket, halved past the cap for recency.
    if (p.distTotal >= DIST_CAP) {
      for (let j = 0; j < p.dist.length; j++) p.dist[j]! /= 2;
      p.distTotal /= 2;
    }
    DISTRIBUTION_FEATURES.forEach((f, k) => {
      p.dist[k * DIST_BUCKETS + distBucket(x[f]!)]!++;
    });
    p.distTotal++;
    if (key === "org") return;
    p.n = Math.min(p.n + 1, PEER_MAX_WEIGHT);
    const a = 1 / p.n;
    for (let k = 0; k < FEATURE_COUNT; k++) {
      const diff = lx[k]! - p.mean[k]!;
      const incr = a * diff;
      p.mean[k]! += incr;
      p.m2[k] = (1 - a) * (p.m2[k]! + diff * incr);
    }
  }

  /**
   * The anomaly part (0–20 points): positive deviations of the day's data-movement features from the
   * user's own baseline and from the closest of their peer groups, on a log scale.
   */
  function anomalyPart(u: UserState, lx: Float64Array, attrs: PersonAttributes): number {
    const groups: PeerStats[] = [];
    for (const key of peerKeys(attrs)) {
      const p = peers.get(key);
      if (p && p.n >= 20) groups.push(p);
    }
    let raw = 0;
    for (const { f, w } of ANOMALY_FEATURES) {
      const v = lx[f]!;
      if (v === 0) continue;
      let zu = Number.NaN;
      if (u.n >= 5) zu = (v - u.mean[f]!) / Math.sqrt(u.varr[f]! + VAR_FLOOR);
      let zp = Number.NaN;
      for (const g of groups) {
        const z = (v - g.mean[f]!) / Math.sqrt(g.m2[f]! + VAR_FLOOR);
        if (Number.isNaN(zp) || z < zp) zp = z;
      }
      let z: number;
      if (!Number.isNaN(zu) && !Number.isNaN(zp)) z = 0.6 * zu + 0.4 * zp;
      else if (!Number.isNaN(zu)) z = zu;
      else if (!Number.isNaN(zp)) z = zp;
      else continue;
      z = Math.min(z, 8);
      if (z > 2) raw += w * (z - 2);
    }
    return Math.round(20 * (1 - Math.exp(-raw / 8)) * 10) / 10;
  }

  function raiseAlert(
    u: UserState,
    d: DayAcc,
    indicators: FiredIndicator[],
    anomaly: number,
    dayScore: number,
    cases: number[],
  ): string {
    let alert = u.alert;
    let isNew = false;
    if (!alert || d.day - alert.lastDay > o.mergeWindowDays) {
      alert = {
        key: `${u.user}:${d.day}`,
        firstDay: d.day,
        lastDay: d.day,
        indicators: new Map(),
        anomaly: 0,
        cases: new Set(),
      };
      u.alert = alert;
      isNew = true;
      stats.alerts++;
    }
    alert.lastDay = Math.max(alert.lastDay, d.day);
    alert.anomaly = Math.max(alert.anomaly, anomaly);
    for (const c of cases) alert.cases.add(c);
    for (const f of indicators) {
      const prev = alert.indicators.get(f.id);
      if (prev) {
        prev.weight = Math.max(prev.weight, f.weight);
        prev.count++;
        prev.lastDay = d.day;
        if (f.detail) prev.detail = f.detail;
      } else {
        const entry: AlertIndicator = {
          id: f.id,
          weight: f.weight,
          count: 1,
          firstDay: d.day,
          lastDay: d.day,
        };
        if (f.detail) entry.detail = f.detail;
        alert.indicators.set(f.id, entry);
      }
    }
    const firedIds = new Set(indicators.map((f) => f.id));
    const evidence = d.evidence
      .filter((e) => e.indicators.some((id) => firedIds.has(id)))
      .map((e) => ({ ...e, indicators: e.indicators.filter((id) => firedIds.has(id)) }));
    // Context from earlier days (job search, recruiter contact, tool downloads) explains case indicators.
    if (isNew || u.context.length > 0) {
      const ctx = u.context.filter((e) =>
        e.indicators.some((id) => firedIds.has(id) || relatedContext(id, firedIds)),
      );
      evidence.unshift(...ctx);
      u.context = u.context.filter((e) => !ctx.includes(e));
    }
    let score = 0;
    for (const ind of alert.indicators.values()) score += ind.weight;
    score = Math.round((score + alert.anomaly) * 10) / 10;
    sink.alert?.({
      key: alert.key,
      user: u.user,
      isNew,
      firstDay: alert.firstDay,
      lastDay: alert.lastDay,
      day: d.day,
      dayScore,
      score,
      severity: severityOf(score),
      anomaly: alert.anomaly,
      cases: [...alert.cases].sort(),
      indicators: [...alert.indicators.values()].map((i) => ({ ...i })),
      evidence: evidence.sort((a, b) => a.t - b.t),
    });
    return alert.key;
  }

  function snapshot(): EngineSnapshot {
    const list: unknown[] = [];
    for (const u of users.values()) {
      const det: Record<string, unknown> = {};
      instances.forEach((inst, k) => {
        if (inst.snapshot) det[DETECTORS[k]!.id] = inst.snapshot(u.det[k]);
      });
      list.push({
        user: u.user,
        known: u.known,
        days: u.days.map((d) => ({
          day: d.day,
          x: [...d.x],
          hosts: [...d.hosts],
          evidence: d.evidence,
          tagCounts: [...d.tagCounts.entries()]
            .filter(([, n]) => n > 0)
            .map(([i, n]) => [INDICATORS[i]!.id, n]),
          ctx: [...d.ctxCache],
        })),
        openDevices: [...u.openDevices],
        n: u.n,
        mean: [...u.mean],
        varr: [...u.varr],
        habitN: u.habitN,
        habits: Object.fromEntries(HABITS.map((h, k) => [h.id, u.habitK[k]!])),
        logonTotal: u.logonTotal,
        hostCounts: [...u.hostCounts],
        confFiles: [...u.confFiles],
        hist: [...u.hist].map(([i, days]) => [INDICATORS[i]!.id, days]),
        context: u.context,
        alert: u.alert
          ? { ...u.alert, indicators: [...u.alert.indicators.values()], cases: [...u.alert.cases] }
          : null,
        det,
        recent: [...u.recentDay].flatMap((dn, j) =>
          dn < 0
            ? []
            : [
                [
                  dn,
                  ...Array.from(
                    u.recentVal.subarray(j * RECENT_FEATURES.length, (j + 1) * RECENT_FEATURES.length),
                  ),
                ],
              ],
        ),
      });
    }
    return {
      version: 2,
      recentFeatures: RECENT_FEATURES.map(nameOf),
      distributionFeatures: DISTRIBUTION_FEATURES.map(nameOf),
      watermark,
      stats: { ...stats, lateSamples: [...stats.lateSamples] },
      users: list,
      hosts: [...hosts].map(([h, s]) => [
        h,
        { total: s.total, users: [...s.users], owner: s.owner, ownerCount: s.ownerCount },
      ]),
      peers: [...peers].map(([k, p]) => [
        k,
        {
          n: p.n,
          mean: [...p.mean],
          m2: [...p.m2],
          dist: [...p.dist.entries()].filter(([, v]) => v > 0),
          distTotal: p.distTotal,
        },
      ]),
      scores: [...scoreDays].map(([day, h]) => [day, [...h.entries()].filter(([, v]) => v > 0)]),
      detectors: Object.fromEntries(
        instances.flatMap((inst, k) => (inst.shared ? [[DETECTORS[k]!.id, inst.shared.snapshot()]] : [])),
      ),
    };
  }

  /** A stored vector from an older layout (shorter) padded to the current feature count. */
  function features(values: number[]): Float64Array {
    const out = new Float64Array(FEATURE_COUNT);
    for (let k = 0; k < Math.min(values.length, FEATURE_COUNT); k++) out[k] = values[k]!;
    return out;
  }

  function restore(s: EngineSnapshot): void {
    if (s.version !== 1 && s.version !== 2)
      throw new Error(`unsupported engine snapshot version ${String(s.version)}`);
    const legacy = s.version === 1;
    const indicatorOf = (key: string | number): number | undefined =>
      INDICATOR_INDEX.get(typeof key === "number" ? (LEGACY_INDICATOR_ORDER[key] ?? "") : key);
    watermark = s.watermark ?? Number.NEGATIVE_INFINITY;
    if (watermark === null) watermark = Number.NEGATIVE_INFINITY;
    closedThrough = Number.isFinite(watermark) ? dayOf(watermark - latenessMs) - 1 : Number.NEGATIVE_INFINITY;
    Object.assign(stats, s.stats);
    instances.forEach((inst, k) => {
      const raw = s.detectors?.[DETECTORS[k]!.id];
      if (inst.shared && raw !== undefined) inst.shared.restore(raw);
    });
    for (const [h, v] of s.hosts)
      hosts.set(h, { total: v.total, users: new Map(v.users), owner: v.owner, ownerCount: v.ownerCount });
    for (const [k, v] of s.peers) {
      const p = newPeer();
      p.n = v.n;
      p.mean = features(v.mean);
      p.m2 = features(v.m2);
      for (const [j, c] of v.dist ?? []) {
        // Stored by position in the snapshot's list of distribution features; remapped by name.
        const name = s.distributionFeatures?.[Math.floor(j / DIST_BUCKETS)];
        const k = name === undefined ? -1 : DISTRIBUTION_FEATURES.indexOf(FEATURE_INDEX.get(name) ?? -1);
        if (k >= 0) p.dist[k * DIST_BUCKETS + (j % DIST_BUCKETS)] = c;
      }
      p.distTotal = v.distTotal ?? 0;
      peers.set(k, p);
    }
    for (const [day, entries] of s.scores ?? []) {
      const h = new Uint32Array(SCORE_BUCKETS);
      for (const [k, c] of entries) {
        h[k] = c;
        scoreTotal[k]! += c;
        scoreCount += c;
      }
      scoreDays.set(day, h);
    }
    for (const raw of s.users) {
      // biome-ignore lint/suspicious/noExplicitAny: snapshot data is our own serialised shape.
      const r = raw as any;
      const habitK = new Float64Array(HABITS.length);
      HABITS.forEach((h, k) => {
        habitK[k] = legacy ? (r.habitK?.[LEGACY_HABIT_ORDER.indexOf(h.id)] ?? 0) : (r.habits?.[h.id] ?? 0);
      });
      const hist = new Map<number, number[]>();
      for (const [key, days] of r.hist as [string | number, number[]][]) {
        const i = indicatorOf(key);
        if (i !== undefined) hist.set(i, days);
      }
      const person = directory.people.get(r.user);
      const u: UserState = {
        user: r.user,
        known: person !== undefined,
        person,
        days: [],
        n: r.n,
        mean: features(r.mean),
        varr: features(r.varr),
        habitN: r.habitN,
        habitK,
        logonTotal: r.logonTotal,
        hostCounts: new Map(r.hostCounts),
        confFiles: new Map(r.confFiles),
        hist,
        context: r.context,
        alert: r.alert
          ? {
              key: r.alert.key,
              firstDay: r.alert.firstDay,
              lastDay: r.alert.lastDay,
              anomaly: r.alert.anomaly,
              indicators: new Map((r.alert.indicators as AlertIndicator[]).map((i) => [i.id, i])),
              cases: new Set(r.alert.cases),
            }
          : null,
        openDevices: new Set(r.openDevices ?? []),
        det: instances.map((inst, k) => {
          if (!inst.restore) return inst.newState ? inst.newState() : undefined;
          return legacy ? inst.restore(undefined, r) : inst.restore(r.det?.[DETECTORS[k]!.id], undefined);
        }),
        recentDay: new Int32Array(RECENT_DAYS).fill(-1),
        recentVal: new Float32Array(RECENT_DAYS * RECENT_FEATURES.length),
      };
      for (const [dn, ...vals] of (r.recent ?? []) as number[][]) {
        const slot = ((dn! % RECENT_DAYS) + RECENT_DAYS) % RECENT_DAYS;
        u.recentDay[slot] = dn!;
        vals.forEach((v, j) => {
          const name = s.recentFeatures?.[j];
          const k = name === undefined ? -1 : RECENT_FEATURES.indexOf(FEATURE_INDEX.get(name) ?? -1);
          if (k >= 0) u.recentVal[slot * RECENT_FEATURES.length + k] = v;
        });
      }
      for (const dd of r.days) {
        const tagCounts = new Uint16Array(NI);
        if (legacy) {
          (dd.tagCounts as number[]).forEach((n, i) => {
            const k = indicatorOf(i);
            if (k !== undefined) tagCounts[k] = n;
          });
        } else {
          for (const [id, n] of dd.tagCounts as [string, number][]) {
            const k = indicatorOf(id);
            if (k !== undefined) tagCounts[k] = n;
          }
        }
        u.days.push({
          day: dd.day,
          x: features(dd.x),
          hosts: new Set(dd.hosts),
          ctxCache: new Map(dd.ctx ?? []),
          evidence: dd.evidence,
          tagCounts,
          attrs: directory.attributesAt(r.user, dd.day),
          watch: directory.watchlistsAt(r.user, dd.day),
        });
      }
      users.set(u.user, u);
      if (u.days.length > 0) active.add(u);
    }
  }

  /**
   * Learns from an event of a user this engine does not score (scale-out: logons are copied to every
   * partition so each worker knows who owns which machine). Only machine ownership is updated.
   */
  function observe(ev: ActivityEvent): void {
    if (ev.t > watermark) advance(ev.t);
    if (ev.kind === "logon" && ev.action === "logon") countHostLogon(ev.host, ev.user);
    if (ev.kind === "logon") for (const inst of instances) inst.observe?.(ev);
  }

  // Restored last: every piece of state above is declared by now.
  if (deps.snapshot) restore(deps.snapshot);

  return {
    push,
    observe,
    /** Processes a batch of events in order. */
    pushBatch(events: readonly ActivityEvent[]): void {
      for (let i = 0; i < events.length; i++) push(events[i]!);
    },
    /** Closes every open day (end of the data: nothing more will arrive for them). */
    finish(): void {
      let last = Number.NEGATIVE_INFINITY;
      for (const u of active) for (const d of u.days) last = Math.max(last, d.day);
      if (Number.isFinite(last)) closeThrough(last);
    },
    /** Forgets a user's open alert (it was triaged), so later activity opens a new one. */
    closeAlert(key: string): void {
      const user = key.slice(0, key.lastIndexOf(":"));
      const u = users.get(user);
      if (u?.alert?.key === key) u.alert = null;
    },
    snapshot,
    get stats(): EngineStats {
      return stats;
    },
    get watermark(): number {
      return watermark;
    },
    get userCount(): number {
      return users.size;
    },
  };
}

/** Indicators whose evidence is kept as context for a later alert (job search, recruiter contact, tools). */
const CONTEXT_EVIDENCE = new Set(["I-JOB-SEARCH", "I-PRO-NETWORK", "I-RECRUITER-CONTACT", "I-HACK-TOOL"]);

function relatedContext(id: string, fired: Set<string>): boolean {
  if (id === "I-JOB-SEARCH") return fired.has("I-CASE2-DEPARTING-EXFIL") || fired.has("I-CASE2-LOOKBACK");
  if (id === "I-PRO-NETWORK" || id === "I-RECRUITER-CONTACT") return fired.has("I-CASE3-RECRUITED-EMAIL");
  if (id === "I-HACK-TOOL") return fired.has("I-CASE6-TOOL-PLANT");
  return false;
}

export type InsiderEngine = ReturnType<typeof createInsiderEngine>;
