/**
 * Writes a romanised Korean name (McCune–Reischauer as the UN list spells North Korean names:
 * "KIM YONG CHOL", "HO-JIN", "CHO'NG-CH'O'L") in katakana the way Japanese documents write Korean
 * names (キム・ヨンチョル): the conventional kana transcription of Korean — each syllable's
 * consonant on its gojūon row, y-vowels as イ段 + small ャュョ, w-vowels as ウ段 + small ァィェォ,
 * finals k ク, n/ng ン, l ル, m ム, p プ, t/s ッ.
 *
 * Deliberately independent of the engine's own Hangul → katakana table (src/screening/engine/
 * korean-kana.ts): it starts from the list's Latin spelling, as a Japanese writer would, and is
 * not tuned to what the engine matches.
 */

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
const V5: Record<string, number> = { a: 0, i: 1, u: 2, e: 3, o: 4 };

/** Romanised initials (longest first) → consonant row. */
const INITIALS: [string, string][] = [
  ["tch", "ch"],
  ["ch", "ch"],
  ["kk", "k"],
  ["tt", "t"],
  ["pp", "p"],
  ["ss", "s"],
  ["sh", "s"],
  ["k", "k"],
  ["g", "g"],
  ["t", "t"],
  ["d", "d"],
  ["p", "p"],
  ["b", "b"],
  ["j", "j"],
  ["s", "s"],
  ["h", "h"],
  ["n", "n"],
  ["m", "m"],
  ["r", "r"],
  ["l", "r"],
  ["", ""],
];
/** Romanised vowels (longest first) → the transcription's vowel. */
const VOWELS: [string, string][] = [
  ["yae", "ye"],
  ["yeo", "yo"],
  ["wae", "we"],
  ["ae", "e"],
  ["oe", "we"],
  ["eo", "o"],
  ["eu", "u"],
  ["ya", "ya"],
  ["yo", "yo"],
  ["yu", "yu"],
  ["ye", "ye"],
  ["wa", "wa"],
  ["wo", "wo"],
  ["we", "we"],
  ["wi", "wi"],
  ["ui", "ui"],
  ["a", "a"],
  ["e", "e"],
  ["i", "i"],
  ["o", "o"],
  ["u", "u"],
];
const FINALS: [string, string][] = [
  ["ng", "ン"],
  ["k", "ク"],
  ["n", "ン"],
  ["l", "ル"],
  ["r", "ル"],
  ["m", "ム"],
  ["p", "プ"],
  ["t", "ッ"],
  ["s", "ッ"],
];

function mora(c: string, v: string): string {
  const row = ROWS[c]!;
  if (v in V5) return row[V5[v]!]!;
  if (v === "ui") return c === "" ? "ウィ" : row[1]!;
  if (v.startsWith("y")) {
    if (c === "") return { ya: "ヤ", yu: "ユ", yo: "ヨ", ye: "イェ" }[v]!;
    if (c === "ch" || c === "j") return row[V5[v[1]!]!]!;
    const small = { ya: "ャ", yu: "ュ", yo: "ョ", ye: "ェ" }[v]!;
    return (c === "s" ? "シ" : row[1]!) + small;
  }
  if (c === "") return { wa: "ワ", wi: "ウィ", we: "ウェ", wo: "ウォ" }[v]!;
  // ㅚ/ㅙ after a consonant: エ段 (최 CHOE チェ, 회 HOE フェ)
  if (v === "we") return row[3]!;
  const small = { wa: "ァ", wi: "ィ", wo: "ォ" }[v]!;
  return row[2]! + small;
}

/** Katakana of one romanised word (one or more syllables), or null when it does not parse. */
export function romanizedWordToKatakana(word: string): string | null {
  const w = word
    .normalize("NFD")
    .toLowerCase()
    .replace(/\p{M}/gu, "")
    .replace(/[’'`ʼ˘]/g, "");
  let i = 0;
  let out = "";
  while (i < w.length) {
    const ini = INITIALS.find(
      ([r]) => w.startsWith(r, i) && VOWELS.some(([v]) => w.startsWith(v, i + r.length)),
    );
    if (!ini) return null;
    i += ini[0].length;
    const vow = VOWELS.find(([v]) => w.startsWith(v, i))!;
    i += vow[0].length;
    out += mora(ini[1], vow[1]);
    // a final consonant: when followed by another consonant or the end (ng even before a vowel)
    const fin = FINALS.find(
      ([f]) =>
        w.startsWith(f, i) &&
        (f === "ng" || i + f.length === w.length || !/[aeiouwy]/.test(w[i + f.length]!)),
    );
    if (fin) {
      out += fin[1];
      i += fin[0].length;
    }
  }
  return out;
}

/**
 * "KIM YONG CHOL" (surname first, as the UN writes DPRK names) → "キム・ヨンチョル": surname, a
 * middle dot, the given name's syllables written together. Null when a part does not parse.
 */
export function koreanNameToKatakana(name: string): string | null {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length < 2) return null;
  const surname = romanizedWordToKatakana(parts[0]!);
  const given = parts
    .slice(1)
    .flatMap((p) => p.split("-"))
    .map(romanizedWordToKatakana);
  if (!surname || given.some((g) => g === null)) return null;
  return `${surname}・${given.join("")}`;
}
