/**
 * Script-specific romanisation of one word. Lists are mostly written in Latin letters while
 * queries arrive in any script, so every non-Latin word is turned into one or more lower-case
 * ASCII spellings that the Latin comparison can work with. Where a script has competing
 * conventions (Hangul: Revised Romanisation and McCune–Reischauer; katakana loanwords), all
 * plausible spellings are returned; the first is the primary one.
 */
import anyAscii from "any-ascii";
import { BoundedCache } from "./memo.js";
import type { Script } from "./scripts.js";

// ---------------------------------------------------------------------------------------------
// Cyrillic (Russian, Ukrainian, Belarusian, Serbian…) — BGN/PCGN-like ASCII
const CYRILLIC: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  і: "i",
  ї: "yi",
  є: "ye",
  ґ: "g",
  ў: "u",
  ђ: "dj",
  ј: "j",
  љ: "lj",
  њ: "nj",
  ћ: "c",
  џ: "dz",
  ѓ: "g",
  ќ: "k",
  ѕ: "dz",
  ә: "a",
  ғ: "gh",
  қ: "q",
  ң: "ng",
  ө: "o",
  ұ: "u",
  ү: "u",
  һ: "h",
};

/**
 * Belarusian spells Russian-origin names with ц/дз before soft vowels and ў/у for в
 * (Уладзімір Пуцін = Владимир Путин); undo that so both transliterate alike.
 */
function belarusianToRussian(word: string): string {
  return word
    .replace(/ці/g, "ти")
    .replace(/дзі/g, "ди")
    .replace(/дзе/g, "де")
    .replace(/^у(?=[лр])/, "в")
    .replace(/ў/g, "в")
    .replace(/і/g, "и");
}

function cyrillicToLatin(word: string): string[] {
  const base = cyrillicToLatinOne(word);
  if (!/[іў]/.test(word)) return base;
  return [...new Set([...base, ...cyrillicToLatinOne(belarusianToRussian(word))])];
}

function cyrillicToLatinOne(word: string): string[] {
  let out = "";
  for (const ch of word) out += CYRILLIC[ch] ?? anyAscii(ch).toLowerCase();
  // "-iy"/"-yy" endings are usually written "-y" in Latin (Dmitriy → Dmitry); "ks" often "x"
  const alts = new Set([out, out.replace(/(i|y)y$/, "y"), out.replace(/ks/g, "x")]);
  return [...alts];
}

// ---------------------------------------------------------------------------------------------
// Greek — ELOT-like with the digraphs used for foreign names (ντ → d, μπ → b, ου → u)
const GREEK: Record<string, string> = {
  α: "a",
  β: "v",
  γ: "g",
  δ: "d",
  ε: "e",
  ζ: "z",
  η: "i",
  θ: "th",
  ι: "i",
  κ: "k",
  λ: "l",
  μ: "m",
  ν: "n",
  ξ: "x",
  ο: "o",
  π: "p",
  ρ: "r",
  σ: "s",
  ς: "s",
  τ: "t",
  υ: "y",
  φ: "f",
  χ: "ch",
  ψ: "ps",
  ω: "o",
};

function greekToLatin(word: string): string[] {
  const w = word.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const digraphs = w
    .replace(/ου/g, "u")
    .replace(/αι/g, "e")
    .replace(/ει|οι/g, "i")
    .replace(/^μπ/, "b")
    .replace(/^ντ/, "d")
    .replace(/γκ|γγ/g, "g")
    .replace(/αυ/g, "av")
    .replace(/ευ/g, "ev");
  const plain = [...digraphs].map((c) => GREEK[c] ?? c).join("");
  const foreign = [...digraphs.replace(/ντ/g, "d").replace(/μπ/g, "b")].map((c) => GREEK[c] ?? c).join("");
  const out = new Set([plain, foreign]);
  // nominative endings (Αλέξανδρος → Alexandr-, Νικόλαος → Nikola-)
  for (const f of [plain, foreign]) if (/(os|as|is)$/.test(f) && f.length > 5) out.add(f.slice(0, -2));
  return [...out];
}

