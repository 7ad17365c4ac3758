/**
 * Han, kana and Hangul handling: variant folding (Japanese shinjitai / traditional / simplified),
 * segmentation into legal forms, vocabulary words and unknown stretches, and readings of the
 * unknown stretches (Mandarin pinyin, Sino-Korean, kana romaji). It exists because CJK names
 * have no spaces, mix translated words with transcribed proper names, and are read differently
 * in each language.
 */

import hanjaTable from "hanja/lib/data/hanjaeum.json" with { type: "json" };
import OpenCC from "opencc-js";
import { pinyin } from "pinyin-pro";
import { longestWordFrom, lookupWord } from "./dictionary.js";
import { JAPANESE_READING_ENTRIES, kanjidicReadings, sokuon, withRendaku } from "./japanese-readings.js";
import { BoundedCache } from "./memo.js";
import { scriptOf } from "./scripts.js";
import {
  clearSyllableVariants,
  hangulSyllables,
  KOREAN_SURNAMES,
  koreanSyllableVariants,
  romanizeWord,
} from "./transliterate.js";
import {
  HAN_LEGAL_FORMS,
  HAN_VOCABULARY,
  HANGUL_LEGAL_FORMS,
  HANGUL_VOCABULARY,
  KANA_LEGAL_FORMS,
  KANA_VOCABULARY,
  type LegalClass,
} from "./vocabulary.js";
import { clearWadeGiles } from "./wade-giles.js";

const jpToTraditional = OpenCC.Converter({ from: "jp", to: "t" });
const traditionalToSimplified = OpenCC.Converter({ from: "t", to: "cn" });
const simplifiedToTraditional = OpenCC.Converter({ from: "cn", to: "t" });
const traditionalToJapanese = OpenCC.Converter({ from: "t", to: "jp" });
const HANJA = hanjaTable as Record<string, string>;

const foldCache = new Map<string, string>();

/**
 * Folds Han characters to one canonical variant (simplified Chinese) so that 軍需工業部 (Japanese),
 * 軍需工業部 (traditional) and 军需工业部 (simplified) compare equal. Kana and Hangul pass through.
 */
export function foldHan(text: string): string {
  if (!/[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3ffff}]/u.test(text)) return text;
  const cached = foldCache.get(text);
  if (cached !== undefined) return cached;
  const folded = traditionalToSimplified(jpToTraditional(text));
  // OpenCC converts phrase-wise; keep a 1:1 character alignment for readings.
  const out = [...folded].length === [...text].length ? folded : [...text].map((c) => foldChar(c)).join("");
  if (foldCache.size > 50_000) foldCache.clear();
  foldCache.set(text, out);
  return out;
}

function foldChar(c: string): string {
  const f = traditionalToSimplified(jpToTraditional(c));
  return [...f].length === 1 ? f : c;
}

/** Traditional form of a Han string (the Sino-Korean table is keyed by traditional characters). */
function toTraditional(text: string): string {
  const t = jpToTraditional(text);
  return [...t].length === [...text].length ? t : text;
}

export type VocabularyEntry = { kind: "vocab"; phrases: string[][] } | { kind: "legal"; legal: LegalClass };

const VOCAB = new Map<string, VocabularyEntry>();
/** Length (in characters) of the longest vocabulary key starting with each character. */
const VOCAB_LONGEST_FROM = new Map<string, number>();

function addVocabulary(keys: string, english: string | null, legal?: LegalClass): void {
  for (const raw of keys.split("/")) {
    const key = foldHan(raw.normalize("NFKC"));
    if (!key) continue;
    const cs = [...key];
    VOCAB_LONGEST_FROM.set(cs[0]!, Math.max(VOCAB_LONGEST_FROM.get(cs[0]!) ?? 0, cs.length));
    if (legal) VOCAB.set(key, { kind: "legal", legal });
    else if (english) {
      const phrases = english.split("|").map((p) => p.split(" ").filter(Boolean));
      if (!VOCAB.has(key)) VOCAB.set(key, { kind: "vocab", phrases });
    }
  }
}

