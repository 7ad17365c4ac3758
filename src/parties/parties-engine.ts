/** Writing systems a name can be in; reported so reviewers see which script a name was entered in. */
export type Script =
  | "Latin"
  | "Han"
  | "Japanese"
  | "Hangul"
  | "Cyrillic"
  | "Greek"
  | "Arabic"
  | "Hebrew"
  | "Thai"
  | "Devanagari"
  | "Other"
  | "Mixed";

const SCRIPT_TESTS: [Exclude<Script, "Japanese" | "Mixed" | "Other">, RegExp][] = [
  ["Latin", /\p{Script=Latin}/u],
  ["Han", /\p{Script=Han}/u],
  ["Hangul", /\p{Script=Hangul}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Arabic", /\p{Script=Arabic}/u],
  ["Hebrew", /\p{Script=Hebrew}/u],
  ["Thai", /\p{Script=Thai}/u],
  ["Devanagari", /\p{Script=Devanagari}/u],
];
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The script a name is written in; kana (with or without kanji) counts as Japanese. */
export function detectScript(name: string): Script {
  if (KANA.test(name)) return "Japanese";
  const found = SCRIPT_TESTS.filter(([, re]) => re.test(name)).map(([s]) => s);
  if (found.length === 0) return "Other";
  if (found.length === 1) return found[0]!;
  // Latin letters beside another script (e.g. "中国 CRRC") — name the non-Latin one when only one.
  const nonLatin = found.filter((s) => s !== "Latin");
  return nonLatin.length === 1 ? nonLatin[0]! : "Mixed";
}

/**
 * Folds a string for substring search: NFKC (full-width ＡＢＣ and half-width ｶﾅ become standard),
 * lower case, hiragana as katakana, punctuation to spaces, single spaces.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The text the directory searches: all names and identifier values, folded. */
export function buildSearchText(names: readonly string[], identifiers: readonly { value: string }[]): string {
  const parts = [...names, ...identifiers.map((i) => i.value)].map(foldForSearch).filter(Boolean);
  return [...new Set(parts)].join(" | ");
}

/** Identifier schemes the directory knows how to check; anything else is stored as `other`. */
export const IDENTIFIER_SCHEMES = [
  "corporate_number",
  "orcid",
  "lei",
  "duns",
  "erad_researcher_number",
  "passport",
  "email",
  "other",
] as const;
export type IdentifierScheme = (typeof IDENTIFIER_SCHEMES)[number];

/** Japan's 13-digit corporate number (法人番号): the first digit is a check digit over the other 12. */
export function isValidCorporateNumber(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false;
  const digits = value.split("").map(Number);
  const body = digits.slice(1);
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    // Digits are weighted 1,2,1,2… counting from the right end.
    const fromRight = 11 - i;
    sum += body[i]! * (fromRight % 2 === 0 ? 1 : 2);
  }
  return digits[0] === 9 - (sum % 9);
}

/** ORCID iD: four groups of four, ISO 7064 11-2 check character at the end. */
export function isValidOrcid(value: string): boolean {
  const m = /^(\d{4})-(\d{4})-(\d{4})-(\d{3}[\dX])$/.exec(value);
  if (!m) return false;
  const chars = value.replace(/-/g, "");
  let total = 0;
  for (let i = 0; i < 15; i++) total = (total + Number(chars[i])) * 2;
  const result = (12 - (total % 11)) % 11;
  const check = result === 10 ? "X" : String(result);
  return chars[15] === check;
}

/** Legal Entity Identifier: 20 characters, ISO 7064 mod 97-10. */
export function isValidLei(value: string): boolean {
  if (!/^[A-Z0-9]{18}\d{2}$/.test(value)) return false;
  const numeric = value.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const ch of numeric) remainder = (remainder * 10 + Number(ch)) % 97;
  return remainder === 1;
}

/** Checks one identifier, returning why it is wrong in both languages, or undefined if fine. */
export function identifierProblem(scheme: string, value: string): { ja: string; en: string } | undefined {
  const v = value.trim();
  if (v === "") return { ja: "値が空です", en: "Value is empty" };
  switch (scheme) {
    case "corporate_number":
      return isValidCorporateNumber(v)
        ? undefined
        : {
            ja: "法人番号は13桁でチェックディジットが正しい必要があります",
            en: "Corporate number must be 13 digits with a valid check digit",
          };
    case "orcid":
      return isValidOrcid(v)
        ? undefined
        : {
            ja: "ORCID iD の形式（0000-0000-0000-000X）またはチェック文字が正しくありません",
            en: "ORCID iD must look like 0000-0000-0000-000X with a valid check character",
          };
    case "lei":
      return isValidLei(v)
        ? undefined
        : {
            ja: "LEI は20文字でチェックディジットが正しい必要があります",
            en: "LEI must be 20 characters with valid check digits",
          };
    case "duns":
      return /^\d{9}$/.test(v) ? undefined : { ja: "DUNS番号は9桁です", en: "DUNS number must be 9 digits" };
    case "erad_researcher_number":
      return /^\d{8}$/.test(v)
        ? undefined
        : { ja: "e-Rad 研究者番号は8桁です", en: "e-Rad researcher number must be 8 digits" };
    case "email":
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)
        ? undefined
        : { ja: "メールアドレスの形式が正しくありません", en: "Not a valid e-mail address" };
    default:
      return undefined;
  }
}

