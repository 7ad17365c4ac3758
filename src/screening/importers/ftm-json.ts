import type { ListEntity } from "../screening-contract.js";
import { EntityBuilder } from "./entity-builder.js";
import { ImportError } from "./import-error.js";
import { readLines } from "./input.js";
import type { Importer } from "./types.js";

const SCHEMA: Record<string, ListEntity["schema"]> = {
  Person: "Person",
  Organization: "Organization",
  Company: "Organization",
  LegalEntity: "Organization",
  PublicBody: "Organization",
  Vessel: "Vessel",
  Airplane: "Aircraft",
};

const ID_PROPERTIES: Record<string, string> = {
  passportNumber: "passport",
  idNumber: "national_id",
  taxNumber: "tax_id",
  innCode: "tax_id",
  registrationNumber: "registration",
  ogrnCode: "registration",
  leiCode: "lei",
  swiftBic: "swift",
  imoNumber: "imo",
  wikidataId: "wikidata",
};

function values(properties: Record<string, unknown>, key: string): string[] {
  const v = properties[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/**
 * FollowTheMoney entities, one JSON object per line (OpenSanctions' `entities.ftm.json` /
 * `targets.nested.json`). People, organisations, companies, vessels and aircraft that are targets
 * become entries (identifier = the FtM id); addresses, sanctions and other helper objects are skipped.
 */
export const ftmJsonImporter: Importer = {
  format: "ftm_json",
  label: {
    ja: "FollowTheMoney JSON lines（OpenSanctions）",
    en: "FollowTheMoney JSON lines (OpenSanctions)",
  },
  describe: () => ({
    ja: "1行に1つの FtM エンティティ（id, schema, properties）。Person / Organization / Company / LegalEntity / Vessel / Airplane を取り込みます（識別子 = id）",
    en: "One FtM entity per line (id, schema, properties); Person, Organization, Company, LegalEntity, Vessel and Airplane are imported (identifier = id)",
  }),
  defaultSource: () => "ftm",
  resolveFiles: async (files) => [...files],
  async *parse(request) {
    const source = request.source ?? "ftm";
    for (const file of request.files) {
      let count = 0;
      for await (const { text, line } of readLines(file, request)) {
        if (!text.trim()) continue;
        let item: {
          id?: unknown;
          schema?: unknown;
          properties?: unknown;
          target?: unknown;
          datasets?: unknown;
        };
        try {
          item = JSON.parse(text);
        } catch (error) {
          throw new ImportError(
            { file, line },
            {
              ja: `JSON として正しくありません（${(error as Error).message}）`,
              en: `not valid JSON (${(error as Error).message})`,
            },
          );
        }
        const schema = typeof item.schema === "string" ? SCHEMA[item.schema] : undefined;
        if (!schema || item.target === false) continue;
        if (typeof item.id !== "string" || !item.id) {
          throw new ImportError(
            { file, line, field: "id" },
            { ja: "id がありません", en: "the entity has no id" },
          );
        }
        const p = (item.properties ?? {}) as Record<string, unknown>;
        const b = new EntityBuilder(source, item.id, schema);
        for (const n of values(p, "name")) b.name(n, "primary");
        for (const n of values(p, "alias")) b.name(n, "alias");
        for (const n of values(p, "weakAlias")) b.name(n, "weakAlias");
        for (const n of values(p, "previousName")) b.name(n, "former");
        for (const key of ["nationality", "citizenship", "country", "jurisdiction", "mainCountry", "flag"]) {
          // FtM writes ISO codes in lower case ("kp").
          b.country(...values(p, key).map((c) => (/^[a-z]{2}$/.test(c) ? c.toUpperCase() : c)));
        }
        for (const d of values(p, "birthDate")) b.birthDate(d);
        for (const [key, scheme] of Object.entries(ID_PROPERTIES)) {
          for (const v of values(p, key)) b.identifier(scheme, v);
        }
        b.program(...values(p, "program"), ...values(p, "topics"));
        for (const a of values(p, "address")) b.address(a);
        for (const n of values(p, "notes")) b.remarks(n);
        for (const d of values(p, "createdAt")) b.listedOn(d);
        for (const pob of values(p, "birthPlace")) b.detail("placeOfBirth", pob);
        for (const pos of values(p, "position")) b.detail("position", pos);
        if (Array.isArray(item.datasets))
          for (const ds of item.datasets) if (typeof ds === "string") b.detail("datasets", ds);
        count++;
        yield b.build({ file, line, field: "properties.name" });
      }
      if (count === 0) {
        throw new ImportError(
          { file },
          {
            ja: "取り込める FtM エンティティがありません",
            en: "no FtM person, organisation, vessel or aircraft entities found",
          },
        );
      }
    }
  },
};
