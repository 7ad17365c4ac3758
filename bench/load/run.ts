/**
 * `npm run bench:load` — the HTTP API under a steady load, on the embedded database (PGlite) and on
 * PostgreSQL.
 *
 * For each database a real server (`sekimori serve`, built) is started on 127.0.0.1 with the demo
 * organisation and, when `../shared/data` is there, the UN and OFAC SDN lists. Each scenario —
 * screening search, yente-style match, reviews list, approach submission (draft + submit) — is
 * driven open-loop: requests are sent on a fixed schedule whatever the answers, and each latency is
 * measured from the moment the request was due, so a slow server cannot hide its queue
 * (no "coordinated omission"). Then a soak runs all scenarios mixed while the server's RSS is
 * sampled, to show whether memory stays flat.
 *
 * Targets (issue 11 §6): p99 ≤ 100 ms at 100 req/s on PGlite and at 300 req/s on PostgreSQL, no
 * errors, memory flat over a 10-minute run. Options:
 *   --duration S      seconds per scenario (default 20)
 *   --soak S          seconds of the mixed soak (default 60; 600 for the 10-minute run)
 *   --rates pglite=100,postgres=300   (a database left out is not run: --rates postgres=300 runs
 *                     PostgreSQL only, --rates pglite=100 the embedded database only)
 *   --pg URL          a PostgreSQL server to create a scratch database on (default
 *                     $BENCH_DATABASE_URL, else postgres://postgres@127.0.0.1:55432/postgres);
 *                     --pg none skips PostgreSQL
 *   --port N          first port to try (default 3120)
 *   --scenarios a,b   only these scenarios (names as in the table, e.g. "screening search")
 *   --soak-rates pglite=100,postgres=300   the soak's rate per database (default: --rates)
 *   --soak-scenarios a,b   the soak's mix (default: all scenarios)
 * The 10-minute soak of the targets: `npm run bench:load -- --soak 600 --write-docs` (both databases
 * at the target rates). Server CPU per request is read from /proc for the Node process and, when
 * PostgreSQL runs on this machine, for its backends on the bench database: on a shared machine CPU
 * per request × rate (the "cores at rate" column) says whether a rate is sustainable, where latency
 * only says how busy the machine was.
 * BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles the server; BENCH_LISTS=demo skips the
 * real lists. After each scenario the bench waits for the server's background jobs (approach reports'
 * party linking and screening) to finish and reports that time and CPU separately.
 *   --write-docs      write the results into docs/benchmarks.md (between the load-bench markers)
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const BIN = path.join(ROOT, "bin/sekimori.js");

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "20" },
    soak: { type: "string", default: "60" },
    rates: { type: "string", default: "pglite=100,postgres=300" },
    pg: { type: "string" },
    port: { type: "string", default: "3120" },
    scenarios: { type: "string" },
    "soak-rates": { type: "string" },
    "soak-scenarios": { type: "string" },
    "write-docs": { type: "boolean", default: false },
  },
});
const DURATION = Number(values.duration);
const SOAK = Number(values.soak);
function parseRates(text: string): Record<string, number> {
  return Object.fromEntries(
    text.split(",").map((kv) => {
      const [k, v] = kv.split("=");
      return [k, Number(v)];
    }),
  ) as Record<string, number>;
}
const RATES = parseRates(values.rates);
/** The soak's rate per database (default: the scenarios' rate) and its scenarios (default: all). */
const SOAK_RATES = values["soak-rates"] ? parseRates(values["soak-rates"]) : RATES;
const SOAK_SCENARIOS_CHOSEN = values["soak-scenarios"]?.split(",");
const PG_URL = values.pg ?? process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:55432/postgres";
const PASSWORD = "bench-password-0123456789";
const TARGET_P99_MS = 100;

// ── A minimal HTTP client on keep-alive sockets ───────────────────────────────────────────────────

type Session = { cookie: string; csrf: string };
type Answer = { status: number; body: string };

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

function call(
  port: number,
  method: string,
  url: string,
  options: { session?: Session; json?: unknown } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = options.json === undefined ? undefined : Buffer.from(JSON.stringify(options.json));
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path: url,
        agent,
        headers: {
          ...(body ? { "content-type": "application/json", "content-length": body.length } : {}),
          ...(options.session
            ? { cookie: options.session.cookie, "x-csrf-token": options.session.csrf }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error("client timeout (30 s)")));
    req.end(body);
  });
}

