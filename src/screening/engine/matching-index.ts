/**
 * The candidate index and the matcher. List entities are analysed once when added and stored in
 * typed arrays with interned strings (a million entities fit in well under 2 GB); blocking keys
 * (exact tokens, consonant skeletons, joined syllable pairs, ideograph bigrams) map to posting
 * lists, so a query only scores the few dozen entities that share its rarest keys instead of
 * scanning the whole list.
 */
import type {
  CrossScriptStep,
  ListEntity,
  ScoreFeature,
  ScreeningHit,
  ScreeningQuery,
} from "../screening-contract.js";
import {
  type AnalyzedName,
  analyzeName,
  CLASS_WEIGHT,
  type FormMethod,
  type NameForm,
  type ReadingLang,
  type Token,
  type TokenClass,
  type TokenHow,
} from "./analyze.js";
import { GrowableUint8, GrowableUint32, Uint32KeySet } from "./growable.js";
import { compareListPrecedence } from "./list-precedence.js";
import { BoundedCache } from "./memo.js";
import { hash32 } from "./normalize.js";
import {
  alignForms,
  compareNames,
  type EntityFacts,
  FEATURE_WEIGHTS,
  factFeatures,
  methodText,
  type NameComparison,
  type PairRule,
  type QueryFacts,
  withSimilarityCache,
} from "./score.js";
import { skeleton, TokenOrigin } from "./similarity.js";
import { SPELLING_RULE_TEXT } from "./spelling.js";
import {
  EXACT_SOUND,
  englishSoundKeys,
  transcriptionSoundKeys,
  transcriptionSplitKeys,
} from "./transcription.js";
import { type LegalClass, orgWordShortForms } from "./vocabulary.js";

/** Default threshold: at or above it a hit is a match that a reviewer must resolve. */
export const DEFAULT_THRESHOLD = 0.7;

export type MatchingIndexOptions = {
  /** Score at or above which `hit.match` is true (default 0.70). */
  threshold?: number;
  /** How many candidates are fully scored per query (default 32). */
  candidates?: number;
  /**
   * Posting entries one query may walk (default 60,000): bounds the cost of common words in a
   * very large index (the two rarest keys of a query are always walked in full).
   */
  postingsBudget?: number;
  /**
   * Ideograph/Hangul names remembered per generation so that a repeated name is copied rather
   * than analysed again (default 65,536; 0 analyses every name). Changes speed, never results.
   */
  repeatedNames?: number;
  /**
   * Keys held for the remembered names before their pool is compacted to the names still
   * remembered (default 4,000,000, 16 MB). Changes speed and memory, never results.
   */
  repeatedKeysPool?: number;
};

export type MatchOptions = {
  /** Maximum number of hits returned (default 10). */
  limit?: number;
  /** Overrides the index threshold for `hit.match`. */
  threshold?: number;
  /** Hits scoring below this are dropped (default 0.5; 0 returns every candidate). */
  minScore?: number;
};

export type MatchingIndex = {
  /** Adds one list entity; `entityId` is the caller's stable id (database id). */
  add(entity: ListEntity, entityId: string): void;
  /** Freezes the index: sorts the posting lists. Must be called once before `match`. */
  build(): void;
  /** Ranked hits for a query (best first). */
  match(query: ScreeningQuery, options?: MatchOptions): ScreeningHit[];
  readonly size: number;
  readonly threshold: number;
  stats(): { entities: number; names: number; tokens: number; keys: number; postings: number };
};

const NAME_KINDS: ListEntity["names"][number]["kind"][] = [
  "primary",
  "alias",
  "weakAlias",
  "former",
  "originalScript",
];
const SCHEMAS: ListEntity["schema"][] = ["Person", "Organization", "Vessel", "Aircraft", "Unknown"];
const CLASSES: TokenClass[] = ["name", "org", "stop", "particle", "initial", "number"];
const READING_LANGS: ReadingLang[] = ["zh", "ko", "ja"];
const METHODS: FormMethod[] = [
  "latin",
  "transliteration",
  "abjad",
  "reading",
  "translation",
  "transcription",
];
const LEGAL_CLASSES: LegalClass[] = [
  "company",
  "limited",
  "stock",
  "llc",
  "jsc",
  "partnership",
  "state",
  "foundation",
];
const FIDELITY_BY_METHOD: Record<FormMethod, number> = {
  latin: 0.99,
  transliteration: 0.96,
  abjad: 0.94,
  reading: 0.88,
  translation: 0.93,
  transcription: 0.9,
};

// Blocking-key seeds (one hash space per key kind)
const SEED_EXACT = 0x811c9dc5;
const SEED_SKEL = 0x9e3779b1;
const SEED_CJK = 0x85ebca6b;
const SEED_PREFIX = 0xc2b2ae35;
const SEED_SOUND = 0x27d4eb2f;
const KEY_FACTOR = { exact: 1, skel: 0.55, cjk: 0.9, prefix: 0.5, sound: 0.6, soundExact: 0.7 } as const;

const NO_ALTS: readonly string[] = [];
const NO_LEGAL: LegalClass[] = [];

/** Weight of the keys of half a transcription (one of two English words it may span). */
const SPLIT_FACTOR = 0.5;

/** Weight factor of a sound key: an exact class sequence weighs more than a coarse key. */
function soundFactor(k: string): number {
  return k.startsWith(EXACT_SOUND) ? KEY_FACTOR.soundExact : KEY_FACTOR.sound;
}

