/**
 * Batch screening files: reading an uploaded CSV (UTF-8 or Shift_JIS as Excel writes it) or XLSX
 * into name rows — finding the columns by their header in Japanese or English — and writing the
 * results as a CSV that Excel opens correctly (UTF-8 with BOM). Reading streams; the row logic and
 * the CSV writer are pure.
 */
import { open } from "node:fs/promises";
import type { Bilingual } from "../shared/errors.js";
import { countryCode } from "./importers/countries.js";
import { ImportError } from "./importers/import-error.js";
import { readCsv } from "./importers/input.js";
import { readXlsxRows, type XlsxLimits } from "./importers/xlsx-reader.js";

/** One row of an uploaded file as cells, with the line (CSV) or row number (XLSX) it came from. */
export type RawRow = { cells: string[]; line: number };

/** One name to screen, as read from a batch file. */
export type BatchInput = {
  line: number;
  name: string;
  aliases: string[];
  country: string | null;
  birthDate: string | null;
  schema: "Person" | "Organization" | "Unknown";
  reference: string | null;
  /** Why the row cannot be screened (shown in the results, never dropped silently). */
  problem?: Bilingual | undefined;
};

/** Which column holds what (0-based), as found in the header row. */
export type BatchColumns = {
  hasHeader: boolean;
  name: number;
  aliases: number | null;
  country: number | null;
  birthDate: number | null;
  schema: number | null;
  reference: number | null;
  header: string[];
};

const HEADER_ALIASES: Record<Exclude<keyof BatchColumns, "hasHeader" | "header">, string[]> = {
  name: [
    "name",
    "names",
    "fullname",
    "entity",
    "entityname",
    "party",
    "partyname",
    "company",
    "companyname",
    "organization",
    "organisation",
    "query",
    "名前",
    "氏名",
    "名称",
    "会社名",
    "企業名",
    "法人名",
    "組織名",
    "団体名",
    "機関名",
    "取引先",
    "取引先名",
    "相手先",
    "相手先名",
    "照会名",
  ],
  aliases: ["alias", "aliases", "aka", "othernames", "別名", "別称", "英語名", "英文名", "englishname"],
  country: [
    "country",
    "countrycode",
    "countries",
    "nationality",
    "jurisdiction",
    "国",
    "国名",
    "国地域",
    "国・地域",
    "国籍",
    "所在国",
  ],
  birthDate: ["birthdate", "dateofbirth", "dob", "birthday", "生年月日", "誕生日"],
  schema: ["schema", "type", "kind", "entitytype", "種別", "区分", "個人法人"],
  reference: [
    "id",
    "ref",
    "reference",
    "no",
    "number",
    "code",
    "番号",
    "管理番号",
    "参照",
    "参照番号",
    "取引先コード",
  ],
};

function foldHeader(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-.・/()（）]+/g, "");
}

/**
 * Finds the columns from the first row. A row naming a name column is a header; otherwise the file
 * has no header and the first column is the name (then a two-letter second column is the country).
 */
export function detectColumns(first: readonly string[]): BatchColumns {
  const folded = first.map(foldHeader);
  const find = (key: keyof typeof HEADER_ALIASES): number | null => {
    const wanted = HEADER_ALIASES[key].map(foldHeader);
    const i = folded.findIndex((f) => wanted.includes(f));
    return i === -1 ? null : i;
  };
  const name = find("name");
  if (name !== null) {
    return {
      hasHeader: true,
      name,
      aliases: find("aliases"),
      country: find("country"),
      birthDate: find("birthDate"),
      schema: find("schema"),
      reference: find("reference"),
      header: first.map((h) => h.trim()),
    };
  }
  return {
    hasHeader: false,
    name: 0,
    aliases: null,
    country: first.length > 1 && /^[A-Za-z]{2}$/.test(first[1]!.trim()) ? 1 : null,
    birthDate: null,
    schema: null,
    reference: null,
    header: [],
  };
}

const PERSON_WORDS = new Set(["person", "individual", "個人", "人", "p"]);
const ORG_WORDS = new Set([
  "organization",
  "organisation",
  "entity",
  "company",
  "団体",
  "法人",
  "組織",
  "企業",
  "機関",
  "o",
]);

/** Reads a date as YYYY, YYYY-MM or YYYY-MM-DD (also 1975/5/6 and 1975年5月6日), or null. */
export function normaliseDate(text: string): string | null {
  const t = text.normalize("NFKC").trim();
  if (t === "") return null;
  let m = /^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?$/.exec(t);
  if (m) {
    const [, y, mo, d] = m;
    return [y, mo?.padStart(2, "0"), d?.padStart(2, "0")].filter(Boolean).join("-");
  }
  m = /^(\d{4})-(\d{2})-(\d{2})T/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  return null;
}

