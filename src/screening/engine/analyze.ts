/**
 * Turns one name (in any script) into comparable "forms": lists of Latin tokens with weights,
 * plus the folded CJK string for direct ideograph comparison. A Latin name has one form; a
 * Japanese organisation name may have several (one per translation choice of its words). The same
 * analysis runs on list names (once, when indexing) and on queries.
 */
import anyAscii from "any-ascii";
import { type CedictStep, cedictRewrites } from "./cedict-names.js";
import {
  abbreviatedWords,
  type CjkSegment,
  foldHan,
  type HanReading,
  hanToHangul,
  isCompoundSurname,
  japaneseReadings,
  looksTranscribed,
  segmentCjk,
  transcriptionShare,
} from "./cjk.js";
import { lookupCharacter } from "./dictionary.js";
import { katakanaToHangul, koreanSurnameKatakana } from "./korean-kana.js";
import { foldText, reorderCommaName, splitWords } from "./normalize.js";
import { dominantScript, type Script, scriptOf } from "./scripts.js";
import { TokenOrigin } from "./similarity.js";
import {
  balticVariants,
  decodeChineseTranscription,
  dutchVariants,
  hungarianVariant,
  type SpellingRule,
} from "./spelling.js";
import { SYLLABLE_SEPARATOR } from "./transcription.js";
import {
  hangulSyllables,
  isAbjad,
  isAbugida,
  KOREAN_SURNAMES,
  koreanSyllableVariants,
  romanizeWord,
} from "./transliterate.js";
import {
  CJK_HONORIFIC_SUFFIXES,
  LATIN_HONORIFICS,
  LATIN_LEGAL_FORMS,
  type LegalClass,
  ORG_WORD_CANON,
  OTHER_HONORIFICS,
  STOPWORDS,
} from "./vocabulary.js";
import { wadeGilesOf } from "./wade-giles.js";

export type TokenClass = "name" | "org" | "stop" | "particle" | "initial" | "number";

export type Token = {
  /** Lower-case ASCII spellings; alts[0] is the primary one. */
  alts: string[];
  weight: number;
  cls: TokenClass;
  origin: TokenOrigin;
  /** Spellings of the same word under another language's convention (scored slightly lower). */
  variants?: { alt: string; rule: SpellingRule }[];
  /** Where a cross-script token came from (浪潮 → langchao, pinyin), for the explanation. */
  from?: TokenSource;
  /**
   * Syllables of a Korean given name (광수 gwang-su): adjacent tokens with the same mark must meet
   * the list name's syllables in the same order — 광수 is not 수광 (Su-Kwang).
   */
  seq?: number;
};

/** How a cross-script token was obtained from the characters the user typed. */
export type TokenHow =
  | "vocabulary"
  | "dictionary"
  | "pinyin"
  | "korean"
  | "japanese"
  | "koreanKana"
  | "transcription"
  | "abbreviation"
  | "dictionaryName"
  /** One character of an unknown stretch read in its plainest CC-CEDICT meaning (铁 → iron). */
  | "character"
  /** One character of an abbreviation read as the vocabulary word it begins (船 = 船舶 → shipbuilding). */
  | "abbreviatedWord";
export type TokenSource = { text: string; how: TokenHow };

export type FormMethod = "latin" | "transliteration" | "abjad" | "reading" | "translation" | "transcription";

export type NameForm = {
  tokens: Token[];
  fidelity: number;
  method: FormMethod;
  /** The reading language of the Han characters in this form, when it has any (zh / ko / ja). */
  lang?: ReadingLang;
  /** Comparison units, memoised by the scorer. */
  units?: unknown;
};

export type AnalyzedName = {
  original: string;
  /** Folded words in original order: two names with the same identity are the same string. */
  identity: string;
  script: Script;
  legal: LegalClass[];
  forms: NameForm[];
  /** Folded CJK/Hangul characters without legal forms, for direct ideograph comparison. */
  cjk: string | null;
  /** Sino-Korean (Hangul) reading of `cjk` when it contains Han characters. */
  cjkHangul: string | null;
};

/** Identity weight of each token class: generic words say little about who or what a name is. */
export const CLASS_WEIGHT: Record<TokenClass, number> = {
  name: 1,
  org: 0.45,
  stop: 0.12,
  particle: 0.3,
  initial: 0.35,
  number: 0.6,
};

const PARTICLES = new Set([
  "al",
  "el",
  "ul",
  "ud",
  "ad",
  "ar",
  "as",
  "at",
  "az",
  "ash",
  "bin",
  "ibn",
  "bint",
  "ben",
  "van",
  "von",
  "den",
  "da",
  "di",
  "do",
  "dos",
  "das",
  "mac",
]);

const FIDELITY: Record<FormMethod, number> = {
  latin: 0.99,
  transliteration: 0.96,
  abjad: 0.94,
  reading: 0.88,
  translation: 0.93,
  // a decoded Chinese transcription of a foreign name: the sound survives, the spelling does not
  transcription: 0.9,
};

const METHOD_RANK: FormMethod[] = [
  "latin",
  "transliteration",
  "abjad",
  "transcription",
  "translation",
  "reading",
];

function originMethod(o: TokenOrigin): FormMethod {
  switch (o) {
    case TokenOrigin.Latin:
      return "latin";
    case TokenOrigin.Transliterated:
      return "transliteration";
    case TokenOrigin.Abjad:
    case TokenOrigin.Abugida:
      return "abjad";
    case TokenOrigin.Reading:
      return "reading";
    case TokenOrigin.Transcription:
      return "transcription";
    default:
      return "translation";
  }
}

