import { createHash, timingSafeEqual } from "node:crypto";
import { chmodSync, unlinkSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";
import type { Db } from "./database.js";
import type { Database } from "./schema.js";
import { SerialDriver } from "./serial-driver.js";

/**
 * The server's local admin socket: while `sekimori serve` holds the embedded database, CLI commands
 * run their SQL through it, so every write lands in the one process that owns the folder (and its
 * audit row in the same transaction). A Unix domain socket in the data directory (mode 0600); the
 * client must also present the secret from the lock file, which only the data directory's owner
 * can read. Messages are length-prefixed structured clones (v8 serialisation keeps Dates, Buffers
 * and bigints as they are).
 */

/** Largest single message (a query's parameters or rows); backups are sent in chunks below it. */
const MAX_FRAME = 512 * 1024 * 1024;
const BACKUP_CHUNK = 4 * 1024 * 1024;

type Request =
  | { id: number; op: "hello"; token: string; pid: number; command: string }
  | { id: number; op: "acquire" }
  | { id: number; op: "release" }
  | { id: number; op: "query"; sql: string; parameters: readonly unknown[] }
  | { id: number; op: "backup" };

type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, "id"> : never) : never;

type ErrorShape = { message: string; [field: string]: unknown };

type Response =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: ErrorShape }
  | { id: number; chunk: Uint8Array };

/** Where a data directory's admin socket lives: inside it, or (paths too long for a socket) under the temp folder. */
export function adminSocketPath(dataDir: string): string {
  const inside = path.join(dataDir, "admin.sock");
  if (Buffer.byteLength(inside) < 100) return inside;
  const hash = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16);
  const uid = typeof process.getuid === "function" ? process.getuid() : 0;
  // The per-user runtime folder (mode 0700) when there is one; the secret protects it either way.
  return path.join(process.env.XDG_RUNTIME_DIR || os.tmpdir(), `sekimori-${uid}-${hash}.sock`);
}

function encode(message: unknown): Buffer {
  const body = v8.serialize(message);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  return Buffer.concat([head, body]);
}

/** Splits a byte stream into messages. */
function createDecoder(onMessage: (message: unknown) => void, onError: (error: Error) => void) {
  let buffered: Buffer = Buffer.alloc(0);
  return (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    while (buffered.length >= 4) {
      const length = buffered.readUInt32BE(0);
      if (length > MAX_FRAME) {
        onError(new Error(`admin socket: message of ${length} bytes is too large`));
        return;
      }
      if (buffered.length < 4 + length) return;
      const body = buffered.subarray(4, 4 + length);
      buffered = buffered.subarray(4 + length);
      let message: unknown;
      try {
        message = v8.deserialize(body);
      } catch (error) {
        onError(error as Error);
        return;
      }
      onMessage(message);
    }
  };
}

const ERROR_FIELDS = [
  "code",
  "detail",
  "hint",
  "position",
  "severity",
  "schema",
  "table",
  "column",
  "dataType",
  "constraint",
  "where",
  "routine",
];

function errorShape(error: unknown): ErrorShape {
  const e = error as Record<string, unknown>;
  const shape: ErrorShape = { message: error instanceof Error ? error.message : String(error) };
  if (error instanceof Error) shape.name = error.name;
  for (const field of ERROR_FIELDS) if (e && e[field] !== undefined) shape[field] = e[field];
  if (e && typeof e.messages === "object") shape.messages = e.messages;
  return shape;
}

