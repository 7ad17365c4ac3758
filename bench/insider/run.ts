/**
 * `npm run bench:insider` — throughput and memory of the insider engine on CERT-format CSV.
 *
 * Generates CERT r5.2 datasets (1,000 and 4,000 people; content padded to CERT's row sizes), then
 * runs each in a fresh child process: (1) parse only (adapters + time merge), (2) parse + features +
 * scoring (the full engine, as ingestion runs it). Reports events per CPU-second (one core: the
 * engine is single-threaded) and wall-clock, and the child's peak RSS. Target: ≥ 100,000 events/s
 * per core for parse + features + scoring.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeDemoDataset } from "../../src/insider/demo/write-dataset.js";
import { analyseDataset } from "../../src/insider/engine/pipeline.js";
import { discoverDataset, mergeByTime, openActivityFile } from "../../src/insider/engine/sources.js";

const { values } = parseArgs({
  options: {
    child: { type: "string" },
    data: { type: "string" },
    configs: { type: "string", default: "1000x30,4000x30,1000x90" },
    content: { type: "string", default: "400" },
    keep: { type: "boolean", default: false },
  },
});

type ChildResult = {
  mode: string;
  events: number;
  cpuSeconds: number;
  wallSeconds: number;
  maxRssMiB: number;
  liveHeapMiB: number;
  users: number;
};

async function child(mode: string, dir: string): Promise<ChildResult> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let events = 0;
  let users = 0;
  let keepAlive: unknown = null;
  if (mode === "parse") {
    const layout = discoverDataset(dir);
    const sources = layout.activity.map((f) => openActivityFile(f, { utcOffsetMinutes: 540 }));
    for await (const batch of mergeByTime(sources.map((s) => s.batches))) events += batch.length;
  } else {
    const result = await analyseDataset({ target: dir, sink: { userDay: () => {}, alert: () => {} } });
    events = result.engine.stats.events;
    users = result.engine.userCount;
    keepAlive = result.engine;
  }
  const cpu = process.cpuUsage(cpu0);
  const wallSeconds = (performance.now() - t0) / 1000;
  // Live memory after a full collection, with the engine (all per-user state) still referenced.
  (globalThis as { gc?: () => void }).gc?.();
  const liveHeapMiB = Math.round(process.memoryUsage().heapUsed / 1048576);
  void keepAlive;
  return {
    mode,
    events,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    wallSeconds,
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    liveHeapMiB,
    users,
  };
}

async function main(): Promise<number> {
  if (values.child && values.data) {
    process.stdout.write(`${JSON.stringify(await child(values.child, values.data))}\n`);
    return 0;
  }
  const self = fileURLToPath(import.meta.url);
  const rows: string[] = [];
  const results: (ChildResult & { people: number; days: number })[] = [];
  for (const config of values.configs!.split(",")) {
    const [people, days] = config.split("x").map(Number) as [number, number];
    const dir = mkdtempSync(path.join(tmpdir(), "sekimori-insider-bench-"));
    try {
      const g0 = performance.now();
      const summary = writeDemoDataset(dir, {
        users: people,
        days,
        seed: 11,
        contentBytes: Number(values.content),
      });
      process.stderr.write(
        `generated ${people} people × ${days} days: ${summary.events.toLocaleString("en")} events in ${((performance.now() - g0) / 1000).toFixed(1)} s\n`,
      );
      for (const mode of ["parse", "engine"]) {
        const out = execFileSync(process.execPath, ["--expose-gc", self, "--child", mode, "--data", dir], {
          encoding: "utf8",
          maxBuffer: 1 << 20,
        });
        const r = JSON.parse(out) as ChildResult;
        results.push({ ...r, people, days });
        const perCore = Math.round(r.events / r.cpuSeconds);
        const wall = Math.round(r.events / r.wallSeconds);
        rows.push(
          `| ${people.toLocaleString("en")} × ${days} d | ${mode === "parse" ? "parse only" : "parse + features + scoring"} | ${r.events.toLocaleString("en")} | ${perCore.toLocaleString("en")} | ${wall.toLocaleString("en")} | ${r.maxRssMiB} | ${r.liveHeapMiB} |`,
        );
        process.stderr.write(`${rows[rows.length - 1]}\n`);
      }
    } finally {
      if (!values.keep) rmSync(dir, { recursive: true, force: true });
    }
  }
  const engine = results.filter((r) => r.mode === "engine");
  const minPerCore = Math.min(...engine.map((r) => r.events / r.cpuSeconds));
  const header = [
    `Machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, Node ${process.version}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} at start of report; ${new Date().toISOString().slice(0, 10)}`,
    "",
    "| Dataset | Stage | Events | Events/s per core (CPU time) | Events/s (wall) | Peak RSS (MiB) | Live heap after GC (MiB) |",
    "|---|---|---:|---:|---:|---:|---:|",
  ];
  process.stdout.write(`${[...header, ...rows].join("\n")}\n`);
  process.stdout.write(`\n${JSON.stringify({ results }, null, 2)}\n`);
  const pass = minPerCore >= 100_000;
  process.stderr.write(
    `\nbench:insider: slowest parse+features+scoring ${Math.round(minPerCore).toLocaleString("en")} events/s per core — target 100,000: ${pass ? "met" : "MISSED"}\n`,
  );
  return pass ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  },
);
