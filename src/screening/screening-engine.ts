/**
 * Pure rules of the screening product layer (no IO, no clock): which queries a party yields, how
 * the hits of several names merge, which hits are new or changed since the previous run, when a
 * reviewer's decision still applies, and how the OpenSanctions yente `/match` shapes map onto ours.
 */
import { compareListPrecedence } from "./engine/list-precedence.js";
import type { ListEntity, ScreeningHit, ScreeningQuery } from "./screening-contract.js";

/** What screening needs of a party (the parties service's Party satisfies it). */
export type ScreenableParty = {
  id: string;
  kind: "organization" | "person";
  names: { name: string }[];
  country: string | null;
  birthDate: string | null;
  identifiers: { scheme: string; value: string }[];
};

/** The facts a run screened, stored with the run so a reviewer sees what was asked. */
export type RunQuery = {
  names: string[];
  schema: "Person" | "Organization";
  countries: string[];
  birthDate: string | null;
  identifiers: { scheme: string; value: string }[];
};

/**
 * One query per name of the party — every script the party is known under (kanji, katakana,
 * English …) — each carrying the party's country, birth date and identifiers as evidence.
 */
export function partyQueries(party: ScreenableParty): { run: RunQuery; queries: ScreeningQuery[] } {
  const names = [...new Set(party.names.map((n) => n.name.trim()).filter((n) => n !== ""))];
  const schema = party.kind === "person" ? "Person" : "Organization";
  const countries = party.country ? [party.country] : [];
  const identifiers = party.identifiers.filter((i) => i.scheme !== "email");
  const queries = names.map((name) => {
    const q: ScreeningQuery = { name, schema, countries };
    if (party.birthDate) q.birthDate = party.birthDate;
    if (identifiers.length > 0) q.identifiers = identifiers;
    return q;
  });
  return { run: { names, schema, countries, birthDate: party.birthDate, identifiers }, queries };
}

/**
 * Compares hits best first. An exact tie (one body listed under equal names on several lists)
 * puts the list with the strongest legal effect first (UN before Japan's lists before OFAC …, see
 * `listPrecedence`), then orders by name so the order is stable.
 */
export function compareHits(a: ScreeningHit, b: ScreeningHit): number {
  return (
    b.score - a.score ||
    compareListPrecedence(a.source, b.source) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

/**
 * Merges the hits of several queries (a party's names) into one list: each list entry once, with
 * the explanation of the name that met it best. Every match (`hit.match`) is kept whatever the
 * limit — a limit that hid a sanctions listing behind other lists' entries would be a wrong
 * answer, not a shorter one; the limit bounds only the weaker candidates shown beside them.
 */
export function mergeHits(hitLists: readonly ScreeningHit[][], limit: number): ScreeningHit[] {
  const best = new Map<string, ScreeningHit>();
  for (const hits of hitLists) {
    for (const hit of hits) {
      const seen = best.get(hit.entityId);
      if (!seen || hit.score > seen.score || (hit.score === seen.score && hit.match && !seen.match))
        best.set(hit.entityId, hit);
    }
  }
  const sorted = [...best.values()].sort(compareHits);
  let matches = 0;
  for (const h of sorted) if (h.match) matches++;
  return sorted.filter((h, i) => h.match || i < limit).slice(0, Math.max(limit, matches));
}

/** Identifies one version of a list entry: the same entry with the same content. */
export type EntryVersion = { source: string; sourceId: string; contentHash: string };

function versionKey(v: EntryVersion): string {
  return `${v.source}\u0001${v.sourceId}\u0001${v.contentHash}`;
}

/**
 * Tells which matching hits are new or changed compared with the party's previous run: an entry the
 * previous run did not match, or whose content changed since. Only those open review tasks when a
 * whole population is re-screened after a list update.
 */
export function newOrChanged<T extends EntryVersion & { match: boolean }>(
  hits: readonly T[],
  previous: readonly (EntryVersion & { match: boolean })[] | null,
): boolean[] {
  const before = new Set((previous ?? []).filter((h) => h.match).map(versionKey));
  return hits.map((h) => h.match && !before.has(versionKey(h)));
}

/** A decision applies to a hit only while the list entry is unchanged (same content hash). */
export function decisionApplies(decision: { contentHash: string }, hit: { contentHash: string }): boolean {
  return decision.contentHash === hit.contentHash;
}

// ── OpenSanctions yente /match compatibility ─────────────────────────────────────────────────────

/** One query entity as yente's `/match` accepts it (FollowTheMoney example entity). */
export type YenteExample = {
  id?: string | null | undefined;
  schema: string;
  properties: Record<string, unknown>;
};

const NAME_PROPERTIES = ["name", "alias", "weakAlias", "previousName", "abbreviation"];
const NAME_PART_PROPERTIES = ["firstName", "secondName", "middleName", "fatherName", "lastName"];
const COUNTRY_PROPERTIES = [
  "country",
  "nationality",
  "citizenship",
  "jurisdiction",
  "mainCountry",
  "registrationCountry",
];
const IDENTIFIER_PROPERTIES: Record<string, string> = {
  registrationNumber: "registration",
  idNumber: "national_id",
  passportNumber: "passport",
  taxNumber: "tax_id",
  innCode: "inn",
  ogrnCode: "ogrn",
  leiCode: "lei",
  dunsCode: "duns",
  swiftBic: "swift",
  imoNumber: "imo",
  vatCode: "vat",
};
const PERSON_SCHEMAS = new Set(["Person"]);
const ORG_SCHEMAS = new Set(["Organization", "Company", "LegalEntity", "PublicBody"]);

function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list
    .filter((v): v is string | number => typeof v === "string" || typeof v === "number")
    .map((v) => String(v).trim())
    .filter((v) => v !== "");
}

/** Why a yente example cannot be screened, or the queries it yields (one per name). */
export function yenteExampleQueries(
  example: YenteExample,
): { ok: true; queries: ScreeningQuery[] } | { ok: false; problem: { ja: string; en: string } } {
  const p = example.properties ?? {};
  const names = NAME_PROPERTIES.flatMap((k) => strings(p[k]));
  const parts = NAME_PART_PROPERTIES.map((k) => strings(p[k])[0]).filter((v): v is string => !!v);
  if (parts.length > 0) names.push(parts.join(" "));
  const unique = [...new Set(names)];
  if (unique.length === 0) {
    return {
      ok: false,
      problem: {
        ja: "名前（properties.name など）がありません",
        en: "no name (properties.name, alias, firstName/lastName …)",
      },
    };
  }
  const schema: ScreeningQuery["schema"] = PERSON_SCHEMAS.has(example.schema)
    ? "Person"
    : ORG_SCHEMAS.has(example.schema)
      ? "Organization"
      : "Unknown";
  const countries = [
    ...new Set(
      COUNTRY_PROPERTIES.flatMap((k) => strings(p[k]))
        .map((c) => c.toUpperCase())
        .filter((c) => /^[A-Z]{2}$/.test(c)),
    ),
  ];
  const birthDate = [...strings(p.birthDate), ...strings(p.incorporationDate)].find((d) =>
    /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d),
  );
  const identifiers = Object.entries(IDENTIFIER_PROPERTIES).flatMap(([prop, scheme]) =>
    strings(p[prop]).map((value) => ({ scheme, value })),
  );
  return {
    ok: true,
    queries: unique.map((name) => {
      const q: ScreeningQuery = { name, schema, countries };
      if (birthDate) q.birthDate = birthDate;
      if (identifiers.length > 0) q.identifiers = identifiers;
      return q;
    }),
  };
}

