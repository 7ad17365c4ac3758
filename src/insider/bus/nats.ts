/**
 * NATS JetStream adapter: publishes events to one subject per partition
 * (`sekimori.insider.events.<partition>`) on a file-backed stream, and consumes them with one
 * durable pull consumer per partition (`detector-<partition>`, ack-all), so any number of worker
 * processes can split the partitions between them and pick up where a stopped one left off.
 */
import {
  AckPolicy,
  DeliverPolicy,
  type JetStreamManager,
  type JsMsg,
  jetstream,
  jetstreamManager,
} from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import type { ActivityEvent } from "../engine/event.js";
import { type BusBatch, type BusSource, encodeEvent, routeEvent } from "./contract.js";

export type NatsBusOptions = {
  servers: string | string[];
  /** Stream name (default SEKIMORI_INSIDER). */
  stream?: string;
  /** Subject prefix (default sekimori.insider.events). */
  subjectPrefix?: string;
};

const defaults = (o: NatsBusOptions) => ({
  stream: o.stream ?? "SEKIMORI_INSIDER",
  prefix: o.subjectPrefix ?? "sekimori.insider.events",
});

/** Creates the stream if it does not exist (file storage, one subject per partition). */
export async function ensureNatsStream(jsm: JetStreamManager, o: NatsBusOptions): Promise<void> {
  const { stream, prefix } = defaults(o);
  try {
    await jsm.streams.info(stream);
  } catch {
    await jsm.streams.add({
      name: stream,
      subjects: [`${prefix}.*`],
      storage: "file",
      duplicate_window: 120_000_000_000,
    });
  }
}

/**
 * Publishes time-ordered event batches to their partitions (logons also to every other partition
 * as replicas). A message id per row lets JetStream drop duplicates when a publisher retries.
 */
export async function publishToNats(
  batches: AsyncIterable<ActivityEvent[]>,
  o: NatsBusOptions & { partitions: number; window?: number },
): Promise<{ messages: number; events: number }> {
  const { prefix } = defaults(o);
  const nc = await connect({ servers: o.servers });
  try {
    const jsm = await jetstreamManager(nc);
    await ensureNatsStream(jsm, o);
    const js = jetstream(nc);
    const window = o.window ?? 2000;
    let inflight: Promise<unknown>[] = [];
    let messages = 0;
    let events = 0;
    for await (const batch of batches) {
      for (const ev of batch) {
        events++;
        for (const r of routeEvent(ev, o.partitions)) {
          messages++;
          inflight.push(
            js.publish(`${prefix}.${r.partition}`, encodeEvent(ev, r.replica), {
              msgID: `${ev.sourceFile}:${ev.sourceId || ev.sourceLine}:${r.partition}`,
            }),
          );
          if (inflight.length >= window) {
            await Promise.all(inflight);
            inflight = [];
          }
        }
      }
    }
    await Promise.all(inflight);
    return { messages, events };
  } finally {
    await nc.drain();
  }
}

/**
 * A bus source over JetStream for some partitions. With `stopWhenIdle` it returns once every
 * partition has been drained (replays, tests); otherwise it polls until the signal aborts.
 */
export async function natsSource(
  o: NatsBusOptions & {
    partitions: number[];
    batchSize?: number;
    idleMs?: number;
    stopWhenIdle?: boolean;
    durablePrefix?: string;
  },
): Promise<BusSource & { connection: NatsConnection }> {
  const { stream, prefix } = defaults(o);
  const nc = await connect({ servers: o.servers });
  const jsm = await jetstreamManager(nc);
  await ensureNatsStream(jsm, o);
  const js = jetstream(nc);
  const durable = o.durablePrefix ?? "detector";
  for (const p of o.partitions) {
    const name = `${durable}-${p}`;
    try {
      await jsm.consumers.info(stream, name);
    } catch {
      await jsm.consumers.add(stream, {
        durable_name: name,
        filter_subject: `${prefix}.${p}`,
        ack_policy: AckPolicy.All,
        deliver_policy: DeliverPolicy.All,
        ack_wait: 600_000_000_000,
        max_ack_pending: 200_000,
      });
    }
  }
  const consumers = new Map(
    await Promise.all(
      o.partitions.map(async (p) => [p, await js.consumers.get(stream, `${durable}-${p}`)] as const),
    ),
  );
  // The last message of each delivered batch, by sequence, so an acknowledgement can name it.
  const unacked = new Map<number, Map<number, JsMsg>>(o.partitions.map((p) => [p, new Map()]));
  const batchSize = o.batchSize ?? 1000;
  const idleMs = Math.max(1000, o.idleMs ?? 1000);
  return {
    connection: nc,
    async run(handler: (batch: BusBatch) => Promise<void>, signal: AbortSignal) {
      while (!signal.aborted) {
        let received = 0;
        for (const [p, consumer] of consumers) {
          if (signal.aborted) return;
          const iter = await consumer.fetch({ max_messages: batchSize, expires: idleMs });
          const messages: { seq: number; data: Uint8Array }[] = [];
          let last: JsMsg | null = null;
          for await (const m of iter) {
            messages.push({ seq: m.seq, data: m.data });
            last = m;
          }
          if (messages.length === 0 || !last) continue;
          received += messages.length;
          unacked.get(p)!.set(last.seq, last);
          await handler({ partition: p, messages });
        }
        if (received === 0 && o.stopWhenIdle) return;
      }
    },
    async ack(partition: number, seq: number) {
      const pending = unacked.get(partition);
      if (!pending) return;
      let best: JsMsg | null = null;
      for (const [s, m] of pending) if (s <= seq && (!best || s > best.seq)) best = m;
      if (!best) return;
      await best.ackAck();
      for (const s of [...pending.keys()]) if (s <= best.seq) pending.delete(s);
    },
    async close() {
      await nc.drain();
    },
  };
}