/** Keys of one analysed name: exact tokens, skeletons, joined short pairs, ideograph bigrams. */
function nameKeys(
  a: AnalyzedName,
  forQuery: boolean,
  out: Map<number, number> | Uint32KeySet,
  groups?: Map<number, number>,
): void {
  const groupIds = new Map<string, number>();
  let group = 0;
  // (the index only needs the distinct keys of an entity, not their factors)
  const add =
    out instanceof Uint32KeySet
      ? (h: number, _f: number) => out.add(h)
      : (h: number, f: number) => {
          const prev = out.get(h);
          if (prev === undefined || prev < f) out.set(h, f);
          if (groups && !groups.has(h)) groups.set(h, group);
        };
  const setGroup = (label: string) => {
    if (!groups) return;
    let g = groupIds.get(label);
    if (g === undefined) {
      g = groupIds.size;
      groupIds.set(label, g);
    }
    group = g;
  };
  // On the index side (no key groups) a token that several forms share (forms are built from the
  // same slot options) gives the same keys each time: its own keys, and those of a pair with the
  // same next token, are added once per name.
  const keyed = forQuery || a.forms.length < 2 ? null : new Set<Token>();
  const paired = keyed ? new Map<Token, Token[]>() : null;
  for (const form of a.forms) {
    const toks = form.tokens;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.cls === "stop" || t.cls === "initial") continue;
      setGroup(t.alts[0]!);
      const again = keyed?.has(t) ?? false;
      keyed?.add(t);
      if (t.origin === TokenOrigin.Transcription) {
        // a Chinese transcription looks up the English words that sound like it (and nothing else)
        if (!again)
          for (const k of transcriptionSoundKeys(t.alts[0]!)) add(hash32(k, SEED_SOUND), soundFactor(k));
        if (forQuery) {
          // … and, split in two, the two English words it may span (each half its own key group)
          for (const [si, parts] of transcriptionSplitKeys(t.alts[0]!).entries())
            for (const [pi, ks] of parts.entries()) {
              setGroup(`${t.alts[0]}#${si}.${pi}`);
              for (const k of ks) add(hash32(k, SEED_SOUND), soundFactor(k) * SPLIT_FACTOR);
            }
        }
        continue;
      }
      if (
        !again &&
        !forQuery &&
        t.origin === TokenOrigin.Latin &&
        t.cls === "name" &&
        t.alts[0]!.length >= 3
      ) {
        // … under which a list's name words are found
        for (const k of englishSoundKeys(t.alts[0]!)) add(hash32(k, SEED_SOUND), soundFactor(k));
      }
      // Another convention's spelling (Poetin → putin) is looked up exactly and by skeleton only:
      // the fuzzier keys stay with the word's own spellings, which keeps candidates (and cost) low.
      if (!again && t.variants) {
        for (const { alt } of t.variants) {
          add(hash32(alt, SEED_EXACT), KEY_FACTOR.exact);
          const sk = skeleton(alt);
          if (sk.length >= 2 && t.cls !== "particle") add(hash32(sk, SEED_SKEL), KEY_FACTOR.skel);
        }
      }
      for (const alt of again ? NO_ALTS : t.alts) {
        add(hash32(alt, SEED_EXACT), KEY_FACTOR.exact);
        if (alt.length >= 5 && t.origin !== TokenOrigin.Reading && t.cls === "name") {
          add(hash32(alt.slice(0, 4), SEED_PREFIX), KEY_FACTOR.prefix);
        }
        const sk = skeleton(alt);
        if (sk.length >= 2 && t.cls !== "particle") {
          add(hash32(sk, SEED_SKEL), KEY_FACTOR.skel);
          if (forQuery) {
            // a dropped or swapped leading vowel (AWLIJAN/WALIJAN); for transcriptions also
            // j/ch for t/d and a leading vowel that stands for v/w
            const variants =
              t.origin !== TokenOrigin.Latin
                ? [sk.replace(/J/g, "T"), sk.replace(/^A/, ""), sk.replace(/^A/, "P")]
                : [sk.replace(/^A/, "")];
            for (const v of variants) {
              if (v !== sk && v.length >= 2) add(hash32(v, SEED_SKEL), KEY_FACTOR.skel * 0.8);
            }
            // one consonant-class edit away (Пуцін putsin ~ putin): found, weighted low
            if (sk.length >= 3 && t.origin !== TokenOrigin.Reading) {
              for (const v of skeletonNeighbours(sk)) add(hash32(v, SEED_SKEL), KEY_FACTOR.skel * 0.4);
            }
          }
        }
      }
      const next = toks[i + 1];
      if (next && next.cls !== "stop" && next.cls !== "initial") {
        const short = t.alts[0]!.length <= 5 && next.alts[0]!.length <= 5;
        const pairedWith = paired?.get(t);
        const pairAgain = pairedWith?.includes(next) ?? false;
        if (paired && !pairAgain) {
          if (pairedWith) pairedWith.push(next);
          else paired.set(t, [next]);
        }
        if ((forQuery || short) && !pairAgain) {
          setGroup(`${t.alts[0]}+${next.alts[0]}`);
          const translatedPair =
            t.origin === TokenOrigin.Translation && next.origin === TokenOrigin.Translation;
          // (a translated organisation word also as its short form: 技术系统 → techsystems)
          const xs =
            forQuery && t.cls === "org" && t.origin === TokenOrigin.Translation
              ? [...t.alts.slice(0, 3), ...orgWordShortForms(t.alts[0]!)]
              : t.alts.slice(0, 3);
          for (const x of xs) {
            // (FNV-1a continues over y: the hash of x + y without building the string)
            const hx = hash32(x, SEED_EXACT);
            for (const y of next.alts.slice(0, 3)) {
              add(hash32(y, hx), KEY_FACTOR.exact);
              if (forQuery) {
                const sk = skeleton(x + y);
                if (sk.length >= 3) add(hash32(sk, SEED_SKEL), KEY_FACTOR.skel);
                // two translated words written as one brand name, with an ending the translation
                // lacks (天眼 sky eye → SkyEyes): the joined words' prefix, when the first word is too
                // short to give that prefix itself
                if (x.length < 5 && translatedPair)
                  add(hash32((x + y).slice(0, 4), SEED_PREFIX), KEY_FACTOR.prefix);
              }
            }
          }
        }
      }
    }
  }
  for (const s of [a.cjk, a.cjkHangul]) {
    if (!s) continue;
    const chars = [...s];
    setGroup(`cjk:${chars[0]}`);
    if (chars.length === 1) add(hash32(chars[0]!, SEED_CJK), KEY_FACTOR.cjk);
    for (let i = 0; i + 1 < chars.length; i++) {
      setGroup(`cjk:${chars[i]}${chars[i + 1]}`);
      add(hash32(chars[i]! + chars[i + 1]!, SEED_CJK), KEY_FACTOR.cjk);
    }
  }
}

/**
 * The distinct blocking keys the index stores for one analysed list name, sorted. Exported for the
 * property that keying each shared token once gives the same keys as keying every form in full.
 */
export function indexKeysOf(a: AnalyzedName): number[] {
  const set = new Uint32KeySet(16);
  nameKeys(a, false, set);
  return Array.from(set.order.subarray(0, set.size)).sort((x, y) => x - y);
}

/** Posting entries a query may walk (the two rarest keys are always walked in full). */
const POSTINGS_BUDGET = 60_000;

/** Resolution of the candidate-selection histogram. */
const HIST_BUCKETS = 1024;

/**
 * Candidates of each list always fully scored, however little they share with the query — for a
 * name that is not written in Latin letters only. Keys compare Latin spellings directly (exact,
 * skeleton, prefix), so a Latin name that shares too little key weight with an entity does not
 * reach the threshold with it; readings, transcriptions and consonant skeletons of other scripts
 * do (a Hangul name's 0.88 match reached only this way). Per list, so that what one list returns
 * never depends on the others (§1). Measured on 2,000 yente negatives in all scripts (docs/
 * benchmarks.md): the fill was 72 % of the scored candidates, none reached the threshold, and
 * leaving it out for Latin names changed no hit of any score; every eval gate is unchanged.
 */
const MIN_SCORED = 5;

/**
 * How many more entities below the candidate floor a query's Chinese transcription of a foreign
 * name (波廷杰 bo'ting'jie) keeps per list, best key weight first, among those that share one of its
 * sound keys. Such an entity (Matthew Pottinger) meets the query only through that sound key, which
 * weighs less than the query's other readings of the same characters would if they were list words,
 * so it sat under the floor and behind pinyin look-alikes (Wang Ting-yu) in the general fill.
 * Measured on the counter-sanctions list's Chinese names (docs/benchmarks.md).
 */
const SOUND_FILL = 3;

const SKELETON_CLASSES = ["P", "T", "K", "S", "J", "L", "M", "N", "H"];

/**
 * Skeletons one substitution, deletion or (for short ones) insertion away — query side only:
 * cheap lookups, no index cost.
 */
