import path from "node:path";
import { SaxesParser } from "saxes";
import type { Bilingual } from "../../shared/errors.js";
import { ImportError } from "./import-error.js";
import { DEFAULT_ZIP_LIMITS, ZipArchive, type ZipEntry, type ZipLimits } from "./zip-reader.js";

/**
 * Everything an uploaded workbook may make the server hold or do. The defaults fit any honest list
 * or batch file many times over (Excel itself stops at 1,048,576 rows × 16,384 columns and 32,767
 * characters a cell) and keep one upload to a few hundred MB of work and well under that in memory.
 */
export type XlsxLimits = ZipLimits & {
  /** Cells (positions in the rows handed out) in all sheets read. */
  maxCells: number;
  /** Entries in the shared-string table (held in memory while the sheet is read). */
  maxSharedStrings: number;
  /** Characters in the shared-string table together. */
  maxSharedStringChars: number;
  /** Characters of text (or of one tag) without markup in between: bounds the XML parser's buffers. */
  maxTextRun: number;
};

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  ...DEFAULT_ZIP_LIMITS,
  maxCells: 20_000_000,
  maxSharedStrings: 2_000_000,
  maxSharedStringChars: 32_000_000,
  maxTextRun: 1_000_000,
};

/** Excel's own limits. */
const MAX_COLUMNS = 16_384;
const MAX_ROWS = 1_048_576;
/** Characters one cell may hold (Excel allows 32,767; other programs write a little more). */
const MAX_CELL_CHARS = 100_000;

/** One row of a sheet: cell texts by column (A = 0; empty cells are ""), the row number, the sheet. */
export type XlsxRow = { cells: string[]; line: number; sheet: number; sheetName: string };

export type XlsxReadOptions = {
  /** The name to show in errors (the uploaded name, not a temporary file). */
  displayName?: string | undefined;
  /** The first worksheet only (batch files) or every worksheet in workbook order (list files). */
  sheets?: "first" | "all" | undefined;
  limits?: Partial<XlsxLimits> | undefined;
  /** Stops the reading (request or job timeout). */
  signal?: AbortSignal | undefined;
  /** Told how many more compressed bytes were read, for progress bars. */
  onBytes?: ((bytes: number) => void) | undefined;
};