function toError(shape: ErrorShape): Error {
  const error = new Error(shape.message);
  for (const [k, v] of Object.entries(shape))
    if (k !== "message") (error as unknown as Record<string, unknown>)[k] = v;
  return error;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type LocalAdminServer = {
  socketPath: string;
  /** Sessions currently connected (for tests and shutdown messages). */
  sessions(): number;
  close(): Promise<void>;
};

/**
 * Listens on the admin socket. `backup` produces a consistent copy of the database while no other
 * query runs (the caller holds the connection for it). A client holding the connection and silent
 * for `holdTimeoutMs` is cut off and its transaction rolled back, so a stopped CLI cannot stall the
 * server forever.
 */
export async function startLocalAdmin(options: {
  db: Db;
  socketPath: string;
  token: string;
  backup: () => Promise<{ bytes: Uint8Array; head: unknown }>;
  /** Told to clients when they connect (e.g. the id of the server's audit key). */
  info?: Record<string, unknown>;
  log?: (line: string) => void;
  holdTimeoutMs?: number;
}): Promise<LocalAdminServer> {
  const { db, socketPath, token } = options;
  const holdTimeoutMs = options.holdTimeoutMs ?? 120_000;
  const log = options.log ?? (() => {});
  const sessions = new Set<Session>();

  type Session = {
    socket: net.Socket;
    authed: boolean;
    conn: Kysely<Database> | null;
    releaseHold: (() => void) | null;
    holdDone: Promise<void> | null;
    inTransaction: boolean;
    queue: Promise<void>;
    timer: NodeJS.Timeout | null;
    label: string;
  };

  function send(session: Session, message: Response): void {
    if (!session.socket.destroyed) session.socket.write(encode(message));
  }

  async function release(session: Session): Promise<void> {
    if (!session.conn) return;
    session.conn = null;
    session.releaseHold?.();
    session.releaseHold = null;
    await session.holdDone?.catch(() => {});
    session.holdDone = null;
  }

  /** Ends a session: an open transaction is rolled back, the connection given back. */
  async function abort(session: Session, why: string): Promise<void> {
    if (session.timer) clearTimeout(session.timer);
    session.timer = null;
    if (session.conn && session.inTransaction) {
      try {
        await session.conn.executeQuery(CompiledQuery.raw("ROLLBACK"));
        log(`admin socket: rolled back the open transaction of ${session.label} (${why})`);
      } catch {
        // the database is closing
      }
      session.inTransaction = false;
    }
    await release(session);
    session.socket.destroy();
    sessions.delete(session);
  }

  function armTimer(session: Session): void {
    if (session.timer) clearTimeout(session.timer);
    session.timer = null;
    if (!session.conn) return;
    session.timer = setTimeout(() => {
      void abort(session, `holding the database for ${Math.round(holdTimeoutMs / 1000)} s without a request`);
    }, holdTimeoutMs);
    session.timer.unref();
  }

  async function acquire(session: Session): Promise<void> {
    if (session.conn) throw new Error("admin socket: connection already held");
    await new Promise<void>((resolve, reject) => {
      session.holdDone = db
        .connection()
        .execute(async (conn) => {
          session.conn = conn;
          resolve();
          await new Promise<void>((r) => {
            session.releaseHold = r;
          });
        })
        .catch((error) => reject(error));
    });
  }

  async function handle(session: Session, request: Request): Promise<void> {
    if (!session.authed) {
      if (request.op !== "hello" || !sameSecret(request.token ?? "", token)) {
        send(session, { id: request.id, ok: false, error: { message: "admin socket: not authorised" } });
        session.socket.destroy();
        return;
      }
      session.authed = true;
      session.label = `pid ${request.pid} (${request.command})`;
      send(session, { id: request.id, ok: true, result: { ...options.info, serverPid: process.pid } });
      return;
    }
    try {
      switch (request.op) {
        case "acquire":
          await acquire(session);
          send(session, { id: request.id, ok: true, result: null });
          break;
        case "release":
          if (session.conn && session.inTransaction) {
            await session.conn.executeQuery(CompiledQuery.raw("ROLLBACK"));
            session.inTransaction = false;
          }
          await release(session);
          send(session, { id: request.id, ok: true, result: null });
          break;
        case "query": {
          if (!session.conn) throw new Error("admin socket: query without a held connection");
          const text = request.sql.trimStart().toLowerCase();
          const result = await session.conn.executeQuery(
            CompiledQuery.raw(request.sql, [...request.parameters]),
          );
          if (/^(begin|start\s+transaction)\b/.test(text)) session.inTransaction = true;
          else if (
            /^(commit|end)\b/.test(text) ||
            (/^rollback\b/.test(text) && !/^rollback\s+to\b/.test(text))
          )
            session.inTransaction = false;
          send(session, { id: request.id, ok: true, result });
          break;
        }
        case "backup": {
          const { bytes, head } = await options.backup();
          for (let offset = 0; offset < bytes.length; offset += BACKUP_CHUNK) {
            send(session, { id: request.id, chunk: bytes.subarray(offset, offset + BACKUP_CHUNK) });
          }
          send(session, { id: request.id, ok: true, result: { bytes: bytes.length, head } });
          break;
        }
        default:
          throw new Error(`admin socket: unknown request ${(request as { op: string }).op}`);
      }
    } catch (error) {
      send(session, { id: request.id, ok: false, error: errorShape(error) });
    }
    armTimer(session);
  }

  try {
    unlinkSync(socketPath); // left by a server that was killed: the caller holds the data directory's lock
  } catch {
    // none
  }
  const server = net.createServer((socket) => {
    const session: Session = {
      socket,
      authed: false,
      conn: null,
      releaseHold: null,
      holdDone: null,
      inTransaction: false,
      queue: Promise.resolve(),
      timer: null,
      label: "(not identified)",
    };
    sessions.add(session);
    const decode = createDecoder(
      (message) => {
        session.queue = session.queue.then(() => handle(session, message as Request));
      },
      (error) => {
        log(`admin socket: ${error.message}`);
        session.queue = session.queue.then(() => abort(session, "protocol error"));
      },
    );
    socket.on("data", decode);
    socket.on("error", () => {});
    socket.on("close", () => {
      session.queue = session.queue.then(() => abort(session, "client disconnected"));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => {
      server.off("error", reject);
      resolve();
    });
  });
  chmodSync(socketPath, 0o600);
  return {
    socketPath,
    sessions: () => sessions.size,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // After the request each session is running, if any: its transaction is rolled back.
        for (const s of sessions) s.queue = s.queue.then(() => abort(s, "server stopping"));
      });
      await Promise.all([...sessions].map((s) => s.queue));
      try {
        unlinkSync(socketPath);
      } catch {
        // already gone
      }
    },
  };
}

