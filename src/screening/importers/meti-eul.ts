import { EntityBuilder } from "./entity-builder.js";
import { ImportError } from "./import-error.js";
import { readCsvWithHeader } from "./input.js";
import { EntryMerger, namesFromPrinted, splitAliases } from "./names.js";
import type { Importer, ImportRequest } from "./types.js";

/** One row of METI's End User List table, whichever file it came from. */
export type MetiEulRow = {
  no: string;
  country: string;
  /** "Company or Organization" as printed, e.g. "Munitions Industry Department (軍需工業部)". */
  name: string;
  aliases: string[];
  wmd: string;
  conventional?: string | undefined;
};

/** "生物、化学、ミサイル、核 B,C,M,N" → "WMD: B,C,M,N"; "通常兵器 CW" → "CW". */
export function metiConcerns(wmd: string, conventional = ""): string[] {
  const out: string[] = [];
  const codes = [...new Set((wmd.match(/\b[BCMN]\b/g) ?? []).map((c) => c))].sort();
  if (codes.length > 0) out.push(`WMD: ${codes.join(",")}`);
  if (/\bCW\b|通常兵器/.test(`${wmd} ${conventional}`)) out.push("CW");
  return out;
}

/** Adds one METI End User List row to an entity: printed name, aliases (each split into its scripts), country, concern types. */
export function addMetiEulRow(b: EntityBuilder, row: MetiEulRow): void {
  for (const n of namesFromPrinted(row.name)) b.name(n.name, n.kind);
  for (const alias of row.aliases) {
    for (const n of namesFromPrinted(alias)) b.name(n.name, "alias");
  }
  b.country(row.country);
  b.detail("countryOrRegion", row.country);
  b.detail("no", row.no);
  b.program("METI End User List", ...metiConcerns(row.wmd, row.conventional));
  b.detail("typeOfWmd", [row.wmd, row.conventional].filter(Boolean).join(" / "));
}

const TABLE_HEADERS = {
  no: ["No.", "No", "番号"],
  country: ["Country or Region", "国名・地域名", "国・地域"],
  name: ["Company or Organization", "企業名・組織名", "企業名"],
  aliases: ["Also Known As", "別名"],
  wmd: ["Type of WMD", "懸念区分"],
};

function pick(row: Record<string, string>, names: readonly string[]): string {
  for (const n of names) if (row[n] !== undefined) return row[n]!.trim();
  return "";
}

/** Builds METI End User List entities from rows, merging rows that repeat the same printed name. */
export async function* metiEulEntities(
  source: string,
  file: string,
  rows: AsyncIterable<{ row: MetiEulRow; line: number }>,
  /** How a row's position is reported: a line of a CSV (default) or a page of a PDF. */
  unit: "line" | "page" = "line",
) {
  const where = (line: number, field?: string) =>
    unit === "line"
      ? { file, line, field }
      : { file, field: field ? `${field} (page ${line})` : `page ${line}` };
  const merger = new EntryMerger<{ b: EntityBuilder; line: number }>(file);
  for await (const { row, line } of rows) {
    if (!row.name.trim()) {
      throw new ImportError(where(line, "Company or Organization"), {
        ja: `No. ${row.no} の企業名・組織名が空です`,
        en: `No. ${row.no} has an empty company or organization name`,
      });
    }
    const key = row.name.replace(/\s+/g, " ").trim();
    const entry = merger.entry(key, line, () => ({
      b: new EntityBuilder(source, key, "Organization"),
      line,
    }));
    addMetiEulRow(entry.b, row);
  }
  if (merger.size === 0) {
    throw new ImportError({ file }, { ja: "エントリが1件もありません", en: "the file has no entries" });
  }
  for (const { b, line } of merger.values()) yield b.build(where(line));
}

async function* csvRows(
  file: string,
  request: ImportRequest,
): AsyncGenerator<{ row: MetiEulRow; line: number }> {
  let style: "transcribed" | "table" | undefined;
  for await (const { row, line } of readCsvWithHeader(file, [], request)) {
    style ??= "canonical_record" in row ? "transcribed" : "table";
    if (style === "transcribed") {
      let evidence: {
        record_no?: number;
        country?: string;
        aliases?: string[];
        wmd?: string;
        conventional_weapons?: string;
      };
      try {
        evidence = JSON.parse(row.evidence || "{}");
      } catch (error) {
        throw new ImportError(
          { file, line, field: "evidence" },
          {
            ja: `evidence 列が JSON ではありません（${(error as Error).message}）`,
            en: `the evidence column is not JSON (${(error as Error).message})`,
          },
        );
      }
      yield {
        line,
        row: {
          no: String(evidence.record_no ?? ""),
          country: evidence.country ?? "",
          name: row.canonical_record ?? "",
          aliases: Array.isArray(evidence.aliases) ? evidence.aliases.map(String) : [],
          wmd: evidence.wmd ?? "",
          conventional: evidence.conventional_weapons ?? "",
        },
      };
    } else {
      if (!TABLE_HEADERS.name.some((h) => h in row)) {
        throw new ImportError(
          { file, line: 1 },
          {
            ja: "見出し行に「Company or Organization」（企業名・組織名）または canonical_record 列がありません",
            en: "the header row has neither a 'Company or Organization' nor a canonical_record column",
          },
        );
      }
      yield {
        line,
        row: {
          no: pick(row, TABLE_HEADERS.no),
          country: pick(row, TABLE_HEADERS.country),
          name: pick(row, TABLE_HEADERS.name),
          aliases: splitAliases(pick(row, TABLE_HEADERS.aliases), /[・;；\n]/),
          wmd: pick(row, TABLE_HEADERS.wmd),
        },
      };
    }
  }
}

/** METI's 外国ユーザーリスト (End User List) as CSV: the table's columns, or the transcription with an evidence JSON column. */
export const metiEulCsvImporter: Importer = {
  format: "meti_eul_csv",
  label: { ja: "経済産業省 外国ユーザーリスト（CSV）", en: "METI End User List (CSV)" },
  describe: () => ({
    ja: "列「No.・Country or Region・Company or Organization・Also Known As（・区切り）・Type of WMD」の CSV、または canonical_record と evidence（JSON）列の転記 CSV。括弧内の漢字名は別名になります。UTF-8 / Shift_JIS",
    en: "CSV with the columns No., Country or Region, Company or Organization, Also Known As (separated by ・), Type of WMD — or the transcription with canonical_record and an evidence JSON column. Names in parentheses become aliases in their script. UTF-8 or Shift_JIS",
  }),
  defaultSource: () => "meti_eul",
  resolveFiles: async (files) => [...files],
  async *parse(request) {
    const source = request.source ?? "meti_eul";
    for (const file of request.files) yield* metiEulEntities(source, file, csvRows(file, request));
  },
};
