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