/** ISO 3166-1 alpha-2 codes the country field accepts (plus XK for Kosovo, as lists use it). */
export const COUNTRY_CODES = new Set(
  (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
    "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
    "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO " +
    "JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR " +
    "MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO " +
    "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV " +
    "TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW"
  ).split(" "),
);

// ── Versions, edit rights and merging (issue 11 §3, issue 14 §4) ─────────────────────────────────

export type Label = { ja: string; en: string };

/** A party as one version records it: everything a reader of a review needs, nothing of timing. */
export type PartySnapshot = {
  kind: "organization" | "person";
  primaryName: string;
  names: { name: string; kind: string; lang: string | null; script: string }[];
  country: string | null;
  birthDate: string | null;
  website: string | null;
  notes: string | null;
  tags: string[];
  identifiers: { scheme: string; value: string }[];
  archived: boolean;
  mergedInto: string | null;
};

const SNAPSHOT_FIELDS = [
  "kind",
  "primaryName",
  "names",
  "country",
  "birthDate",
  "website",
  "notes",
  "tags",
  "identifiers",
  "archived",
  "mergedInto",
] as const;
export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];

/** The fields that differ between two versions, in a fixed order, with both values. */
export function snapshotChanges(
  before: PartySnapshot | null,
  after: PartySnapshot,
): { field: SnapshotField; before: unknown; after: unknown }[] {
  return SNAPSHOT_FIELDS.filter(
    (f) => JSON.stringify(before?.[f] ?? null) !== JSON.stringify(after[f] ?? null),
  ).map((f) => ({ field: f, before: before?.[f] ?? null, after: after[f] ?? null }));
}

/** Where a party is used, as far as edit rights are concerned. */
export type PartyUsage = {
  /** Reviews past the draft stage (submitted, in review, returned, decided, withdrawn after submission). */
  submittedReviews: number;
  /** Draft reviews of users other than the one editing. */
  othersDraftReviews: number;
  /** Person records built on the party. */
  people: number;
  /** Approach reports that name the party. */
  approachReports: number;
};

export type EditDecision =
  | { allowed: true; reasonRequired: boolean }
  | {
      allowed: false;
      code: "party_merged" | "party_locked" | "party_in_use" | "party_not_yours";
      message: Label;
    };

const OFFICERS = new Set(["unit_officer", "secretariat", "approver", "admin"]);

/**
 * Who may change a party. A party that a submitted review uses is evidence of what was reviewed: only
 * the secretariat changes it, and must say why (the change is kept as a new version). Officers edit
 * other parties. An applicant edits only a party they registered that nobody else relies on — not a
 * counterparty of someone else's review, a person record or an approach report. A party merged into
 * another is read-only: edit the surviving party.
 */
export function partyEditDecision(
  actor: { id: string | null; roles: readonly string[] },
  party: { createdBy: string | null; mergedInto: string | null },
  usage: PartyUsage,
): EditDecision {
  if (party.mergedInto)
    return {
      allowed: false,
      code: "party_merged",
      message: {
        ja: "この取引先・関係者は別の記録に統合済みです。統合先の記録を編集してください",
        en: "This party was merged into another record; edit the surviving record",
      },
    };
  if (actor.roles.includes("secretariat"))
    return { allowed: true, reasonRequired: usage.submittedReviews > 0 };
  if (usage.submittedReviews > 0)
    return {
      allowed: false,
      code: "party_locked",
      message: {
        ja: `提出済みの審査（${usage.submittedReviews} 件）で使われているため、変更は事務局のみが行えます。修正が必要な場合は事務局に依頼してください`,
        en: `Used by ${usage.submittedReviews} submitted review(s): only the secretariat can change it. Ask the secretariat for a correction`,
      },
    };
  if (actor.roles.some((r) => OFFICERS.has(r))) return { allowed: true, reasonRequired: false };
  if (party.createdBy === null || party.createdBy !== actor.id)
    return {
      allowed: false,
      code: "party_not_yours",
      message: {
        ja: "他の人が登録した取引先・関係者は変更できません。修正が必要な場合は事務局に依頼してください",
        en: "You can only change parties you registered. Ask the secretariat for a correction",
      },
    };
  if (usage.othersDraftReviews > 0 || usage.people > 0 || usage.approachReports > 0)
    return {
      allowed: false,
      code: "party_in_use",
      message: {
        ja: "他の人の申請・人物記録・接触報告で使われているため変更できません。事務局に依頼してください",
        en: "Used by someone else's application, a person record or an approach report; ask the secretariat",
      },
    };
  return { allowed: true, reasonRequired: false };
}