// ---------------------------------------------------------------------------------------------
// Arabic script (Arabic, Persian, Urdu) — consonants plus the long vowels the script writes.
const ARABIC: Record<string, string> = {
  ا: "a",
  أ: "a",
  إ: "i",
  آ: "a",
  ٱ: "a",
  ب: "b",
  ت: "t",
  ث: "th",
  ج: "j",
  ح: "h",
  خ: "kh",
  د: "d",
  ذ: "dh",
  ر: "r",
  ز: "z",
  س: "s",
  ش: "sh",
  ص: "s",
  ض: "d",
  ط: "t",
  ظ: "z",
  ع: "'",
  غ: "gh",
  ف: "f",
  ق: "q",
  ك: "k",
  ک: "k",
  ل: "l",
  م: "m",
  ن: "n",
  ه: "h",
  ہ: "h",
  ھ: "h",
  ة: "a",
  و: "w",
  ؤ: "",
  ي: "y",
  ی: "y",
  ى: "a",
  ئ: "",
  ء: "",
  ے: "e",
  پ: "p",
  چ: "ch",
  ژ: "zh",
  گ: "g",
  ٹ: "t",
  ڈ: "d",
  ڑ: "r",
  ں: "n",
};

function arabicToLatin(word: string): string[] {
  const letters = [...word.replace(/[\u064b-\u065f\u0670\u0640]/g, "")]; // harakat, tatweel
  let out = "";
  for (let i = 0; i < letters.length; i++) {
    const ch = letters[i]!;
    const initial = i === 0;
    if (ch === "و") out += initial ? "w" : "u";
    else if (ch === "ي" || ch === "ی") out += initial ? "y" : i === letters.length - 1 ? "i" : "i";
    else if (ch === "ع") out += initial ? "a" : "";
    else out += ARABIC[ch] ?? anyAscii(ch).toLowerCase();
  }
  out = out.replace(/'/g, "");
  // The article al- is written joined: give the separated spelling as well.
  if (out.startsWith("al") && out.length > 4) return [out, `al ${out.slice(2)}`];
  return [out];
}

// ---------------------------------------------------------------------------------------------
// Kana → Hepburn romaji, plus a loanword reading that undoes Japanese phonotactics
// (epenthetic vowels, long-vowel marks, chi/ji/tsu for ti/di/tu) so that ウラジーミル ~ Vladimir.
const KANA: Record<string, string> = {
  ア: "a",
  イ: "i",
  ウ: "u",
  エ: "e",
  オ: "o",
  カ: "ka",
  キ: "ki",
  ク: "ku",
  ケ: "ke",
  コ: "ko",
  サ: "sa",
  シ: "shi",
  ス: "su",
  セ: "se",
  ソ: "so",
  タ: "ta",
  チ: "chi",
  ツ: "tsu",
  テ: "te",
  ト: "to",
  ナ: "na",
  ニ: "ni",
  ヌ: "nu",
  ネ: "ne",
  ノ: "no",
  ハ: "ha",
  ヒ: "hi",
  フ: "fu",
  ヘ: "he",
  ホ: "ho",
  マ: "ma",
  ミ: "mi",
  ム: "mu",
  メ: "me",
  モ: "mo",
  ヤ: "ya",
  ユ: "yu",
  ヨ: "yo",
  ラ: "ra",
  リ: "ri",
  ル: "ru",
  レ: "re",
  ロ: "ro",
  ワ: "wa",
  ヰ: "i",
  ヱ: "e",
  ヲ: "o",
  ン: "n",
  ガ: "ga",
  ギ: "gi",
  グ: "gu",
  ゲ: "ge",
  ゴ: "go",
  ザ: "za",
  ジ: "ji",
  ズ: "zu",
  ゼ: "ze",
  ゾ: "zo",
  ダ: "da",
  ヂ: "ji",
  ヅ: "zu",
  デ: "de",
  ド: "do",
  バ: "ba",
  ビ: "bi",
  ブ: "bu",
  ベ: "be",
  ボ: "bo",
  パ: "pa",
  ピ: "pi",
  プ: "pu",
  ペ: "pe",
  ポ: "po",
  ヴ: "vu",
  ァ: "a",
  ィ: "i",
  ゥ: "u",
  ェ: "e",
  ォ: "o",
  ャ: "ya",
  ュ: "yu",
  ョ: "yo",
  ヮ: "wa",
};

/** Two-kana combinations (yōon and the extended katakana used for foreign sounds). */
const KANA_PAIRS: Record<string, string> = {
  キャ: "kya",
  キュ: "kyu",
  キョ: "kyo",
  シャ: "sha",
  シュ: "shu",
  ショ: "sho",
  シェ: "she",
  チャ: "cha",
  チュ: "chu",
  チョ: "cho",
  チェ: "che",
  ニャ: "nya",
  ニュ: "nyu",
  ニョ: "nyo",
  ヒャ: "hya",
  ヒュ: "hyu",
  ヒョ: "hyo",
  ミャ: "mya",
  ミュ: "myu",
  ミョ: "myo",
  リャ: "rya",
  リュ: "ryu",
  リョ: "ryo",
  ギャ: "gya",
  ギュ: "gyu",
  ギョ: "gyo",
  ジャ: "ja",
  ジュ: "ju",
  ジョ: "jo",
  ジェ: "je",
  ビャ: "bya",
  ビュ: "byu",
  ビョ: "byo",
  ピャ: "pya",
  ピュ: "pyu",
  ピョ: "pyo",
  ティ: "ti",
  ディ: "di",
  トゥ: "tu",
  ドゥ: "du",
  デュ: "dyu",
  テュ: "tyu",
  ファ: "fa",
  フィ: "fi",
  フェ: "fe",
  フォ: "fo",
  フュ: "fyu",
  ウィ: "wi",
  ウェ: "we",
  ウォ: "wo",
  ヴァ: "va",
  ヴィ: "vi",
  ヴェ: "ve",
  ヴォ: "vo",
  ツァ: "tsa",
  ツィ: "tsi",
  ツェ: "tse",
  ツォ: "tso",
  イェ: "ye",
  クァ: "kwa",
  クィ: "kwi",
  クェ: "kwe",
  クォ: "kwo",
  グァ: "gwa",
};

function toKatakana(word: string): string {
  let out = "";
  for (const ch of word) {
    const cp = ch.codePointAt(0)!;
    out += cp >= 0x3041 && cp <= 0x3096 ? String.fromCodePoint(cp + 0x60) : ch;
  }
  return out;
}

/** Romaji syllables of a kana word; `long` marks syllables followed by the long-vowel mark. */
function kanaSyllables(word: string): { syl: string[]; long: boolean[] } {
  const kata = toKatakana(word);
  const syl: string[] = [];
  const long: boolean[] = [];
  let geminate = false;
  const chars = [...kata];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === "ッ") {
      geminate = true;
      continue;
    }
    if (c === "ー" || c === "〜") {
      if (long.length > 0) long[long.length - 1] = true; // long vowel mark: collapse
      continue;
    }
    let r: string | undefined;
    const pair = KANA_PAIRS[c + (chars[i + 1] ?? "")];
    if (pair) {
      r = pair;
      i++;
    } else r = KANA[c];
    if (r === undefined) continue;
    if (geminate && r.length > 0 && !/^[aeioun]/.test(r)) r = (r.startsWith("ch") ? "t" : r[0]) + r;
    geminate = false;
    syl.push(r);
    long.push(false);
  }
  return { syl, long };
}