function skeletonNeighbours(sk: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < sk.length; i++) {
    if (sk.length > 3) out.push(sk.slice(0, i) + sk.slice(i + 1));
    for (const c of SKELETON_CLASSES) if (c !== sk[i]) out.push(sk.slice(0, i) + c + sk.slice(i + 1));
  }
  if (sk.length <= 5) {
    for (let i = 0; i <= sk.length; i++)
      for (const c of SKELETON_CLASSES) out.push(sk.slice(0, i) + c + sk.slice(i));
  }
  return out;
}

/**
 * In-place stable LSD radix sort of (key, value) pairs by key: three passes of 11, 11 and 10 bits.
 * (Two 16-bit passes scatter into 65,536 buckets, far more than the cache and TLB hold: on the
 * 24 million pairs of the million-entity index the three narrower passes take about a third less
 * time.)
 */
export function radixSortPairs(keys: Uint32Array<ArrayBuffer>, vals: Uint32Array<ArrayBuffer>): void {
  const n = keys.length;
  let k1 = keys;
  let v1 = vals;
  let k2 = new Uint32Array(n);
  let v2 = new Uint32Array(n);
  const counts = new Uint32Array(2049);
  for (const [shift, mask] of RADIX_PASSES) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((k1[i]! >>> shift) & mask) + 1]!++;
    for (let i = 1; i <= 2048; i++) counts[i]! += counts[i - 1]!;
    for (let i = 0; i < n; i++) {
      const k = k1[i]!;
      const pos = counts[(k >>> shift) & mask]!++;
      k2[pos] = k;
      v2[pos] = v1[i]!;
    }
    [k1, k2] = [k2, k1];
    [v1, v2] = [v2, v1];
  }
  // (an odd number of passes: the sorted data is in the scratch arrays)
  keys.set(k1);
  vals.set(v1);
}

const RADIX_PASSES: readonly (readonly [number, number])[] = [
  [0, 0x7ff],
  [11, 0x7ff],
  [22, 0x3ff],
];

/** The blocking keys of one list: sorted unique keys, their posting ranges, the entity numbers. */
type Partition = {
  entities: number;
  pairKeys: GrowableUint32 | null;
  pairEnts: GrowableUint32 | null;
  uniqueKeys: Uint32Array<ArrayBuffer>;
  keyOffsets: Uint32Array<ArrayBuffer>;
  postings: Uint32Array<ArrayBuffer>;
};

function newPartition(): Partition {
  return {
    entities: 0,
    pairKeys: new GrowableUint32(1 << 12),
    pairEnts: new GrowableUint32(1 << 12),
    uniqueKeys: new Uint32Array(0),
    keyOffsets: new Uint32Array(1),
    postings: new Uint32Array(0),
  };
}

/** Sorts a partition's (key, entity) pairs into posting lists (entities ascending per key). */
function freezePartition(part: Partition): void {
  const keys = part.pairKeys!.trimmed();
  const ents = part.pairEnts!.trimmed();
  part.pairKeys = null;
  part.pairEnts = null;
  radixSortPairs(keys, ents);
  const uk = new GrowableUint32(Math.max(1024, keys.length >>> 2));
  const off = new GrowableUint32(Math.max(1024, keys.length >>> 2));
  let w = 0;
  for (let i = 0; i < keys.length; i++) {
    if (i === 0 || keys[i] !== keys[i - 1]) {
      uk.push(keys[i]!);
      off.push(w);
    } else if (ents[i] === ents[w - 1]) continue;
    ents[w++] = ents[i]!;
  }
  off.push(w);
  part.uniqueKeys = uk.trimmed();
  part.keyOffsets = off.trimmed();
  part.postings = ents.slice(0, w);
}

/**
 * Where the columns of an indexed name start and end, and its distinct keys: what a later entity
 * with the same name copies.
 */
type RepeatedName = {
  name: number;
  formStart: number;
  formEnd: number;
  tokStart: number;
  tokEnd: number;
  altStart: number;
  altEnd: number;
  /** Its distinct keys: `repeatKeys[keyStart … keyEnd)` of the index that recorded it. */
  keyStart: number;
  keyEnd: number;
};

/** A name that gave nothing to index (no forms, no ideographs). */
const SKIPPED_NAME: RepeatedName = {
  name: 0,
  formStart: 0,
  formEnd: 0,
  tokStart: 0,
  tokEnd: 0,
  altStart: 0,
  altEnd: 0,
  keyStart: 0,
  keyEnd: 0,
};
/**
 * Repeated names remembered per generation (two generations, see memo.ts): about 40 MB at most,
 * and enough to catch the repeats of a million-entity list.
 */
const REPEATED_NAMES = 65_536;

/** Keys held for remembered names before the pool is compacted (16 MB). */
const REPEAT_KEYS_POOL = 4_000_000;

/** Names written with kana, ideographs or Hangul: the ones worth remembering for their repeats. */
function isRepeatCandidate(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x3040 && c <= 0xd7af) return true;
  }
  return false;
}

/**
 * Creates an empty matching index. Typical use: `add` every entity of the active snapshots,
 * `build()`, then `match` queries; rebuild a new index when a snapshot changes.
 */
