/**
 * String similarity primitives: edit distance, a cross-script consonant skeleton and the
 * token-to-token similarity the aligner uses. Kept separate so they can be tested and tuned on
 * their own.
 */

import { transcriptionSimilarity } from "./transcription.js";

const row0 = new Uint16Array(256);
const row1 = new Uint16Array(256);

/** Levenshtein distance (plain insert/delete/substitute), for strings up to 255 code units. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (la > 255 || lb > 255) return Math.max(la, lb);
  let prev = row0;
  let cur = row1;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      const sub = prev[j - 1]! + cost;
      cur[j] = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb]!;
}

/** Damerau-style ratio: 1 − distance / longer length, counting one adjacent swap as one edit. */
export function editRatio(a: string, b: string): number {
  if (a === b) return 1;
  const max = Math.max(a.length, b.length);
  if (max === 0) return 1;
  let d = levenshtein(a, b);
  if (d >= 2 && a.length === b.length) {
    // a single transposition (swapped letters) costs one edit, not two
    let diffs = 0;
    let first = -1;
    for (let i = 0; i < a.length && diffs <= 2; i++) {
      if (a.charCodeAt(i) !== b.charCodeAt(i)) {
        if (first < 0) first = i;
        diffs++;
      }
    }
    if (diffs === 2 && a[first] === b[first + 1] && a[first + 1] === b[first]) d = 1;
  }
  return 1 - d / max;
}

/**
 * Consonant class (character code) of each ASCII lower-case letter and digit for `skeleton` (0:
 * none; 1: a vowel, which separates two consonants of one class). `c` and `x` are handled apart.
 */
const SKELETON_CLASS = (() => {
  const t = new Uint8Array(128);
  for (const v of "aeiouy") t[v.charCodeAt(0)] = 1;
  const classes: [string, string][] = [
    ["bpfvw", "P"],
    ["td", "T"],
    ["kgq", "K"],
    ["sz", "S"],
    ["j", "J"],
    ["lr", "L"],
    ["m", "M"],
    ["n", "N"],
    ["h", "H"],
    ["0123456789", ""],
  ];
  for (const [letters, cls] of classes)
    for (const l of letters) t[l.charCodeAt(0)] = (cls || l).charCodeAt(0);
  return t;
})();

/** Whether the character code is one of a e i o u y. */
function isVowelCode(c: number): boolean {
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121;
}

/**
 * The letter group that starts at `i` (tsch, sch, tch, dzh, sh, ch, zh, dj, kh, gh, ck, qu, ph, bh,
 * th, dh, ts, tz, ng before a non-vowel) as its class and length, or 0 when none does. One number:
 * length × 128 + class character code.
 */
function skeletonGroupAt(w: string, i: number, n: number): number {
  const a = w.charCodeAt(i);
  const b = i + 1 < n ? w.charCodeAt(i + 1) : -1;
  if (b < 0) return 0;
  const c = i + 2 < n ? w.charCodeAt(i + 2) : -1;
  const J = 74;
  const S = 83;
  const K = 75;
  const H = 72;
  const P = 80;
  const T = 84;
  const N = 78;
  // t s c h / s c h / t c h / d z h
  if (a === 116 && b === 115 && c === 99 && i + 3 < n && w.charCodeAt(i + 3) === 104) return 4 * 128 + J;
  if (c === 104) {
    if (a === 115 && b === 99) return 3 * 128 + S; // sch
    if (a === 116 && b === 99) return 3 * 128 + J; // tch
    if (a === 100 && b === 122) return 3 * 128 + J; // dzh
  }
  switch (a) {
    case 115: // s
      return b === 104 ? 2 * 128 + S : 0; // sh
    case 99: // c
      if (b === 104) return 2 * 128 + J; // ch
      return b === 107 ? 2 * 128 + K : 0; // ck
    case 122: // z
      return b === 104 ? 2 * 128 + J : 0; // zh
    case 100: // d
      if (b === 106) return 2 * 128 + J; // dj
      return b === 104 ? 2 * 128 + T : 0; // dh
    case 107: // k
      return b === 104 ? 2 * 128 + H : 0; // kh
    case 103: // g
      return b === 104 ? 2 * 128 + K : 0; // gh
    case 113: // q
      return b === 117 ? 2 * 128 + K : 0; // qu
    case 112: // p
      return b === 104 ? 2 * 128 + P : 0; // ph
    case 98: // b
      return b === 104 ? 2 * 128 + P : 0; // bh
    case 116: // t
      if (b === 104) return 2 * 128 + T; // th
      return b === 115 || b === 122 ? 2 * 128 + S : 0; // ts tz
    case 110: // n
      return b === 103 && (c < 0 || !isVowelCode(c)) ? 2 * 128 + N : 0; // ng
    default:
      return 0;
  }
}

