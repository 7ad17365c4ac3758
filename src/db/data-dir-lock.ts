import { randomBytes } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { AppError } from "../shared/errors.js";

/**
 * One process at a time opens the embedded database (PGlite is a single-user PostgreSQL: two
 * processes on one folder each think they own the write-ahead log, and commits are lost). The
 * holder writes `sekimori.lock` into the data directory with its pid; a lock whose process is gone
 * (crash, SIGKILL) is taken over. A running server also publishes its local admin socket there, so
 * CLI commands can reach the database through it instead of opening the folder themselves.
 */

export const LOCK_FILE = "sekimori.lock";

/** What the lock file says about its holder. */
export type LockHolder = {
  pid: number;
  hostname: string;
  role: "server" | "cli";
  /** The command line, for messages ("sekimori lists import …"). */
  command: string;
  startedAt: string;
  /** Kernel start time of the process (Linux), so a reused pid is not mistaken for the holder. */
  processStart: string | null;
  /** A server's local admin socket and the secret a client presents on it. */
  adminSocket?: string;
  adminToken?: string;
};

export type DataDirLock = {
  file: string;
  holder: LockHolder;
  /** Rewrites the lock file (e.g. to publish the admin socket once it listens). */
  update(extra: Partial<Pick<LockHolder, "adminSocket" | "adminToken">>): void;
  release(): void;
};

/** The data directory is in use by a live process; says by whom, in Japanese and English. */
export class DataDirBusyError extends AppError {
  readonly holder: LockHolder | null;
  constructor(messages: { ja: string; en: string }, holder: LockHolder | null) {
    super(409, "data_dir_busy", messages);
    this.holder = holder;
  }
}

function processStartOf(pid: number): string | null {
  if (process.platform !== "linux") return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22 (starttime); the command name (field 2) may contain spaces, so count after its ")".
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return rest[19] ?? null;
  } catch {
    return null;
  }
}

/** True when the holder's process still runs (or runs on another host, which cannot be checked). */
export function holderAlive(holder: LockHolder): boolean {
  if (holder.hostname !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  if (holder.processStart) {
    const now = processStartOf(holder.pid);
    if (now !== null && now !== holder.processStart) return false;
  }
  return true;
}

function parseHolder(text: string): LockHolder | null {
  try {
    const h = JSON.parse(text) as LockHolder;
    return Number.isInteger(h.pid) && typeof h.hostname === "string" ? h : null;
  } catch {
    return null;
  }
}

/** Reads the lock file; null when there is none (or it cannot be parsed). */
export function readLockHolder(dataDir: string): LockHolder | null {
  try {
    return parseHolder(readFileSync(path.join(dataDir, LOCK_FILE), "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function writeFileDurably(file: string, text: string): void {
  const fd = openSync(file, "wx", 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Removes a stale lock file — one whose holder is dead — under a short-lived takeover directory,
 * so two processes that both found it stale cannot both remove it (the second would otherwise
 * remove the first one's fresh lock).
 */
function removeStale(file: string, staleText: string): void {
  const mutex = `${file}.takeover`;
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      mkdirSync(mutex);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A process that died during its takeover leaves the directory behind: ignore it after 10 s.
      try {
        if (Date.now() - statSync(mutex).mtimeMs > 10_000) rmdirSync(mutex);
      } catch {
        // gone meanwhile
      }
      sleepSync(20);
      continue;
    }
    try {
      let current: string | null = null;
      try {
        current = readFileSync(file, "utf8");
      } catch {
        current = null;
      }
      if (current === staleText) unlinkSync(file);
    } finally {
      rmdirSync(mutex);
    }
    return;
  }
}

/**
 * Takes the lock on a data directory, or returns who holds it. A lock left by a dead process is
 * taken over; a lock file that cannot be parsed (a crash while writing it cannot leave one: it is
 * written whole and linked into place) is treated as stale.
 */
export function tryLockDataDir(
  dataDir: string,
  me: { role: LockHolder["role"]; command: string },
): { lock: DataDirLock } | { holder: LockHolder } {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_FILE);
  const holder: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    role: me.role,
    command: me.command,
    startedAt: new Date().toISOString(),
    processStart: processStartOf(process.pid),
  };
  for (let attempt = 0; attempt < 20; attempt++) {
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileDurably(tmp, JSON.stringify(holder));
    try {
      // link() fails when the lock exists: the lock appears atomically, complete, or not at all.
      linkSync(tmp, file);
      unlinkSync(tmp);
      return { lock: makeLock(file, holder) };
    } catch (error) {
      unlinkSync(tmp);
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EACCES") {
        throw new DataDirBusyError(
          {
            ja: `データディレクトリ ${dataDir} は別の利用者のプロセスが使用中です（ロックファイルを読めません）。サーバーを実行している利用者でコマンドを実行してください`,
            en: `The data directory ${dataDir} is in use by another user's process (its lock file cannot be read); run the command as the user who runs the server`,
          },
          null,
        );
      }
      continue; // released meanwhile: try again
    }
    const current = parseHolder(text);
    if (current && holderAlive(current)) return { holder: current };
    removeStale(file, text);
  }
  throw new Error(`could not take the lock ${file}`);
}

function makeLock(file: string, initial: LockHolder): DataDirLock {
  let holder = initial;
  let released = false;
  const onExit = () => lock.release();
  const lock: DataDirLock = {
    file,
    get holder() {
      return holder;
    },
    update(extra) {
      holder = { ...holder, ...extra };
      const tmp = `${file}.${process.pid}.update`;
      try {
        unlinkSync(tmp);
      } catch {
        // not there
      }
      writeFileDurably(tmp, JSON.stringify(holder));
      renameSync(tmp, file);
    },
    release() {
      if (released) return;
      released = true;
      process.off("exit", onExit);
      try {
        const current = parseHolder(readFileSync(file, "utf8"));
        if (current && current.pid === holder.pid && current.startedAt === holder.startedAt) unlinkSync(file);
      } catch {
        // already gone
      }
    },
  };
  process.on("exit", onExit);
  return lock;
}

/** A one-line description of the holder for messages. */
export function describeHolder(holder: LockHolder): { ja: string; en: string } {
  const where = holder.hostname === os.hostname() ? "" : ` @ ${holder.hostname}`;
  const what = holder.role === "server" ? "Sekimori server" : `\`${holder.command}\``;
  const whatJa = holder.role === "server" ? "Sekimoriサーバー" : `「${holder.command}」`;
  return {
    en: `${what} (pid ${holder.pid}${where}, since ${holder.startedAt})`,
    ja: `${whatJa}（pid ${holder.pid}${where}、${holder.startedAt} から）`,
  };
}
