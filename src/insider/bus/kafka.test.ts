import { describe, expect, it } from "vitest";
import { AssetRegistry } from "../engine/assets.js";
import { Directory } from "../engine/directory.js";
import { createInsiderEngine, type EngineSnapshot } from "../engine/engine.js";
import { type ActivityEvent, makeEvent } from "../engine/event.js";
import { daysFromCivil, MS_PER_DAY, MS_PER_HOUR } from "../engine/time.js";
import { decodeEvent, partitionOf } from "./contract.js";
import { type KafkaClient, kafkaSource, publishToKafka } from "./kafka.js";
import {
  checkpointAccepted,
  runDetectorHost,
  StaleCheckpointError,
  type WorkerCheckpoint,
  type WorkerOutput,
  type WorkerStore,
} from "./worker.js";

/**
 * A stand-in for the kafkajs client: topics with partition logs, explicit-partition sends, a
 * consumer group member that delivers batches from the committed offsets and records commits.
 * Kafka itself is not installable here, so this checks our side of the contract only.
 */
function fakeKafka(log: string[]) {
  const topics = new Map<string, { key: string; value: Buffer }[][]>();
  const committed = new Map<string, number>();
  let assignment: number[] | null = null;
  const client = {
    admin: () => ({
      connect: async () => {},
      disconnect: async () => {},
      listTopics: async () => [...topics.keys()],
      createTopics: async ({ topics: list }: { topics: { topic: string; numPartitions: number }[] }) => {
        for (const t of list)
          topics.set(
            t.topic,
            Array.from({ length: t.numPartitions }, () => []),
          );
        log.push(`create ${list.map((t) => `${t.topic}/${t.numPartitions}`).join(",")}`);
        return true;
      },
    }),
    producer: () => ({
      connect: async () => {},
      disconnect: async () => {},
      send: async ({
        topic,
        messages,
      }: {
        topic: string;
        messages: { key: string; value: Buffer; partition: number }[];
      }) => {
        const parts = topics.get(topic)!;
        for (const m of messages) {
          if (m.partition === undefined || m.partition >= parts.length) throw new Error("bad partition");
          parts[m.partition]!.push({ key: m.key, value: m.value });
        }
        return [];
      },
    }),
    consumer: () => {
      const listeners: ((e: { payload: { memberAssignment: Record<string, number[]> } }) => void)[] = [];
      let topic = "";
      let stopped = false;
      return {
        events: { GROUP_JOIN: "consumer.group_join" },
        on: (_name: string, l: (e: { payload: { memberAssignment: Record<string, number[]> } }) => void) => {
          listeners.push(l);
          return () => {};
        },
        connect: async () => {},
        disconnect: async () => {},
        stop: async () => {
          stopped = true;
        },
        subscribe: async ({ topics: list }: { topics: string[] }) => {
          topic = list[0]!;
        },
        commitOffsets: async (offsets: { topic: string; partition: number; offset: string }[]) => {
          for (const o of offsets) {
            committed.set(`${o.topic}/${o.partition}`, Number(o.offset));
            log.push(`kafka-commit ${o.partition} ${o.offset}`);
          }
        },
        run: async ({ eachBatch }: { eachBatch: (p: unknown) => Promise<void> }) => {
          const parts = topics.get(topic)!;
          const mine = assignment ?? parts.map((_, i) => i);
          for (const l of listeners) l({ payload: { memberAssignment: { [topic]: mine } } });
          for (const p of mine) {
            let offset = committed.get(`${topic}/${p}`) ?? 0;
            while (!stopped && offset < parts[p]!.length) {
              const msgs = parts[p]!.slice(offset, offset + 25).map((m, k) => ({
                offset: String(offset + k),
                key: Buffer.from(m.key),
                value: m.value,
              }));
              offset += msgs.length;
              await eachBatch({
                batch: { topic, partition: p, messages: msgs },
                isRunning: () => true,
                isStale: () => false,
                heartbeat: async () => {},
              });
            }
          }
        },
      };
    },
  };
  return {
    client: client as unknown as KafkaClient,
    topics,
    committed,
    assign(partitions: number[] | null) {
      assignment = partitions;
    },
  };
}

const START = daysFromCivil(2010, 1, 4);
function activity(): ActivityEvent[] {
  const users = ["AAA0001", "BBB0002", "CCC0003", "DDD0004", "EEE0005", "FFF0006"];
  const out: ActivityEvent[] = [];
  let line = 0;
  for (let d = 0; d < 20; d++) {
    for (const [i, u] of users.entries()) {
      const t = (START + d) * MS_PER_DAY + (8 + i / 10) * MS_PER_HOUR;
      out.push(
        makeEvent({
          t,
          user: u,
          host: `PC-${i}`,
          kind: "logon",
          action: "logon",
          sourceFile: "logon.csv",
          sourceLine: ++line,
          sourceId: `L${line}`,
        }),
      );
      out.push(
        makeEvent({
          t: t + 60_000,
          user: u,
          host: `PC-${i}`,
          kind: "http",
          action: "visit",
          object: "http://a.com/",
          sourceFile: "http.csv",
          sourceLine: line,
          sourceId: `H${line}`,
        }),
      );
    }
  }
  return out.sort((a, b) => a.t - b.t);
}