export function createMatchingIndex(options: MatchingIndexOptions = {}): MatchingIndex {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const candidateLimit = options.candidates ?? 32;
  const postingsBudget = options.postingsBudget ?? POSTINGS_BUDGET;

  // interned strings
  const tokenIds = new Map<string, number>();
  const tokenText: string[] = [];
  const intern = (s: string) => {
    let id = tokenIds.get(s);
    if (id === undefined) {
      id = tokenText.length;
      tokenIds.set(s, id);
      tokenText.push(s);
    }
    return id;
  };
  const tagSetIds = new Map<string, number>();
  const tagSets: string[][] = [];
  const internTags = (tags: string[]) => {
    const key = tags.join("\u0001");
    let id = tagSetIds.get(key);
    if (id === undefined) {
      id = tagSets.length;
      tagSetIds.set(key, id);
      tagSets.push([...tags]);
    }
    return id;
  };
  const sourceIds = new Map<string, number>();
  const sources: string[] = [];

  // entity columns
  const entNameStart = new GrowableUint32();
  const entSource = new GrowableUint32();
  const entSchema = new GrowableUint8();
  const entCountries = new GrowableUint32();
  const entPrograms = new GrowableUint32();
  const entId: string[] = [];
  const entSourceId: string[] = [];
  const entBirthDates: (string[] | undefined)[] = [];
  const entIdentifiers = new Map<number, { scheme: string; value: string }[]>();

  // name columns
  const nameFormStart = new GrowableUint32();
  const nameKind = new GrowableUint8();
  const nameLegal = new GrowableUint8();
  const nameIdentity = new GrowableUint32();
  const nameRaw: string[] = [];
  const nameCjk: (string | undefined)[] = [];
  const nameCjkHangul: (string | undefined)[] = [];

  // form / token columns
  const formTokStart = new GrowableUint32();
  const formMethod = new GrowableUint8();
  const formLang = new GrowableUint8(); // 0 none, 1 + index in READING_LANGS
  const tokAltStart = new GrowableUint32();
  const tokMeta = new GrowableUint8(); // cls << 4 | origin
  const altPool = new GrowableUint32();

  // One partition of blocking keys per list (source): a list's candidates are chosen among its own
  // entities with its own key frequencies, exactly as if it were the only list indexed. A strong
  // candidate on one list therefore never crowds out another list's entry (an exact kanji name on
  // the METI End User List used to hide the reading-based match of the UN entry).
  const parts: Partition[] = [];
  let acc = new Float32Array(0);
  let groupBitsLo = new Uint32Array(0);
  let groupBitsHi = new Uint32Array(0);
  let touchedScratch = new Uint32Array(0);
  const histogram = new Uint32Array(HIST_BUCKETS);
  let built = false;
  let nameCount = 0;

  const keyScratch = new Uint32KeySet();
  const nameKeyScratch = new Uint32KeySet(64);
  // the spellings arrays of the name being added, and where in altPool each was first written
  // (a name has a few dozen at most: a linear scan beats a Map that would be cleared per name)
  const internedArrays: (readonly string[])[] = [];
  const internedAt: number[] = [];
  let internedCount = 0;
  // Ideograph and Hangul names repeat across entities (a third of the Han and most Hangul names of
  // the million-entity benchmark; family and given names in real lists) and are the most expensive
  // to analyse: a repeat copies the columns and keys of its first occurrence instead.
  const repeatCapacity = options.repeatedNames ?? REPEATED_NAMES;
  const repeatNames = new BoundedCache<string, RepeatedName>(Math.max(1, repeatCapacity));
  // the keys of the remembered names, one pool (a typed array per name cost a small ArrayBuffer
  // each: hundreds of thousands at a million entities, and GC and freeing time with them)
  let repeatKeys = new GrowableUint32();
  const repeatKeysPool = Math.max(1, options.repeatedKeysPool ?? REPEAT_KEYS_POOL);
  let repeatKeysLimit = repeatKeysPool;
  /** Keeps only the keys of the names still remembered (the others were dropped by the cache). */
  function compactRepeatKeys(): void {
    const from = repeatKeys.data;
    const next = new GrowableUint32(Math.max(1024, repeatKeys.length >>> 1));
    for (const [, r] of repeatNames.entries()) {
      if (r === SKIPPED_NAME) continue;
      const start = next.length;
      for (let k = r.keyStart; k < r.keyEnd; k++) next.push(from[k]!);
      r.keyStart = start;
      r.keyEnd = next.length;
    }
    repeatKeys = next;
    repeatKeysLimit = Math.max(repeatKeysPool, 2 * next.length);
  }

  function add(entity: ListEntity, entityId: string): void {
    if (built) throw new Error("matching index is frozen: create a new index to add entities");
    const e = entId.length;
    entId.push(entityId);
    entSourceId.push(entity.sourceId);
    let src = sourceIds.get(entity.source);
    if (src === undefined) {
      src = sources.length;
      sourceIds.set(entity.source, src);
      sources.push(entity.source);
    }
    entSource.push(src);
    let part = parts[src];
    if (!part) {
      part = newPartition();
      parts[src] = part;
    }
    part.entities++;
    entSchema.push(Math.max(0, SCHEMAS.indexOf(entity.schema)));
    entCountries.push(internTags(entity.countries ?? []));
    entPrograms.push(internTags(entity.programs ?? []));
    entBirthDates.push(entity.birthDates && entity.birthDates.length > 0 ? entity.birthDates : undefined);
    if (entity.identifiers && entity.identifiers.length > 0) entIdentifiers.set(e, entity.identifiers);
    entNameStart.push(nameCount);
    keyScratch.clear();
    const seen = new Set<string>();
    for (const n of entity.names) {
      const raw = n.name?.trim();
      if (!raw || seen.has(raw)) continue;
      seen.add(raw);
      // (only ideograph, kana and Hangul names are remembered: others need no look-up)
      const candidate = repeatCapacity > 0 && isRepeatCandidate(raw);
      const repeated = candidate ? repeatNames.get(raw) : undefined;
      if (repeated) {
        if (repeated !== SKIPPED_NAME) addRepeatedName(repeated, raw, n.kind);
        continue;
      }
      const a = analyzeName(raw);
      if (a.forms.length === 0 && !a.cjk) {
        if (candidate) repeatNames.set(raw, SKIPPED_NAME);
        continue;
      }
      const record: RepeatedName | null = candidate
        ? {
            name: nameCount,
            formStart: formTokStart.length,
            tokStart: tokAltStart.length,
            altStart: altPool.length,
            formEnd: 0,
            tokEnd: 0,
            altEnd: 0,
            keyStart: 0,
            keyEnd: 0,
          }
        : null;
      nameCount++;
      nameRaw.push(raw);
      nameKind.push(Math.max(0, NAME_KINDS.indexOf(n.kind)));
      let legalBits = 0;
      for (const c of a.legal) legalBits |= 1 << LEGAL_CLASSES.indexOf(c);
      nameLegal.push(legalBits);
      nameIdentity.push(hash32(a.identity));
      nameCjk.push(a.cjk ?? undefined);
      nameCjkHangul.push(a.cjkHangul ?? undefined);
      nameFormStart.push(formTokStart.length);
      // forms share token objects (one per slot option): a token's strings are interned once
      internedCount = 0;
      for (const f of a.forms) {
        formTokStart.push(tokAltStart.length);
        formMethod.push(METHODS.indexOf(f.method));
        formLang.push(f.lang ? 1 + READING_LANGS.indexOf(f.lang) : 0);
        for (const t of f.tokens) {
          const at = altPool.length;
          tokAltStart.push(at);
          tokMeta.push((CLASSES.indexOf(t.cls) << 4) | t.origin);
          let before = -1;
          for (let k = 0; k < internedCount; k++) {
            if (internedArrays[k] === t.alts) {
              before = internedAt[k]!;
              break;
            }
          }
          if (before < 0) {
            internedArrays[internedCount] = t.alts;
            internedAt[internedCount++] = at;
            for (const alt of t.alts) altPool.push(intern(alt));
          } else for (let k = 0; k < t.alts.length; k++) altPool.push(altPool.data[before + k]!);
        }
      }
      if (record) {
        nameKeyScratch.clear();
        nameKeys(a, false, nameKeyScratch);
        for (let k = 0; k < nameKeyScratch.size; k++) keyScratch.add(nameKeyScratch.order[k]!);
        record.formEnd = formTokStart.length;
        record.tokEnd = tokAltStart.length;
        record.altEnd = altPool.length;
        if (repeatKeys.length + nameKeyScratch.size > repeatKeysLimit) compactRepeatKeys();
        record.keyStart = repeatKeys.length;
        for (let k = 0; k < nameKeyScratch.size; k++) repeatKeys.push(nameKeyScratch.order[k]!);
        record.keyEnd = repeatKeys.length;
        repeatNames.set(raw, record);
      } else nameKeys(a, false, keyScratch);
    }
    for (let k = 0; k < keyScratch.size; k++) {
      part.pairKeys!.push(keyScratch.order[k]!);
      part.pairEnts!.push(e);
    }
  }

  /**
   * Adds a name that an earlier entity had: the same columns (forms, tokens, interned spellings)
   * and the same keys as its first occurrence, which is what analysing it again would give
   * (analysis is pure); only the kind of name is this entity's own.
   */
  function addRepeatedName(r: RepeatedName, raw: string, kind: ListEntity["names"][number]["kind"]): void {
    nameCount++;
    nameRaw.push(raw);
    nameKind.push(Math.max(0, NAME_KINDS.indexOf(kind)));
    nameLegal.push(nameLegal.data[r.name]!);
    nameIdentity.push(nameIdentity.data[r.name]!);
    nameCjk.push(nameCjk[r.name]);
    nameCjkHangul.push(nameCjkHangul[r.name]);
    nameFormStart.push(formTokStart.length);
    const tokShift = tokAltStart.length - r.tokStart;
    const altShift = altPool.length - r.altStart;
    for (let f = r.formStart; f < r.formEnd; f++) {
      formTokStart.push(formTokStart.data[f]! + tokShift);
      formMethod.push(formMethod.data[f]!);
      formLang.push(formLang.data[f]!);
    }
    for (let t = r.tokStart; t < r.tokEnd; t++) {
      tokAltStart.push(tokAltStart.data[t]! + altShift);
      tokMeta.push(tokMeta.data[t]!);
    }
    for (let k = r.altStart; k < r.altEnd; k++) altPool.push(altPool.data[k]!);
    const pool = repeatKeys.data;
    for (let k = r.keyStart; k < r.keyEnd; k++) keyScratch.add(pool[k]!);
  }

  function build(): void {
    if (built) return;
    repeatNames.clear();
    repeatKeys = new GrowableUint32(0);
    // sentinels so that [start, next start) ranges work for the last record
    entNameStart.push(nameCount);
    nameFormStart.push(formTokStart.length);
    formTokStart.push(tokAltStart.length);
    tokAltStart.push(altPool.length);
    for (const part of parts) freezePartition(part);
    acc = new Float32Array(entId.length);
    groupBitsLo = new Uint32Array(entId.length);
    groupBitsHi = new Uint32Array(entId.length);
    touchedScratch = new Uint32Array(entId.length);
    tokenIds.clear(); // the intern map is only needed while adding
    internedArrays.length = 0;
    built = true;
  }

  function findKey(part: Partition, h: number): number {
    const uniqueKeys = part.uniqueKeys;
    let lo = 0;
    let hi = uniqueKeys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = uniqueKeys[mid]!;
      if (v === h) return mid;
      if (v < h) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  function decodeName(ni: number): {
    name: AnalyzedName;
    kind: ListEntity["names"][number]["kind"];
    identityHash: number;
  } {
    const forms: NameForm[] = [];
    const fStart = nameFormStart.data[ni]!;
    const fEnd = nameFormStart.data[ni + 1]!;
    for (let f = fStart; f < fEnd; f++) {
      const tStart = formTokStart.data[f]!;
      const tEnd = formTokStart.data[f + 1]!;
      const tokens: Token[] = [];
      for (let t = tStart; t < tEnd; t++) {
        const meta = tokMeta.data[t]!;
        const cls = CLASSES[meta >> 4]!;
        const aStart = tokAltStart.data[t]!;
        const aEnd = tokAltStart.data[t + 1]!;
        const alts: string[] = [];
        for (let k = aStart; k < aEnd; k++) alts.push(tokenText[altPool.data[k]!]!);
        tokens.push({ alts, weight: CLASS_WEIGHT[cls], cls, origin: (meta & 15) as TokenOrigin });
      }
      const method = METHODS[formMethod.data[f]!]!;
      const lang = formLang.data[f]!;
      forms.push({
        tokens,
        fidelity: FIDELITY_BY_METHOD[method],
        method,
        ...(lang > 0 ? { lang: READING_LANGS[lang - 1]! } : {}),
      });
    }
    const bits = nameLegal.data[ni]!;
    const legal = LEGAL_CLASSES.filter((_, i) => bits & (1 << i));
    return {
      name: {
        original: nameRaw[ni]!,
        identity: "", // compared through identityHash below
        script: "latin",
        legal,
        forms,
        cjk: nameCjk[ni] ?? null,
        cjkHangul: nameCjkHangul[ni] ?? null,
      },
      kind: NAME_KINDS[nameKind.data[ni]!]!,
      identityHash: nameIdentity.data[ni]!,
    };
  }

  function entityFacts(e: number): EntityFacts {
    return {
      schema: SCHEMAS[entSchema.data[e]!]!,
      countries: tagSets[entCountries.data[e]!]!,
      birthDates: entBirthDates[e] ?? [],
      identifiers: entIdentifiers.get(e) ?? [],
    };
  }

  type Scored = {
    e: number;
    total: number;
    cmp: NameComparison;
    q: AnalyzedName;
    n: AnalyzedName;
    kind: string;
    feats: ReturnType<typeof factFeatures>;
    facts: EntityFacts;
  };

  /**
   * Scores one candidate entity: its best name against the query, plus the identity evidence.
   * With `minScore` > 0, an entity whose total cannot reach it is only scored far enough to know
   * that (its total is then -1): the identity evidence other than the legal form does not depend
   * on the name, so the name score it needs is known before any name is compared, and names or
   * form pairs that cannot reach it are not aligned (see compareNames). Entities that reach it are
   * scored exactly as without the bound.
   */
  function scoreEntity(
    e: number,
    queries: { a: AnalyzedName; identityHash: number }[],
    facts: QueryFacts,
    minScore = 0,
  ): Scored {
    const nStart = entNameStart.data[e]!;
    const nEnd = entNameStart.data[e + 1]!;
    const ef = entityFacts(e);
    // the evidence that does not depend on which name matched (all but the legal form)
    // (without texts while it is not known whether the entity can reach minScore at all)
    const bounded = minScore > 0;
    let nameFree = factFeatures(facts, ef, NO_LEGAL, NO_LEGAL, !bounded);
    let need = Number.NEGATIVE_INFINITY;
    if (bounded) {
      let most = queries.some((q) => q.a.legal.length > 0) ? FEATURE_WEIGHTS.legalFormAgree : 0;
      for (const f of nameFree) most += f.contribution;
      // (a margin for the rounding of the total to three decimals)
      need = minScore - most - 0.002;
    }
    let bestName: { cmp: NameComparison; q: AnalyzedName; n: AnalyzedName; kind: string } | null = null;
    for (let ni = nStart; ni < nEnd; ni++) {
      // nothing beats an identical name (a name replaces the best only when strictly higher)
      if (bestName && bestName.cmp.score >= 1) break;
      const d = decodeName(ni);
      for (const q of queries) {
        let cmp: NameComparison;
        if (q.identityHash === d.identityHash && q.a.identity === analyzeName(d.name.original).identity) {
          cmp = { score: 1, method: "identical", pairs: [], queryCoverage: 1, listCoverage: 1 };
        } else {
          // (a name only replaces the best one when it scores strictly higher, so form pairs that
          // cannot beat it need not be aligned; weak aliases score less still)
          cmp = compareNames(q.a, d.name, bestName ? bestName.cmp.score : 0, need);
          if (d.kind === "weakAlias") cmp = { ...cmp, score: cmp.score * 0.95 };
        }
        if (!bestName || cmp.score > bestName.cmp.score) bestName = { cmp, q: q.a, n: d.name, kind: d.kind };
        if (cmp.score === 1) break;
      }
    }
    const b = bestName ?? {
      cmp: { score: 0, method: "latin" as const, pairs: [], queryCoverage: 0, listCoverage: 0 },
      q: queries[0]!.a,
      n: decodeName(nStart).name,
      kind: "primary",
    };
    // below `need` the total is below minScore whatever the evidence: the entity is dropped
    if (b.cmp.score < need) return { e, total: -1, ...b, feats: nameFree, facts: ef };
    if (bounded) nameFree = factFeatures(facts, ef, NO_LEGAL, NO_LEGAL);
    const feats =
      b.q.legal.length > 0 && b.n.legal.length > 0 ? factFeatures(facts, ef, b.q.legal, b.n.legal) : nameFree;
    let total = b.cmp.score;
    for (const f of feats) total += f.contribution;
    total = Math.max(0, Math.min(b.cmp.method === "identical" ? 1 : 0.99, total));
    total = Math.round(total * 1000) / 1000;
    return { e, total, ...b, feats, facts: ef };
  }

  /**
   * Scores a query's candidates. Once `limit` of them reach `minScore`, an entity whose total is
   * below the `limit`-th best total so far and below the threshold can no longer be returned (at
   * least `limit` entities rank strictly above it, and it is not a match), so it is scored with
   * that floor as its minimum score: names and form pairs that cannot reach it are not aligned.
   * Every entity that can still be returned is scored exactly as without the floor, so the hits
   * are the same (the floor only rises, and what is below it is dropped).
   */
  function scoreCandidates(
    cands: number[],
    queries: { a: AnalyzedName; identityHash: number }[],
    facts: QueryFacts,
    minScore: number,
    limit: number,
    thr: number,
  ): Scored[] {
    const out: Scored[] = [];
    // the best `limit` totals at or above minScore, ascending (best[0] is the limit-th best)
    const k = Math.max(0, Math.floor(limit));
    const best = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
    let held = 0;
    // (a negative minScore keeps entities the floor would mark with -1: no floor then)
    let floor = minScore;
    if (k === 0 && minScore >= 0 && thr > floor) floor = thr;
    for (const e of cands) {
      const s = scoreEntity(e, queries, facts, floor);
      out.push(s);
      if (k === 0 || minScore < 0 || s.total < minScore || s.total <= best[0]!) continue;
      let i = 0;
      while (i + 1 < k && best[i + 1]! < s.total) {
        best[i] = best[i + 1]!;
        i++;
      }
      best[i] = s.total;
      if (++held >= k) floor = Math.max(minScore, Math.min(best[0]!, thr));
    }
    return out;
  }

  function toHit(s: Scored, thr: number): ScreeningHit {
    return {
      entityId: entId[s.e]!,
      source: sources[entSource.data[s.e]!]!,
      sourceId: entSourceId[s.e]!,
      schema: s.facts.schema,
      name: nameRaw[entNameStart.data[s.e]!] ?? "",
      score: s.total,
      match: s.total >= thr,
      explanation: explain(s.q.original, s.n.original, s.kind, s.cmp, s.feats, s.total, s.q.legal.length > 0),
      programs: tagSets[entPrograms.data[s.e]!]!,
      countries: s.facts.countries,
    };
  }

  /**
   * The best `want` entities by accumulated key weight, without sorting everything touched (a
   * common word can touch 100,000 entities): one pass for the maximum, one histogram pass to find
   * the weight that about `want` entities reach, then a small sort. Entities far behind the best,
   * or sharing too little of the query's potential, are dropped (the best few are always kept).
   * Near-equal weights (one histogram bucket) are ordered by entity number, so results are stable.
   */
  function selectCandidates(
    touched: Uint32Array,
    want: number,
    potential: number,
    fill: number,
    soundLo = 0,
    soundHi = 0,
  ): number[] {
    let top = 0;
    for (let i = 0; i < touched.length; i++) {
      const v = acc[touched[i]!]!;
      if (v > top) top = v;
    }
    const floor = Math.max(top * 0.4, potential * 0.25);
    const buckets = histogram;
    buckets.fill(0);
    const span = top - floor;
    const bucketOf = (v: number) =>
      span <= 0
        ? HIST_BUCKETS - 1
        : Math.min(HIST_BUCKETS - 1, Math.floor(((v - floor) / span) * HIST_BUCKETS));
    let above = 0;
    for (let i = 0; i < touched.length; i++) {
      const v = acc[touched[i]!]!;
      if (v >= floor) {
        buckets[bucketOf(v)]!++;
        above++;
      }
    }
    // the lowest bucket that still keeps the pool at `want` or a little over
    let cut = HIST_BUCKETS - 1;
    let n = buckets[cut]!;
    while (cut > 0 && n < want) n += buckets[--cut]!;
    const pool: number[] = [];
    const boundary: number[] = [];
    if (above > 0) {
      for (let i = 0; i < touched.length; i++) {
        const e = touched[i]!;
        const v = acc[e]!;
        if (v < floor) continue;
        const b = bucketOf(v);
        if (b > cut) pool.push(e);
        else if (b === cut) boundary.push(e);
      }
    }
    pool.sort((x, y) => acc[y]! - acc[x]! || x - y);
    if (pool.length < want && boundary.length > 0) {
      // the boundary bucket holds near-equal weights: lowest entity numbers first
      const ids = Uint32Array.from(boundary).sort();
      for (let i = 0; i < ids.length && pool.length < want; i++) pool.push(ids[i]!);
    }
    if (pool.length > want) pool.length = want;
    if (pool.length < fill) {
      // not enough above the floor: the best few of everything touched (a linear top-k)
      const extra: number[] = [];
      for (let i = 0; i < touched.length; i++) {
        const e = touched[i]!;
        if (acc[e]! >= floor) continue;
        if (extra.length < fill) extra.push(e);
        else {
          let worst = 0;
          for (let k = 1; k < extra.length; k++) if (acc[extra[k]!]! < acc[extra[worst]!]!) worst = k;
          if (acc[e]! > acc[extra[worst]!]!) extra[worst] = e;
        }
      }
      extra.sort((x, y) => acc[y]! - acc[x]! || x - y);
      pool.push(...extra.slice(0, fill - pool.length));
    }
    if ((soundLo | soundHi) !== 0) {
      // entities met through a transcription's sound key: the best few of them, even below the floor
      // (a linear top-k: a common sound key can touch tens of thousands of entities)
      const inPool = new Set(pool);
      const best: number[] = [];
      const before = (x: number, y: number) => acc[x]! > acc[y]! || (acc[x] === acc[y] && x < y);
      for (let i = 0; i < touched.length; i++) {
        const e = touched[i]!;
        if ((groupBitsLo[e]! & soundLo) === 0 && (groupBitsHi[e]! & soundHi) === 0) continue;
        if (best.length === SOUND_FILL && !before(e, best[SOUND_FILL - 1]!)) continue;
        if (inPool.has(e)) continue;
        let k = best.length;
        while (k > 0 && before(e, best[k - 1]!)) k--;
        best.splice(k, 0, e);
        if (best.length > SOUND_FILL) best.pop();
      }
      for (const e of best) pool.push(e);
    }
    return pool;
  }

  /**
   * The key-group bits (low and high 32 of the 64 an entity's mask holds) of the query's Chinese
   * transcriptions of foreign names, so that candidate selection can keep the entities their sound
   * keys meet (SOUND_FILL).
   */
  function transcriptionGroups(a: AnalyzedName, groups: Map<number, number>): readonly [number, number] {
    let lo = 0;
    let hi = 0;
    for (const f of a.forms)
      for (const t of f.tokens) {
        if (t.origin !== TokenOrigin.Transcription) continue;
        const ks = transcriptionSoundKeys(t.alts[0]!);
        for (const parts of transcriptionSplitKeys(t.alts[0]!)) for (const p of parts) ks.push(...p);
        for (const k of ks) {
          const g = groups.get(hash32(k, SEED_SOUND));
          if (g === undefined) continue;
          if ((g & 63) < 32) lo |= 1 << (g & 31);
          else hi |= 1 << (g & 31);
        }
      }
    return [lo, hi];
  }

  /** Exact-key hashes of each word of each form (for the potential; computed once per query). */
  function formWordHashes(a: AnalyzedName): number[][][] {
    return a.forms.map((f) =>
      f.tokens
        .filter((t) => t.cls !== "stop" && t.cls !== "initial")
        .map((t) => t.alts.map((alt) => hash32(alt, SEED_EXACT))),
    );
  }

  /**
   * What a perfectly matching entity of this list would accumulate for this query (best form):
   * the sum over words of their exact-key idf (a word absent from the list counts as the rarest).
   */
  function queryPotential(part: Partition, words: number[][][]): number {
    const N = part.entities;
    let best = 0;
    for (const form of words) {
      let sum = 0;
      for (const alts of form) {
        let w = 0;
        for (const h of alts) {
          const k = findKey(part, h);
          const df = k < 0 ? 1 : part.keyOffsets[k + 1]! - part.keyOffsets[k]!;
          const x = Math.log(1 + N / df);
          if (x > w) w = x;
        }
        sum += w;
      }
      if (sum > best) best = sum;
    }
    return best;
  }

  /**
   * The candidates of one list for a query: walks the list's posting lists (rarest keys first,
   * within a postings budget), accumulates each entity's key weight, and keeps the best few.
   * Depends only on the query and this list's own entities, never on other lists.
   */
  function listCandidates(
    part: Partition,
    keys: Map<number, number>,
    groups: Map<number, number>,
    words: number[][][],
    want: number,
    fill: number,
    out: number[],
    soundGroups: readonly [number, number] = [0, 0],
  ): void {
    const N = part.entities;
    const lookups: { start: number; end: number; w: number; g: number }[] = [];
    for (const [h, f] of keys) {
      const k = findKey(part, h);
      if (k < 0) continue;
      const start = part.keyOffsets[k]!;
      const end = part.keyOffsets[k + 1]!;
      lookups.push({ start, end, w: f * Math.log(1 + N / (end - start)), g: groups.get(h) ?? 0 });
    }
    if (lookups.length === 0) return;
    lookups.sort((x, y) => x.end - x.start - (y.end - y.start));
    // Which keys to walk: the two rarest always; after that, stop at very common keys or when the
    // postings budget is spent.
    let budget = postingsBudget;
    const common = Math.max(5000, Math.min(N * 0.02, postingsBudget / 3));
    const walked: typeof lookups = [];
    for (let i = 0; i < lookups.length; i++) {
      const l = lookups[i]!;
      const len = l.end - l.start;
      if (i >= 2 && (len > budget || len > common)) break;
      budget -= len;
      walked.push(l);
    }
    // Each query word (a key group) contributes its best key per entity (exact beats skeleton
    // beats prefix), summed over words: entities sharing more (and rarer) words come first.
    // Rare keys are walked first, then common keys (which admit new entities only while few were
    // found, so that a word such as "mohammed" does not drag in tens of thousands of entities);
    // within each phase heavier keys first, so the first key of a word an entity meets is its
    // best one (a per-entity bit per word records it).
    const rare = Math.max(2000, N * 0.002);
    const byWeight = (x: (typeof lookups)[number], y: (typeof lookups)[number]) =>
      y.w - x.w || x.end - x.start - (y.end - y.start);
    const order = [
      ...walked.filter((l) => l.end - l.start <= rare).sort(byWeight),
      ...walked.filter((l) => l.end - l.start > rare).sort(byWeight),
    ];
    const rareCount = order.findIndex((l) => l.end - l.start > rare);
    // remaining[i]: the most an entity not yet met before key i can still accumulate (sum over
    // words of their heaviest key from i on). When that cannot reach the candidate floor, new
    // entities are no longer admitted: they could not become candidates anyway.
    const remaining = new Float64Array(order.length);
    {
      const groupMax = new Map<number, number>();
      let sum = 0;
      for (let i = order.length - 1; i >= 0; i--) {
        const l = order[i]!;
        const m = groupMax.get(l.g) ?? 0;
        if (l.w > m) {
          sum += l.w - m;
          groupMax.set(l.g, l.w);
        }
        remaining[i] = sum;
      }
    }
    const potential = queryPotential(part, words);
    const floorMin = potential * 0.25;
    const postings = part.postings;
    let top = 0;
    let nTouched = 0;
    let admitCommon = true;
    for (let i = 0; i < order.length; i++) {
      if (i === rareCount) admitCommon = nTouched < candidateLimit * 4;
      const l = order[i]!;
      // (the first `want` entities are always admitted: when nothing reaches the floor, the best
      // few below it are still scored)
      const admit =
        (rareCount < 0 || i < rareCount || admitCommon) &&
        (nTouched < want || remaining[i]! >= Math.max(top * 0.4, floorMin));
      const g = l.g & 63;
      const masks = g < 32 ? groupBitsLo : groupBitsHi;
      const bit = 1 << (g & 31);
      const w = l.w;
      for (let p = l.start; p < l.end; p++) {
        const e = postings[p]!;
        const m = masks[e]!;
        if (m & bit) continue;
        const v = acc[e]!;
        if (v === 0) {
          if (!admit) continue;
          touchedScratch[nTouched++] = e;
        }
        masks[e] = m | bit;
        const nv = v + w;
        acc[e] = nv;
        if (nv > top) top = nv;
      }
    }
    const touched = touchedScratch.subarray(0, nTouched);
    const cands = selectCandidates(touched, want, potential, fill, soundGroups[0], soundGroups[1]);
    for (const e of touched) {
      acc[e] = 0;
      groupBitsLo[e] = 0;
      groupBitsHi[e] = 0;
    }
    for (const e of cands) out.push(e);
  }

  function match(query: ScreeningQuery, opts: MatchOptions = {}): ScreeningHit[] {
    if (!built) throw new Error("matching index not built: call build() first");
    const limit = opts.limit ?? 10;
    const thr = opts.threshold ?? threshold;
    const minScore = opts.minScore ?? 0.5;
    const name = (query.name ?? "").trim();
    if (!name) return [];
    const a = analyzeName(name);
    const queries = [{ a, identityHash: hash32(a.identity) }];
    const keys = new Map<number, number>();
    const groups = new Map<number, number>();
    nameKeys(a, true, keys, groups);
    const words = formWordHashes(a);
    const want = Math.max(candidateLimit, limit * 3);
    const fill = a.forms.every((f) => f.tokens.every((t) => t.origin === TokenOrigin.Latin)) ? 0 : MIN_SCORED;
    const cands: number[] = [];
    const soundGroups = fill > 0 ? transcriptionGroups(a, groups) : ([0, 0] as const);
    for (const part of parts) listCandidates(part, keys, groups, words, want, fill, cands, soundGroups);
    const facts: QueryFacts = {
      schema: query.schema,
      countries: query.countries,
      birthDate: query.birthDate,
      identifiers: query.identifiers,
    };
    const scored = withSimilarityCache(() => scoreCandidates(cands, queries, facts, minScore, limit, thr));
    const kept = scored.filter((h) => h.total >= minScore);
    kept.sort(
      (x, y) =>
        y.total - x.total ||
        (y.cmp.raw ?? y.cmp.score) - (x.cmp.raw ?? x.cmp.score) ||
        compareListPrecedence(sources[entSource.data[x.e]!]!, sources[entSource.data[y.e]!]!) ||
        (entSourceId[x.e]! < entSourceId[y.e]! ? -1 : 1),
    );
    // every match (at or above the threshold) is returned, whatever the limit: the limit only
    // bounds the weaker candidates shown beside them
    let n = 0;
    while (n < kept.length && kept[n]!.total >= thr) n++;
    return kept.slice(0, Math.max(n, limit)).map((h) => toHit(h, thr));
  }

  return {
    add,
    build,
    match,
    get size() {
      return entId.length;
    },
    threshold,
    stats: () => ({
      entities: entId.length,
      names: nameCount,
      tokens: tokenText.length,
      keys: parts.reduce((n, p) => n + p.uniqueKeys.length, 0),
      postings: parts.reduce((n, p) => n + p.postings.length, 0),
    }),
  };
}

function fmt(n: number): string {
  return (n >= 0 ? "+" : "") + n.toFixed(2);
}

/** How a cross-script word was obtained, in both languages (for "浪潮 → langchao (pinyin)"). */
export const TOKEN_HOW_TEXT: Record<TokenHow, { ja: string; en: string }> = {
  vocabulary: { ja: "語彙表", en: "vocabulary" },
  dictionary: { ja: "辞書 CC-CEDICT", en: "dictionary" },
  pinyin: { ja: "ピンイン", en: "pinyin" },
  korean: { ja: "朝鮮漢字音", en: "Sino-Korean reading" },
  japanese: { ja: "日本語の読み", en: "Japanese reading" },
  koreanKana: { ja: "カタカナ→ハングル", en: "katakana → Hangul" },
  transcription: { ja: "外国名の音訳を復元", en: "transcription of a foreign name decoded" },
  abbreviation: { ja: "CC-CEDICT の略称項目で展開", en: "abbreviation expanded by CC-CEDICT" },
  dictionaryName: { ja: "CC-CEDICT の固有名詞項目", en: "CC-CEDICT proper-name entry" },
  character: { ja: "一字ずつの意味（CC-CEDICT）", en: "meaning of each character (CC-CEDICT)" },
  abbreviatedWord: {
    ja: "略称の字を語彙表の語に展開",
    en: "abbreviation: character read as the vocabulary word it begins",
  },
};

/** Words the rule a matched token pair relied on (a spelling convention or an initial). */
function pairRuleText(rule: PairRule): { ja: string; en: string } {
  if (rule === "initial") return { ja: "頭文字が一致", en: "initial agrees" };
  if (rule === "surname")
    return {
      ja: "姓のみ（中国語は欧米人を姓だけで書く）",
      en: "surname alone (Chinese names Western people by surname)",
    };
  if (rule === "acronym")
    return { ja: "頭字語（略称）の各文字が語頭と一致", en: "acronym spelled by the words' initials" };
  return SPELLING_RULE_TEXT[rule];
}

/** Builds the reviewer-facing explanation of one hit in both languages. */
export function explain(
  queryName: string,
  matchedName: string,
  kind: string,
  cmp: NameComparison,
  feats: ReturnType<typeof factFeatures>,
  total: number,
  queryHasLegalForm = false,
): ScreeningHit["explanation"] {
  const m = methodText(cmp.method);
  const pairs = cmp.forms ? alignForms(cmp.forms[0], cmp.forms[1], true, queryHasLegalForm).pairs : cmp.pairs;
  const pairTextIn = (lang: "ja" | "en") =>
    pairs
      .slice(0, 6)
      .map((p) => {
        const rule = p.rule ? `, ${pairRuleText(p.rule)[lang]}` : "";
        const via = p.via
          ? `${p.via.map((v) => v.text).join(" ")} → ${p.query} (${[...new Set(p.via.map((v) => TOKEN_HOW_TEXT[v.how][lang]))].join(", ")})`
          : p.query;
        return `${via} ~ ${p.list} (${p.similarity.toFixed(2)}${rule})`;
      })
      .join(", ");
  const pairTextJa = pairTextIn("ja");
  const pairText = pairTextIn("en");
  const crossScript: CrossScriptStep[] = [];
  for (const p of pairs) {
    if (!p.via || crossScript.length >= 8) continue;
    const hows = [...new Set(p.via.map((v) => v.how))];
    crossScript.push({
      from: p.via.map((v) => v.text).join(" "),
      to: p.query,
      list: p.list,
      how: {
        ja: hows.map((h) => TOKEN_HOW_TEXT[h].ja).join("、"),
        en: hows.map((h) => TOKEN_HOW_TEXT[h].en).join(", "),
      },
    });
  }
  const stepsIn = (lang: "ja" | "en") =>
    crossScript
      .slice(0, 4)
      .map((c) =>
        lang === "ja" ? `${c.from} → ${c.to}（${c.how.ja}）` : `${c.from} → ${c.to} (${c.how.en})`,
      )
      .join(lang === "ja" ? "、" : ", ");
  const kindJa: Record<string, string> = {
    primary: "主名称",
    alias: "別名",
    weakAlias: "弱い別名",
    former: "旧名称",
    originalScript: "原語表記",
  };
  const features: ScoreFeature[] = [
    {
      id: "name",
      contribution: Math.round(cmp.score * 1000) / 1000,
      label: { ja: "名前の類似度", en: "Name similarity" },
      detail: {
        ja: `「${queryName}」と${kindJa[kind] ?? "名称"}「${matchedName}」: ${m.ja}${pairTextJa ? `（${pairTextJa}）` : ""}`,
        en: `"${queryName}" vs ${kind} name "${matchedName}": ${m.en}${pairText ? ` (${pairText})` : ""}`,
      },
    },
    ...feats.map((f) => ({
      id: f.id,
      contribution: f.contribution,
      label: { ja: f.ja, en: f.en },
      ...(f.detailJa ? { detail: { ja: f.detailJa, en: f.detailEn ?? f.detailJa } } : {}),
    })),
  ];
  const factsJa = feats.map((f) => `${f.ja} ${fmt(f.contribution)}`).join("、");
  const factsEn = feats.map((f) => `${f.en} ${fmt(f.contribution)}`).join("; ");
  const stepsJa = crossScript.length > 0 ? `: ${stepsIn("ja")}` : "";
  const stepsEn = crossScript.length > 0 ? `: ${stepsIn("en")}` : "";
  return {
    queryName,
    matchedName,
    features,
    summary: {
      ja: `「${queryName}」は「${matchedName}」と一致度 ${total.toFixed(2)}（名前 ${cmp.score.toFixed(2)}、${m.ja}${stepsJa}${factsJa ? `、${factsJa}` : ""}）`,
      en: `"${queryName}" matches "${matchedName}" with score ${total.toFixed(2)} (name ${cmp.score.toFixed(2)}, ${m.en}${stepsEn}${factsEn ? `; ${factsEn}` : ""})`,
    },
    ...(crossScript.length > 0 ? { crossScript } : {}),
  };
}
