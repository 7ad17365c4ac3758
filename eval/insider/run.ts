/**
 * `npm run eval:insider` — the insider-risk quality gate.
 *
 * Without arguments: generates a 1,000-person, 180-day organisation with seeded insiders for the six
 * cases (the same generator as `sekimori demo insider`), runs the engine over its CERT r5.2 files
 * exactly as ingestion does, and checks the targets: every seeded insider within the 1 % budget of
 * user-days and alerted no later than the day after their first exfiltration event. Exits 1 when
 * a target is missed.
 *
 * With `--data DIR --answers insiders.csv [--release r4.2]`: evaluates any CERT-format directory and
 * prints the metrics as JSON (no gate unless `--gate`).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeDemoDataset } from "../../src/insider/demo/write-dataset.js";
import { CERT_RELEASES, type CertRelease } from "../../src/insider/engine/cert-adapter.js";
import { analyseDataset } from "../../src/insider/engine/pipeline.js";
import { readAnswers } from "./answers.js";
import { evaluate, type ScoredDay } from "./metrics.js";

const { values } = parseArgs({
  options: {
    data: { type: "string" },
    answers: { type: "string" },
    release: { type: "string" },
    users: { type: "string", default: "1000" },
    days: { type: "string", default: "180" },
    seed: { type: "string", default: "7" },
    out: { type: "string" },
    gate: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    "no-hr": { type: "boolean", default: false },
    verbose: { type: "boolean", default: false },
  },
});

async function main(): Promise<number> {
  const release = values.release as CertRelease | undefined;
  if (release && !CERT_RELEASES.includes(release)) {
    process.stderr.write(`--release must be one of ${CERT_RELEASES.join(", ")}\n`);
    return 2;
  }
  let dataDir = values.data;
  let answers = values.answers;
  let generated: string | null = null;
  const started = Date.now();
  if (!dataDir) {
    generated = mkdtempSync(path.join(tmpdir(), "sekimori-insider-eval-"));
    const summary = writeDemoDataset(generated, {
      users: Number(values.users),
      days: Number(values.days),
      seed: Number(values.seed),
    });
    process.stderr.write(
      `generated ${summary.users} people × ${summary.days} days, ${summary.events.toLocaleString("en")} events, ${summary.insiders.length} insiders in ${((Date.now() - started) / 1000).toFixed(1)} s (${generated})\n`,
    );
    dataDir = generated;
    answers = path.join(generated, "answers", "insiders.csv");
  }
  if (!answers) {
    process.stderr.write("--answers is required with --data\n");
    return 2;
  }
  try {
    const labels = await readAnswers(answers, release?.slice(1));
    const days: ScoredDay[] = [];
    const t0 = Date.now();
    const result = await analyseDataset({
      target: dataDir,
      ...(release ? { release } : {}),
      sink: {
        userDay: (r) => days.push({ user: r.user, day: r.day, score: r.score, alerted: r.alertKey !== null }),
      },
    });
    const seconds = (Date.now() - t0) / 1000;
    const events = result.engine.stats.events;
    const report = {
      dataset: generated
        ? `generated (users=${values.users}, days=${values.days}, seed=${values.seed})`
        : dataDir,
      release: release ?? "auto",
      events,
      seconds: Math.round(seconds * 10) / 10,
      eventsPerSecond: Math.round(events / seconds),
      malformedRows: result.sources.reduce((a, s) => a + s.stats.malformed, 0),
      engine: { ...result.engine.stats, lateSamples: undefined },
      ...evaluate(days, labels),
    };
    const failures: string[] = [];
    if (generated || values.gate) {
      for (const p of report.perInsider) {
        if (p.bestRankPercent === null || p.bestRankPercent > 1)
          failures.push(
            `${p.user} (case ${p.scenario}): best user-day rank ${p.bestRankPercent ?? "none"} % > 1 %`,
          );
        if (!p.alerted) failures.push(`${p.user} (case ${p.scenario}): no alert during the malicious period`);
        else if (p.firstAlertDelayFromExfiltration !== null && p.firstAlertDelayFromExfiltration > 1)
          failures.push(
            `${p.user} (case ${p.scenario}): first alert ${p.firstAlertDelayFromExfiltration} days after exfiltration`,
          );
      }
    }
    const output = {
      ...report,
      targets: { checked: Boolean(generated || values.gate), pass: failures.length === 0, failures },
    };
    const json = JSON.stringify(output, null, 2);
    if (values.out) writeFileSync(values.out, `${json}\n`);
    process.stdout.write(`${json}\n`);
    if (failures.length > 0) {
      process.stderr.write(
        `\ninsider eval: ${failures.length} target(s) missed:\n  ${failures.join("\n  ")}\n`,
      );
      return 1;
    }
    process.stderr.write(
      `insider eval: ${output.targets.checked ? "targets met" : "metrics printed (no gate)"}\n`,
    );
    return 0;
  } finally {
    if (generated && !values.keep) rmSync(generated, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`insider eval failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  },
);