// Legal forms: a phrase table keyed by first word, longest phrase first.
const LEGAL_BY_FIRST = new Map<string, { words: string[]; cls: LegalClass }[]>();
for (const [phrase, cls] of LATIN_LEGAL_FORMS) {
  const words = phrase.split(" ");
  const list = LEGAL_BY_FIRST.get(words[0]!) ?? [];
  list.push({ words, cls });
  list.sort((a, b) => b.words.length - a.words.length);
  LEGAL_BY_FIRST.set(words[0]!, list);
}
/** Legal-form abbreviations that may stand at the start of a name (JSC Integral, OOO Argut). */
const LEGAL_AT_START = new Set([
  "jsc",
  "ojsc",
  "cjsc",
  "pjsc",
  "oao",
  "zao",
  "pao",
  "ooo",
  "fgup",
  "fsue",
  "llc",
  "tov",
]);
/** Short legal forms that only count at the very end (SA, AG, AS…): elsewhere they are names. */
function legalAllowedAt(words: string[], start: number, len: number, total: number): boolean {
  const first = words[0]!;
  const atEnd = start + len === total;
  if (start === 0 && total > len) return len > 1 || LEGAL_AT_START.has(first) || first.length >= 4;
  if (atEnd) return true;
  // in the middle only unambiguous forms ("X Co Ltd Branch", "Limited Liability Company Y")
  return len > 1 || first.length >= 3;
}

function isLegalTail(tail: string): boolean {
  const words = splitWords(tail).map((w) => w.word);
  if (words.length === 0) return false;
  let i = 0;
  while (i < words.length) {
    const opts = LEGAL_BY_FIRST.get(words[i]!);
    const m = opts?.find((o) => o.words.every((w, k) => words[i + k] === w));
    if (!m) return false;
    i += m.words.length;
  }
  return true;
}

export type ReadingLang = "zh" | "ko" | "ja";
/**
 * One slot may expand into alternative token sequences. Han readings are labelled with their
 * language so that a name is read consistently (all Mandarin, all Sino-Korean or all Japanese):
 * mixing a Korean surname with Mandarin given names only produces chance matches.
 */
type Slot = { options: Token[][]; langs?: (ReadingLang | null)[] };

function latinToken(word: string, origin: TokenOrigin, initial: boolean, alts?: string[]): Token {
  if (/^\d+$/.test(word)) return { alts: [word], weight: CLASS_WEIGHT.number, cls: "number", origin };
  if (initial || (word.length === 1 && !STOPWORDS.has(word))) {
    return { alts: [word], weight: CLASS_WEIGHT.initial, cls: "initial", origin };
  }
  // (own keys only: "constructor" would otherwise find Object's constructor function)
  const canon = Object.hasOwn(ORG_WORD_CANON, word) ? ORG_WORD_CANON[word] : undefined;
  if (canon) {
    const a = canon === word ? [word] : [canon, word];
    return { alts: a, weight: CLASS_WEIGHT.org, cls: "org", origin };
  }
  if (STOPWORDS.has(word)) return { alts: [word], weight: CLASS_WEIGHT.stop, cls: "stop", origin };
  if (PARTICLES.has(word)) return { alts: [word], weight: CLASS_WEIGHT.particle, cls: "particle", origin };
  return { alts: alts ?? [word], weight: CLASS_WEIGHT.name, cls: "name", origin };
}

function splitScriptRuns(word: string): { text: string; script: Script }[] {
  const runs: { text: string; script: Script }[] = [];
  for (const ch of word) {
    let s = scriptOf(ch.codePointAt(0)!);
    // a vowel sign or other combining mark belongs to the letter before it (Burmese ဒီ = di,
    // Khmer …): without it an abugida word loses its vowels
    if (s === "none" && runs.length > 0 && runs[runs.length - 1]!.script === "other" && /\p{M}/u.test(ch)) {
      runs[runs.length - 1]!.text += ch;
      continue;
    }
    if (s === "none") continue;
    if (s === "kana") s = "han"; // Japanese mixes kanji and kana in one word
    const last = runs[runs.length - 1];
    if (last && (last.script === s || (s === "digit" && last.script === "latin"))) last.text += ch;
    else runs.push({ text: ch, script: s });
  }
  return runs;
}

function stripCjkHonorifics(s: string): string {
  let out = s.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const suf of CJK_HONORIFIC_SUFFIXES) {
      if (out.length > suf.length && out.endsWith(suf)) {
        out = out.slice(0, -suf.length).trim();
        changed = true;
      }
    }
  }
  return out;
}

/**
 * The options of a translated word: its one-word translations of the same kind become one token
 * with several spellings (electronics / electronic), multi-word translations stay options of their
 * own — so that alternatives do not multiply the forms of a long name.
 */
function translationOptions(phrases: string[][], from: TokenSource): Token[][] {
  const out: Token[][] = [];
  const single = new Map<TokenClass, Token>();
  for (const p of phrases) {
    const tokens = p.map((w) => vocabToken(w, from));
    if (tokens.length !== 1) {
      out.push(tokens);
      continue;
    }
    const t = tokens[0]!;
    const merged = single.get(t.cls);
    if (merged) merged.alts = [...new Set([...merged.alts, ...t.alts])];
    else {
      single.set(t.cls, t);
      out.push([t]);
    }
  }
  return out;
}

function vocabToken(word: string, from?: TokenSource): Token {
  const t = latinToken(word, TokenOrigin.Translation, false);
  return { ...t, origin: TokenOrigin.Translation, ...(from ? { from } : {}) };
}

/** Joined Sino-Korean readings of a Han word (up to three spellings), or [] when a character has none. */
function koreanWordReadings(chars: { korean: string[]; northKorean?: string }[], org = false): string[] {
  if (!chars.every((c) => c.korean.length > 0)) return [];
  const first = chars.map((c) => c.korean[0]!);
  // organisation and place names: also as North Korea writes them (no initial-sound rule)
  const north = org && chars[0]?.northKorean ? [chars[0].northKorean, ...first.slice(1)] : null;
  return [
    ...new Set([
      first.join(""),
      ...assimilated(first),
      ...(north ? [north.join(""), ...assimilated(north)] : []),
      chars.map((c) => c.korean[1] ?? c.korean[0]).join(""),
      chars.map((c) => c.korean[2] ?? c.korean[0]).join(""),
    ]),
  ];
}

