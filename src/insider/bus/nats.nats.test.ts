import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliActor } from "../../shared/actor.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import type { GeneratedSummary } from "../demo/generator.js";
import { writeDemoDataset } from "../demo/write-dataset.js";
import { discoverDataset, mergeByTime, openActivityFile } from "../engine/sources.js";
import { natsSource, publishToNats } from "./nats.js";
import { runDetectorHost } from "./worker.js";

/**
 * Detector workers against a real nats-server (Debian package `nats-server`; set NATS_SERVER to
 * use another binary), started here on a free port with JetStream in a temporary directory.
 */
const NATS_BINARY =
  process.env.NATS_SERVER ??
  ["/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server"].find((p) => existsSync(p));

let server: ChildProcess | null = null;
let url = "";
let dir: string;
let t: TestApp;
let summary: GeneratedSummary;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  if (!NATS_BINARY)
    throw new Error(
      "nats-server not found: install the Debian package nats-server (apt-get install nats-server) or set NATS_SERVER",
    );
  dir = mkdtempSync(path.join(tmpdir(), "sekimori-nats-"));
  const port = await freePort();
  url = `nats://127.0.0.1:${port}`;
  server = spawn(NATS_BINARY, ["-js", "-sd", path.join(dir, "js"), "-a", "127.0.0.1", "-p", String(port)], {
    stdio: "ignore",
  });
  for (let i = 0; i < 100; i++) {
    try {
      const nc = await connect({ servers: url, reconnect: false });
      await nc.close();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  summary = writeDemoDataset(path.join(dir, "data"), { users: 60, days: 45, seed: 5 });
  t = await createTestApp();
}, 60_000);

afterAll(async () => {
  await t?.close();
  if (server?.pid) server.kill("SIGTERM");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function datasetBatches() {
  const layout = discoverDataset(path.join(dir, "data"));
  return mergeByTime(layout.activity.map((f) => openActivityFile(f, { utcOffsetMinutes: 540 }).batches));
}

describe("NATS JetStream scale-out", () => {
  it("publishes partitioned by user and two worker processes score every user-day once into the database", async () => {
    const imported = await t.services.insider.importDirectory(cliActor(), path.join(dir, "data"));
    expect(imported.people).toBe(60);

    const published = await publishToNats(datasetBatches(), { servers: url, partitions: 3 });
    expect(published.messages).toBeGreaterThan(published.events);

    const actor = cliActor();
    const host = async (partitions: number[]) =>
      runDetectorHost({
        source: await natsSource({
          servers: url,
          partitions,
          stopWhenIdle: true,
          batchSize: 500,
          idleMs: 1000,
        }),
        store: t.services.insider.busStore(actor),
        createEngine: await t.services.insider.busEngineFactory(),
        signal: new AbortController().signal,
        checkpointEvery: 3000,
        finishOnEnd: true,
      });
    const [a, b] = await Promise.all([host([0, 1]), host([2])]);
    expect([...a.keys()].sort()).toEqual([0, 1]);
    expect([...b.keys()]).toEqual([2]);
    const processed = [...a.values(), ...b.values()].reduce((s, w) => s + w.stats.processed, 0);
    expect(processed).toBe(published.events);

    // Every user-day exactly once (the primary key would refuse a second one; the count proves none is missing).
    const days = await t.services.db.selectFrom("insider_user_days").select(["subject_key", "day"]).execute();
    const users = new Set(days.map((d) => d.subject_key));
    expect(users.size).toBe(62);
    expect(days.length).toBeGreaterThan(60 * 25);

    // All consumers acknowledged everything, after their checkpoints.
    const nc = await connect({ servers: url });
    const jsm = await jetstreamManager(nc);
    for (const p of [0, 1, 2]) {
      const info = await jsm.consumers.info("SEKIMORI_INSIDER", `detector-${p}`);
      expect(info.num_ack_pending, `partition ${p}`).toBe(0);
      expect(info.num_pending, `partition ${p}`).toBe(0);
    }
    const states = await t.services.db.selectFrom("insider_engine_state").select(["scope"]).execute();
    expect(states.map((s) => s.scope).sort()).toEqual(["partition:0", "partition:1", "partition:2"]);

    // The seeded insiders are found through the bus as well.
    const alerted = new Set(
      (await t.services.db.selectFrom("insider_alerts").select(["subject_key"]).execute()).map(
        (r) => r.subject_key,
      ),
    );
    const found = summary.insiders.filter((i) => alerted.has(i.user)).length;
    expect(found).toBe(summary.insiders.length);

    // Publishing the same rows again is dropped by JetStream's duplicate window (message ids per row).
    const before = (await jsm.streams.info("SEKIMORI_INSIDER")).state.messages;
    await publishToNats(datasetBatches(), { servers: url, partitions: 3 });
    expect((await jsm.streams.info("SEKIMORI_INSIDER")).state.messages).toBe(before);
    await nc.close();

    // A restarted worker finds nothing new and writes nothing twice.
    const again = await host([0, 1, 2]);
    expect([...again.values()].reduce((s, w) => s + w.stats.processed, 0)).toBe(0);
    expect((await t.services.db.selectFrom("insider_user_days").select(["day"]).execute()).length).toBe(
      days.length,
    );
  }, 180_000);
});