async function* batches(events: ActivityEvent[]) {
  yield events.slice(0, 100);
  yield events.slice(100);
}

function store(log: string[]) {
  const checkpoints = new Map<number, WorkerCheckpoint>();
  const committed: WorkerOutput = { userDays: [], alerts: [] };
  const s: WorkerStore = {
    async load(p) {
      return checkpoints.get(p) ?? null;
    },
    async commit(p, cp, out) {
      const stored = checkpoints.get(p) ?? null;
      if (!checkpointAccepted(stored, cp)) throw new StaleCheckpointError(p, cp.seq, stored?.seq ?? 0);
      checkpoints.set(p, { ...cp, snapshot: JSON.parse(JSON.stringify(cp.snapshot)) as EngineSnapshot });
      committed.userDays.push(...out.userDays);
      committed.alerts.push(...out.alerts);
      log.push(`store-commit ${p} ${cp.seq}`);
    },
  };
  return { store: s, committed, checkpoints };
}

const createEngine = (
  snapshot: EngineSnapshot | null,
  sink: Parameters<typeof createInsiderEngine>[0]["sink"],
) =>
  createInsiderEngine({
    options: { internalDomains: ["corp.jp"] },
    directory: new Directory(),
    assets: new AssetRegistry(),
    sink,
    ...(snapshot ? { snapshot } : {}),
  });

describe("Kafka adapter contract (kafkajs stand-in; not a broker)", () => {
  it("creates the topic and writes each user's events to its partition, logons to all partitions", async () => {
    const log: string[] = [];
    const k = fakeKafka(log);
    const events = activity();
    const r = await publishToKafka(batches(events), { kafka: k.client, topic: "t", partitions: 3 });
    expect(log[0]).toBe("create t/3");
    expect(r.events).toBe(events.length);
    const parts = k.topics.get("t")!;
    for (const [p, msgs] of parts.entries()) {
      for (const m of msgs) {
        const d = decodeEvent(m.value);
        if ("error" in d) throw new Error(d.error);
        expect(m.key).toBe(d.event.user);
        if (d.replica) expect(d.event.kind).toBe("logon");
        else expect(partitionOf(d.event.user, 3)).toBe(p);
      }
    }
    const logons = events.filter((e) => e.kind === "logon").length;
    expect(r.messages).toBe(events.length + 2 * logons);
  });

  it("maps offsets to sequences and commits offsets only after a durable checkpoint", async () => {
    const log: string[] = [];
    const k = fakeKafka(log);
    await publishToKafka(batches(activity()), { kafka: k.client, topic: "t", partitions: 2 });
    const s = store(log);
    const source = kafkaSource({ kafka: k.client, topic: "t", groupId: "g" });
    await runDetectorHost({
      source,
      store: s.store,
      createEngine,
      signal: AbortSignal.abort(),
      checkpointEvery: 50,
      finishOnEnd: true,
    });
    const kafkaCommits = log.filter((l) => l.startsWith("kafka-commit"));
    expect(kafkaCommits.length).toBeGreaterThan(2);
    for (const c of kafkaCommits) {
      const [, p, off] = c.split(" ");
      const idx = log.indexOf(c);
      expect(log.slice(0, idx)).toContain(`store-commit ${p} ${off}`);
    }
    for (const p of [0, 1]) expect(k.committed.get(`t/${p}`)).toBe(k.topics.get("t")![p]!.length);
    const keys = s.committed.userDays.map((d) => `${d.user}|${d.day}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(6 * 20);
  });

  it("resumes from the checkpoint after a rebalance, and refuses stale checkpoints", async () => {
    const log: string[] = [];
    const k = fakeKafka(log);
    await publishToKafka(batches(activity()), { kafka: k.client, topic: "t", partitions: 2 });
    const s = store(log);
    // This member first owns partition 0 only and dies without a final checkpoint.
    k.assign([0]);
    await runDetectorHost({
      source: kafkaSource({ kafka: k.client, topic: "t", groupId: "g" }),
      store: s.store,
      createEngine,
      signal: AbortSignal.abort(),
      checkpointEvery: 70,
      flushOnEnd: false,
    });
    const resumeAt = k.committed.get("t/0")!;
    expect(resumeAt).toBeGreaterThan(0);
    expect(resumeAt).toBeLessThan(k.topics.get("t")![0]!.length);
    expect(s.checkpoints.get(0)!.seq).toBe(resumeAt);
    // After the rebalance a member owns both: partition 0 resumes from its checkpoint.
    k.assign([0, 1]);
    const second = await runDetectorHost({
      source: kafkaSource({ kafka: k.client, topic: "t", groupId: "g" }),
      store: s.store,
      createEngine,
      signal: AbortSignal.abort(),
      checkpointEvery: 40,
      finishOnEnd: true,
    });
    expect([...second.keys()].sort()).toEqual([0, 1]);
    const keys = s.committed.userDays.map((d) => `${d.user}|${d.day}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(6 * 20);
    await expect(
      s.store.commit(0, { snapshot: null, seq: 1 }, { userDays: [], alerts: [] }),
    ).rejects.toBeInstanceOf(StaleCheckpointError);
  });
});
