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

const skeletonCache = new Map<string, string>();

/**
 * Cross-script consonant skeleton: vowels dropped (a leading vowel kept as "A"), consonants grouped
 * into classes that transcriptions confuse (b/p/f/v/w, t/d, k/g/q/c, s/z, j/ch/zh, l/r, …), runs
 * collapsed. "Mohamed", "Muhammad" and Arabic محمد all become "MHMT"; "Putin", "Poutine" and
 * Hebrew פוטין become "PTN".
 */
export function skeleton(word: string): string {
  const cached = skeletonCache.get(word);
  if (cached !== undefined) return cached;
  const w = word;
  let out = "";
  let last = "";
  let i = 0;
  const n = w.length;
  const push = (c: string) => {
    if (last !== c) out += c;
    last = c;
  };
  while (i < n) {
    const c = w[i]!;
    const c2 = w.substr(i, 2);
    const c3 = w.substr(i, 3);
    const c4 = w.substr(i, 4);
    if (c4 === "tsch") {
      push("J");
      i += 4;
      continue;
    }
    if (c3 === "sch" || c3 === "tch" || c3 === "dzh") {
      push(c3 === "sch" ? "S" : "J");
      i += 3;
      continue;
    }
    switch (c2) {
      case "sh":
        push("S");
        i += 2;
        continue;
      case "ch":
      case "zh":
      case "dj":
        push("J");
        i += 2;
        continue;
      case "kh":
        push("H");
        i += 2;
        continue;
      case "gh":
      case "ck":
      case "qu":
        push("K");
        i += 2;
        continue;
      case "ph":
      case "bh":
        push("P");
        i += 2;
        continue;
      case "th":
      case "dh":
        push("T");
        i += 2;
        continue;
      case "ts":
      case "tz":
        push("S");
        i += 2;
        continue;
      case "ng":
        if (i + 2 >= n || !"aeiouy".includes(w[i + 2]!)) {
          push("N");
          i += 2;
          continue;
        }
        break;
    }
    let cls = "";
    switch (c) {
      case "a":
      case "e":
      case "i":
      case "o":
      case "u":
      case "y":
        if (i === 0) cls = "A";
        break;
      case "b":
      case "p":
      case "f":
      case "v":
      case "w":
        cls = "P";
        break;
      case "t":
      case "d":
        cls = "T";
        break;
      case "k":
      case "g":
      case "q":
        cls = "K";
        break;
      case "c":
        cls = "eiy".includes(w[i + 1] ?? "") ? "S" : "K";
        break;
      case "x":
        push("K");
        cls = "S";
        break;
      case "s":
      case "z":
        cls = "S";
        break;
      case "j":
        cls = "J";
        break;
      case "l":
      case "r":
        cls = "L";
        break;
      case "m":
        cls = "M";
        break;
      case "n":
        cls = "N";
        break;
      case "h":
        cls = "H";
        break;
      default:
        if (c >= "0" && c <= "9") cls = c;
    }
    if (cls) push(cls);
    else if ("aeiouy".includes(c)) last = ""; // a vowel separates two consonants of one class
    i++;
  }
  const result = out;
  if (skeletonCache.size > 200_000) skeletonCache.clear();
  skeletonCache.set(word, result);
  return result;
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
