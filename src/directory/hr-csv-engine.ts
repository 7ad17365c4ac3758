/**
 * HR / 学務 CSV files: decoding (UTF-8 with or without BOM, or Shift_JIS/CP932 as Excel writes it —
 * declared, or detected when the bytes are not valid UTF-8), header names in Japanese or English,
 * and one clear problem per bad cell (file:line:column, field, ja/en). Pure: takes the file's bytes.
 */
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import {
  type Bilingual,
  type DirectoryRecord,
  FORBIDDEN_DIRECTORY_FIELDS,
  normaliseRecord,
  type RawDirectoryRecord,
} from "./directory-engine.js";

export type CsvEncoding = "auto" | "utf8" | "shift_jis";

/** A problem in a CSV file, placed where a person can find it. */
export type CsvProblem = {
  file: string;
  line: number;
  column: number | null;
  field: string;
  message: Bilingual;
};

/** Header names (lower case, NFKC) each field accepts. */
export const HR_COLUMNS: Record<keyof DirectoryRecord, string[]> = {
  userName: ["user_name", "username", "uid", "account", "アカウント", "ユーザー名", "ユーザid"],
  employeeNumber: [
    "employee_number",
    "employee_no",
    "employee_id",
    "staff_id",
    "student_id",
    "職員番号",
    "社員番号",
    "学籍番号",
    "教職員番号",
  ],
  externalId: ["external_id"],
  displayName: ["display_name", "name", "表示名"],
  nameKanji: ["name_kanji", "氏名", "氏名(漢字)", "漢字氏名"],
  nameKana: ["name_kana", "フリガナ", "氏名(カナ)", "カナ氏名", "ふりがな"],
  nameRoman: ["name_roman", "name_en", "氏名(ローマ字)", "ローマ字氏名", "英字氏名"],
  email: ["email", "e-mail", "mail", "メール", "メールアドレス"],
  department: ["department", "dept", "所属", "部署", "部局"],
  post: ["post", "title", "position", "職名", "役職"],
  supervisorKey: ["supervisor", "manager", "supervisor_id", "上長", "指導教員", "上司"],
  category: ["category", "type", "区分", "身分"],
  startDate: ["start_date", "start", "着任日", "入社日", "入学日", "開始日"],
  endDate: ["end_date", "end", "退職日", "離任日", "修了日", "終了日"],
  noticeDate: ["notice_date", "notice_of_departure", "退職届出日", "届出日"],
  abroadFrom: ["abroad_from", "海外滞在開始日", "海外派遣開始日"],
  abroadUntil: ["abroad_until", "海外滞在終了日", "海外派遣終了日"],
  active: ["active", "在籍", "有効"],
};

const headerKey = (h: string) => h.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, "_");

/** Decodes the bytes: the declared encoding, or UTF-8 when valid, else Shift_JIS (CP932). */
export function decodeCsv(
  bytes: Uint8Array,
  encoding: CsvEncoding = "auto",
): { text: string; encoding: "utf8" | "shift_jis" } {
  const buf = Buffer.from(bytes);
  const utf8 = () => new TextDecoder("utf-8", { fatal: true }).decode(buf).replace(/^\uFEFF/, "");
  if (encoding === "utf8") return { text: utf8(), encoding: "utf8" };
  if (encoding === "shift_jis") return { text: iconv.decode(buf, "cp932"), encoding: "shift_jis" };
  try {
    return { text: utf8(), encoding: "utf8" };
  } catch {
    return { text: iconv.decode(buf, "cp932"), encoding: "shift_jis" };
  }
}

export type CsvParseResult = {
  encoding: "utf8" | "shift_jis";
  records: { line: number; record: DirectoryRecord }[];
  problems: CsvProblem[];
  /** Columns that were not read: unknown names, and nationality-like columns (refused by design). */
  ignoredColumns: string[];
};

