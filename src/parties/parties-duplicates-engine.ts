/**
 * Likely duplicates in the parties directory, found with the screening engine's name matching (any
 * script, word order, spelling variants, readings of Han names): the directory is indexed as if it
 * were one more list, and a party being entered is matched against it. Pure: the service loads the
 * parties and keeps the index; this file only builds, matches and explains. It uses the screening
 * engine only through its public entry point (src/screening/engine/index.ts).
 */
import { createMatchingIndex, type MatchingIndex } from "../screening/engine/index.js";
import type { ListEntity, ScreeningHit, ScreeningQuery } from "../screening/screening-contract.js";
import type { Label } from "./parties-engine.js";

/** What duplicate detection needs of a party. */
export type DirectoryParty = {
  id: string;
  kind: "organization" | "person";
  names: { name: string; kind?: string }[];
  country: string | null;
  birthDate: string | null;
  identifiers: { scheme: string; value: string }[];
};

/** A party being entered (no id yet, or the id of the party being edited). */
export type PartyCandidate = Omit<DirectoryParty, "id"> & { id?: string | null };

export type DuplicateSuggestion = {
  partyId: string;
  /** 0..1; 1 for a shared identifier. */
  score: number;
  /** A shared identifier (法人番号, LEI, ORCID …): the same party, whatever the names say. */
  sameIdentifier: boolean;
  /** Why, in both languages: the names compared and the evidence that agreed. */
  reasons: Label[];
};

/** Score at or above which a party is shown as a likely duplicate. */
export const DUPLICATE_THRESHOLD = 0.85;

/** Identifier schemes that name one party (e-mail and "other" do not). */
const IDENTIFYING_SCHEMES = new Set([
  "corporate_number",
  "lei",
  "duns",
  "orcid",
  "erad_researcher_number",
  "passport",
]);

function nameKind(kind: string | undefined, i: number): ListEntity["names"][number]["kind"] {
  if (i === 0 || kind === "primary") return "primary";
  if (kind === "former") return "former";
  return "alias";
}

/** A directory party as a list entry, so the screening index can hold it. */
export function partyAsEntity(p: DirectoryParty): ListEntity {
  return {
    source: "party",
    sourceId: p.id,
    schema: p.kind === "person" ? "Person" : "Organization",
    names: p.names.map((n, i) => ({ name: n.name, kind: nameKind(n.kind, i) })),
    countries: p.country ? [p.country] : [],
    birthDates: p.birthDate ? [p.birthDate] : [],
    identifiers: p.identifiers.filter((i) => IDENTIFYING_SCHEMES.has(i.scheme)),
    programs: [],
  };
}

/** Builds the matching index over directory parties (frozen; build a new one to add more). */
export function createPartyIndex(parties: Iterable<DirectoryParty>): MatchingIndex {
  const index = createMatchingIndex({ candidates: 48 });
  for (const p of parties) index.add(partyAsEntity(p), p.id);
  index.build();
  return index;
}

function queriesOf(c: PartyCandidate): ScreeningQuery[] {
  const names = [...new Set(c.names.map((n) => n.name.trim()).filter(Boolean))];
  const identifiers = c.identifiers.filter((i) => IDENTIFYING_SCHEMES.has(i.scheme));
  return names.map((name) => {
    const q: ScreeningQuery = {
      name,
      schema: c.kind === "person" ? "Person" : "Organization",
      countries: c.country ? [c.country] : [],
    };
    if (c.birthDate) q.birthDate = c.birthDate;
    if (identifiers.length) q.identifiers = identifiers;
    return q;
  });
}

/** The screening explanation of a hit, as the reasons a duplicate is suggested. */
function reasonsOf(hit: ScreeningHit): Label[] {
  const reasons: Label[] = [hit.explanation.summary];
  for (const f of hit.explanation.features) {
    if (f.id === "name" || f.contribution <= 0 || !f.detail) continue;
    reasons.push({ ja: `${f.label.ja}: ${f.detail.ja}`, en: `${f.label.en}: ${f.detail.en}` });
  }
  return reasons;
}

/**
 * The directory parties a candidate probably duplicates, best first. `indexes` are searched in
 * turn (the service passes its large cached index and a small one of recent changes); a hit from
 * an earlier index is ignored for ids in `skip` (changed since, so the later index has them).
 * People with different dates of birth are different people and are not suggested; parties of the
 * other kind are never suggested.
 */
export function findDuplicates(
  candidate: PartyCandidate,
  sources: { index: MatchingIndex; skip?: ReadonlySet<string> }[],
  directory: (id: string) => DirectoryParty | undefined,
  options: { threshold?: number; limit?: number } = {},
): DuplicateSuggestion[] {
  const threshold = options.threshold ?? DUPLICATE_THRESHOLD;
  const best = new Map<string, DuplicateSuggestion>();
  const queries = queriesOf(candidate);
  for (const { index, skip } of sources) {
    for (const q of queries) {
      for (const hit of index.match(q, { limit: 10, minScore: threshold })) {
        const id = hit.sourceId;
        if (id === candidate.id || skip?.has(id)) continue;
        const party = directory(id);
        if (!party || party.kind !== candidate.kind) continue;
        if (
          candidate.kind === "person" &&
          candidate.birthDate &&
          party.birthDate &&
          candidate.birthDate !== party.birthDate
        )
          continue;
        const seen = best.get(id);
        if (!seen || hit.score > seen.score)
          best.set(id, { partyId: id, score: hit.score, sameIdentifier: false, reasons: reasonsOf(hit) });
      }
    }
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || a.partyId.localeCompare(b.partyId))
    .slice(0, options.limit ?? 10);
}

/**
 * Parties that share an identifying number with the candidate (the service finds them by SQL):
 * certain duplicates whatever their names, ranked first.
 */
export function identifierDuplicates(
  candidate: PartyCandidate,
  parties: readonly DirectoryParty[],
): DuplicateSuggestion[] {
  const mine = candidate.identifiers.filter((i) => IDENTIFYING_SCHEMES.has(i.scheme));
  const out: DuplicateSuggestion[] = [];
  for (const p of parties) {
    if (p.id === candidate.id || p.kind !== candidate.kind) continue;
    const shared = mine.filter((i) =>
      p.identifiers.some((j) => j.scheme === i.scheme && j.value === i.value),
    );
    if (shared.length === 0) continue;
    out.push({
      partyId: p.id,
      score: 1,
      sameIdentifier: true,
      reasons: shared.map((i) => ({
        ja: `同じ識別番号（${i.scheme}: ${i.value}）が登録されています`,
        en: `The same identifier (${i.scheme}: ${i.value}) is registered`,
      })),
    });
  }
  return out;
}

/** Identifier schemes that count for `identifierDuplicates`, for the service's SQL lookup. */
export function identifyingIdentifiers(c: PartyCandidate): { scheme: string; value: string }[] {
  return c.identifiers.filter((i) => IDENTIFYING_SCHEMES.has(i.scheme));
}