/**
 * Cross-script consonant skeleton: vowels dropped (a leading vowel kept as "A"), consonants grouped
 * into classes that transcriptions confuse (b/p/f/v/w, t/d, k/g/q/c, s/z, j/ch/zh, l/r, …), runs
 * collapsed. "Mohamed", "Muhammad" and Arabic محمد all become "MHMT"; "Putin", "Poutine" and
 * Hebrew פוטין become "PTN". One pass over character codes without substrings: the index build
 * takes the skeleton of every spelling of every word (a million-entity build calls it millions of
 * times); `skeleton-fast.test.ts` checks it against the straightforward version.
 */
export function skeleton(word: string): string {
  const w = word;
  const n = w.length;
  // (at most two classes per character: x gives k + s)
  if (2 * n > SKELETON_OUT.length) SKELETON_OUT = new Uint8Array(2 * n);
  let len = 0;
  let last = 0; // character code of the last class pushed; 0 after a vowel
  let i = 0;
  while (i < n) {
    let cls = 0;
    const group = skeletonGroupAt(w, i, n);
    if (group !== 0) {
      cls = group & 127;
      i += group >>> 7;
    } else {
      const code = w.charCodeAt(i);
      if (code < 128) {
        const t = SKELETON_CLASS[code]!;
        if (t === 1) {
          if (i === 0)
            cls = 65; // A
          else last = 0; // a vowel separates two consonants of one class
        } else if (t !== 0) cls = t;
        else if (code === 99) {
          // c: s before e i y (and at the end), k otherwise
          const next = i + 1 < n ? w.charCodeAt(i + 1) : -1;
          cls = next < 0 || next === 101 || next === 105 || next === 121 ? 83 : 75;
        } else if (code === 120) {
          // x: k + s
          if (last !== 75) SKELETON_OUT[len++] = 75;
          last = 75;
          cls = 83;
        }
      }
      i++;
    }
    if (cls !== 0) {
      if (last !== cls) SKELETON_OUT[len++] = cls;
      last = cls;
    }
  }
  return len === 0 ? "" : len === 1 ? SKELETON_CHARS[SKELETON_OUT[0]!]! : skeletonText(len);
}

/** Output buffer of `skeleton` (class character codes). */
let SKELETON_OUT = new Uint8Array(256);
/** One-character strings of the class codes. */
const SKELETON_CHARS = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

function skeletonText(len: number): string {
  let out = "";
  for (let k = 0; k < len; k++) out += SKELETON_CHARS[SKELETON_OUT[k]!]!;
  return out;
}

const letterCounts = new Int32Array(128);

/**
 * Upper bound of editRatio from letter counts (each surplus letter needs at least one edit);
 * computed in O(length) to skip hopeless pairs before the dynamic programme.
 */
