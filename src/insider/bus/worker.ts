/**
 * A detector worker: the engine for one partition of users, fed from a bus, checkpointing its state
 * together with the sequence it reached and the results it produced, and acknowledging messages
 * only after the checkpoint. A redelivered message (sequence at or below the checkpoint) is skipped.
 */
import type {
  AlertUpdate,
  EngineSink,
  EngineSnapshot,
  InsiderEngine,
  UserDayResult,
} from "../engine/engine.js";
import { type BusBatch, decodeEvent } from "./contract.js";

/**
 * A worker's durable position: the engine snapshot, the last sequence it includes, and which
 * worker instance wrote it (a worker may re-commit at the same sequence, e.g. when closing days).
 */
export type WorkerCheckpoint = { snapshot: EngineSnapshot | null; seq: number; writer?: string };

/** The fencing rule every store applies: only forward, or the same writer at the same sequence. */
export function checkpointAccepted(stored: WorkerCheckpoint | null, next: WorkerCheckpoint): boolean {
  if (!stored) return true;
  return (
    next.seq > stored.seq ||
    (next.seq === stored.seq && next.writer !== undefined && next.writer === stored.writer)
  );
}

let writerCounter = 0;

export type WorkerOutput = { userDays: UserDayResult[]; alerts: AlertUpdate[] };

/**
 * Durable storage for checkpoints and results (the database in production, memory in tests).
 * `commit` stores results and checkpoint atomically and must refuse (throw
 * {@link StaleCheckpointError}) a checkpoint {@link checkpointAccepted} rejects: after a rebalance,
 * a worker that lost its partition cannot overwrite the new owner's progress.
 */
export interface WorkerStore {
  load(partition: number): Promise<WorkerCheckpoint | null>;
  commit(partition: number, checkpoint: WorkerCheckpoint, output: WorkerOutput): Promise<void>;
}

/** A checkpoint older than the stored one (another worker owns the partition now). */
export class StaleCheckpointError extends Error {
  constructor(partition: number, seq: number, stored: number) {
    super(`partition ${partition}: checkpoint at ${seq} is not after the stored ${stored}`);
    this.name = "StaleCheckpointError";
  }
}

export type WorkerStats = {
  partition: number;
  processed: number;
  replicas: number;
  redelivered: number;
  malformed: number;
  checkpoints: number;
};

/** Creates a worker for one partition; `createEngine` builds or restores the engine with a sink. */
export async function createDetectorWorker(options: {
  partition: number;
  store: WorkerStore;
  createEngine: (snapshot: EngineSnapshot | null, sink: EngineSink) => InsiderEngine;
  /** Checkpoint after this many messages (and on flush). */
  checkpointEvery?: number;
  ack: (partition: number, seq: number) => Promise<void>;
}) {
  const { partition, store } = options;
  const every = options.checkpointEvery ?? 20_000;
  const loaded = await store.load(partition);
  const writer = `${process.pid}-${Date.now().toString(36)}-${++writerCounter}`;
  let seq = loaded?.seq ?? 0;
  let committedSeq = seq;
  let output: WorkerOutput = { userDays: [], alerts: [] };
  const engine = options.createEngine(loaded?.snapshot ?? null, {
    userDay: (r) => output.userDays.push({ ...r, features: Float64Array.from(r.features) }),
    alert: (a) => output.alerts.push(a),
  });
  const stats: WorkerStats = {
    partition,
    processed: 0,
    replicas: 0,
    redelivered: 0,
    malformed: 0,
    checkpoints: 0,
  };
  let sinceCheckpoint = 0;

  async function checkpoint(): Promise<void> {
    if (seq === committedSeq && output.userDays.length === 0 && output.alerts.length === 0) return;
    const out = output;
    output = { userDays: [], alerts: [] };
    await store.commit(partition, { snapshot: engine.snapshot(), seq, writer }, out);
    committedSeq = seq;
    stats.checkpoints++;
    sinceCheckpoint = 0;
    await options.ack(partition, seq);
  }

  return {
    stats,
    engine,
    /** Processes one batch of this partition; checkpoints when enough messages have passed. */
    async handle(batch: BusBatch): Promise<void> {
      if (batch.partition !== partition)
        throw new Error(`worker ${partition} got a batch for partition ${batch.partition}`);
      for (const m of batch.messages) {
        if (m.seq <= seq) {
          stats.redelivered++;
          continue;
        }
        seq = m.seq;
        sinceCheckpoint++;
        const d = decodeEvent(m.data);
        if ("error" in d) {
          stats.malformed++;
          continue;
        }
        if (d.replica) {
          stats.replicas++;
          engine.observe(d.event);
        } else {
          stats.processed++;
          engine.push(d.event);
        }
      }
      if (sinceCheckpoint >= every) await checkpoint();
    },
    /** Checkpoints now (idle bus, shutdown); with `finish`, closes the open days first. */
    async flush(finish = false): Promise<void> {
      if (finish) engine.finish();
      await checkpoint();
    },
    get seq(): number {
      return seq;
    },
  };
}

export type DetectorWorker = Awaited<ReturnType<typeof createDetectorWorker>>;

/**
 * Runs workers for the partitions a source delivers: one worker per partition, created on first
 * use; checkpoints every worker when the source goes idle or stops.
 */
export async function runDetectorHost(options: {
  source: {
    run(handler: (batch: BusBatch) => Promise<void>, signal: AbortSignal): Promise<void>;
    ack(partition: number, seq: number): Promise<void>;
    /** Kafka-style sources say which partitions this member owns after each rebalance. */
    onAssignment?(listener: (partitions: number[]) => void): void;
  };
  store: WorkerStore;
  createEngine: (snapshot: EngineSnapshot | null, sink: EngineSink) => InsiderEngine;
  signal: AbortSignal;
  checkpointEvery?: number;
  /** Close all open days when the source ends (finite replays, tests). */
  finishOnEnd?: boolean;
  /** Checkpoint when the source ends (default true; false simulates a crash in tests). */
  flushOnEnd?: boolean;
}): Promise<Map<number, DetectorWorker>> {
  const workers = new Map<number, DetectorWorker>();
  const pending = new Map<number, Promise<DetectorWorker>>();
  const workerFor = (partition: number): Promise<DetectorWorker> => {
    const existing = workers.get(partition);
    if (existing) return Promise.resolve(existing);
    let p = pending.get(partition);
    if (!p) {
      p = createDetectorWorker({
        partition,
        store: options.store,
        createEngine: options.createEngine,
        ack: (part, seq) => options.source.ack(part, seq),
        ...(options.checkpointEvery ? { checkpointEvery: options.checkpointEvery } : {}),
      }).then((w) => {
        workers.set(partition, w);
        return w;
      });
      pending.set(partition, p);
    }
    return p;
  };
  // After a rebalance, workers of partitions this host lost are dropped (their uncheckpointed work
  // is redone by the new owner from the last checkpoint); regained partitions reload from the store.
  options.source.onAssignment?.((assigned) => {
    for (const p of [...workers.keys()]) {
      if (!assigned.includes(p)) {
        workers.delete(p);
        pending.delete(p);
      }
    }
  });
  await options.source.run(async (batch) => {
    const w = await workerFor(batch.partition);
    await w.handle(batch);
  }, options.signal);
  if (options.flushOnEnd !== false)
    for (const w of workers.values()) await w.flush(options.finishOnEnd ?? false);
  return workers;
}
