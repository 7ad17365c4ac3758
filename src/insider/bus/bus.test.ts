import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GeneratedSummary } from "../demo/generator.js";
import { writeDemoDataset } from "../demo/write-dataset.js";
import { createInsiderEngine, type EngineSnapshot, type UserDayResult } from "../engine/engine.js";
import type { ActivityEvent } from "../engine/event.js";
import { type DatasetContext, inferInternalDomains } from "../engine/pipeline.js";
import { discoverDataset, loadDatasetContext, mergeByTime, openActivityFile } from "../engine/sources.js";
import { decodeEvent, encodeEvent, partitionOf, routeEvent } from "./contract.js";
import { createMemoryBus } from "./memory-bus.js";
import {
  checkpointAccepted,
  runDetectorHost,
  StaleCheckpointError,
  type WorkerCheckpoint,
  type WorkerOutput,
  type WorkerStore,
} from "./worker.js";

let dir: string;
let summary: GeneratedSummary;
let events: ActivityEvent[];
let context: DatasetContext;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "sekimori-insider-bus-"));
  summary = writeDemoDataset(dir, { users: 80, days: 50, seed: 21 });
  const layout = discoverDataset(dir);
  context = await loadDatasetContext(layout);
  events = [];
  for await (const b of mergeByTime(
    layout.activity.map((f) => openActivityFile(f, { utcOffsetMinutes: 540 }).batches),
  ))
    events.push(...b);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const engineFactory =
  () => (snapshot: EngineSnapshot | null, sink: Parameters<typeof createInsiderEngine>[0]["sink"]) =>
    createInsiderEngine({
      options: { internalDomains: inferInternalDomains(context.directory) },
      directory: context.directory,
      assets: context.assets,
      sink,
      ...(snapshot ? { snapshot: JSON.parse(JSON.stringify(snapshot)) as EngineSnapshot } : {}),
    });

function memoryStore() {
  const checkpoints = new Map<number, WorkerCheckpoint>();
  const committed: WorkerOutput = { userDays: [], alerts: [] };
  const store: WorkerStore = {
    async load(p) {
      return checkpoints.get(p) ?? null;
    },
    async commit(p, cp, out) {
      const stored = checkpoints.get(p) ?? null;
      if (!checkpointAccepted(stored, cp)) throw new StaleCheckpointError(p, cp.seq, stored?.seq ?? 0);
      checkpoints.set(p, { ...cp, snapshot: JSON.parse(JSON.stringify(cp.snapshot)) as EngineSnapshot });
      committed.userDays.push(...out.userDays);
      committed.alerts.push(...out.alerts);
    },
  };
  return { store, committed, checkpoints };
}

const key = (d: UserDayResult) => `${d.user}|${d.day}`;
const sig = (d: UserDayResult) => d.indicators.map((i) => i.id).join("+");

describe("bus contract", () => {
  it("round-trips events and marks replicas", () => {
    const ev = events.find((e) => e.kind === "email" && e.attachments.length > 0)!;
    const d = decodeEvent(encodeEvent(ev, true));
    expect(d).toEqual({ event: ev, replica: true });
    expect(decodeEvent(Buffer.from("nope"))).toEqual({ error: "not JSON" });
    expect(decodeEvent(Buffer.from('{"v":2}'))).toEqual({ error: "unsupported wire version 2" });
    expect(decodeEvent(Buffer.from('{"v":1,"t":1,"u":"x","k":"print"}'))).toEqual({
      error: "k (kind) is invalid",
    });
  });
  it("puts every user in one partition, spreads users, and copies logons everywhere", () => {
    const users = [...new Set(events.map((e) => e.user))];
    const counts = [0, 0, 0, 0];
    for (const u of users) counts[partitionOf(u, 4)]!++;
    expect(Math.min(...counts)).toBeGreaterThan(users.length / 8);
    const logon = events.find((e) => e.kind === "logon" && e.action === "logon")!;
    expect(routeEvent(logon, 4).map((r) => r.replica)).toEqual([false, true, true, true]);
    const http = events.find((e) => e.kind === "http")!;
    expect(routeEvent(http, 4)).toEqual([{ partition: partitionOf(http.user, 4), replica: false }]);
  });
});