/** A CLI process's connection to the server's admin socket. */
export type LocalAdminClient = {
  /** Kysely over the socket: the same queries, run by the server's database. */
  db: Db;
  serverPid: number;
  /** What the server told about itself (its audit key id, …). */
  serverInfo: Record<string, unknown>;
  /** A consistent copy of the database (PGlite data-directory tarball), fetched in chunks. */
  backup(
    onChunk: (chunk: Uint8Array) => void | Promise<void>,
  ): Promise<{ bytes: number; head: { lastId: number; lastHash: string } }>;
  close(): Promise<void>;
};

/** Connects and authenticates; rejects with a clear message when the server cannot be reached. */
export async function connectLocalAdmin(
  socketPath: string,
  token: string,
  me: { command: string },
): Promise<LocalAdminClient> {
  const socket = net.createConnection(socketPath);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  socket.on("error", () => {});
  let nextId = 1;
  let closedError: Error | null = null;
  const pending = new Map<
    number,
    {
      resolve: (v: unknown) => void;
      reject: (e: Error) => void;
      onChunk?: (c: Uint8Array) => void | Promise<void>;
    }
  >();
  let chunkChain: Promise<void> = Promise.resolve();
  const failAll = (error: Error) => {
    closedError ??= error;
    for (const p of pending.values()) p.reject(closedError);
    pending.clear();
  };
  socket.on(
    "data",
    createDecoder(
      (message) => {
        const m = message as Response;
        const p = pending.get(m.id);
        if (!p) return;
        if ("chunk" in m) {
          const chunk = m.chunk;
          chunkChain = chunkChain.then(() => p.onChunk?.(chunk));
          return;
        }
        pending.delete(m.id);
        if (m.ok) chunkChain.then(() => p.resolve(m.result), p.reject);
        else p.reject(toError(m.error));
      },
      (error) => {
        failAll(error);
        socket.destroy();
      },
    ),
  );
  socket.on("close", () =>
    failAll(new Error("the connection to the Sekimori server was lost (did it stop?)")),
  );

  function call(request: RequestBody, onChunk?: (c: Uint8Array) => void | Promise<void>): Promise<unknown> {
    if (closedError) return Promise.reject(closedError);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, ...(onChunk ? { onChunk } : {}) });
      socket.write(encode({ ...request, id }));
    });
  }

  const hello = (await call({ op: "hello", token, pid: process.pid, command: me.command })) as {
    serverPid: number;
  } & Record<string, unknown>;

  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      return (await call({ op: "query", sql: query.sql, parameters: query.parameters })) as QueryResult<R>;
    },
    // biome-ignore lint/correctness/useYield: streaming is not offered over the socket.
    async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
      throw new Error("streaming queries are not supported through the admin socket");
    },
  };
  const raw = (text: string) => connection.executeQuery(CompiledQuery.raw(text));
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const driver: Driver = {
    async init() {},
    async acquireConnection() {
      await call({ op: "acquire" });
      return connection;
    },
    async beginTransaction(_c, settings: TransactionSettings) {
      const modes = [
        settings.isolationLevel ? `isolation level ${settings.isolationLevel}` : "",
        settings.accessMode ?? "",
      ].filter(Boolean);
      await raw(modes.length > 0 ? `start transaction ${modes.join(", ")}` : "begin");
    },
    async commitTransaction() {
      await raw("commit");
    },
    async rollbackTransaction() {
      await raw("rollback");
    },
    async savepoint(_c, name) {
      await raw(`savepoint ${quote(name)}`);
    },
    async rollbackToSavepoint(_c, name) {
      await raw(`rollback to savepoint ${quote(name)}`);
    },
    async releaseSavepoint(_c, name) {
      await raw(`release savepoint ${quote(name)}`);
    },
    async releaseConnection() {
      await call({ op: "release" });
    },
    async destroy() {
      socket.end();
    },
  };
  const dialect: Dialect = {
    createAdapter: (): DialectAdapter => new PostgresAdapter(),
    createDriver: (): Driver => new SerialDriver(driver),
    createIntrospector: (db: Kysely<unknown>): DatabaseIntrospector => new PostgresIntrospector(db),
    createQueryCompiler: (): QueryCompiler => new PostgresQueryCompiler(),
  };
  const db = new Kysely<Database>({ dialect });
  return {
    db,
    serverPid: hello.serverPid,
    serverInfo: hello,
    async backup(onChunk) {
      return (await call({ op: "backup" }, onChunk)) as {
        bytes: number;
        head: { lastId: number; lastHash: string };
      };
    },
    async close() {
      await db.destroy();
      socket.destroy();
    },
  };
}
