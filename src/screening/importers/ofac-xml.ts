import path from "node:path";
import type { ListEntity } from "../screening-contract.js";
import { EntityBuilder } from "./entity-builder.js";
import { ImportError } from "./import-error.js";
import { childrenNamed, childText, readXmlRecords, type XmlNode } from "./input.js";
import type { Importer } from "./types.js";
import { cslIdScheme } from "./us-csl.js";

const SCHEMA: Record<string, ListEntity["schema"]> = {
  individual: "Person",
  entity: "Organization",
  vessel: "Vessel",
  aircraft: "Aircraft",
};

/** "LAST, First" as OFAC's CSV writes names, from the XML's lastName/firstName. */
function fullName(node: XmlNode): string {
  const last = childText(node, "lastName");
  const first = childText(node, "firstName");
  return last && first ? `${last}, ${first}` : last || first;
}

function listItems(node: XmlNode, list: string, item: string): XmlNode[] {
  return childrenNamed(node, list).flatMap((l) => childrenNamed(l, item));
}

/** Turns one sdnEntry of OFAC's XML into a ListEntity; uid is the same ent_num the CSV uses. */
export function ofacEntryToEntity(node: XmlNode, source: string, file: string, line: number): ListEntity {
  const uid = childText(node, "uid");
  const b = new EntityBuilder(source, uid, SCHEMA[childText(node, "sdnType").toLowerCase()] ?? "Unknown");
  b.name(fullName(node), "primary");
  for (const aka of listItems(node, "akaList", "aka")) {
    const type = childText(aka, "type").toLowerCase();
    const weak = childText(aka, "category").toLowerCase() === "weak";
    b.name(fullName(aka), type.startsWith("f.k.a") ? "former" : weak ? "weakAlias" : "alias");
  }
  b.program(...listItems(node, "programList", "program").map((p) => p.text.trim()));
  b.detail("title", childText(node, "title"));
  for (const address of listItems(node, "addressList", "address")) {
    const country = childText(address, "country");
    b.country(country);
    b.address(
      ["address1", "address2", "address3", "city", "stateOrProvince", "postalCode", "country"]
        .map((k) => childText(address, k))
        .filter(Boolean)
        .join(", "),
    );
  }
  for (const id of listItems(node, "idList", "id")) {
    const type = childText(id, "idType");
    const number = childText(id, "idNumber");
    const scheme = cslIdScheme(type);
    if (scheme && number) b.identifier(scheme, scheme === "imo" ? number.replace(/^IMO\s+/i, "") : number);
    b.detail("ids", [type, number, childText(id, "idCountry")].filter(Boolean).join(" | "));
  }
  for (const n of listItems(node, "nationalityList", "nationality")) b.country(childText(n, "country"));
  for (const c of listItems(node, "citizenshipList", "citizenship")) b.country(childText(c, "country"));
  for (const d of listItems(node, "dateOfBirthList", "dateOfBirthItem"))
    b.birthDate(childText(d, "dateOfBirth"));
  for (const p of listItems(node, "placeOfBirthList", "placeOfBirthItem"))
    b.detail("placeOfBirth", childText(p, "placeOfBirth"));
  for (const v of childrenNamed(node, "vesselInfo")) {
    b.detail("callSign", childText(v, "callSign"));
    b.detail("vesselType", childText(v, "vesselType"));
    b.detail("vesselOwner", childText(v, "vesselOwner"));
    b.detail("tonnage", childText(v, "tonnage"));
    b.detail("grossRegisteredTonnage", childText(v, "grossRegisteredTonnage"));
    const flag = childText(v, "vesselFlag");
    b.detail("vesselFlag", flag);
    b.country(flag);
  }
  b.remarks(childText(node, "remarks"));
  return b.build({ file, line, field: "lastName" });
}

/**
 * OFAC's XML edition in the classic sdn.xml / consolidated.xml shape (`<sdnList><sdnEntry>`):
 * names, a.k.a.s (strong and weak), programmes, addresses, IDs, nationalities, dates of birth.
 * Identifiers are the `uid`s, the same numbers as the CSV's ent_num.
 */
export const ofacXmlImporter: Importer = {
  format: "ofac_xml",
  label: { ja: "OFAC SDN・非SDN統合リスト（XML）", en: "OFAC SDN / consolidated non-SDN list (XML)" },
  describe: () => ({
    ja: "OFAC の sdn.xml / consolidated.xml（sdnList / sdnEntry 形式）。識別子 = uid（CSV の ent_num と同じ）",
    en: "OFAC's sdn.xml / consolidated.xml (sdnList / sdnEntry); identifier = uid (the CSV's ent_num)",
  }),
  defaultSource: (files) => (files.some((f) => /cons/i.test(path.basename(f))) ? "ofac_cons" : "ofac_sdn"),
  resolveFiles: async (files) => [...files],
  async *parse(request) {
    const source = request.source ?? this.defaultSource(request.files);
    for (const file of request.files) {
      let count = 0;
      for await (const { node, line } of readXmlRecords(file, {
        ...request,
        recordTags: ["sdnEntry"],
        rootTag: "sdnList",
      })) {
        count++;
        yield ofacEntryToEntity(node, source, file, line);
      }
      if (count === 0) {
        throw new ImportError(
          { file },
          {
            ja: "sdnEntry が1件もありません（OFAC の XML ですか？）",
            en: "no sdnEntry found (is this OFAC's XML?)",
          },
        );
      }
    }
  },
};
