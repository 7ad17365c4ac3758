import type { ListEntity } from "../screening-contract.js";
import { EntityBuilder } from "./entity-builder.js";
import { ImportError } from "./import-error.js";
import { readCsvWithHeader } from "./input.js";
import type { Importer } from "./types.js";

/**
 * The BIS Denied Persons List text file (tab-separated, quoted, header row). A person listed at
 * several addresses appears on consecutive rows; those rows become one entry.
 */
export const bisDplImporter: Importer = {
  format: "bis_dpl",
  label: {
    ja: "米国商務省 BIS 取引禁止顧客リスト DPL（テキスト）",
    en: "US BIS Denied Persons List (tab-separated text)",
  },
  describe: () => ({
    ja: "BIS の dpl.txt（タブ区切り、見出し Name, Street_Address, City, State, Country, …）。同名の連続行は1件にまとめます（識別子 = 名前）",
    en: "BIS's dpl.txt (tab-separated; header Name, Street_Address, City, State, Country, …); consecutive rows of the same name become one entry (identifier = name)",
  }),
  defaultSource: () => "bis_dpl",
  resolveFiles: async (files) => [...files],
  async *parse(request) {
    const source = request.source ?? "bis_dpl";
    for (const file of request.files) {
      let current: { b: EntityBuilder; line: number; key: string } | undefined;
      let count = 0;
      const finish = (): ListEntity | undefined =>
        current ? current.b.build({ file, line: current.line }) : undefined;
      for await (const { row, line } of readCsvWithHeader(file, ["Name", "Country"], {
        ...request,
        delimiter: "\t",
      })) {
        const name = (row.Name ?? "").trim();
        if (!name)
          throw new ImportError(
            { file, line, field: "Name" },
            { ja: "名前が空です", en: "the name is empty" },
          );
        const key = name.toUpperCase();
        if (current?.key !== key) {
          const done = finish();
          if (done) {
            count++;
            yield done;
          }
          current = { b: new EntityBuilder(source, name, "Unknown"), line, key };
        }
        const b = current.b;
        b.name(name, "primary");
        b.address(
          [row.Street_Address, row.City, row.State, row.Postal_Code, row.Country]
            .map((v) => v?.trim())
            .filter(Boolean)
            .join(", "),
        );
        b.country(row.Country);
        b.listedOn(row.Effective_Date);
        b.program("Denied Persons List");
        b.detail("effectiveDate", row.Effective_Date);
        b.detail("expirationDate", row.Expiration_Date);
        b.detail("standardOrder", row.Standard_Order);
        b.detail("lastUpdate", row.Last_Update);
        b.detail("action", row.Action);
        b.detail("federalRegisterCitation", row.FR_Citation);
      }
      const last = finish();
      if (last) {
        count++;
        yield last;
      }
      if (count === 0)
        throw new ImportError({ file }, { ja: "エントリが1件もありません", en: "the file has no entries" });
    }
  },
};
