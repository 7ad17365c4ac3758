/**
 * Scoring: aligns the tokens of a query name with those of a list name, then adds the identity
 * evidence (legal form, country, date of birth, identifiers) and words every contribution for a
 * reviewer in Japanese and English. Scores are graded in 0..1; 1.0 only for identical names.
 */
import type { AnalyzedName, FormMethod, NameForm, Token, TokenSource } from "./analyze.js";
import {
  editRatio,
  letterMask,
  spellingBound,
  spellingFloor,
  TokenOrigin,
  tokenSimilarity,
} from "./similarity.js";
import { type SpellingRule, VARIANT_FACTOR } from "./spelling.js";
import type { LegalClass } from "./vocabulary.js";

export type NameComparison = {
  score: number;
  /**
   * The alignment score before the method's fidelity cap: breaks ties between names capped to the
   * same score (a translation that explains every word of the list name beats one that does not).
   */
  raw?: number;
  /** The forms that gave the best score (to recompute matched pairs for an explanation). */
  forms?: [NameForm, NameForm];
  method: FormMethod | "identical" | "ideographs";
  /** Matched token pairs, for the explanation ("putin ~ puchin"), with the spelling rule used. */
  pairs: {
    query: string;
    list: string;
    similarity: number;
    rule?: PairRule;
    /** The characters the query words were read or translated from, and how (浪潮 → pinyin). */
    via?: TokenSource[];
  }[];
  queryCoverage: number;
  listCoverage: number;
};

/** How a token pair met beyond plain spelling: a spelling convention, or an initial. */
export type PairRule = SpellingRule | "initial" | "acronym" | "surname";

type Unit = {
  start: number;
  len: number;
  alts: string[];
  /** The spelling rule behind each alt (undefined for the word's own spellings). */
  rules: (SpellingRule | undefined)[] | null;
  weight: number;
  origin: Token["origin"];
  minLen: number;
  maxLen: number;
  /** letterMask of each alt (to skip spelling pairs that cannot match, see spellingBound). */
  masks: Int32Array;
  /**
   * Best similarity of this unit against a list spelling, per (joined, list origin): resolved on
   * first use, shared between units with the same spellings (see withSimilarityCache).
   */
  memo: (Map<string, number> | undefined)[] | null;
};

function makeUnit(
  start: number,
  len: number,
  alts: string[],
  weight: number,
  origin: Token["origin"],
  rules: (SpellingRule | undefined)[] | null = null,
): Unit {
  let minLen = Number.POSITIVE_INFINITY;
  let maxLen = 0;
  const masks = new Int32Array(alts.length);
  for (let k = 0; k < alts.length; k++) {
    const a = alts[k]!;
    if (a.length < minLen) minLen = a.length;
    if (a.length > maxLen) maxLen = a.length;
    masks[k] = letterMask(a);
  }
  return { start, len, alts, rules, weight, origin, minLen, maxLen, masks, memo: null };
}

/** Single tokens and adjacent pairs (jong un ~ jongun, abd allah ~ abdallah), memoised per form. */
function unitsOf(form: NameForm): Unit[] {
  const cached = (form as { units?: Unit[] }).units;
  if (cached) return cached;
  const tokens = form.tokens;
  const units: Unit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.variants && t.variants.length > 0) {
      const alts = [...t.alts, ...t.variants.map((v) => v.alt)];
      const rules = [...t.alts.map(() => undefined), ...t.variants.map((v) => v.rule)];
      units.push(makeUnit(i, 1, alts, t.weight, t.origin, rules));
    } else units.push(makeUnit(i, 1, t.alts, t.weight, t.origin));
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (a.cls === "stop" || b.cls === "stop") continue;
    const ta = a.origin === TokenOrigin.Transcription;
    if (ta !== (b.origin === TokenOrigin.Transcription)) continue; // sounds and letters are not joined
    const alts: string[] = [];
    const sep = ta ? "'" : "";
    for (const x of a.alts.slice(0, 3)) for (const y of b.alts.slice(0, 3)) alts.push(x + sep + y);
    units.push(makeUnit(i, 2, alts, a.weight + b.weight, a.origin > b.origin ? a.origin : b.origin));
  }
  (form as { units?: Unit[] }).units = units;
  return units;
}

/**
 * Memos shared by query units with the same spellings while a batch of comparisons runs: a CJK
 * query has a dozen forms (readings × translations) that repeat most of their words, and each
 * candidate name has several forms too; without sharing, every form re-measured the same word
 * pairs. Keyed by everything the similarity depends on (spellings, their rules, origin, length),
 * so a shared memo gives exactly what a private one would.
 */
let sharedMemos: Map<string, (Map<string, number> | undefined)[]> | null = null;

/** Most unit memos one batch shares (a bound on memory for very long names). */
export const MAX_SHARED_MEMOS = 4096;

/**
 * Runs a batch of comparisons of one query (a match against many candidates) with word-pair
 * similarities shared between its forms; outside a batch, memos are kept per unit.
 */
export function withSimilarityCache<T>(fn: () => T): T {
  const outer = sharedMemos;
  sharedMemos = new Map();
  try {
    return fn();
  } finally {
    sharedMemos = outer;
  }
}

/** The similarity memo of a unit: shared with same-spelled units inside a batch. */
function memoOf(u: Unit): (Map<string, number> | undefined)[] {
  if (u.memo) return u.memo;
  if (!sharedMemos) {
    u.memo = [];
    return u.memo;
  }
  const key = `${u.origin}|${u.len > 1 ? 2 : 1}|${u.rules ? u.rules.join(",") : ""}|${u.alts.join("\u0000")}`;
  let memo = sharedMemos.get(key);
  if (!memo) {
    memo = [];
    if (sharedMemos.size < MAX_SHARED_MEMOS) sharedMemos.set(key, memo);
  }
  u.memo = memo;
  return memo;
}

