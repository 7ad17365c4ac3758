/**
 * Integration check of the list importers on the real reference files in ../shared/data/lists
 * (not part of `npm test`: that data is not in the repository). Prints the entities, names and
 * schemas read from each file and exits 1 when a file fails to import or reads no entities.
 *
 *   node --import ./scripts/ts-register.mjs scripts/check-importers.ts [DATA_DIR]
 *
 * DATA_DIR defaults to $SEKIMORI_SHARED_DATA or ../shared/data (relative to the repository). When the
 * directory is absent the check says so and exits 0.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readListFile } from "../src/screening/importers/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.resolve(
  process.argv[2] ?? process.env.SEKIMORI_SHARED_DATA ?? path.join(root, "..", "shared", "data"),
);
const lists = path.join(dataDir, "lists");

/** Every reference list file with its format (multi-file sets are given by their main file). */
const CASES: { files: string[]; format: string }[] = [
  { files: ["un/consolidated-2026-02-27.xml"], format: "un_xml" },
  { files: ["ofac/sdn-2021-07/sdn.csv"], format: "ofac_csv" },
  { files: ["ofac/cons-2025-12/cons_prim.csv"], format: "ofac_csv" },
  { files: ["bis/csl-sample-2019-12.csv"], format: "us_csl" },
  { files: ["bis/dpl-2022-09.txt"], format: "bis_dpl" },
  { files: ["jp/meti-foreign-user-list-2025-09-29.csv"], format: "meti_eul_csv" },
  { files: ["jp/meti-ru/250912_list_russia_tokutei.pdf.txt"], format: "meti_ru" },
  { files: ["jp/meti-ru/list_belarus_tokutei.pdf.txt"], format: "meti_ru" },
  { files: ["jp/meti-ru/250912_list_daisangoku_tokutei.pdf.txt"], format: "meti_ru" },
  { files: ["us-dod/section-1286.csv"], format: "dod_1286" },
  { files: ["us-dod/1260h-chinese-military-companies.csv"], format: "dod_1260h" },
  { files: ["cn/counter-sanctions.csv"], format: "cn_counter" },
  { files: ["aspi/china-defence-universities.json"], format: "aspi_misp" },
];

if (!existsSync(lists)) {
  console.log(
    `check-importers: ${lists} is absent — nothing to check (set SEKIMORI_SHARED_DATA or pass DATA_DIR)`,
  );
  process.exit(0);
}

let failures = 0;
const rows: string[][] = [["file", "format", "entities", "names", "by schema", "ms"]];
for (const c of CASES) {
  const files = c.files.map((f) => path.join(lists, f));
  const label = c.files.join(" + ");
  if (!files.every(existsSync)) {
    rows.push([label, c.format, "missing", "", "", ""]);
    continue;
  }
  const started = performance.now();
  try {
    let entities = 0;
    let names = 0;
    const bySchema: Record<string, number> = {};
    for await (const e of readListFile(files, c.format)) {
      entities++;
      names += e.names.length;
      bySchema[e.schema] = (bySchema[e.schema] ?? 0) + 1;
    }
    if (entities === 0) failures++;
    rows.push([
      label,
      c.format,
      String(entities),
      String(names),
      Object.entries(bySchema)
        .map(([k, v]) => `${v} ${k}`)
        .join(", "),
      String(Math.round(performance.now() - started)),
    ]);
  } catch (error) {
    failures++;
    rows.push([label, c.format, "FAILED", (error as Error).message, "", ""]);
  }
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
console.log(
  failures === 0 ? "check-importers: all files imported" : `check-importers: ${failures} file(s) failed`,
);
process.exit(failures === 0 ? 0 : 1);
