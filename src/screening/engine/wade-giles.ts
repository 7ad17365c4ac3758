/**
 * Hanyu Pinyin → Wade–Giles, for Chinese names that the lists spell in Wade–Giles (Taiwanese
 * officials and companies: 蔡其昌 Tsai Chi-chang, 萧 Hsiao, 曹 Tsao, 顾立雄 Koo Li-hsiung): the
 * query's characters are read in pinyin (pinyin-pro), and each syllable also gets its Wade–Giles
 * spelling as a variant.
 *
 * No npm package holds a Pinyin/Wade–Giles table (searched the registry's package list for
 * "wade", "giles", "romanisation"), so this is the conversion written as rules, from the standard
 * correspondence published by the Library of Congress for its Pinyin conversion project ("Pinyin
 * to Wade-Giles conversion table", 2000) and the Wade–Giles system as used in Taiwan passports
 * before 2009. Lists print Wade–Giles without its apostrophes (aspiration) and umlauts, so the
 * output has neither: ch'i and chi both become "chi". Pure; a syllable it does not know stays null.
 */
import { BoundedCache } from "./memo.js";

/** Whole syllables whose Wade–Giles spelling is not initial + final. */
const WHOLE: Record<string, string> = {
  zi: "tzu",
  ci: "tzu",
  si: "ssu",
  zhi: "chih",
  chi: "chih",
  shi: "shih",
  ri: "jih",
  er: "erh",
  e: "o",
  ge: "ko",
  ke: "ko",
  he: "ho",
  yi: "i",
  ye: "yeh",
  yan: "yen",
  you: "yu",
  yong: "yung",
  yu: "yu",
  yue: "yueh",
  yuan: "yuan",
  yun: "yun",
  guo: "kuo",
  kuo: "kuo",
  huo: "huo",
  shuo: "shuo",
  gui: "kuei",
  kui: "kuei",
};

const INITIALS: [string, string][] = [
  ["zh", "ch"],
  ["ch", "ch"],
  ["sh", "sh"],
  ["b", "p"],
  ["p", "p"],
  ["m", "m"],
  ["f", "f"],
  ["d", "t"],
  ["t", "t"],
  ["n", "n"],
  ["l", "l"],
  ["g", "k"],
  ["k", "k"],
  ["h", "h"],
  ["j", "ch"],
  ["q", "ch"],
  ["x", "hs"],
  ["r", "j"],
  ["z", "ts"],
  ["c", "ts"],
  ["s", "s"],
  ["w", "w"],
  ["y", "y"],
];

/** Wade–Giles by pinyin syllable (about 400 exist; bounded all the same). */
const WADE_GILES = new BoundedCache<string, string | null>(4096);

/** Empties the memoised Wade–Giles spellings (for the memoised-equals-fresh properties). */
export function clearWadeGiles(): void {
  WADE_GILES.clear();
}

/** Wade–Giles spelling (no apostrophes, no umlauts) of one toneless pinyin syllable, or null. */
export function pinyinToWadeGiles(syllable: string): string | null {
  // (every Chinese person name's syllables go through here when it is indexed: memoised, bounded)
  let out = WADE_GILES.get(syllable);
  if (out === undefined) {
    out = computeWadeGiles(syllable);
    WADE_GILES.set(syllable, out);
  }
  return out;
}

function computeWadeGiles(syllable: string): string | null {
  const s = syllable.toLowerCase().replace(/ü|v/g, "u");
  if (!/^[a-z]+$/.test(s)) return null;
  const whole = WHOLE[s];
  if (whole) return whole;
  const ini = INITIALS.find(([p]) => s.startsWith(p));
  const initial = ini ? ini[0] : "";
  let final = s.slice(initial.length);
  if (!final) return null;
  const palatal = initial === "j" || initial === "q" || initial === "x";
  // finals
  if (final === "ian") final = "ien";
  else if (final === "ie") final = "ieh";
  else if (final === "ue")
    final = "ueh"; // jue chüeh, xue hsüeh, lüe lüeh
  else if (final === "iong") final = "iung";
  else if (final === "ong") final = "ung";
  else if (final === "uo" && initial !== "" && !["g", "k", "h", "sh"].includes(initial)) final = "o";
  else if (final === "e" && ["g", "k", "h"].includes(initial)) final = "o";
  else if (final === "ui" && ["g", "k"].includes(initial)) final = "uei";
  else if (final === "uan" && palatal) final = "uan"; // chüan, hsüan (umlaut dropped)
  return `${ini ? ini[1] : ""}${final}`;
}

/**
 * The Wade–Giles spelling of a run of pinyin syllables written together (Chi-chang → chichang as
 * the lists' given names are folded), or null when it is the same as the pinyin or a syllable is
 * unknown.
 */
export function wadeGilesOf(syllables: string[]): string | null {
  const parts = syllables.map(pinyinToWadeGiles);
  if (parts.some((p) => p === null)) return null;
  const out = parts.join("");
  return out === syllables.join("") ? null : out;
}
