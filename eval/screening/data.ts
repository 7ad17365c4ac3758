/**
 * Locating and loading the reference data for the screening evaluation and benchmark. The data
 * lives outside the repository (licences, size) in `../shared/data`; nothing here copies it.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { countryCode } from "../../src/screening/importers/countries.js";
import { readListFile } from "../../src/screening/importers/index.js";
import type { ListEntity } from "../../src/screening/screening-contract.js";

const here = dirname(fileURLToPath(import.meta.url));

/** Repository root, whether running from `eval/` sources or from `dist/eval/`. */
export function repoRoot(): string {
  let dir = here;
  for (let i = 0; i < 6; i++) {
    if (existsSync(resolve(dir, "package.json"))) return dir;
    dir = resolve(dir, "..");
  }
  return process.cwd();
}

/**
 * The shared data directory: $SEKIMORI_SHARED_DATA (an error if set but wrong), else ../shared/data
 * beside the repo (or beside a worktree's parent); null when absent.
 */
export function findSharedData(): string | null {
  const explicit = process.env.SEKIMORI_SHARED_DATA;
  if (explicit) {
    // an explicitly configured directory must exist: a CI gate must not pass by skipping
    if (existsSync(resolve(explicit, "SOURCES.md"))) return resolve(explicit);
    throw new Error(
      `SEKIMORI_SHARED_DATA=${explicit}: no SOURCES.md there (not the reference data directory)`,
    );
  }
  const candidates = [resolve(repoRoot(), "../shared/data"), resolve(repoRoot(), "../../shared/data")];
  for (const c of candidates) if (existsSync(resolve(c, "SOURCES.md"))) return c;
  return null;
}

/** The list files of the reference data, by the id the evaluation uses. */
export const LIST_FILES: Record<string, { path: string; format: string }> = {
  un: { path: "lists/un/consolidated-2026-02-27.xml", format: "un_xml" },
  ofac_sdn: { path: "lists/ofac/sdn-2021-07/sdn.csv", format: "ofac_csv" },
  ofac_cons: { path: "lists/ofac/cons-2025-12/cons_prim.csv", format: "ofac_csv" },
  meti_eul: { path: "lists/jp/meti-foreign-user-list-2025-09-29.csv", format: "meti_eul_csv" },
  dod_1286: { path: "lists/us-dod/section-1286.csv", format: "dod_1286" },
  dod_1260h: { path: "lists/us-dod/1260h-chinese-military-companies.csv", format: "dod_1260h" },
  cn_counter: { path: "lists/cn/counter-sanctions.csv", format: "cn_counter" },
  aspi: { path: "lists/aspi/china-defence-universities.json", format: "aspi_misp" },
  bis_dpl: { path: "lists/bis/dpl-2022-09.txt", format: "bis_dpl" },
};

/** Reads one list with the project's own importer. */
export async function loadList(file: string, format: string): Promise<ListEntity[]> {
  const out: ListEntity[] = [];
  for await (const e of readListFile(file, format)) out.push(e);
  return out;
}

export async function loadNamedList(data: string, id: string): Promise<ListEntity[]> {
  const f = LIST_FILES[id];
  if (!f) throw new Error(`unknown list id ${id}`);
  return loadList(resolve(data, f.path), f.format);
}

export function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(file), {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
    comment: "#",
  });
}

/** A yente-style person fixture row as a screening query (name, birth date, nationality). */
export function personQuery(row: Record<string, string>, withFacts: boolean) {
  const name = row.full_name ?? "";
  if (!withFacts) return { name, schema: "Person" as const };
  const nat = (row.nationality ?? "").trim();
  const code = nat.length === 2 ? nat.toLowerCase() : countryCode(nat);
  return {
    name,
    schema: "Person" as const,
    birthDate: row.date_of_birth || undefined,
    countries: code ? [code.toLowerCase()] : undefined,
  };
}

/**
 * Writes one generated block (eval or bench results) into docs/benchmarks.md under its
 * `## Screening` section, replacing the previous block with the same marker, so that re-running
 * `npm run eval:screening -- --write-docs` or `npm run bench:screening` updates the numbers in place.
 */
export function writeScreeningDocs(marker: "eval" | "bench", block: string): void {
  const file = resolve(repoRoot(), "docs/benchmarks.md");
  const start = `<!-- screening-${marker}:start -->`;
  const end = `<!-- screening-${marker}:end -->`;
  let doc = existsSync(file)
    ? readFileSync(file, "utf8")
    : "# Benchmarks and evaluations\n\nMeasured numbers for Sekimori's speed, memory and quality targets, each written by its `npm run bench:*` / `npm run eval:*` script. Machine: 2 cores (shared with other agents — load noted per run), Node 20.20.2. The lead re-runs them on a quiet machine.\n";
  if (!doc.includes("\n## Screening\n")) {
    doc = `${doc.trimEnd()}\n\n## Screening\n\nReference data: \`../shared/data\` (see its SOURCES.md; never copied into the repository).\n`;
  }
  const wrapped = `${start}\n${block.trim()}\n${end}`;
  if (doc.includes(start) && doc.includes(end)) {
    doc = doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), () => wrapped);
  } else {
    // append inside the Screening section: before the next "## " heading, or at the end
    const at = doc.indexOf("\n## Screening\n");
    const next = doc.indexOf("\n## ", at + 5);
    doc =
      next < 0
        ? `${doc.trimEnd()}\n\n${wrapped}\n`
        : `${doc.slice(0, next).trimEnd()}\n\n${wrapped}\n${doc.slice(next)}`;
  }
  writeFileSync(file, doc);
}
