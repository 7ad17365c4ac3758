/**
 * Decoding Chinese transcriptions of foreign names (音訳: 布朗巴克 = Brownback, 史密斯 = Smith,
 * 霍利 = Hawley). Chinese writes a foreign name with characters chosen for their sound, one syllable
 * per consonant (+ vowel) of the source, following the standard transcription tables (外国人名译名):
 * an English consonant cluster gets an extra syllable with an epenthetic vowel (Smith → 史 shi 密 mi
 * 斯 si), r and l are both written with l- syllables (朗 lang = "rown"), a final r becomes 尔 er or is
 * dropped, th becomes s (斯), and vowels follow the pronunciation, not the spelling.
 *
 * So the two sides are compared by their consonant sounds: the pinyin syllables give a sequence of
 * consonant classes (P T K S J L M N H, and A for a word-initial vowel), the English spelling gives
 * the same classes by English pronunciation rules (w and gh after a vowel are silent, th is s inside
 * a word, ck is k, c and g before e/i/y are soft…), and a weighted edit distance counts what
 * transcription habitually blurs (l/r and h dropped or added, m/n, t/s for th, k/j for g) as cheap
 * edits. The classes are the ones of `skeleton()` in similarity.ts. Pure functions, no data files.
 */

/** Consonant class of a pinyin initial (y and the zero initial have none). */
const INITIAL_CLASS: [string, string[]][] = [
  ["zh", ["J", "S"]],
  ["ch", ["J"]],
  ["sh", ["S"]],
  // the transcription tables keep b (布 博 巴), p (普 帕 佩), f/v (弗 夫 菲) and w/v (瓦 沃 维) apart
  ["b", ["B"]],
  ["p", ["P"]],
  ["f", ["F"]],
  ["w", ["W"]],
  // … but write t with d-syllables too (顿 dun in Bolton, Sutton)
  ["d", ["T"]],
  ["t", ["T"]],
  ["g", ["G"]],
  ["k", ["K"]],
  ["h", ["H"]],
  // 吉 ji, 奇 qi, 西 xi transcribe g/j, ch/k, s/sh/h of the source (and Russian д/т before и: 普京 Putin)
  ["j", ["J", "G", "T"]],
  ["q", ["J", "K", "T"]],
  ["x", ["S", "H"]],
  ["r", ["L"]],
  ["l", ["L"]],
  ["m", ["M"]],
  ["n", ["N"]],
  ["z", ["S"]],
  ["c", ["S"]],
  ["s", ["S"]],
  // 约 yue = "Jo" (John 约翰), 雅 ya = "Ja"/"Ya"
  ["y", ["", "J"]],
];

/** Class alternatives of one pinyin syllable (without tone), e.g. lang → ["LN"], ji → ["J", "K"]. */
export function syllableClasses(syllable: string, wordInitial: boolean): string[] {
  if (syllable === "er") return ["L"];
  let initial: string[] = [""];
  let rest = syllable;
  for (const [p, cls] of INITIAL_CLASS) {
    if (syllable.startsWith(p) && syllable.length > p.length) {
      initial = cls;
      rest = syllable.slice(p.length);
      break;
    }
  }
  // 乌 wu / 伍 wu: a vowel as often as a w
  if (syllable === "wu") initial = ["W", ""];
  // a nasal final (ban, dun, lang) is the source's n closing a syllable, written "n" apart from the
  // n that opens one (na, ni, nong's n): Alton is 奥尔顿 ao'er'dun, Altana would be 阿尔塔纳 …'ta'na
  const final = /n$|ng$/.test(rest) ? "n" : "";
  return [...new Set(initial.map((c) => (c === "" ? (wordInitial ? "A" : "") : c) + final))];
}

/** The consonant-class sequences of a transcribed word (at most `limit`), adjacent repeats collapsed. */
export function transcriptionClasses(syllables: string[], limit = 8): string[] {
  let out = [""];
  syllables.forEach((s, i) => {
    const opts = syllableClasses(s, i === 0);
    const next: string[] = [];
    for (const o of opts) for (const prefix of out) if (next.length < limit) next.push(prefix + o);
    out = next;
  });
  return [...new Set(out.map(collapse))].filter((s) => s.length > 0);
}