for (const [k, cls] of [...HAN_LEGAL_FORMS, ...HANGUL_LEGAL_FORMS, ...KANA_LEGAL_FORMS])
  addVocabulary(k, null, cls);
for (const [k, en] of [...HAN_VOCABULARY, ...HANGUL_VOCABULARY, ...KANA_VOCABULARY]) addVocabulary(k, en);

/** A piece of a CJK run. */
export type CjkSegment =
  | { kind: "legal"; text: string; legal: LegalClass }
  | { kind: "vocab"; text: string; phrases: string[][]; shown?: string }
  | { kind: "han"; text: string; chars: HanReading[] }
  /** A word found in the general dictionary (CC-CEDICT): translations, and readings as alternatives. */
  | { kind: "dict"; text: string; phrases: string[][]; chars: HanReading[]; proper?: boolean }
  | { kind: "kana"; text: string; romaji: string[] }
  | { kind: "hangul"; text: string; syllables: { rr: string; mr: string; loan: string }[] };

/** One Han character (folded), its readings, and the character as the user wrote it. */
export type HanReading = {
  char: string;
  pinyin: string;
  korean: string[];
  shown?: string;
  /** The reading without the initial-sound rule, as North Korean names keep it (連 련 ryon). */
  northKorean?: string;
};

/** Compound Chinese surnames (two characters). */
const COMPOUND_SURNAMES = new Set(
  [
    "欧阳",
    "司马",
    "诸葛",
    "上官",
    "司徒",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "长孙",
    "宇文",
    "夏侯",
    "令狐",
    "南宫",
  ].map((s) => foldHan(s)),
);

/**
 * Empties the memoised readings and segmentations (tests compare memoised analyses with fresh ones;
 * the caches are bounded, so nothing else needs this).
 */
export function clearAnalysisCaches(): void {
  HAN_READINGS_CACHE.clear();
  SEGMENT_CACHE.clear();
  JA_READINGS_CACHE.clear();
  clearSyllableVariants();
  clearWadeGiles();
}

/** Readings of a Han stretch by (word-initial flag, text): surnames and given names repeat. */
const HAN_READINGS_CACHE = new BoundedCache<string, readonly HanReading[]>(20_000);

/** Readings of each character of a folded Han stretch (memoised; the result is frozen). */
function hanReadings(text: string, wordInitial: boolean): readonly HanReading[] {
  const key = wordInitial ? `1${text}` : `0${text}`;
  const cached = HAN_READINGS_CACHE.get(key);
  if (cached) return cached;
  const out = computeHanReadings(text, wordInitial);
  HAN_READINGS_CACHE.set(key, out);
  return out;
}

function computeHanReadings(text: string, wordInitial: boolean): HanReading[] {
  const chars = [...text];
  const py = pinyin(text, { toneType: "none", type: "array", surname: wordInitial ? "head" : "off" });
  const trad = [...toTraditional(text)];
  return chars.map((char, i) => {
    const hangul = HANJA[trad[i] ?? char] ?? HANJA[char];
    const korean: string[] = [];
    let northKorean: string | undefined;
    if (hangul) {
      let syl = hangul;
      // initial-sound rule (두음법칙): 李 리 → 이, 柳 류 → 유 at the start of a word (South Korean
      // usage); North Korean names keep the original sound (連峰 련봉 Ryonbong, 綾羅 릉라 Rungra)
      if (i === 0) syl = initialSoundRule(syl);
      const s = hangulSyllables(syl)[0];
      if (s) korean.push(...koreanSyllableVariants(s.rr, s.mr));
      if (syl !== hangul) northKorean = hangulSyllables(hangul)[0]?.mr;
      const sur = i === 0 ? KOREAN_SURNAMES[syl] : undefined;
      if (sur) korean.push(...sur);
    }
    const p = (py[i] ?? "").replace(/ü|v/g, "u").replace(/[^a-z]/g, "");
    return { char, pinyin: p, korean: [...new Set(korean)], ...(northKorean ? { northKorean } : {}) };
  });
}