/** Number of unit memos the current batch shares (for tests of the bound). */
export function sharedMemoCount(): number {
  return sharedMemos?.size ?? 0;
}

function unitSimilarity(u: Unit, v: Unit): number {
  const joined = u.len > 1 || v.len > 1;
  // lengths too different for any spelling pair to reach 0.6 (an initial meets a whole word)
  if (isInitial(u) !== isInitial(v) && !joined) return initialSimilarity(u, v);
  // (not for a transcription: its stored spelling — pinyin syllables and separators — is no measure
  // of the word it transcribes; ai'ke'suo'wei'la is the 7 letters of Exovera)
  const sound = u.origin === TokenOrigin.Transcription || v.origin === TokenOrigin.Transcription;
  if (!sound && (u.minLen > v.maxLen * 1.8 + 2 || v.minLen > u.maxLen * 1.8 + 2)) return 0;
  if (joined && u.origin !== TokenOrigin.Transcription && v.origin !== TokenOrigin.Transcription) {
    // two words written together are compared by spelling alone, which needs lengths within
    // max(2, 40 %) of each other (tokenSimilarity): decided here for every spelling pair at once
    const gap = Math.max(u.minLen - v.maxLen, v.minLen - u.maxLen);
    if (gap > 2 && gap > 0.4 * Math.max(u.maxLen, v.maxLen)) return 0;
  }
  // the similarity depends on the list side's exact origin (a reading meets only its own
  // spelling, a translation any near spelling), so the memo is kept per origin
  const slot = (joined ? 8 : 0) + v.origin;
  const memos = memoOf(u);
  let memo = memos[slot];
  if (!memo) {
    memo = new Map();
    memos[slot] = memo;
  }
  let best = 0;
  // (spelling pairs whose letters alone keep them under tokenSimilarity's floor are not compared)
  const spelling = spellingFloor(u.origin, v.origin, joined);
  for (let bi = 0; bi < v.alts.length; bi++) {
    const b = v.alts[bi]!;
    let s = memo.get(b);
    if (s === undefined) {
      s = 0;
      for (let ai = 0; ai < u.alts.length; ai++) {
        const a = u.alts[ai]!;
        let x =
          a === b
            ? 1
            : spelling > 0 &&
                a.length > 1 &&
                b.length > 1 &&
                spellingBound(u.masks[ai]!, a.length, v.masks[bi]!, b.length) < spelling
              ? 0
              : tokenSimilarity(a, b, u.origin, v.origin, joined);
        if (u.rules?.[ai]) x *= VARIANT_FACTOR;
        if (x > s) {
          s = x;
          if (s === 1) break;
        }
      }
      memo.set(b, s);
    }
    if (v.rules?.[bi]) s *= VARIANT_FACTOR;
    if (s > best) {
      best = s;
      if (best === 1) return 1;
    }
  }
  return best;
}

function isInitial(u: Unit): boolean {
  return u.len === 1 && u.maxLen === 1;
}

/** An initial against a whole word: the same first letter (tokenSimilarity gives 0.7). */
function initialSimilarity(u: Unit, v: Unit): number {
  let best = 0;
  for (const a of u.alts) {
    for (const b of v.alts) {
      const x = tokenSimilarity(a, b, u.origin, v.origin);
      if (x > best) best = x;
    }
  }
  return best;
}

/**
 * Credit an initial earns when it agrees with a whole word: all an initial can say, so it is
 * explained (the low weight of initials keeps them from carrying a match); the whole word on the
 * other side is only partly confirmed and keeps the plain similarity.
 */
export const INITIAL_AGREEMENT_CREDIT = 0.9;

/** The query spelling that met the list token best (for the explanation: 交通 → communications). */
function bestAlt(u: Unit, v: Unit): string {
  let best = u.alts[0]!;
  let bestSim = -1;
  for (const a of u.alts) {
    for (const b of v.alts) {
      const x = a === b ? 1 : tokenSimilarity(a, b, u.origin, v.origin, u.len > 1 || v.len > 1);
      if (x > bestSim) {
        bestSim = x;
        best = a;
      }
    }
  }
  return best;
}

/** Which spelling rule (or initial) a matched pair relied on, for the explanation. */
function pairRule(u: Unit, v: Unit): PairRule | undefined {
  if (isInitial(u) !== isInitial(v) && u.len === 1 && v.len === 1) return "initial";
  if (!u.rules && !v.rules) return undefined;
  let best = 0;
  let rule: PairRule | undefined;
  const joined = u.len > 1 || v.len > 1;
  for (let ai = 0; ai < u.alts.length; ai++) {
    for (let bi = 0; bi < v.alts.length; bi++) {
      const a = u.alts[ai]!;
      const b = v.alts[bi]!;
      let x = a === b ? 1 : tokenSimilarity(a, b, u.origin, v.origin, joined);
      if (u.rules?.[ai]) x *= VARIANT_FACTOR;
      if (v.rules?.[bi]) x *= VARIANT_FACTOR;
      if (x > best) {
        best = x;
        rule = u.rules?.[ai] ?? v.rules?.[bi];
      }
    }
  }
  return rule;
}

const scratchKeys = new Float64Array(4096);
const qUsed = new Uint8Array(64);
const nUsed = new Uint8Array(64);
const qSim = new Float64Array(64);
const nSim = new Float64Array(64);
const qTo = new Int16Array(64);

/**
 * Similarity left to given-name syllables met in the reverse order (광수 vs Su-Kwang), or to the one
 * syllable met when its partner was not (현숙 vs Hyon-U).
 */
export const SWAPPED_SYLLABLES_FACTOR = 0.5;

/**
 * Best one-to-one alignment of two token lists (greedy on similarity), allowing a pair of
 * adjacent tokens on one side to match a single token on the other. Returns coverage of each side
 * weighted by token weight; the matched pairs only when asked (for explanations).
 */
