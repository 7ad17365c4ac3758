/**
 * Near-duplicate detection for approach messages in any language. Recruiters send the same template
 * to many people with the name changed and a sentence moved; word tokenisation does not work for
 * Japanese or Chinese, so texts are compared as sets of character n-grams ("shingles"), estimated
 * with MinHash, and candidates are found with locality-sensitive hashing (LSH) bands that a database
 * index can look up. Pure: no IO.
 */

/** Number of MinHash values per signature (32 bands × 4 rows). */
export const SIGNATURE_SIZE = 128;
export const LSH_BANDS = 32;
export const LSH_ROWS = SIGNATURE_SIZE / LSH_BANDS;
/** Texts shorter than this (after normalisation) are too short to call near-duplicates. */
export const MIN_TEXT_CHARS = 40;
/** Estimated Jaccard similarity at or above which two messages count as near-duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Folds a message so trivial differences vanish: NFKC (full-width → normal), lower case,
 * hiragana → katakana, URLs and e-mail addresses kept as one token, everything that is not a letter
 * or digit removed. Whitespace is dropped too, so "山田 様" and "山田様" shingle the same.
 */
export function normaliseMessage(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Shingle length by script: CJK characters carry a word's worth of meaning each, so 3 are enough;
 * alphabetic text needs 5 to avoid matching on common letter runs.
 */
export function shingleLength(normalised: string): number {
  const chars = [...normalised];
  if (chars.length === 0) return 5;
  const cjk = chars.filter((c) => CJK.test(c)).length;
  return cjk / chars.length >= 0.3 ? 3 : 5;
}

/** The set of character n-grams of a normalised text. */
export function shingles(normalised: string, k = shingleLength(normalised)): Set<string> {
  const chars = [...normalised];
  const out = new Set<string>();
  if (chars.length < k) {
    if (chars.length > 0) out.add(chars.join(""));
    return out;
  }
  for (let i = 0; i + k <= chars.length; i++) out.add(chars.slice(i, i + k).join(""));
  return out;
}

/** Exact Jaccard similarity of two sets (|A∩B| / |A∪B|). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** FNV-1a over UTF-16 code units: a fast 32-bit hash of a shingle. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: a bijection on 32-bit integers that mixes every bit. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed seeds so signatures stored in the database stay comparable across releases. */
const SEEDS: readonly number[] = Array.from({ length: SIGNATURE_SIZE }, (_, i) =>
  fmix32(0x9e3779b9 + i * 0x85ebca6b),
);

/**
 * The MinHash signature of a shingle set: for each of 128 permutations of the 32-bit hash space
 * (seed XOR, then a bijective mix), the smallest permuted hash. Two signatures agree in a position
 * with probability equal to the sets' Jaccard similarity.
 */
export function minhash(set: ReadonlySet<string>): number[] {
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const s of set) {
    const h = fnv1a(s);
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = fmix32(h ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity from two signatures (share of equal positions). */
export function estimateSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * LSH band keys of a signature: `band:hash` strings. Two texts with Jaccard similarity s share at
 * least one band with probability 1 − (1 − s⁴)³² (s = 0.5 → 87 %, s = 0.6 → 98 %, s = 0.3 → 23 %),
 * so an index on these keys finds the candidates without comparing every pair.
 */
export function lshBands(signature: readonly number[]): string[] {
  const out: string[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < LSH_ROWS; r++) {
      h = Math.imul(h ^ signature[b * LSH_ROWS + r]!, 0x01000193) >>> 0;
      h = fmix32(h);
    }
    out.push(`${b}:${h.toString(16).padStart(8, "0")}`);
  }
  return out;
}

export type TextFingerprint = { signature: number[]; bands: string[]; length: number };

/**
 * Fingerprints a message for near-duplicate search, or returns null when the text is too short
 * to compare meaningfully.
 */
export function fingerprint(text: string): TextFingerprint | null {
  const normalised = normaliseMessage(text);
  const length = [...normalised].length;
  if (length < MIN_TEXT_CHARS) return null;
  const signature = minhash(shingles(normalised));
  return { signature, bands: lshBands(signature), length };
}
