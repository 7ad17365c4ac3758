import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { inflateSync } from "node:zlib";
import type { Bilingual } from "../../shared/errors.js";
import { ImportError } from "./import-error.js";

/**
 * How much an uploaded PDF may make the server unpack and for how long it may be read. A PDF's
 * streams are compressed like a ZIP's entries, so a small PDF can unpack to gigabytes (a "PDF bomb").
 */
export type PdfLimits = {
  /** Bytes one stream may unpack to. */
  maxStreamBytes: number;
  /** Bytes all streams may unpack to together. */
  maxTotalBytes: number;
  /** Seconds the whole PDF may take to read. */
  maxSeconds: number;
  /** Heap of the thread that reads it (MB). */
  maxHeapMb: number;
};

export const DEFAULT_PDF_LIMITS: PdfLimits = {
  maxStreamBytes: 64 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxSeconds: 300,
  maxHeapMb: 512,
};

/** One piece of text on a PDF page with its position (PDF points, y grows upwards). */
export type PdfTextItem = { str: string; x: number; y: number };

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(0);
}

function hexDecode(data: Buffer): Buffer {
  const text = data.toString("latin1").replace(/\s+/g, "").replace(/>.*$/s, "");
  return Buffer.from(text.length % 2 ? `${text}0` : text, "hex");
}

