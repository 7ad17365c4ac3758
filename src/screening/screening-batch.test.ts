import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import {
  type BatchResultRow,
  csvCell,
  detectColumns,
  interpretRow,
  normaliseDate,
  readBatchRows,
  resultLine,
  resultsHeader,
} from "./screening-batch.js";

const scratch = mkdtempSync(path.join(tmpdir(), "sekimori-batch-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function rows(content: Buffer | string, encoding: "auto" | "utf8" | "cp932" = "auto") {
  const file = path.join(scratch, `f-${Math.random()}.csv`);
  writeFileSync(file, content);
  const out = [];
  for await (const r of readBatchRows(file, "names.csv", encoding)) out.push(r);
  return out;
}

describe("batch file columns", () => {
  it("finds columns by Japanese or English headers, in any order", () => {
    expect(detectColumns(["No.", "国・地域", "取引先名", "生年月日", "種別"])).toMatchObject({
      hasHeader: true,
      name: 2,
      country: 1,
      birthDate: 3,
      schema: 4,
      reference: 0,
    });
    expect(detectColumns(["Full Name", "Country", "DOB", "aliases"])).toMatchObject({
      name: 0,
      country: 1,
      birthDate: 2,
      aliases: 3,
    });
  });

  it("without a header the first column is the name (and a two-letter second column the country)", () => {
    expect(detectColumns(["軍需工業部", "KP"])).toMatchObject({ hasHeader: false, name: 0, country: 1 });
    expect(detectColumns(["ACME Ltd", "London"])).toMatchObject({ hasHeader: false, name: 0, country: null });
  });
});

describe("batch rows", () => {
  const columns = detectColumns(["id", "name", "country", "birth date", "type", "aliases"]);

  it("reads a row with its evidence", () => {
    expect(
      interpretRow(
        { line: 2, cells: ["A-1", " 山田　太郎 ", "日本", "1985/4/12", "個人", "YAMADA Taro；ヤマダ"] },
        columns,
      ),
    ).toEqual({
      line: 2,
      name: "山田 太郎", // the full-width space becomes one space
      aliases: ["YAMADA Taro", "ヤマダ"],
      country: "JP",
      birthDate: "1985-04-12",
      schema: "Person",
      reference: "A-1",
    });
  });

  it("skips empty rows; names each problem with its line and column", () => {
    expect(interpretRow({ line: 3, cells: ["", " ", ""] }, columns)).toBeNull();
    expect(interpretRow({ line: 4, cells: ["A-2", "", "JP"] }, columns)?.problem?.en).toBe(
      "line 4: the name (name) is empty",
    );
    expect(interpretRow({ line: 5, cells: ["A-3", "X", "Atlantis"] }, columns)?.problem?.ja).toContain(
      "Atlantis",
    );
    expect(interpretRow({ line: 6, cells: ["A-4", "X", "", "yesterday"] }, columns)?.problem?.en).toContain(
      "birth date",
    );
  });

  it("reads dates in the usual Japanese spellings", () => {
    expect(normaliseDate("1975年5月6日")).toBe("1975-05-06");
    expect(normaliseDate("1975-05")).toBe("1975-05");
    expect(normaliseDate("1975")).toBe("1975");
    expect(normaliseDate("２０２０／１／２")).toBe("2020-01-02");
    expect(normaliseDate("May 1975")).toBeNull();
  });
});

describe("reading files", () => {
  it("reads UTF-8 with BOM and Shift_JIS the same", async () => {
    const text = "名前,国\r\n軍需工業部,KP\r\n";
    const utf8 = await rows(`\uFEFF${text}`);
    const sjis = await rows(iconv.encode(text, "cp932"));
    expect(utf8).toEqual(sjis);
    expect(utf8[1]).toEqual({ cells: ["軍需工業部", "KP"], line: 2 });
  });

  it("names the file and line of a problem", async () => {
    await expect(rows('name\n"unclosed\n')).rejects.toThrow(/names\.csv, line 2/);
    await expect(rows(iconv.encode("名前\n軍需工業部\n", "cp932"), "utf8")).rejects.toThrow(/names\.csv/);
  });
});

describe("results CSV", () => {
  it("quotes cells and defuses formulas Excel would run", () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("@SUM")).toBe("'@SUM");
    expect(csvCell(0.93)).toBe("0.93");
    expect(csvCell(null)).toBe("");
  });

  it("writes the verdict, the best candidate with its explanation, and the other candidates", () => {
    const row: BatchResultRow = {
      rowNo: 1,
      line: 2,
      done: true,
      bestScore: 0.96,
      matchCount: 1,
      input: {
        line: 2,
        name: "軍需工業部",
        aliases: [],
        country: "KP",
        birthDate: null,
        schema: "Unknown",
        reference: "C-1",
      },
      hits: [
        {
          entityId: "e1",
          source: "un",
          sourceId: "KPe.028",
          name: "MUNITIONS INDUSTRY DEPARTMENT",
          schema: "Organization",
          score: 0.96,
          match: true,
          programs: ["DPRK"],
          summary: { ja: "「軍需工業部」は一致度 0.96", en: '"軍需工業部" matches with score 0.96' },
        },
        {
          entityId: "e2",
          source: "meti_eul",
          sourceId: "x",
          name: "Other",
          schema: "Organization",
          score: 0.55,
          match: false,
          programs: [],
          summary: { ja: "", en: "" },
        },
      ],
    };
    expect(resultsHeader("en")).toBe(
      "line,reference,query name,country,birth date,result,best score,matches,best candidate,list,list identifier,programmes,explanation,other candidates\r\n",
    );
    expect(resultLine(row, "en")).toBe(
      '2,C-1,軍需工業部,KP,,review (possible match),0.96,1,MUNITIONS INDUSTRY DEPARTMENT,un,KPe.028,DPRK,"""軍需工業部"" matches with score 0.96",Other [meti_eul x] 0.55\r\n',
    );
    expect(resultLine({ ...row, matchCount: 0, hits: [] }, "ja")).toContain(",該当なし,");
    const names: Record<string, string> = { un: "UN list (demo sample)", meti_eul: "METI End User List" };
    const named = resultLine(row, "en", (s) => names[s] ?? s);
    expect(named).toContain(",UN list (demo sample),KPe.028,");
    expect(named).toContain("Other [METI End User List x] 0.55");
  });
});
