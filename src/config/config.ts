import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Role } from "../db/schema.js";
import { parseAlertBudget } from "../insider/engine/budget-spec.js";
import { parseDetectorSettings } from "../insider/engine/detector-settings.js";
import type { AlertBudget } from "../insider/engine/engine.js";

const KNOWN_ROLES: readonly Role[] = [
  "applicant",
  "unit_officer",
  "secretariat",
  "approver",
  "auditor",
  "admin",
];

/** One configuration variable: its environment name, default and meaning (README lists them all). */
export type ConfigVariable = {
  name: string;
  default: string;
  description: string;
};

/**
 * Every setting Sekimori reads. The README table is checked against this list by a test,
 * so a variable cannot be added without being documented.
 */
export const CONFIG_VARIABLES: readonly ConfigVariable[] = [
  { name: "HOST", default: "127.0.0.1", description: "Interface the HTTP server listens on" },
  { name: "PORT", default: "3000", description: "HTTP port" },
  {
    name: "SEKIMORI_PUBLIC_URL",
    default: "http://HOST:PORT",
    description: "URL printed at start and used in e-mails; https:// here makes cookies Secure",
  },
  {
    name: "DATABASE_URL",
    default: "(unset: embedded PGlite)",
    description: "postgres://… to use a PostgreSQL server (15 or newer) instead of the embedded database",
  },
  {
    name: "SEKIMORI_DATA_DIR",
    default: "./data",
    description: "Directory for the embedded database and stored files",
  },
  {
    name: "SEKIMORI_CONFIG",
    default: "./sekimori.config.json",
    description: "Optional JSON file with any of these variables as keys; environment variables win",
  },
  {
    name: "SEKIMORI_ADMIN_PASSWORD",
    default: "(unset: random, printed once)",
    description: "Password of the initial `admin` user, created on first start",
  },
  {
    name: "SEKIMORI_DEMO",
    default: "true",
    description: "Seed a demo organisation (users, parties, sample records) on first start",
  },
  {
    name: "SEKIMORI_DEMO_PASSWORD",
    default: "(unset: same as the admin password)",
    description: "Password given to the demo users",
  },
  { name: "SEKIMORI_LOG_LEVEL", default: "info", description: "fatal, error, warn, info, debug or silent" },
  {
    name: "SEKIMORI_SESSION_IDLE_MINUTES",
    default: "480",
    description: "A session ends after this many minutes without a request",
  },
  {
    name: "SEKIMORI_SESSION_MAX_HOURS",
    default: "168",
    description: "A session ends this many hours after login, whatever the activity",
  },
  {
    name: "SEKIMORI_SESSION_CACHE_MS",
    default: "2000",
    description:
      "How long a session lookup is reused (0: every request asks the database). Logouts, role changes and disabling in this server apply at once; made by another process on the same database (CLI, a second server), after at most this long",
  },
  {
    name: "SEKIMORI_LOGIN_MAX_FAILURES",
    default: "5",
    description:
      "Failed logins from one client address for one username before that address must wait (per address, so nobody can lock others out)",
  },
  {
    name: "SEKIMORI_LOGIN_BACKOFF_SECONDS",
    default: "30",
    description: "First wait after too many failed logins; every further failure doubles it",
  },
  {
    name: "SEKIMORI_LOCKOUT_MINUTES",
    default: "15",
    description: "Longest wait one client address is given for one username after repeated failed logins",
  },
  {
    name: "SEKIMORI_MFA_REQUIRED_ROLES",
    default: "admin secretariat",
    description:
      "Roles whose local accounts must use a TOTP second factor (space-separated; empty: optional for everyone)",
  },
  {
    name: "SEKIMORI_SEPARATE_APPROVAL",
    default: "true",
    description:
      "Four-eyes rule: whoever recorded or completed a review's 取引審査 or decided its screening hits cannot approve it",
  },
  {
    name: "SEKIMORI_UNIT_SCOPE",
    default: "true",
    description:
      "Unit officers see and act on only their departments' reviews and person records (false: every department)",
  },
  {
    name: "SEKIMORI_REVEAL_HOLD_HOURS",
    default: "24",
    description:
      "Hours before reveal rights (secretariat) newly granted by an administrator can reveal an insider-risk identity; 0 = at once",
  },
  {
    name: "SEKIMORI_LOGIN_RATE_PER_MINUTE",
    default: "10",
    description: "Login attempts allowed per client address per minute",
  },
  {
    name: "SEKIMORI_RATE_PER_MINUTE",
    default: "1200",
    description: "API requests allowed per client address per minute (0 disables)",
  },
  {
    name: "SEKIMORI_BODY_LIMIT_BYTES",
    default: "1048576",
    description: "Largest JSON request body accepted (uploads have their own limits)",
  },
  {
    name: "SEKIMORI_UPLOAD_LIMIT_BYTES",
    default: "104857600",
    description: "Largest uploaded file (list imports, batch screening, attachments)",
  },
  {
    name: "SEKIMORI_REQUEST_TIMEOUT_SECONDS",
    default: "300",
    description: "Longest time a client may take to send one request (headers and body)",
  },
  {
    name: "SEKIMORI_HANDLER_TIMEOUT_SECONDS",
    default: "60",
    description:
      "Longest time the server works on one API request before answering 503 (uploads: next setting)",
  },
  {
    name: "SEKIMORI_UPLOAD_TIMEOUT_SECONDS",
    default: "900",
    description:
      "Longest time for an upload (receiving and reading the file) and other long requests (audit verification)",
  },
  {
    name: "SEKIMORI_JOB_TIMEOUT_MINUTES",
    default: "60",
    description: "Longest run of one background batch-screening job; it is then marked failed",
  },
  {
    name: "SEKIMORI_UPLOAD_CONCURRENCY",
    default: "2",
    description: "Uploaded files read (parsed) at the same time; others wait their turn",
  },
  {
    name: "SEKIMORI_TRUST_PROXY",
    default: "false",
    description: "Trust X-Forwarded-* headers (set when behind a reverse proxy)",
  },
  {
    name: "SEKIMORI_WEB_DIR",
    default: "./web/dist",
    description: "Directory of the built web app served at /",
  },
  {
    name: "SEKIMORI_LIST_KEEP_SNAPSHOTS",
    default: "3",
    description:
      "List snapshots per list whose entries are kept (for comparing versions); older ones keep only their counts",
  },
  {
    name: "SEKIMORI_LIST_UPDATE_SOURCES",
    default: "un ofac_sdn ofac_cons us_csl",
    description: "Lists `sekimori lists update` downloads (space-separated list ids)",
  },
  {
    name: "SEKIMORI_LIST_UPDATE_TIMEOUT_SECONDS",
    default: "120",
    description: "How long `sekimori lists update` waits for one download",
  },
  {
    name: "SEKIMORI_LIST_URL_UN",
    default: "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
    description: "Download location of the UN Security Council consolidated list (XML)",
  },
  {
    name: "SEKIMORI_LIST_URL_OFAC_SDN",
    default:
      "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADD.CSV https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ALT.CSV",
    description: "Download locations of OFAC's SDN list (legacy CSV: sdn, add, alt; space-separated)",
  },
  {
    name: "SEKIMORI_LIST_URL_OFAC_CONS",
    default:
      "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_PRIM.CSV https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ADD.CSV https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ALT.CSV",
    description: "Download locations of OFAC's consolidated non-SDN list (legacy CSV; space-separated)",
  },
  {
    name: "SEKIMORI_LIST_URL_US_CSL",
    default: "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv",
    description: "Download location of the US Consolidated Screening List (trade.gov CSV or JSON)",
  },
  {
    name: "SEKIMORI_SCREENING_THRESHOLD",
    default: "0.70",
    description: "Screening score (0–1) at or above which a hit is a possible match a reviewer must resolve",
  },
  {
    name: "SEKIMORI_SCREENING_WAIT_SECONDS",
    default: "20",
    description:
      "How long a screening request waits for the matching index being built at start-up before answering 503",
  },
  {
    name: "SEKIMORI_SCREENING_POLL_SECONDS",
    default: "60",
    description:
      "How often the server checks for list snapshots activated by another process (CLI import); 0 = never",
  },
  {
    name: "SEKIMORI_SCREENING_BATCH_MAX_ROWS",
    default: "100000",
    description: "Most names in one batch screening file",
  },
  {
    name: "SEKIMORI_SMTP_URL",
    default: "(unset: e-mails wait in the outbox)",
    description:
      "SMTP server for notifications, e.g. smtp://user:pass@mail.example.ac.jp:587 (smtps:// for TLS)",
  },
  {
    name: "SEKIMORI_MAIL_FROM",
    default: "sekimori@localhost",
    description: "Sender address of notification e-mails",
  },
  {
    name: "SEKIMORI_REVIEW_RETENTION_YEARS",
    default: "5",
    description: "Years a decided review (事前確認・該非判定・取引審査 records) is kept after its decision",
  },
  {
    name: "SEKIMORI_EXPORT_ISSUER",
    default: "安全保障輸出管理室 / Export Control Office",
    description: "Issuer printed on items' 該非判定書 and 非該当証明書 (organisation and office name)",
  },
  {
    name: "SEKIMORI_DISCLOSURE_INTERVAL_MONTHS",
    default: "12",
    description: "Months until a research-integrity disclosure is due again (the annual reminder)",
  },
  {
    name: "SEKIMORI_PDF_FONT",
    default: "(auto: Noto Sans CJK if installed, else the bundled BIZ UDPGothic)",
    description:
      "Japanese font for every PDF (review forms, approach-report referrals): a .ttf/.otf path, or a .ttc path followed by #PostScriptName",
  },
  {
    name: "SEKIMORI_APPROACH_ATTACHMENT_MAX_BYTES",
    default: "10485760",
    description: "Largest attachment (screenshot, message text, PDF) on an approach report",
  },
  {
    name: "SEKIMORI_APPROACH_CLUSTER_MIN_REPORTERS",
    default: "2",
    description: "Different reporters linked to the same contact before the security office is alerted",
  },
  {
    name: "SEKIMORI_APPROACH_CLUSTER_WINDOW_DAYS",
    default: "365",
    description: "Approach reports submitted within this many days of each other can be clustered",
  },
  {
    name: "SEKIMORI_AUDIT_KEY_FILE",
    default: "DATA_DIR/audit.key",
    description:
      "Secret key (created on first start, mode 0600) that MACs every audit row and signs the checkpoints; keep it outside the database and back it up separately",
  },
  {
    name: "SEKIMORI_AUDIT_CHECKPOINT_FILE",
    default: "DATA_DIR/audit-checkpoints.jsonl",
    description:
      "Append-only file of signed checkpoints of the audit chain's head; `sekimori audit verify` checks the log against it",
  },
  {
    name: "SEKIMORI_AUDIT_CHECKPOINT_SECONDS",
    default: "60",
    description: "How often the server writes a checkpoint of the audit head (when it moved)",
  },
  {
    name: "SEKIMORI_TRAINING_REMINDER_DAYS",
    default: "7",
    description: "Days between repeated reminders (task + e-mail) to people with overdue training",
  },
  {
    name: "SEKIMORI_SSO_PROVIDERS_FILE",
    default: "(unset: no single sign-on)",
    description: 'JSON file listing the OpenID Connect and SAML identity providers (README "Single sign-on")',
  },
  {
    name: "SEKIMORI_PASSWORD_LOGIN",
    default: "true",
    description:
      "false: local passwords stop working for everyone except SEKIMORI_BREAK_GLASS_USERS (sign in through SSO)",
  },
  {
    name: "SEKIMORI_BREAK_GLASS_USERS",
    default: "admin",
    description:
      "Usernames (space-separated) that may still log in with a password when SEKIMORI_PASSWORD_LOGIN=false",
  },
  {
    name: "SEKIMORI_INSIDER_BUDGET",
    default: "percentile:99.9,floor:20",
    description:
      "Insider-risk investigation budget: percentile:P (top 100−P % of user-days), top:N (N user-days a day) or fixed:POINTS, optionally ,floor:N; case patterns always alert",
  },
  {
    name: "SEKIMORI_INSIDER_DETECTORS_FILE",
    default: "",
    description:
      "JSON file of insider detector settings by detector id, e.g. remote-identity approvedAsns (own VPN egress), hostingAsns, officeNetworks, sharedDevices (docs/insider-risk.md)",
  },
];

