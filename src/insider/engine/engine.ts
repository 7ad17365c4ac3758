/**
 * The streaming insider-risk engine. One pass over time-ordered activity events; state is kept per
 * user (open day features, baselines, habits, a few bounded sets) and per machine, never per event,
 * so memory grows with the organisation, not with the logs.
 *
 * For every user-day it computes features, compares them with the user's own baseline and with
 * their peer groups (role, department, project), fires indicators, runs the six case detectors, and
 * scores the day: an additive sum of indicator weights (adjusted by triage feedback) plus a bounded
 * anomaly part. Days that reach the alert threshold open or extend the user's alert, with the raw
 * events that caused it as the evidence timeline. Pure: no IO, no clock, deterministic.
 */
import type { AssetRegistry, ConfidentialAsset } from "./assets.js";
import type { Directory, PersonAttributes, Watchlist } from "./directory.js";
import {
  DEFAULT_DOMAINS,
  DOMAIN_CLOUD,
  DOMAIN_HACK,
  DOMAIN_JOB,
  DOMAIN_LEAK,
  DOMAIN_PRO_NETWORK,
  DOMAIN_WEBMAIL,
  DomainClassifier,
  type DomainLists,
  domainOfEmail,
} from "./domains.js";
import type { ActivityEvent } from "./event.js";
import {
  ANOMALY_FEATURES,
  baseName,
  CHART_FEATURES,
  F,
  FEATURE_COUNT,
  FILE_ARCHIVE,
  FILE_DOCUMENT,
  FILE_EXECUTABLE,
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
  /** A user-day scoring at least this opens or extends an alert. */
  alertThreshold?: number;
  /** A new alert day within this many days of the user's open alert merges into it. */
  mergeWindowDays?: number;
  /** Recipients at which an e-mail counts as a mass e-mail. */
  massEmailRecipients?: number;
  domains?: DomainLists;
  /** Psychometric factor: off by default (see docs/insider-risk.md for why). */
  psychometric?: { enabled: boolean };
  feedback?: TriageFeedback;
};

type ResolvedOptions = Required<Omit<EngineOptions, "feedback" | "psychometric" | "domains">> & {
  feedback: TriageFeedback;
  psychometric: { enabled: boolean };
  domains: DomainLists;
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

export type FiredIndicator = { id: string; weight: number };

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

export type AlertIndicator = { id: string; weight: number; count: number; firstDay: number; lastDay: number };

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

const CTX_OWN = 0;
const CTX_SHARED = 1;
const CTX_OTHER = 2;
const CTX_SUPERVISOR = 3;
const CTX_SERVER = 4;
const CTX_UNKNOWN = 5;
const CTX_NAMES: HostContext[] = ["own", "shared", "other", "supervisor", "server", "unknown"];

// Habits: exponentially weighted share of active days on which the user did something.
const H_AFTER_HOURS = 0;
const H_WEEKEND = 1;
const H_USB = 2;
const H_USB_AFTER_HOURS = 3;
const H_CONF_AFTER_HOURS = 4;
const H_OTHER_PC = 5;
const H_SUPERVISOR_PC = 6;
const H_OTHER_FILES = 7;
const H_CLOUD = 8;
const H_CLOUD_UPLOAD = 9;
const H_PERSONAL_ATTACH = 10;
const H_MASS = 11;
const H_TOOL = 12;
const HABITS = 13;

const NI = INDICATORS.length;
const idx = (id: string): number => {
  const i = INDICATOR_INDEX.get(id);
  if (i === undefined) throw new Error(`unknown indicator ${id}`);
  return i;
};
const I = {
  AFTER_HOURS_LOGON: idx("I-AFTER-HOURS-LOGON"),
  WEEKEND: idx("I-WEEKEND-ACTIVITY"),
  USB_FIRST: idx("I-USB-FIRST-USE"),
  USB_AFTER_HOURS: idx("I-USB-AFTER-HOURS"),
  USB_VOLUME: idx("I-USB-VOLUME"),
  USB_CONF: idx("I-USB-CONFIDENTIAL"),
  CONF_AFTER_HOURS: idx("I-CONF-AFTER-HOURS"),
  OUT_OF_SCOPE: idx("I-OUT-OF-SCOPE"),
  JOB: idx("I-JOB-SEARCH"),
  PRO: idx("I-PRO-NETWORK"),
  DEPARTING: idx("I-DEPARTING"),
  POST_DEPARTURE: idx("I-POST-DEPARTURE"),
  CLOUD_USE: idx("I-CLOUD-USE"),
  CLOUD_UPLOAD: idx("I-CLOUD-UPLOAD"),
  LEAK: idx("I-LEAK-SITE"),
  HACK: idx("I-HACK-TOOL"),
  TOOL_TRANSFER: idx("I-TOOL-TRANSFER"),
  OTHER_PC_LOGON: idx("I-OTHER-PC-LOGON"),
  SUPERVISOR_PC: idx("I-SUPERVISOR-PC"),
  OTHER_PC_FILES: idx("I-OTHER-PC-FILES"),
  OTHER_PC_MAIL: idx("I-OTHER-PC-MAIL-OUT"),
  EXT_ATTACH: idx("I-EMAIL-EXT-ATTACH"),
  PERSONAL: idx("I-EMAIL-PERSONAL"),
  NEW_RECIPIENT: idx("I-EMAIL-NEW-RECIPIENT"),
  EMAIL_CONF: idx("I-EMAIL-CONFIDENTIAL"),
  MASS: idx("I-MASS-EMAIL"),
  CASE1: idx("I-CASE1-OFFHOURS-EXFIL"),
  CASE2: idx("I-CASE2-DEPARTING-EXFIL"),
  CASE3: idx("I-CASE3-RECRUITED-EMAIL"),
  CASE4: idx("I-CASE4-SCOPE-CREEP"),
  CASE5: idx("I-CASE5-OTHER-PC-MAIL"),
  CASE6_LEAK: idx("I-CASE6-LEAK-UPLOAD"),
  CASE6_TOOL: idx("I-CASE6-TOOL-PLANT"),
  PSYCHOMETRIC: idx("I-PSYCHOMETRIC"),
};

/** Indicators that are only context: they explain a combination but never alert on their own. */
const CONTEXT_ONLY = new Set(INDICATORS.flatMap((d, i) => (d.kind === "context" ? [i] : [])));

/** URL paths that upload (for releases without an upload activity). */
const UPLOAD_URL = /[/?&](upload|put|send|submit)(?:[/?&=.]|$)/i;

const MAX_EVIDENCE_PER_DAY = 200;
const MAX_EVIDENCE_PER_TAG = 20;
const MAX_CONTEXT_EVIDENCE = 30;
const MAX_CONTACTS = 600;
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
  /** Confidential assets touched this day (ids), for the cloud-upload detector. */
  confTouched: number;
};

