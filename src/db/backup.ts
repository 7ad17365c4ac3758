import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { sql } from "kysely";
import { AppError } from "../shared/errors.js";
import { type Db, kyselyForPglite, openPglite } from "./database.js";

/**
 * Backup and restore of the embedded database. A backup is PGlite's data-directory tarball
 * (gzip), taken while nothing else runs on the database's single connection, after a CHECKPOINT,
 * so it is a consistent state at one commit — also while the server is serving.
 */

export type EmbeddedDump = { bytes: Uint8Array; head: { lastId: number; lastHash: string } };

/** Dumps the open embedded database consistently; other queries wait meanwhile. */
export async function dumpEmbedded(db: Db, pglite: PGlite): Promise<EmbeddedDump> {
  return db.connection().execute(async (conn) => {
    const head = await sql<{ last_id: number; last_hash: string }>`
      SELECT last_id, last_hash FROM audit_head WHERE id = 1`.execute(conn);
    await sql`CHECKPOINT`.execute(conn);
    const blob = await pglite.dumpDataDir("gzip");
    const row = head.rows[0];
    return {
      bytes: new Uint8Array(await blob.arrayBuffer()),
      head: { lastId: Number(row?.last_id ?? 0), lastHash: row?.last_hash ?? "" },
    };
  });
}

/**
 * Writes a file so it is either complete under its name or not there: a `.partial` file, fsynced,
 * then renamed. `write` is called with a function that appends bytes.
 */
export async function writeFileAtomically(
  file: string,
  write: (append: (chunk: Uint8Array) => void) => Promise<void>,
): Promise<{ bytes: number; sha256: string }> {
  const partial = `${file}.partial`;
  const fd = openSync(partial, "w", 0o600);
  const hash = createHash("sha256");
  let bytes = 0;
  try {
    await write((chunk) => {
      let offset = 0;
      while (offset < chunk.length) offset += writeSync(fd, chunk, offset, chunk.length - offset);
      hash.update(chunk);
      bytes += chunk.length;
    });
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(partial, file);
  return { bytes, sha256: hash.digest("hex") };
}

function notABackup(file: string, why: string): AppError {
  return new AppError(400, "not_a_backup", {
    ja: `${file} は Sekimori の組み込みデータベースのバックアップとして読み込めません（${why}）。何も変更していません`,
    en: `${file} cannot be loaded as a Sekimori embedded-database backup (${why}). Nothing was changed`,
  });
}

/**
 * Loads a backup file into a new folder beside the data (never over it) and opens it there, so it
 * can be migrated and verified before anything is replaced.
 */
export async function loadBackupBeside(
  dataDir: string,
  file: string,
): Promise<{ dir: string; db: Db; sha256: string; close(): Promise<void>; discard(): Promise<void> }> {
  if (!existsSync(file)) throw notABackup(file, "no such file");
  const bytes = readFileSync(file);
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw notABackup(file, "not gzip data");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const dir = path.join(dataDir, `pglite.restoring-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  let pglite: PGlite;
  try {
    pglite = await openPglite({ dataDir: dir, loadDataDir: new Blob([bytes]) });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw notABackup(file, error instanceof Error ? error.message : String(error));
  }
  const db = kyselyForPglite(pglite);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await db.destroy();
  };
  return {
    dir,
    db,
    sha256,
    close,
    async discard() {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Puts a restored folder in place of the database folder. The previous folder is kept beside it
 * (`pglite.before-restore-…`) — a restore never deletes data; the operator removes it when satisfied.
 */
export function swapInRestored(
  dataDir: string,
  restoredDir: string,
  stamp: string,
): { previous: string | null } {
  const live = path.join(dataDir, "pglite");
  let previous: string | null = null;
  if (existsSync(live)) {
    previous = path.join(dataDir, `pglite.before-restore-${stamp}`);
    renameSync(live, previous);
  }
  renameSync(restoredDir, live);
  return { previous };
}