export function letterBound(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) letterCounts[a.charCodeAt(i) & 127]!++;
  for (let i = 0; i < b.length; i++) letterCounts[b.charCodeAt(i) & 127]!--;
  let surplusA = 0;
  let surplusB = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i) & 127;
    const v = letterCounts[c]!;
    if (v > 0) surplusA += v;
    letterCounts[c] = 0;
  }
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i) & 127;
    const v = letterCounts[c]!;
    if (v < 0) surplusB -= v;
    letterCounts[c] = 0;
  }
  const max = Math.max(a.length, b.length);
  return max === 0 ? 1 : 1 - Math.max(surplusA, surplusB) / max;
}

/** Letters of a word as a 32-bit set (char code mod 32), for spellingBound. */
export function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= 1 << (s.charCodeAt(i) & 31);
  return m;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * An upper bound of letterBound(a, b) from the words' letter masks and lengths alone (a letter of
 * one word absent from the other, and each letter of length difference, is a surplus letter):
 * a constant-time test that lets the aligner skip word pairs tokenSimilarity would reject.
 */
export function spellingBound(maskA: number, lenA: number, maskB: number, lenB: number): number {
  const max = lenA > lenB ? lenA : lenB;
  if (max === 0) return 1;
  let surplus = lenA > lenB ? lenA - lenB : lenB - lenA;
  const onlyA = popcount(maskA & ~maskB);
  const onlyB = popcount(maskB & ~maskA);
  if (onlyA > surplus) surplus = onlyA;
  if (onlyB > surplus) surplus = onlyB;
  return 1 - surplus / max;
}

/**
 * The letterBound below which tokenSimilarity gives 0 to two words of at least two letters each
 * (0 when there is no such floor: transcriptions, readings, abjads and abugidas across scripts).
 */
export function spellingFloor(originA: TokenOrigin, originB: TokenOrigin, joined: boolean): number {
  if (
    originA === TokenOrigin.Transcription ||
    originB === TokenOrigin.Transcription ||
    originA === TokenOrigin.Reading ||
    originB === TokenOrigin.Reading
  )
    return 0;
  // two words in letters need 0.55; a joined pair scores by spelling alone (≥ 0.6); a single pair
  // across scripts needs a spelling ratio of 0.4 before its consonants count, except abjads and
  // abugidas, whose consonants count on their own
  const cross = originA !== TokenOrigin.Latin || originB !== TokenOrigin.Latin;
  if (!cross) return 0.55;
  if (joined) return 0.6;
  return originA === TokenOrigin.Abjad ||
    originB === TokenOrigin.Abjad ||
    originA === TokenOrigin.Abugida ||
    originB === TokenOrigin.Abugida
    ? 0
    : 0.4;
}

/** How a token was obtained; decides which comparisons are fair for it. */
export enum TokenOrigin {
  Latin = 0,
  /** romanised from an alphabet or syllabary (Cyrillic, Greek, kana, Hangul…) */
  Transliterated = 1,
  /** romanised from an abjad (Arabic, Hebrew): short vowels are unknown */
  Abjad = 2,
  /** a reading of Han characters (pinyin, Sino-Korean) */
  Reading = 3,
  /** a dictionary translation of a CJK word */
  Translation = 4,
  /** romanised from an abugida whose inherent vowels are not written (Thai, Devanagari…) */
  Abugida = 5,
  /**
   * a Chinese transcription of a foreign name (布朗巴克 bu'lang'ba'ke): compared with Latin words by
   * their consonant sounds (transcription.ts), never by spelling
   */
  Transcription = 6,
}

/**
 * Similarity of two single tokens in [0, 1]; below 0.6 counts as no match. `crossScript` enables
 * the consonant-skeleton comparison used when one side was romanised from another script.
 * `joined` marks two words written together (compared by spelling only: chance agreement of
 * consonants across a word boundary means nothing).
 */
