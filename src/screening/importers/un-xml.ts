import type { ListEntity } from "../screening-contract.js";
import { EntityBuilder } from "./entity-builder.js";
import { ImportError } from "./import-error.js";
import { childrenNamed, childText, readXmlRecords, type XmlNode } from "./input.js";
import type { Importer, ImportRequest } from "./types.js";

const ALIAS_KIND: Record<string, ListEntity["names"][number]["kind"]> = {
  good: "alias",
  "a.k.a.": "alias",
  low: "weakAlias",
  "f.k.a.": "former",
};

const DOCUMENT_SCHEME: [RegExp, string][] = [
  [/pas(s|a)port|passeport/i, "passport"],
  [/national identification|national id/i, "national_id"],
];

function values(node: XmlNode, name: string): string[] {
  return childrenNamed(node, name).flatMap((c) =>
    childrenNamed(c, "VALUE")
      .map((v) => v.text.trim())
      .filter(Boolean),
  );
}

function joinParts(node: XmlNode, names: readonly string[]): string {
  return names
    .map((n) => childText(node, n))
    .filter(Boolean)
    .join(", ");
}

/** Turns one INDIVIDUAL or ENTITY element of the UN consolidated list into a ListEntity. */
export function unRecordToEntity(node: XmlNode, source: string, file: string, line: number): ListEntity {
  const person = node.name === "INDIVIDUAL";
  const prefix = person ? "INDIVIDUAL" : "ENTITY";
  const reference = childText(node, "REFERENCE_NUMBER") || childText(node, "DATAID");
  const b = new EntityBuilder(source, reference, person ? "Person" : "Organization");
  const nameParts = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"].map((n) => childText(node, n));
  b.name(nameParts.filter(Boolean).join(" "), "primary");
  b.name(childText(node, "NAME_ORIGINAL_SCRIPT"), "originalScript");
  for (const alias of childrenNamed(node, `${prefix}_ALIAS`)) {
    const quality = childText(alias, "QUALITY").toLowerCase();
    b.name(childText(alias, "ALIAS_NAME"), ALIAS_KIND[quality] ?? "alias");
  }
  b.country(...values(node, "NATIONALITY"));
  for (const address of childrenNamed(node, `${prefix}_ADDRESS`)) {
    b.country(childText(address, "COUNTRY"));
    b.address(joinParts(address, ["STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY", "NOTE"]));
  }
  for (const dob of childrenNamed(node, "INDIVIDUAL_DATE_OF_BIRTH")) {
    const from = childText(dob, "FROM_YEAR");
    const to = childText(dob, "TO_YEAR");
    if (from && to) b.birthDate(`${from} to ${to}`);
    b.birthDate(childText(dob, "DATE"));
    b.birthDate(childText(dob, "YEAR"));
    const type = childText(dob, "TYPE_OF_DATE");
    if (type && type !== "EXACT") b.detail("birthDateType", type);
    b.detail("birthDateNote", childText(dob, "NOTE"));
  }
  for (const pob of childrenNamed(node, "INDIVIDUAL_PLACE_OF_BIRTH")) {
    b.detail("placeOfBirth", joinParts(pob, ["CITY", "STATE_PROVINCE", "COUNTRY"]));
  }
  for (const doc of childrenNamed(node, "INDIVIDUAL_DOCUMENT")) {
    const type = childText(doc, "TYPE_OF_DOCUMENT");
    const number = childText(doc, "NUMBER");
    if (!number) continue;
    const scheme = DOCUMENT_SCHEME.find(([re]) => re.test(type))?.[1] ?? "other";
    b.identifier(scheme, number);
    b.detail(
      "documents",
      [
        type,
        childText(doc, "TYPE_OF_DOCUMENT2"),
        number,
        childText(doc, "ISSUING_COUNTRY"),
        childText(doc, "NOTE"),
      ]
        .filter(Boolean)
        .join(" | "),
    );
  }
  b.program(childText(node, "UN_LIST_TYPE"));
  b.listedOn(childText(node, "LISTED_ON"));
  b.remarks(childText(node, "COMMENTS1"));
  for (const title of values(node, "TITLE")) b.detail("title", title);
  for (const designation of values(node, "DESIGNATION")) b.detail("designation", designation);
  b.detail("gender", childText(node, "GENDER"));
  b.detail("dataId", childText(node, "DATAID"));
  b.detail("lastUpdated", values(node, "LAST_DAY_UPDATED").at(-1));
  return b.build({ file, line, field: "FIRST_NAME" });
}

/** The UN Security Council consolidated list (consolidated.xml): individuals and entities. */
export const unXmlImporter: Importer = {
  format: "un_xml",
  label: { ja: "国連安保理 統合制裁リスト（XML）", en: "UN Security Council consolidated list (XML)" },
  describe: () => ({
    ja: "国連の consolidated.xml。INDIVIDUAL と ENTITY を1件ずつ読みます（識別子 = REFERENCE_NUMBER）",
    en: "The UN's consolidated.xml; each INDIVIDUAL and ENTITY becomes one entry (identifier = REFERENCE_NUMBER)",
  }),
  defaultSource: () => "un",
  resolveFiles: async (files) => [...files],
  async *parse(request: ImportRequest) {
    const source = request.source ?? "un";
    for (const file of request.files) {
      let count = 0;
      for await (const { node, line } of readXmlRecords(file, {
        ...request,
        recordTags: ["INDIVIDUAL", "ENTITY"],
        rootTag: "CONSOLIDATED_LIST",
      })) {
        count++;
        yield unRecordToEntity(node, source, file, line);
      }
      if (count === 0) {
        throw new ImportError(
          { file },
          {
            ja: "INDIVIDUAL / ENTITY が1件もありません（国連の統合リストですか？）",
            en: "no INDIVIDUAL or ENTITY found (is this the UN consolidated list?)",
          },
        );
      }
    }
  },
};