/**
 * Undoes Japanese loanword phonotactics: final and cluster epenthetic vowels (ru → r, to → t),
 * palatalised ti/di/tu (chi → ti, ji → di, tsu → tu) and a leading u that stands for v/w.
 */
function loanwordFromSyllables(syl: string[], long: boolean[]): string {
  const out: string[] = [];
  for (let i = 0; i < syl.length; i++) {
    let s = syl[i]!;
    const next = syl[i + 1];
    const last = i === syl.length - 1;
    if (s === "chi") s = "ti";
    else if (s === "ji") s = "di";
    else if (s === "tsu") s = "t";
    // epenthetic u/o after a consonant: before another consonant syllable or at the end
    const nextStartsConsonant = next !== undefined && !/^[aeiou]/.test(next) && next !== "n";
    if (
      !long[i] &&
      (last || nextStartsConsonant) &&
      /^[^aeiou]+[uo]$/.test(s) &&
      s !== "n" &&
      !/^(y|w)/.test(s)
    ) {
      if (!(last && s.endsWith("o") && !/^(t|d)o$/.test(s))) s = s.slice(0, -1);
    }
    if (i === 0 && s === "u" && next && /^(r|b|d)/.test(next)) s = "v";
    out.push(s);
  }
  return out.join("").replace(/([aeiou])\1+/g, "$1");
}