/** The longest name (and alias) screened; longer ones are reported, not screened. */
const MAX_NAME_CHARS = 500;
/** Aliases one row may give. */
const MAX_ALIASES = 50;

/** A cell quoted in a message, cut short so that a huge cell does not make a huge message. */
function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** Turns one data row into a name to screen (or a row with the reason it cannot be screened). */
export function interpretRow(row: RawRow, columns: BatchColumns): BatchInput | null {
  const cell = (i: number | null) => (i === null ? "" : (row.cells[i] ?? "").normalize("NFC").trim());
  if (row.cells.every((c) => c.trim() === "")) return null;
  const name = cell(columns.name).replace(/\s+/g, " ");
  const aliases = cell(columns.aliases)
    .split(/[;；|]/)
    .map((a) => a.trim())
    .filter((a) => a !== "" && a !== name);
  const countryText = cell(columns.country);
  const country = countryText
    ? (countryCode(countryText.toUpperCase()) ?? countryCode(countryText) ?? null)
    : null;
  const dateText = cell(columns.birthDate);
  const birthDate = normaliseDate(dateText);
  const schemaText = foldHeader(cell(columns.schema));
  const schema = PERSON_WORDS.has(schemaText)
    ? "Person"
    : ORG_WORDS.has(schemaText)
      ? "Organization"
      : "Unknown";
  const input: BatchInput = {
    line: row.line,
    name,
    aliases,
    country,
    birthDate,
    schema,
    reference: cell(columns.reference).slice(0, 200) || null,
  };
  const field = (index: number) => columns.header[index] || `#${index + 1}`;
  if (name === "") {
    input.problem = {
      ja: `${row.line}行目: 名前（${field(columns.name)}）が空です`,
      en: `line ${row.line}: the name (${field(columns.name)}) is empty`,
    };
  } else if (name.length > MAX_NAME_CHARS) {
    // Only the start is kept: a row must not make the job hold (or store) a whole oversized cell.
    input.name = `${name.slice(0, MAX_NAME_CHARS)}…`;
    input.aliases = [];
    input.problem = {
      ja: `${row.line}行目: 名前が長すぎます（${MAX_NAME_CHARS} 文字まで）`,
      en: `line ${row.line}: the name is longer than ${MAX_NAME_CHARS} characters`,
    };
  } else if (aliases.length > MAX_ALIASES || aliases.some((a) => a.length > MAX_NAME_CHARS)) {
    input.aliases = [];
    input.problem = {
      ja: `${row.line}行目: 別名が多すぎるか長すぎます（${MAX_ALIASES} 個、各 ${MAX_NAME_CHARS} 文字まで）`,
      en: `line ${row.line}: too many or too long aliases (at most ${MAX_ALIASES}, ${MAX_NAME_CHARS} characters each)`,
    };
  } else if (countryText && !country) {
    input.problem = {
      ja: `${row.line}行目: 国「${clip(countryText)}」が分かりません（ISO 2文字コードか国名）`,
      en: `line ${row.line}: unknown country "${clip(countryText)}" (use an ISO two-letter code or a country name)`,
    };
  } else if (dateText && !birthDate) {
    input.problem = {
      ja: `${row.line}行目: 生年月日「${clip(dateText)}」が読めません（YYYY-MM-DD）`,
      en: `line ${row.line}: cannot read the birth date "${clip(dateText)}" (use YYYY-MM-DD)`,
    };
  }
  return input;
}