type Handlers = {
  open?: (name: string, attributes: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
};

/** The element name without its namespace prefix (x:row → row). */
function local(name: string): string {
  const i = name.indexOf(":");
  return i === -1 ? name : name.slice(i + 1);
}

/** An attribute by local name (r:id → id is found as "id" only when asked with a prefix-free name). */
function attribute(attributes: Record<string, string>, name: string): string | undefined {
  if (name in attributes) return attributes[name];
  for (const [k, v] of Object.entries(attributes)) if (local(k) === name && k.includes(":")) return v;
  return undefined;
}

/** Column letters of a cell reference to a 0-based index ("A1" → 0, "AB12" → 27); undefined if malformed. */
export function columnIndex(ref: string): number | undefined {
  const m = /^([A-Za-z]{1,3})\d*$/.exec(ref);
  if (!m) return undefined;
  let n = 0;
  for (const ch of m[1]!.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * An Excel date serial as YYYY-MM-DD (the 1900 system with its fictitious 29 February 1900, or the
 * 1904 system), or undefined when it is out of Excel's range.
 */
export function excelSerialDate(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return undefined;
  const days = Math.floor(serial);
  let ms: number;
  if (date1904) ms = Date.UTC(1904, 0, 1) + days * 86_400_000;
  else if (days === 60) return "1900-02-29";
  else if (days < 60) ms = Date.UTC(1899, 11, 31) + days * 86_400_000;
  else ms = Date.UTC(1899, 11, 30) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Built-in number formats that show a date (ECMA-376 §18.8.30, with the East Asian ids). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** True when a custom number format shows a date (year, day, or a Japanese era). */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/general/gi, "");
  return /[yd]/i.test(bare) || /g+e/i.test(bare);
}

/**
 * Streams the rows of an XLSX workbook with every size bounded: the ZIP's directory is read first
 * (a truncated file fails at once), entries are inflated under the limits, XML is parsed as a stream
 * (no DOCTYPE, no long text runs), and the shared-string table and cells are counted. Errors are
 * ImportErrors naming the file and, for cells, the row and cell reference, in Japanese and English.
 */
export async function* readXlsxRows(file: string, options: XlsxReadOptions = {}): AsyncGenerator<XlsxRow> {
  const displayName = options.displayName ?? file;
  const limits: XlsxLimits = { ...DEFAULT_XLSX_LIMITS, ...options.limits };
  const problem = (reason: Bilingual, line?: number, field?: string) =>
    new ImportError({ file: displayName, line, field }, reason);
  const archive = await ZipArchive.open(file, displayName, limits);
  const notWorkbook = problem({
    ja: "Excel ブック（XLSX）ではありません（xl/workbook.xml がありません）。別の形式の ZIP ファイルではありませんか？",
    en: "not an Excel workbook (XLSX): it has no xl/workbook.xml (is it another kind of ZIP file?)",
  });

  /** Parses one (small) XML part as a stream, guarding the parser's buffers. */
  async function parse(entry: ZipEntry, handlers: Handlers): Promise<void> {
    for await (const _ of parseStream(entry, handlers, false)) {
      // nothing to hand out between chunks
    }
  }

  /** Like parse, but yields after each chunk so the caller can hand out what the handlers collected. */
  async function* parseStream(
    entry: ZipEntry,
    handlers: Handlers,
    withProgress: boolean,
  ): AsyncGenerator<void> {
    const parser = new SaxesParser({ position: false });
    let failure: unknown;
    const fail = (error: unknown) => {
      failure ??= error;
    };
    parser.on("doctype", () =>
      fail(
        problem(
          {
            ja: "DOCTYPE 宣言を含む XML は受け付けません（実体展開攻撃を防ぐため）",
            en: "XML with a DOCTYPE declaration is refused (it can carry entity-expansion attacks)",
          },
          undefined,
          entry.name,
        ),
      ),
    );
    parser.on("error", (error) =>
      fail(
        problem(
          {
            ja: `XML として正しくありません（${error.message}）`,
            en: `not well-formed XML (${error.message})`,
          },
          undefined,
          entry.name,
        ),
      ),
    );
    parser.on("opentag", (tag) => {
      if (failure) return;
      try {
        handlers.open?.(local(tag.name), tag.attributes as Record<string, string>);
        if (tag.isSelfClosing) handlers.close?.(local(tag.name));
      } catch (error) {
        fail(error);
      }
    });
    parser.on("closetag", (tag) => {
      if (failure || tag.isSelfClosing) return;
      try {
        handlers.close?.(local(tag.name));
      } catch (error) {
        fail(error);
      }
    });
    if (handlers.text) {
      const onText = (text: string) => {
        if (failure) return;
        try {
          handlers.text?.(text);
        } catch (error) {
          fail(error);
        }
      };
      parser.on("text", onText);
      parser.on("cdata", onText);
    }
    let decoder: InstanceType<typeof TextDecoder> | undefined;
    let textRun = 0;
    let tagRun = 0;
    const tooLong = () =>
      problem(
        {
          ja: `区切りのない長すぎる文字列があります（上限 ${limits.maxTextRun.toLocaleString()} 文字）。ファイルが壊れているか、細工されています`,
          en: `a run of more than ${limits.maxTextRun.toLocaleString()} characters without markup: the file is damaged or crafted`,
        },
        undefined,
        entry.name,
      );
    for await (const chunk of archive.read(entry, {
      signal: options.signal,
      onBytes: withProgress ? options.onBytes : undefined,
    })) {
      if (!decoder) {
        const utf16 = chunk[0] === 0xff && chunk[1] === 0xfe;
        decoder = new TextDecoder(utf16 ? "utf-16le" : "utf-8", { fatal: true });
      }
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw problem(
          { ja: "UTF-8 として読めないバイトがあります", en: "bytes that are not valid UTF-8" },
          undefined,
          entry.name,
        );
      }
      // The parser keeps a text node or a tag whole until it ends: refuse runs that would grow it unbounded.
      const lastOpen = text.lastIndexOf("<");
      const lastClose = text.lastIndexOf(">");
      textRun = lastOpen === -1 ? textRun + text.length : text.length - lastOpen - 1;
      tagRun = lastClose === -1 ? tagRun + text.length : text.length - lastClose - 1;
      if (textRun > limits.maxTextRun || tagRun > limits.maxTextRun) throw tooLong();
      parser.write(text);
      if (failure) throw failure;
      yield;
    }
    try {
      parser.write(decoder?.decode() ?? "");
      parser.close();
    } catch {
      // reported through the error handler
    }
    if (failure) throw failure;
  }

  /** Reads a .rels part: relationship id → { type, target resolved against the part's folder }. */
  async function relationships(partName: string): Promise<Map<string, { type: string; target: string }>> {
    const dir = path.posix.dirname(partName);
    const rels = archive.entry(path.posix.join(dir, "_rels", `${path.posix.basename(partName)}.rels`));
    const out = new Map<string, { type: string; target: string }>();
    if (!rels) return out;
    await parse(rels, {
      open(name, attributes) {
        if (name !== "Relationship") return;
        const id = attributes.Id;
        const target = attributes.Target;
        if (!id || !target || attributes.TargetMode === "External") return;
        const resolved = target.startsWith("/")
          ? target.slice(1)
          : path.posix.normalize(path.posix.join(dir === "." ? "" : dir, target));
        out.set(id, { type: attributes.Type ?? "", target: resolved });
      },
    });
    return out;
  }

  // The workbook part: named by the package's relationships, conventionally xl/workbook.xml.
  let workbookName = "xl/workbook.xml";
  for (const rel of (await relationships("")).values()) {
    if (rel.type.endsWith("/officeDocument")) workbookName = rel.target;
  }
  const workbook = archive.entry(workbookName);
  if (!workbook) throw notWorkbook;
  const sheetRefs: { name: string; id: string }[] = [];
  let date1904 = false;
  await parse(workbook, {
    open(name, attributes) {
      if (name === "sheet") {
        const id = attribute(attributes, "id");
        if (id && sheetRefs.length < 10_000) sheetRefs.push({ name: attributes.name ?? "", id });
      } else if (name === "workbookPr") {
        const v = attributes.date1904;
        date1904 = v === "1" || v === "true";
      }
    },
  });
  const rels = await relationships(workbookName);
  const sheets = sheetRefs
    .map((s) => ({ ...s, rel: rels.get(s.id) }))
    .filter((s) => s.rel?.type.endsWith("/worksheet") && archive.entry(s.rel.target));
  if (sheets.length === 0) {
    throw problem({
      ja: "ブックにワークシートがありません",
      en: "the workbook has no worksheet",
    });
  }
  const relOfType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;

  // Styles: which cell formats show dates (so birth dates read as dates, not serial numbers).
  const dateStyles = new Set<number>();
  const stylesEntry = archive.entry(relOfType("/styles") ?? "xl/styles.xml");
  if (stylesEntry) {
    const customDates = new Set<number>();
    let inCellXfs = false;
    let xfIndex = 0;
    await parse(stylesEntry, {
      open(name, attributes) {
        if (name === "numFmt") {
          const id = Number(attributes.numFmtId);
          if (Number.isInteger(id) && isDateFormat(attributes.formatCode ?? "")) customDates.add(id);
        } else if (name === "cellXfs") {
          inCellXfs = true;
        } else if (name === "xf" && inCellXfs) {
          const id = Number(attributes.numFmtId ?? 0);
          if (BUILTIN_DATE_FORMATS.has(id) || customDates.has(id)) dateStyles.add(xfIndex);
          xfIndex++;
        }
      },
      close(name) {
        if (name === "cellXfs") inCellXfs = false;
      },
    });
  }

  // Shared strings: held in memory while the sheets are read, so counted and bounded.
  const shared: string[] = [];
  const sharedEntry = archive.entry(relOfType("/sharedStrings") ?? "xl/sharedStrings.xml");
  if (sharedEntry) {
    let chars = 0;
    let inItem = false;
    let inText = false;
    let phonetic = 0;
    let current = "";
    await parse(sharedEntry, {
      open(name) {
        if (name === "si") {
          inItem = true;
          current = "";
        } else if (name === "rPh" || name === "phoneticPr") phonetic++;
        else if (name === "t" && inItem && phonetic === 0) inText = true;
      },
      close(name) {
        if (name === "si") {
          inItem = false;
          if (shared.length >= limits.maxSharedStrings) {
            throw problem(
              {
                ja: `共有文字列が多すぎます（上限 ${limits.maxSharedStrings.toLocaleString()} 個）`,
                en: `too many shared strings (at most ${limits.maxSharedStrings.toLocaleString()})`,
              },
              undefined,
              sharedEntry.name,
            );
          }
          shared.push(current);
          current = "";
        } else if (name === "rPh" || name === "phoneticPr") phonetic--;
        else if (name === "t") inText = false;
      },
      text(text) {
        if (!inText) return;
        chars += text.length;
        if (chars > limits.maxSharedStringChars) {
          throw problem(
            {
              ja: `共有文字列の合計が長すぎます（上限 ${limits.maxSharedStringChars.toLocaleString()} 文字）`,
              en: `the shared strings hold more than ${limits.maxSharedStringChars.toLocaleString()} characters`,
            },
            undefined,
            sharedEntry.name,
          );
        }
        current += text;
      },
    });
  }

  let cellBudget = limits.maxCells;
  const wanted = options.sheets === "all" ? sheets : sheets.slice(0, 1);
  for (let s = 0; s < wanted.length; s++) {
    const sheet = wanted[s]!;
    const entry = archive.entry(sheet.rel!.target)!;
    const ready: XlsxRow[] = [];
    let row: string[] | undefined;
    let rowNumber = 0;
    let column = -1;
    let cell: { type: string; style: number; ref: string } | undefined;
    let value = "";
    let collecting = false;
    let phonetic = 0;
    const cellProblem = (reason: Bilingual, ref?: string) =>
      problem(reason, rowNumber || undefined, ref ? `${sheet.name}!${ref}` : sheet.name);
    const handlers: Handlers = {
      open(name, attributes) {
        switch (name) {
          case "row": {
            const r = attributes.r === undefined ? rowNumber + 1 : Number(attributes.r);
            if (!Number.isInteger(r) || r < 1 || r > MAX_ROWS) {
              throw cellProblem({
                ja: `行番号「${attributes.r}」が正しくありません`,
                en: `invalid row number "${attributes.r}"`,
              });
            }
            rowNumber = r;
            row = [];
            column = -1;
            break;
          }
          case "c": {
            const ref = attributes.r;
            const c = ref === undefined ? column + 1 : columnIndex(ref);
            if (c === undefined || c >= MAX_COLUMNS) {
              throw cellProblem(
                {
                  ja: `セル番地「${ref}」が正しくありません`,
                  en: `invalid cell reference "${ref}"`,
                },
                ref,
              );
            }
            column = c;
            cell = { type: attributes.t ?? "n", style: Number(attributes.s ?? 0), ref: ref ?? "" };
            value = "";
            break;
          }
          case "v":
          case "t":
            if (cell && phonetic === 0) collecting = true;
            break;
          case "rPh":
          case "phoneticPr":
            phonetic++;
            break;
          default:
            break;
        }
      },
      close(name) {
        switch (name) {
          case "v":
          case "t":
            collecting = false;
            break;
          case "rPh":
          case "phoneticPr":
            phonetic--;
            break;
          case "c": {
            if (!cell || !row) break;
            const text = cellValue(cell.type, cell.style, value);
            if (text === null) {
              throw cellProblem(
                {
                  ja: `共有文字列の番号「${value}」がありません`,
                  en: `shared string number "${value}" does not exist`,
                },
                cell.ref,
              );
            }
            if (text !== "") row[column] = text;
            cell = undefined;
            break;
          }
          case "row": {
            if (!row) break;
            const cells = Array.from(row, (c) => c ?? "");
            cellBudget -= Math.max(1, cells.length);
            if (cellBudget < 0) {
              throw cellProblem({
                ja: `セルが多すぎます（上限 ${limits.maxCells.toLocaleString()} 個）`,
                en: `too many cells (at most ${limits.maxCells.toLocaleString()})`,
              });
            }
            ready.push({ cells, line: rowNumber, sheet: s + 1, sheetName: sheet.name });
            row = undefined;
            break;
          }
          default:
            break;
        }
      },
      text(text) {
        if (!collecting) return;
        value += text;
        if (value.length > MAX_CELL_CHARS) {
          throw cellProblem(
            {
              ja: `セルの文字数が多すぎます（上限 ${MAX_CELL_CHARS.toLocaleString()} 文字）`,
              en: `a cell holds more than ${MAX_CELL_CHARS.toLocaleString()} characters`,
            },
            cell?.ref,
          );
        }
      },
    };
    const cellValue = (type: string, style: number, raw: string): string | null => {
      switch (type) {
        case "s": {
          const i = Number(raw);
          return Number.isInteger(i) && i >= 0 && i < shared.length ? shared[i]! : null;
        }
        case "inlineStr":
        case "str":
          return raw;
        case "b":
          return raw === "1" ? "TRUE" : raw === "0" ? "FALSE" : raw;
        case "e":
          return "";
        case "d":
          return raw.slice(0, 10);
        default: {
          const n = Number(raw);
          if (raw.trim() === "" || !Number.isFinite(n)) return raw.trim();
          if (dateStyles.has(style)) return excelSerialDate(n, date1904) ?? String(n);
          return String(n);
        }
      }
    };
    for await (const _ of parseStream(entry, handlers, true)) {
      while (ready.length > 0) yield ready.shift()!;
    }
    while (ready.length > 0) yield ready.shift()!;
  }
}
