/**
 * Korean names written in katakana, as Japanese documents and media write them (キム・ヨンチョル for
 * 김영철 KIM YONG CHOL). The katakana are mapped back to the Korean syllables they transcribe, so that
 * the name is then read like Hangul (both romanisations, the usual surname spellings).
 *
 * The mapping is generated, not typed: every Hangul syllable is transcribed into katakana with the
 * conventional Japanese kana transcription of Korean (initial consonant row of the gojūon, voiced
 * rows for lenis consonants inside a word, y-vowels as イ段 + small ャュョ, w-vowels as ウ段 + small
 * ァィェォ, finals ㄱ ク, ㄴ/ㅇ ン, ㄹ ル, ㅁ ム, ㅂ プ, other obstruents ッ), and the table is inverted.
 * Only Sino-Korean syllables (the readings of Hanja, from the `hanja` package's table) are kept as
 * readings of a given-name syllable: Korean personal names are written with Hanja.
 */
import hanjaTable from "hanja/lib/data/hanjaeum.json" with { type: "json" };

/** Consonant class of each Hangul initial, word-initially and inside a word (voiced). */
const INITIAL_CLASS: [string, string][] = [
  ["k", "g"], // ㄱ
  ["k", "k"], // ㄲ
  ["n", "n"], // ㄴ
  ["t", "d"], // ㄷ
  ["t", "t"], // ㄸ
  ["r", "r"], // ㄹ
  ["m", "m"], // ㅁ
  ["p", "b"], // ㅂ
  ["p", "p"], // ㅃ
  ["s", "s"], // ㅅ
  ["s", "s"], // ㅆ
  ["", ""], // ㅇ
  ["ch", "j"], // ㅈ
  ["ch", "ch"], // ㅉ
  ["ch", "ch"], // ㅊ
  ["k", "k"], // ㅋ
  ["t", "t"], // ㅌ
  ["p", "p"], // ㅍ
  ["h", "h"], // ㅎ
];

/** Vowel of each Hangul medial as the transcription writes it (ㅓ and ㅗ are both o, ㅡ and ㅜ both u). */
const MEDIAL_VOWEL = [
  "a", // ㅏ
  "e", // ㅐ
  "ya", // ㅑ
  "ye", // ㅒ
  "o", // ㅓ
  "e", // ㅔ
  "yo", // ㅕ
  "ye", // ㅖ
  "o", // ㅗ
  "wa", // ㅘ
  "we", // ㅙ
  "we", // ㅚ
  "yo", // ㅛ
  "u", // ㅜ
  "wo", // ㅝ
  "we", // ㅞ
  "wi", // ㅟ
  "yu", // ㅠ
  "u", // ㅡ
  "ui", // ㅢ
  "i", // ㅣ
];

/** Katakana of each final (index 0 = none): ㄱ ク, ㄴ ン, ㄹ ル, ㅁ ム, ㅂ プ, ㅇ ン, other obstruents ッ. */
const FINAL_KANA = [
  "",
  "ク",
  "ク",
  "ク",
  "ン",
  "ン",
  "ン",
  "ッ",
  "ル",
  "ク",
  "ム",
  "ル",
  "ル",
  "ル",
  "プ",
  "ル",
  "ム",
  "プ",
  "プ",
  "ッ",
  "ッ",
  "ン",
  "ッ",
  "ッ",
  "ク",
  "ッ",
  "プ",
  "ッ",
];

/** The gojūon rows: a, i, u, e, o of each consonant class. */
const ROWS: Record<string, string[]> = {
  "": ["ア", "イ", "ウ", "エ", "オ"],
  k: ["カ", "キ", "ク", "ケ", "コ"],
  g: ["ガ", "ギ", "グ", "ゲ", "ゴ"],
  s: ["サ", "シ", "ス", "セ", "ソ"],
  t: ["タ", "ティ", "トゥ", "テ", "ト"],
  d: ["ダ", "ディ", "ドゥ", "デ", "ド"],
  n: ["ナ", "ニ", "ヌ", "ネ", "ノ"],
  h: ["ハ", "ヒ", "フ", "ヘ", "ホ"],
  p: ["パ", "ピ", "プ", "ペ", "ポ"],
  b: ["バ", "ビ", "ブ", "ベ", "ボ"],
  m: ["マ", "ミ", "ム", "メ", "モ"],
  r: ["ラ", "リ", "ル", "レ", "ロ"],
  ch: ["チャ", "チ", "チュ", "チェ", "チョ"],
  j: ["ジャ", "ジ", "ジュ", "ジェ", "ジョ"],
};
const VOWEL_INDEX: Record<string, number> = { a: 0, i: 1, u: 2, e: 3, o: 4 };
const SMALL_Y: Record<string, string> = { ya: "ャ", yu: "ュ", yo: "ョ", ye: "ェ" };
const SMALL_W: Record<string, string> = { wa: "ァ", wi: "ィ", we: "ェ", wo: "ォ" };

