import type { ListEntity } from "../screening-contract.js";
import { EntityBuilder } from "./entity-builder.js";
import { ImportError } from "./import-error.js";
import { readCsvWithHeader } from "./input.js";
import { splitAliases } from "./names.js";
import type { Importer } from "./types.js";

/** The columns of the own-watchlist template (docs/watchlist-template.md). Only `name` is required. */
export const CUSTOM_COLUMNS = [
  "id",
  "name",
  "schema",
  "aliases",
  "countries",
  "birth_dates",
  "identifiers",
  "programs",
  "listed_on",
  "addresses",
  "remarks",
] as const;

const SCHEMAS: Record<string, ListEntity["schema"]> = {
  person: "Person",
  individual: "Person",
  個人: "Person",
  organization: "Organization",
  organisation: "Organization",
  company: "Organization",
  entity: "Organization",
  団体: "Organization",
  法人: "Organization",
  組織: "Organization",
  vessel: "Vessel",
  船舶: "Vessel",
  aircraft: "Aircraft",
  航空機: "Aircraft",
  "": "Unknown",
  unknown: "Unknown",
};

/**
 * An organisation's own watchlist in Sekimori's CSV template (UTF-8 or Shift_JIS as Excel saves it):
 * header `id,name,schema,aliases,countries,birth_dates,identifiers,programs,listed_on,addresses,remarks`,
 * multiple values separated by `;` (or full-width `；`), identifiers as `scheme:value`.
 */
export const customCsvImporter: Importer = {
  format: "custom_csv",
  label: { ja: "自組織のウォッチリスト（CSV テンプレート）", en: "Own watchlist (CSV template)" },
  describe: () => ({
    ja: "docs/watchlist-template.md の CSV テンプレート（必須列は name のみ。複数の値は ; 区切り）。識別子 = id 列、なければ名前",
    en: "The CSV template in docs/watchlist-template.md (only name is required; several values separated by ;); identifier = the id column, else the name",
  }),
  defaultSource: () => "custom:watchlist",
  resolveFiles: async (files) => [...files],
  async *parse(request) {
    const source = request.source ?? "custom:watchlist";
    for (const file of request.files) {
      let count = 0;
      const seen = new Set<string>();
      for await (const { row, line } of readCsvWithHeader(file, ["name"], request)) {
        const rawSchema = (row.schema ?? "").trim().toLowerCase();
        const schema = SCHEMAS[rawSchema];
        if (!schema) {
          throw new ImportError(
            { file, line, field: "schema" },
            {
              ja: `schema "${row.schema}" は使えません（person / organization / vessel / aircraft、または空欄）`,
              en: `unknown schema "${row.schema}" (use person, organization, vessel, aircraft, or leave it empty)`,
            },
          );
        }
        const id = (row.id ?? "").trim() || (row.name ?? "").trim();
        if (seen.has(id)) {
          throw new ImportError(
            { file, line, field: "id" },
            { ja: `id "${id}" が重複しています`, en: `the id "${id}" appears twice` },
          );
        }
        seen.add(id);
        const b = new EntityBuilder(source, id, schema);
        b.name(row.name, "primary");
        for (const alias of splitAliases(row.aliases, /[;；|]/)) b.name(alias, "alias");
        for (const c of splitAliases(row.countries, /[;；,、]/)) b.country(c);
        for (const d of splitAliases(row.birth_dates)) b.birthDate(d);
        for (const item of splitAliases(row.identifiers)) {
          const m = /^([^:：]+)[:：](.+)$/.exec(item);
          if (!m) {
            throw new ImportError(
              { file, line, field: "identifiers" },
              {
                ja: `識別子は scheme:value の形で書いてください（"${item}"）`,
                en: `write identifiers as scheme:value ("${item}")`,
              },
            );
          }
          b.identifier(m[1]!.trim().toLowerCase(), m[2]!.trim());
        }
        for (const p of splitAliases(row.programs)) b.program(p);
        for (const a of splitAliases(row.addresses)) b.address(a);
        b.listedOn(row.listed_on);
        b.remarks(row.remarks);
        count++;
        yield b.build({ file, line, field: "name" });
      }
      if (count === 0)
        throw new ImportError({ file }, { ja: "エントリが1件もありません", en: "the file has no entries" });
    }
  },
};