/**
 * Korean nasal assimilation across syllables, as names are pronounced and often romanised:
 * a final k/t/p before n, m or r becomes ng/n/m (압록 ap-rok → amrok, North Korean spelling; and
 * with r → n as South Korean spelling writes it, amnok).
 */
function assimilated(syllables: string[]): string[] {
  if (syllables.length < 2) return [];
  const nasal: Record<string, string> = { k: "ng", t: "n", p: "m" };
  const north: string[] = [syllables[0]!];
  const south: string[] = [syllables[0]!];
  for (let i = 1; i < syllables.length; i++) {
    const prev = north[i - 1]!;
    const cur = syllables[i]!;
    const fin = prev.slice(-1);
    if (nasal[fin] && /^[nmr]/.test(cur)) {
      north[i - 1] = prev.slice(0, -1) + nasal[fin];
      south[i - 1] = north[i - 1]!;
      north.push(cur);
      south.push(cur.startsWith("r") ? `n${cur.slice(1)}` : cur);
    } else {
      north.push(cur);
      south.push(cur);
    }
  }
  return [north.join(""), south.join("")];
}

/**
 * The one reading a transcription-table character has in a transcribed name where the reading in
 * context differs (pinyin-pro reads 什 as shén, as in 什么; in 布什 Bush, 泰什 Teich it is shí).
 */
const TRANSCRIPTION_READING = new Map([["什", "shi"]]);

/**
 * A Han word read as the Chinese transcription of a foreign name (布朗巴克 → bu'lang'ba'ke), compared
 * with names in letters by its consonant sounds (transcription.ts). Null below two syllables.
 */
function transcriptionToken(chars: { char: string; pinyin: string; shown?: string }[]): Token | null {
  const syllables = chars.map((c) => TRANSCRIPTION_READING.get(c.char) ?? c.pinyin).filter(Boolean);
  if (syllables.length < 2) return null;
  return {
    alts: [syllables.join(SYLLABLE_SEPARATOR)],
    weight: 1,
    cls: "name",
    origin: TokenOrigin.Transcription,
    from: { text: chars.map((c) => c.shown ?? c.char).join(""), how: "transcription" },
  };
}

/**
 * Japanese readings of a Han word as tokens (日东 → nitto, 电工 → denko): one token for a word of up
 * to four characters, else one per pair of characters (a company name's words are mostly two
 * characters long). Null when a character has no Japanese reading.
 */
function japaneseWordTokens(chars: string[], shown: string): Token[] | null {
  const parts: string[][] = [];
  if (chars.length <= 4) parts.push(chars);
  else for (let i = 0; i < chars.length; i += 2) parts.push(chars.slice(i, i + 2));
  const tokens: Token[] = [];
  for (const part of parts) {
    const alts = japaneseReadings(part, 16, "org");
    if (alts.length === 0) return null;
    tokens.push({
      alts: [...alts],
      weight: 1,
      cls: "name",
      origin: TokenOrigin.Reading,
      from: { text: shown, how: "japanese" },
    });
  }
  return tokens;
}

/** Longest unknown stretch of an organisation name that is also read character by character. */
const MAX_CHARACTER_TRANSLATION = 3;

/**
 * An unknown stretch of an organisation name read character by character in CC-CEDICT's plainest
 * meanings (铁山 → iron mountain, 东华 → east china, 矿 → ore): brand names made of translated
 * words (IronMountain, TextOre, Red Cat) and place abbreviations. Adjacent tokens are also compared
 * joined (ironmountain), as for any two words. Null unless every character has a meaning and the
 * stretch is short (a long stretch is a transcribed or place name, not a string of words).
 */
function characterTranslation(chars: HanReading[]): Token[] | null {
  if (chars.length === 0 || chars.length > MAX_CHARACTER_TRANSLATION) return null;
  // a transcribed foreign name (哈里斯 Harris, 马文 Marvin) is a sound, not a string of meanings
  // (two characters are too few to tell: 东华 is east + China)
  const cs = chars.map((c) => c.char);
  if (cs.length === 1 ? looksTranscribed([cs[0]!, cs[0]!]) : cs.length > 2 && looksTranscribed(cs))
    return null;
  const tokens: Token[] = [];
  for (const c of chars) {
    const meanings = lookupCharacter(c.char);
    if (!meanings) return null;
    tokens.push(vocabToken(meanings[0]!, { text: c.shown ?? c.char, how: "character" }));
    const t = tokens[tokens.length - 1]!;
    t.alts = [...new Set([...t.alts, ...meanings.slice(1)])];
  }
  return tokens;
}

/**
 * An unknown stretch of an organisation name read as an abbreviation: each character stands for a
 * vocabulary word that begins with it (中船 = 中国船舶: 船 → 船舶 shipbuilding; 南师大 = 南京师大: 南 →
 * 南京 Nanjing), when few words do (cjk.ts abbreviatedWords); a character without such a word keeps
 * its plain meaning. One token per character, with the one-word translations of all its candidate
 * words as spellings, explained as "船 = 船舶". Null unless at least one character was expanded.
 */
function abbreviationTranslation(chars: HanReading[]): Token[] | null {
  if (chars.length === 0 || chars.length > MAX_CHARACTER_TRANSLATION) return null;
  const tokens: Token[] = [];
  let expanded = false;
  for (const c of chars) {
    const words = abbreviatedWords(c.char);
    const singles = words.flatMap((w) => w.phrases.filter((p) => p.length === 1).map((p) => p[0]!));
    if (singles.length > 0) {
      expanded = true;
      const shown = c.shown ?? c.char;
      const t = vocabToken(singles[0]!, {
        text: `${shown} = ${words.map((w) => w.word).join("/")}`,
        how: "abbreviatedWord",
      });
      t.alts = [...new Set([...t.alts, ...singles.slice(1)])];
      tokens.push(t);
      continue;
    }
    const meanings = lookupCharacter(c.char);
    if (!meanings) return null;
    const t = vocabToken(meanings[0]!, { text: c.shown ?? c.char, how: "character" });
    t.alts = [...new Set([...t.alts, ...meanings.slice(1)])];
    tokens.push(t);
  }
  return expanded ? tokens : null;
}