function kanaToLatin(word: string): string[] {
  const { syl, long } = kanaSyllables(word);
  const hepburn = syl
    .join("")
    .replace(/ou/g, "o")
    .replace(/([aeiu])\1+/g, "$1");
  const loan = loanwordFromSyllables(syl, long);
  return loan !== hepburn ? [hepburn, loan] : [hepburn];
}

// ---------------------------------------------------------------------------------------------
// Hangul — Revised Romanisation, McCune–Reischauer (without diacritics) and, for loanwords,
// the reading without epenthetic eu (블라디미르 → bladimir).
const RR_INITIAL = [
  "g",
  "kk",
  "n",
  "d",
  "tt",
  "r",
  "m",
  "b",
  "pp",
  "s",
  "ss",
  "",
  "j",
  "jj",
  "ch",
  "k",
  "t",
  "p",
  "h",
];
const MR_INITIAL = [
  "k",
  "kk",
  "n",
  "t",
  "tt",
  "r",
  "m",
  "p",
  "pp",
  "s",
  "ss",
  "",
  "ch",
  "tch",
  "ch",
  "k",
  "t",
  "p",
  "h",
];
const RR_MEDIAL = [
  "a",
  "ae",
  "ya",
  "yae",
  "eo",
  "e",
  "yeo",
  "ye",
  "o",
  "wa",
  "wae",
  "oe",
  "yo",
  "u",
  "wo",
  "we",
  "wi",
  "yu",
  "eu",
  "ui",
  "i",
];
const MR_MEDIAL = [
  "a",
  "ae",
  "ya",
  "yae",
  "o",
  "e",
  "yo",
  "ye",
  "o",
  "wa",
  "wae",
  "oe",
  "yo",
  "u",
  "wo",
  "we",
  "wi",
  "yu",
  "u",
  "ui",
  "i",
];
const RR_FINAL = [
  "",
  "k",
  "k",
  "k",
  "n",
  "n",
  "n",
  "t",
  "l",
  "k",
  "m",
  "l",
  "l",
  "l",
  "p",
  "l",
  "m",
  "p",
  "p",
  "t",
  "t",
  "ng",
  "t",
  "t",
  "k",
  "t",
  "p",
  "t",
];

