import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { type CsvError, parse as parseCsv } from "csv-parse";
import iconv from "iconv-lite";
import { SaxesParser } from "saxes";
import { ImportError } from "./import-error.js";

/** Text encodings a list file may be in; `auto` tells UTF-8 (with or without BOM), UTF-16 and Shift_JIS apart. */
export type TextEncoding = "auto" | "utf8" | "cp932" | "latin1" | "utf16le";

export const TEXT_ENCODINGS: readonly TextEncoding[] = ["auto", "utf8", "cp932", "latin1", "utf16le"];

/** Options every importer accepts. */
export type ReadOptions = {
  /** How the bytes are to be read as text (default `auto`). */
  encoding?: TextEncoding | undefined;
  /** The longest field (characters) accepted before the file is refused as malformed (default 1,000,000). */
  maxFieldChars?: number | undefined;
  /** Told how many more bytes were read, for progress bars. */
  onBytes?: ((bytes: number) => void) | undefined;
};

export const DEFAULT_MAX_FIELD_CHARS = 1_000_000;

const CHUNK_BYTES = 256 * 1024;

/** Streams a file's bytes in chunks, reporting each chunk's size (nothing is held beyond one chunk). */
export async function* readBytes(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<Buffer> {
  let stream: ReturnType<typeof createReadStream>;
  try {
    stream = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  } catch (error) {
    throw cannotRead(file, error);
  }
  try {
    for await (const chunk of stream) {
      onBytes?.((chunk as Buffer).length);
      yield chunk as Buffer;
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw cannotRead(file, error);
  } finally {
    stream.destroy();
  }
}

function cannotRead(file: string, error: unknown): ImportError {
  const code = (error as NodeJS.ErrnoException).code;
  const detail = code ?? (error instanceof Error ? error.message : String(error));
  return new ImportError(
    { file },
    code === "ENOENT"
      ? { ja: "ファイルが見つかりません", en: "file not found" }
      : { ja: `ファイルを読めません（${detail}）`, en: `cannot read the file (${detail})` },
  );
}

function isUtf8(bytes: Buffer): boolean {
  try {
    // stream: true tolerates a multi-byte character cut at the end of the sample.
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Picks the encoding of a file from its first bytes: BOMs first, then "is it valid UTF-8?", else Shift_JIS (CP932) as Excel writes it. */
export function detectEncoding(sample: Buffer): Exclude<TextEncoding, "auto"> {
  if (sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return "utf8";
  if (sample.length >= 2 && sample[0] === 0xff && sample[1] === 0xfe) return "utf16le";
  return isUtf8(sample) ? "utf8" : "cp932";
}

const ENCODING_LABEL: Record<Exclude<TextEncoding, "auto">, string> = {
  utf8: "UTF-8",
  cp932: "Shift_JIS (CP932)",
  latin1: "Latin-1",
  utf16le: "UTF-16",
};

function countNewlines(text: string, end = text.length): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * Decodes a file as text, chunk by chunk, in the given or detected encoding. Bytes that are not valid
 * in that encoding and binary data (NUL characters) stop the import with the line where they occur,
 * so a Shift_JIS file read as UTF-8 (or a spreadsheet given as CSV) is reported, never imported as garbage.
 */
export async function* readText(file: string, options: ReadOptions = {}): AsyncGenerator<string> {
  let encoding: Exclude<TextEncoding, "auto"> | undefined =
    options.encoding && options.encoding !== "auto" ? options.encoding : undefined;
  let utf8: InstanceType<typeof TextDecoder> | undefined;
  let other: ReturnType<typeof iconv.getDecoder> | undefined;
  let line = 1;
  let first = true;

  const wrongEncoding = (atLine: number): ImportError =>
    new ImportError(
      { file, line: atLine },
      {
        ja: `${ENCODING_LABEL[encoding!]} として読めないバイトがあります。文字コードが違う可能性があります（Excel の日本語 CSV は Shift_JIS: encoding に cp932 を指定してください）`,
        en: `bytes that are not valid ${ENCODING_LABEL[encoding!]}: the file is probably in another encoding (Excel writes Japanese CSV as Shift_JIS: choose encoding cp932)`,
      },
    );

  const check = (text: string): string => {
    const nul = text.indexOf("\u0000");
    if (nul !== -1) {
      throw new ImportError(
        { file, line: line + countNewlines(text, nul) },
        {
          ja: "バイナリデータ（NUL 文字）が含まれています。テキスト形式のファイルではありません",
          en: "the file contains binary data (NUL characters): it is not a text file of this format",
        },
      );
    }
    if (!utf8) {
      const bad = text.indexOf("\uFFFD");
      if (bad !== -1) throw wrongEncoding(line + countNewlines(text, bad));
    }
    line += countNewlines(text);
    return text;
  };

  for await (let chunk of readBytes(file, options.onBytes)) {
    if (first) {
      first = false;
      encoding ??= detectEncoding(chunk);
      if (encoding === "utf8") {
        utf8 = new TextDecoder("utf-8", { fatal: true });
      } else {
        if (encoding === "utf16le" && chunk[0] === 0xff && chunk[1] === 0xfe) chunk = chunk.subarray(2);
        other = iconv.getDecoder(
          encoding === "cp932" ? "cp932" : encoding === "latin1" ? "latin1" : "utf16le",
        );
      }
    }
    let text: string;
    if (utf8) {
      try {
        text = utf8.decode(chunk, { stream: true });
      } catch {
        const loose = new TextDecoder("utf-8").decode(chunk);
        throw wrongEncoding(line + countNewlines(loose, Math.max(0, loose.indexOf("\uFFFD"))));
      }
    } else {
      text = other!.write(chunk);
    }
    if (text) yield check(text);
  }
  let rest: string | undefined;
  if (utf8) {
    try {
      rest = utf8.decode();
    } catch {
      throw wrongEncoding(line);
    }
  } else {
    rest = other?.end();
  }
  if (rest) yield check(rest);
}

/** One CSV record with the line it started on. */
export type CsvRow = { fields: string[]; line: number };

/** Options for {@link readCsv}. */
export type CsvOptions = ReadOptions & {
  delimiter?: string | undefined;
  /** Quote character, or false for formats (like BIS's tab file) whose quotes are plain text. */
  quote?: string | false | undefined;
};

/**
 * Streams CSV records (csv-parse) with their line numbers. Unclosed quotes (a truncated file), a field
 * longer than `maxFieldChars` and other syntax errors become an ImportError naming the line.
 */
export async function* readCsv(file: string, options: CsvOptions = {}): AsyncGenerator<CsvRow> {
  const maxField = options.maxFieldChars ?? DEFAULT_MAX_FIELD_CHARS;
  const parser = parseCsv({
    delimiter: options.delimiter ?? ",",
    quote: options.quote === false ? null : (options.quote ?? '"'),
    bom: true,
    info: true,
    // Files that mix Windows and Unix line ends exist (hand-edited lists); accept both everywhere.
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: maxField,
  });
  const source = Readable.from(readText(file, options), { objectMode: true });
  let sourceError: unknown;
  source.on("error", (error) => {
    sourceError = error;
    parser.destroy(error);
  });
  source.pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { fields: item.record, line: item.info.lines };
    }
  } catch (error) {
    if (sourceError instanceof ImportError) throw sourceError;
    if (error instanceof ImportError) throw error;
    throw csvProblem(file, error as CsvError, maxField);
  } finally {
    source.destroy();
  }
  if (sourceError) throw sourceError;
}

function csvProblem(file: string, error: CsvError, maxField: number): ImportError {
  const line = typeof error.lines === "number" ? error.lines : undefined;
  switch (error.code) {
    case "CSV_MAX_RECORD_SIZE":
      return new ImportError(
        { file, line, field: typeof error.index === "number" ? `#${error.index + 1}` : undefined },
        {
          ja: `項目が長すぎます（上限 ${maxField.toLocaleString()} 文字）。ファイルが壊れているか、引用符が閉じられていません`,
          en: `a field is longer than ${maxField.toLocaleString()} characters: the file is damaged or a quote is not closed`,
        },
      );
    case "CSV_QUOTE_NOT_CLOSED":
      return new ImportError(
        { file, line },
        {
          ja: "引用符が閉じられないままファイルが終わっています（途中で切れたファイル？）",
          en: "the file ends inside a quoted field (is it truncated?)",
        },
      );
    default:
      return new ImportError(
        { file, line },
        { ja: `CSV として読めません（${error.message}）`, en: `not readable as CSV (${error.message})` },
      );
  }
}

/** Reads a CSV with a header row: yields objects keyed by the header, checking required columns and ragged rows. */
export async function* readCsvWithHeader(
  file: string,
  required: readonly string[],
  options: CsvOptions = {},
): AsyncGenerator<{ row: Record<string, string>; line: number }> {
  let header: string[] | undefined;
  for await (const { fields, line } of readCsv(file, options)) {
    if (!header) {
      header = fields.map((f) => f.trim());
      const missing = required.filter((r) => !header!.includes(r));
      if (missing.length > 0) {
        throw new ImportError(
          { file, line },
          {
            ja: `見出し行に必要な列がありません: ${missing.join(", ")}（この形式のファイルですか？）`,
            en: `the header row lacks the column(s) ${missing.join(", ")} (is this file of this format?)`,
          },
        );
      }
      continue;
    }
    if (fields.length !== header.length) {
      if (fields.length === 1 && fields[0]!.trim() === "") continue;
      throw raggedRow(file, line, header.length, fields.length);
    }
    const row: Record<string, string> = {};
    header.forEach((h, i) => {
      row[h] = fields[i] ?? "";
    });
    yield { row, line };
  }
  if (!header) {
    throw new ImportError({ file }, { ja: "ファイルが空です", en: "the file is empty" });
  }
}

/** The error for a row with the wrong number of fields. */
export function raggedRow(file: string, line: number, expected: number, got: number): ImportError {
  return new ImportError(
    { file, line },
    {
      ja: `列の数が ${got} です（${expected} のはず）。行が崩れているか、ファイルが途中で切れています`,
      en: `the row has ${got} fields where ${expected} are expected (a ragged or truncated row)`,
    },
  );
}

/** An XML element inside a record, with its text and children (attributes as given). */
export type XmlNode = {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
};

/** Options for {@link readXmlRecords}. */
export type XmlOptions = ReadOptions & {
  /** Elements that are one record each (e.g. INDIVIDUAL, ENTITY). */
  recordTags: readonly string[];
  /** The expected root element, to refuse a file of another format with a clear message. */
  rootTag?: string | undefined;
  /** Called with the root element's attributes (e.g. the list's generation date). */
  onRoot?: ((attributes: Record<string, string>) => void) | undefined;
};

const MAX_NODES_PER_RECORD = 20_000;

/**
 * Streams the record elements of an XML file as small trees, parsed with saxes (strict, non-validating).
 * A DOCTYPE is refused outright — list files never need one, and entity declarations are how
 * "billion laughs" and external-entity attacks work. Truncated or malformed XML names the line.
 */
export async function* readXmlRecords(
  file: string,
  options: XmlOptions,
): AsyncGenerator<{
  node: XmlNode;
  line: number;
}> {
  const maxField = options.maxFieldChars ?? DEFAULT_MAX_FIELD_CHARS;
  const recordTags = new Set(options.recordTags);
  const parser = new SaxesParser({ position: true });
  const done: { node: XmlNode; line: number }[] = [];
  const stack: XmlNode[] = [];
  let recordLine = 0;
  let nodesInRecord = 0;
  let depth = 0;
  let failure: ImportError | undefined;

  const fail = (error: ImportError): never => {
    failure ??= error;
    throw failure;
  };

  parser.on("doctype", () =>
    fail(
      new ImportError(
        { file, line: parser.line },
        {
          ja: "DOCTYPE 宣言を含む XML は受け付けません（実体展開攻撃を防ぐため）",
          en: "XML with a DOCTYPE declaration is refused (it can carry entity-expansion attacks)",
        },
      ),
    ),
  );
  parser.on("error", (error) =>
    fail(
      new ImportError(
        { file, line: parser.line, field: stack.at(-1)?.name },
        {
          ja: `XML として正しくありません（${error.message}）`,
          en: `not well-formed XML (${error.message})`,
        },
      ),
    ),
  );
  parser.on("opentag", (tag) => {
    depth++;
    const attributes = tag.attributes as Record<string, string>;
    if (depth === 1) {
      if (options.rootTag && tag.name !== options.rootTag) {
        fail(
          new ImportError(
            { file, line: parser.line, field: tag.name },
            {
              ja: `ルート要素が ${tag.name} です（${options.rootTag} のはず）。形式の指定が違いませんか？`,
              en: `the root element is ${tag.name}, not ${options.rootTag}: is this the right format?`,
            },
          ),
        );
      }
      options.onRoot?.(attributes);
    }
    if (stack.length === 0 && !recordTags.has(tag.name)) return;
    if (stack.length === 0) {
      recordLine = parser.line;
      nodesInRecord = 0;
    }
    if (++nodesInRecord > MAX_NODES_PER_RECORD) {
      fail(
        new ImportError(
          { file, line: recordLine, field: stack[0]?.name },
          {
            ja: `1件のレコードの要素が多すぎます（上限 ${MAX_NODES_PER_RECORD}）`,
            en: `one record has more than ${MAX_NODES_PER_RECORD} elements`,
          },
        ),
      );
    }
    const node: XmlNode = { name: tag.name, attributes, text: "", children: [] };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  const addText = (text: string) => {
    const node = stack.at(-1);
    if (!node) return;
    if (node.text.length + text.length > maxField) {
      fail(
        new ImportError(
          { file, line: parser.line, field: node.name },
          {
            ja: `項目が長すぎます（上限 ${maxField.toLocaleString()} 文字）`,
            en: `a field is longer than ${maxField.toLocaleString()} characters`,
          },
        ),
      );
    }
    node.text += text;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", () => {
    depth--;
    const node = stack.pop();
    if (node && stack.length === 0) done.push({ node, line: recordLine });
  });

  const flush = function* () {
    while (done.length > 0) yield done.shift()!;
  };
  // The parser keeps a text node or a tag whole until it ends: a run without markup longer than a
  // field may be is refused before it grows the parser's buffer (a file of one endless text node).
  const maxRun = maxField + 1024;
  let textRun = 0;
  let tagRun = 0;
  try {
    for await (const text of readText(file, options)) {
      const lastOpen = text.lastIndexOf("<");
      const lastClose = text.lastIndexOf(">");
      textRun = lastOpen === -1 ? textRun + text.length : text.length - lastOpen - 1;
      tagRun = lastClose === -1 ? tagRun + text.length : text.length - lastClose - 1;
      if (textRun > maxRun || tagRun > maxRun) {
        fail(
          new ImportError(
            { file, line: parser.line, field: stack.at(-1)?.name },
            {
              ja: `項目が長すぎます（区切りのない文字列、上限 ${maxField.toLocaleString()} 文字）。ファイルが壊れています`,
              en: `a field is longer than ${maxField.toLocaleString()} characters (text without markup): the file is damaged`,
            },
          ),
        );
      }
      parser.write(text);
      yield* flush();
    }
    parser.close();
  } catch (error) {
    if (failure) throw failure;
    throw error;
  }
  if (failure) throw failure;
  yield* flush();
}

/** The text of the first child with this name (trimmed), or "" — for reading XML records. */
export function childText(node: XmlNode, name: string): string {
  return node.children.find((c) => c.name === name)?.text.trim() ?? "";
}

/** All children with this name. */
export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/** Options for {@link readJsonArrayItems}. */
export type JsonArrayOptions = ReadOptions & {
  /** Key of the array inside the top-level object (e.g. "values"); omitted when the file is a top-level array. */
  arrayKey?: string | undefined;
};

/**
 * Streams the elements of one large JSON array (the top-level array, or `{ "<arrayKey>": [ … ] }`),
 * parsing each element on its own so memory stays at one element. Truncated or malformed JSON names
 * the line; an element larger than `maxFieldChars` is refused.
 */
export async function* readJsonArrayItems(
  file: string,
  options: JsonArrayOptions = {},
): AsyncGenerator<{ value: unknown; line: number }> {
  const maxItem = options.maxFieldChars ?? DEFAULT_MAX_FIELD_CHARS;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let arrayDepth = options.arrayKey ? -1 : 1; // depth at which the wanted array's elements start
  let lastKey = "";
  let keyBuffer: string | undefined;
  let item: string[] | undefined;
  let itemLength = 0;
  let itemLine = 0;
  let sawArray = false;

  const problem = (en: string, ja: string, at = line) => new ImportError({ file, line: at }, { ja, en });

  for await (const text of readText(file, options)) {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === "\n") line++;
      if (item !== undefined && ++itemLength > maxItem) {
        throw problem(
          `an element is longer than ${maxItem.toLocaleString()} characters`,
          `要素が長すぎます（上限 ${maxItem.toLocaleString()} 文字）`,
          itemLine,
        );
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (c === "\\") escaped = true;
        else if (c === '"') {
          inString = false;
          if (keyBuffer !== undefined && item === undefined) {
            keyBuffer += text.slice(start, i);
            lastKey = keyBuffer;
            keyBuffer = undefined;
          }
        }
        continue;
      }
      if (c === '"') {
        inString = true;
        if (item === undefined && depth === 1 && arrayDepth === -1) {
          keyBuffer = "";
          start = i + 1;
        }
        continue;
      }
      if (c === "{" || c === "[") {
        if (
          item === undefined &&
          arrayDepth === -1 &&
          depth === 1 &&
          c === "[" &&
          lastKey === options.arrayKey
        ) {
          arrayDepth = 2;
          sawArray = true;
        } else if (item === undefined && !options.arrayKey && depth === 0 && c === "[") {
          sawArray = true;
        }
        if (item === undefined && depth === arrayDepth && sawArray) {
          item = [];
          itemLength = 0;
          itemLine = line;
          start = i;
        }
        depth++;
      } else if (c === "}" || c === "]") {
        depth--;
        if (depth < 0) throw problem("unbalanced brackets", "括弧の対応が取れていません");
        if (item !== undefined && depth === arrayDepth) {
          item.push(text.slice(start, i + 1));
          const json = item.join("");
          item = undefined;
          let value: unknown;
          try {
            value = JSON.parse(json);
          } catch (error) {
            throw problem(
              `not valid JSON (${(error as Error).message})`,
              `JSON として正しくありません（${(error as Error).message}）`,
              itemLine,
            );
          }
          yield { value, line: itemLine };
        } else if (arrayDepth > 0 && depth === arrayDepth - 1 && c === "]") {
          arrayDepth = -2; // the array is done; the rest of the file is not read for items
        }
      }
    }
    if (item !== undefined) item.push(text.slice(start));
    if (keyBuffer !== undefined) {
      keyBuffer += text.slice(start);
      start = 0;
    }
  }
  if (depth !== 0 || inString) {
    throw problem(
      "the JSON ends early (is the file truncated?)",
      "JSON が途中で終わっています（ファイルが切れていませんか？）",
    );
  }
  if (!sawArray) {
    throw problem(
      options.arrayKey ? `no "${options.arrayKey}" array found` : "the file is not a JSON array",
      options.arrayKey ? `"${options.arrayKey}" 配列が見つかりません` : "JSON 配列ではありません",
      1,
    );
  }
}

/** Streams the lines of a text file with their numbers (for JSON-lines formats and the METI text lists). */
export async function* readLines(
  file: string,
  options: ReadOptions = {},
): AsyncGenerator<{ text: string; line: number }> {
  const maxLine = options.maxFieldChars ?? DEFAULT_MAX_FIELD_CHARS;
  let pending = "";
  let line = 0;
  const tooLong = (at: number) =>
    new ImportError(
      { file, line: at },
      {
        ja: `行が長すぎます（上限 ${maxLine.toLocaleString()} 文字）`,
        en: `a line is longer than ${maxLine.toLocaleString()} characters`,
      },
    );
  for await (const chunk of readText(file, options)) {
    pending += chunk;
    let nl = pending.indexOf("\n");
    while (nl !== -1) {
      line++;
      if (nl > maxLine) throw tooLong(line);
      yield { text: pending.slice(0, nl).replace(/\r$/, ""), line };
      pending = pending.slice(nl + 1);
      nl = pending.indexOf("\n");
    }
    if (pending.length > maxLine) throw tooLong(line + 1);
  }
  if (pending.length > 0) yield { text: pending.replace(/\r$/, ""), line: line + 1 };
}