/** The first bytes of a file, for telling formats apart. */
async function signature(file: string): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const buf = Buffer.alloc(8);
    const { bytesRead } = await handle.read(buf, 0, 8, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** XLSX files are ZIP archives: they start with "PK\x03\x04". */
export async function looksLikeXlsx(file: string): Promise<boolean> {
  const buf = await signature(file);
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

/** Old Excel (.xls) files and password-protected workbooks are OLE compound files (D0 CF 11 E0 …). */
async function looksLikeOleFile(file: string): Promise<boolean> {
  const buf = await signature(file);
  return buf.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
}

/**
 * Streams the rows of an uploaded batch file: XLSX by its signature (read by the bounded reader:
 * zip bombs, truncated and damaged workbooks are refused with the reason), otherwise CSV in UTF-8
 * (with or without BOM) or Shift_JIS (detected), or the encoding given. Errors name the file and line.
 */
export async function* readBatchRows(
  file: string,
  displayName: string,
  encoding: "auto" | "utf8" | "cp932" = "auto",
  options: { signal?: AbortSignal | undefined; xlsxLimits?: Partial<XlsxLimits> | undefined } = {},
): AsyncGenerator<RawRow> {
  if (await looksLikeXlsx(file)) {
    for await (const row of readXlsxRows(file, {
      displayName,
      sheets: "first",
      signal: options.signal,
      limits: options.xlsxLimits,
    })) {
      yield { cells: row.cells, line: row.line };
    }
    return;
  }
  if (await looksLikeOleFile(file)) {
    throw new ImportError(
      { file: displayName },
      {
        ja: "古い Excel 形式（.xls）か、パスワードで保護されたブックです。保護を解除し、Excel ブック（.xlsx）か CSV で保存し直してください",
        en: "an old Excel (.xls) file or a password-protected workbook: remove any protection and save it as an Excel workbook (.xlsx) or CSV",
      },
    );
  }
  try {
    for await (const { fields, line } of readCsv(file, { encoding, maxFieldChars: 100_000 })) {
      options.signal?.throwIfAborted();
      yield { cells: fields, line };
    }
  } catch (error) {
    if (error instanceof ImportError) {
      // Report the name the person uploaded, not the temporary file.
      throw new ImportError({ file: displayName, line: error.line, field: error.field }, error.reason);
    }
    throw error;
  }
}

// ── Results as CSV ────────────────────────────────────────────────────────────────────────────────

/** A stored hit of a batch row (compact: what the results file and page show). */
export type BatchHit = {
  entityId: string;
  source: string;
  sourceId: string;
  name: string;
  schema: string;
  score: number;
  match: boolean;
  programs: string[];
  summary: Bilingual;
  /** How the query's characters were read or translated to meet the list name (explanation). */
  crossScript?: { from: string; to: string; list: string; how: Bilingual }[];
};

/** One screened row as the results file shows it. */
export type BatchResultRow = {
  rowNo: number;
  line: number;
  input: BatchInput;
  done: boolean;
  bestScore: number | null;
  matchCount: number | null;
  hits: BatchHit[];
};

const RESULT_HEADER: Record<"ja" | "en", string[]> = {
  ja: [
    "行",
    "参照番号",
    "照会名",
    "国・地域",
    "生年月日",
    "判定",
    "最高スコア",
    "一致件数",
    "該当候補の名称",
    "リスト",
    "リスト上の識別子",
    "制裁プログラム等",
    "説明",
    "その他の候補",
  ],
  en: [
    "line",
    "reference",
    "query name",
    "country",
    "birth date",
    "result",
    "best score",
    "matches",
    "best candidate",
    "list",
    "list identifier",
    "programmes",
    "explanation",
    "other candidates",
  ],
};

const VERDICT = {
  ja: { match: "要確認（一致の可能性）", none: "該当なし", error: "エラー", pending: "未処理" },
  en: { match: "review (possible match)", none: "no match", error: "error", pending: "not screened" },
};

/** Quotes a CSV cell; cells Excel would run as a formula (=, +, -, @) are prefixed with '. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The results file's header line (the BOM is written once, before it). */
export function resultsHeader(lang: "ja" | "en"): string {
  return `${RESULT_HEADER[lang].map(csvCell).join(",")}\r\n`;
}

/** One results line: the row's verdict, its best candidate with the explanation, the others named. */
export function resultLine(
  row: BatchResultRow,
  lang: "ja" | "en",
  listName: (source: string) => string = (source) => source,
): string {
  const best = row.hits[0];
  const verdict = row.input.problem
    ? VERDICT[lang].error
    : !row.done
      ? VERDICT[lang].pending
      : (row.matchCount ?? 0) > 0
        ? VERDICT[lang].match
        : VERDICT[lang].none;
  const others = row.hits
    .slice(1)
    .map((h) => `${h.name} [${listName(h.source)} ${h.sourceId}] ${h.score.toFixed(2)}`)
    .join(" | ");
  const cells = [
    row.line,
    row.input.reference ?? "",
    row.input.name,
    row.input.country ?? "",
    row.input.birthDate ?? "",
    verdict,
    best ? best.score.toFixed(2) : "",
    row.matchCount ?? "",
    best?.name ?? "",
    best ? listName(best.source) : "",
    best?.sourceId ?? "",
    best?.programs.join("; ") ?? "",
    row.input.problem ? row.input.problem[lang] : (best?.summary[lang] ?? ""),
    others,
  ];
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** The UTF-8 byte order mark, so Excel reads the results file as UTF-8. */
export const UTF8_BOM = "\uFEFF";