function ascii85Decode(data: Buffer): Buffer {
  const text = data.toString("latin1").replace(/\s+/g, "").replace(/^<~/, "").replace(/~>.*$/s, "");
  const out: number[] = [];
  let group: number[] = [];
  for (const ch of text) {
    if (ch === "z" && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    const c = ch.charCodeAt(0) - 33;
    if (c < 0 || c > 84) break;
    group.push(c);
    if (group.length === 5) {
      let n = 0;
      for (const g of group) n = n * 85 + g;
      out.push((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
      group = [];
    }
  }
  if (group.length > 1) {
    const len = group.length;
    while (group.length < 5) group.push(84);
    let n = 0;
    for (const g of group) n = n * 85 + g;
    out.push(...[(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].slice(0, len - 1));
  }
  return Buffer.from(out);
}

/** The largest growth a filter can cause, for filters that are not unpacked here to check. */
const WORST_RATIO: Record<string, number> = { LZWDecode: 3641, LZW: 3641, RunLengthDecode: 64, RL: 64 };

/**
 * Unpacks every compressed stream of a PDF under the limits before pdf.js sees it, so a PDF bomb is
 * refused with its reason instead of filling the memory. Flate streams (also behind ASCIIHex or
 * ASCII85) are inflated with a bound on the output; LZW and RunLength streams are refused only when
 * their worst case could exceed the bound; image filters end the check (text extraction does not
 * decode images). Streams that do not unpack here (encrypted PDFs) are left to the isolated reader,
 * whose heap and time are bounded.
 */
export function checkPdfStreams(data: Buffer, file: string, limits: PdfLimits = DEFAULT_PDF_LIMITS): void {
  const bomb = (bytes: number, limit: number, field?: string) =>
    new ImportError({ file, field }, {
      ja: `PDF の圧縮データが展開すると ${megabytes(bytes)} MB を超えます（上限 ${megabytes(limit)} MB）。PDF 爆弾の可能性があるため読み込みません`,
      en: `a compressed part of the PDF unpacks to more than ${megabytes(bytes)} MB (limit ${megabytes(limit)} MB); refused as a possible PDF bomb`,
    } satisfies Bilingual);
  let total = 0;
  let at = 0;
  for (;;) {
    const keyword = data.indexOf("stream", at, "latin1");
    if (keyword === -1) return;
    at = keyword + 6;
    if (keyword > 0 && data[keyword - 1] === 0x64 /* "d" of endstream */) continue;
    let start = keyword + 6;
    if (data[start] === 0x0d) start++;
    if (data[start] !== 0x0a && data[start - 1] !== 0x0d) continue;
    if (data[start] === 0x0a) start++;
    const objectStart = data.lastIndexOf("obj", keyword, "latin1");
    if (objectStart === -1) continue;
    const dictionary = data.subarray(objectStart, keyword).toString("latin1");
    const end = data.indexOf("endstream", start, "latin1");
    if (end === -1) return; // a truncated PDF: pdf.js reports it
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary);
    const rawEnd = length && start + Number(length[1]) <= end ? start + Number(length[1]) : end;
    at = end + 9;
    const filterMatch = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dictionary);
    if (!filterMatch) continue;
    const filters = filterMatch[1]!.match(/\/[A-Za-z0-9]+/g)?.map((f) => f.slice(1)) ?? [];
    let bytes: Buffer = data.subarray(start, rawEnd);
    const where = `obj ${/(\d+)\s+\d+\s+obj/.exec(data.subarray(Math.max(0, objectStart - 20), objectStart + 3).toString("latin1"))?.[1] ?? "?"}`;
    for (const filter of filters) {
      if (filter === "ASCIIHexDecode" || filter === "AHx") bytes = hexDecode(bytes);
      else if (filter === "ASCII85Decode" || filter === "A85") bytes = ascii85Decode(bytes);
      else if (filter === "FlateDecode" || filter === "Fl") {
        try {
          bytes = inflateSync(bytes, {
            maxOutputLength: limits.maxStreamBytes,
            finishFlush: 2 /* Z_SYNC_FLUSH */,
          });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
            throw bomb(limits.maxStreamBytes, limits.maxStreamBytes, where);
          }
          break; // not inflatable here (encrypted, damaged): the isolated reader decides
        }
      } else if (WORST_RATIO[filter]) {
        if (bytes.length * WORST_RATIO[filter]! > limits.maxStreamBytes) {
          throw bomb(bytes.length * WORST_RATIO[filter]!, limits.maxStreamBytes, where);
        }
        break;
      } else break; // image and crypt filters: not decoded for text
    }
    total += bytes.length;
    if (total > limits.maxTotalBytes) throw bomb(total, limits.maxTotalBytes);
  }
}

/** The code of the thread that runs pdf.js (plain JavaScript: it runs as is, built or not). */
const WORKER_CODE = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  const pdfjs = await import(workerData.pdfjsUrl);
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(workerData.data),
      isEvalSupported: false,
      useSystemFonts: false,
      standardFontDataUrl: workerData.fonts,
      verbosity: 0,
    }).promise;
  } catch (error) {
    parentPort.postMessage({ type: "error", stage: "open", message: String((error && error.message) || error) });
    return;
  }
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = [];
      for (const item of content.items) {
        if ("str" in item && item.str) items.push({ str: item.str, x: item.transform[4], y: item.transform[5] });
      }
      page.cleanup();
      parentPort.postMessage({ type: "page", page: n, items });
    }
    parentPort.postMessage({ type: "done" });
  } catch (error) {
    parentPort.postMessage({ type: "error", stage: "page", message: String((error && error.message) || error) });
  } finally {
    await doc.destroy();
  }
})();
`;

type WorkerMessage =
  | { type: "page"; page: number; items: PdfTextItem[] }
  | { type: "done" }
  | { type: "error"; stage: "open" | "page"; message: string };

/**
 * Reads the positioned text of every page with pdf.js in a thread of its own, with a bounded heap
 * and a time limit: a PDF that pdf.js cannot cope with ends that thread with an ImportError, never
 * the server. The thread is ended as soon as the reader stops, whatever the reason.
 */
export async function* isolatedPdfPages(
  data: Uint8Array,
  file: string,
  limits: PdfLimits = DEFAULT_PDF_LIMITS,
): AsyncGenerator<{ page: number; items: PdfTextItem[] }> {
  const require = createRequire(import.meta.url);
  const pdfjsUrl = pathToFileURL(require.resolve("pdfjs-dist/legacy/build/pdf.mjs")).href;
  const fonts = `${path.join(path.dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts")}${path.sep}`;
  const copy = new Uint8Array(data); // the copy's buffer moves to the thread
  const worker = new Worker(WORKER_CODE, {
    eval: true,
    workerData: { data: copy.buffer, pdfjsUrl, fonts },
    transferList: [copy.buffer],
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 32 },
    stdout: true,
    stderr: true,
  });
  const queue: (WorkerMessage | { type: "failed"; reason: Bilingual })[] = [];
  let wake: (() => void) | undefined;
  const push = (m: (typeof queue)[number]) => {
    queue.push(m);
    wake?.();
  };
  worker.on("message", (m: WorkerMessage) => push(m));
  worker.on("error", (error: Error & { code?: string }) =>
    push({
      type: "failed",
      reason:
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? {
              ja: `PDF を読むのに必要なメモリが上限（${limits.maxHeapMb} MB）を超えました`,
              en: `reading the PDF needs more memory than the limit (${limits.maxHeapMb} MB)`,
            }
          : { ja: `PDF を読めません（${error.message}）`, en: `cannot read the PDF (${error.message})` },
    }),
  );
  worker.on("exit", () =>
    push({
      type: "failed",
      reason: { ja: "PDF の読み込みが途中で止まりました", en: "reading the PDF stopped" },
    }),
  );
  const timer = setTimeout(
    () =>
      push({
        type: "failed",
        reason: {
          ja: `PDF の読み込みが ${limits.maxSeconds} 秒を超えたため中止しました`,
          en: `reading the PDF took more than ${limits.maxSeconds} s and was stopped`,
        },
      }),
    limits.maxSeconds * 1000,
  );
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      const m = queue.shift()!;
      if (m.type === "page") yield { page: m.page, items: m.items };
      else if (m.type === "done") return;
      else if (m.type === "failed") throw new ImportError({ file }, m.reason);
      else {
        throw new ImportError(
          { file },
          m.stage === "open"
            ? { ja: `PDF を読めません（${m.message}）`, en: `cannot read the PDF (${m.message})` }
            : {
                ja: `PDF のページを読めません（${m.message}）`,
                en: `cannot read a page of the PDF (${m.message})`,
              },
        );
      }
    }
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}
