import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../shared/errors.js";

const PREFIX = "sekimori-uploads-";

/** True when a process with this id still runs (a signal 0 probes without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The answer when an upload waited too long for its turn or its time ran out. */
export function uploadTimedOut(): AppError {
  return new AppError(503, "request_timeout", {
    ja: "処理に時間がかかりすぎたため中止しました。何も保存されていません。しばらくしてから再試行するか、ファイルを分けてください",
    en: "The request took too long and was stopped; nothing was saved. Retry later or split the file",
  });
}

/** Throws the timeout error when the request's signal fired (timeout, or the client went away). */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof AppError ? signal.reason : uploadTimedOut();
}

/**
 * Where uploaded files wait while they are read, and how many are read at once. Every upload gets a
 * folder inside this process's own folder in the system temporary directory; the folder is removed
 * when the request ends however it ends (success, bad file, timeout, client gone), the process
 * folder when the server closes, and folders of processes that died (kill -9, crash) at the next start.
 * Parsing is heavy (an XLSX is inflated and parsed), so at most `concurrency` uploads are parsed at
 * once and the rest wait their turn — bounded memory whatever many are sent together.
 */
export type UploadArea = {
  /** This process's folder (tests check it is left empty). */
  readonly root: string;
  /** Runs `work` with a fresh folder and removes the folder afterwards, also on errors. */
  withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T>;
  /** Streams an uploaded part to a file; refuses it (413) when the size limit cut it short. */
  saveFile(stream: Readable & { truncated?: boolean }, target: string, signal?: AbortSignal): Promise<void>;
  /** Runs `work` when a parsing slot is free; gives up with 503 when the signal fires while waiting. */
  parseSlot<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T>;
  /** Removes this process's folder. */
  close(): Promise<void>;
};

export async function createUploadArea(
  options: { parent?: string; concurrency?: number } = {},
): Promise<UploadArea> {
  const parent = options.parent ?? tmpdir();
  await mkdir(parent, { recursive: true });
  // Folders left by processes that died without cleaning up.
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const m = new RegExp(`^${PREFIX}(\\d+)-`).exec(name);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) {
      await rm(path.join(parent, name), { recursive: true, force: true }).catch(() => undefined);
    }
  }
  const root = await mkdtemp(path.join(parent, `${PREFIX}${process.pid}-`));
  const concurrency = Math.max(1, options.concurrency ?? 2);
  let running = 0;
  const waiting: (() => void)[] = [];

  return {
    root,
    async withTempDir(work) {
      const dir = await mkdtemp(path.join(root, "u-"));
      try {
        return await work(dir);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    async saveFile(stream, target, signal) {
      try {
        await pipeline(stream, createWriteStream(target), signal ? { signal } : {});
      } catch (error) {
        throwIfAborted(signal);
        throw error;
      }
      if (stream.truncated) {
        throw new AppError(413, "payload_too_large", {
          ja: "ファイルが大きすぎます（SEKIMORI_UPLOAD_LIMIT_BYTES）",
          en: "The file is too large (SEKIMORI_UPLOAD_LIMIT_BYTES)",
        });
      }
    },
    async parseSlot(signal, work) {
      if (running >= concurrency) {
        await new Promise<void>((resolve, reject) => {
          const turn = () => {
            signal?.removeEventListener("abort", giveUp);
            resolve();
          };
          const giveUp = () => {
            const i = waiting.indexOf(turn);
            if (i !== -1) waiting.splice(i, 1);
            reject(uploadTimedOut());
          };
          waiting.push(turn);
          signal?.addEventListener("abort", giveUp, { once: true });
        });
      } else {
        running++;
      }
      try {
        throwIfAborted(signal);
        return await work();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
    },
    async close() {
      await rm(root, { recursive: true, force: true });
    },
  };
}
