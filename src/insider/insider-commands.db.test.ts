import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../shared/actor.js";
import { runCli } from "../testing/cli-run.js";
import { createTestApp } from "../testing/test-app.js";
import { seedInsiderDemo } from "./insider-demo.js";

let dir: string;
const saved = { ...process.env };

const run = runCli;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "sekimori-insider-cli-"));
  process.env.SEKIMORI_DATA_DIR = path.join(dir, "data");
  process.env.SEKIMORI_CONFIG = path.join(dir, "none.json");
  delete process.env.DATABASE_URL;
});
afterAll(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe("sekimori demo insider / insider ingest", () => {
  it("writes a dataset, ingests it with a report, and refuses bad arguments", async () => {
    const out = path.join(dir, "cert");
    const demo = await run("demo", "insider", "--users", "40", "--days", "40", "--out", out, "--seed", "3");
    expect(demo.code).toBe(0);
    expect(demo.out).toMatch(/wrote 40 people × 40 days/);
    expect(existsSync(path.join(out, "answers", "insiders.csv"))).toBe(true);
    expect(readFileSync(path.join(out, "LDAP", "2010-01.csv"), "utf8")).toContain("projects");

    const ingest = await run("insider", "ingest", out);
    expect(ingest.code).toBe(0);
    expect(ingest.out).toMatch(/logon\.csv\s+logon/);
    expect(ingest.out).toMatch(/malformed 9/);
    expect(ingest.out).toMatch(/logon\.csv:\d+: invalid date/);

    const again = await run("insider", "ingest", out, "--json");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ events: 0, alertsNew: 0 });

    expect((await run("demo", "insider", "--users", "5", "--out", out)).code).toBe(1);
    const directory = await run("insider", "directory", out);
    expect(directory.code).toBe(0);
    expect(directory.out).toMatch(/people 40, assets \d+, problems 0/);
    const noBus = await run("insider", "publish", out);
    expect(noBus.code).toBe(1);
    expect(noBus.err).toMatch(/exactly one of --nats or --kafka/);
    const badPartitions = await run("insider", "worker", "--nats", "nats://127.0.0.1:1", "--partitions", "a");
    expect(badPartitions.code).toBe(1);
    expect(badPartitions.err).toMatch(/--partitions must list non-negative integers/);
    const missing = await run("insider", "ingest", path.join(dir, "nope"));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no such file|ENOENT/i);
  });
});

describe("npm start demo data", () => {
  it("seeds a small organisation with alerts, one of them under review", async () => {
    const t = await createTestApp();
    try {
      const lines: string[] = [];
      await seedInsiderDemo(t.services.insider, systemActor("demo"), (l) => lines.push(l));
      expect(lines[0]).toMatch(/insider demo: 150 people × 75 days/);
      const d = await t.services.insider.dashboard();
      expect(d.topAlerts.length).toBeGreaterThan(3);
      expect(d.byStatus.reviewing).toBe(1);
    } finally {
      await t.close();
    }
  });
});
