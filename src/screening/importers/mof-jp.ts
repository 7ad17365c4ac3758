import { open } from "node:fs/promises";
import path from "node:path";
import { EntityBuilder } from "./entity-builder.js";
import { ImportError } from "./import-error.js";
import { raggedRow, readCsv } from "./input.js";
import { splitParentheses } from "./names.js";
import type { Importer, ImportRequest } from "./types.js";
import { readXlsxRows } from "./xlsx-reader.js";

/** The columns the MOF list is read from, each with the header texts it appears under. */
const COLUMNS = {
  id: ["管理番号", "番号", "No.", "No", "告示番号", "整理番号"],
  nameJa: [
    "日本語表記",
    "氏名（日本語表記）",
    "名称（日本語表記）",
    "氏名又は名称",
    "氏名・名称",
    "日本語名",
    "氏名",
    "名称",
  ],
  nameEn: ["英語表記", "氏名（英語表記）", "名称（英語表記）", "英字表記", "英語名", "ローマ字表記", "Name"],
  aliasJa: ["別称（日本語表記）", "別名（日本語表記）", "別称", "別名"],
  aliasEn: ["別称（英語表記）", "別名（英語表記）", "Alias", "Also Known As"],
  kind: ["個人・団体", "個人／団体", "個人/団体", "種別", "区分"],
  birthDate: ["生年月日", "Date of Birth"],
  birthPlace: ["出生地", "Place of Birth"],
  nationality: ["国籍", "Nationality"],
  passport: ["旅券番号", "パスポート番号", "Passport"],
  idNumber: ["身分証明書番号", "ID番号", "National ID"],
  address: ["住所", "所在地", "Address"],
  program: ["制裁の根拠", "根拠", "告示", "措置", "制裁措置"],
  listedOn: ["告示日", "指定日", "告示日付"],
  remarks: ["その他の情報", "その他", "備考", "Other Information"],
} as const;

type Column = keyof typeof COLUMNS;

function normalizeHeader(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/** Maps a header row to column positions; undefined when it is not the header (no name column). */
export function mofHeader(cells: readonly string[]): Partial<Record<Column, number>> | undefined {
  const map: Partial<Record<Column, number>> = {};
  const normalized = cells.map(normalizeHeader);
  const entries = Object.entries(COLUMNS) as [Column, readonly string[]][];
  // Exact header texts first, then headers that merely start with one ("告示日" is not "告示").
  for (const exact of [true, false]) {
    for (const [column, names] of entries) {
      if (map[column] !== undefined) continue;
      const wanted = names.map(normalizeHeader);
      const index = normalized.findIndex(
        (c, i) =>
          c !== "" &&
          !Object.values(map).includes(i) &&
          (exact ? wanted.includes(c) : wanted.some((w) => c.startsWith(w))),
      );
      if (index !== -1) map[column] = index;
    }
  }
  return map.nameJa !== undefined || map.nameEn !== undefined ? map : undefined;
}

/** Splits on the full-width ；(and ;) only outside parentheses: "A（x；y）；B" → ["A（x；y）", "B"]. */
export function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const c of text) {
    if (c === "(" || c === "（") depth++;
    else if ((c === ")" || c === "）") && depth > 0) depth--;
    if ((c === "；" || c === ";") && depth === 0) {
      out.push(current);
      current = "";
    } else current += c;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter(Boolean);
}

/**
 * The names in a MOF name or alias cell: items separated by ；, each possibly followed by its
 * rendering in another script in parentheses, itself a ；-separated list —
 * "アブ・ムハンマド（Abu Muhammad；Abu Mohammed）；アル・ハッジ" gives four names.
 */
export function mofNames(cell: string): string[] {
  const names: string[] = [];
  for (const item of splitTopLevel(cell)) {
    const { base, groups } = splitParentheses(item);
    if (base) names.push(base);
    for (const g of groups) names.push(...splitTopLevel(g));
  }
  return names;
}

/** Streams an XLSX file's rows (every sheet) with the bounded XLSX reader. */
async function* xlsxRows(
  file: string,
  request: ImportRequest,
): AsyncGenerator<{ fields: string[]; line: number; sheet: number }> {
  for await (const row of readXlsxRows(file, { sheets: "all", onBytes: request.onBytes })) {
    yield { fields: row.cells.map((c) => c.trim()), line: row.line, sheet: row.sheet };
  }
}

/** XLSX files are ZIP archives ("PK\x03\x04"); the name's extension is not trusted. */
async function isZip(file: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, "r");
    const buf = Buffer.alloc(4);
    const { bytesRead } = await handle.read(buf, 0, 4, 0);
    return bytesRead === 4 && buf.readUInt32LE(0) === 0x04034b50;
  } catch {
    return false; // the CSV reader reports the missing file
  } finally {
    await handle?.close();
  }
}

async function* csvRows(
  file: string,
  request: ImportRequest,
): AsyncGenerator<{ fields: string[]; line: number; sheet: number }> {
  for await (const { fields, line } of readCsv(file, request))
    yield { fields: fields.map((f) => f.trim()), line, sheet: 1 };
}