const VOWELS = "aeiouy";

/**
 * Consonant classes: B P F W (b, p, f/v, w), T (t/d), K G, S (s/z/th), J (ch/j/soft g), L (l/r),
 * M, N, H, and A for a word-initial vowel. The blocking keys merge B P F W and K G (soundKey).
 *
 * The consonant-class sequences of an English (Latin-script) word as it is pronounced: one, or
 * two where English spelling is ambiguous (ch in Michael / Charles, g in Gershman / Geoffrey).
 */
export function englishClasses(word: string): string[] {
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  let outs = [""];
  const push = (...alts: string[]) => {
    if (alts.length === 1) outs = outs.map((o) => o + alts[0]);
    else outs = outs.flatMap((o) => alts.map((a) => o + a)).slice(0, 4);
  };
  const isV = (c: string | undefined) => c !== undefined && VOWELS.includes(c);
  let i = 0;
  while (i < w.length) {
    const c = w[i]!;
    const prev = w[i - 1];
    const next = w[i + 1];
    const two = w.slice(i, i + 2);
    if (i === 0 && isV(c) && c !== "y") {
      push("A");
      i++;
      continue;
    }
    if (isV(c)) {
      i++;
      continue;
    }
    // a doubled consonant is one sound (Matthew's tth is th, Cotton's tt is t)
    if (next === c) {
      i++;
      continue;
    }
    if (w.startsWith("tch", i) || w.startsWith("sch", i)) {
      push(c === "t" ? "J" : "S");
      i += 3;
      continue;
    }
    switch (two) {
      case "ch":
        // chr-, ch before a consonant: k (Christopher); at the end ch or k (Rich, Teich 泰什; Bach);
        // else ch / k (Michael)
        if (w[i + 2] === undefined) push("J", "K");
        else if (!isV(w[i + 2])) push("K");
        else push("J", "K");
        i += 2;
        continue;
      case "sh":
        push("S");
        i += 2;
        continue;
      case "ph":
        push("F");
        i += 2;
        continue;
      case "th":
        push(i === 0 ? "T" : "S");
        i += 2;
        continue;
      case "gh":
        // initial gh is g; before a vowel it may be sounded (Gallagher) or not (Hughes); else silent
        if (i === 0) push("G");
        else if (isV(w[i + 2])) push("G", "");
        i += 2;
        continue;
      case "ck":
      case "qu":
        push("K");
        i += 2;
        continue;
      case "wr":
        push("L");
        i += 2;
        continue;
      case "wh":
        push("H");
        i += 2;
        continue;
      case "ng":
        // the g is sounded before a vowel (Pottinger, Finger), silent otherwise (King)
        push("n");
        i += isV(w[i + 2]) ? 1 : 2;
        continue;
    }
    switch (c) {
      case "b":
        push("B");
        break;
      case "p":
        push("P");
        break;
      case "f":
      case "v":
        push("F");
        break;
      case "w":
        // a vowel glide after a vowel (Brownback, Hawley); a consonant elsewhere (Walters, Twining)
        if (!isV(prev)) push("W");
        break;
      case "d":
      case "t":
        push("T");
        break;
      case "k":
      case "q":
        push("K");
        break;
      case "c":
        push(next && "eiy".includes(next) ? "S" : "K");
        break;
      case "g":
        // silent before an n that starts or ends the word (Gnome, Align, Campaign, Design)
        if (next === "n" && (i === 0 || i + 2 === w.length)) break;
        if (next && "eiy".includes(next)) push("G", "J");
        else push("G");
        break;
      case "x":
        push(i === 0 ? "S" : "KS");
        break;
      case "j":
        push("J");
        break;
      case "s":
      case "z":
        push("S");
        break;
      case "l":
      case "r":
        push("L");
        break;
      case "m":
        push("M");
        break;
      case "n":
        // an n before a sounded vowel opens a syllable (Altana's na); otherwise it closes one (Alton)
        push(isV(next) && !(next === "e" && i + 2 === w.length) ? "N" : "n");
        break;
      case "h":
        // sounded only before a vowel (Hawley, Gahler's h is silent)
        if (isV(next) && !isV(prev)) push("H");
        break;
    }
    i++;
  }
  // a final -er/-or/-ar/-re is often not transcribed (Rudder 鲁德, Walters 瓦特斯)
  if (/[aeiou]r$|[^aeiou]re$/.test(w)) outs = [...outs, ...outs.map((o) => o.replace(/L$/, ""))];
  return [...new Set(outs.map(collapse))].filter((s) => s.length > 0);
}