function initialSoundRule(syl: string): string {
  const cp = syl.codePointAt(0)!;
  if (cp < 0xac00 || cp > 0xd7a3) return syl;
  const idx = cp - 0xac00;
  const ini = Math.floor(idx / 588);
  const med = Math.floor((idx % 588) / 28);
  const fin = idx % 28;
  const yMedials = new Set([2, 6, 7, 12, 17, 20]); // ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ
  let newIni = ini;
  if (ini === 2 && yMedials.has(med))
    newIni = 11; // ㄴ → ㅇ
  else if (ini === 5) newIni = yMedials.has(med) ? 11 : 2; // ㄹ → ㅇ / ㄴ
  return String.fromCodePoint(0xac00 + newIni * 588 + med * 28 + fin);
}

type CharKind = "han" | "kana" | "hangul";

function charKind(c: string): CharKind | null {
  const s = scriptOf(c.codePointAt(0)!);
  if (s === "han") return "han";
  if (s === "kana") return c === "ー" || c === "・" ? "kana" : "kana";
  if (s === "hangul") return "hangul";
  return null;
}

/**
 * Splits a run of CJK/Hangul characters (no spaces) into legal forms, vocabulary words and
 * unknown stretches, longest match first. `text` must already be NFKC-normalised.
 */
export function segmentCjk(text: string): readonly CjkSegment[] {
  const cached = SEGMENT_CACHE.get(text);
  if (cached) return cached;
  const out = computeSegments(text);
  SEGMENT_CACHE.set(text, out);
  return out;
}

/**
 * Segmentations by run text. Small: it mostly serves the CC-CEDICT rewrite, which segments the
 * run the analysis has just segmented (and repeated person names in Han and Hangul).
 */
const SEGMENT_CACHE = new BoundedCache<string, readonly CjkSegment[]>(4096);

function computeSegments(text: string): CjkSegment[] {
  const folded = [...foldHan(text)];
  const original = [...text];
  const segments: CjkSegment[] = [];
  let pending: { kind: CharKind; start: number } | null = null;
  const flush = (end: number) => {
    if (!pending) return;
    const piece = original.slice(pending.start, end).join("");
    const foldedPiece = folded.slice(pending.start, end).join("");
    if (pending.kind === "han") {
      const shown = [...piece];
      segments.push({
        kind: "han",
        text: foldedPiece,
        chars: hanReadings(foldedPiece, segments.length === 0).map((r, k) => ({
          ...r,
          shown: shown[k] ?? r.char,
        })),
      });
    } else if (pending.kind === "kana") {
      segments.push({ kind: "kana", text: piece, romaji: romanizeWord(piece, "kana") });
    } else {
      segments.push({ kind: "hangul", text: piece, syllables: hangulSyllables(piece) });
    }
    pending = null;
  };
  // offsets of each character in the folded string: a key is one slice of it
  const foldedText = folded.join("");
  const offsets = new Array<number>(folded.length + 1);
  offsets[0] = 0;
  for (let k = 0; k < folded.length; k++) offsets[k + 1] = offsets[k]! + folded[k]!.length;
  let i = 0;
  while (i < folded.length) {
    let matched = 0;
    let entry: VocabularyEntry | undefined;
    // (no key starting with this character is longer than VOCAB_LONGEST_FROM says)
    for (let len = Math.min(VOCAB_LONGEST_FROM.get(folded[i]!) ?? 0, folded.length - i); len >= 1; len--) {
      const key = foldedText.slice(offsets[i]!, offsets[i + len]!);
      const e = VOCAB.get(key);
      if (e) {
        // a single-character word only counts when it stands at the end of a run or next to
        // another known word (部 in 軍需工業部), not inside a proper name
        if (len === 1 && e.kind === "vocab" && !singleCharAllowed(folded, i)) continue;
        matched = len;
        entry = e;
        break;
      }
    }
    if (entry) {
      flush(i);
      const piece = folded.slice(i, i + matched).join("");
      if (entry.kind === "legal") segments.push({ kind: "legal", text: piece, legal: entry.legal });
      else
        segments.push({
          kind: "vocab",
          text: piece,
          phrases: entry.phrases,
          shown: original.slice(i, i + matched).join(""),
        });
      i += matched;
      continue;
    }
    const kind = charKind(folded[i]!);
    if (kind === null) {
      flush(i);
      i++;
      continue;
    }
    if (pending && pending.kind !== kind) flush(i);
    if (!pending) pending = { kind, start: i };
    i++;
  }
  flush(folded.length);
  // An organisation name (five characters or more, or one with a known organisation word or legal
  // form): its unknown stretches are looked up in the general dictionary. Person names (two to
  // four characters) are left to their readings.
  const orgLike = folded.length >= 5 || segments.some((seg) => seg.kind === "vocab" || seg.kind === "legal");
  if (!orgLike) return segments;
  return segments.flatMap((seg) => (seg.kind === "han" ? dictionarySegments(seg) : [seg]));
}

