import { readFile, stat } from "node:fs/promises";
import { ImportError } from "./import-error.js";
import { type MetiEulRow, metiEulEntities } from "./meti-eul.js";
import { splitAliases } from "./names.js";
import {
  checkPdfStreams,
  DEFAULT_PDF_LIMITS,
  isolatedPdfPages,
  type PdfLimits,
  type PdfTextItem,
} from "./pdf-guard.js";
import type { Importer } from "./types.js";

export type { PdfTextItem } from "./pdf-guard.js";

const COLUMN_HEADERS: [keyof Omit<MetiEulRow, "aliases" | "conventional"> | "aliases", RegExp][] = [
  ["no", /^No\.?$/i],
  ["country", /^Country/i],
  ["name", /^Company/i],
  ["aliases", /^Also\s+Known/i],
  ["wmd", /^Type\s+of/i],
];

type Columns = { key: string; x: number }[];

/** Finds the table header on a page and returns the columns' left edges, or undefined. */
export function findColumns(
  items: readonly PdfTextItem[],
): { columns: Columns; headerY: number } | undefined {
  const found: { key: string; x: number; y: number }[] = [];
  for (const [key, pattern] of COLUMN_HEADERS) {
    const item = items.find((i) => pattern.test(i.str.trim()));
    if (!item) return undefined;
    found.push({ key, x: item.x, y: item.y });
  }
  const columns = found.map(({ key, x }) => ({ key, x })).sort((a, b) => a.x - b.x);
  return { columns, headerY: Math.min(...found.map((f) => f.y)) };
}

/** Groups a page's items into lines (top to bottom) and each line's text into the columns. */
export function tableLines(
  items: readonly PdfTextItem[],
  columns: Columns,
  belowY: number,
): Record<string, string>[] {
  const rows: { y: number; items: PdfTextItem[] }[] = [];
  for (const item of items) {
    if (!item.str.trim() || item.y >= belowY - 1) continue;
    const row = rows.find((r) => Math.abs(r.y - item.y) < 2.5);
    if (row) row.items.push(item);
    else rows.push({ y: item.y, items: [item] });
  }
  rows.sort((a, b) => b.y - a.y);
  return rows.map((row) => {
    const cells: Record<string, string> = {};
    for (const item of [...row.items].sort((a, b) => a.x - b.x)) {
      let column = columns[0]!.key;
      for (const c of columns) if (item.x >= c.x - 2) column = c.key;
      cells[column] = cells[column] ? `${cells[column]} ${item.str.trim()}` : item.str.trim();
    }
    return cells;
  });
}

function joinWrapped(previous: string | undefined, next: string): string {
  if (!previous) return next;
  // A cell line ending in a hyphen ("Rungra-" / "888") continues without a space; the hyphen stays.
  if (/\w-$/.test(previous) && /^\w/.test(next)) return `${previous}${next}`;
  return `${previous} ${next}`;
}

/**
 * Turns the lines of METI's End User List table into rows: a number in the No. column starts an
 * entry, and lines without one continue the cells above them (names and aliases wrap in the PDF).
 */
export function rowsFromLines(
  lines: readonly Record<string, string>[],
  carried?: MetiEulRow,
): {
  rows: MetiEulRow[];
  open: MetiEulRow | undefined;
} {
  const rows: MetiEulRow[] = [];
  let current = carried;
  const akaText = new WeakMap<MetiEulRow, string>();
  for (const cells of lines) {
    const no = (cells.no ?? "").trim();
    if (/^\d+$/.test(no) && (cells.name || cells.country)) {
      if (current) rows.push(finish(current, akaText));
      current = {
        no,
        country: cells.country ?? "",
        name: cells.name ?? "",
        aliases: [],
        wmd: cells.wmd ?? "",
      };
      akaText.set(current, cells.aliases ?? "");
      continue;
    }
    if (!current) continue;
    if (cells.country) current.country = joinWrapped(current.country, cells.country);
    if (cells.name) current.name = joinWrapped(current.name, cells.name);
    if (cells.aliases)
      akaText.set(current, joinWrapped(akaText.get(current) ?? current.aliases.join("・"), cells.aliases));
    if (cells.wmd) current.wmd = joinWrapped(current.wmd, cells.wmd);
  }
  // The last entry may continue on the next page: hand it over unfinished.
  const open = current ? finish(current, akaText) : undefined;
  return { rows, open };
}