export function alignForms(
  q: NameForm,
  n: NameForm,
  withPairs = false,
  queryHasLegalForm = false,
): Omit<NameComparison, "method"> {
  return align(q, n, withPairs, queryHasLegalForm, Number.NEGATIVE_INFINITY)!;
}

/**
 * alignForms for a caller that only needs alignments scoring at least `need` (a match's minimum
 * score): returns null, without aligning, when an upper bound of the score computed from the word
 * similarities alone is below `need`; otherwise exactly what alignForms returns. Most candidate
 * names of a query share a key but no word that counts, so most form pairs end here.
 */
export function alignFormsAtLeast(
  q: NameForm,
  n: NameForm,
  queryHasLegalForm: boolean,
  need: number,
): Omit<NameComparison, "method"> | null {
  return align(q, n, false, queryHasLegalForm, need);
}

/** Upper bound of partialCredit(x) over 0 ≤ x ≤ s (the credit is negative below 0.4). */
function creditBound(s: number): number {
  const c = partialCredit(s);
  return c > 0 ? c : 0;
}

/**
 * True when matchAcronyms could mark anything: an acronym-like word on one side (in a name of at
 * least two words) and an organisation word on the other. Mirrors its preconditions, looser.
 */
function acronymPossible(acr: Token[], acrN: number, words: Token[], wordN: number): boolean {
  let nameWords = 0;
  let candidate = false;
  for (let j = 0; j < acrN; j++) {
    const a = acr[j]!;
    if (a.cls === "stop") continue;
    nameWords++;
    if (a.origin === TokenOrigin.Latin && a.cls !== "initial") {
      const x = a.alts[0]!;
      if (x.length >= 3 && x.length <= 6) candidate = true;
    }
  }
  if (nameWords < 2 || !candidate) return false;
  for (let i = 0; i < wordN; i++) if (words[i]!.cls === "org") return true;
  return false;
}

/** Full alignments run so far (past the score bound), for tests of what the bounds skip. */
let alignments = 0;

/** Number of full alignments run in this process (tests compare it before and after a call). */
export function alignmentCount(): number {
  return alignments;
}

const qMax = new Float64Array(64);
const nMax = new Float64Array(64);