/**
 * True when a stretch begins with a Chinese proper name that CC-CEDICT writes only in pinyin
 * (丹东 Dandong, 大连 Dalian): 丹东富地 is a Chinese place and a brand, not a foreign name written by
 * sound, though its characters are also transcription characters. (A foreign name's entry carries
 * its English spelling: 丹佛 Denver.)
 */
function startsWithChineseName(chars: string[]): boolean {
  for (let len = Math.min(4, chars.length - 1); len >= 2; len--) {
    const entry = lookupWord(chars.slice(0, len).join(""));
    if (entry?.proper && entry.glosses.length === 0) return true;
  }
  return false;
}

/** Splits an unknown Han stretch into dictionary words (longest first) and what remains. */
function dictionarySegments(seg: Extract<CjkSegment, { kind: "han" }>): CjkSegment[] {
  const chars = seg.chars;
  // a transcribed foreign name (斯凯迪奥 Skydio) is read by its sounds, not split into words (迪奥 Dior)
  if (looksTranscribed(chars.map((c) => c.char)) && !startsWithChineseName(chars.map((c) => c.char)))
    return [seg];
  const out: CjkSegment[] = [];
  let rest: HanReading[] = [];
  const flushRest = () => {
    if (rest.length > 0) out.push({ kind: "han", text: rest.map((c) => c.char).join(""), chars: rest });
    rest = [];
  };
  let i = 0;
  while (i < chars.length) {
    let found = 0;
    // (no dictionary word starting with this character is longer than longestWordFrom says)
    for (let len = Math.min(longestWordFrom(chars[i]!.char), chars.length - i); len >= 2 && !found; len--) {
      const word = chars
        .slice(i, i + len)
        .map((c) => c.char)
        .join("");
      const entry = lookupWord(word);
      if (entry) {
        flushRest();
        out.push({
          kind: "dict",
          text: word,
          phrases: entry.glosses,
          chars: chars.slice(i, i + len),
          ...(entry.proper ? { proper: true } : {}),
        });
        found = len;
      }
    }
    if (found) i += found;
    else rest.push(chars[i++]!);
  }
  flushRest();
  return out;
}

function singleCharAllowed(chars: string[], i: number): boolean {
  if (i === chars.length - 1) return i > 0; // final 部/局/省 after something else
  // … or just before the legal form (朝鮮連峰総会社: 総 general)
  return i > 0 && VOCAB.get(chars.slice(i + 1).join(""))?.kind === "legal";
}

/** Most vocabulary words one character may abbreviate before the expansion is too ambiguous to use. */
const MAX_ABBREVIATED_WORDS = 6;
let byFirstChar: Map<string, { word: string; phrases: string[][] }[]> | null = null;

