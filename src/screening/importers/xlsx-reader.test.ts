import { readdirSync } from "node:fs";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  buildZip,
  sheetXml,
  simpleXlsx,
  spaceBombXlsx,
  workbookParts,
  type ZipFileSpec,
} from "../../testing/zip-builder.js";
import { ImportError } from "./import-error.js";
import { scratchDir } from "./test-helpers.js";
import { columnIndex, excelSerialDate, isDateFormat, readXlsxRows, type XlsxLimits } from "./xlsx-reader.js";

const scratch = scratchDir();
afterAll(() => scratch.remove());
let counter = 0;

async function read(
  content: Buffer,
  options: { sheets?: "first" | "all"; limits?: Partial<XlsxLimits> } = {},
): Promise<{ cells: string[]; line: number; sheet: number }[]> {
  const file = scratch.write(`book-${++counter}.xlsx`, content);
  const out = [];
  for await (const r of readXlsxRows(file, { displayName: "book.xlsx", ...options })) {
    out.push({ cells: r.cells, line: r.line, sheet: r.sheet });
  }
  return out;
}

async function failure(content: Buffer, limits?: Partial<XlsxLimits>): Promise<ImportError> {
  try {
    await read(content, { sheets: "all", limits });
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected an ImportError");
}

const openFds = () => readdirSync("/proc/self/fd").length;

describe("cell helpers", () => {
  it("turns cell references into columns", () => {
    expect(columnIndex("A1")).toBe(0);
    expect(columnIndex("Z9")).toBe(25);
    expect(columnIndex("AA10")).toBe(26);
    expect(columnIndex("XFD1048576")).toBe(16_383);
    expect(columnIndex("1A")).toBeUndefined();
  });

  it("reads Excel date serials in both date systems", () => {
    expect(excelSerialDate(1, false)).toBe("1900-01-01");
    expect(excelSerialDate(59, false)).toBe("1900-02-28");
    expect(excelSerialDate(61, false)).toBe("1900-03-01");
    expect(excelSerialDate(31_149, false)).toBe("1985-04-12");
    expect(excelSerialDate(31_149.75, false)).toBe("1985-04-12");
    expect(excelSerialDate(29_687, true)).toBe("1985-04-12");
    expect(excelSerialDate(-1, false)).toBeUndefined();
    expect(excelSerialDate(3_000_000, false)).toBeUndefined();
  });

  it("tells date formats from number formats", () => {
    expect(isDateFormat("yyyy/m/d")).toBe(true);
    expect(isDateFormat('[$-411]ggge"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat("General")).toBe(false);
    expect(isDateFormat("0.00E+00")).toBe(false);
    expect(isDateFormat('"day"0')).toBe(false);
    expect(isDateFormat("h:mm")).toBe(false);
  });
});

describe("reading workbooks", () => {
  it("reads a workbook exceljs writes: shared strings, numbers, dates, rich text, formula results", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("取引先");
    ws.addRow(["名前", "国", "生年月日", "番号"]);
    ws.addRow(["山田　太郎", "JP", new Date(Date.UTC(1985, 3, 12)), 42]);
    ws.addRow([
      { richText: [{ text: "軍需" }, { text: "工業部" }] },
      "KP",
      null,
      { formula: "1+1", result: 2 },
    ]);
    ws.getCell("F3").value = "far";
    wb.addWorksheet("second").addRow(["other"]);
    const rows = await read(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows).toEqual([
      { cells: ["名前", "国", "生年月日", "番号"], line: 1, sheet: 1 },
      { cells: ["山田　太郎", "JP", "1985-04-12", "42"], line: 2, sheet: 1 },
      { cells: ["軍需工業部", "KP", "", "2", "", "far"], line: 3, sheet: 1 },
    ]);
    const all = await read(Buffer.from(await wb.xlsx.writeBuffer()), { sheets: "all" });
    expect(all.at(-1)).toEqual({ cells: ["other"], line: 1, sheet: 2 });
  });

  it("reads what Excel writes: phonetic guides left out, styled dates, prefixed names, sparse cells", async () => {
    const shared = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">
<si><t>氏名</t></si>
<si><t>山田太郎</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><rPh sb="2" eb="4"><t>タロウ</t></rPh><phoneticPr fontId="1"/></si>
<si><r><rPr><b/></rPr><t xml:space="preserve">Acme </t></r><r><t>&amp; Co</t></r></si>
</sst>`;
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="176" formatCode="[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="2"/></cellXfs></styleSheet>`;
    const sheet = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="str"><x:f>"生年"</x:f><x:v>生年月日</x:v></x:c></x:row>
<x:row r="3"><x:c r="A3" t="s"><x:v>1</x:v></x:c><x:c r="B3" s="1"><x:v>31149</x:v></x:c><x:c r="D3" s="2"><x:v>31150</x:v></x:c><x:c r="E3" s="3"><x:v>1.5</x:v></x:c></x:row>
<x:row><x:c t="s"><x:v>2</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row>
</x:sheetData></x:worksheet>`;
    const rows = await read(
      buildZip(workbookParts({ sheets: [{ name: "名簿", xml: sheet }], sharedStrings: shared, styles })),
    );
    expect(rows).toEqual([
      { cells: ["氏名", "生年月日"], line: 1, sheet: 1 },
      { cells: ["山田太郎", "1985-04-12", "", "1985-04-13", "1.5"], line: 3, sheet: 1 },
      { cells: ["Acme & Co", "TRUE"], line: 4, sheet: 1 },
    ]);
  });

  it("reads dates of the 1904 date system", async () => {
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" s="1"><v>29687</v></c></row></sheetData></worksheet>`;
    expect(
      await read(buildZip(workbookParts({ sheets: [{ name: "s", xml: sheet }], styles, date1904: true }))),
    ).toEqual([{ cells: ["1985-04-12"], line: 1, sheet: 1 }]);
  });
});

describe("hostile and broken workbooks are refused with a clear error, quickly and in bounded memory", () => {
  it("the 1 GB zip bomb of issue 11 is refused before it is inflated", async () => {
    const bomb = spaceBombXlsx();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const error = await failure(bomb);
    expect(error.localized("en")).toMatch(/book\.xlsx.*unpacks to more than 1024 MB.*zip bomb/);
    expect(error.localized("ja")).toMatch(/圧縮爆弾/);
  });

  it("a bomb that lies about its size is stopped at the limit, holding little memory", async () => {
    const fds = openFds();
    const heapBefore = process.memoryUsage().heapUsed;
    const error = await failure(spaceBombXlsx(1024 * 1024 * 1024, true));
    // The declared 4 KB is exceeded at the first chunk: damaged, never read on.
    expect(error.localized("en")).toMatch(/sheet1\.xml.*damaged or cut short/);
    const limited = await failure(spaceBombXlsx(64 * 1024 * 1024), { maxEntryBytes: 8 * 1024 * 1024 });
    expect(limited.localized("en")).toMatch(/unpacks to more than/);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    expect(openFds()).toBe(fds);
  });

  it("a run of text without markup cannot grow the parser's buffers", async () => {
    const error = await failure(spaceBombXlsx(8 * 1024 * 1024), { maxTextRun: 100_000 });
    expect(error.localized("en")).toMatch(/more than 100,000 characters without markup/);
  });

  it("a truncated workbook fails at once, naming the file (every cut point)", async () => {
    const whole = simpleXlsx([
      ["name", "country"],
      ["ACME", "JP"],
      ["軍需工業部", "KP"],
    ]);
    expect(await read(whole)).toHaveLength(3);
    const fds = openFds();
    for (let cut = 0; cut < whole.length; cut += 7) {
      const error = await failure(whole.subarray(0, cut));
      expect(error.file).toBe("book.xlsx");
      expect(error.localized("ja")).toMatch(/book\.xlsx/);
    }
    expect((await failure(whole.subarray(0, whole.length >> 1))).localized("en")).toMatch(
      /not a complete ZIP \(XLSX\) file/,
    );
    expect(openFds()).toBe(fds);
  });

  it("refuses damaged, encrypted and odd archives", async () => {
    const parts = () => workbookParts({ sheets: [{ name: "s", xml: sheetXml([["name"], ["ACME"]]) }] });
    const edit = (f: (p: ZipFileSpec[]) => void) => {
      const p = parts();
      f(p);
      return buildZip(p);
    };
    const sheet = (p: ZipFileSpec[]) => p.find((x) => x.name.endsWith("sheet1.xml"))!;
    const cases: [Buffer, RegExp][] = [
      [edit((p) => (sheet(p).flags = 1)), /password-protected/],
      [edit((p) => (sheet(p).method = 12)), /unsupported compression method \(12\)/],
      [edit((p) => (sheet(p).declaredCrc = 1234)), /damaged or cut short/],
      [edit((p) => (sheet(p).declaredSize = 10_000)), /damaged or cut short/],
      [edit((p) => p.push({ name: "XL/workbook.xml", data: "<x/>" })), /two files named XL\/workbook\.xml/],
      [edit((p) => p.splice(2, 1)), /not an Excel workbook/],
      [edit((p) => (sheet(p).data = "<!DOCTYPE x [<!ENTITY a 'b'>]><worksheet/>")), /DOCTYPE/],
      [edit((p) => (sheet(p).data = "<worksheet><sheetData><row>")), /not well-formed XML/],
      [
        edit((p) => (sheet(p).data = Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e]))),
        /not valid UTF-8/,
      ],
      [
        edit(
          (p) =>
            (sheet(p).data =
              '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData></worksheet>'),
        ),
        /row 1|line 1.*shared string number "7" does not exist/,
      ],
      [
        edit(
          (p) =>
            (sheet(p).data =
              '<worksheet><sheetData><row r="1"><c r="ZZZZ1"><v>1</v></c></row></sheetData></worksheet>'),
        ),
        /invalid cell reference "ZZZZ1"/,
      ],
      [
        edit((p) => (sheet(p).data = '<worksheet><sheetData><row r="2000000"/></sheetData></worksheet>')),
        /invalid row number "2000000"/,
      ],
      [buildZip([{ name: "hello.txt", data: "hi" }]), /not an Excel workbook/],
      [Buffer.from("PK\u0003\u0004 not really"), /not a complete ZIP/],
    ];
    for (const [content, pattern] of cases) {
      expect((await failure(content)).localized("en")).toMatch(pattern);
    }
  });

  it("bounds entries, cells and shared strings", async () => {
    const many = workbookParts({ sheets: [{ name: "s", xml: sheetXml([["a"]]) }] });
    for (let i = 0; i < 50; i++) many.push({ name: `junk/${i}.bin`, data: "x" });
    expect((await failure(buildZip(many), { maxEntries: 20 })).localized("en")).toMatch(
      /too many files \(55, at most 20\)/,
    );
    const wide = simpleXlsx(Array.from({ length: 100 }, () => ["a", "b", "c", "d"]));
    expect((await failure(wide, { maxCells: 50 })).localized("en")).toMatch(/too many cells \(at most 50\)/);
    const strings = `<sst>${"<si><t>abc</t></si>".repeat(100)}</sst>`;
    const withStrings = buildZip(
      workbookParts({ sheets: [{ name: "s", xml: sheetXml([["a"]]) }], sharedStrings: strings }),
    );
    expect((await failure(withStrings, { maxSharedStrings: 10 })).localized("en")).toMatch(
      /too many shared strings/,
    );
    expect((await failure(withStrings, { maxSharedStringChars: 100 })).localized("en")).toMatch(
      /more than 100 characters/,
    );
  });

  it("fuzz: any byte damage gives rows or an ImportError — never a crash, hang or leaked file", async () => {
    const whole = simpleXlsx([
      ["名前", "国", "生年月日"],
      ["山田太郎", "JP", "1985-04-12"],
      ["ACME Trading", "CN", ""],
    ]);
    const fds = openFds();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(whole.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.option(fc.nat(whole.length), { nil: undefined }),
        async (edits, cut) => {
          const bytes = Buffer.from(whole);
          for (const [at, value] of edits) bytes[at] = value;
          const content = cut === undefined ? bytes : bytes.subarray(0, cut);
          try {
            const rows = await read(content, { sheets: "all" });
            expect(Array.isArray(rows)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(ImportError);
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(openFds()).toBe(fds);
  });
});