/** Identifier schemes that name exactly one party: two different values mean two different parties. */
const UNIQUE_SCHEMES = new Set(["corporate_number", "lei", "duns", "orcid", "erad_researcher_number"]);

export type MergePlan =
  | {
      ok: true;
      merged: Omit<PartySnapshot, "archived" | "mergedInto" | "names"> & {
        names: { name: string; kind: string; lang: string | null }[];
      };
      /** What the secretariat should know (kept in the audit row): values that differed. */
      notes: Label[];
    }
  | { ok: false; problems: Label[] };

/**
 * What two parties merged become: the surviving party keeps its name and details and gains the
 * duplicate's names (its official name as an alias), identifiers, tags and notes; empty fields are
 * filled from the duplicate. Refuses what cannot be the same party: different kinds, different
 * birth dates, or different values of an identifier that names exactly one party.
 */
export function planMerge(
  survivor: PartySnapshot & { id: string },
  duplicate: PartySnapshot & { id: string },
): MergePlan {
  const problems: Label[] = [];
  if (survivor.id === duplicate.id)
    problems.push({ ja: "同じ記録どうしは統合できません", en: "A party cannot be merged with itself" });
  if (survivor.mergedInto || duplicate.mergedInto)
    problems.push({ ja: "既に統合済みの記録です", en: "One of the parties was already merged" });
  if (survivor.kind !== duplicate.kind)
    problems.push({
      ja: "組織と個人は統合できません",
      en: "An organisation and a person cannot be merged",
    });
  if (survivor.birthDate && duplicate.birthDate && survivor.birthDate !== duplicate.birthDate)
    problems.push({
      ja: `生年月日が異なります（${survivor.birthDate} と ${duplicate.birthDate}）`,
      en: `The dates of birth differ (${survivor.birthDate} and ${duplicate.birthDate})`,
    });
  for (const scheme of UNIQUE_SCHEMES) {
    const a = new Set(survivor.identifiers.filter((i) => i.scheme === scheme).map((i) => i.value));
    const b = duplicate.identifiers.filter((i) => i.scheme === scheme).map((i) => i.value);
    if (a.size > 0 && b.length > 0 && !b.some((v) => a.has(v)))
      problems.push({
        ja: `識別番号（${scheme}）が異なります`,
        en: `The identifiers (${scheme}) differ`,
      });
  }
  if (problems.length > 0) return { ok: false, problems };

  const notes: Label[] = [];
  const seen = new Set<string>();
  const names: { name: string; kind: string; lang: string | null }[] = [];
  for (const n of survivor.names) {
    seen.add(foldForSearch(n.name));
    names.push({ name: n.name, kind: n.kind, lang: n.lang });
  }
  for (const n of duplicate.names) {
    const key = foldForSearch(n.name);
    if (seen.has(key)) continue;
    seen.add(key);
    names.push({ name: n.name, kind: n.kind === "primary" ? "alias" : n.kind, lang: n.lang });
  }
  const ids = new Map<string, { scheme: string; value: string }>();
  for (const i of [...survivor.identifiers, ...duplicate.identifiers])
    ids.set(`${i.scheme}\u0000${i.value}`, i);
  if (survivor.country && duplicate.country && survivor.country !== duplicate.country)
    notes.push({
      ja: `国・地域が異なっていたため ${survivor.country} を残しました（統合元: ${duplicate.country}）`,
      en: `The countries differed; kept ${survivor.country} (duplicate had ${duplicate.country})`,
    });
  if (survivor.website && duplicate.website && survivor.website !== duplicate.website)
    notes.push({
      ja: `ウェブサイトが異なっていたため ${survivor.website} を残しました（統合元: ${duplicate.website}）`,
      en: `The websites differed; kept ${survivor.website} (duplicate had ${duplicate.website})`,
    });
  const noteParts = [
    survivor.notes,
    duplicate.notes ? `【統合元 / merged from: ${duplicate.primaryName}】\n${duplicate.notes}` : null,
  ].filter((n): n is string => !!n && n.trim() !== "");
  return {
    ok: true,
    merged: {
      kind: survivor.kind,
      primaryName: survivor.primaryName,
      names,
      country: survivor.country ?? duplicate.country,
      birthDate: survivor.birthDate ?? duplicate.birthDate,
      website: survivor.website ?? duplicate.website,
      notes: noteParts.length ? noteParts.join("\n\n") : null,
      tags: [...new Set([...survivor.tags, ...duplicate.tags])].sort(),
      identifiers: [...ids.values()],
    },
    notes,
  };
}