describe("detector workers partitioned by user", () => {
  it("score every user-day exactly once, in its user's partition, like a single engine", async () => {
    const single: UserDayResult[] = [];
    const alertsSingle = new Set<string>();
    const engine = engineFactory()(null, {
      userDay: (r) => single.push({ ...r }),
      alert: (a) => alertsSingle.add(a.user),
    });
    engine.pushBatch(events);
    engine.finish();

    const bus = createMemoryBus(3);
    bus.publish(events);
    const { store, committed } = memoryStore();
    const workers = await runDetectorHost({
      source: bus.consumer([0, 1, 2], { batchSize: 700 }),
      store,
      createEngine: engineFactory(),
      signal: new AbortController().signal,
      checkpointEvery: 5000,
      finishOnEnd: true,
    });
    expect([...workers.keys()].sort()).toEqual([0, 1, 2]);
    const keys = committed.userDays.map(key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(keys)).toEqual(new Set(single.map(key)));
    for (const d of committed.userDays.slice(0, 200))
      expect(workers.get(partitionOf(d.user, 3))).toBeDefined();
    // Indicators come from the user's own history and machine ownership (replicated logons), so they
    // match the single engine; only the peer part of the anomaly score sees fewer peers.
    const bySingle = new Map(single.map((d) => [key(d), sig(d)]));
    const same = committed.userDays.filter((d) => bySingle.get(key(d)) === sig(d)).length;
    expect(same / committed.userDays.length).toBeGreaterThan(0.98);
    const alertedUsers = new Set(committed.alerts.map((a) => a.user));
    for (const insider of summary.insiders) {
      if (alertsSingle.has(insider.user)) expect(alertedUsers.has(insider.user), insider.user).toBe(true);
    }
    for (const p of [0, 1, 2]) expect(bus.acked(p)).toBe(bus.size(p));
    expect([...workers.values()].reduce((a, w) => a + w.stats.replicas, 0)).toBeGreaterThan(0);
  });

  it("has exactly-once effects after a crash and full redelivery", async () => {
    const bus = createMemoryBus(2);
    bus.publish(events);
    bus.publishRaw(0, Buffer.from("garbage"));
    const reference = memoryStore();
    await runDetectorHost({
      source: bus.consumer([0, 1]),
      store: reference.store,
      createEngine: engineFactory(),
      signal: new AbortController().signal,
      checkpointEvery: 4000,
      finishOnEnd: true,
    });

    const bus2 = createMemoryBus(2);
    bus2.publish(events);
    bus2.publishRaw(0, Buffer.from("garbage"));
    const s = memoryStore();
    // The first host dies after some messages: whatever it did not checkpoint is lost with it.
    const partial = await runDetectorHost({
      source: bus2.consumer([0, 1], { stopAfter: 30_000 }),
      store: s.store,
      createEngine: engineFactory(),
      signal: new AbortController().signal,
      checkpointEvery: 4000,
      flushOnEnd: false,
    });
    expect(s.checkpoints.size).toBe(2);
    expect(partial).toBeInstanceOf(Map);
    // The next host gets everything again from the start (worst case); checkpoints make it skip.
    const resumed = await runDetectorHost({
      source: bus2.consumer([0, 1], { replayFrom: 0 }),
      store: s.store,
      createEngine: engineFactory(),
      signal: new AbortController().signal,
      checkpointEvery: 4000,
      finishOnEnd: true,
    });
    expect([...resumed.values()].reduce((a, w) => a + w.stats.redelivered, 0)).toBeGreaterThan(0);
    expect(
      [...resumed.values(), ...partial.values()].reduce((a, w) => a + w.stats.malformed, 0),
    ).toBeGreaterThanOrEqual(1);
    expect([...resumed.values()].reduce((a, w) => a + w.stats.malformed, 0)).toBe(1);
    const keys = s.committed.userDays.map(key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(s.committed.userDays.map((d) => `${key(d)}:${d.score}`).sort()).toEqual(
      reference.committed.userDays.map((d) => `${key(d)}:${d.score}`).sort(),
    );
    expect(s.committed.alerts.map((a) => `${a.key}:${a.score}`).sort()).toEqual(
      reference.committed.alerts.map((a) => `${a.key}:${a.score}`).sort(),
    );
  });
});