/** A Japanese company name: kana, or a Japanese legal form (株式会社, 有限会社…), in any Han variant. */
const JAPANESE_CONTEXT = /[\u3041-\u3096\u30a1-\u30fa]|株式会社|有限会社|合同会社|合[资資]会社|合名会社/;

/** Tokens for the segments of one CJK (Han/kana) or Hangul run. */
function cjkSlots(
  segments: readonly CjkSegment[],
  wholeNameIsOneRun: boolean,
  foreignHan: boolean,
  legal: LegalClass[],
  cjkParts: string[],
  japanese = false,
): Slot[] {
  const slots: Slot[] = [];
  const nameLike = segments.filter((s) => s.kind !== "legal");
  // an organisation name (a known organisation word, legal form or dictionary word beside the
  // unknown stretch): its readings are compared more loosely than a person's
  const orgContext = segments.some((s) => s.kind === "vocab" || s.kind === "legal" || s.kind === "dict");
  for (const seg of segments) {
    switch (seg.kind) {
      case "legal":
        legal.push(seg.legal);
        break;
      case "vocab": {
        cjkParts.push(seg.text);
        const options = translationOptions(seg.phrases, { text: seg.shown ?? seg.text, how: "vocabulary" });
        // a Japanese company name romanises its words as often as it translates them (工業 kogyo)
        const ja =
          japanese && /^[\u3400-\u9fff]+$/.test(seg.text)
            ? japaneseWordTokens([...seg.text], seg.shown ?? seg.text)
            : null;
        if (ja) slots.push({ options: [ja, ...options], langs: ["ja", ...options.map(() => null)] });
        else slots.push({ options });
        break;
      }
      case "dict": {
        const shown = seg.chars.map((c) => c.shown ?? c.char).join("");
        // a general-dictionary word: its translations in every reading, and its own readings
        // (a brand or place name is often romanised, not translated: 浪潮 langchao, 鸭绿江 amnokgang)
        cjkParts.push(seg.text);
        const options = translationOptions(seg.phrases, { text: shown, how: "dictionary" });
        const langs: (ReadingLang | null)[] = options.map(() => null);
        const jaWord = japanese
          ? japaneseWordTokens(
              seg.chars.map((c) => c.char),
              shown,
            )
          : null;
        if (jaWord) {
          options.unshift(jaWord);
          langs.unshift("ja");
        }
        const py = seg.chars.map((c) => c.pinyin).join("");
        if (py) {
          options.push([
            {
              alts: [py],
              weight: 1,
              cls: "name",
              origin: TokenOrigin.Reading,
              from: { text: shown, how: "pinyin" },
            },
          ]);
          langs.push("zh");
        }
        const ko = koreanWordReadings(seg.chars, true);
        if (ko.length > 0) {
          // compared like a transliteration: North Korean names are spelt in several romanisations
          options.push([
            {
              alts: ko,
              weight: 1,
              cls: "name",
              origin: TokenOrigin.Transliterated,
              from: { text: shown, how: "korean" },
            },
          ]);
          langs.push("ko");
        }
        // a place name inside a brand (铁山 Tieshan, also iron + mountain: IronMountain); last, so
        // that it only takes room left by the readings
        const meanings = seg.proper ? characterTranslation(seg.chars) : null;
        if (meanings) {
          options.push(meanings);
          langs.push(null);
        }
        slots.push({ options, langs });
        break;
      }
      case "kana":
        cjkParts.push(seg.text);
        if (seg.romaji.length > 0) {
          slots.push({
            options: [
              [{ alts: [...seg.romaji], weight: 1, cls: "name", origin: TokenOrigin.Transliterated }],
            ],
          });
        }
        break;
      case "hangul": {
        cjkParts.push(seg.text);
        const syl = seg.syllables;
        const chars = [...seg.text];
        if (syl.length <= 4) {
          // a Korean name word: syllables are discrete readings (exact match, several spellings)
          const tokens: Token[] = syl.map((s, i) => {
            const sur = i === 0 ? (KOREAN_SURNAMES[chars[0] ?? ""] ?? []) : [];
            const given = (syl.length === 2 || syl.length === 3) && i >= syl.length - 2;
            return {
              alts: [...new Set([...koreanSyllableVariants(s.rr, s.mr), ...sur])],
              weight: 1,
              cls: "name" as const,
              origin: TokenOrigin.Reading,
              ...(given ? { seq: 1 + slots.length } : {}),
            };
          });
          slots.push({ options: [tokens], langs: ["ko"] });
        } else {
          const rr = syl.map((s) => s.rr).join("");
          const mr = syl.map((s) => s.mr).join("");
          const loan = syl
            .map((s) => s.loan)
            .join("")
            .replace(/ll/g, "l");
          slots.push({
            options: [
              [
                {
                  alts: [...new Set([rr, mr, loan])],
                  weight: 1,
                  cls: "name",
                  origin: TokenOrigin.Transliterated,
                },
              ],
            ],
          });
        }
        break;
      }
      case "han": {
        cjkParts.push(seg.text);
        const chars = seg.chars;
        const personLike =
          wholeNameIsOneRun && nameLike.length === 1 && chars.length >= 2 && chars.length <= 4;
        if (personLike) {
          // surname + given-name syllables; pinyin and Sino-Korean readings as alternatives
          const surnameLen = chars.length >= 3 && isCompoundSurname(chars[0]!.char + chars[1]!.char) ? 2 : 1;
          const reading = (alts: readonly string[], text?: string, how?: TokenHow): Token => ({
            alts: [...new Set(alts)].filter(Boolean),
            weight: 1,
            cls: "name",
            origin: TokenOrigin.Reading,
            ...(text && how ? { from: { text, how } } : {}),
          });
          const sur = chars.slice(0, surnameLen);
          // … each with its Wade–Giles spelling as a variant (蔡其昌 cai qi chang = Tsai Chi-chang)
          const withWadeGiles = (t: Token, syllables: string[]): Token => {
            const wg = wadeGilesOf(syllables);
            return wg && !t.alts.includes(wg) ? { ...t, variants: [{ alt: wg, rule: "wadeGiles" }] } : t;
          };
          const zh = [
            withWadeGiles(
              reading(
                [sur.map((c) => c.pinyin).join("")],
                sur.map((c) => c.shown ?? c.char).join(""),
                "pinyin",
              ),
              sur.map((c) => c.pinyin),
            ),
            ...chars
              .slice(surnameLen)
              .map((c) => withWadeGiles(reading([c.pinyin], c.shown ?? c.char, "pinyin"), [c.pinyin])),
          ];
          const ko = chars.map((c) => reading(c.korean, c.shown ?? c.char, "korean"));
          const options: Token[][] = [zh.filter((t) => t.alts.length > 0)];
          const langs: ReadingLang[] = ["zh"];
          if (looksTranscribed(chars.map((c) => c.char))) {
            // 鲁比欧 = Rubio, 布朗巴克 = Brownback: also compare the whole word like a transliteration,
            // with the transcription conventions decoded
            const py = chars.map((c) => c.pinyin).join("");
            const tok: Token = { alts: [py], weight: 1, cls: "name", origin: TokenOrigin.Transliterated };
            const decoded = decodeChineseTranscription(chars.map((c) => c.pinyin));
            if (decoded.length > 0) tok.variants = decoded.map((alt) => ({ alt, rule: "zhForeign" }));
            options.push([tok]);
            langs.push("zh");
            const tr = transcriptionToken(chars);
            if (tr) {
              options.push([tr]);
              langs.push("zh");
            }
          }
          if (ko.every((t) => t.alts.length > 0)) {
            options.push(ko);
            langs.push("ko");
          }
          // Japanese reading of a kanji name: family name + given name (山田太郎 → yamada taro)
          const cs = chars.map((c) => c.char);
          const shownOf = (part: string[]) =>
            part.map((c) => chars.find((x) => x.char === c)?.shown ?? c).join("");
          const jaReading = (part: string[]): Token | null => {
            const alts = japaneseReadings(part, 16, "person");
            return alts.length > 0 ? reading(alts, shownOf(part), "japanese") : null;
          };
          // … not for a transcribed foreign name (奥布莱恩 O'Brien), whose characters also have
          // Japanese readings that only bring chance matches — unless a Japanese legal form says the
          // name is Japanese (东金株式会社 Tokin)
          const splits =
            looksTranscribed(cs) && !japanese ? [] : cs.length === 4 ? [2] : cs.length === 3 ? [2, 1] : [1];
          for (const k of splits) {
            const fam = jaReading(cs.slice(0, k));
            const giv = jaReading(cs.slice(k));
            if (fam && giv) {
              options.push([fam, giv]);
              langs.push("ja");
            }
          }
          if (cs.length === 2 && splits.length > 0) {
            const whole = jaReading(cs);
            if (whole) {
              options.push([whole]);
              langs.push("ja");
            }
          }
          slots.push({ options, langs });
        } else {
          const py = chars.map((c) => c.pinyin).join("");
          if (foreignHan) {
            // 弗拉基米尔·普京: a foreign name transcribed into Han compares like a transliteration,
            // and its transcription conventions are decoded (fu la ji mi er → vladimir)
            const decoded = decodeChineseTranscription(chars.map((c) => c.pinyin));
            const tok: Token = { alts: [py], weight: 1, cls: "name", origin: TokenOrigin.Transliterated };
            if (decoded.length > 0) tok.variants = decoded.map((alt) => ({ alt, rule: "zhForeign" }));
            const tr = transcriptionToken(chars);
            slots.push({ options: tr ? [[tok], [tr]] : [[tok]] });
            break;
          }
          const ko = koreanWordReadings(chars, orgContext);
          const jaLong =
            japanese && chars.length > 4
              ? japaneseWordTokens(
                  chars.map((c) => c.char),
                  chars.map((c) => c.shown ?? c.char).join(""),
                )
              : null;
          const ja =
            chars.length <= 4
              ? japaneseReadings(
                  chars.map((c) => c.char),
                  12,
                  japanese ? "org" : "preferred",
                )
              : [];
          const segShown = chars.map((c) => c.shown ?? c.char).join("");
          const tok = (alts: readonly string[], how: TokenHow): Token[] => [
            {
              alts: [...alts],
              weight: 1,
              cls: "name",
              origin: TokenOrigin.Reading,
              from: { text: segShown, how },
            },
          ];
          // a longer stretch of a company name (丹东中盛 dandong zhongsheng): one pinyin syllable per
          // character, so that the list's words (two syllables written together) meet pairs of them
          const options: Token[][] = [
            orgContext && chars.length >= 3 && !looksTranscribed(chars.map((c) => c.char))
              ? chars
                  .filter((c) => c.pinyin)
                  .map((c) => ({
                    alts: [c.pinyin],
                    weight: 1,
                    cls: "name" as const,
                    origin: TokenOrigin.Reading,
                    from: { text: segShown, how: "pinyin" as const },
                  }))
              : tok([py], "pinyin"),
          ];
          const langs: (ReadingLang | null)[] = ["zh"];
          if (looksTranscribed(chars.map((c) => c.char))) {
            options.push([{ alts: [py], weight: 1, cls: "name", origin: TokenOrigin.Transliterated }]);
            langs.push("zh");
            const tr = transcriptionToken(chars);
            if (tr) {
              options.push([tr]);
              langs.push("zh");
            }
          }
          if (ko.length > 0) {
            // in an organisation name compared like a transliteration (North Korean names are
            // spelt in several romanisations); in a person's name as exact syllables
            options.push(
              orgContext
                ? [
                    {
                      alts: ko,
                      weight: 1,
                      cls: "name",
                      origin: TokenOrigin.Transliterated,
                      from: { text: segShown, how: "korean" },
                    },
                  ]
                : tok(ko, "korean"),
            );
            langs.push("ko");
          }
          if (ja.length > 0) {
            options.push(tok(ja, "japanese"));
            langs.push("ja");
          } else if (jaLong) {
            options.push(jaLong);
            langs.push("ja");
          }
          // last, so that it only takes room left by the readings (forms are capped)
          const meanings = orgContext ? characterTranslation(chars) : null;
          if (meanings) {
            options.push(meanings);
            langs.push(null);
          }
          const abbreviation = orgContext ? abbreviationTranslation(chars) : null;
          if (abbreviation) {
            options.push(abbreviation);
            langs.push(null);
          }
          if (py) slots.push({ options, langs });
        }
        break;
      }
    }
  }
  return slots;
}