/**
 * Reads an HR/学務 CSV: a header row, then one person per row. Every bad cell is a problem with its
 * line and column; a file with any problem must not be applied (the caller refuses it whole).
 */
export function parseHrCsv(file: string, bytes: Uint8Array, encoding: CsvEncoding = "auto"): CsvParseResult {
  const problems: CsvProblem[] = [];
  let decoded: { text: string; encoding: "utf8" | "shift_jis" };
  try {
    decoded = decodeCsv(bytes, encoding);
  } catch {
    return {
      encoding: "utf8",
      records: [],
      ignoredColumns: [],
      problems: [
        {
          file,
          line: 1,
          column: null,
          field: "encoding",
          message: {
            ja: "UTF-8 として読めないバイトがあります（Excel の CSV は Shift_JIS を指定してください）",
            en: "bytes that are not valid UTF-8 (for an Excel CSV declare Shift_JIS)",
          },
        },
      ],
    };
  }
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(decoded.text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as never;
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return {
      encoding: decoded.encoding,
      records: [],
      ignoredColumns: [],
      problems: [
        {
          file,
          line: e.lines ?? 1,
          column: null,
          field: "csv",
          message: {
            ja: `CSV として読めません: ${e.message ?? ""}`,
            en: `not valid CSV: ${e.message ?? ""}`,
          },
        },
      ],
    };
  }
  if (rows.length === 0)
    return {
      encoding: decoded.encoding,
      records: [],
      ignoredColumns: [],
      problems: [
        {
          file,
          line: 1,
          column: null,
          field: "header",
          message: { ja: "見出し行がありません", en: "no header row" },
        },
      ],
    };
  const header = rows[0]!.record;
  const columnOf = new Map<keyof DirectoryRecord, number>();
  const ignored: string[] = [];
  header.forEach((h, i) => {
    const key = headerKey(h);
    const field = (Object.keys(HR_COLUMNS) as (keyof DirectoryRecord)[]).find((f) =>
      HR_COLUMNS[f].includes(key),
    );
    if (field && !columnOf.has(field)) columnOf.set(field, i);
    else ignored.push(h);
  });
  const forbidden = header.filter((h) => FORBIDDEN_DIRECTORY_FIELDS.includes(headerKey(h)));
  if (!columnOf.has("userName") && !columnOf.has("employeeNumber"))
    problems.push({
      file,
      line: 1,
      column: null,
      field: "header",
      message: {
        ja: "見出しに ユーザー名 (user_name) か 職員番号 (employee_number) が必要です",
        en: "the header needs user_name or employee_number",
      },
    });
  const records: { line: number; record: DirectoryRecord }[] = [];
  if (problems.length === 0) {
    for (const row of rows.slice(1)) {
      const line = row.info.lines;
      if (row.record.length !== header.length) {
        problems.push({
          file,
          line,
          column: null,
          field: "csv",
          message: {
            ja: `列の数が見出し（${header.length} 列）と違います（${row.record.length} 列）`,
            en: `${row.record.length} columns where the header has ${header.length}`,
          },
        });
        continue;
      }
      const raw: RawDirectoryRecord = {};
      for (const [field, i] of columnOf) raw[field] = row.record[i];
      const { record, problems: found } = normaliseRecord(raw);
      for (const p of found) {
        const col = columnOf.get(p.field as keyof DirectoryRecord);
        problems.push({
          file,
          line,
          column: col === undefined ? null : col + 1,
          field: p.field,
          message: p.message,
        });
      }
      if (record) records.push({ line, record });
    }
  }
  return {
    encoding: decoded.encoding,
    records,
    problems,
    ignoredColumns: [...new Set([...ignored, ...forbidden])],
  };
}

/** A problem as one line: `file:line:column field: ja / en`. */
export function formatCsvProblem(p: CsvProblem): string {
  return `${p.file}:${p.line}${p.column !== null ? `:${p.column}` : ""} ${p.field}: ${p.message.ja} / ${p.message.en}`;
}
