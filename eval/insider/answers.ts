/**
 * Reads a CERT-style answer key: `insiders.csv` with `dataset,scenario,details,user,start,end`, and
 * (when present) the per-insider details files listing the malicious rows, which give the exact
 * malicious days. Without details files every day from start to end counts as malicious.
 * `exfiltration.csv` (written by our generator) adds the first exfiltration time.
 */
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { readSmallCsv } from "../../src/insider/engine/cert-adapter.js";
import { createCsvScanner, fieldText } from "../../src/insider/engine/csv-scanner.js";
import { dayOf, parseCertDate } from "../../src/insider/engine/time.js";
import type { InsiderLabel } from "./metrics.js";

function findFile(root: string, name: string): string | null {
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.name === name) return full;
    }
  }
  return null;
}

async function maliciousDays(file: string, user: string): Promise<Set<number>> {
  const days = new Set<number>();
  const scanner = createCsvScanner({
    maxFields: 5,
    onRecord: (view) => {
      // kind,id,date,user,...
      const t = parseCertDate(fieldText(view, 2));
      if (!Number.isNaN(t) && fieldText(view, 3).trim() === user) days.add(dayOf(t));
    },
    onProblem: () => {},
  });
  for await (const chunk of createReadStream(file)) scanner.push(chunk as Buffer);
  scanner.end();
  return days;
}

/** Loads the labels of an answer file (optionally only one dataset/release, e.g. `4.2`). */
export async function readAnswers(answersFile: string, dataset?: string): Promise<InsiderLabel[]> {
  const root = path.dirname(answersFile);
  const { rows } = await readSmallCsv(createReadStream(answersFile), answersFile);
  const exfil = new Map<string, number>();
  const exfilFile = path.join(root, "exfiltration.csv");
  if (existsSync(exfilFile)) {
    const e = await readSmallCsv(createReadStream(exfilFile), exfilFile);
    for (const r of e.rows) {
      const t = parseCertDate(r.values.first_exfiltration ?? "");
      if (!Number.isNaN(t)) exfil.set(`${r.values.user}|${r.values.scenario}`, dayOf(t));
    }
  }
  const labels: InsiderLabel[] = [];
  for (const { values } of rows) {
    const ds = (values.dataset ?? "").replace(/^r/i, "");
    if (dataset && ds !== dataset.replace(/^r/i, "")) continue;
    const user = values.user?.trim() ?? "";
    const scenario = values.scenario?.trim() ?? "";
    const start = parseCertDate(values.start ?? "");
    const end = parseCertDate(values.end ?? "");
    if (!user || Number.isNaN(start) || Number.isNaN(end)) continue;
    let days = new Set<number>();
    const detailsName = values.details?.trim();
    const details = detailsName ? findFile(root, detailsName) : null;
    if (details && statSync(details).isFile()) days = await maliciousDays(details, user);
    if (days.size === 0) for (let d = dayOf(start); d <= dayOf(end); d++) days.add(d);
    const sorted = [...days].sort((a, b) => a - b);
    labels.push({
      user,
      scenario,
      days,
      firstDay: sorted[0]!,
      lastDay: sorted[sorted.length - 1]!,
      exfiltrationDay: exfil.get(`${user}|${scenario}`) ?? null,
    });
  }
  return labels;
}

/**
 * The generator's behaviour groups per user (`population.csv` beside the answer key: `user,groups`
 * with `;`-separated groups), for per-group false-alert rates. Null when the file is absent (CERT).
 */
export async function readPopulationGroups(answersFile: string): Promise<Map<string, string[]> | null> {
  const file = path.join(path.dirname(answersFile), "population.csv");
  if (!existsSync(file)) return null;
  const { rows } = await readSmallCsv(createReadStream(file), file);
  return new Map(
    rows.map((r) => [
      r.values.user?.trim() ?? "",
      (r.values.groups ?? "")
        .split(";")
        .map((g) => g.trim())
        .filter(Boolean),
    ]),
  );
}