async function login(port: number, username: string): Promise<Session> {
  const res = await new Promise<http.IncomingMessage & { body: string }>((resolve, reject) => {
    const body = Buffer.from(JSON.stringify({ username, password: PASSWORD }));
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/auth/login",
        agent,
        headers: { "content-type": "application/json", "content-length": body.length },
      },
      (r) => {
        let text = "";
        r.on("data", (c) => {
          text += c;
        });
        r.on("end", () => resolve(Object.assign(r, { body: text })));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = [res.headers["set-cookie"] ?? []]
    .flat()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { cookie, csrf: (JSON.parse(res.body) as { csrfToken: string }).csrfToken };
}

// ── Scenarios ─────────────────────────────────────────────────────────────────────────────────────

const NAMES = [
  "軍需工業部",
  "Munitions Industry Department",
  "KIM JONG SIK",
  "Korea Mining Development Trading Corporation",
  "ハルビン工業大学",
  "哈尔滨工业大学",
  "Nordic Photonics AB",
  "株式会社さくら精密",
  "Владимир Путин",
  "Islamic Revolutionary Guard Corps",
  "Sberbank",
  "Rosoboronexport",
  "Huawei Technologies",
  "Acme Trading Ltd",
  "Mohammed Al Rashid",
  "北京航空航天大学",
];

type Users = { officer: Session[]; applicant: Session[] };
/** One answered request with its latency. */
type Timed = { answer: Answer; ms: number };

/**
 * Runs requests one after another as one operation: the first request's latency counts from the
 * time the operation was due, each next one's from the previous answer.
 */
async function sequence(
  due: number,
  steps: ((previous: Answer | undefined) => Promise<Answer> | undefined)[],
) {
  const out: Timed[] = [];
  let from = due;
  let previous: Answer | undefined;
  for (const step of steps) {
    const pending = step(previous);
    if (!pending) break;
    previous = await pending;
    const now = performance.now();
    out.push({ answer: previous, ms: now - from });
    from = now;
  }
  return out;
}

const SENDERS = [
  "Kevin Lee",
  "Anna Petrova",
  "Wang Lei",
  "John Smith",
  "Maria Garcia",
  "Ahmed Hassan",
  "Park Ji-hoon",
];
const ORGS = [
  "Talent Bridge Consulting",
  "Global Expert Network",
  "Horizon Tech Partners",
  "Blue River Trading",
  "Apex Research",
];
const TOPICS = [
  "solid-state electrolytes",
  "gallium nitride wafers",
  "satellite attitude control",
  "vaccine adjuvants",
  "quantum sensors",
  "turbine coatings",
  "drone navigation",
  "lithography resists",
];
const WORDS =
  "please review our offer consultation fee travel covered private email wechat urgent confidential sample data drawings specification visit lab meeting conference introduce colleague".split(
    " ",
  );

/**
 * The hostile case (kept on purpose: a flood of reports about one campaign is a valid abuse test):
 * names and organisations vary, but every sender writes from one non-free mail domain
 * (example.com), asks for the same thing about one of eight topics in near-identical words — so
 * every report joins one cluster that grows by the submission rate. The product must stay bounded.
 */
function report(i: number) {
  const words = Array.from({ length: 30 }, (_, k) => WORDS[(i * 7 + k * 13) % WORDS.length]).join(" ");
  return {
    channel: ["professional_network", "email", "conference", "in_person", "headhunter"][i % 5],
    occurredOn: `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`,
    sender: {
      name: `${SENDERS[i % SENDERS.length]} ${i}`,
      organisation: `${ORGS[i % ORGS.length]} ${Math.floor(i / 7)} Ltd.`,
      email: `sender${i}@example.com`,
    },
    offered: ["adviser_role", "fee", "travel"].slice(0, (i % 3) + 1),
    asked: ["information"],
    messageText: `Dear Dr. ${i}, about your work on ${TOPICS[i % TOPICS.length]}: ${words}.`,
    answers: { A1: "yes", A2: i % 2 ? "yes" : "no", A5: "unsure" },
  };
}

/** Each scenario: how one operation is done (an approach submission is two requests in a row). */
const SCENARIOS: Record<
  string,
  { requestsPerOp: number; op: (port: number, u: Users, i: number, due: number) => Promise<Timed[]> }
> = {
  "screening search": {
    requestsPerOp: 1,
    op: (port, u, i, due) =>
      sequence(due, [
        () =>
          call(
            port,
            "GET",
            `/api/screening/search?q=${encodeURIComponent(NAMES[i % NAMES.length]!)}&limit=10`,
            {
              session: u.officer[i % u.officer.length],
            },
          ),
      ]),
  },
  "screening match": {
    requestsPerOp: 1,
    op: (port, u, i, due) =>
      sequence(due, [
        () =>
          call(port, "POST", "/api/screening/match", {
            session: u.officer[i % u.officer.length],
            json: {
              queries: {
                q1: { schema: "LegalEntity", properties: { name: [NAMES[i % NAMES.length]!] } },
                q2: {
                  schema: "Person",
                  properties: { name: [NAMES[(i + 3) % NAMES.length]!], birthDate: ["1967"] },
                },
              },
              limit: 5,
            },
          }),
      ]),
  },
  "reviews list": {
    requestsPerOp: 1,
    op: (port, u, i, due) =>
      sequence(due, [
        () =>
          call(port, "GET", "/api/reviews?scope=all&page=1&pageSize=25", {
            session: u.officer[i % u.officer.length],
          }),
      ]),
  },
  "approach submission": submission(report),
  // What an organisation really sees: many small campaigns (5 reports each: one sender, one
  // organisation, one domain, one message) among single reports — clusters stay small.
  "approach submission (campaigns)": submission(campaignReport),
};

/** A report from one of many small campaigns: campaign c shares its sender, domain and message. */
function campaignReport(i: number) {
  const c = Math.floor(i / 5);
  const words = Array.from(
    { length: 30 },
    (_, k) => `${WORDS[(c * 5 + k * 7) % WORDS.length]}${(c * 31 + k) % 97}`,
  );
  return {
    ...report(i),
    sender: {
      name: `${SENDERS[c % SENDERS.length]} ${c}`,
      organisation: `${ORGS[c % ORGS.length]} ${c} Ltd.`,
      email: `contact${i % 5}@campaign${c}.example.org`,
    },
    messageText: `Campaign ${c}: ${words.join(" ")}.`,
  };
}

function submission(make: (i: number) => unknown) {
  return {
    requestsPerOp: 2,
    op: (port: number, u: Users, i: number, due: number) => {
      const session = u.applicant[i % u.applicant.length]!;
      return sequence(due, [
        () => call(port, "POST", "/api/approaches", { session, json: make(i) }),
        (draft) => {
          if (draft?.status !== 201) return undefined;
          const { id, version } = JSON.parse(draft.body) as { id: string; version: number };
          return call(port, "POST", `/api/approaches/${id}/submit`, { session, json: { version } });
        },
      ]);
    },
  };
}

// ── Open-loop driver ──────────────────────────────────────────────────────────────────────────────

type RunResult = {
  scenario: string;
  rate: number;
  seconds: number;
  requests: number;
  errors: number;
  errorSamples: string[];
  p50: number;
  p90: number;
  p99: number;
  max: number;
  achieved: number;
  /** Server CPU time (user + system) per request: unlike latency, hardly affected by other load. */
  cpuMsPerRequest: number;
  /**
   * PostgreSQL's own CPU per request: its backends serving the bench database (read from /proc, so
   * only when PostgreSQL runs on this machine and is visible to the bench; NaN otherwise).
   */
  dbCpuMsPerRequest: number;
  /** Background jobs left when the scenario ended: the time and server CPU to finish them. */
  drainSeconds?: number;
  drainCpuMs?: number;
  drainDbCpuMs?: number;
  /** The machine's 1-minute load average when the run started and when it ended. */
  loadStart: number;
  loadEnd: number;
};

/** Waits (at most 300 s) until no background job is pending; the time and server CPU it took. */
async function waitForJobs(port: number, session: Session, pid: number, dbCpu?: () => Promise<number>) {
  const start = performance.now();
  const cpuBefore = cpuMs(pid);
  const dbBefore = dbCpu ? await dbCpu() : Number.NaN;
  let left = 0;
  while (performance.now() - start < 300_000) {
    // an overloaded server may not answer the status request in time: it is still busy, ask again
    const res = await call(port, "GET", "/api/jobs/status", { session }).catch(() => null);
    if (!res) continue;
    if (res.status !== 200) break;
    left = (JSON.parse(res.body) as { pending: number }).pending;
    if (left === 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    seconds: (performance.now() - start) / 1000,
    cpuMs: cpuMs(pid) - cpuBefore,
    dbCpuMs: (dbCpu ? await dbCpu() : Number.NaN) - dbBefore,
    jobsLeft: left,
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Sends operations at `rate` requests per second for `seconds`, each due at a fixed time; latency of
 * a request = its answer time minus the time it was due (for the second request of an operation,
 * minus the time the first answered).
 */
async function openLoop(
  port: number,
  users: Users,
  scenarios: string[],
  rate: number,
  seconds: number,
  serverPid?: number,
  dbCpu?: () => Promise<number>,
): Promise<RunResult> {
  const loadStart = os.loadavg()[0]!;
  const cpuBefore = serverPid ? cpuMs(serverPid) : 0;
  const dbBefore = dbCpu ? await dbCpu() : Number.NaN;
  const perOp = scenarios.reduce((n, s) => n + SCENARIOS[s]!.requestsPerOp, 0) / scenarios.length;
  const opRate = rate / perOp;
  const total = Math.round(opRate * seconds);
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let requests = 0;
  const start = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / opRate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const scenario = scenarios[i % scenarios.length]!;
    inflight.push(
      (async () => {
        try {
          for (const { answer, ms } of await SCENARIOS[scenario]!.op(port, users, i, due)) {
            requests++;
            latencies.push(ms);
            if (answer.status >= 400) {
              errors++;
              if (errorSamples.length < 3) errorSamples.push(`${answer.status} ${answer.body.slice(0, 160)}`);
            }
          }
        } catch (error) {
          requests++;
          errors++;
          if (errorSamples.length < 3) errorSamples.push((error as Error).message);
        }
      })(),
    );
  }
  await Promise.all(inflight);
  const elapsed = (performance.now() - start) / 1000;
  const dbAfter = dbCpu ? await dbCpu() : Number.NaN;
  latencies.sort((a, b) => a - b);
  return {
    scenario: scenarios.length === 1 ? scenarios[0]! : "mixed",
    rate,
    seconds,
    requests,
    errors,
    errorSamples,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    achieved: requests / elapsed,
    cpuMsPerRequest: serverPid && requests > 0 ? (cpuMs(serverPid) - cpuBefore) / requests : Number.NaN,
    dbCpuMsPerRequest: requests > 0 ? (dbAfter - dbBefore) / requests : Number.NaN,
    loadStart,
    loadEnd: os.loadavg()[0]!,
  };
}

// ── Server lifecycle ──────────────────────────────────────────────────────────────────────────────

/** CPU time (user + system) a process has used, in ms (Linux: /proc/PID/stat, 100 ticks a second). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function waitHealthy(port: number, child: ChildProcess, log: () => string): Promise<void> {
  // Start-up (migrations, demo data, list import, screening index) is slow on a loaded machine:
  // BENCH_START_TIMEOUT_S (default 900) bounds the wait.
  const until = Date.now() + Number(process.env.BENCH_START_TIMEOUT_S ?? 900) * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await call(port, "GET", "/api/health");
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not become healthy:\n${log()}`);
}

function listsToImport(): { file: string; format: string }[] {
  const shared = process.env.SEKIMORI_SHARED_DATA ?? path.join(ROOT, "../shared/data");
  if (process.env.BENCH_LISTS === "demo") return [];
  const out: { file: string; format: string }[] = [];
  const un = path.join(shared, "lists/un/consolidated-2026-02-27.xml");
  if (existsSync(un)) out.push({ file: un, format: "un_xml" });
  const sdn = path.join(shared, "lists/ofac/sdn-2021-07/sdn.csv");
  if (existsSync(sdn)) out.push({ file: sdn, format: "ofac_csv" });
  return out;
}

type Backend = {
  name: "pglite" | "postgres";
  env: Record<string, string>;
  cleanup: () => Promise<void>;
  /** PostgreSQL: CPU ms its backends on the bench database have used so far (see dbCpuMsPerRequest). */
  dbCpu?: () => Promise<number>;
};

/**
 * CPU (ms) used so far by the PostgreSQL backends serving `db`, read from /proc: every backend seen
 * is remembered with its last reading, so one that exits keeps what it used until its last reading.
 * Undefined when PostgreSQL's processes are not visible here (another machine or container).
 */
async function postgresCpu(admin: pg.Client, db: string): Promise<(() => Promise<number>) | undefined> {
  const seen = new Map<number, number>();
  const read = async () => {
    const { rows } = await admin.query<{ pid: number }>(
      "select pid from pg_stat_activity where datname = $1",
      [db],
    );
    for (const { pid } of rows) {
      try {
        seen.set(pid, cpuMs(pid));
      } catch {
        // exited since the query, or not visible
      }
    }
    let total = 0;
    for (const v of seen.values()) total += v;
    return total;
  };
  const { rows } = await admin.query<{ pid: number }>("select pg_backend_pid() as pid");
  return existsSync(`/proc/${rows[0]!.pid}/stat`) ? read : undefined;
}

async function backend(name: "pglite" | "postgres", dataDir: string): Promise<Backend | undefined> {
  if (name === "pglite") return { name, env: {}, cleanup: async () => undefined };
  if (PG_URL === "none") return undefined;
  const db = `sekimori_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch (error) {
    console.error(`PostgreSQL at ${PG_URL} is not reachable (${(error as Error).message}); skipping it`);
    return undefined;
  }
  await admin.query(`create database ${db}`);
  const url = new URL(PG_URL);
  url.pathname = `/${db}`;
  return {
    name,
    env: { DATABASE_URL: url.toString(), SEKIMORI_DATA_DIR: dataDir },
    dbCpu: await postgresCpu(admin, db),
    cleanup: async () => {
      await admin.end();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${db} with (force)`);
      await c.end();
    },
  };
}