/**
 * The organisation words of the curated vocabulary (two or three characters) that start with one
 * (folded) character, when there are at most three of them: the words a Chinese abbreviation keeps
 * the first character of (中船重工 = 中国船舶重工: 船 → 船舶 shipbuilding; 电科 = 电子科技: 电 → 电子
 * electronics). [] when none or too many (a character that begins many words says little).
 */
export function abbreviatedWords(char: string): { word: string; phrases: string[][] }[] {
  if (!byFirstChar) {
    byFirstChar = new Map();
    for (const [key, e] of VOCAB) {
      const cs = [...key];
      if (e.kind !== "vocab" || cs.length < 2 || cs.length > 3 || !/^[\u3400-\u9fff]+$/.test(key)) continue;
      const list = byFirstChar.get(cs[0]!) ?? [];
      list.push({ word: key, phrases: e.phrases });
      byFirstChar.set(cs[0]!, list);
    }
  }
  const words = byFirstChar.get(char) ?? [];
  return words.length <= MAX_ABBREVIATED_WORDS ? words : [];
}

/** Hangul reading of a Han string (for comparing 金正恩 with an original-script 김정은). */
export function hanToHangul(text: string): string {
  const trad = [...toTraditional(text)];
  return trad
    .map((c, i) => {
      const h = HANJA[c];
      if (!h) return c;
      return i === 0 ? initialSoundRule(h) : h;
    })
    .join("");
}

const JA_READINGS = new Map<string, string[]>();
for (const [k, v] of JAPANESE_READING_ENTRIES) {
  for (const key of new Set([k, foldHan(k)])) {
    JA_READINGS.set(key, [...new Set([...(JA_READINGS.get(key) ?? []), ...v])]);
  }
}

const JA_CHAR_CACHE = new Map<string, string[]>();

/**
 * How broadly a character is read in Japanese: `preferred` only the name readings of the table
 * above (a Han name that need not be Japanese at all: 文 王 is not Fumi O); `org` adds KANJIDIC2's
 * on'yomi and kun'yomi (a Japanese company name: 日东电工, 株式会社 beside it); `person` also whole
 * kun'yomi words (a one-word kanji personal name: 岩崎茂 Iwasaki Shigeru).
 */
export type JapaneseReadingMode = "preferred" | "org" | "person";

/**
 * Japanese readings of one folded (simplified) character, most likely for a name first: the
 * preferred name readings, then KANJIDIC2's on'yomi and kun'yomi of the character, of its
 * traditional form and of its Japanese (shinjitai) form — 东 is read as 東 (to), 电 as 電 (den),
 * 冲 as 沖 (oki). With `person`, also whole kun'yomi words (茂 shigeru). Nanori (name-only
 * readings) are left out: KANJIDIC lists many rare ones per character, and measured on the
 * Chinese-name evals they only brought chance matches.
 */
export function japaneseCharReadings(char: string, mode: JapaneseReadingMode = "org"): string[] {
  const person = mode === "person";
  const key = `${mode}${char}`;
  const cached = JA_CHAR_CACHE.get(key);
  if (cached) return cached;
  const trad = simplifiedToTraditional(char);
  const forms = [...new Set([char, trad, traditionalToJapanese(trad)].filter((c) => [...c].length === 1))];
  const out: string[] = [...(JA_READINGS.get(char) ?? [])];
  if (mode === "preferred") {
    JA_CHAR_CACHE.set(key, out);
    return out;
  }
  const entries = forms.map((c) => kanjidicReadings(c)).filter((e) => e !== null);
  for (const e of entries) out.push(...e.on);
  for (const e of entries) out.push(...e.kunStems);
  if (person) {
    for (const e of entries) out.push(...e.kunWords);
  }
  const unique = [...new Set(out.filter((r) => r.length > 0))].slice(0, person ? 8 : 6);
  if (JA_CHAR_CACHE.size > 50_000) JA_CHAR_CACHE.clear();
  JA_CHAR_CACHE.set(key, unique);
  return unique;
}

