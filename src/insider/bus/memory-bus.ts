/**
 * An in-process bus with the same contract as the JetStream and Kafka adapters: per-partition logs
 * with sequences, batches in order, acknowledgements, and redelivery of everything after the last
 * acknowledgement when a consumer restarts. Used by tests and by `insider publish --dry-run`.
 */
import type { ActivityEvent } from "../engine/event.js";
import { type BusBatch, type BusMessage, type BusSource, encodeEvent, routeEvent } from "./contract.js";

/** Creates a memory bus with `partitions` partitions. */
export function createMemoryBus(partitions: number) {
  const logs: BusMessage[][] = Array.from({ length: partitions }, () => []);
  const acked = new Array<number>(partitions).fill(0);
  return {
    partitions,
    /** Publishes events (in time order) to their partitions, with logon replicas. */
    publish(events: Iterable<ActivityEvent>): number {
      let n = 0;
      for (const ev of events) {
        for (const r of routeEvent(ev, partitions)) {
          const log = logs[r.partition]!;
          log.push({ seq: log.length + 1, data: encodeEvent(ev, r.replica) });
          n++;
        }
      }
      return n;
    },
    /** Appends raw bytes (to test malformed messages). */
    publishRaw(partition: number, data: Uint8Array): void {
      const log = logs[partition]!;
      log.push({ seq: log.length + 1, data });
    },
    acked: (partition: number) => acked[partition]!,
    size: (partition: number) => logs[partition]!.length,
    /**
     * A consumer for some partitions. It delivers from the first unacknowledged message; with
     * `stopAfter` it stops early (a crash), leaving later messages for the next consumer.
     */
    consumer(
      assigned: number[],
      options: { batchSize?: number; stopAfter?: number; replayFrom?: number } = {},
    ): BusSource {
      const batchSize = options.batchSize ?? 500;
      return {
        async run(handler: (batch: BusBatch) => Promise<void>, signal: AbortSignal) {
          let delivered = 0;
          const cursors = assigned.map((p) => options.replayFrom ?? acked[p]!);
          for (;;) {
            let progressed = false;
            for (let k = 0; k < assigned.length; k++) {
              if (signal.aborted) return;
              const p = assigned[k]!;
              const log = logs[p]!;
              const from = cursors[k]!;
              if (from >= log.length) continue;
              const messages = log.slice(from, from + batchSize);
              cursors[k] = from + messages.length;
              progressed = true;
              await handler({ partition: p, messages });
              delivered += messages.length;
              if (options.stopAfter !== undefined && delivered >= options.stopAfter) return;
            }
            if (!progressed) return;
          }
        },
        async ack(partition: number, seq: number) {
          if (seq > acked[partition]!) acked[partition] = seq;
        },
        async close() {},
      };
    },
  };
}
