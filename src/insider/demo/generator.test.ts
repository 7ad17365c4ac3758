import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAnswers } from "../../../eval/insider/answers.js";
import { evaluate, type ScoredDay } from "../../../eval/insider/metrics.js";
import { analyseDataset } from "../engine/pipeline.js";
import type { SourceCursor } from "../engine/sources.js";
import { type GeneratedSummary, generateCertDataset } from "./generator.js";
import { writeDemoDataset } from "./write-dataset.js";

let dir: string;
let summary: GeneratedSummary;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "sekimori-insider-gen-"));
  summary = writeDemoDataset(dir, { users: 150, days: 75, seed: 3 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("demo dataset generator", () => {
  it("writes the CERT r5.2 layout with LDAP projects, HR, assets and a CERT answer key", () => {
    for (const f of [
      "logon.csv",
      "device.csv",
      "file.csv",
      "email.csv",
      "http.csv",
      "psychometric.csv",
      "hr.csv",
      "confidential-assets.json",
      "answers/insiders.csv",
    ])
      expect(existsSync(path.join(dir, f)), f).toBe(true);
    expect(readFileSync(path.join(dir, "file.csv"), "utf8").split("\n")[0]).toBe(
      "id,date,user,pc,filename,activity,to_removable_media,from_removable_media,content",
    );
    const ldap = readdirSync(path.join(dir, "LDAP")).sort();
    expect(ldap).toEqual(["2010-01.csv", "2010-02.csv", "2010-03.csv"]);
    expect(readFileSync(path.join(dir, "LDAP", ldap[0]!), "utf8").split("\n")[0]).toContain(",projects,");
    const answers = readFileSync(path.join(dir, "answers/insiders.csv"), "utf8").trim().split("\n");
    expect(answers[0]).toBe("dataset,scenario,details,user,start,end");
    expect(new Set(answers.slice(1).map((l) => l.split(",")[1]))).toEqual(
      new Set(["1", "2", "3", "4", "5", "6", "7"]),
    );
    expect(summary.insiders.every((p) => Number.isFinite(p.firstExfiltration) && p.details.length > 0)).toBe(
      true,
    );
  });

  it("writes case 7's remote sign-ins and process starts as ECS, with insiders and look-alikes", () => {
    const lines = readFileSync(path.join(dir, "remote.ecs.jsonl"), "utf8").trim().split("\n");
    type EcsDoc = {
      "@timestamp": string;
      user: { name: string };
      host: { name: string };
      event: { category: string[] };
      source?: { as?: { number: number }; geo?: { country_iso_code: string } };
      process?: { name: string };
    };
    const docs = lines.map((l) => JSON.parse(l) as EcsDoc);
    expect(docs.every((d) => typeof d["@timestamp"] === "string" && d.user.name && d.host.name)).toBe(true);
    const times = docs.map((d) => Date.parse(d["@timestamp"]));
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
    expect(docs.some((d) => (d.source?.as?.number ?? 0) > 0 && d.source?.geo?.country_iso_code)).toBe(true);
    expect(docs.some((d) => d.event.category.includes("process") && d.process?.name)).toBe(true);
    const farm = summary.insiders.find((p) => p.case === 7);
    expect(farm?.variant).toBe("laptop-farm");
    expect(farm!.details.every((l) => l.startsWith("remote,R"))).toBe(true);
    const population = readFileSync(path.join(dir, "answers/population.csv"), "utf8");
    expect(population).toContain("remote-lookalike;remote-");
    // The classic profile (before issue 12) has no remote world.
    const classic = new Map<string, string>();
    generateCertDataset(
      { users: 40, days: 30, seed: 5, profile: "classic" },
      { append: (f, t) => classic.set(f, (classic.get(f) ?? "") + t) },
    );
    expect(classic.has("remote.ecs.jsonl")).toBe(false);
  });

  it("is reproducible from its seed", () => {
    const texts = (seed: number) => {
      const out = new Map<string, string>();
      generateCertDataset(
        { users: 40, days: 30, seed },
        { append: (f, t) => out.set(f, (out.get(f) ?? "") + t) },
      );
      return out.get("logon.csv");
    };
    expect(texts(5)).toBe(texts(5));
    expect(texts(5)).not.toBe(texts(6));
  });

  it("is read by the engine with its malformed rows reported, and its insiders are found", async () => {
    const days: ScoredDay[] = [];
    const result = await analyseDataset({
      target: dir,
      sink: {
        userDay: (r) => days.push({ user: r.user, day: r.day, score: r.score, alerted: r.alertKey !== null }),
      },
    });
    expect(result.internalDomains).toEqual(["dtaa.com"]);
    const malformed = result.sources.flatMap((s) => s.stats.samples);
    expect(malformed.length).toBeGreaterThanOrEqual(3);
    expect(malformed.every((m) => m.line > 1 && m.file.endsWith(".csv"))).toBe(true);
    expect(result.sources.find((s) => s.file.rel === "remote.ecs.jsonl")?.stats.malformed).toBe(0);
    expect(result.engine.stats.unknownUsers).toBe(2);
    const labels = await readAnswers(path.join(dir, "answers/insiders.csv"));
    const report = evaluate(days, labels);
    expect(report.overall.insidersAlerted).toBe(1);
    expect(report.overall.detectionRate["0.05"]).toBe(1);
  });

  it("skips every row on re-ingestion with the cursors of the first run", async () => {
    const first = await analyseDataset({ target: dir, sink: {} });
    const cursors = new Map<string, SourceCursor>(first.sources.map((s) => [s.identity, s.cursor]));
    const again = await analyseDataset({ target: dir, sink: {}, cursors });
    expect(first.engine.stats.events).toBeGreaterThan(10_000);
    expect(again.engine.stats.events).toBe(0);
    expect(again.sources.reduce((a, s) => a + s.skipped, 0)).toBe(first.engine.stats.events);
  });
});