type BackendResult = {
  name: string;
  rate: number;
  lists: string;
  runs: RunResult[];
  soak: RunResult & {
    rssSamples: number[];
    rssStart: number;
    rssEnd: number;
    rssMax: number;
    growthPct: number;
  };
};

async function benchBackend(name: "pglite" | "postgres", port: number): Promise<BackendResult | undefined> {
  const dir = mkdtempSync(path.join(tmpdir(), `sekimori-load-${name}-`));
  const be = await backend(name, path.join(dir, "data"));
  if (!be) {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: "127.0.0.1",
    PORT: String(port),
    SEKIMORI_CONFIG: path.join(dir, "none.json"),
    SEKIMORI_DATA_DIR: path.join(dir, "data"),
    SEKIMORI_DEMO: "true",
    SEKIMORI_ADMIN_PASSWORD: PASSWORD,
    SEKIMORI_DEMO_PASSWORD: PASSWORD,
    SEKIMORI_LOG_LEVEL: "warn",
    SEKIMORI_RATE_PER_MINUTE: "0",
    SEKIMORI_LOGIN_RATE_PER_MINUTE: "1000",
    SEKIMORI_WEB_DIR: path.join(dir, "no-web"),
    ...be.env,
  };
  delete env.NODE_OPTIONS;
  let child: ChildProcess | undefined;
  try {
    // Lists first, through the CLI (the server is not running yet, so the database has one writer).
    const lists = listsToImport();
    for (const l of lists) {
      console.log(`[${name}] importing ${path.basename(l.file)} (${l.format})`);
      execFileSync(process.execPath, [BIN, "lists", "import", l.file, "--format", l.format], {
        env,
        stdio: "ignore",
      });
    }
    let log = "";
    // BENCH_NODE_ARGS: e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
    child = spawn(process.execPath, [...nodeArgs, BIN, "serve"], { env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.on("data", (c) => {
      log = (log + c).slice(-4000);
    });
    child.stderr?.on("data", (c) => {
      log = (log + c).slice(-4000);
    });
    await waitHealthy(port, child, () => log);
    const users: Users = {
      officer: [await login(port, "suzuki"), await login(port, "suzuki"), await login(port, "suzuki")],
      applicant: [await login(port, "tanaka"), await login(port, "tanaka"), await login(port, "tanaka")],
    };
    const rate = RATES[name] ?? 100;
    // Let start-up work (index build, first re-screening) finish, then warm up every path.
    for (let i = 0; i < 120; i++) {
      const st = JSON.parse(
        (await call(port, "GET", "/api/screening/status", { session: users.officer[0] })).body,
      );
      if (st?.index?.state === "ready") break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await openLoop(port, users, Object.keys(SCENARIOS), Math.min(rate, 50), 5);
    // The warm-up's approach submissions leave background jobs: finish them now, or the first
    // scenario's server CPU per request would include them.
    await waitForJobs(port, users.officer[0]!, child.pid!);
    const dbCpu = be.dbCpu;
    const runs: RunResult[] = [];
    const chosen = values.scenarios ? values.scenarios.split(",") : Object.keys(SCENARIOS);
    for (const scenario of chosen) {
      const r = await openLoop(port, users, [scenario], rate, DURATION, child.pid, dbCpu);
      console.log(
        `[${name}] ${scenario} @ ${rate}/s: p50 ${r.p50.toFixed(1)} p99 ${r.p99.toFixed(1)} max ${r.max.toFixed(0)} ms, ${r.errors} errors, server CPU ${r.cpuMsPerRequest.toFixed(2)} ms/request${dbCpu ? ` + PostgreSQL ${r.dbCpuMsPerRequest.toFixed(2)} ms/request` : ""} (load ${r.loadStart.toFixed(1)} → ${r.loadEnd.toFixed(1)})`,
      );
      runs.push(r);
      // Approach submissions leave party linking and screening to the background worker: wait for it
      // and report its share, so the request's cost and the whole cost are both known.
      const drain = await waitForJobs(port, users.officer[0]!, child.pid!, dbCpu);
      if (drain.jobsLeft > 0 || drain.seconds > 0.5)
        console.log(
          `[${name}]   background jobs after "${scenario}": drained in ${drain.seconds.toFixed(1)} s using ${drain.cpuMs} ms of server CPU${dbCpu ? ` + ${drain.dbCpuMs} ms of PostgreSQL` : ""} (${drain.jobsLeft} still pending)`,
        );
      r.drainCpuMs = drain.cpuMs;
      r.drainDbCpuMs = drain.dbCpuMs;
      r.drainSeconds = drain.seconds;
    }
    const rssSamples: number[] = [];
    const pid = child.pid!;
    const sampler = setInterval(() => rssSamples.push(rssMiB(pid)), 1000);
    rssSamples.push(rssMiB(pid));
    const soakRate = SOAK_RATES[name] ?? rate;
    const soak = await openLoop(
      port,
      users,
      SOAK_SCENARIOS_CHOSEN ?? Object.keys(SCENARIOS),
      soakRate,
      SOAK,
      pid,
      dbCpu,
    );
    clearInterval(sampler);
    rssSamples.push(rssMiB(pid));
    // Flat = the median RSS of the last quarter against the median of the second quarter.
    const q = Math.max(1, Math.floor(rssSamples.length / 4));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const early = median(rssSamples.slice(q, 2 * q));
    const late = median(rssSamples.slice(-q));
    const soakResult = {
      ...soak,
      rssSamples,
      rssStart: rssSamples[0]!,
      rssEnd: rssSamples.at(-1)!,
      rssMax: Math.max(...rssSamples),
      growthPct: early > 0 ? ((late - early) / early) * 100 : 0,
    };
    console.log(
      `[${name}] soak ${SOAK} s @ ${soakRate}/s mixed: p99 ${soak.p99.toFixed(1)} ms, ${soak.errors} errors; RSS ${soakResult.rssStart} → ${soakResult.rssEnd} MiB (max ${soakResult.rssMax}, ${soakResult.growthPct.toFixed(1)} % from the 2nd to the last quarter)`,
    );
    return {
      name,
      rate,
      lists:
        lists.length > 0
          ? `demo lists + ${lists.map((l) => path.basename(l.file)).join(", ")}`
          : "demo lists only",
      runs,
      soak: soakResult,
    };
  } finally {
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child!.once("exit", r));
    }
    await be.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ── Report ────────────────────────────────────────────────────────────────────────────────────────

/** CPU cores a scenario needs at its rate: server, PostgreSQL and background-job CPU per request × rate. */
function coresAtRate(r: RunResult): number {
  const perRequest =
    r.cpuMsPerRequest +
    (Number.isNaN(r.dbCpuMsPerRequest) ? 0 : r.dbCpuMsPerRequest) +
    (r.requests > 0 ? ((r.drainCpuMs ?? 0) + (r.drainDbCpuMs || 0)) / r.requests : 0);
  return (perRequest * r.rate) / 1000;
}

function markdown(results: BackendResult[], started: Date, load: number[]): string {
  const cpu = os.cpus();
  const loaded = load[0]! > 1.2;
  const lines = [
    "### Load — `npm run bench:load`",
    "",
    `Run ${started.toISOString().slice(0, 16).replace("T", " ")} UTC, Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM; load average at the start ${load.map((l) => l.toFixed(2)).join(" / ")}${loaded ? " — **(loaded machine, indicative; lead re-runs on a quiet machine)**" : ""}.`,
    `Open-loop (fixed schedule; latency from the time each request was due), client and server on the same machine, ${DURATION} s per scenario, then a ${SOAK} s mixed soak (${results.map((b) => `${b.name} ${b.soak.rate} req/s`).join(", ")}) with the server's RSS sampled every second. Target: p99 ≤ ${TARGET_P99_MS} ms, no errors, RSS flat.`,
    "",
    "Server CPU is the Node process's (user + system, /proc); PostgreSQL CPU is its backends' on the bench database (/proc, when it runs on this machine). Cores at rate = (server + PostgreSQL + background-job CPU per request) × rate: the rate is sustainable only well below the cores there are.",
    "",
    "| database | lists | scenario | rate (req/s) | requests | errors | p50 ms | p90 ms | p99 ms | max ms | server CPU ms/req | PostgreSQL CPU ms/req | background jobs after: s / CPU ms per req | cores at rate | load avg start → end | result |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const b of results) {
    for (const r of [...b.runs, b.soak]) {
      const ok = r.errors === 0 && r.p99 <= TARGET_P99_MS;
      lines.push(
        `| ${b.name} | ${b.lists} | ${r.scenario === "mixed" ? `mixed soak (${r.seconds} s)` : r.scenario} | ${r.rate} (achieved ${r.achieved.toFixed(0)}) | ${r.requests} | ${r.errors} | ${r.p50.toFixed(1)} | ${r.p90.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(0)} | ${r.cpuMsPerRequest.toFixed(2)} | ${Number.isNaN(r.dbCpuMsPerRequest) ? "—" : r.dbCpuMsPerRequest.toFixed(2)} | ${r.drainCpuMs !== undefined && r.requests > 0 ? `${(r.drainSeconds ?? 0).toFixed(1)} / ${((r.drainCpuMs + (r.drainDbCpuMs || 0)) / r.requests).toFixed(2)}` : "—"} | ${coresAtRate(r).toFixed(2)} | ${r.loadStart.toFixed(1)} → ${r.loadEnd.toFixed(1)} | ${ok ? "PASS" : "FAIL"} |`,
      );
    }
  }
  lines.push("");
  for (const b of results) {
    const flat = b.soak.growthPct <= 5;
    lines.push(
      `- ${b.name} server RSS during the soak: ${b.soak.rssStart} → ${b.soak.rssEnd} MiB (max ${b.soak.rssMax}); median of the last quarter vs the second quarter ${b.soak.growthPct >= 0 ? "+" : ""}${b.soak.growthPct.toFixed(1)} % — ${flat ? "flat (≤ 5 %)" : "GROWING"}.`,
    );
    for (const r of [...b.runs, b.soak]) {
      if (r.errorSamples.length > 0)
        lines.push(`  - ${r.scenario} errors, e.g.: ${r.errorSamples.join(" · ")}`);
    }
  }
  return lines.join("\n");
}

function writeDocs(block: string): void {
  const file = path.join(ROOT, "docs/benchmarks.md");
  const start = "<!-- load-bench:start -->";
  const end = "<!-- load-bench:end -->";
  let doc = readFileSync(file, "utf8");
  const wrapped = `${start}\n${block.trim()}\n${end}`;
  if (doc.includes(start) && doc.includes(end)) {
    doc = doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), () => wrapped);
  } else {
    doc = `${doc.trimEnd()}\n\n## Load\n\n${wrapped}\n`;
  }
  writeFileSync(file, doc);
}

const started = new Date();
const load = os.loadavg();
const results: BackendResult[] = [];
let port = Number(values.port);
for (const name of ["pglite", "postgres"] as const) {
  if (!(name in RATES)) continue;
  const r = await benchBackend(name, port++);
  if (r) results.push(r);
}
agent.destroy();
const block = markdown(results, started, load);
console.log(`\n${block}`);
if (values["write-docs"]) {
  writeDocs(block);
  console.log("docs/benchmarks.md updated");
}
const failed = results.some(
  (b) => b.soak.growthPct > 5 || [...b.runs, b.soak].some((r) => r.errors > 0 || r.p99 > TARGET_P99_MS),
);
process.exitCode = failed ? 1 : 0;