/** Katakana of consonant class + vowel (the conventional renderings; a few have two). */
function moraKana(c: string, v: string): string[] {
  const row = ROWS[c]!;
  if (v in VOWEL_INDEX) return [row[VOWEL_INDEX[v]!]!];
  if (v === "ui") return c === "" ? ["ウィ", "ウイ"] : [row[1]!];
  if (v in SMALL_Y) {
    if (c === "") return [{ ya: "ヤ", yu: "ユ", yo: "ヨ", ye: "イェ" }[v]!, ...(v === "ye" ? ["エ"] : [])];
    // チャ/ジャ already palatal: 쟈 = 자; シ + small kana for s
    if (c === "ch" || c === "j") return [row[VOWEL_INDEX[v[1]!]!]!];
    const i = c === "s" ? "シ" : c === "t" ? "テ" : c === "d" ? "デ" : row[1]!;
    return [i + SMALL_Y[v]!, ...(v === "ye" ? [row[3]!] : [])];
  }
  // w-vowels: ウ段 + small vowel (クァ, ファ, ウォ); ㅚ/ㅙ/ㅞ after a consonant are also written エ段 (최 チェ)
  if (c === "") return [{ wa: "ワ", wi: "ウィ", we: "ウェ", wo: "ウォ" }[v]!];
  const u = c === "ch" ? "チュ" : c === "j" ? "ジュ" : c === "t" ? "トゥ" : c === "d" ? "ドゥ" : row[2]!;
  const out = [u + SMALL_W[v]!];
  if (v === "we") out.push(row[3]!);
  if (v === "wi") out.push(row[1]!);
  return out;
}

/**
 * Katakana transcriptions of one Hangul syllable: word-initial and word-internal (voiced) forms,
 * with the usual alternatives (최 → チェ, チュェ).
 */
export function hangulSyllableToKatakana(syllable: string): string[] {
  const cp = syllable.codePointAt(0)!;
  if (cp < 0xac00 || cp > 0xd7a3) return [];
  const idx = cp - 0xac00;
  const ini = Math.floor(idx / 588);
  const med = Math.floor((idx % 588) / 28);
  const fin = idx % 28;
  const out = new Set<string>();
  for (const c of new Set(INITIAL_CLASS[ini]!)) {
    for (const m of moraKana(c, MEDIAL_VOWEL[med]!)) out.add(m + FINAL_KANA[fin]!);
  }
  return [...out];
}

const HANJA = hanjaTable as Record<string, string>;

/** How many Hanja read as each syllable: Sino-Korean syllables, the most common first. */
const SINO_KOREAN = (() => {
  const count = new Map<string, number>();
  for (const reading of Object.values(HANJA)) {
    for (const s of reading) count.set(s, (count.get(s) ?? 0) + 1);
  }
  return count;
})();

/** katakana chunk → Sino-Korean syllables it transcribes, most common first. */
const KANA_TO_HANGUL = (() => {
  const map = new Map<string, string[]>();
  for (const syl of SINO_KOREAN.keys()) {
    for (const k of hangulSyllableToKatakana(syl)) {
      const list = map.get(k) ?? [];
      list.push(syl);
      map.set(k, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => SINO_KOREAN.get(b)! - SINO_KOREAN.get(a)!);
  return map;
})();
const MAX_CHUNK = Math.max(...[...KANA_TO_HANGUL.keys()].map((k) => k.length));

/**
 * The usual katakana of Korean surnames, generated from the Hangul surnames by the same
 * transcription (김 キム, 이 イ, 리 リ, 박 パク, 최 チェ, 정 チョン/ジョン …).
 */
export function koreanSurnameKatakana(surnames: Iterable<string>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const s of surnames) {
    for (const k of hangulSyllableToKatakana(s)) map.set(k, [...(map.get(k) ?? []), s]);
  }
  return map;
}

/**
 * Splits a katakana word into the Korean syllables it can transcribe: for each chunk, the Hangul
 * syllables it may stand for (most common first). Returns the segmentation with the fewest
 * syllables (a final ン/ル/ム/ク/プ belongs to the syllable before it), or null when the word is
 * not a possible Korean transcription.
 */
export function katakanaToHangul(word: string): { kana: string; hangul: string[] }[] | null {
  const chars = [...word.replace(/[ー・\s]/g, "")];
  const n = chars.length;
  if (n === 0) return null;
  const best: (number | null)[] = new Array(n + 1).fill(null);
  const from: number[] = new Array(n + 1).fill(-1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    if (best[i] === null) continue;
    for (let len = 1; len <= MAX_CHUNK && i + len <= n; len++) {
      const chunk = chars.slice(i, i + len).join("");
      if (!KANA_TO_HANGUL.has(chunk)) continue;
      const cost = best[i]! + 1;
      if (best[i + len] === null || cost < best[i + len]!) {
        best[i + len] = cost;
        from[i + len] = i;
      }
    }
  }
  if (best[n] === null) return null;
  const out: { kana: string; hangul: string[] }[] = [];
  for (let j = n; j > 0; j = from[j]!) {
    const kana = chars.slice(from[j]!, j).join("");
    out.unshift({ kana, hangul: KANA_TO_HANGUL.get(kana)! });
  }
  return out;
}