export function tokenSimilarity(
  a: string,
  b: string,
  originA: TokenOrigin,
  originB: TokenOrigin,
  joined = false,
): number {
  if (a === b) return 1;
  if (originA === TokenOrigin.Transcription || originB === TokenOrigin.Transcription) {
    // a transcription meets a word written in letters by sound; two transcriptions, or a
    // transcription and a reading, only by their characters (compared elsewhere)
    if (originA === TokenOrigin.Transcription && originB === TokenOrigin.Latin && b.length >= 2)
      return transcriptionSimilarity(a, b);
    if (originB === TokenOrigin.Transcription && originA === TokenOrigin.Latin && a.length >= 2)
      return transcriptionSimilarity(b, a);
    return 0;
  }
  const la = a.length;
  const lb = b.length;
  if (la === 1 || lb === 1) {
    // an initial against a full word
    if (la === 1 && lb > 1 && b.charCodeAt(0) === a.charCodeAt(0)) return 0.7;
    if (lb === 1 && la > 1 && a.charCodeAt(0) === b.charCodeAt(0)) return 0.7;
    return 0;
  }
  // Han/Hangul syllable readings are discrete: they match exactly (including joined syllables)
  // or not at all — "cheng" is not "chen" (decided before any edit distance is computed).
  if (originA === TokenOrigin.Reading || originB === TokenOrigin.Reading) return 0;
  let best = 0;
  const maxLen = la > lb ? la : lb;
  const minLen = la > lb ? lb : la;
  const cross = originA !== TokenOrigin.Latin || originB !== TokenOrigin.Latin;
  // Pairs that cannot reach a match skip the dynamic programme (letterBound is an upper bound of
  // editRatio).
  const skipBelow = spellingFloor(originA, originB, joined);
  if (skipBelow > 0 && letterBound(a, b) < skipBelow) return 0;
  if (maxLen - minLen <= Math.max(2, maxLen * 0.4)) {
    const r = editRatio(a, b);
    // short tokens must be nearly identical to count
    if (maxLen <= 3) best = r >= 0.66 && minLen >= 3 ? r * 0.9 : 0;
    else best = r;
    // prefix agreement (Winkler): names that share their beginning are more alike
    if (best >= 0.7 && a.charCodeAt(0) === b.charCodeAt(0) && a.charCodeAt(1) === b.charCodeAt(1)) {
      best = Math.min(0.97, best + 0.04);
    }
  }
  if (best < 0.95 && !joined) {
    const sa = skeleton(a);
    const sb = skeleton(b);
    const abjad = originA === TokenOrigin.Abjad || originB === TokenOrigin.Abjad;
    const ortho = best > 0 ? best : editRatio(a, b);
    if (cross && sa.length >= 2 && sb.length >= 2) {
      const r = sa === sb ? 1 : editRatio(sa, sb);
      let skel = r;
      if (r < 1) {
        // transcriptions swap t/d with j/ch (ジ = di, 京 jing = tin): a weaker second look
        const r2 = editRatio(sa.replace(/J/g, "T"), sb.replace(/J/g, "T"));
        if (0.95 * r2 > skel) skel = 0.95 * r2;
      }
      let s: number;
      const abugida = originA === TokenOrigin.Abugida || originB === TokenOrigin.Abugida;
      if (abjad) {
        // short vowels are not written: the consonants are all there is to compare
        s = 0.94 * skel;
        if (Math.min(sa.replace(/^A/, "").length, sb.replace(/^A/, "").length) < 3 && s > 0.9) s = 0.9;
      } else if (abugida) {
        // inherent vowels are not written: consonants first, spelling second
        s = 0.7 * skel + 0.25 * ortho;
      } else {
        // the vowels are known: consonant agreement only adds to spelling agreement
        s = ortho >= 0.4 ? 0.5 * ortho + 0.45 * skel : 0;
      }
      if (s > best) best = s;
    } else if (!cross && sa === sb && minLen >= 4 && ((sa.length >= 4 && ortho >= 0.55) || ortho >= 0.6)) {
      if (best < 0.85) best = 0.85;
    }
  }
  return best >= 0.6 ? best : 0;
}