/** Marks legal-form phrases among plain Latin tokens; returns the remaining tokens. */
function extractLatinLegal(tokens: Token[], legal: LegalClass[]): Token[] {
  const words = tokens.map((t) => t.alts[t.alts.length - 1] ?? "");
  const keep: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const opts = LEGAL_BY_FIRST.get(words[i]!);
    let matched = 0;
    // (only words written as such: a translation, or a Han reading such as Sino-Korean 斯 sa, is
    // not a legal form — the legal forms of a CJK name come from its characters, 公司 株式会社)
    const origin = tokens[i]!.origin;
    if (
      opts &&
      origin !== TokenOrigin.Translation &&
      origin !== TokenOrigin.Reading &&
      origin !== TokenOrigin.Transcription
    ) {
      for (const o of opts) {
        if (
          o.words.every((w, k) => words[i + k] === w) &&
          legalAllowedAt(o.words, i, o.words.length, tokens.length)
        ) {
          matched = o.words.length;
          legal.push(o.cls);
          break;
        }
      }
    }
    if (matched > 0 && keep.length + (tokens.length - i - matched) > 0) {
      i += matched;
    } else {
      keep.push(tokens[i]!);
      i++;
    }
  }
  return keep;
}

function removeHonorifics(tokens: Token[]): Token[] {
  let t = tokens;
  while (t.length > 1 && LATIN_HONORIFICS.has(t[0]!.alts[0]!)) t = t.slice(1);
  while (t.length > 1 && LATIN_HONORIFICS.has(t[t.length - 1]!.alts[0]!)) t = t.slice(0, -1);
  return t;
}