function collapse(s: string): string {
  let out = "";
  for (const c of s) if (out[out.length - 1] !== c) out += c;
  return out;
}

/** Cost of substituting one class for another (transcription confusions are cheap). */
function subCost(a: string, b: string): number {
  if (a === b) return 0;
  const pair = a < b ? a + b : b + a;
  switch (pair) {
    case "Nn":
      return 0.2;
    case "FW":
    case "MN":
    case "Mn":
      return 0.3;
    case "GK":
    case "JS":
      return 0.35;
    case "BP":
    case "GJ":
      return 0.4;
    case "BF":
    case "FP":
    case "ST":
    case "JK":
    case "JT":
      return 0.5;
    case "BW":
    case "FH":
    case "GH":
    case "HK":
    case "HS":
    case "HW":
      return 0.6;
    case "PW":
      return 0.7;
    default:
      return a === "A" || b === "A" ? 0.6 : 1;
  }
}

/** Cost of a class present on one side only (l/r, h, a nasal final, an initial vowel are often lost). */
function indelCost(c: string): number {
  switch (c) {
    case "L":
    case "H":
      return 0.35;
    case "A":
      return 0.3;
    case "N":
    case "n":
      return 0.5;
    default:
      return 1;
  }
}

const d0 = new Float64Array(64);
const d1 = new Float64Array(64);

