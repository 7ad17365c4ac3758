import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { readListFile } from "./index.js";
import { mofNames, splitTopLevel } from "./mof-jp.js";
import { collect, scratchDir } from "./test-helpers.js";

const scratch = scratchDir();
afterAll(() => scratch.remove());

const HEADER = [
  "管理番号",
  "日本語表記",
  "英語表記",
  "別称",
  "生年月日",
  "出生地",
  "国籍",
  "旅券番号",
  "住所",
  "告示日",
  "その他の情報",
];
const PERSON = [
  "1-1",
  "テスト・タロウ",
  "TARO TEST",
  "アブ・テスト（Abu Test；Abou Test）；タロ",
  "1970年1月2日",
  "平壌",
  "北朝鮮",
  "PS123",
  "平壌市",
  "2017年6月2日",
  "架空の人物",
];

describe("MOF asset-freeze list importer", () => {
  it("splits aliases on ； at the top level and inside parentheses", () => {
    expect(splitTopLevel("アブ・テスト（Abu Test；Abou Test）；タロ")).toEqual([
      "アブ・テスト（Abu Test；Abou Test）",
      "タロ",
    ]);
    expect(mofNames("アブ・テスト（Abu Test；Abou Test）；タロ")).toEqual([
      "アブ・テスト",
      "Abu Test",
      "Abou Test",
      "タロ",
    ]);
  });

  it("reads a Shift_JIS CSV with title rows above the header", async () => {
    const csv = iconv.encode(
      [
        "資産凍結等の措置の対象となる北朝鮮の核その他の大量破壊兵器等に関連する計画等に関与する者（個人）",
        HEADER.join(","),
        PERSON.join(","),
        "",
      ].join("\r\n"),
      "cp932",
    );
    const [person] = await collect(readListFile(scratch.write("mof.csv", csv), "mof_jp"));
    expect(person).toEqual({
      source: "mof_jp",
      sourceId: "1-1",
      schema: "Person",
      names: [
        { name: "TARO TEST", kind: "primary" },
        { name: "テスト・タロウ", kind: "alias", lang: "ja" },
        { name: "アブ・テスト", kind: "alias" },
        { name: "Abu Test", kind: "alias" },
        { name: "Abou Test", kind: "alias" },
        { name: "タロ", kind: "alias" },
      ],
      countries: ["KP"],
      birthDates: ["1970-01-02"],
      identifiers: [{ scheme: "passport", value: "PS123" }],
      programs: ["MOF asset freeze"],
      listedOn: "2017-06-02",
      remarks: "架空の人物",
      addresses: ["平壌市"],
      details: { placeOfBirth: "平壌" },
    });
  });

  it("reads an Excel workbook with a persons sheet and an entities sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    const persons = workbook.addWorksheet("個人");
    persons.addRow(["（個人）"]);
    persons.addRow(HEADER);
    persons.addRow(PERSON);
    const entities = workbook.addWorksheet("団体");
    entities.addRow(["資産凍結等対象者（団体）"]);
    entities.addRow(["管理番号", "日本語表記", "英語表記", "別称", "住所"]);
    entities.addRow([
      "2-1",
      "朝鮮例示貿易会社",
      "KOREA EXAMPLE TRADING CORPORATION",
      "例示貿易（Example Trading）",
      "平壌",
    ]);
    const file = scratch.write("mof.xlsx", "");
    await workbook.xlsx.writeFile(file);
    const [person, entity] = await collect(readListFile(file, "mof_jp"));
    expect(person).toMatchObject({ sourceId: "1-1", schema: "Person", countries: ["KP"] });
    expect(entity).toMatchObject({
      sourceId: "2-1",
      schema: "Organization",
      names: [
        { name: "KOREA EXAMPLE TRADING CORPORATION", kind: "primary" },
        { name: "朝鮮例示貿易会社", kind: "alias", lang: "ja" },
        { name: "例示貿易", kind: "alias" },
        { name: "Example Trading", kind: "alias" },
      ],
    });
  });

  it("refuses a file without the header, an empty name, and a broken workbook", async () => {
    await expect(collect(readListFile(scratch.write("x.csv", "a,b\n1,2\n"), "mof_jp"))).rejects.toThrow(
      /x\.csv: no header row/,
    );
    const empty = scratch.write("empty.csv", `${HEADER.join(",")}\n1-2,,,,,,,,,,\n`);
    await expect(collect(readListFile(empty, "mof_jp"))).rejects.toThrow(
      /empty\.csv, line 2, field 日本語表記 \/ 英語表記/,
    );
    await expect(collect(readListFile(scratch.write("bad.xlsx", "not a zip"), "mof_jp"))).rejects.toThrow(
      /bad\.xlsx: not readable as an Excel \(XLSX\) file/,
    );
  });
});
