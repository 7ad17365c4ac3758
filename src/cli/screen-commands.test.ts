import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoListsDir } from "../app/demo.js";
import { runCli } from "../testing/cli-run.js";
import { cliLanguage } from "./screen-commands.js";

let dir: string;
const saved = { ...process.env };

const run = runCli;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "sekimori-cli-screen-"));
  process.env.SEKIMORI_DATA_DIR = dir;
  process.env.SEKIMORI_CONFIG = path.join(dir, "none.json");
  process.env.LANG = "ja_JP.UTF-8";
  delete process.env.LC_ALL;
  delete process.env.LC_MESSAGES;
  delete process.env.DATABASE_URL;
});
afterAll(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe("cliLanguage", () => {
  it("takes --lang first, then the locale, and defaults to Japanese", () => {
    expect(cliLanguage("en", { LANG: "ja_JP.UTF-8" })).toBe("en");
    expect(cliLanguage(undefined, { LANG: "en_US.UTF-8" })).toBe("en");
    expect(cliLanguage(undefined, { LANG: "en_US.UTF-8", LC_ALL: "ja_JP.UTF-8" })).toBe("ja");
    expect(cliLanguage(undefined, { LANG: "C.UTF-8" })).toBe("ja");
    expect(cliLanguage(undefined, {})).toBe("ja");
    expect(() => cliLanguage("fr", {})).toThrow(/--lang must be ja or en/);
  });
});

describe("sekimori screen", () => {
  it("screens a name in any script and a file of names against the imported lists", async () => {
    const noName = await run("screen");
    expect(noName.code).toBe(1);
    expect(noName.err).toContain("give a name, or --file FILE");

    // Before any list is imported the command refuses instead of calling every name clean.
    const empty = await run("screen", "軍需工業部");
    expect(empty.code).toBe(1);
    expect(empty.out).toBe("");
    expect(empty.err).toContain(
      "no list is loaded yet — import one with `sekimori lists import FILE --format F`",
    );

    const imported = await run(
      "lists",
      "import",
      path.join(demoListsDir(), "un-consolidated-DEMO-SAMPLE.xml"),
      "--format",
      "un_xml",
    );
    expect(imported.code).toBe(0);

    const ja = await run("screen", "軍需工業部");
    expect(ja.code).toBe(0);
    expect(ja.out).toContain("「軍需工業部」: 候補");
    expect(ja.out).toMatch(/ 1\. 0\.\d\d 要確認 {2}MUNITIONS INDUSTRY DEPARTMENT {2}\[un KPe\.028\]/);
    expect(ja.out).toContain("名前の類似度 +");

    const en = await run("screen", "軍需工業部", "--lang", "en", "--country", "kp");
    expect(en.out).toMatch(/ 1\. 0\.\d\d MATCH {2}MUNITIONS INDUSTRY DEPARTMENT/);
    expect(en.out).toContain("Name similarity +");
    expect(en.out).not.toContain("名前の類似度");

    process.env.LANG = "en_GB.UTF-8";
    const fromLocale = await run("screen", "Munitions Industry Dept", "--json");
    process.env.LANG = "ja_JP.UTF-8";
    expect(fromLocale.err).toContain("entries from un");
    const json = JSON.parse(fromLocale.out) as {
      items: { sourceId: string; score: number; match: boolean }[];
    };
    expect(json.items[0]).toMatchObject({ sourceId: "KPe.028", match: true });
    expect(json.items[0]!.score).toBeGreaterThan(0.9);

    const badCountry = await run("screen", "x", "--country", "Korea");
    expect(badCountry.code).toBe(1);
    expect(badCountry.err).toContain("--country must be an ISO 3166 two-letter code");

    // A Shift_JIS file as Excel writes it, with a header naming the columns.
    const names = path.join(dir, "names.csv");
    writeFileSync(
      names,
      iconv.encode(
        "名称,国\r\n軍需工業部,KP\r\n株式会社さくら精密,JP\r\n,\r\nMUNITIONS INDUSTRY DEPT.,\r\n",
        "cp932",
      ),
    );
    const noOut = await run("screen", "--file", names);
    expect(noOut.code).toBe(1);
    expect(noOut.err).toContain("--file needs --out FILE");

    const results = path.join(dir, "results.csv");
    const batch = await run("screen", "--file", names, "--out", results);
    expect(batch.code).toBe(0);
    expect(batch.err).toMatch(/件を照合: 一致の可能性あり 2 件/);
    const lines = readFileSync(results, "utf8").split("\r\n").filter(Boolean);
    expect(lines[0]!.startsWith("\uFEFF")).toBe(true);
    expect(lines[0]).toContain("照会名");
    const byName = (name: string) => lines.find((l) => l.split(",")[2] === name) ?? "";
    expect(byName("軍需工業部")).toContain("KPe.028");
    expect(byName("MUNITIONS INDUSTRY DEPT.")).toContain("KPe.028");
    expect(byName("株式会社さくら精密")).not.toContain("KPe.");

    const english = await run("screen", "--file", names, "--out", "-", "--lang", "en");
    expect(english.out).toContain("query name");
    expect(english.out).toContain("MUNITIONS INDUSTRY DEPARTMENT");

    const missing = await run("screen", "--file", path.join(dir, "nope.csv"), "--out", results);
    expect(missing.code).toBe(1);
  }, 240_000); // a dozen CLI processes, each opening the database and building the index

  it("keeps the UN hit for 朝鮮鉱業開発貿易会社 when the METI End User List is imported too (issue 10 §1)", async () => {
    const fixtures = path.join(import.meta.dirname, "../screening/fixtures");
    for (const [file, format, source] of [
      ["un-komid.xml", "un_xml", "un"],
      ["meti-eul-komid.csv", "meti_eul_csv", "meti_eul"],
    ] as const) {
      const r = await run(
        "lists",
        "import",
        path.join(fixtures, file),
        "--format",
        format,
        "--source",
        source,
      );
      expect(r.code, r.err).toBe(0);
    }
    for (const name of ["朝鮮鉱業開発貿易会社", "조선광업개발무역회사"]) {
      // -n 1: the limit bounds the weaker candidates, never a match
      const out = await run("screen", name, "-n", "1", "--json");
      expect(out.code, out.err).toBe(0);
      const items = (JSON.parse(out.out) as { items: { source: string; sourceId: string; match: boolean }[] })
        .items;
      expect(items.some((h) => h.source === "un" && h.sourceId === "KPe.001" && h.match)).toBe(true);
      expect(items.some((h) => h.source === "meti_eul" && h.match)).toBe(true);
    }
    const names = path.join(dir, "komid.csv");
    writeFileSync(names, "name\n朝鮮鉱業開発貿易会社\n조선광업개발무역회사\n");
    const batch = await run("screen", "--file", names, "--out", "-", "--lang", "en");
    expect(batch.code, batch.err).toBe(0);
    const rows = batch.out.split("\r\n").filter((l) => l.includes("KPe.001"));
    expect(rows.length).toBeGreaterThanOrEqual(2);
  }, 240_000);
});
