import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { writeDemoDataset } from "../demo/write-dataset.js";
import { analyseDataset } from "./pipeline.js";

// Golden output of the whole engine (parse, features, detectors, scoring, budget, alerts, evidence
// and the final snapshot) on seeded demo datasets. The fixture was written by the engine before the
// speed work of issue 12 §5 (main f90e4a5): speed changes must not move any score, indicator or
// alert. When behaviour changes on purpose, rewrite it with `UPDATE_GOLDEN=1 npx vitest run
// src/insider/engine/golden.test.ts` and say why in the commit.
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", "golden-demo.json");
const DATASETS = {
  realistic: { users: 150, days: 75, seed: 5, profile: "realistic" as const, contentBytes: 40 },
  classic: { users: 100, days: 60, seed: 7, profile: "classic" as const },
};
type Golden = { sha256: string; userDays: number; alertUpdates: number; budgetDays: number; events: number };

const dir = mkdtempSync(path.join(tmpdir(), "sekimori-golden-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(name: keyof typeof DATASETS): Promise<Golden> {
  const data = path.join(dir, name);
  writeDemoDataset(data, DATASETS[name]);
  const hash = createHash("sha256");
  const counts = { userDays: 0, alertUpdates: 0, budgetDays: 0 };
  const line = (kind: string, value: unknown) => hash.update(`${kind} ${JSON.stringify(value)}\n`);
  const result = await analyseDataset({
    target: data,
    sink: {
      userDay: (u) => {
        counts.userDays++;
        line("day", { ...u, features: Array.from(u.features) });
      },
      alert: (a) => {
        counts.alertUpdates++;
        line("alert", a);
      },
      budgetDay: (b) => {
        counts.budgetDays++;
        line("budget", b);
      },
    },
  });
  line("stats", result.engine.stats);
  line("snapshot", result.engine.snapshot());
  return { sha256: hash.digest("hex"), ...counts, events: result.engine.stats.events };
}

describe("insider engine golden output", () => {
  const stored: Record<string, Golden> = process.env.UPDATE_GOLDEN
    ? {}
    : JSON.parse(readFileSync(FIXTURE, "utf8"));
  const written: Record<string, Golden> = {};
  afterAll(() => {
    if (process.env.UPDATE_GOLDEN) writeFileSync(FIXTURE, `${JSON.stringify(written, null, 2)}\n`);
  });
  for (const name of Object.keys(DATASETS) as (keyof typeof DATASETS)[]) {
    it(`gives the same user-days, alerts, evidence and state on the ${name} demo dataset`, async () => {
      const got = await run(name);
      written[name] = got;
      expect(got.alertUpdates).toBeGreaterThan(0);
      if (!process.env.UPDATE_GOLDEN) expect(got).toEqual(stored[name]);
    }, 120_000);
  }
});
