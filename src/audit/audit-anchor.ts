import { randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import type { Executor } from "../db/database.js";
import { AppError } from "../shared/errors.js";
import {
  AUDIT_KEY_BYTES,
  type AuditKeyMaterial,
  auditKeyMaterial,
  type CheckpointKind,
  type CheckpointLine,
  type CheckpointProblem,
  type CheckpointRecord,
  parseCheckpoints,
  signCheckpoint,
} from "./audit-anchor-engine.js";
import { createAuditRepo } from "./audit-repo.js";

/**
 * The audit key file and the checkpoint file: the two things outside the database that make the
 * audit log prove itself (see audit-anchor-engine.ts for what they protect against).
 */
export type AuditAnchor = {
  key: AuditKeyMaterial | null;
  keyFile: string;
  checkpointFile: string;
  /** Who writes checkpoints from this process, e.g. "server pid 123". */
  by: string;
  /** Appends one signed line to the checkpoint file (and fsyncs it); null without a key. */
  append(body: { kind: CheckpointKind; id: number; hash: string; note?: string }): CheckpointRecord | null;
  /** Every line of the checkpoint file, MAC-checked against the key. */
  read(): { found: boolean; lines: CheckpointLine[]; problems: CheckpointProblem[] };
  /** The last complete line of the checkpoint file (unchecked), to avoid writing the same head twice. */
  last(): CheckpointRecord | null;
};

/** Raised when the key file cannot be used; names the file and what to do, in both languages. */
function keyError(code: string, ja: string, en: string): AppError {
  return new AppError(500, code, { ja, en });
}

/**
 * Reads the audit key (64 hex characters, or base64 of at least 32 bytes). Returns null when the
 * file does not exist. A key readable by other users is refused: anyone who can read it can forge
 * the log.
 */
export function loadAuditKey(file: string): AuditKeyMaterial | null {
  if (!existsSync(file)) return null;
  const mode = statSync(file).mode & 0o777;
  if (process.platform !== "win32" && (mode & 0o077) !== 0) {
    throw keyError(
      "audit_key_permissions",
      `監査鍵ファイル ${file} が他の利用者から読める状態です（${mode.toString(8)}）。chmod 600 ${file} を実行してください`,
      `The audit key file ${file} can be read by other users (mode ${mode.toString(8)}); run: chmod 600 ${file}`,
    );
  }
  const text = readFileSync(file, "utf8").trim();
  const secret =
    /^[0-9a-f]+$/i.test(text) && text.length % 2 === 0
      ? Buffer.from(text, "hex")
      : Buffer.from(text, "base64");
  if (secret.length < AUDIT_KEY_BYTES) {
    throw keyError(
      "audit_key_invalid",
      `監査鍵ファイル ${file} を読み取れません（${AUDIT_KEY_BYTES}バイト以上の16進数またはbase64が必要です）`,
      `The audit key file ${file} is not a key (expected at least ${AUDIT_KEY_BYTES} bytes as hex or base64)`,
    );
  }
  return auditKeyMaterial(secret);
}

/** Creates a new random key file (mode 0600, its folder 0700 when new); an existing one is read instead. */
export function createAuditKeyFile(file: string): { key: AuditKeyMaterial; created: boolean } {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(AUDIT_KEY_BYTES);
  let fd: number;
  try {
    fd = openSync(file, "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      return { key: loadAuditKey(file)!, created: false };
    throw error;
  }
  try {
    writeSync(fd, `${secret.toString("hex")}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { key: auditKeyMaterial(secret), created: true };
}

/** Opens the anchor over a key (or none) and a checkpoint file. */
export function createAuditAnchor(options: {
  key: AuditKeyMaterial | null;
  keyFile: string;
  checkpointFile: string;
  by: string;
  clock?: () => Date;
}): AuditAnchor {
  const { key, checkpointFile } = options;
  const clock = options.clock ?? (() => new Date());
  return {
    key,
    keyFile: options.keyFile,
    checkpointFile,
    by: options.by,
    append(body) {
      if (!key) return null;
      const record = signCheckpoint(key, {
        kind: body.kind,
        id: body.id,
        hash: body.hash,
        at: clock().toISOString(),
        by: options.by,
        ...(body.note ? { note: body.note } : {}),
      });
      mkdirSync(path.dirname(checkpointFile), { recursive: true, mode: 0o700 });
      const fd = openSync(checkpointFile, "a", 0o600);
      try {
        // One write of one line: appends from several processes do not interleave.
        writeSync(fd, `${JSON.stringify(record)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      return record;
    },
    read() {
      if (!existsSync(checkpointFile)) return { found: false, lines: [], problems: [] };
      return { found: true, ...parseCheckpoints(readFileSync(checkpointFile, "utf8"), key) };
    },
    last() {
      if (!existsSync(checkpointFile)) return null;
      const fd = openSync(checkpointFile, "r");
      try {
        const size = fstatSync(fd).size;
        const length = Math.min(size, 64 * 1024);
        const buffer = Buffer.alloc(length);
        readSync(fd, buffer, 0, length, size - length);
        const lines = buffer.toString("utf8").split("\n");
        for (let i = lines.length - 1; i >= 0; i--) {
          try {
            const parsed = JSON.parse(lines[i]!) as CheckpointRecord;
            if (parsed && typeof parsed === "object" && Number.isInteger(parsed.id)) return parsed;
          } catch {
            // an unfinished or cut-off line: look further back
          }
        }
        return null;
      } finally {
        closeSync(fd);
      }
    },
  };
}

/**
 * Loads the audit key for a process about to write to the database, creating it on first use.
 * A new key on a database that already has rows writes a `key-created` checkpoint of the head, so
 * the older, unsigned rows are fixed by it. A missing key on a log that is already signed is an
 * error (a new key would make every MAC fail): restore the key file instead.
 *
 * mode "create": create the key when missing (a process that owns the database);
 * "require": it must exist (a CLI command going through the server, which created it);
 * "optional": load it if present (`audit verify`, which reports a missing key itself).
 */
export async function prepareAuditAnchor(
  db: Executor,
  options: {
    keyFile: string;
    checkpointFile: string;
    by: string;
    mode: "create" | "require" | "optional";
    /** The key id the server uses (CLI through the server): a different key is refused. */
    serverKeyId?: string | null | undefined;
  },
): Promise<{ anchor: AuditAnchor; created: boolean }> {
  const repo = createAuditRepo();
  let key = loadAuditKey(options.keyFile);
  let created = false;
  if (!key && options.mode !== "optional") {
    if (options.mode === "require" || (await repo.anySigned(db))) {
      throw new AppError(500, "audit_key_missing", {
        ja: `監査鍵ファイル ${options.keyFile} がありません。監査ログは既にこの鍵で署名されています。バックアップから鍵ファイルを戻すか、SEKIMORI_AUDIT_KEY_FILE で場所を指定してください（新しい鍵では既存の署名を検証できません）`,
        en: `The audit key file ${options.keyFile} is missing, but the audit log is already signed with a key. Put the key file back from your backup, or point SEKIMORI_AUDIT_KEY_FILE at it (a new key could not verify the existing MACs)`,
      });
    }
    ({ key, created } = createAuditKeyFile(options.keyFile));
  }
  if (key && options.serverKeyId !== undefined && options.serverKeyId !== key.id) {
    throw new AppError(500, "audit_key_mismatch", {
      ja: `このコマンドの監査鍵（${options.keyFile}、ID ${key.id}）は稼働中のサーバーの鍵（ID ${options.serverKeyId ?? "なし"}）と異なります。サーバーと同じ設定で実行してください`,
      en: `This command's audit key (${options.keyFile}, id ${key.id}) is not the running server's (id ${options.serverKeyId ?? "none"}); run it with the server's settings`,
    });
  }
  const anchor = createAuditAnchor({
    key,
    keyFile: options.keyFile,
    checkpointFile: options.checkpointFile,
    by: options.by,
  });
  if (created) {
    const head = await repo.readHead(db);
    anchor.append({
      kind: "key-created",
      id: head.lastId,
      hash: head.lastHash,
      ...(head.lastId > 0 ? { note: `rows 1-${head.lastId} were written before this key existed` } : {}),
    });
  }
  return { anchor, created };
}

/**
 * Replaces the audit key (lost, or possibly read by someone): the old file is kept aside as
 * `…replaced-<time>`, a new key is created, and its `key-created` checkpoint fixes the chain at the
 * current head. Rows signed with the old key are from then on checked by that checkpoint and the
 * hash chain only; verify says so. Only with the server stopped (it holds the key in memory).
 */
export async function replaceAuditKey(
  db: Executor,
  options: { keyFile: string; checkpointFile: string; by: string; reason: string },
): Promise<{ anchor: AuditAnchor; previousId: string | null; keptAs: string | null; head: number }> {
  let previous: AuditKeyMaterial | null = null;
  try {
    previous = loadAuditKey(options.keyFile);
  } catch {
    previous = null; // unreadable: replaced all the same
  }
  let keptAs: string | null = null;
  if (existsSync(options.keyFile)) {
    keptAs = `${options.keyFile}.replaced-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    renameSync(options.keyFile, keptAs);
  }
  const { key } = createAuditKeyFile(options.keyFile);
  const anchor = createAuditAnchor({
    key,
    keyFile: options.keyFile,
    checkpointFile: options.checkpointFile,
    by: options.by,
  });
  const head = await createAuditRepo().readHead(db);
  anchor.append({
    kind: "key-created",
    id: head.lastId,
    hash: head.lastHash,
    note: `replaces ${previous ? `key ${previous.id}` : "a lost key"}: ${options.reason}`,
  });
  return { anchor, previousId: previous?.id ?? null, keptAs, head: head.lastId };
}