const MAX_FORMS = 8;

/**
 * Gives the Latin name words of one name their spellings under other languages' conventions
 * (Dutch, Hungarian, Baltic case endings), so that Poetin meets Putin and Putinas meets Putin.
 */
function addSpellingVariants(tokens: Token[]): void {
  const words = tokens.map((t) => t.alts[0]!);
  const add = (t: Token, alt: string | null, rule: SpellingRule) => {
    if (!alt || t.alts.includes(alt) || t.variants?.some((v) => v.alt === alt)) return;
    t.variants = [...(t.variants ?? []), { alt, rule }];
  };
  const dutch = dutchVariants(words);
  const baltic = balticVariants(words);
  tokens.forEach((t, i) => {
    add(t, dutch[i] ?? null, "dutch");
    add(t, hungarianVariant(words[i]!), "hungarian");
    add(t, baltic[i] ?? null, "baltic");
  });
}

/** Katakana of the Korean surnames (キム, イ, リ, パク, チェ, チョン…) → their Hangul. */
const KOREAN_SURNAME_KANA = koreanSurnameKatakana(Object.keys(KOREAN_SURNAMES));
const KANA_ONLY = /^[\u30a0-\u30ff]+$/;

/** Romanised spellings of a few candidate Hangul syllables (the most common readings first). */
function koreanReadingToken(hangul: string[], surname: boolean, kana: string): Token {
  const alts: string[] = [];
  for (const h of hangul.slice(0, surname ? 3 : 4)) {
    if (surname) alts.push(...(KOREAN_SURNAMES[h] ?? []));
    const s = hangulSyllables(h)[0];
    if (s) alts.push(...koreanSyllableVariants(s.rr, s.mr).slice(0, surname ? 4 : 6));
  }
  return {
    alts: [...new Set(alts)].slice(0, 14),
    weight: 1,
    cls: "name",
    origin: TokenOrigin.Reading,
    from: { text: `${kana} → ${hangul.slice(0, 3).join("/")}`, how: "koreanKana" },
  };
}

/**
 * A Korean personal name in katakana, as Japanese documents write it (キム・ヨンチョル, キムヨンチョル):
 * a Korean surname's usual katakana, then one to three syllables of given name. Read back into the
 * Korean syllables it transcribes (korean-kana.ts), one token per syllable as for Hangul. Null when
 * the name does not have that shape.
 */
