/**
 * Kafka adapter with the same contract as the JetStream one: one topic with a partition per detector
 * partition, events written with an explicit partition (the user's, from `partitionOf`; logons
 * also to every other partition as replicas), and a consumer group whose members each run the
 * workers of the partitions Kafka assigns them. Offsets are committed only after a worker's
 * checkpoint (`offset = seq`, the next offset to read), so a new owner resumes from the checkpoint.
 *
 * Written against kafkajs 2.2.4. Kafka is not installable in this environment: the partitioning,
 * sequence and commit logic is unit-tested with a stand-in for the kafkajs client, not against a
 * broker.
 */
import type { Admin, Consumer, EachBatchPayload, Kafka, Producer } from "kafkajs";
import type { ActivityEvent } from "../engine/event.js";
import { type BusBatch, type BusSource, encodeEvent, routeEvent } from "./contract.js";

/** The parts of a kafkajs `Kafka` instance the adapter uses (so tests can stand in for it). */
export type KafkaClient = Pick<Kafka, "producer" | "consumer" | "admin">;

export type KafkaBusOptions = { kafka: KafkaClient; topic?: string };

const topicOf = (o: KafkaBusOptions) => o.topic ?? "sekimori.insider.events";

/** Creates the topic with `partitions` partitions if it does not exist. */
export async function ensureKafkaTopic(
  admin: Pick<Admin, "listTopics" | "createTopics">,
  topic: string,
  partitions: number,
): Promise<void> {
  const topics = await admin.listTopics();
  if (!topics.includes(topic))
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
}

/** Publishes time-ordered event batches with explicit partitions and the user as the key. */
export async function publishToKafka(
  batches: AsyncIterable<ActivityEvent[]>,
  o: KafkaBusOptions & { partitions: number; chunk?: number },
): Promise<{ messages: number; events: number }> {
  const topic = topicOf(o);
  const admin = o.kafka.admin();
  await admin.connect();
  try {
    await ensureKafkaTopic(admin, topic, o.partitions);
  } finally {
    await admin.disconnect();
  }
  const producer: Producer = o.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  let messages = 0;
  let events = 0;
  try {
    for await (const batch of batches) {
      const out: { key: string; value: Buffer; partition: number }[] = [];
      for (const ev of batch) {
        events++;
        for (const r of routeEvent(ev, o.partitions))
          out.push({ key: ev.user, value: Buffer.from(encodeEvent(ev, r.replica)), partition: r.partition });
      }
      const chunk = o.chunk ?? 5000;
      for (let i = 0; i < out.length; i += chunk) {
        await producer.send({ topic, messages: out.slice(i, i + chunk) });
        messages += Math.min(chunk, out.length - i);
      }
    }
  } finally {
    await producer.disconnect();
  }
  return { messages, events };
}

/**
 * A bus source over a Kafka consumer group. Kafka offsets start at 0, worker sequences at 1:
 * `seq = offset + 1`, and acknowledging `seq` commits offset `seq` (the next one to read).
 */
export function kafkaSource(o: KafkaBusOptions & { groupId: string }): BusSource & {
  onAssignment(listener: (partitions: number[]) => void): void;
  readonly ackFailures: number;
} {
  const topic = topicOf(o);
  const consumer: Consumer = o.kafka.consumer({ groupId: o.groupId });
  const listeners: ((partitions: number[]) => void)[] = [];
  let connected = false;
  let ackFailures = 0;
  return {
    onAssignment(listener) {
      listeners.push(listener);
    },
    async run(handler: (batch: BusBatch) => Promise<void>, signal: AbortSignal) {
      await consumer.connect();
      connected = true;
      consumer.on(consumer.events.GROUP_JOIN, (e) => {
        const assigned = e.payload.memberAssignment[topic] ?? [];
        for (const l of listeners) l([...assigned]);
      });
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      const stopped = new Promise<void>((resolve) => {
        if (signal.aborted) resolve();
        else signal.addEventListener("abort", () => resolve(), { once: true });
      });
      await consumer.run({
        autoCommit: false,
        eachBatch: async (payload: EachBatchPayload) => {
          const { batch } = payload;
          if (!payload.isRunning() || payload.isStale()) return;
          const messages = batch.messages.map((m) => ({
            seq: Number(m.offset) + 1,
            data: m.value ?? Buffer.alloc(0),
          }));
          if (messages.length === 0) return;
          await handler({ partition: batch.partition, messages });
          await payload.heartbeat();
        },
      });
      await stopped;
      await consumer.stop();
    },
    async ack(partition: number, seq: number) {
      // The checkpoint is already durable; a failed commit (e.g. after a rebalance) only means the
      // next owner gets these messages again and skips them by sequence.
      try {
        await consumer.commitOffsets([{ topic, partition, offset: String(seq) }]);
      } catch {
        ackFailures++;
      }
    },
    get ackFailures() {
      return ackFailures;
    },
    async close() {
      if (connected) await consumer.disconnect();
    },
  };
}