function align(
  q: NameForm,
  n: NameForm,
  withPairs: boolean,
  queryHasLegalForm: boolean,
  need: number,
): Omit<NameComparison, "method"> | null {
  const qu = unitsOf(q);
  const nu = unitsOf(n);
  const qn = Math.min(q.tokens.length, 64);
  const nn = Math.min(n.tokens.length, 64);
  const bounded = need > Number.NEGATIVE_INFINITY;
  if (bounded) {
    qMax.fill(0, 0, qn);
    nMax.fill(0, 0, nn);
  }
  let count = 0;
  for (let i = 0; i < qu.length && i < 64; i++) {
    const u = qu[i]!;
    for (let j = 0; j < nu.length && j < 64; j++) {
      const v = nu[j]!;
      if (u.len === 2 && v.len === 2) continue;
      const s = unitSimilarity(u, v);
      if (s > 0 && count < scratchKeys.length) {
        // sort key: similarity first, then the heavier pair (weights ≤ 2 → 3 bits)
        scratchKeys[count++] =
          Math.round(s * 1e6) * 65536 + Math.round((u.weight + v.weight) * 3) * 4096 + i * 64 + j;
      }
      if (bounded && s > 0) {
        // the most each word can be credited (an initial meeting a word is credited in full), at
        // the similarity the alignment reads back from the sort key (rounded to 1e-6)
        const sk = Math.round(s * 1e6) / 1e6;
        const initialPair = isInitial(u) !== isInitial(v);
        const qs = initialPair && isInitial(u) ? Math.max(sk, INITIAL_AGREEMENT_CREDIT) : sk;
        const ns = initialPair && isInitial(v) ? Math.max(sk, INITIAL_AGREEMENT_CREDIT) : sk;
        for (let k = u.start; k < u.start + u.len && k < qn; k++) if (qs > qMax[k]!) qMax[k] = qs;
        for (let k = v.start; k < v.start + v.len && k < nn; k++) if (ns > nMax[k]!) nMax[k] = ns;
      }
    }
  }
  if (bounded && alignmentBound(q, qn, n, nn, queryHasLegalForm) < need) return null;
  alignments++;
  const keys = scratchKeys.subarray(0, count).sort();
  qUsed.fill(0, 0, qn);
  nUsed.fill(0, 0, nn);
  qSim.fill(0, 0, qn);
  nSim.fill(0, 0, nn);
  qTo.fill(-1, 0, qn);
  const pairs: NameComparison["pairs"] = [];
  for (let c = count - 1; c >= 0; c--) {
    const key = keys[c]!;
    const ij = key % 4096;
    const i = Math.floor(ij / 64);
    const j = ij % 64;
    const s = Math.floor(key / 65536) / 1e6;
    const u = qu[i]!;
    const v = nu[j]!;
    let free = true;
    for (let k = 0; k < u.len; k++) if (qUsed[u.start + k]) free = false;
    for (let k = 0; k < v.len; k++) if (nUsed[v.start + k]) free = false;
    if (!free) continue;
    // an initial that agrees with a whole word is fully explained on its own side
    const initialPair = isInitial(u) !== isInitial(v);
    if (u.len === 1) qTo[u.start] = v.len === 1 ? v.start : -1;
    for (let k = 0; k < u.len; k++) {
      qUsed[u.start + k] = 1;
      qSim[u.start + k] = initialPair && isInitial(u) ? Math.max(s, INITIAL_AGREEMENT_CREDIT) : s;
    }
    for (let k = 0; k < v.len; k++) {
      nUsed[v.start + k] = 1;
      nSim[v.start + k] = initialPair && isInitial(v) ? Math.max(s, INITIAL_AGREEMENT_CREDIT) : s;
    }
    if (withPairs) {
      const rule = pairRule(u, v);
      const qTokens = q.tokens.slice(u.start, u.start + u.len);
      const via: TokenSource[] = [];
      for (const t of qTokens) if (t.from && !via.some((x) => x.text === t.from!.text)) via.push(t.from);
      pairs.push({
        ...(rule ? { rule } : {}),
        ...(via.length > 0 ? { via } : {}),
        query: u.len === 1 ? bestAlt(u, v) : qTokens.map((t) => t.alts[0]).join(" "),
        list: n.tokens
          .slice(v.start, v.start + v.len)
          .map((t) => t.alts[0])
          .join(" "),
        similarity: Math.round(s * 1000) / 1000,
      });
    }
  }
  // an acronym left unmatched on one side (CAPF, MHI) may be spelled by the words left on the other
  matchAcronyms(n.tokens, nn, nUsed, nSim, q.tokens, qn, qUsed, qSim, withPairs ? pairs : null, false);
  matchAcronyms(q.tokens, qn, qUsed, qSim, n.tokens, nn, nUsed, nSim, withPairs ? pairs : null, true);
  // given-name syllables must keep their order: a swapped pair is a different name
  for (let i = 0; i + 1 < qn; i++) {
    const a = q.tokens[i]!;
    const b = q.tokens[i + 1]!;
    if (a.seq === undefined || a.seq !== b.seq) continue;
    if (qUsed[i] !== qUsed[i + 1]) {
      // one syllable of the given name met, the other not: another given name (현숙 is not 현우)
      const k = qUsed[i] ? i : i + 1;
      qSim[k] = qSim[k]! * SWAPPED_SYLLABLES_FACTOR;
      if (qTo[k]! >= 0) nSim[qTo[k]!] = nSim[qTo[k]!]! * SWAPPED_SYLLABLES_FACTOR;
      continue;
    }
    if (!qUsed[i]) continue;
    const ja = qTo[i]!;
    const jb = qTo[i + 1]!;
    if (ja >= 0 && jb >= 0 && ja > jb) {
      qSim[i] = qSim[i]! * SWAPPED_SYLLABLES_FACTOR;
      qSim[i + 1] = qSim[i + 1]! * SWAPPED_SYLLABLES_FACTOR;
      nSim[ja] = nSim[ja]! * SWAPPED_SYLLABLES_FACTOR;
      nSim[jb] = nSim[jb]! * SWAPPED_SYLLABLES_FACTOR;
    }
  }
  let qw = 0;
  let qm = 0;
  for (let i = 0; i < qn; i++) {
    const w = q.tokens[i]!.weight;
    qw += w;
    qm += w * partialCredit(qSim[i]!);
  }
  let nw = 0;
  let nm = 0;
  const surname = queryHasLegalForm ? -1 : loneForeignSurname(q, qn, n, nn);
  if (surname >= 0) {
    nw = 1;
    nm = partialCredit(nSim[surname]!);
    if (withPairs) for (const p of pairs) if (!p.rule) p.rule = "surname";
  } else {
    for (let j = 0; j < nn; j++) {
      const w = n.tokens[j]!.weight;
      nw += w;
      nm += w * partialCredit(nSim[j]!);
    }
  }
  const queryCoverage = qw > 0 ? qm / qw : 0;
  const listCoverage = nw > 0 ? nm / nw : 0;
  return { score: combineCoverage(queryCoverage, listCoverage), pairs, queryCoverage, listCoverage };
}

/**
 * An upper bound of the score alignForms gives, from the best similarity each word met (qMax,
 * nMax): the greedy alignment credits a word at most that (or an acronym's credit), the order rule
 * for given-name syllables only lowers credit, and the lone-surname rule counts one list word.
 */
function alignmentBound(
  q: NameForm,
  qn: number,
  n: NameForm,
  nn: number,
  queryHasLegalForm: boolean,
): number {
  if (acronymPossible(n.tokens, nn, q.tokens, qn) || acronymPossible(q.tokens, qn, n.tokens, nn)) {
    for (let i = 0; i < qn; i++) if (qMax[i]! < ACRONYM_CREDIT) qMax[i] = ACRONYM_CREDIT;
    for (let j = 0; j < nn; j++) if (nMax[j]! < ACRONYM_CREDIT) nMax[j] = ACRONYM_CREDIT;
  }
  let qw = 0;
  let qm = 0;
  for (let i = 0; i < qn; i++) {
    const w = q.tokens[i]!.weight;
    qw += w;
    qm += w * creditBound(qMax[i]!);
  }
  let nw = 0;
  let nm = 0;
  let single = 0;
  for (let j = 0; j < nn; j++) {
    const w = n.tokens[j]!.weight;
    const c = creditBound(nMax[j]!);
    nw += w;
    nm += w * c;
    if (c > single) single = c;
  }
  const qc = qw > 0 ? qm / qw : 0;
  let lc = nw > 0 ? nm / nw : 0;
  if (qn === 1 && !queryHasLegalForm && single > lc) lc = single;
  return 0.62 * qc + 0.38 * lc + 1e-9;
}

/**
 * Chinese writes a Western person by the surname alone (科顿 = Cotton, 博尔顿 = Bolton, 蓬佩奥 =
 * Pompeo): the PRC's own sanctions notices and Chinese media name people that way. When the query
 * is one such word — a transcription decoded by sound, or a CC-CEDICT proper-name entry — and it
 * met the last word of a person's name written in letters (only name words and initials: "Tom
 * Cotton", "John R. Bolton"), the given names it could not have written are not counted as
 * unmatched: the list side's coverage is the surname's own. Returns that word's index, or -1.
 * (Not for a query with a legal form: 埃科达因公司 is a company, Echodyne, not Mr Cotton.)
 * (Only the last word: 卡尔 Carr is not Carl Gershman.)
 */