function koreanKatakanaForm(words: string[]): NameForm | null {
  if (words.length === 0 || words.length > 3 || !words.every((w) => KANA_ONLY.test(w))) return null;
  let surname: string[] | undefined;
  let surnameKana = words[0]!;
  let rest: string[] = words.slice(1);
  if (words.length === 1) {
    // glued (キムヨンチョル): the longest surname katakana at the start
    const w = words[0]!;
    for (let len = Math.min(4, w.length - 1); len >= 1 && !surname; len--) {
      surname = KOREAN_SURNAME_KANA.get(w.slice(0, len));
      surnameKana = w.slice(0, len);
      rest = [w.slice(len)];
    }
  } else surname = KOREAN_SURNAME_KANA.get(words[0]!);
  if (!surname) return null;
  const given: { kana: string; hangul: string[] }[] = [];
  for (const w of rest) {
    const syl = katakanaToHangul(w);
    if (!syl) return null;
    given.push(...syl);
  }
  if (given.length === 0 || given.length > 3) return null;
  const tokens = [
    koreanReadingToken(surname, true, surnameKana),
    ...given.map((g, i) => ({
      ...koreanReadingToken(g.hangul, false, g.kana),
      ...(given.length >= 2 && i >= given.length - 2 ? { seq: 1 } : {}),
    })),
  ];
  return { tokens, fidelity: FIDELITY.reading, method: "reading", lang: "ko" };
}

/**
 * Fidelity of a form that uses a CC-CEDICT proper name: a little below a direct match in letters
 * (0.99), above a word-by-word translation (0.93) — the dictionary's name of a body (北京理工大学
 * Beijing Institute of Technology) is better evidence than the translation of its words
 * (university of science and technology).
 */
const DICTIONARY_NAME_FIDELITY = 0.95;
/** … and of one that expands an abbreviation: the short form may stand for more than one body. */
const ABBREVIATION_FIDELITY = 0.93;
/** At most this many forms come from CC-CEDICT names, so that the forms stay few. */
const MAX_CEDICT_FORMS = 4;
/** … and one more form for each further name of an entry (the third: CAPF after PAP). */
const FIRST_REWRITES = 2;

/**
 * Forms of a Han name rewritten with CC-CEDICT's proper names and abbreviations (清华大学 → Tsinghua
 * University, 中国商飞 → 中国商用飞机 → COMAC): each word the dictionary supplied carries its step
 * (the entry used) for the explanation, and the form is capped a little below a direct match.
 */
function cedictForms(text: string): NameForm[] {
  const out: NameForm[] = [];
  const extra: NameForm[] = [];
  for (const [ri, r] of cedictRewrites(text).entries()) {
    const later = ri >= FIRST_REWRITES;
    if (!later && out.length >= MAX_CEDICT_FORMS) continue;
    const byWord = new Map<string, CedictStep>();
    for (const s of r.steps)
      if (s.english) for (const w of splitWords(foldText(s.english))) byWord.set(w.word, s);
    const expanded = r.steps.filter((s) => s.full && !s.english);
    // "北京理工大学 [Bei3 jing1 Li3 gong1 Da4 xue2]", "清华 = 清华大学 [Qing1 hua2 Da4 xue2]": the entry used
    const source = (s: CedictStep): TokenSource => {
      const headword = s.entry.split(" ")[0]!;
      const entry = s.from === headword || foldHan(s.from) === headword ? s.entry : `${s.from} = ${s.entry}`;
      return { text: entry, how: s.how };
    };
    for (const f of analyzeName(r.text, false).forms) {
      let fromDictionary = false;
      let abbreviation = false;
      const tokens = f.tokens.map((t) => {
        const step =
          (t.origin === TokenOrigin.Latin ? t.alts.map((a) => byWord.get(a)).find(Boolean) : undefined) ??
          (t.from ? expanded.find((s) => s.full!.includes(t.from!.text)) : undefined);
        if (!step) return t;
        fromDictionary = true;
        if (step.how === "abbreviation") abbreviation = true;
        return {
          ...t,
          origin: t.origin === TokenOrigin.Latin ? TokenOrigin.Translation : t.origin,
          from: source(step),
        };
      });
      if (!fromDictionary) continue;
      const form: NameForm = {
        ...f,
        tokens,
        fidelity: Math.min(f.fidelity, abbreviation ? ABBREVIATION_FIDELITY : DICTIONARY_NAME_FIDELITY),
        method: f.method === "latin" ? "translation" : f.method,
      };
      if (later) {
        extra.push(form);
        break;
      }
      out.push(form);
      if (out.length >= MAX_CEDICT_FORMS) break;
    }
  }
  return [...out, ...extra];
}

/**
 * True for a double-barrelled foreign name written with a dash between two transcriptions
 * (邓肯—史密斯 Duncan-Smith). The dot 「·」 is the usual separator of a foreign name's parts, but a
 * hyphenated surname keeps its dash; a dash also joins the parts of an organisation name
 * (中国—东盟), so at least half of the characters, and some on each side, must be transcription
 * characters (邓 and 史 are not: they are common Chinese surnames too).
 */
export function dashJoinedTranscription(text: string): boolean {
  const m = /^([\u3400-\u9fff]{2,})\s*[-‐‑‒–—―－]{1,2}\s*([\u3400-\u9fff]{2,})$/.exec(text.trim());
  if (m === null) return false;
  const [a, b] = [[...m[1]!], [...m[2]!]];
  return transcriptionShare([...a, ...b]) >= 0.5 && transcriptionShare(a) > 0 && transcriptionShare(b) > 0;
}

/**
 * Analyses a name: normalisation, script detection, romanisation/translation of every word,
 * legal-form extraction and weighting. Pure and deterministic. `withDictionaryNames` adds the forms
 * that CC-CEDICT's names and abbreviations give (off inside that rewrite itself).
 */
