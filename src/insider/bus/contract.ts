/**
 * The event-bus contract shared by the NATS JetStream and Kafka adapters. Events are partitioned by
 * user, so every user's events reach one detector worker in order and its per-user state (the bulk
 * of the engine's state) lives in exactly one place. Logons are also copied to every other
 * partition, marked as replicas, because knowing who owns a machine ("another user's PC",
 * "supervisor's PC") needs everyone's logons; replicas update machine ownership only.
 *
 * Delivery is at least once. Each message carries a per-partition sequence (JetStream stream
 * sequence, Kafka offset); a worker checkpoints its engine state with the sequence it reached and
 * skips anything at or below it after a redelivery, so effects happen exactly once.
 */
import { type ActivityEvent, makeEvent } from "../engine/event.js";

/** Wire format version of one event. */
export const WIRE_VERSION = 1;

/** The JSON an event travels as (short keys: millions of messages). */
export type WireEvent = {
  v: 1;
  t: number;
  u: string;
  h: string;
  k: ActivityEvent["kind"];
  a: string;
  o?: string;
  tr?: 1;
  fr?: 1;
  r?: string[];
  s?: string;
  b?: number;
  at?: string[];
  ac?: number;
  /** Remote source: address, country, AS number and organisation; process name. */
  ip?: string;
  cc?: string;
  an?: number;
  ao?: string;
  pn?: string;
  f: string;
  l: number;
  i: string;
  /** Present on logons copied to a partition that does not own the user. */
  x?: 1;
};

const KINDS = new Set(["logon", "device", "file", "email", "http", "process"]);

/** 32-bit FNV-1a of a string: stable across processes and languages, cheap. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The partition that owns a user. */
export function partitionOf(user: string, partitions: number): number {
  if (!Number.isInteger(partitions) || partitions < 1)
    throw new Error("partitions must be a positive integer");
  return fnv1a(user) % partitions;
}

/** Encodes an event for the bus. */
export function encodeEvent(ev: ActivityEvent, replica = false): Uint8Array {
  const w: WireEvent = {
    v: 1,
    t: ev.t,
    u: ev.user,
    h: ev.host,
    k: ev.kind,
    a: ev.action,
    f: ev.sourceFile,
    l: ev.sourceLine,
    i: ev.sourceId,
  };
  if (ev.object) w.o = ev.object;
  if (ev.toRemovable) w.tr = 1;
  if (ev.fromRemovable) w.fr = 1;
  if (ev.recipients.length > 0) w.r = [...ev.recipients];
  if (ev.sender) w.s = ev.sender;
  if (ev.bytes) w.b = ev.bytes;
  if (ev.attachments.length > 0) w.at = [...ev.attachments];
  if (ev.attachmentCount) w.ac = ev.attachmentCount;
  if (ev.srcIp) w.ip = ev.srcIp;
  if (ev.country) w.cc = ev.country;
  if (ev.asNumber) w.an = ev.asNumber;
  if (ev.asOrg) w.ao = ev.asOrg;
  if (ev.process) w.pn = ev.process;
  if (replica) w.x = 1;
  return Buffer.from(JSON.stringify(w));
}

export type Decoded = { event: ActivityEvent; replica: boolean } | { error: string };

/** Decodes a bus message; anything that is not a valid version-1 event is an error, not a crash. */
export function decodeEvent(data: Uint8Array): Decoded {
  let w: Partial<WireEvent>;
  try {
    w = JSON.parse(
      Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8"),
    ) as Partial<WireEvent>;
  } catch {
    return { error: "not JSON" };
  }
  if (!w || typeof w !== "object") return { error: "not an object" };
  if (w.v !== WIRE_VERSION) return { error: `unsupported wire version ${String(w.v)}` };
  if (typeof w.t !== "number" || !Number.isFinite(w.t)) return { error: "t must be a number" };
  if (typeof w.u !== "string" || w.u === "") return { error: "u (user) is required" };
  if (typeof w.k !== "string" || !KINDS.has(w.k)) return { error: "k (kind) is invalid" };
  const event = makeEvent({
    t: w.t,
    user: w.u,
    host: typeof w.h === "string" ? w.h : "",
    kind: w.k,
    action: typeof w.a === "string" ? w.a : "",
    object: w.o ?? "",
    toRemovable: w.tr === 1,
    fromRemovable: w.fr === 1,
    recipients: Array.isArray(w.r) ? w.r.filter((x) => typeof x === "string") : [],
    sender: w.s ?? "",
    bytes: typeof w.b === "number" ? w.b : 0,
    attachments: Array.isArray(w.at) ? w.at.filter((x) => typeof x === "string") : [],
    attachmentCount: typeof w.ac === "number" ? w.ac : Array.isArray(w.at) ? w.at.length : 0,
    srcIp: typeof w.ip === "string" ? w.ip : "",
    country: typeof w.cc === "string" ? w.cc : "",
    asNumber: typeof w.an === "number" ? w.an : 0,
    asOrg: typeof w.ao === "string" ? w.ao : "",
    process: typeof w.pn === "string" ? w.pn : "",
    sourceFile: w.f ?? "",
    sourceLine: typeof w.l === "number" ? w.l : 0,
    sourceId: w.i ?? "",
  });
  return { event, replica: w.x === 1 };
}

/** A message as a worker sees it: its per-partition sequence and payload. */
export type BusMessage = { seq: number; data: Uint8Array };

/** A batch from one partition; `ack` confirms every message up to `lastSeq`. */
export type BusBatch = { partition: number; messages: BusMessage[] };

/**
 * What a bus adapter offers a detector host: batches per partition, in order, and an
 * acknowledgement that covers everything up to a sequence (called only after a checkpoint).
 */
export interface BusSource {
  /** Delivers batches until the signal aborts (or the source is drained, for finite sources). */
  run(handler: (batch: BusBatch) => Promise<void>, signal: AbortSignal): Promise<void>;
  /** Confirms everything up to and including `seq` on a partition. */
  ack(partition: number, seq: number): Promise<void>;
  close(): Promise<void>;
}

/** Where events go when published: one message per owning partition, plus logon replicas. */
export function routeEvent(ev: ActivityEvent, partitions: number): { partition: number; replica: boolean }[] {
  const own = partitionOf(ev.user, partitions);
  const out = [{ partition: own, replica: false }];
  if (ev.kind === "logon" && ev.action === "logon") {
    for (let p = 0; p < partitions; p++) if (p !== own) out.push({ partition: p, replica: true });
  }
  return out;
}