type PeerStats = { n: number; mean: Float64Array; m2: Float64Array };

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
  days: DayAcc[];
  n: number;
  mean: Float64Array;
  varr: Float64Array;
  habitN: number;
  habitK: Float64Array;
  usbDays: number;
  /** Days with cloud uploads so far: a regular uploader is not flagged for every upload. */
  uploadDays: number;
  logonTotal: number;
  hostCounts: Map<string, number>;
  contacts: Map<string, number>;
  confFiles: Map<string, string>;
  /** Indicator index → days it fired (recent, oldest first). */
  hist: Map<number, number[]>;
  context: Evidence[];
  alert: OpenAlert | null;
  openDevices: Set<string>;
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
    mergeWindowDays: options.mergeWindowDays ?? 30,
    massEmailRecipients: options.massEmailRecipients ?? 20,
    domains: options.domains ?? DEFAULT_DOMAINS,
    psychometric: options.psychometric ?? { enabled: false },
    feedback: options.feedback ?? {},
  };
}

export type EngineDeps = {
  options: EngineOptions;
  directory: Directory;
  assets: AssetRegistry;
  sink: EngineSink;
  snapshot?: EngineSnapshot;
};

/** Serialisable engine state (bounded by users and machines), to continue across ingestion runs. */
export type EngineSnapshot = {
  version: 1;
  watermark: number;
  stats: EngineStats;
  users: unknown[];
  hosts: [string, { total: number; users: [string, number][]; owner: string; ownerCount: number }][];
  peers: [string, { n: number; mean: number[]; m2: number[] }][];
};