function loneForeignSurname(q: NameForm, qn: number, n: NameForm, nn: number): number {
  if (qn !== 1 || nn < 2 || qSim[0]! === 0) return -1;
  const t = q.tokens[0]!;
  if (t.origin !== TokenOrigin.Transcription && t.from?.how !== "dictionaryName") return -1;
  let last = -1;
  for (let j = 0; j < nn; j++) {
    const c = n.tokens[j]!;
    if (c.origin !== TokenOrigin.Latin || (c.cls !== "name" && c.cls !== "initial")) return -1;
    if (c.cls === "name") last = j;
  }
  if (last <= 0 || nSim[last]! === 0) return -1;
  // (an initial the same word also spelt — Kelly D. K. Craft's K — does not make it a given name)
  for (let j = 0; j < nn; j++) if (j !== last && nSim[j]! > 0 && n.tokens[j]!.cls !== "initial") return -1;
  return last;
}

/** Credit of an acronym and of each word whose initial it spells (CAPF ~ China People's Armed Police Force). */
export const ACRONYM_CREDIT = 0.9;

/**
 * Matches each unmatched acronym-like token (3–6 letters written in the Latin script) of one side
 * with a run of consecutive unmatched words on the other whose initials spell it, "of"/"and"-like
 * words skipped: organisation names are often listed by their acronym (Engineering University of the
 * CAPF, MHI Sagami High-tech) and written out in the other language. Only runs that contain an
 * organisation word (industry, china, university…) count, so that people's names (Ali ~ Ahmad Latif
 * Ibrahim) never meet this way, and only acronyms within a longer name: a name that is only an
 * acronym (HUST) would be spelled by too many others (Hunan University of Science and Technology).
 * Marks both sides matched with ACRONYM_CREDIT.
 */
function matchAcronyms(
  acrTokens: Token[],
  acrN: number,
  acrUsed: Uint8Array,
  acrSim: Float64Array,
  wordTokens: Token[],
  wordN: number,
  wordUsed: Uint8Array,
  wordSim: Float64Array,
  pairs: NameComparison["pairs"] | null,
  acronymInQuery: boolean,
): void {
  // a name that is nothing but an acronym (HUST) is too weak: four letters spell many names
  let nameWords = 0;
  for (let j = 0; j < acrN; j++) if (acrTokens[j]!.cls !== "stop") nameWords++;
  if (nameWords < 2) return;
  // only runs with an organisation word count: without one on the word side, nothing can match
  let orgWord = false;
  for (let i = 0; i < wordN && !orgWord; i++)
    if (!wordUsed[i] && wordTokens[i]!.cls === "org") orgWord = true;
  if (!orgWord) return;
  for (let j = 0; j < acrN; j++) {
    if (acrUsed[j]) continue;
    const a = acrTokens[j]!;
    if (a.origin !== TokenOrigin.Latin || a.cls === "stop" || a.cls === "initial") continue;
    const acr = a.alts[0]!;
    if (acr.length < 3 || acr.length > 6 || !/^[a-z]+$/.test(acr)) continue;
    for (let i = 0; i < wordN; i++) {
      let k = i;
      let letters = 0;
      let org = false;
      while (k < wordN && letters < acr.length) {
        const t = wordTokens[k]!;
        if (wordUsed[k]) break;
        if (t.cls === "stop") {
          if (letters === 0) break;
          k++;
          continue;
        }
        if (!t.alts.some((x) => x[0] === acr[letters])) break;
        if (t.cls === "org") org = true;
        letters++;
        k++;
      }
      if (letters < acr.length || !org) continue;
      acrUsed[j] = 1;
      acrSim[j] = ACRONYM_CREDIT;
      const words: string[] = [];
      const via: TokenSource[] = [];
      for (let m = i; m < k; m++) {
        wordUsed[m] = 1;
        wordSim[m] = ACRONYM_CREDIT;
        const t = wordTokens[m]!;
        words.push(t.alts.find((x) => x[0] === acr[words.length]) ?? t.alts[0]!);
        if (t.from && !via.some((x) => x.text === t.from!.text)) via.push(t.from);
      }
      if (pairs) {
        pairs.push({
          rule: "acronym",
          ...(!acronymInQuery && via.length > 0 ? { via } : {}),
          query: acronymInQuery ? acr : words.join(" "),
          list: acronymInQuery ? words.join(" ") : acr,
          similarity: ACRONYM_CREDIT,
        });
      }
      break;
    }
  }
}

/**
 * A near-identical word counts fully; a merely similar word (0.6–0.9) counts much less, so that
 * several half-similar words cannot add up to a match.
 */
export function partialCredit(s: number): number {
  if (s >= 0.9 || s === 0) return s;
  return s * (0.4 + (0.6 * (s - 0.6)) / 0.3);
}

/**
 * Query coverage matters most (every word the user typed should be explained by the list name);
 * unmatched words of the list name (middle names, patronymics) cost less.
 */
export function combineCoverage(queryCoverage: number, listCoverage: number): number {
  if (queryCoverage === 0 || listCoverage === 0) return 0;
  return 0.62 * queryCoverage + 0.38 * listCoverage;
}

/**
 * Compares two analysed names: the best over their forms, or the ideographs directly.
 *
 * `floor`: a score the caller already holds for another name of the same entity and only replaces
 * when strictly beaten. Form pairs whose fidelity cannot exceed it are not aligned: when the true
 * score is above the floor the result is exactly the unfloored one (those pairs score at most the
 * floor, so they can neither win nor change which pairs are skipped), and when it is not, the
 * result still scores at most the floor, so the caller keeps what it had.
 *
 * `need`: the score below which the caller discards the comparison (a match's minimum score less
 * what the identity evidence could add). Form pairs whose score bound (fidelity, or the word
 * similarities' bound of alignFormsAtLeast) is below it are not aligned: when the true score
 * reaches `need` the result is exactly the unbounded one (skipped pairs score below it, so they
 * can neither win nor tie), and when it does not, the result is below `need` too.
 */
