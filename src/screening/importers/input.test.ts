import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { countryCode } from "./countries.js";
import { parseDates } from "./entity-builder.js";
import { ImportError } from "./import-error.js";
import { detectEncoding, readCsv, readText } from "./input.js";
import { namesFromPrinted, splitParentheses } from "./names.js";
import { scratchDir } from "./test-helpers.js";

const scratch = scratchDir();
afterAll(() => scratch.remove());

async function text(file: string, encoding?: "auto" | "utf8" | "cp932"): Promise<string> {
  let out = "";
  for await (const chunk of readText(file, { encoding })) out += chunk;
  return out;
}

describe("reading list files", () => {
  it("detects UTF-8 (with or without BOM) and Shift_JIS", async () => {
    expect(detectEncoding(Buffer.from("名前", "utf8"))).toBe("utf8");
    expect(detectEncoding(iconv.encode("名前", "cp932"))).toBe("cp932");
    expect(
      await text(
        scratch.write("bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("ａ,b")])),
      ),
    ).toBe("ａ,b");
    expect(await text(scratch.write("sjis.csv", iconv.encode("株式会社テスト,①", "cp932")))).toBe(
      "株式会社テスト,①",
    );
  });

  it("names the line of bytes in the wrong encoding", async () => {
    const file = scratch.write(
      "mixed.csv",
      Buffer.concat([Buffer.from("a\nb\n"), iconv.encode("テスト", "cp932")]),
    );
    const error = await text(file, "utf8").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(
      /^mixed\.csv, line 3: bytes that are not valid UTF-8.*cp932/,
    );
    const asSjis = scratch.write("utf8-as-sjis.csv", Buffer.from("a\n\u{1F600}\n"));
    await expect(text(asSjis, "cp932")).rejects.toThrow(/line 2: bytes that are not valid Shift_JIS/);
  });

  it("refuses binary data", async () => {
    const file = scratch.write("zip.csv", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x0a]));
    await expect(text(file)).rejects.toThrow(/binary data/);
  });

  it("reports a missing file", async () => {
    await expect(text("/nonexistent/list.csv")).rejects.toThrow("list.csv: file not found");
  });

  it("gives CSV records with their starting line, across quoted line breaks", async () => {
    const file = scratch.write("multi.csv", 'a,"line one\nline two"\r\nb,c\n');
    const rows = [];
    for await (const row of readCsv(file)) rows.push(row);
    expect(rows).toEqual([
      { fields: ["a", "line one\nline two"], line: 2 },
      { fields: ["b", "c"], line: 3 },
    ]);
  });

  it("reads dates, countries and printed names", () => {
    expect(parseDates("10 Dec 1948")).toEqual(["1948-12-10"]);
    expect(parseDates("circa 1960")).toEqual(["1960"]);
    expect(parseDates("1960 to 1962")).toEqual(["1960", "1961", "1962"]);
    expect(parseDates("06/19/2003")).toEqual(["2003-06-19"]);
    expect(parseDates("1975年5月")).toEqual(["1975-05"]);
    expect(parseDates("unknown")).toEqual([]);
    expect(countryCode("Korea, North")).toBe("KP");
    expect(countryCode("北朝鮮 North Korea")).toBe("KP");
    expect(countryCode("Iran (Islamic Republic of)")).toBe("IR");
    expect(countryCode("Virgin Islands, British")).toBe("VG");
    expect(countryCode("日本")).toBe("JP");
    expect(countryCode("Atlantis")).toBeUndefined();
    expect(splitParentheses("Korea Rungrado (General) Trading Co. (朝鮮綾羅島貿易(総)会社)")).toEqual({
      base: "Korea Rungrado Trading Co.",
      groups: ["General", "朝鮮綾羅島貿易(総)会社"],
    });
    expect(namesFromPrinted("Air Koryo (高麗航空)")).toEqual([
      { name: "Air Koryo", kind: "primary" },
      { name: "高麗航空", kind: "alias" },
    ]);
  });
});