/** Creates an engine; push events in time order (small disorder within the lateness is tolerated). */
export function createInsiderEngine(deps: EngineDeps) {
  const o = resolve(deps.options);
  const { directory, assets, sink } = deps;
  const classifier = new DomainClassifier(o.domains);
  const internal = new Set(o.internalDomains);
  const weekend = new Set(o.weekendDays);
  const holidays = new Set(o.holidays);
  const latenessMs = o.latenessHours * MS_PER_HOUR;
  const baselineAlpha = 1 - 2 ** (-1 / BASELINE_HALF_LIFE_DAYS);
  const habitDecay = 2 ** (-1 / HABIT_HALF_LIFE_DAYS);

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

  if (deps.snapshot) restore(deps.snapshot);

  function newUser(user: string): UserState {
    const known = directory.people.has(user);
    if (!known) stats.unknownUsers++;
    return {
      user,
      known,
      days: [],
      n: 0,
      mean: new Float64Array(FEATURE_COUNT),
      varr: new Float64Array(FEATURE_COUNT),
      habitN: 0,
      habitK: new Float64Array(HABITS),
      usbDays: 0,
      uploadDays: 0,
      logonTotal: 0,
      hostCounts: new Map(),
      contacts: new Map(),
      confFiles: new Map(),
      hist: new Map(),
      context: [],
      alert: null,
      openDevices: new Set(),
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
      confTouched: 0,
    };
    days.push(d);
    if (days.length > 1) days.sort((a, b) => a.day - b.day);
    active.add(u);
    return d;
  }

  function habit(u: UserState, h: number): number {
    return (u.habitK[h]! + 0.5) / (u.habitN + 10);
  }

  function hostContext(u: UserState, d: DayAcc, host: string): number {
    const cached = d.ctxCache.get(host);
    if (cached !== undefined) return cached;
    let ctx = CTX_UNKNOWN;
    if (assets.server(host)) ctx = CTX_SERVER;
    else {
      const mine = u.hostCounts.get(host) ?? 0;
      const person = directory.people.get(u.user);
      if (person?.hosts.includes(host) || (mine >= 3 && mine >= 0.25 * u.logonTotal)) ctx = CTX_OWN;
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
    const keep: number[] = [];
    for (const t of tags) {
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
      object: ev.object.length > 500 ? ev.object.slice(0, 500) : ev.object,
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

  function touchConfidential(
    u: UserState,
    d: DayAcc,
    asset: ConfidentialAsset,
    afterHours: boolean,
    tags: number[],
  ): void {
    const x = d.x;
    x[F.CONF_ACCESS]!++;
    d.confTouched++;
    if (afterHours) {
      x[F.CONF_AFTER_HOURS]!++;
      tags.push(I.CONF_AFTER_HOURS);
    }
    // Scope is only known for people in the directory; unknown accounts are reported by ingestion.
    if (u.known && !assets.inScope(asset, d.attrs.projects, d.attrs.role)) {
      x[F.OUT_OF_SCOPE]!++;
      tags.push(I.OUT_OF_SCOPE);
    }
    void u;
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

  function rememberContact(u: UserState, address: string, day: number): boolean {
    const had = u.contacts.has(address);
    if (had) u.contacts.delete(address);
    u.contacts.set(address, day);
    if (u.contacts.size > MAX_CONTACTS) {
      const first = u.contacts.keys().next().value;
      if (first !== undefined) u.contacts.delete(first);
    }
    return had;
  }

  /** Moves time forward, closing the days no more events can arrive for. */
  function advance(t: number): void {
    watermark = t;
    const closable = dayOf(t - latenessMs) - 1;
    if (closable > closedThrough) closeThrough(closable);
  }

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
    const tags: number[] = [];
    let asset: ConfidentialAsset | null = null;
    let ctx = CTX_UNKNOWN;

    switch (ev.kind) {
      case "http": {
        x[F.HTTP]!++;
        const flags = classifier.url(ev.object);
        if (flags !== 0) {
          if (flags & DOMAIN_JOB) {
            x[F.JOB_SEARCH]!++;
            tags.push(I.JOB);
          }
          if (flags & DOMAIN_PRO_NETWORK) {
            x[F.PRO_NETWORK]!++;
            tags.push(I.PRO);
          }
          // r4.2/r5.2 have no upload activity: an upload page on a cloud or leak site counts as one.
          const upload =
            ev.action === "upload" ||
            ((flags & (DOMAIN_CLOUD | DOMAIN_LEAK)) !== 0 &&
              ev.action === "visit" &&
              UPLOAD_URL.test(ev.object));
          if (flags & DOMAIN_CLOUD) {
            x[F.CLOUD]!++;
            tags.push(I.CLOUD_USE);
            if (upload) {
              x[F.CLOUD_UPLOAD]!++;
              tags.push(I.CLOUD_UPLOAD);
            }
          }
          if (flags & DOMAIN_LEAK) {
            x[F.LEAK]!++;
            tags.push(I.LEAK);
          }
          if (flags & DOMAIN_HACK) {
            x[F.HACK]!++;
            tags.push(I.HACK);
          }
        }
        asset = assets.url(ev.object);
        if (asset) touchConfidential(u, d, asset, afterHours, tags);
        break;
      }
      case "logon": {
        ctx = hostContext(u, d, ev.host);
        if (ev.action === "logon") {
          x[F.LOGONS]!++;
          if (afterHours) {
            x[F.AFTER_HOURS_LOGONS]!++;
            tags.push(I.AFTER_HOURS_LOGON);
          }
          if (offDay) tags.push(I.WEEKEND);
          if (ctx === CTX_OTHER || ctx === CTX_SUPERVISOR) {
            x[F.OTHER_PC_LOGONS]!++;
            tags.push(I.OTHER_PC_LOGON);
            if (ctx === CTX_SUPERVISOR) {
              x[F.SUPERVISOR_PC]!++;
              tags.push(I.SUPERVISOR_PC);
            }
          } else if (ctx === CTX_SHARED) x[F.SHARED_PC_LOGONS]!++;
          asset = assets.server(ev.host);
          if (asset) touchConfidential(u, d, asset, afterHours, tags);
          recordLogonHost(u, ev.host);
        }
        break;
      }
      case "device": {
        ctx = hostContext(u, d, ev.host);
        if (ev.action === "connect") {
          if (u.openDevices.has(ev.host)) stats.missingDisconnects++;
          u.openDevices.add(ev.host);
          x[F.DEVICE]!++;
          tags.push(I.USB_FIRST);
          if (afterHours) {
            x[F.DEVICE_AFTER_HOURS]!++;
            tags.push(I.USB_AFTER_HOURS);
          }
          if (ctx === CTX_SUPERVISOR) {
            x[F.SUPERVISOR_PC]!++;
            tags.push(I.SUPERVISOR_PC);
          }
        } else u.openDevices.delete(ev.host);
        break;
      }
      case "file": {
        ctx = hostContext(u, d, ev.host);
        x[F.FILE_OPS]!++;
        const type = fileType(ev.object);
        if (type === FILE_DOCUMENT) x[F.DOCUMENTS]!++;
        else if (type === FILE_ARCHIVE) x[F.ARCHIVES]!++;
        else if (type === FILE_EXECUTABLE) x[F.EXECUTABLES]!++;
        asset = assets.path(ev.object);
        if (asset) {
          touchConfidential(u, d, asset, afterHours, tags);
          rememberConfFile(u, ev.object, asset);
        }
        if (ctx === CTX_OTHER || ctx === CTX_SUPERVISOR) {
          x[F.OTHER_PC_FILES]!++;
          tags.push(I.OTHER_PC_FILES);
          if (ctx === CTX_SUPERVISOR) {
            x[F.SUPERVISOR_PC]!++;
            tags.push(I.SUPERVISOR_PC);
          }
        }
        if (ev.toRemovable) {
          x[F.REMOVABLE_COPIES]!++;
          tags.push(I.USB_VOLUME);
          const confId = asset?.id ?? u.confFiles.get(baseName(ev.object));
          if (confId !== undefined) {
            x[F.CONF_REMOVABLE]!++;
            tags.push(I.USB_CONF);
            asset ??= assetById(confId);
          }
        }
        if (
          type === FILE_EXECUTABLE &&
          (ev.fromRemovable || ctx === CTX_OTHER || ctx === CTX_SUPERVISOR) &&
          ev.action !== "delete"
        ) {
          x[F.TOOL_TRANSFER]!++;
          tags.push(I.TOOL_TRANSFER);
        }
        break;
      }
      case "email": {
        ctx = hostContext(u, d, ev.host);
        const sent = ev.action === "send";
        if (!sent) {
          const domain = domainOfEmail(ev.sender);
          if (domain !== "" && !internal.has(domain)) {
            rememberContact(u, ev.sender, day);
            if (classifier.host(domain) & DOMAIN_PRO_NETWORK) {
              x[F.PRO_NETWORK]!++;
              tags.push(I.PRO);
            }
          }
          break;
        }
        x[F.EMAIL_SENT]!++;
        const recipients = ev.recipients;
        if (recipients.length >= o.massEmailRecipients) {
          x[F.EMAIL_MASS]!++;
          tags.push(I.MASS);
        }
        const withAttachments = ev.attachmentCount > 0;
        let external = false;
        let personal = false;
        let newRecipient = false;
        let pro = false;
        const extDomains: string[] = [];
        for (const r of recipients) {
          const domain = domainOfEmail(r);
          if (domain === "" || internal.has(domain)) continue;
          external = true;
          extDomains.push(domain);
          const flags = classifier.host(domain);
          if (flags & DOMAIN_WEBMAIL) personal = true;
          if (flags & DOMAIN_PRO_NETWORK) pro = true;
          const known = rememberContact(u, r, day);
          if (!known && withAttachments && u.n >= o.warmupDays) newRecipient = true;
        }
        if (pro) {
          x[F.PRO_NETWORK]!++;
          tags.push(I.PRO);
        }
        if (external) {
          x[F.EMAIL_EXTERNAL]!++;
          x[F.EMAIL_EXT_KB]! += ev.bytes / 1024;
          if (personal) x[F.EMAIL_PERSONAL]!++;
          if (withAttachments) {
            x[F.EMAIL_EXT_ATTACH]!++;
            tags.push(I.EXT_ATTACH);
            if (personal) {
              x[F.PERSONAL_ATTACH]!++;
              tags.push(I.PERSONAL);
            }
            if (newRecipient) {
              x[F.EMAIL_NEW_RECIPIENT]!++;
              tags.push(I.NEW_RECIPIENT);
            }
            if (ctx === CTX_OTHER || ctx === CTX_SUPERVISOR) {
              x[F.OTHER_PC_MAIL_OUT]!++;
              tags.push(I.OTHER_PC_MAIL);
            }
            for (const name of ev.attachments) {
              const a = assets.path(name) ?? lookupConfFile(u, name);
              if (!a) continue;
              const allowed = extDomains.every((dom) => a.allowedDomains.includes(dom));
              if (!allowed) {
                x[F.CONF_ATTACH_EXT]!++;
                tags.push(I.EMAIL_CONF);
                asset = a;
                break;
              }
            }
          }
        }
        break;
      }
    }
    const person = u.known ? directory.people.get(u.user) : undefined;
    if (person?.endDay != null && day > person.endDay && x[F.POST_DEPARTURE] === 0) {
      x[F.POST_DEPARTURE] = 1;
      tags.push(I.POST_DEPARTURE);
    }
    if (tags.length > 0) addEvidence(d, ev, ctx, tags, asset);
  }

  function lookupConfFile(u: UserState, name: string): ConfidentialAsset | null {
    const id = u.confFiles.get(baseName(name));
    return id === undefined ? null : assetById(id);
  }

  /** Closes every user-day up to and including `day`. */
  function closeThrough(day: number): void {
    closedThrough = day;
    // A fixed order (by account) keeps peer statistics identical however the state was restored.
    const ordered = [...active].sort((a, b) => (a.user < b.user ? -1 : a.user > b.user ? 1 : 0));
    for (const u of ordered) {
      while (u.days.length > 0 && u.days[0]!.day <= day) closeDay(u, u.days.shift()!);
      if (u.days.length === 0) active.delete(u);
    }
  }

  function recentDays(u: UserState, i: number, today: number, window: number): number {
    const list = u.hist.get(i);
    if (!list) return 0;
    let n = 0;
    for (const d of list) if (d > today - window && d <= today) n++;
    return n;
  }

  function peerKeys(attrs: PersonAttributes): string[] {
    const keys: string[] = [];
    if (attrs.role) keys.push(`role:${attrs.role}`);
    if (attrs.department) keys.push(`dept:${attrs.department}`);
    for (const p of attrs.projects) keys.push(`project:${p}`);
    if (keys.length === 0) keys.push("all");
    return keys;
  }

  function closeDay(u: UserState, d: DayAcc): void {
    const x = d.x;
    x[F.HOSTS] = d.hosts.size;
    u.openDevices.clear();
    const day = d.day;
    const lx = new Float64Array(FEATURE_COUNT);
    for (let k = 0; k < FEATURE_COUNT; k++) lx[k] = Math.log1p(x[k]!);
    const warm = u.n >= o.warmupDays;
    const zUser = (f: number): number =>
      u.n >= 5 ? (lx[f]! - u.mean[f]!) / Math.sqrt(u.varr[f]! + VAR_FLOOR) : Number.NaN;

    const fired = new Uint8Array(NI);
    const fire = (i: number) => {
      fired[i] = 1;
    };
    // Behaviour indicators. Those that depend on the user's habits wait for the warm-up.
    if (warm && x[F.AFTER_HOURS_LOGONS]! > 0 && habit(u, H_AFTER_HOURS) < 0.2) fire(I.AFTER_HOURS_LOGON);
    if (warm && x[F.WEEKEND]! > 0 && x[F.LOGONS]! > 0 && habit(u, H_WEEKEND) < 0.1) fire(I.WEEKEND);
    if (x[F.DEVICE]! > 0) {
      if (warm && u.usbDays === 0) fire(I.USB_FIRST);
      if (warm && x[F.DEVICE_AFTER_HOURS]! > 0 && habit(u, H_USB_AFTER_HOURS) < 0.1) fire(I.USB_AFTER_HOURS);
    }
    if (x[F.REMOVABLE_COPIES]! >= 5) {
      const z = zUser(F.REMOVABLE_COPIES);
      if (Number.isNaN(z) ? x[F.REMOVABLE_COPIES]! >= 20 : z >= 3) fire(I.USB_VOLUME);
    }
    if (x[F.CONF_REMOVABLE]! > 0) fire(I.USB_CONF);
    if (warm && x[F.CONF_AFTER_HOURS]! > 0 && habit(u, H_CONF_AFTER_HOURS) < 0.1) fire(I.CONF_AFTER_HOURS);
    if (x[F.OUT_OF_SCOPE]! > 0) fire(I.OUT_OF_SCOPE);
    if (warm && x[F.CLOUD]! > 0 && habit(u, H_CLOUD) < 0.05) fire(I.CLOUD_USE);
    if (x[F.CLOUD_UPLOAD]! > 0 && u.uploadDays < 3) fire(I.CLOUD_UPLOAD);
    if (x[F.LEAK]! > 0) fire(I.LEAK);
    if (x[F.HACK]! > 0) fire(I.HACK);
    if (warm && x[F.TOOL_TRANSFER]! > 0 && habit(u, H_TOOL) < 0.1) fire(I.TOOL_TRANSFER);
    if (warm && x[F.OTHER_PC_LOGONS]! > 0 && habit(u, H_OTHER_PC) < 0.2) fire(I.OTHER_PC_LOGON);
    if (warm && x[F.SUPERVISOR_PC]! > 0 && habit(u, H_SUPERVISOR_PC) < 0.1) fire(I.SUPERVISOR_PC);
    if (warm && x[F.OTHER_PC_FILES]! > 0 && habit(u, H_OTHER_FILES) < 0.2) fire(I.OTHER_PC_FILES);
    if (warm && x[F.OTHER_PC_MAIL_OUT]! > 0) fire(I.OTHER_PC_MAIL);
    if (x[F.EMAIL_EXT_ATTACH]! >= 3) {
      const z = zUser(F.EMAIL_EXT_ATTACH);
      if (!Number.isNaN(z) && z >= 3) fire(I.EXT_ATTACH);
    }
    if (warm && x[F.PERSONAL_ATTACH]! > 0 && habit(u, H_PERSONAL_ATTACH) < 0.1) fire(I.PERSONAL);
    if (x[F.EMAIL_NEW_RECIPIENT]! > 0) fire(I.NEW_RECIPIENT);
    if (x[F.CONF_ATTACH_EXT]! > 0) fire(I.EMAIL_CONF);
    if (warm && x[F.EMAIL_MASS]! > 0 && habit(u, H_MASS) < 0.05) fire(I.MASS);
    if (x[F.POST_DEPARTURE]! > 0) fire(I.POST_DEPARTURE);
    // Context indicators.
    if (x[F.JOB_SEARCH]! > 0) fire(I.JOB);
    if (x[F.PRO_NETWORK]! > 0) fire(I.PRO);
    const departing = d.watch.includes("departing");
    if (departing) fire(I.DEPARTING);

    // Case detectors: today's indicators combined with the user's recent history.
    const has = (i: number) => fired[i] === 1;
    const within = (i: number, window: number) => recentDays(u, i, day, window) + (has(i) ? 1 : 0);
    const usbSuspicious = has(I.USB_FIRST) || has(I.USB_CONF) || has(I.USB_VOLUME);
    const offHours = within(I.AFTER_HOURS_LOGON, 3) > 0 || within(I.CONF_AFTER_HOURS, 3) > 0;
    if (
      (usbSuspicious ||
        (has(I.USB_AFTER_HOURS) && has(I.CONF_AFTER_HOURS)) ||
        (has(I.LEAK) && x[F.DEVICE]! > 0)) &&
      (offHours || has(I.USB_AFTER_HOURS))
    )
      fire(I.CASE1);
    const leaving = departing || within(I.JOB, 30) >= 2;
    const exfil = usbSuspicious || has(I.CLOUD_UPLOAD) || has(I.EMAIL_CONF) || has(I.PERSONAL);
    if (leaving && exfil) fire(I.CASE2);
    const recruited = within(I.PRO, 60) > 0 || has(I.NEW_RECIPIENT);
    if (recruited && (has(I.EMAIL_CONF) || (has(I.PERSONAL) && has(I.NEW_RECIPIENT)))) fire(I.CASE3);
    if (has(I.OUT_OF_SCOPE)) {
      const placed = d.watch.some((w) => w === "intern" || w === "contractor" || w === "new_hire");
      if (within(I.OUT_OF_SCOPE, 30) >= (placed ? 2 : 3)) fire(I.CASE4);
    }
    const otherPcToday = has(I.OTHER_PC_LOGON) || has(I.OTHER_PC_FILES) || has(I.SUPERVISOR_PC);
    const otherPcRecent =
      otherPcToday ||
      within(I.OTHER_PC_LOGON, 3) > 0 ||
      within(I.OTHER_PC_FILES, 3) > 0 ||
      within(I.SUPERVISOR_PC, 3) > 0;
    if (has(I.OTHER_PC_MAIL) || (otherPcRecent && (has(I.PERSONAL) || has(I.EMAIL_CONF)))) {
      if (otherPcRecent) fire(I.CASE5);
    }
    if (has(I.LEAK) || (has(I.CLOUD_UPLOAD) && d.confTouched > 0)) fire(I.CASE6_LEAK);
    if (within(I.HACK, 7) > 0 && (has(I.TOOL_TRANSFER) || (has(I.SUPERVISOR_PC) && x[F.TOOL_TRANSFER]! > 0)))
      fire(I.CASE6_TOOL);

    // Scoring: indicator weights (with triage feedback) plus the anomaly part.
    let behaviour = false;
    for (let i = 0; i < NI; i++) if (fired[i] && !CONTEXT_ONLY.has(i)) behaviour = true;
    if (behaviour && o.psychometric.enabled) {
      const p = directory.people.get(u.user)?.psychometric;
      if (p && p.N >= 40 && (p.A <= 20 || p.C <= 20)) fire(I.PSYCHOMETRIC);
    }
    const userFactor = o.feedback.users?.[u.user] ?? 1;
    const userIndicatorFactor = o.feedback.userIndicators?.[u.user];
    const indicators: FiredIndicator[] = [];
    let score = 0;
    for (let i = 0; i < NI; i++) {
      if (!fired[i]) continue;
      const def = INDICATORS[i]!;
      const w = def.weight * weightFactor[i]! * userFactor * (userIndicatorFactor?.[def.id] ?? 1);
      const rounded = Math.round(w * 10) / 10;
      indicators.push({ id: def.id, weight: rounded });
      score += rounded;
    }
    const anomaly = anomalyPart(u, lx, d.attrs);
    score = Math.round((score + anomaly) * 10) / 10;
    const alertable = behaviour && score >= o.alertThreshold;
    let alertKey: string | null = null;
    const cases = [
      ...new Set(
        indicators.flatMap((f) =>
          INDICATOR_BY_INDEX(f.id)?.kind === "case" ? INDICATOR_BY_INDEX(f.id)!.cases : [],
        ),
      ),
    ].sort();

    if (alertable) alertKey = raiseAlert(u, d, indicators, anomaly, score, cases);

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
    for (const e of d.evidence) {
      if (
        e.indicators.some((id) => id === "I-JOB-SEARCH" || id === "I-PRO-NETWORK" || id === "I-HACK-TOOL")
      ) {
        if (!alertable) {
          u.context.push(e);
          if (u.context.length > MAX_CONTEXT_EVIDENCE) u.context.shift();
        }
      }
    }
    while (u.context.length > 0 && u.context[0]!.t < (day - HIST_DAYS) * MS_PER_DAY) u.context.shift();

    // Habits always learn (slowly: a prior of ten quiet days); the baselines and peer statistics do
    // not learn from alerted days, so an insider's exfiltration does not become their normal.
    learnHabits(u, x);
    if (!alertable) {
      learnBaseline(u, lx);
      for (const key of peerKeys(d.attrs)) learnPeer(key, lx);
    }
    u.n++;
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
    for (let k = 0; k < HABITS; k++) h[k]! *= habitDecay;
    if (x[F.AFTER_HOURS_LOGONS]! > 0) h[H_AFTER_HOURS]!++;
    if (x[F.WEEKEND]! > 0) h[H_WEEKEND]!++;
    if (x[F.DEVICE]! > 0) {
      h[H_USB]!++;
      u.usbDays++;
    }
    if (x[F.DEVICE_AFTER_HOURS]! > 0) h[H_USB_AFTER_HOURS]!++;
    if (x[F.CONF_AFTER_HOURS]! > 0) h[H_CONF_AFTER_HOURS]!++;
    if (x[F.OTHER_PC_LOGONS]! > 0) h[H_OTHER_PC]!++;
    if (x[F.SUPERVISOR_PC]! > 0) h[H_SUPERVISOR_PC]!++;
    if (x[F.OTHER_PC_FILES]! > 0) h[H_OTHER_FILES]!++;
    if (x[F.CLOUD]! > 0) h[H_CLOUD]!++;
    if (x[F.CLOUD_UPLOAD]! > 0) {
      h[H_CLOUD_UPLOAD]!++;
      u.uploadDays++;
    }
    if (x[F.PERSONAL_ATTACH]! > 0) h[H_PERSONAL_ATTACH]!++;
    if (x[F.EMAIL_MASS]! > 0) h[H_MASS]!++;
    if (x[F.TOOL_TRANSFER]! > 0) h[H_TOOL]!++;
  }

  function learnPeer(key: string, lx: Float64Array): void {
    let p = peers.get(key);
    if (!p) {
      p = { n: 0, mean: new Float64Array(FEATURE_COUNT), m2: new Float64Array(FEATURE_COUNT) };
      peers.set(key, p);
    }
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
      } else
        alert.indicators.set(f.id, { id: f.id, weight: f.weight, count: 1, firstDay: d.day, lastDay: d.day });
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

  function relatedContext(id: string, fired: Set<string>): boolean {
    if (id === "I-JOB-SEARCH") return fired.has("I-CASE2-DEPARTING-EXFIL");
    if (id === "I-PRO-NETWORK") return fired.has("I-CASE3-RECRUITED-EMAIL");
    if (id === "I-HACK-TOOL") return fired.has("I-CASE6-TOOL-PLANT");
    return false;
  }

  function snapshot(): EngineSnapshot {
    const list: unknown[] = [];
    for (const u of users.values()) {
      list.push({
        user: u.user,
        known: u.known,
        days: u.days.map((d) => ({
          day: d.day,
          x: [...d.x],
          hosts: [...d.hosts],
          evidence: d.evidence,
          tagCounts: [...d.tagCounts],
          confTouched: d.confTouched,
          ctx: [...d.ctxCache],
        })),
        openDevices: [...u.openDevices],
        n: u.n,
        mean: [...u.mean],
        varr: [...u.varr],
        habitN: u.habitN,
        habitK: [...u.habitK],
        usbDays: u.usbDays,
        uploadDays: u.uploadDays,
        logonTotal: u.logonTotal,
        hostCounts: [...u.hostCounts],
        contacts: [...u.contacts],
        confFiles: [...u.confFiles],
        hist: [...u.hist],
        context: u.context,
        alert: u.alert
          ? { ...u.alert, indicators: [...u.alert.indicators.values()], cases: [...u.alert.cases] }
          : null,
      });
    }
    return {
      version: 1,
      watermark,
      stats: { ...stats, lateSamples: [...stats.lateSamples] },
      users: list,
      hosts: [...hosts].map(([h, s]) => [
        h,
        { total: s.total, users: [...s.users], owner: s.owner, ownerCount: s.ownerCount },
      ]),
      peers: [...peers].map(([k, p]) => [k, { n: p.n, mean: [...p.mean], m2: [...p.m2] }]),
    };
  }

  function restore(s: EngineSnapshot): void {
    if (s.version !== 1) throw new Error(`unsupported engine snapshot version ${String(s.version)}`);
    watermark = s.watermark ?? Number.NEGATIVE_INFINITY;
    if (watermark === null) watermark = Number.NEGATIVE_INFINITY;
    closedThrough = Number.isFinite(watermark) ? dayOf(watermark - latenessMs) - 1 : Number.NEGATIVE_INFINITY;
    Object.assign(stats, s.stats);
    for (const [h, v] of s.hosts)
      hosts.set(h, { total: v.total, users: new Map(v.users), owner: v.owner, ownerCount: v.ownerCount });
    for (const [k, v] of s.peers)
      peers.set(k, { n: v.n, mean: Float64Array.from(v.mean), m2: Float64Array.from(v.m2) });
    for (const raw of s.users) {
      // biome-ignore lint/suspicious/noExplicitAny: snapshot data is our own serialised shape.
      const r = raw as any;
      const u: UserState = {
        user: r.user,
        known: directory.people.has(r.user),
        days: [],
        n: r.n,
        mean: Float64Array.from(r.mean),
        varr: Float64Array.from(r.varr),
        habitN: r.habitN,
        habitK: Float64Array.from({ length: HABITS }, (_, k) => r.habitK[k] ?? 0),
        usbDays: r.usbDays,
        uploadDays: r.uploadDays ?? 0,
        logonTotal: r.logonTotal,
        hostCounts: new Map(r.hostCounts),
        contacts: new Map(r.contacts),
        confFiles: new Map(r.confFiles),
        hist: new Map(r.hist),
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
      };
      for (const dd of r.days) {
        u.days.push({
          day: dd.day,
          x: Float64Array.from(dd.x),
          hosts: new Set(dd.hosts),
          ctxCache: new Map(dd.ctx ?? []),
          evidence: dd.evidence,
          tagCounts: Uint16Array.from(dd.tagCounts),
          attrs: directory.attributesAt(r.user, dd.day),
          watch: directory.watchlistsAt(r.user, dd.day),
          confTouched: dd.confTouched,
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
  }

  return {
    push,
    observe,
    /** Processes a batch of events in order. */
    pushBatch(events: readonly ActivityEvent[]): void {
      for (const ev of events) push(ev);
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

function INDICATOR_BY_INDEX(id: string) {
  const i = INDICATOR_INDEX.get(id);
  return i === undefined ? undefined : INDICATORS[i];
}

export type InsiderEngine = ReturnType<typeof createInsiderEngine>;