export function compareNames(
  q: AnalyzedName,
  n: AnalyzedName,
  floor = 0,
  need = Number.NEGATIVE_INFINITY,
): NameComparison {
  if (q.identity.length > 0 && q.identity === n.identity) {
    return { score: 1, method: "identical", pairs: [], queryCoverage: 1, listCoverage: 1 };
  }
  let best: NameComparison = { score: 0, method: "latin", pairs: [], queryCoverage: 0, listCoverage: 0 };
  // A form pair scores at most its fidelity: skip pairs that cannot beat what is already known
  // (CJK names have a dozen reading forms each; most pairs are decided by this bound).
  const ideo = compareIdeographs(q, n);
  const bothHan = isHanOnly(q.cjk) && isHanOnly(n.cjk);
  // whether a list form meets the query's reading-only forms (bits 0–1) or, when it has only
  // readings, any query form (bits 2–3): 0 not known yet, 1 it can, 2 it cannot (QuerySpellings)
  let meets: Uint8Array | null = null;
  for (const qf of q.forms) {
    const qReading = readingOnly(qf);
    for (let fi = 0; fi < n.forms.length; fi++) {
      const nf = n.forms[fi]!;
      const fidelity = Math.min(qf.fidelity, nf.fidelity);
      if (fidelity <= best.score || fidelity < ideo || (floor > 0 && fidelity <= floor) || fidelity < need)
        continue;
      // two names written in ideographs: compare Chinese readings with Chinese readings, Korean
      // with Korean, Japanese with Japanese (a zh reading meeting a ja reading is chance)
      if (q.cjk && n.cjk && qf.lang && nf.lang && qf.lang !== nf.lang) continue;
      // … and two names in Han characters only are not compared by Japanese readings: the
      // characters themselves (folded across variants) and their Chinese/Korean readings decide,
      // while the many on/kun combinations of a Chinese name only cost time
      if (bothHan && (qf.lang === "ja" || nf.lang === "ja")) continue;
      if (qReading || readingOnly(nf)) {
        // no word pair can score and no acronym can be spelled: the pair scores 0, which never
        // replaces the best (it starts at 0)
        meets ??= new Uint8Array(n.forms.length);
        const shift = qReading ? 0 : 2;
        let m = (meets[fi]! >> shift) & 3;
        if (m === 0) {
          const r = querySpellings(q, qReading);
          m = r === null || meetsSpellings(r, nf) ? 1 : 2;
          meets[fi] = meets[fi]! | (m << shift);
        }
        if (m === 2 && !acronymsPossible(qf, nf)) continue;
      }
      const a = alignFormsAtLeast(qf, nf, q.legal.length > 0, need);
      if (!a) continue;
      const score = Math.min(a.score, fidelity);
      if (score > best.score || (score === best.score && a.score > (best.raw ?? best.score))) {
        const method = qf.fidelity <= nf.fidelity ? qf.method : nf.method;
        best = { ...a, score, raw: a.score, method, forms: [qf, nf] };
      }
    }
  }
  if (ideo > best.score) {
    best = { score: ideo, method: "ideographs", pairs: [], queryCoverage: ideo, listCoverage: ideo };
  }
  return best;
}

/**
 * The spellings a query can meet a reading-only form by. A Han reading (pinyin, a Sino-Korean or
 * Japanese reading) meets a word only by equal spelling, or as an initial (tokenSimilarity), so a
 * form pair whose one side has only readings scores 0 unless a spelling of one side (a word, or
 * two adjacent words joined) equals one of the other's, a single-letter word meets a word, or an
 * acronym is spelled. Such pairs are the bulk of a CJK name's work (half a dozen reading forms ×
 * hundreds of candidate names), and most of them score 0: this finds them without comparing
 * their words one by one.
 * `spellings`: every spelling of the query's forms (only its reading-only forms when `readings`),
 * and every join of two adjacent ones; `prefixes`: their proper prefixes (a list word that begins
 * one may be joined with the next); null when a spelling has a single letter (it could meet
 * words as an initial). Memoised for the last query.
 */
type QuerySpellings = { spellings: Set<string>; prefixes: Set<string> } | null;

/** True for a form whose every word is a Han reading (see QuerySpellings). */
function readingOnly(f: NameForm): boolean {
  if (f.tokens.length === 0) return false;
  for (const t of f.tokens) if (t.origin !== TokenOrigin.Reading) return false;
  return true;
}

function altsOf(t: Token): string[] {
  return t.variants && t.variants.length > 0 ? [...t.alts, ...t.variants.map((v) => v.alt)] : t.alts;
}

// the last query's spellings (a match compares one query with many names in a row; kept here
// rather than on the name, whose shape the hot paths rely on)
let spellingsOf: AnalyzedName | null = null;
let readingSpellingsMemo: QuerySpellings | undefined;
let allSpellingsMemo: QuerySpellings | undefined;