export type Config = {
  host: string;
  port: number;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminPassword: string | undefined;
  demo: boolean;
  demoPassword: string | undefined;
  logLevel: string;
  webDir: string;
  session: { idleMinutes: number; maxHours: number; cacheMs: number; cookieSecure: boolean };
  login: { maxFailures: number; lockoutMinutes: number; backoffSeconds: number; ratePerMinute: number };
  /** Second factor, separation of duties and object-level scoping (src/auth, docs/architecture.md). */
  access: {
    mfaRequiredRoles: Role[];
    separateApproval: boolean;
    unitScope: boolean;
    revealHoldHours: number;
  };
  http: {
    bodyLimitBytes: number;
    uploadLimitBytes: number;
    ratePerMinute: number;
    trustProxy: boolean;
    requestTimeoutSeconds: number;
    handlerTimeoutSeconds: number;
    uploadTimeoutSeconds: number;
    uploadConcurrency: number;
    jobTimeoutMinutes: number;
  };
  lists: {
    keepSnapshots: number;
    updateSources: string[];
    updateTimeoutSeconds: number;
    /** Download locations per list id (several files for OFAC's CSV set). */
    urls: Record<string, string[]>;
  };
  mail: { smtpUrl: string | undefined; from: string };
  screening: { threshold: number; waitSeconds: number; pollSeconds: number; batchMaxRows: number };
  pdf: { fontPath: string | undefined };
  reviews: { retentionYears: number };
  exportControl: { issuer: string };
  people: { disclosureIntervalMonths: number };
  approaches: { attachmentMaxBytes: number; clusterMinReporters: number; clusterWindowDays: number };
  training: { reminderDays: number };
  audit: { keyFile: string; checkpointFile: string; checkpointSeconds: number };
  insider: { budget: AlertBudget; detectors: Record<string, Record<string, unknown>> };
  /** Single sign-on (src/sso): provider file and the local-password policy. */
  sso: { providersFile: string | undefined; passwordLogin: boolean; breakGlassUsers: string[] };
};

