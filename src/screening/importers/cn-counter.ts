import { EntityBuilder } from "./entity-builder.js";
import { ImportError } from "./import-error.js";
import { readCsvWithHeader } from "./input.js";
import { EntryMerger, splitAliases } from "./names.js";
import type { Importer } from "./types.js";

/** "02.12.2019" or "27.03.21" (day.month.year) → "2019-12-02". */
export function dayMonthYear(raw: string): string | undefined {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(raw.trim());
  if (!m) return undefined;
  const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
  return `${year}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
}

/**
 * The People's Republic of China's counter-sanctions (Ministry of Foreign Affairs / MOFCOM), CSV with
 * English `Name` and `Chinese name` columns; the Chinese name is kept as an alias in its script.
 * A person or company sanctioned more than once becomes one entry with every date.
 */
export const cnCounterImporter: Importer = {
  format: "cn_counter",
  label: { ja: "中国 対抗制裁リスト（CSV）", en: "PRC counter-sanctions (CSV)" },
  describe: () => ({
    ja: "列 Type, Name, Alias（; 区切り）, Chinese name, Country, Body, List, Date の CSV（識別子 = 英語名）",
    en: "CSV with Type, Name, Alias (separated by ;), Chinese name, Country, Body, List, Date (identifier = English name)",
  }),
  defaultSource: () => "cn_counter",
  resolveFiles: async (files) => [...files],
  async *parse(request) {
    const source = request.source ?? "cn_counter";
    for (const file of request.files) {
      const merger = new EntryMerger<{ b: EntityBuilder; line: number }>(file);
      for await (const { row, line } of readCsvWithHeader(file, ["Name", "Chinese name"], request)) {
        const name = (row.Name ?? "").trim() || (row["Chinese name"] ?? "").trim();
        if (!name) {
          throw new ImportError(
            { file, line, field: "Name" },
            { ja: "名前が空です", en: "the name is empty" },
          );
        }
        const schema = /person/i.test(row.Type ?? "") ? "Person" : "Organization";
        const key = `${schema}:${name}`;
        const { b } = merger.entry(key, line, () => ({ b: new EntityBuilder(source, name, schema), line }));
        b.name(name, "primary");
        for (const alias of splitAliases(row.Alias)) b.name(alias, "alias");
        b.name(row["Chinese name"], "alias", "zh");
        b.country(row.Country);
        b.program(["PRC counter-sanctions", row.Body?.trim(), row.List?.trim()].filter(Boolean).join(" / "));
        const date = dayMonthYear(row.Date ?? "");
        b.detail("sanctionedOn", date ?? row.Date);
        if (date) b.listedOn(date);
        b.detail("endDate", dayMonthYear(row["End date"] ?? "") ?? row["End date"]);
        b.detail("wikidata", row.QID);
        b.detail("summary", row.Summary);
        b.detail("summaryZh", row["Chinese summary"]);
        b.detail("sourceUrl", row["Source URL"]);
        b.address(row.Address);
      }
      if (merger.size === 0)
        throw new ImportError({ file }, { ja: "エントリが1件もありません", en: "the file has no entries" });
      for (const { b, line } of merger.values()) yield b.build({ file, line });
    }
  },
};