function querySpellings(q: AnalyzedName, readings: boolean): QuerySpellings {
  if (spellingsOf !== q) {
    spellingsOf = q;
    readingSpellingsMemo = undefined;
    allSpellingsMemo = undefined;
  }
  const known = readings ? readingSpellingsMemo : allSpellingsMemo;
  if (known !== undefined) return known;
  const spellings = new Set<string>();
  const prefixes = new Set<string>();
  let ok = true;
  for (const f of q.forms) {
    if (readings && !readingOnly(f)) continue;
    for (let i = 0; i < f.tokens.length; i++) {
      const alts = altsOf(f.tokens[i]!);
      for (const a of alts) {
        if (a.length < 2) ok = false;
        spellings.add(a);
      }
      if (i + 1 < f.tokens.length) {
        // (every join the aligner could form, and more: all spellings, with and without the
        // apostrophe that joins transcribed syllables)
        for (const a of alts) for (const b of altsOf(f.tokens[i + 1]!)) spellings.add(a + b).add(`${a}'${b}`);
      }
    }
  }
  for (const x of spellings) for (let k = 1; k < x.length; k++) prefixes.add(x.slice(0, k));
  const out = ok ? { spellings, prefixes } : null;
  if (readings) readingSpellingsMemo = out;
  else allSpellingsMemo = out;
  return out;
}

/**
 * False when no word of the list form can score above 0 against a form with the query spellings
 * `r` whose one side has only readings (see QuerySpellings): none of its spellings, nor any join
 * of two adjacent ones, is one of `r`, and it has no single-letter word (an initial).
 */
function meetsSpellings(r: NonNullable<QuerySpellings>, n: NameForm): boolean {
  const tokens = n.tokens;
  for (let j = 0; j < tokens.length; j++) {
    const alts = altsOf(tokens[j]!);
    for (const b of alts) {
      if (b.length < 2 || r.spellings.has(b)) return true;
      if (j + 1 < tokens.length && r.prefixes.has(b)) {
        for (const c of altsOf(tokens[j + 1]!))
          if (r.spellings.has(b + c) || r.spellings.has(`${b}'${c}`)) return true;
      }
    }
  }
  return false;
}

/**
 * False only when the form pair `qf` (a form of `q`) × `nf` scores 0 in alignForms: one side has
 * only Han readings and no word, join or initial can meet across (see QuerySpellings). compareNames
 * skips such pairs (with the list form's answer cached); exported to test the rule on its own.
 */
export function formPairMayScore(q: AnalyzedName, qf: NameForm, nf: NameForm): boolean {
  const qReading = readingOnly(qf);
  if (!qReading && !readingOnly(nf)) return true;
  const r = querySpellings(q, qReading);
  return r === null || meetsSpellings(r, nf) || acronymsPossible(qf, nf);
}

/** True when matchAcronyms could credit anything between the two forms (see acronymPossible). */
function acronymsPossible(q: NameForm, n: NameForm): boolean {
  const qn = Math.min(q.tokens.length, 64);
  const nn = Math.min(n.tokens.length, 64);
  return acronymPossible(n.tokens, nn, q.tokens, qn) || acronymPossible(q.tokens, qn, n.tokens, nn);
}