/**
 * Japanese readings of a (folded) kanji string as whole-word spellings (东芝 → toshiba, 日东 →
 * nitto), or [] when a character has no known reading. Combinations are ranked by how likely each
 * character's reading is (preferred and on'yomi first), with rendaku on non-initial characters and
 * sokuon between two readings; capped to keep the alternatives few.
 */
export function japaneseReadings(
  chars: readonly string[],
  cap = 24,
  mode: JapaneseReadingMode = "preferred",
): readonly string[] {
  const key = `${mode}\u0001${cap}\u0001${chars.join("\u0001")}`;
  const cached = JA_READINGS_CACHE.get(key);
  if (cached) return cached;
  const out = computeJapaneseReadings(chars, cap, mode);
  JA_READINGS_CACHE.set(key, out);
  return out;
}

/** Japanese readings of kanji words by (mode, cap, characters): family and given names repeat. */
const JA_READINGS_CACHE = new BoundedCache<string, readonly string[]>(20_000);

function computeJapaneseReadings(chars: readonly string[], cap: number, mode: JapaneseReadingMode): string[] {
  let acc: { s: string; rank: number; last: string }[] = [{ s: "", rank: 0, last: "" }];
  for (let i = 0; i < chars.length; i++) {
    const r = japaneseCharReadings(chars[i]!, mode);
    if (r.length === 0) return [];
    const opts = r.flatMap((x, k) =>
      i === 0 ? [{ o: x, rank: k }] : withRendaku(x).map((o, v) => ({ o, rank: k + v * 1.5 })),
    );
    const next: { s: string; rank: number; last: string }[] = [];
    for (const a of acc) {
      for (const { o, rank } of opts) {
        next.push({ s: a.s + o, rank: a.rank + rank, last: o });
        const gem = a.last ? sokuon(a.last, o) : null;
        if (gem) next.push({ s: a.s.slice(0, -a.last.length) + gem, rank: a.rank + rank + 0.5, last: o });
      }
    }
    next.sort((x, y) => x.rank - y.rank);
    acc = next.slice(0, cap * 4);
  }
  return [...new Set(acc.map((a) => a.s))].slice(0, cap);
}

/**
 * Characters of the standard Chinese transcription table for foreign names (布朗巴克 Brownback,
 * 蓬佩奥 Pompeo). A word made almost only of them is probably a transcribed foreign name.
 */
const TRANSCRIPTION_CHARS = new Set(
  [
    ..."阿埃艾安昂奥巴拜班邦贝本比彼宾波伯博布采查达戴丹道德登迪蒂丁东杜顿多厄恩尔法凡范菲费芬丰弗福富盖甘冈戈格根古瓜哈海汉豪赫亨华惠霍基吉加贾杰卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾里利莉丽列琳隆卢鲁路伦罗洛马玛迈麦曼梅门蒙米密莫默姆穆纳娜奈内尼纽努诺欧帕潘佩彭皮珀普奇齐乔切琼丘瑞萨塞赛桑瑟森沙珊尚舍施斯松苏索塔泰坦汤特提汀图托瓦万威韦维温沃乌伍西希锡辛休雅亚扬耶伊因尤约扎詹兹茨蓬泽夫廷顿什宁金农钦楚逊",
  ].map((c) => foldHan(c)),
);

/**
 * True when a Han word reads like a transcribed foreign name: three quarters of its characters (both
 * of a two-character word: 霍利 Hawley, 罗斯 Ross) from the transcription table.
 */
export function looksTranscribed(chars: string[]): boolean {
  return chars.length >= 2 && transcriptionShare(chars) >= 0.75;
}

/** The share of a Han word's characters that are in the transcription table (0 for no characters). */
export function transcriptionShare(chars: string[]): number {
  if (chars.length === 0) return 0;
  let n = 0;
  for (const c of chars) if (TRANSCRIPTION_CHARS.has(c)) n++;
  return n / chars.length;
}

/** True when the folded string is a compound surname. */
export function isCompoundSurname(folded: string): boolean {
  return COMPOUND_SURNAMES.has(folded);
}
