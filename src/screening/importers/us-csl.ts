import path from "node:path";
import type { ListEntity } from "../screening-contract.js";
import { EntityBuilder } from "./entity-builder.js";
import { ImportError } from "./import-error.js";
import { readCsvWithHeader, readJsonArrayItems } from "./input.js";
import { splitAliases } from "./names.js";
import type { Importer, ImportRequest } from "./types.js";

const SCHEMA: Record<string, ListEntity["schema"]> = {
  individual: "Person",
  entity: "Organization",
  vessel: "Vessel",
  aircraft: "Aircraft",
};

/** "Entity List (EL) - Bureau of Industry and Security" → "Entity List (EL)". */
export function cslSubList(source: string): string {
  return source.split(" - ")[0]!.trim();
}

function cslCode(source: string): string {
  return /\(([A-Z]+)\)/.exec(source)?.[1] ?? cslSubList(source);
}

/** Maps a trade.gov identifier type ("Passport", "Tax ID No.", "Vessel Registration Identification") to a scheme. */
export function cslIdScheme(type: string): string | undefined {
  if (
    /website|email|phone|fax|sanctions|directive|secondary|subject to|risk|gender|nationality|birth/i.test(
      type,
    )
  ) {
    return undefined;
  }
  if (/passport/i.test(type)) return "passport";
  if (/tax id|inn\b|rfc\b|nit\b/i.test(type)) return "tax_id";
  if (/national id|cedula|cédula|personal id|identification number/i.test(type)) return "national_id";
  if (/imo|vessel registration/i.test(type)) return "imo";
  if (/swift|bic/i.test(type)) return "swift";
  if (/registration|registry|matricula|ogrn|company number/i.test(type)) return "registration";
  return "other";
}

/** Reads the CSV's ids cell: "US, 80-0890696, Tax ID No.; IMO 8898831, Vessel Registration Identification". */
function applyIdCell(b: EntityBuilder, cell: string): void {
  for (const part of splitAliases(cell)) {
    const pieces = part.split(/,\s*/).map((p) => p.trim());
    let country: string | undefined;
    if (pieces.length >= 3 && /^[A-Z]{2}$/.test(pieces[0]!)) country = pieces.shift();
    const number = pieces[0] ?? "";
    const type = pieces.slice(1).join(", ");
    const scheme = cslIdScheme(type);
    if (scheme && number && /\d/.test(number)) b.identifier(scheme, number.replace(/^IMO\s+/i, ""));
    b.detail("ids", [type, number, country].filter(Boolean).join(" | "));
  }
}

function cslEntity(source: string, row: Record<string, string>, file: string, line: number): ListEntity {
  const subList = row.source ?? "";
  const sourceId =
    (row._id ?? row.id ?? "").trim() ||
    (row.entity_number?.trim() ? `${cslCode(subList)}:${row.entity_number.trim()}` : "") ||
    `${cslCode(subList)}:${(row.name ?? "").trim()}`;
  const b = new EntityBuilder(
    source,
    sourceId,
    SCHEMA[(row.type ?? "").trim().toLowerCase()] ?? "Organization",
  );
  if (!(row.type ?? "").trim() && /denied persons|debarred/i.test(subList)) b.schema = "Unknown";
  b.name(row.name, "primary");
  for (const alias of splitAliases(row.alt_names)) b.name(alias, "alias");
  b.program(cslSubList(subList));
  for (const p of splitAliases(row.programs)) b.program(p);
  for (const address of splitAliases(row.addresses)) {
    b.address(address);
    const last = address.split(",").at(-1)?.trim();
    if (last && /^[A-Z]{2}$/.test(last)) b.country(last);
  }
  for (const c of splitAliases(row.nationalities)) b.country(c);
  for (const c of splitAliases(row.citizenships)) b.country(c);
  for (const d of splitAliases(row.dates_of_birth)) b.birthDate(d);
  for (const p of splitAliases(row.places_of_birth)) b.detail("placeOfBirth", p);
  applyIdCell(b, row.ids ?? "");
  b.listedOn(row.start_date);
  b.remarks(row.remarks);
  b.detail("title", row.title);
  b.detail("endDate", row.end_date);
  b.detail("federalRegisterNotice", row.federal_register_notice);
  b.detail("licenseRequirement", row.license_requirement);
  b.detail("licensePolicy", row.license_policy);
  b.detail("callSign", row.call_sign);
  b.detail("vesselType", row.vessel_type);
  b.detail("vesselFlag", row.vessel_flag);
  b.detail("vesselOwner", row.vessel_owner);
  b.detail("sourceListUrl", row.source_list_url);
  b.detail("sourceInformationUrl", row.source_information_url);
  return b.build({ file, line, field: "name" });
}

