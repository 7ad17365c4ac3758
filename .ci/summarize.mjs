#!/usr/bin/env node
// Adds up the results of every CI stage and prints the final "N passed, N failed" line.
// Stages: vitest JSON reports, Playwright JSON reports, and gate lines ("PASS name" / "FAIL name").
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
const lines = [];

for (const arg of process.argv.slice(2)) {
  const [kind, file, label] = arg.split(":");
  if (!existsSync(file)) {
    failed += 1;
    lines.push(`${label}: no report (the stage did not run to the end) — counted as 1 failure`);
    continue;
  }
  const text = readFileSync(file, "utf8");
  if (kind === "vitest") {
    const r = JSON.parse(text);
    const p = r.numPassedTests ?? 0;
    // A test file that failed before any test ran (import error, failing hook) counts once.
    const brokenFiles = (r.testResults ?? []).filter(
      (file) => file.status === "failed" && !(file.assertionResults ?? []).some((a) => a.status === "failed"),
    ).length;
    const f = (r.numFailedTests ?? 0) + brokenFiles;
    passed += p;
    failed += f;
    lines.push(`${label}: ${p} passed, ${f} failed`);
  } else if (kind === "playwright") {
    const r = JSON.parse(text);
    const p = (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0);
    const f = (r.stats?.unexpected ?? 0) + (r.errors?.length ?? 0);
    passed += p;
    failed += f;
    lines.push(`${label}: ${p} passed, ${f} failed${r.stats?.flaky ? ` (${r.stats.flaky} flaky)` : ""}`);
  } else if (kind === "gates") {
    let p = 0;
    let f = 0;
    for (const line of text.split("\n")) {
      if (line.startsWith("PASS ")) p += 1;
      else if (line.startsWith("FAIL ")) f += 1;
    }
    passed += p;
    failed += f;
    lines.push(`${label}: ${p} passed, ${f} failed`);
  }
}
for (const line of lines) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
