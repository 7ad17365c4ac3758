import { EntityBuilder } from "./entity-builder.js";
import { ImportError } from "./import-error.js";
import { readCsvWithHeader } from "./input.js";
import { EntryMerger, namesFromPrinted, splitAliases } from "./names.js";
import type { Importer } from "./types.js";

function noEntries(file: string): ImportError {
  return new ImportError({ file }, { ja: "エントリが1件もありません", en: "the file has no entries" });
}

/**
 * US DoD Section 1286 list (foreign institutions and talent programmes of concern), CSV with the
 * columns schema,name,aliases,topics,program,…,report-date,country,notes. An institution listed in
 * several yearly reports becomes one entry carrying every report year.
 */
export const dod1286Importer: Importer = {
  format: "dod_1286",
  label: { ja: "米国防総省 1286条リスト（CSV）", en: "US DoD Section 1286 list (CSV)" },
  describe: () => ({
    ja: "列 schema,name,aliases（; 区切り）,program,report-date,country,notes の CSV。年度ごとの重複は1件にまとめます（識別子 = 名前）",
    en: "CSV with schema, name, aliases (separated by ;), program, report-date, country, notes; yearly repeats become one entry (identifier = name)",
  }),
  defaultSource: () => "dod_1286",
  resolveFiles: async (files) => [...files],
  async *parse(request) {
    const source = request.source ?? "dod_1286";
    for (const file of request.files) {
      const merger = new EntryMerger<{ b: EntityBuilder; line: number }>(file);
      for await (const { row, line } of readCsvWithHeader(file, ["name"], request)) {
        const name = row.name!.trim();
        if (!name) {
          throw new ImportError(
            { file, line, field: "name" },
            { ja: "名前が空です", en: "the name is empty" },
          );
        }
        const schema = /person/i.test(row.schema ?? "") ? "Person" : "Organization";
        const { b } = merger.entry(name, line, () => ({ b: new EntityBuilder(source, name, schema), line }));
        b.name(name, "primary");
        for (const alias of splitAliases(row.aliases)) b.name(alias, "alias");
        b.country(row.country);
        const year = (row["report-date"] ?? "").trim();
        b.program(year ? `DoD Section 1286 (${year})` : "DoD Section 1286");
        b.detail("reportYear", year);
        b.detail("program", row.program);
        b.detail("notes", row.notes);
        b.detail("sourceUrl", row.source_url);
      }
      if (merger.size === 0) throw noEntries(file);
      for (const { b, line } of merger.values()) yield b.build({ file, line });
    }
  },
};

/**
 * US DoD Section 1260H list of Chinese military companies (CSV: Name, Clean Name, Alias, Previous
 * Name, Parent Name, Note, Start date, End date). Repeated names become one entry; an entry whose
 * every row has an end date is marked removed rather than dropped, so a reviewer still sees it.
 */
export const dod1260hImporter: Importer = {
  format: "dod_1260h",
  label: {
    ja: "米国防総省 1260H条 中国軍事企業リスト（CSV）",
    en: "US DoD Section 1260H Chinese military companies (CSV)",
  },
  describe: () => ({
    ja: "列 Name, Clean Name, Alias, Previous Name, Parent Name, Note, Start date, End date の CSV（識別子 = Clean Name）",
    en: "CSV with Name, Clean Name, Alias, Previous Name, Parent Name, Note, Start date, End date (identifier = Clean Name)",
  }),
  defaultSource: () => "dod_1260h",
  resolveFiles: async (files) => [...files],
  async *parse(request) {
    const source = request.source ?? "dod_1260h";
    for (const file of request.files) {
      const merger = new EntryMerger<{ b: EntityBuilder; line: number; current: boolean }>(file);
      for await (const { row, line } of readCsvWithHeader(file, ["Name"], request)) {
        const printed = (row.Name ?? "")
          .replace(/[*\s]+$/, "")
          .replace(/\)\s*\.$/, ")")
          .trim();
        const clean = (row["Clean Name"] ?? "").trim() || printed;
        if (!clean) {
          throw new ImportError(
            { file, line, field: "Name" },
            { ja: "名前が空です", en: "the name is empty" },
          );
        }
        const entry = merger.entry(clean, line, () => ({
          b: new EntityBuilder(source, clean, "Organization"),
          line,
          current: false,
        }));
        const { b } = entry;
        b.name(clean, "primary");
        for (const n of namesFromPrinted(printed)) b.name(n.name, "alias");
        for (const alias of splitAliases(row.Alias, /[;；]|,(?=\S)/)) b.name(alias, "alias");
        for (const former of splitAliases(row["Previous Name"])) b.name(former, "former");
        b.detail("parent", row["Parent Name"]);
        b.detail("note", row.Note);
        const start = (row["Start date"] ?? "").trim();
        const end = (row["End date"] ?? "").trim();
        b.detail("listed", end ? `${start || "?"} – ${end}` : start);
        if (!end) entry.current = true;
        b.country("CN");
        b.detail("sourceUrl", row["Source Url"]);
      }
      if (merger.size === 0) throw noEntries(file);
      for (const { b, line, current } of merger.values()) {
        b.program(current ? "DoD Section 1260H" : "DoD Section 1260H (removed)");
        yield b.build({ file, line });
      }
    }
  },
};
