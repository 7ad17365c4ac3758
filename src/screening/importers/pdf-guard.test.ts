import { createWriteStream, readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import fc from "fast-check";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deflatedRepeat } from "../../testing/zip-builder.js";
import { ImportError } from "./import-error.js";
import { pdfPages } from "./meti-eul-pdf.js";
import { checkPdfStreams, DEFAULT_PDF_LIMITS, isolatedPdfPages } from "./pdf-guard.js";
import { scratchDir } from "./test-helpers.js";

const scratch = scratchDir();
let honest: Buffer;

/** A one-page PDF whose content stream is the given (already encoded) bytes with these filters. */
function pdfWithStream(stream: Buffer, filters: string): Buffer {
  const head = `%PDF-1.4
1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj
2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj
3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>> endobj
4 0 obj <</Length ${stream.length}/Filter ${filters}>> stream
`;
  const tail = "\nendstream endobj\ntrailer <</Root 1 0 R/Size 5>>\n%%EOF\n";
  return Buffer.concat([Buffer.from(head, "latin1"), stream, Buffer.from(tail, "latin1")]);
}

/** zlib framing around raw deflate data (the checksum is never reached by a bounded reader). */
function zlibOf(raw: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0x78, 0x9c]), raw, Buffer.alloc(4)]);
}

function ascii85(data: Buffer): Buffer {
  let out = "";
  for (let i = 0; i < data.length; i += 4) {
    const chunk = Buffer.alloc(4);
    data.copy(chunk, 0, i, i + 4);
    let n = chunk.readUInt32BE(0);
    const len = Math.min(4, data.length - i);
    if (n === 0 && len === 4) {
      out += "z";
      continue;
    }
    const chars: string[] = [];
    for (let k = 0; k < 5; k++) {
      chars.unshift(String.fromCharCode(33 + (n % 85)));
      n = Math.floor(n / 85);
    }
    out += chars.slice(0, len + 1).join("");
  }
  return Buffer.from(`${out}~>`, "latin1");
}

beforeAll(async () => {
  const file = `${scratch.dir}/honest.pdf`;
  const doc = new PDFDocument({ size: "A4" });
  const out = createWriteStream(file);
  doc.pipe(out);
  doc.fontSize(10).text("No. Country or Region Company or Organization", 40, 40);
  doc.addPage().text("page two", 40, 40);
  doc.end();
  await new Promise<void>((resolve) => out.on("finish", () => resolve()));
  honest = readFileSync(file);
});
afterAll(() => scratch.remove());

async function pages(data: Buffer, limits = DEFAULT_PDF_LIMITS) {
  const file = scratch.write(`f-${Math.random()}.pdf`, data);
  const out = [];
  for await (const p of pdfPages(file, limits)) out.push(p);
  return out;
}

describe("PDF bombs and PDFs pdf.js cannot cope with", () => {
  it("reads an honest PDF page by page in its own thread", async () => {
    const result = await pages(honest);
    expect(result.map((p) => p.page)).toEqual([1, 2]);
    expect(result[0]!.items.map((i) => i.str).join(" ")).toContain("Country or Region");
  });

  it("a 1 GB Flate content stream is refused before pdf.js inflates it", async () => {
    const raw = deflatedRepeat("BT /F1 12 Tf (x) Tj ET ", Buffer.alloc(1024 * 1024, 0x20), 1024, "");
    const bomb = pdfWithStream(zlibOf(raw.bytes), "/FlateDecode");
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const heap = process.memoryUsage().heapUsed;
    await expect(pages(bomb)).rejects.toThrow(/unpacks to more than 64 MB.*PDF bomb/);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(128 * 1024 * 1024);
    // Hidden behind ASCII85, and behind a worst-case LZW filter, it is refused too.
    const small = deflatedRepeat("", Buffer.alloc(1024 * 1024, 0x20), 80, "");
    expect(() =>
      checkPdfStreams(pdfWithStream(ascii85(zlibOf(small.bytes)), "[/ASCII85Decode /FlateDecode]"), "a.pdf"),
    ).toThrow(/PDF bomb/);
    expect(() => checkPdfStreams(pdfWithStream(Buffer.alloc(100_000, 0x80), "/LZWDecode"), "l.pdf")).toThrow(
      /PDF bomb/,
    );
    // Honest streams pass.
    expect(() =>
      checkPdfStreams(pdfWithStream(deflateSync("BT ET"), "/FlateDecode"), "ok.pdf"),
    ).not.toThrow();
    expect(() => checkPdfStreams(honest, "honest.pdf")).not.toThrow();
  });

  it("the thread's memory and time are bounded: running out ends it with an ImportError, not the server", async () => {
    await expect(
      (async () => {
        for await (const _ of isolatedPdfPages(honest, "tiny-heap.pdf", {
          ...DEFAULT_PDF_LIMITS,
          maxHeapMb: 2,
        })) {
          // drain
        }
      })(),
    ).rejects.toThrow(ImportError);
    await expect(
      (async () => {
        for await (const _ of isolatedPdfPages(honest, "slow.pdf", {
          ...DEFAULT_PDF_LIMITS,
          maxSeconds: 0.001,
        })) {
          // drain
        }
      })(),
    ).rejects.toThrow(/took more than 0.001 s/);
  });

  it("fuzz: damaged PDFs give pages or an ImportError — never a crash or a hang", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(honest.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 10,
        }),
        fc.option(fc.nat(honest.length), { nil: undefined }),
        async (edits, cut) => {
          const bytes = Buffer.from(honest);
          for (const [at, value] of edits) bytes[at] = value;
          try {
            await pages(cut === undefined ? bytes : bytes.subarray(0, Math.max(5, cut)));
          } catch (error) {
            expect(error).toBeInstanceOf(ImportError);
          }
        },
      ),
      { numRuns: 25 },
    );
    // 25 worker threads loading pdf.js: minutes on a loaded machine (each run is bounded by the guard's own time limit).
  }, 300_000);
});
