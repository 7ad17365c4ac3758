/**
 * Text normalisation shared by list names and queries: Unicode compatibility forms (full-width
 * Latin, half-width katakana, ㈱), case folding, diacritics, punctuation and "SURNAME, Given"
 * order. Both sides of a comparison go through exactly the same steps, which is what makes the
 * comparison fair.
 */

const SPECIAL_LATIN: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  ŀ: "l",
  ħ: "h",
};

/** Enclosed/parenthesised CJK legal forms that NFKC turns into "(株)" and friends. */
const ENCLOSED_LEGAL: [RegExp, string][] = [
  [/[(（]\s*株\s*[)）]/g, " 株式会社 "],
  [/[(（]\s*有\s*[)）]/g, " 有限会社 "],
  [/[(（]\s*合\s*[)）]/g, " 合同会社 "],
  [/[(（]\s*주\s*[)）]/g, " 주식회사 "],
  [/[(（]\s*유\s*[)）]/g, " 유한회사 "],
];

/**
 * NFKC + case folding + diacritic removal for Latin/Greek/Cyrillic, keeping kana voicing marks and
 * Hangul syllables intact. Idempotent.
 */
export function foldText(input: string): string {
  // printable ASCII (most Latin list names): every step below but lower-casing is the identity
  if (PRINTABLE_ASCII.test(input)) return input.toLowerCase();
  return foldTextFull(input);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** foldText without the ASCII shortcut (exported for the property that they agree). */
export function foldTextFull(input: string): string {
  let s = input.normalize("NFKC");
  for (const [re, rep] of ENCLOSED_LEGAL) s = s.replace(re, rep);
  s = s.toLowerCase();
  // strip combining diacritics of alphabetic scripts (not kana dakuten U+3099/309A, not Hangul)
  // (only on Latin and Greek letters: Cyrillic й, ё and kana voicing marks must survive)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range starts at U+0000 on purpose (all of Basic Latin)
  s = s.normalize("NFD").replace(/([\u0000-\u024f\u0370-\u03ff\u1e00-\u1fff])[\u0300-\u036f]+/g, "$1");
  s = s.normalize("NFC");
  if (/[ßæœøłđðþıŀħ]/.test(s)) s = s.replace(/[ßæœøłđðþıŀħ]/g, (c) => SPECIAL_LATIN[c] ?? c);
  // NFKC of the result is stable; run it again so the whole function is idempotent
  return s.normalize("NFKC").toLowerCase();
}

/**
 * Splits folded text into words: letters and digits are kept, apostrophes inside a word are
 * dropped (o'brien → obrien, qa'ida → qaida), everything else separates words. Dots after single
 * letters mark initials and are reported.
 */
export function splitWords(folded: string): { word: string; initial: boolean }[] {
  const out: { word: string; initial: boolean }[] = [];
  const re = /[\p{L}\p{M}\p{N}]+(?:['’ʼ`][\p{L}\p{M}\p{N}]+)*(\.)?/gu;
  for (const m of folded.matchAll(re)) {
    const word = m[0].replace(/\.$/, "").replace(/['’ʼ`]/g, "");
    if (!word) continue;
    out.push({ word, initial: m[1] === "." && [...word].length === 1 });
  }
  return out;
}

/**
 * Reorders "SURNAME, Given names" into "Given names SURNAME" when the part after the single comma
 * looks like given names (no digits, at most four words). Other commas ("Bank, Ltd") are left.
 */
export function reorderCommaName(folded: string, isLegalTail: (tail: string) => boolean): string {
  const parts = folded.split(/[,，、]/);
  if (parts.length !== 2) return folded;
  const head = parts[0]!.trim();
  const tail = parts[1]!.trim();
  if (!head || !tail) return folded;
  if (/\d/.test(tail)) return folded;
  const tailWords = tail.split(/\s+/).filter(Boolean);
  if (tailWords.length > 4) return folded;
  if (isLegalTail(tail)) return `${head} ${tail}`;
  return `${tail} ${head}`;
}

/**
 * FNV-1a 32-bit hash of a string with a seed; used for blocking keys and identity checks.
 * `hash32(b, hash32(a, seed)) === hash32(a + b, seed)`: a joined key is hashed without joining.
 */
export function hash32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