/** True for a non-empty string of Han characters only (no kana, no Hangul). */
function isHanOnly(s: string | null): boolean {
  return !!s && !/[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u.test(s);
}

function compareIdeographs(q: AnalyzedName, n: AnalyzedName): number {
  let best = 0;
  const consider = (a: string | null, b: string | null, factor: number) => {
    if (!a || !b) return;
    const r = editRatio(a, b);
    if (r >= 0.6) best = Math.max(best, Math.min(0.99, r) * factor);
  };
  consider(q.cjk, n.cjk, 1);
  consider(q.cjkHangul, n.cjk, 0.95);
  consider(q.cjk, n.cjkHangul, 0.95);
  return best;
}

// ---------------------------------------------------------------------------------------------

export type EntityFacts = {
  schema: "Person" | "Organization" | "Vessel" | "Aircraft" | "Unknown";
  countries: string[];
  birthDates: string[];
  identifiers: { scheme: string; value: string }[];
};

export type QueryFacts = {
  schema?: "Person" | "Organization" | "Unknown";
  countries?: string[];
  birthDate?: string;
  identifiers?: { scheme: string; value: string }[];
};

export type FeatureContribution = {
  id: string;
  contribution: number;
  ja: string;
  en: string;
  detailJa?: string;
  detailEn?: string;
};

/** Weights of the identity features (exported so reviewers and tests see the same numbers). */
export const FEATURE_WEIGHTS = {
  legalFormAgree: 0.02,
  legalFormDisagree: -0.03,
  countryAgree: 0.03,
  countryDisagree: -0.1,
  birthDateExact: 0.05,
  birthYearAgree: 0.03,
  birthYearNear: -0.03,
  birthDateDisagree: -0.15,
  identifierAgree: 0.2,
  schemaDisagree: -0.1,
  personVersusVessel: -0.2,
} as const;

/** Company-type legal forms that translate into each other (株式会社 = Corporation = Co., Ltd. = JSC). */
const CORPORATE = new Set<LegalClass>(["company", "limited", "stock", "llc", "jsc"]);

function normId(v: string): string {
  return v.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

/**
 * The identity-evidence features for one query/entity pair. With `withText` false only `id` and
 * `contribution` are filled (the texts are empty): a match scores every candidate's evidence, but
 * only the few entities that can reach its minimum score are explained, and building the texts
 * for the others was a good part of their cost.
 */
export function factFeatures(
  q: QueryFacts,
  e: EntityFacts,
  qLegal: LegalClass[],
  nLegal: LegalClass[],
  withText = true,
): FeatureContribution[] {
  const out: FeatureContribution[] = [];
  // (the texts are built by a callback, only when asked for)
  const add = (
    id: string,
    contribution: number,
    text: () => Omit<FeatureContribution, "id" | "contribution">,
  ) => out.push(withText ? { id, contribution, ...text() } : { id, contribution, ja: "", en: "" });
  if (qLegal.length > 0 && nLegal.length > 0) {
    const group = (c: LegalClass) => (CORPORATE.has(c) ? "corporate" : c);
    const agree = qLegal.some((c) => nLegal.some((d) => group(c) === group(d)));
    add("legalForm", agree ? FEATURE_WEIGHTS.legalFormAgree : FEATURE_WEIGHTS.legalFormDisagree, () => ({
      ja: agree ? "法人格が一致" : "法人格が異なる",
      en: agree ? "Legal form agrees" : "Legal form differs",
      detailJa: `照会: ${qLegal.join(", ")} / リスト: ${nLegal.join(", ")}`,
      detailEn: `query: ${qLegal.join(", ")} / list: ${nLegal.join(", ")}`,
    }));
  }
  const qc = (q.countries ?? []).map((c) => c.toLowerCase()).filter(Boolean);
  const ec = e.countries.map((c) => c.toLowerCase()).filter(Boolean);
  if (qc.length > 0 && ec.length > 0) {
    const agree = qc.some((c) => ec.includes(c));
    add("country", agree ? FEATURE_WEIGHTS.countryAgree : FEATURE_WEIGHTS.countryDisagree, () => ({
      ja: agree ? "国・地域が一致（同一性の手掛かり）" : "国・地域が異なる（別人・別組織の可能性）",
      en: agree ? "Country agrees (identity evidence)" : "Country differs (may be a different party)",
      detailJa: `照会: ${qc.join(", ").toUpperCase()} / リスト: ${ec.join(", ").toUpperCase()}`,
      detailEn: `query: ${qc.join(", ").toUpperCase()} / list: ${ec.join(", ").toUpperCase()}`,
    }));
  }
  if (q.birthDate && e.birthDates.length > 0 && e.schema !== "Organization") {
    const qd = q.birthDate;
    let best: number = FEATURE_WEIGHTS.birthDateDisagree;
    let label = { ja: "生年月日が異なる", en: "Date of birth differs" };
    for (const d of e.birthDates) {
      const qy = Number.parseInt(qd.slice(0, 4), 10);
      const dy = Number.parseInt(d.slice(0, 4), 10);
      if (Number.isNaN(qy) || Number.isNaN(dy)) continue;
      let c: number;
      let l: { ja: string; en: string };
      if (qd.length >= 10 && d.length >= 10 && qd.slice(0, 10) === d.slice(0, 10)) {
        c = FEATURE_WEIGHTS.birthDateExact;
        l = { ja: "生年月日が一致", en: "Date of birth agrees" };
      } else if (qy === dy) {
        const monthClash = qd.length >= 7 && d.length >= 7 && qd.slice(5, 7) !== d.slice(5, 7);
        c = monthClash ? 0 : FEATURE_WEIGHTS.birthYearAgree;
        l = monthClash
          ? { ja: "生年は一致・月日は異なる", en: "Birth year agrees, day differs" }
          : { ja: "生年が一致", en: "Birth year agrees" };
      } else if (Math.abs(qy - dy) === 1) {
        c = FEATURE_WEIGHTS.birthYearNear;
        l = { ja: "生年が1年違い", en: "Birth year one year apart" };
      } else {
        c = FEATURE_WEIGHTS.birthDateDisagree;
        l = { ja: "生年月日が異なる", en: "Date of birth differs" };
      }
      if (c > best) {
        best = c;
        label = l;
      }
    }
    const l = label;
    add("birthDate", best, () => ({
      ...l,
      detailJa: `照会: ${qd} / リスト: ${e.birthDates.join(", ")}`,
      detailEn: `query: ${qd} / list: ${e.birthDates.join(", ")}`,
    }));
  }
  if (q.identifiers && q.identifiers.length > 0 && e.identifiers.length > 0) {
    const listIds = new Map(e.identifiers.map((i) => [normId(i.value), i]));
    const hit = q.identifiers.find((i) => normId(i.value).length >= 4 && listIds.has(normId(i.value)));
    if (hit) {
      add("identifier", FEATURE_WEIGHTS.identifierAgree, () => ({
        ja: "識別番号が一致",
        en: "Identifier matches",
        detailJa: `${hit.scheme}: ${hit.value}`,
        detailEn: `${hit.scheme}: ${hit.value}`,
      }));
    }
  }
  if (q.schema && q.schema !== "Unknown" && e.schema !== "Unknown") {
    const qPerson = q.schema === "Person";
    const ePerson = e.schema === "Person";
    if (qPerson !== ePerson) {
      const craft = e.schema === "Vessel" || e.schema === "Aircraft";
      add(
        "schema",
        qPerson && craft ? FEATURE_WEIGHTS.personVersusVessel : FEATURE_WEIGHTS.schemaDisagree,
        () => ({
          ja: "種別が異なる（個人／団体）",
          en: "Kind differs (person / organisation)",
        }),
      );
    }
  }
  return out;
}

const METHOD_TEXT: Record<NameComparison["method"], { ja: string; en: string }> = {
  identical: { ja: "同一の表記", en: "identical spelling" },
  latin: { ja: "ラテン文字で比較", en: "compared in Latin script" },
  transliteration: {
    ja: "翻字して比較（キリル・ギリシャ・かな・ハングル等）",
    en: "compared after transliteration",
  },
  abjad: {
    ja: "子音骨格で比較（アラビア・ヘブライ文字）",
    en: "compared by consonants (Arabic/Hebrew script)",
  },
  reading: {
    ja: "漢字の読み（ピンイン・朝鮮漢字音）で比較",
    en: "compared via Han readings (pinyin / Sino-Korean)",
  },
  translation: { ja: "組織語彙の翻訳で比較", en: "compared via organisation-word translation" },
  transcription: {
    ja: "外国名の中国語音訳を子音の音で比較",
    en: "compared by sound (Chinese transcription of a foreign name)",
  },
  ideographs: {
    ja: "漢字・ハングルを直接比較（字体を統一）",
    en: "ideographs compared directly (variants folded)",
  },
};

export function methodText(m: NameComparison["method"]): { ja: string; en: string } {
  return METHOD_TEXT[m];
}