/** Romanisations of common Korean surnames as they appear on passports and in lists. */
export const KOREAN_SURNAMES: Record<string, string[]> = {
  김: ["kim"],
  이: ["lee", "yi", "ri", "rhee", "i"],
  리: ["ri", "lee", "yi"],
  박: ["park", "pak", "bak"],
  최: ["choi", "choe"],
  정: ["jung", "jeong", "chung", "chong", "jong"],
  강: ["kang"],
  조: ["cho", "jo"],
  윤: ["yoon", "yun"],
  장: ["jang", "chang"],
  임: ["lim", "im", "rim"],
  림: ["rim", "lim"],
  한: ["han"],
  오: ["oh", "o"],
  서: ["seo", "suh", "so"],
  신: ["shin", "sin"],
  권: ["kwon", "gwon"],
  황: ["hwang"],
  안: ["ahn", "an"],
  송: ["song"],
  류: ["ryu", "yoo", "yu"],
  유: ["yoo", "yu"],
  홍: ["hong"],
  전: ["jeon", "chon", "jun", "chun"],
  고: ["ko", "go"],
  문: ["moon", "mun"],
  양: ["yang"],
  손: ["son", "sohn"],
  배: ["bae", "pae"],
  백: ["baek", "paek", "paik"],
  허: ["heo", "hur", "ho"],
  남: ["nam"],
  심: ["shim", "sim"],
  노: ["noh", "roh", "no"],
  로: ["ro", "roh"],
  하: ["ha"],
  곽: ["kwak"],
  성: ["sung", "seong", "song"],
  차: ["cha"],
  주: ["joo", "ju", "chu"],
  우: ["woo", "u"],
  구: ["koo", "ku", "gu"],
  민: ["min"],
  진: ["jin", "chin"],
  지: ["ji", "chi"],
  엄: ["eom", "um", "om"],
  채: ["chae"],
  원: ["won"],
  천: ["cheon", "chon", "chun"],
  방: ["bang", "pang"],
  공: ["kong", "gong"],
  현: ["hyun", "hyon"],
  함: ["ham"],
  변: ["byun", "pyon"],
  염: ["yeom", "yom"],
  여: ["yeo", "yo"],
  추: ["choo", "chu"],
  도: ["do", "to"],
  소: ["so"],
  석: ["seok", "suk", "sok"],
  선: ["sun", "seon"],
  설: ["seol", "sol"],
  마: ["ma"],
  길: ["gil", "kil"],
  연: ["yeon", "yon"],
  표: ["pyo"],
  명: ["myung", "myong"],
  기: ["ki", "gi"],
  반: ["ban", "pan"],
  왕: ["wang"],
  금: ["keum", "kum"],
  옥: ["ok"],
  육: ["yook", "yuk"],
  인: ["in"],
  맹: ["maeng"],
  제: ["je", "che"],
  모: ["mo"],
  탁: ["tak"],
  국: ["kook", "kuk"],
  태: ["tae", "thae"],
  계: ["kye", "gye"],
  용: ["yong"],
  라: ["ra"],
  편: ["pyon", "pyeon"],
};

export type HangulSyllable = { rr: string; mr: string; loan: string };

/** Romanises Hangul syllable by syllable (used for names, whose syllables matter). */
export function hangulSyllables(word: string): HangulSyllable[] {
  const out: HangulSyllable[] = [];
  for (const ch of word) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0xac00 || cp > 0xd7a3) {
      const a = anyAscii(ch).toLowerCase();
      if (a) out.push({ rr: a, mr: a, loan: a });
      continue;
    }
    const idx = cp - 0xac00;
    const ini = Math.floor(idx / 588);
    const med = Math.floor((idx % 588) / 28);
    const fin = idx % 28;
    const rr = RR_INITIAL[ini]! + RR_MEDIAL[med]! + RR_FINAL[fin]!;
    const mr = MR_INITIAL[ini]! + MR_MEDIAL[med]! + RR_FINAL[fin]!;
    // loanword reading: ㅡ without a final is an epenthetic vowel (블 → bl, 르 → r)
    const loanMedial = med === 18 ? "" : RR_MEDIAL[med]!;
    const loan = RR_INITIAL[ini]! + loanMedial + RR_FINAL[fin]!;
    out.push({ rr, mr, loan });
  }
  return out;
}

/** Spellings by Revised + McCune–Reischauer reading (bounded by the Hangul syllables). */
const SYLLABLE_VARIANTS = new BoundedCache<string, readonly string[]>(16_384);

/** Empties the memoised syllable spellings (for the memoised-equals-fresh properties). */
export function clearSyllableVariants(): void {
  SYLLABLE_VARIANTS.clear();
}

/**
 * Spellings of one Korean syllable as lists write it: Revised, McCune–Reischauer, and the
 * popular mixtures (정 → jeong, chong, jong, jung; 은 → eun, un).
 */
export function koreanSyllableVariants(rr: string, mr: string): readonly string[] {
  // (a pure function of at most 11,172 syllables' readings, called for every Han character's
  // Sino-Korean reading and every Hangul syllable of an index build: memoised; callers copy)
  const key = `${rr}|${mr}`;
  let out = SYLLABLE_VARIANTS.get(key);
  if (out === undefined) {
    out = computeSyllableVariants(rr, mr);
    SYLLABLE_VARIANTS.set(key, out);
  }
  return out;
}