/**
 * The Ministry of Finance's list of persons and entities subject to asset freezes (資産凍結等対象者),
 * as CSV (UTF-8 or Shift_JIS) or Excel. The header row is found by its column names (日本語表記,
 * 英語表記, 別称, 生年月日, 国籍 …) below any title rows; each sheet or section may be 個人 or 団体.
 * Aliases are separated by the full-width ；, which also separates the other-script renderings
 * inside parentheses; both levels become names.
 */
export const mofJpImporter: Importer = {
  format: "mof_jp",
  label: {
    ja: "財務省 資産凍結等対象者リスト（CSV / Excel）",
    en: "Japan MOF asset-freeze list (CSV / Excel)",
  },
  describe: () => ({
    ja: "財務省の資産凍結等対象者の CSV または XLSX。見出し（日本語表記・英語表記・別称・生年月日・国籍・旅券番号・住所 など）の行を自動で見つけます。別称は全角；区切り（括弧内も）",
    en: "MOF's asset-freeze list as CSV or XLSX; the header row (日本語表記, 英語表記, 別称, 生年月日, 国籍, 旅券番号, 住所 …) is found automatically; aliases separated by the full-width ； (also inside parentheses)",
  }),
  defaultSource: () => "mof_jp",
  resolveFiles: async (files) => [...files],
  async *parse(request) {
    const source = request.source ?? "mof_jp";
    for (const file of request.files) {
      const rows =
        path.extname(file).toLowerCase() === ".xlsx" || (await isZip(file))
          ? xlsxRows(file, request)
          : csvRows(file, request);
      let header: Partial<Record<Column, number>> | undefined;
      let headerWidth = 0;
      let currentSheet = 0;
      let sawHeader = false;
      let sectionKind: "Person" | "Organization" | undefined;
      let count = 0;
      for await (const { fields, line, sheet } of rows) {
        if (sheet !== currentSheet) {
          currentSheet = sheet;
          header = undefined;
          sectionKind = undefined;
        }
        if (fields.every((f) => f === "")) continue;
        if (!header) {
          header = mofHeader(fields);
          if (header) {
            headerWidth = fields.length;
            sawHeader = true;
          } else {
            // Title rows above the header tell whether the section lists persons or entities.
            const title = fields.join(" ");
            if (/団体|法人|Entities/i.test(title)) sectionKind = "Organization";
            else if (/個人|Individuals/i.test(title)) sectionKind = "Person";
          }
          continue;
        }
        const again = mofHeader(fields);
        if (again && fields.some((f) => /日本語表記|英語表記/.test(f))) {
          header = again; // a repeated header (next section)
          continue;
        }
        if (fields.length > headerWidth && fields.slice(headerWidth).some((f) => f !== "")) {
          throw raggedRow(file, line, headerWidth, fields.length);
        }
        const get = (c: Column) => (header![c] === undefined ? "" : (fields[header![c]!] ?? ""));
        const ja = mofNames(get("nameJa"));
        const en = mofNames(get("nameEn"));
        const kindText = get("kind");
        const schema = /団体|法人|entity/i.test(kindText)
          ? "Organization"
          : /個人|individual|person/i.test(kindText) || get("birthDate") || get("passport")
            ? "Person"
            : (sectionKind ?? "Unknown");
        const primary = en[0] ?? ja[0];
        if (!primary) {
          throw new ImportError(
            { file, line, field: "日本語表記 / 英語表記" },
            { ja: "名前（日本語表記・英語表記）が空です", en: "the name (Japanese and English) is empty" },
          );
        }
        const b = new EntityBuilder(source, get("id") || primary, schema);
        b.name(primary, "primary");
        for (const n of en.slice(1)) b.name(n, "alias");
        for (const n of ja) b.name(n, "alias", "ja");
        for (const n of mofNames(get("aliasEn"))) b.name(n, "alias");
        for (const n of mofNames(get("aliasJa"))) b.name(n, "alias");
        for (const d of splitTopLevel(get("birthDate"))) b.birthDate(d);
        for (const c of splitTopLevel(get("nationality"))) b.country(c);
        for (const p of splitTopLevel(get("passport"))) b.identifier("passport", p);
        for (const p of splitTopLevel(get("idNumber"))) b.identifier("national_id", p);
        for (const a of splitTopLevel(get("address"))) b.address(a);
        b.detail("placeOfBirth", get("birthPlace"));
        b.program(get("program") || "MOF asset freeze");
        b.listedOn(get("listedOn"));
        b.remarks(get("remarks"));
        count++;
        yield b.build({ file, line });
      }
      if (!sawHeader) {
        throw new ImportError(
          { file },
          {
            ja: "見出し行（日本語表記・英語表記 など）が見つかりません。財務省の資産凍結等対象者リストですか？",
            en: "no header row (日本語表記, 英語表記 …) found: is this MOF's asset-freeze list?",
          },
        );
      }
      if (count === 0)
        throw new ImportError({ file }, { ja: "エントリが1件もありません", en: "the file has no entries" });
    }
  },
};
