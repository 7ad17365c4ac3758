import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readListFile } from "./index.js";
import { japaneseNames, splitMixedLine } from "./meti-ru.js";
import { collect, FIXTURES, scratchDir } from "./test-helpers.js";

const scratch = scratchDir();
afterAll(() => scratch.remove());

describe("METI Russia/Belarus/third-country export-ban list importer", () => {
  it("reads numbered entries with Japanese and English names, aliases and addresses", async () => {
    const entities = await collect(readListFile(path.join(FIXTURES, "meti-ru.txt"), "meti_ru"));
    expect(entities.map((e) => e.sourceId)).toEqual([
      "Test Shipyard JSC",
      "Federal Example Service (FES)",
      "Example Design Bureau Limited",
    ]);
    const [yard, fes, edb] = entities;
    expect(yard).toMatchObject({
      source: "meti_ru",
      countries: ["RU"],
      programs: ["METI export ban: Russia"],
      addresses: ["1 Example Emb., 190121, St. Petersburg, Russia."],
    });
    expect(yard!.names).toEqual([
      { name: "Test Shipyard JSC", kind: "primary" },
      { name: "株式会社テスト造船所", kind: "alias", lang: "ja" },
    ]);
    expect(fes!.names.map((n) => n.name)).toEqual([
      "Federal Example Service (FES)",
      "連邦例示庁",
      "例示庁",
      "FES",
      "Federalnaya Sluzhba Primera",
      "FSP",
    ]);
    expect(fes!.addresses).toEqual([
      "Example Street 22, Moscow 107031, Russia; and 2 Sample Square, Moscow 107031, Russia.",
    ]);
    // Entry 3 started on the same line as entry 2's address, and its Japanese and English names share a line.
    expect(edb!.names.map((n) => n.name)).toEqual([
      "Example Design Bureau Limited",
      "試験設計局",
      "深圳例示有限公司",
      "EDB Ltd",
    ]);
    expect(edb!.countries).toEqual(["CN", "RU"]);
  });

  it("splits Japanese names and mixed lines", () => {
    expect(
      japaneseNames("株式会社インテグラル（別称、OAOインテグラル、株式会社インテグラル＝ホールディング）"),
    ).toEqual(["株式会社インテグラル", "OAOインテグラル", "株式会社インテグラル＝ホールディング"]);
    expect(
      splitMixedLine("有限会社例示（例示有限公司）Example Electronics Ltd, a.k.a., the following one alias:"),
    ).toEqual({
      ja: "有限会社例示（例示有限公司）",
      en: "Example Electronics Ltd, a.k.a., the following one alias:",
    });
    expect(splitMixedLine("有限会社ATE エンジニアリング")).toBeUndefined();
    // Latin words inside a Japanese name or its open parenthesis are not the English name.
    expect(
      splitMixedLine("国立科学センター株式会社 GNTs RF – FEI A.I. レイプンスキー・エネルギー・"),
    ).toBeUndefined();
    expect(
      splitMixedLine("戦略管制所コーポレーション（別称、重機製造中央設計局 SPU TsKB TM、株式会社コーポレ"),
    ).toBeUndefined();
    // The English name first, then its Chinese name in parentheses.
    expect(splitMixedLine("Time Art International LTD（時亞國際有限公司）")).toEqual({
      ja: "（時亞國際有限公司）",
      en: "Time Art International LTD",
    });
  });

  it("refuses a file that is not such a list, naming the line", async () => {
    const file = scratch.write("other.txt", "Hello\n指定日：2022年\nThis is not a list\n");
    await expect(collect(readListFile(file, "meti_ru"))).rejects.toThrow(
      /other\.txt: no numbered entries found/,
    );
    const numbered = scratch.write(
      "numbered.txt",
      "○ タイトル\n指定日：2022年\n１ 株式会社テスト\nTest JSC\n",
    );
    expect((await collect(readListFile(numbered, "meti_ru"))).map((e) => e.sourceId)).toEqual(["Test JSC"]);
  });
});