export function analyzeName(name: string, withDictionaryNames = true): AnalyzedName {
  const folded = foldText(name);
  const identity = splitWords(folded)
    .map((w) => w.word)
    .join(" ");
  const script = dominantScript(folded);
  const legal: LegalClass[] = [];
  const cjkParts: string[] = [];

  let text = stripCjkHonorifics(folded);
  text = reorderCommaName(text, isLegalTail);
  const words = splitWords(text);
  const cjkWordCount = words.filter((w) => /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(w.word)).length;

  const foreignHan = /[\u3400-\u9fff][·・•‧][\u3400-\u9fff]/.test(text) || dashJoinedTranscription(text);
  // on the folded name, so that ㈱ / (株) count as 株式会社 exactly as they do for the tokens
  const japanese = JAPANESE_CONTEXT.test(folded);
  const slots: Slot[] = [];
  const latinNames: Token[] = [];
  let pendingAbd = false;
  for (const [wi, { word, initial }] of words.entries()) {
    if (OTHER_HONORIFICS.has(word) && words.length > 1) continue;
    const runs = splitScriptRuns(word);
    for (const run of runs) {
      switch (run.script) {
        case "latin":
        case "digit": {
          let w = run.text;
          if (/[^a-z0-9]/.test(w))
            w = anyAscii(w)
              .toLowerCase()
              .replace(/[^a-z0-9]/g, "");
          if (w) {
            const tok = latinToken(w, TokenOrigin.Latin, initial);
            if (tok.cls === "name" && !LATIN_HONORIFICS.has(w)) latinNames.push(tok);
            slots.push({ options: [[tok]] });
          }
          break;
        }
        case "han":
        case "hangul": {
          const segs = segmentCjk(run.text);
          slots.push(
            ...cjkSlots(segs, cjkWordCount === 1 && runs.length === 1, foreignHan, legal, cjkParts, japanese),
          );
          break;
        }
        default: {
          const alts = romanizeWord(run.text, run.script);
          if (alts.length === 0) break;
          const origin = isAbjad(run.script)
            ? TokenOrigin.Abjad
            : isAbugida(run.script)
              ? TokenOrigin.Abugida
              : TokenOrigin.Transliterated;
          const primary = alts[0]!;
          if (run.script === "arabic" && primary === "abd" && wi + 1 < words.length) {
            // عبد الله, عبد الرحمن: one compound name, written as one word in Latin lists
            pendingAbd = true;
            break;
          }
          if (pendingAbd) {
            pendingAbd = false;
            const rest = primary.startsWith("al") ? primary.slice(2) : primary;
            const joinedAlts = [`abd${primary}`, `abdul${rest}`, `abdal${rest}`, `abdel${rest}`];
            slots.push({ options: [[{ ...latinToken(joinedAlts[0]!, origin, false, joinedAlts), origin }]] });
            break;
          }
          if (run.script === "arabic" && primary.startsWith("al") && primary.length > 4) {
            slots.push({ options: [[latinToken("al", origin, false)]] });
            slots.push({ options: [[latinToken(primary.slice(2), origin, false)]] });
            break;
          }
          const singles = alts.filter((a) => !a.includes(" "));
          const tok = latinToken(
            singles[0] ?? primary,
            origin,
            initial || [...run.text].length === 1,
            singles,
          );
          slots.push({ options: [[{ ...tok, origin }]] });
        }
      }
    }
  }

  addSpellingVariants(latinNames);

  // Expand slot alternatives into forms (bounded), one reading language at a time.
  const langsUsed = new Set<ReadingLang>();
  for (const slot of slots) for (const l of slot.langs ?? []) if (l) langsUsed.add(l);
  const forms: Token[][] = [];
  const formLangs: (ReadingLang | null)[] = [];
  const passes: (ReadingLang | null)[] =
    langsUsed.size === 0 ? [null] : (["zh", "ko", "ja"] as const).filter((l) => langsUsed.has(l));
  for (const lang of passes) {
    let partial: Token[][] = [[]];
    let feasible = true;
    for (const slot of slots) {
      const opts =
        slot.langs && lang
          ? slot.options.filter((_, k) => slot.langs![k] === lang || slot.langs![k] === null)
          : slot.options;
      if (opts.length === 0) {
        feasible = false;
        break;
      }
      // every partial form continues with the slot's first option; the other options are added
      // (earliest partials first) while there is room
      const next: Token[][] = partial.map((f) => [...f, ...opts[0]!]);
      for (let k = 1; k < opts.length && next.length < MAX_FORMS; k++) {
        for (const f of partial) {
          if (next.length >= MAX_FORMS) break;
          next.push([...f, ...opts[k]!]);
        }
      }
      partial = next;
    }
    if (feasible) {
      forms.push(...partial);
      for (let k = 0; k < partial.length; k++) formLangs.push(lang);
    }
  }

  const legalSeen = new Set<LegalClass>(legal);
  const outForms: NameForm[] = [];
  for (const [fi, f] of forms.entries()) {
    const formLegal: LegalClass[] = [];
    let tokens = extractLatinLegal(removeHonorifics(f), formLegal);
    for (const c of formLegal) legalSeen.add(c);
    tokens = tokens.filter((t) => t.alts.length > 0 && t.alts[0]!.length > 0);
    if (tokens.length === 0) continue;
    let method: FormMethod = "latin";
    for (const t of tokens) {
      const m = originMethod(t.origin);
      if (METHOD_RANK.indexOf(m) > METHOD_RANK.indexOf(method)) method = m;
    }
    const lang = formLangs[fi];
    outForms.push({ tokens, fidelity: FIDELITY[method], method, ...(lang ? { lang } : {}) });
  }

  // a Korean name in katakana also reads as the Korean syllables it transcribes
  const korean = koreanKatakanaForm(words.map((w) => w.word));
  if (korean) outForms.push(korean);

  // a Han name that CC-CEDICT knows as a proper name or abbreviation also reads as that name
  if (withDictionaryNames && cjkParts.length > 0) outForms.push(...cedictForms(text));

  const cjk = cjkParts.length > 0 ? cjkParts.join("") : null;
  const cjkHangul = cjk && /[\u3400-\u9fff]/.test(cjk) ? hanToHangul(cjk) : null;
  return {
    original: name,
    identity,
    script,
    legal: [...legalSeen],
    forms: outForms,
    cjk,
    cjkHangul: cjkHangul && cjkHangul !== cjk ? cjkHangul : null,
  };
}