function computeSyllableVariants(rr: string, mr: string): string[] {
  const out = new Set<string>([rr, mr]);
  for (const b of [rr, mr]) {
    out.add(b.replace(/eo/g, "o"));
    out.add(b.replace(/eo/g, "u"));
    out.add(b.replace(/eu/g, "u"));
    out.add(b.replace(/ae/g, "e"));
  }
  for (const b of [...out]) {
    const m = /^(ch|k|t|p|j|g|d|b)(.*)$/.exec(b);
    if (!m) continue;
    const swap: Record<string, string> = { ch: "j", j: "ch", k: "g", g: "k", t: "d", d: "t", p: "b", b: "p" };
    out.add(swap[m[1]!]! + m[2]!);
  }
  return [...out].filter(Boolean).slice(0, 12);
}

function hangulToLatin(word: string): string[] {
  const syl = hangulSyllables(word);
  const rr = syl.map((s) => s.rr).join("");
  const mr = syl.map((s) => s.mr).join("");
  const loan = syl
    .map((s) => s.loan)
    .join("")
    .replace(/ll/g, "l");
  return [...new Set([rr, mr, loan])];
}

// ---------------------------------------------------------------------------------------------

function fallback(word: string): string[] {
  const a = anyAscii(word)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
  return a ? [a] : [];
}

/** Rhymes of a Burmese consonant with the inherent vowel and a killed final (asat ်). */
const BURMESE_RHYMES: Record<string, string> = {
  "\u1004": "in", // င် (Htin Kyaw)
  "\u1009": "in", // ဉ်
  "\u100a": "i", // ည်
  "\u1014": "an", // န်
  "\u1019": "an", // မ်
  "\u1010": "at", // တ်
  "\u1015": "at", // ပ်
  "\u1000": "et", // က်
};

/**
 * Burmese: a consonant without a vowel sign followed by a killed final reads as one rhyme with
 * the inherent vowel (တင် = tin, not "tn"), as conventional Burmese romanisation writes names.
 */
function burmeseToLatin(word: string): string[] {
  const withRhymes = word.replace(
    /([\u1000-\u1021])([\u1000-\u1021])\u103a/g,
    (m, c: string, fin: string) => {
      const rhyme = BURMESE_RHYMES[fin];
      return rhyme ? `${anyAscii(c).toLowerCase()}${rhyme}` : m;
    },
  );
  return fallback(withRhymes);
}

function georgianToLatin(word: string): string[] {
  const a = fallback(word)[0] ?? "";
  // Georgian nominative -i (პუტინი → putini); any-ascii writes ejectives with apostrophes.
  return a.endsWith("i") && a.length > 4 ? [a, a.slice(0, -1)] : [a];
}

function armenianToLatin(word: string): string[] {
  const a = (fallback(word)[0] ?? "").replace(/ow/g, "u");
  return [a];
}

/**
 * Lower-case ASCII spellings of one word written in `script`. Returns [] when nothing usable
 * remains. The first spelling is the primary one.
 */
export function romanizeWord(word: string, script: Script): string[] {
  const lower = word.toLowerCase();
  let out: string[];
  switch (script) {
    case "cyrillic":
      out = cyrillicToLatin(lower);
      break;
    case "greek":
      out = greekToLatin(lower);
      break;
    case "arabic":
      out = arabicToLatin(lower);
      break;
    case "kana":
      out = kanaToLatin(lower);
      break;
    case "hangul":
      out = hangulToLatin(lower);
      break;
    case "georgian":
      out = georgianToLatin(lower);
      break;
    case "armenian":
      out = armenianToLatin(lower);
      break;
    case "other":
      out = /[\u1000-\u109f]/.test(lower) ? burmeseToLatin(lower) : fallback(lower);
      break;
    default:
      out = fallback(lower);
  }
  return out.map((s) => s.replace(/[^a-z0-9 ]+/g, "")).filter((s) => s.length > 0);
}

/** True for abugidas whose romanisation (any-ascii) drops the inherent vowel (Thai, Indic…). */
export function isAbugida(script: Script): boolean {
  return script === "thai" || script === "indic" || script === "other";
}

/** True for scripts that do not write short vowels (Arabic, Hebrew): compare consonants. */
export function isAbjad(script: Script): boolean {
  return script === "arabic" || script === "hebrew";
}