/** Weighted edit distance of two class sequences (≤ 60 classes). */
export function classDistance(a: string, b: string): number {
  const la = Math.min(a.length, 60);
  const lb = Math.min(b.length, 60);
  let prev = d0;
  let cur = d1;
  prev[0] = 0;
  for (let j = 1; j <= lb; j++) prev[j] = prev[j - 1]! + indelCost(b[j - 1]!);
  for (let i = 1; i <= la; i++) {
    cur[0] = prev[0]! + indelCost(a[i - 1]!);
    for (let j = 1; j <= lb; j++) {
      const del = prev[j]! + indelCost(a[i - 1]!);
      const ins = cur[j - 1]! + indelCost(b[j - 1]!);
      const sub = prev[j - 1]! + subCost(a[i - 1]!, b[j - 1]!);
      cur[j] = Math.min(del, ins, sub);
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb]!;
}

/** Separator of the syllables in a transcription token's spelling (bu'lang'ba'ke). */
export const SYLLABLE_SEPARATOR = "'";

const simCache = new Map<string, number>();

/**
 * Similarity in [0, 1] of a Chinese transcription (syllables joined by ', as the token stores them)
 * and an English word: the best over both sides' class sequences of 1 − weighted distance / length,
 * with short names (one or two consonants) held below a full match — Hawley's h-l says less than
 * Brownback's b-r-n-b-k. Below 0.6 counts as no match, like tokenSimilarity.
 */
export function transcriptionSimilarity(syllables: string, english: string): number {
  const key = `${syllables}|${english}`;
  const cached = simCache.get(key);
  if (cached !== undefined) return cached;
  const zh = transcriptionClasses(syllables.split(SYLLABLE_SEPARATOR).filter(Boolean));
  const en = englishClasses(english);
  let best = 0;
  for (const a of zh) {
    for (const b of en) {
      const len = Math.max(a.replace(/A/g, "").length, b.replace(/A/g, "").length, 1);
      let d = classDistance(a, b);
      // a word-final t/d is often left unwritten in established transcriptions (戴维 David, 爱德华
      // Edward): dropping it costs half a consonant
      if (b.length >= 3 && b.endsWith("T")) d = Math.min(d, classDistance(a, b.slice(0, -1)) + 0.5);
      let s = 1 - d / Math.max(len, a.length, b.length);
      if (len <= 2) s *= 0.9;
      else if (len === 3) s *= 0.96;
      if (s > best) best = s;
    }
  }
  const out = best >= 0.6 ? Math.min(0.97, best) : 0;
  if (simCache.size > 100_000) simCache.clear();
  simCache.set(key, out);
  return out;
}

/**
 * Blocking keys of a class sequence: the classes without l/r, h and initial vowels, m merged into n
 * and j into s (what transcription keeps reliably); when that leaves fewer than two classes, the
 * sequence with l/r and h kept. Lists index each English name word under its keys; a transcription
 * looks up its own.
 */
export function soundKey(classes: string): string | null {
  const merged = classes.replace(/[BFW]/g, "P").replace(/G/g, "K").replace(/[Mn]/g, "N").replace(/J/g, "S");
  const coarse = collapse(merged.replace(/[LHA]/g, ""));
  if (coarse.length >= 2) return coarse;
  const short = collapse(merged.replace(/A/g, ""));
  return short.length >= 2 ? short : null;
}

/**
 * Prefix of an exact sound key: the whole class sequence (l/r, h, the initial vowel and every class
 * distinction kept). The coarse key finds blurred transcriptions; the exact one, rarer and weighted
 * more, ranks the faithful ones first among the many words that share a coarse key (加尼 jia'ni =
 * GN meets Ghani exactly, and Tony, Tim, Adrian only by the coarse key TN / KN / SN).
 */
export const EXACT_SOUND = "=";

/**
 * Exact keys only for words whose coarse key has at most this many classes: short names (Ghani,
 * Kim, Tony: two consonants) share a coarse key with many others, while a longer key (Perkins PKNS)
 * is already rare. Measured on the six batch lists: exact keys for every word add 21 % postings,
 * for two-class keys 11 %, with the same eval results.
 */
const EXACT_SOUND_MAX = 2;

/** Sound keys of an English word: one or two coarse keys, and for a short one the exact ones (EXACT_SOUND). */
export function englishSoundKeys(word: string): string[] {
  const out = new Set<string>();
  for (const c of englishClasses(word)) {
    const k = soundKey(c);
    if (k) out.add(k);
    if (k && k.length <= EXACT_SOUND_MAX) out.add(EXACT_SOUND + c);
  }
  return [...out];
}

/** Sound keys of a transcription (syllables joined by '): coarse, and for a short one exact (EXACT_SOUND). */
export function transcriptionSoundKeys(syllables: string): string[] {
  const out = new Set<string>();
  for (const c of transcriptionClasses(syllables.split(SYLLABLE_SEPARATOR).filter(Boolean))) {
    const k = soundKey(c);
    if (k) out.add(k);
    if (k && k.length <= EXACT_SOUND_MAX) out.add(EXACT_SOUND + c);
  }
  return [...out];
}

/**
 * Sound keys of a transcription read as two English words (三泰克托 san'tai'ke'tuo = Sun Tectro):
 * for each split into a head and a tail of whole syllables, the keys of each part (each read as a
 * word of its own), or none when a part gives no key. Query side only: a list indexes each English
 * word under its own keys, so a name spanning two words is met by both halves.
 */
export function transcriptionSplitKeys(syllables: string): [string[], string[]][] {
  const syl = syllables.split(SYLLABLE_SEPARATOR).filter(Boolean);
  const out: [string[], string[]][] = [];
  if (syl.length < 3) return out;
  for (let k = 1; k < syl.length; k++) {
    const head = transcriptionSoundKeys(syl.slice(0, k).join(SYLLABLE_SEPARATOR));
    const tail = transcriptionSoundKeys(syl.slice(k).join(SYLLABLE_SEPARATOR));
    if (head.length > 0 && tail.length > 0) out.push([head, tail]);
  }
  return out;
}