type CslJson = {
  id?: unknown;
  name?: unknown;
  type?: unknown;
  source?: unknown;
  entity_number?: unknown;
  alt_names?: unknown;
  programs?: unknown;
  addresses?: unknown;
  ids?: unknown;
  nationalities?: unknown;
  citizenships?: unknown;
  dates_of_birth?: unknown;
  places_of_birth?: unknown;
  start_date?: unknown;
  end_date?: unknown;
  remarks?: unknown;
  title?: unknown;
  federal_register_notice?: unknown;
  license_requirement?: unknown;
  license_policy?: unknown;
  source_list_url?: unknown;
  source_information_url?: unknown;
};

const text = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const list = (v: unknown): unknown[] =>
  Array.isArray(v) ? v : v === null || v === undefined || v === "" ? [] : [v];

/** Flattens one trade.gov JSON result into the CSV's row shape, so both editions share one mapping. */
function jsonToRow(item: CslJson): Record<string, string> {
  const addresses = list(item.addresses).map((a) => {
    if (typeof a === "string") return a;
    const o = a as Record<string, unknown>;
    return [o.address, o.city, o.state, o.postal_code, o.country].map(text).filter(Boolean).join(", ");
  });
  const ids = list(item.ids).map((i) => {
    const o = (i ?? {}) as Record<string, unknown>;
    return [text(o.country), text(o.number), text(o.type)].filter(Boolean).join(", ");
  });
  return {
    id: text(item.id),
    name: text(item.name),
    type: text(item.type),
    source: text(item.source),
    entity_number: text(item.entity_number),
    alt_names: list(item.alt_names).map(text).join("; "),
    programs: list(item.programs).map(text).join("; "),
    addresses: addresses.join("; "),
    ids: ids.join("; "),
    nationalities: list(item.nationalities).map(text).join("; "),
    citizenships: list(item.citizenships).map(text).join("; "),
    dates_of_birth: list(item.dates_of_birth).map(text).join("; "),
    places_of_birth: list(item.places_of_birth).map(text).join("; "),
    start_date: text(item.start_date),
    end_date: text(item.end_date),
    remarks: text(item.remarks),
    title: text(item.title),
    federal_register_notice: text(item.federal_register_notice),
    license_requirement: text(item.license_requirement),
    license_policy: text(item.license_policy),
    source_list_url: text(item.source_list_url),
    source_information_url: text(item.source_information_url),
  };
}

async function* rows(
  file: string,
  request: ImportRequest,
): AsyncGenerator<{ row: Record<string, string>; line: number }> {
  if (path.extname(file).toLowerCase() === ".json") {
    // trade.gov's JSON is { "results": [ … ] }; a plain array of results is read too.
    let found = false;
    try {
      for await (const { value, line } of readJsonArrayItems(file, { ...request, arrayKey: "results" })) {
        found = true;
        yield { row: jsonToRow(value as CslJson), line };
      }
    } catch (error) {
      if (found || !(error instanceof ImportError) || !/no "results" array/.test(error.message)) throw error;
      for await (const { value, line } of readJsonArrayItems(file, request))
        yield { row: jsonToRow(value as CslJson), line };
    }
    return;
  }
  yield* readCsvWithHeader(file, ["source", "name"], request);
}

/**
 * The US Consolidated Screening List from trade.gov (CSV or JSON): Entity List, DPL, UVL, MEU, ISN,
 * SDN and the other sub-lists in one file; each entry's sub-list becomes a programme.
 */
export const usCslImporter: Importer = {
  format: "us_csl",
  label: {
    ja: "米国 統合スクリーニングリスト CSL（CSV / JSON）",
    en: "US Consolidated Screening List (trade.gov CSV / JSON)",
  },
  describe: () => ({
    ja: "trade.gov の consolidated.csv（見出し source,name,alt_names,…）または consolidated.json。サブリスト（Entity List, DPL, UVL, MEU, ISN…）は programs に入ります",
    en: "trade.gov's consolidated.csv (header source, name, alt_names, …) or consolidated.json; the sub-list (Entity List, DPL, UVL, MEU, ISN …) becomes a programme",
  }),
  defaultSource: () => "us_csl",
  resolveFiles: async (files) => [...files],
  async *parse(request) {
    const source = request.source ?? "us_csl";
    for (const file of request.files) {
      let count = 0;
      for await (const { row, line } of rows(file, request)) {
        if (!(row.name ?? "").trim()) {
          throw new ImportError(
            { file, line, field: "name" },
            { ja: "名前が空です", en: "the name is empty" },
          );
        }
        count++;
        yield cslEntity(source, row, file, line);
      }
      if (count === 0)
        throw new ImportError({ file }, { ja: "エントリが1件もありません", en: "the file has no entries" });
    }
  },
};