function finish(row: MetiEulRow, akaText: WeakMap<MetiEulRow, string>): MetiEulRow {
  const text = akaText.get(row);
  if (text !== undefined) {
    row.aliases = splitAliases(text, /[・･·]|;/);
    akaText.delete(row);
  }
  return row;
}

const MAX_PDF_BYTES = 100 * 1024 * 1024;

/**
 * Reads the positioned text of every page of a PDF with pdf.js (pure JavaScript, no canvas needed):
 * its compressed streams are checked first (a PDF bomb is refused), then pdf.js runs in a thread of
 * its own with a bounded heap and time.
 */
export async function* pdfPages(
  file: string,
  limits: PdfLimits = DEFAULT_PDF_LIMITS,
): AsyncGenerator<{ page: number; items: PdfTextItem[] }> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new ImportError({ file }, { ja: "ファイルが見つかりません", en: "file not found" });
  }
  if (size > MAX_PDF_BYTES) {
    throw new ImportError(
      { file },
      { ja: "PDF が大きすぎます（上限 100 MB）", en: "the PDF is larger than 100 MB" },
    );
  }
  const data = await readFile(file);
  if (!data.subarray(0, 5).toString("latin1").startsWith("%PDF-")) {
    throw new ImportError({ file, line: 1 }, { ja: "PDF ファイルではありません", en: "not a PDF file" });
  }
  checkPdfStreams(data, file, limits);
  yield* isolatedPdfPages(data, file, limits);
}

async function* pdfRows(file: string): AsyncGenerator<{ row: MetiEulRow; line: number }> {
  let columns: Columns | undefined;
  let open: MetiEulRow | undefined;
  let lastPage = 0;
  for await (const { page, items } of pdfPages(file)) {
    lastPage = page;
    const header = findColumns(items);
    if (header) columns = header.columns;
    if (!columns) continue;
    const lines = tableLines(items, columns, header ? header.headerY : Number.POSITIVE_INFINITY);
    const result = rowsFromLines(lines, open);
    for (const row of result.rows) yield { row, line: page };
    open = result.open;
  }
  if (!columns) {
    throw new ImportError(
      { file, field: `page 1–${lastPage}` },
      {
        ja: "表の見出し（No., Country or Region, Company or Organization, Also Known As, Type of WMD）が見つかりません。英語版の外国ユーザーリストですか？",
        en: "no table header (No., Country or Region, Company or Organization, Also Known As, Type of WMD) found: is this the English edition of the End User List?",
      },
    );
  }
  if (open) yield { row: open, line: lastPage };
}

/**
 * METI's 外国ユーザーリスト (End User List) from the English edition PDF. The table's text is read
 * with pdf.js and put back into rows by position; wrapped cells are joined, aliases split on ・,
 * and names in parentheses become aliases in their script. A PDF cannot be streamed (its index is
 * at the end), so the file is read whole, up to 100 MB, and processed page by page.
 */
export const metiEulPdfImporter: Importer = {
  format: "meti_eul_pdf",
  label: {
    ja: "経済産業省 外国ユーザーリスト（英語版 PDF）",
    en: "METI End User List (English edition PDF)",
  },
  describe: () => ({
    ja: "METI が公表する外国ユーザーリスト英語版の PDF（列: No., Country or Region, Company or Organization, Also Known As, Type of WMD）",
    en: "METI's English-edition End User List PDF (columns No., Country or Region, Company or Organization, Also Known As, Type of WMD)",
  }),
  defaultSource: () => "meti_eul",
  resolveFiles: async (files) => [...files],
  async *parse(request) {
    const source = request.source ?? "meti_eul";
    for (const file of request.files) {
      try {
        request.onBytes?.((await stat(file)).size);
      } catch {
        // pdfPages reports the missing file
      }
      yield* metiEulEntities(source, file, pdfRows(file), "page");
    }
  },
};