/** The FollowTheMoney schema name of a list entry. */
export function ftmSchema(schema: ListEntity["schema"]): string {
  switch (schema) {
    case "Person":
      return "Person";
    case "Organization":
      return "Organization";
    case "Vessel":
      return "Vessel";
    case "Aircraft":
      return "Airplane";
    default:
      return "LegalEntity";
  }
}

/** A list entry as FollowTheMoney-style properties, for yente-shaped results. */
export function ftmProperties(entity: ListEntity): Record<string, string[]> {
  const props: Record<string, string[]> = {};
  const push = (key: string, value: string | undefined) => {
    if (!value) return;
    const list = props[key] ?? [];
    if (!list.includes(value)) list.push(value);
    props[key] = list;
  };
  for (const n of entity.names) {
    const key =
      n.kind === "primary" || n.kind === "originalScript"
        ? "name"
        : n.kind === "weakAlias"
          ? "weakAlias"
          : n.kind === "former"
            ? "previousName"
            : "alias";
    push(key, n.name);
  }
  const countryKey = entity.schema === "Person" ? "nationality" : "country";
  for (const c of entity.countries) push(countryKey, c.toLowerCase());
  for (const d of entity.birthDates) push(entity.schema === "Person" ? "birthDate" : "incorporationDate", d);
  for (const i of entity.identifiers) {
    const prop =
      Object.entries(IDENTIFIER_PROPERTIES).find(([, scheme]) => scheme === i.scheme)?.[0] ?? "idNumber";
    push(prop, i.value);
  }
  for (const program of entity.programs) push("program", program);
  push("notes", entity.remarks);
  for (const a of entity.addresses ?? []) push("address", a);
  push("createdAt", entity.listedOn);
  push("topics", "sanction");
  return props;
}

/** yente feature names for our explanation features (unknown ids pass through). */
const YENTE_FEATURE: Record<string, string> = {
  name: "name_match",
  legalForm: "org_legal_form",
  country: "country_match",
  birthDate: "dob_match",
  identifier: "identifier_match",
  schema: "schema_mismatch",
};

/**
 * A hit's explanation as yente's `features` (name → contribution) and `explanations`
 * (name → {score, detail}), the detail worded in the caller's language.
 */
export function yenteFeatures(
  hit: ScreeningHit,
  lang: "ja" | "en",
): {
  features: Record<string, number>;
  explanations: Record<string, { score: number; detail: string | null }>;
} {
  const features: Record<string, number> = {};
  const explanations: Record<string, { score: number; detail: string | null }> = {};
  for (const f of hit.explanation.features) {
    const key = YENTE_FEATURE[f.id] ?? f.id;
    features[key] = f.contribution;
    explanations[key] = {
      score: f.contribution,
      detail: f.detail ? `${f.label[lang]}: ${f.detail[lang]}` : f.label[lang],
    };
  }
  return { features, explanations };
}