function smtpUrl(value: string | undefined): string | undefined {
  if (value && !/^smtps?:\/\//.test(value)) {
    throw new ConfigError("SEKIMORI_SMTP_URL: expected an smtp:// or smtps:// URL");
  }
  return value;
}

function fraction(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > 1) {
    throw new ConfigError(`${name}: expected a number above 0 and at most 1, got "${raw}"`);
  }
  return n;
}

/** Raised for a setting that cannot be understood, naming the variable and where it came from. */
export class ConfigError extends Error {}

type Source = Record<string, string | undefined>;

function readConfigFile(file: string): Source {
  if (!existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ConfigError(`${file}: expected a JSON object of setting names to values`);
  }
  const known = new Set(CONFIG_VARIABLES.map((v) => v.name));
  const out: Source = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!known.has(key)) throw new ConfigError(`${file}: unknown setting "${key}"`);
    out[key] = value === null ? undefined : String(value);
  }
  return out;
}

/**
 * Reads settings from the environment and the optional config file, so that operators have one
 * documented place for every knob and a clear error for a bad value.
 */
export function loadConfig(env: Source = process.env): Config {
  const fileName = env.SEKIMORI_CONFIG ?? "sekimori.config.json";
  const fromFile = readConfigFile(path.resolve(fileName));
  const get = (name: string): string | undefined => {
    const value = env[name] ?? fromFile[name];
    return value === undefined || value === "" ? undefined : value;
  };
  const int = (name: string, fallback: number, min = 0): number => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) {
      throw new ConfigError(`${name}: expected an integer ≥ ${min}, got "${raw}"`);
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    throw new ConfigError(`${name}: expected true or false, got "${raw}"`);
  };
  const defaultOf = (name: string): string => CONFIG_VARIABLES.find((v) => v.name === name)!.default;
  const insiderBudget = (): AlertBudget => {
    try {
      return parseAlertBudget(get("SEKIMORI_INSIDER_BUDGET") ?? defaultOf("SEKIMORI_INSIDER_BUDGET"));
    } catch (e) {
      throw new ConfigError(`SEKIMORI_INSIDER_BUDGET: ${(e as Error).message}`);
    }
  };
  const insiderDetectors = (): Record<string, Record<string, unknown>> => {
    const file = get("SEKIMORI_INSIDER_DETECTORS_FILE");
    if (!file) return {};
    try {
      return parseDetectorSettings(JSON.parse(readFileSync(file, "utf8")));
    } catch (e) {
      throw new ConfigError(`SEKIMORI_INSIDER_DETECTORS_FILE ${file}: ${(e as Error).message}`);
    }
  };
  const urls = (name: string): string[] => {
    const list = (get(name) ?? defaultOf(name)).split(/\s+/).filter(Boolean);
    for (const u of list) {
      if (!/^https?:\/\//.test(u)) throw new ConfigError(`${name}: expected http(s):// URLs, got "${u}"`);
    }
    return list;
  };
  const roles = (name: string): Role[] => {
    // An empty value (set to "") means no role: read it before `get` turns "" into "unset".
    const raw = env[name] ?? fromFile[name];
    const list = (raw ?? defaultOf(name)).split(/[\s,]+/).filter(Boolean);
    for (const r of list) {
      if (!KNOWN_ROLES.includes(r as Role)) {
        throw new ConfigError(`${name}: unknown role "${r}" (known: ${KNOWN_ROLES.join(", ")})`);
      }
    }
    return [...new Set(list)] as Role[];
  };
  const host = get("HOST") ?? "127.0.0.1";
  const port = int("PORT", 3000, 0);
  const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  const publicUrl = (get("SEKIMORI_PUBLIC_URL") ?? `http://${shownHost}:${port}`).replace(/\/+$/, "");
  const logLevel = get("SEKIMORI_LOG_LEVEL") ?? "info";
  if (!["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(logLevel)) {
    throw new ConfigError(`SEKIMORI_LOG_LEVEL: unknown level "${logLevel}"`);
  }
  const databaseUrl = get("DATABASE_URL");
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError("DATABASE_URL: expected a postgres:// or postgresql:// URL");
  }
  const dataDir = path.resolve(get("SEKIMORI_DATA_DIR") ?? "data");
  return {
    host,
    port,
    publicUrl,
    databaseUrl,
    dataDir,
    adminPassword: get("SEKIMORI_ADMIN_PASSWORD"),
    demo: bool("SEKIMORI_DEMO", true),
    demoPassword: get("SEKIMORI_DEMO_PASSWORD"),
    logLevel,
    webDir: path.resolve(get("SEKIMORI_WEB_DIR") ?? "web/dist"),
    session: {
      idleMinutes: int("SEKIMORI_SESSION_IDLE_MINUTES", 480, 1),
      maxHours: int("SEKIMORI_SESSION_MAX_HOURS", 168, 1),
      cacheMs: int("SEKIMORI_SESSION_CACHE_MS", 2000, 0),
      cookieSecure: publicUrl.startsWith("https://"),
    },
    login: {
      maxFailures: int("SEKIMORI_LOGIN_MAX_FAILURES", 5, 1),
      lockoutMinutes: int("SEKIMORI_LOCKOUT_MINUTES", 15, 1),
      backoffSeconds: int("SEKIMORI_LOGIN_BACKOFF_SECONDS", 30, 1),
      ratePerMinute: int("SEKIMORI_LOGIN_RATE_PER_MINUTE", 10, 1),
    },
    access: {
      mfaRequiredRoles: roles("SEKIMORI_MFA_REQUIRED_ROLES"),
      separateApproval: bool("SEKIMORI_SEPARATE_APPROVAL", true),
      unitScope: bool("SEKIMORI_UNIT_SCOPE", true),
      revealHoldHours: int("SEKIMORI_REVEAL_HOLD_HOURS", 24, 0),
    },
    http: {
      bodyLimitBytes: int("SEKIMORI_BODY_LIMIT_BYTES", 1024 * 1024, 1024),
      uploadLimitBytes: int("SEKIMORI_UPLOAD_LIMIT_BYTES", 100 * 1024 * 1024, 1024),
      ratePerMinute: int("SEKIMORI_RATE_PER_MINUTE", 1200, 0),
      trustProxy: bool("SEKIMORI_TRUST_PROXY", false),
      requestTimeoutSeconds: int("SEKIMORI_REQUEST_TIMEOUT_SECONDS", 300, 1),
      handlerTimeoutSeconds: int("SEKIMORI_HANDLER_TIMEOUT_SECONDS", 60, 1),
      uploadTimeoutSeconds: int("SEKIMORI_UPLOAD_TIMEOUT_SECONDS", 900, 1),
      uploadConcurrency: int("SEKIMORI_UPLOAD_CONCURRENCY", 2, 1),
      jobTimeoutMinutes: int("SEKIMORI_JOB_TIMEOUT_MINUTES", 60, 1),
    },
    lists: {
      keepSnapshots: int("SEKIMORI_LIST_KEEP_SNAPSHOTS", 3, 1),
      updateSources: (get("SEKIMORI_LIST_UPDATE_SOURCES") ?? defaultOf("SEKIMORI_LIST_UPDATE_SOURCES"))
        .split(/\s+/)
        .filter(Boolean),
      updateTimeoutSeconds: int("SEKIMORI_LIST_UPDATE_TIMEOUT_SECONDS", 120, 1),
      urls: {
        un: urls("SEKIMORI_LIST_URL_UN"),
        ofac_sdn: urls("SEKIMORI_LIST_URL_OFAC_SDN"),
        ofac_cons: urls("SEKIMORI_LIST_URL_OFAC_CONS"),
        us_csl: urls("SEKIMORI_LIST_URL_US_CSL"),
      },
    },
    screening: {
      threshold: fraction(get("SEKIMORI_SCREENING_THRESHOLD"), "SEKIMORI_SCREENING_THRESHOLD", 0.7),
      waitSeconds: int("SEKIMORI_SCREENING_WAIT_SECONDS", 20, 0),
      pollSeconds: int("SEKIMORI_SCREENING_POLL_SECONDS", 60, 0),
      batchMaxRows: int("SEKIMORI_SCREENING_BATCH_MAX_ROWS", 100_000, 1),
    },
    mail: {
      smtpUrl: smtpUrl(get("SEKIMORI_SMTP_URL")),
      from: get("SEKIMORI_MAIL_FROM") ?? "sekimori@localhost",
    },
    pdf: { fontPath: get("SEKIMORI_PDF_FONT") },
    reviews: { retentionYears: int("SEKIMORI_REVIEW_RETENTION_YEARS", 5, 1) },
    exportControl: { issuer: get("SEKIMORI_EXPORT_ISSUER") ?? defaultOf("SEKIMORI_EXPORT_ISSUER") },
    people: { disclosureIntervalMonths: int("SEKIMORI_DISCLOSURE_INTERVAL_MONTHS", 12, 1) },
    approaches: {
      attachmentMaxBytes: int("SEKIMORI_APPROACH_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024, 1024),
      clusterMinReporters: int("SEKIMORI_APPROACH_CLUSTER_MIN_REPORTERS", 2, 2),
      clusterWindowDays: int("SEKIMORI_APPROACH_CLUSTER_WINDOW_DAYS", 365, 1),
    },
    training: { reminderDays: int("SEKIMORI_TRAINING_REMINDER_DAYS", 7, 1) },
    audit: {
      keyFile: path.resolve(get("SEKIMORI_AUDIT_KEY_FILE") ?? path.join(dataDir, "audit.key")),
      checkpointFile: path.resolve(
        get("SEKIMORI_AUDIT_CHECKPOINT_FILE") ?? path.join(dataDir, "audit-checkpoints.jsonl"),
      ),
      checkpointSeconds: int("SEKIMORI_AUDIT_CHECKPOINT_SECONDS", 60, 1),
    },
    insider: { budget: insiderBudget(), detectors: insiderDetectors() },
    sso: {
      providersFile: get("SEKIMORI_SSO_PROVIDERS_FILE"),
      passwordLogin: bool("SEKIMORI_PASSWORD_LOGIN", true),
      breakGlassUsers: (get("SEKIMORI_BREAK_GLASS_USERS") ?? "admin").split(/[\s,]+/).filter(Boolean),
    },
  };
}
