/**
 * Turns one name (in any script) into comparable "forms": lists of Latin tokens with weights,
 * plus the folded CJK string for direct ideograph comparison. A Latin name has one form; a
 * Japanese organisation name may have several (one per translation choice of its words). The same
 * analysis runs on list names (once, when indexing) and on queries.
 */
import anyAscii from "any-ascii";
import {
  type CjkSegment,
  hanToHangul,
  isCompoundSurname,
  japaneseReadings,
  looksTranscribed,
  segmentCjk,
} from "./cjk.js";
import { foldText, reorderCommaName, splitWords } from "./normalize.js";
import { dominantScript, type Script, scriptOf } from "./scripts.js";
import { TokenOrigin } from "./similarity.js";
import {
  balticVariants,
  decodeChineseTranscription,
  dutchVariants,
  hungarianVariant,
  type SpellingRule,
} from "./spelling.js";
import {
  isAbjad,
  isAbugida,
  KOREAN_SURNAMES,
  koreanSyllableVariants,
  romanizeWord,
} from "./transliterate.js";
import {
  CJK_HONORIFIC_SUFFIXES,
  LATIN_HONORIFICS,
  LATIN_LEGAL_FORMS,
  type LegalClass,
  ORG_WORD_CANON,
  OTHER_HONORIFICS,
  STOPWORDS,
} from "./vocabulary.js";

export type TokenClass = "name" | "org" | "stop" | "particle" | "initial" | "number";

export type Token = {
  /** Lower-case ASCII spellings; alts[0] is the primary one. */
  alts: string[];
  weight: number;
  cls: TokenClass;
  origin: TokenOrigin;
  /** Spellings of the same word under another language's convention (scored slightly lower). */
  variants?: { alt: string; rule: SpellingRule }[];
};

export type FormMethod = "latin" | "transliteration" | "abjad" | "reading" | "translation";

export type NameForm = {
  tokens: Token[];
  fidelity: number;
  method: FormMethod;
  /** The reading language of the Han characters in this form, when it has any (zh / ko / ja). */
  lang?: ReadingLang;
  /** Comparison units, memoised by the scorer. */
  units?: unknown;
};

export type AnalyzedName = {
  original: string;
  /** Folded words in original order: two names with the same identity are the same string. */
  identity: string;
  script: Script;
  legal: LegalClass[];
  forms: NameForm[];
  /** Folded CJK/Hangul characters without legal forms, for direct ideograph comparison. */
  cjk: string | null;
  /** Sino-Korean (Hangul) reading of `cjk` when it contains Han characters. */
  cjkHangul: string | null;
};

/** Identity weight of each token class: generic words say little about who or what a name is. */
export const CLASS_WEIGHT: Record<TokenClass, number> = {
  name: 1,
  org: 0.45,
  stop: 0.12,
  particle: 0.3,
  initial: 0.35,
  number: 0.6,
};

const PARTICLES = new Set([
  "al",
  "el",
  "ul",
  "ud",
  "ad",
  "ar",
  "as",
  "at",
  "az",
  "ash",
  "bin",
  "ibn",
  "bint",
  "ben",
  "van",
  "von",
  "den",
  "da",
  "di",
  "do",
  "dos",
  "das",
  "mac",
]);

const FIDELITY: Record<FormMethod, number> = {
  latin: 0.99,
  transliteration: 0.96,
  abjad: 0.94,
  reading: 0.88,
  translation: 0.93,
};

const METHOD_RANK: FormMethod[] = ["latin", "transliteration", "abjad", "translation", "reading"];

function originMethod(o: TokenOrigin): FormMethod {
  switch (o) {
    case TokenOrigin.Latin:
      return "latin";
    case TokenOrigin.Transliterated:
      return "transliteration";
    case TokenOrigin.Abjad:
    case TokenOrigin.Abugida:
      return "abjad";
    case TokenOrigin.Reading:
      return "reading";
    default:
      return "translation";
  }
}

// Legal forms: a phrase table keyed by first word, longest phrase first.
const LEGAL_BY_FIRST = new Map<string, { words: string[]; cls: LegalClass }[]>();
for (const [phrase, cls] of LATIN_LEGAL_FORMS) {
  const words = phrase.split(" ");
  const list = LEGAL_BY_FIRST.get(words[0]!) ?? [];
  list.push({ words, cls });
  list.sort((a, b) => b.words.length - a.words.length);
  LEGAL_BY_FIRST.set(words[0]!, list);
}
/** Legal-form abbreviations that may stand at the start of a name (JSC Integral, OOO Argut). */
const LEGAL_AT_START = new Set([
  "jsc",
  "ojsc",
  "cjsc",
  "pjsc",
  "oao",
  "zao",
  "pao",
  "ooo",
  "fgup",
  "fsue",
  "llc",
  "tov",
]);
/** Short legal forms that only count at the very end (SA, AG, AS…): elsewhere they are names. */
function legalAllowedAt(words: string[], start: number, len: number, total: number): boolean {
  const first = words[0]!;
  const atEnd = start + len === total;
  if (start === 0 && total > len) return len > 1 || LEGAL_AT_START.has(first) || first.length >= 4;
  if (atEnd) return true;
  // in the middle only unambiguous forms ("X Co Ltd Branch", "Limited Liability Company Y")
  return len > 1 || first.length >= 3;
}

function isLegalTail(tail: string): boolean {
  const words = splitWords(tail).map((w) => w.word);
  if (words.length === 0) return false;
  let i = 0;
  while (i < words.length) {
    const opts = LEGAL_BY_FIRST.get(words[i]!);
    const m = opts?.find((o) => o.words.every((w, k) => words[i + k] === w));
    if (!m) return false;
    i += m.words.length;
  }
  return true;
}

export type ReadingLang = "zh" | "ko" | "ja";
/**
 * One slot may expand into alternative token sequences. Han readings are labelled with their
 * language so that a name is read consistently (all Mandarin, all Sino-Korean or all Japanese):
 * mixing a Korean surname with Mandarin given names only produces chance matches.
 */
type Slot = { options: Token[][]; langs?: ReadingLang[] };

function latinToken(word: string, origin: TokenOrigin, initial: boolean, alts?: string[]): Token {
  if (/^\d+$/.test(word)) return { alts: [word], weight: CLASS_WEIGHT.number, cls: "number", origin };
  if (initial || (word.length === 1 && !STOPWORDS.has(word))) {
    return { alts: [word], weight: CLASS_WEIGHT.initial, cls: "initial", origin };
  }
  const canon = ORG_WORD_CANON[word];
  if (canon) {
    const a = canon === word ? [word] : [canon, word];
    return { alts: a, weight: CLASS_WEIGHT.org, cls: "org", origin };
  }
  if (STOPWORDS.has(word)) return { alts: [word], weight: CLASS_WEIGHT.stop, cls: "stop", origin };
  if (PARTICLES.has(word)) return { alts: [word], weight: CLASS_WEIGHT.particle, cls: "particle", origin };
  return { alts: alts ?? [word], weight: CLASS_WEIGHT.name, cls: "name", origin };
}

function splitScriptRuns(word: string): { text: string; script: Script }[] {
  const runs: { text: string; script: Script }[] = [];
  for (const ch of word) {
    let s = scriptOf(ch.codePointAt(0)!);
    // a vowel sign or other combining mark belongs to the letter before it (Burmese ဒီ = di,
    // Khmer …): without it an abugida word loses its vowels
    if (s === "none" && runs.length > 0 && runs[runs.length - 1]!.script === "other" && /\p{M}/u.test(ch)) {
      runs[runs.length - 1]!.text += ch;
      continue;
    }
    if (s === "none") continue;
    if (s === "kana") s = "han"; // Japanese mixes kanji and kana in one word
    const last = runs[runs.length - 1];
    if (last && (last.script === s || (s === "digit" && last.script === "latin"))) last.text += ch;
    else runs.push({ text: ch, script: s });
  }
  return runs;
}

function stripCjkHonorifics(s: string): string {
  let out = s.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const suf of CJK_HONORIFIC_SUFFIXES) {
      if (out.length > suf.length && out.endsWith(suf)) {
        out = out.slice(0, -suf.length).trim();
        changed = true;
      }
    }
  }
  return out;
}

function vocabToken(word: string): Token {
  const t = latinToken(word, TokenOrigin.Translation, false);
  return { ...t, origin: TokenOrigin.Translation };
}

/** Tokens for the segments of one CJK (Han/kana) or Hangul run. */
function cjkSlots(
  segments: CjkSegment[],
  wholeNameIsOneRun: boolean,
  foreignHan: boolean,
  legal: LegalClass[],
  cjkParts: string[],
): Slot[] {
  const slots: Slot[] = [];
  const nameLike = segments.filter((s) => s.kind !== "legal");
  for (const seg of segments) {
    switch (seg.kind) {
      case "legal":
        legal.push(seg.legal);
        break;
      case "vocab": {
        cjkParts.push(seg.text);
        slots.push({ options: seg.phrases.map((p) => p.map(vocabToken)) });
        break;
      }
      case "kana":
        cjkParts.push(seg.text);
        if (seg.romaji.length > 0) {
          slots.push({
            options: [[{ alts: seg.romaji, weight: 1, cls: "name", origin: TokenOrigin.Transliterated }]],
          });
        }
        break;
      case "hangul": {
        cjkParts.push(seg.text);
        const syl = seg.syllables;
        const chars = [...seg.text];
        if (syl.length <= 4) {
          // a Korean name word: syllables are discrete readings (exact match, several spellings)
          const tokens: Token[] = syl.map((s, i) => {
            const sur = i === 0 ? (KOREAN_SURNAMES[chars[0] ?? ""] ?? []) : [];
            return {
              alts: [...new Set([...koreanSyllableVariants(s.rr, s.mr), ...sur])],
              weight: 1,
              cls: "name" as const,
              origin: TokenOrigin.Reading,
            };
          });
          slots.push({ options: [tokens], langs: ["ko"] });
        } else {
          const rr = syl.map((s) => s.rr).join("");
          const mr = syl.map((s) => s.mr).join("");
          const loan = syl
            .map((s) => s.loan)
            .join("")
            .replace(/ll/g, "l");
          slots.push({
            options: [
              [
                {
                  alts: [...new Set([rr, mr, loan])],
                  weight: 1,
                  cls: "name",
                  origin: TokenOrigin.Transliterated,
                },
              ],
            ],
          });
        }
        break;
      }
      case "han": {
        cjkParts.push(seg.text);
        const chars = seg.chars;
        const personLike =
          wholeNameIsOneRun && nameLike.length === 1 && chars.length >= 2 && chars.length <= 4;
        if (personLike) {
          // surname + given-name syllables; pinyin and Sino-Korean readings as alternatives
          const surnameLen = chars.length >= 3 && isCompoundSurname(chars[0]!.char + chars[1]!.char) ? 2 : 1;
          const reading = (alts: string[]): Token => ({
            alts: [...new Set(alts)].filter(Boolean),
            weight: 1,
            cls: "name",
            origin: TokenOrigin.Reading,
          });
          const sur = chars.slice(0, surnameLen);
          const zh = [
            reading([sur.map((c) => c.pinyin).join("")]),
            ...chars.slice(surnameLen).map((c) => reading([c.pinyin])),
          ];
          const ko = chars.map((c) => reading(c.korean));
          const options: Token[][] = [zh.filter((t) => t.alts.length > 0)];
          const langs: ReadingLang[] = ["zh"];
          if (looksTranscribed(chars.map((c) => c.char))) {
            // 鲁比欧 = Rubio: also compare the whole word like a transliteration
            const py = chars.map((c) => c.pinyin).join("");
            options.push([{ alts: [py], weight: 1, cls: "name", origin: TokenOrigin.Transliterated }]);
            langs.push("zh");
          }
          if (ko.every((t) => t.alts.length > 0)) {
            options.push(ko);
            langs.push("ko");
          }
          // Japanese reading of a kanji name: family name + given name (山田太郎 → yamada taro)
          const cs = chars.map((c) => c.char);
          const jaReading = (part: string[]): Token | null => {
            const alts = japaneseReadings(part);
            return alts.length > 0 ? reading(alts) : null;
          };
          const splits = cs.length === 4 ? [2] : cs.length === 3 ? [2, 1] : [1];
          for (const k of splits) {
            const fam = jaReading(cs.slice(0, k));
            const giv = jaReading(cs.slice(k));
            if (fam && giv) {
              options.push([fam, giv]);
              langs.push("ja");
            }
          }
          if (cs.length === 2) {
            const whole = jaReading(cs);
            if (whole) {
              options.push([whole]);
              langs.push("ja");
            }
          }
          slots.push({ options, langs });
        } else {
          const py = chars.map((c) => c.pinyin).join("");
          if (foreignHan) {
            // 弗拉基米尔·普京: a foreign name transcribed into Han compares like a transliteration,
            // and its transcription conventions are decoded (fu la ji mi er → vladimir)
            const decoded = decodeChineseTranscription(chars.map((c) => c.pinyin));
            const tok: Token = { alts: [py], weight: 1, cls: "name", origin: TokenOrigin.Transliterated };
            if (decoded.length > 0) tok.variants = decoded.map((alt) => ({ alt, rule: "zhForeign" }));
            slots.push({ options: [[tok]] });
            break;
          }
          const ko = chars.every((c) => c.korean.length > 0)
            ? [
                ...new Set([
                  chars.map((c) => c.korean[0]).join(""),
                  chars.map((c) => c.korean[1] ?? c.korean[0]).join(""),
                  chars.map((c) => c.korean[2] ?? c.korean[0]).join(""),
                ]),
              ]
            : [];
          const ja =
            chars.length <= 4
              ? japaneseReadings(
                  chars.map((c) => c.char),
                  12,
                )
              : [];
          const tok = (alts: string[]): Token[] => [
            { alts, weight: 1, cls: "name", origin: TokenOrigin.Reading },
          ];
          const options: Token[][] = [tok([py])];
          const langs: ReadingLang[] = ["zh"];
          if (looksTranscribed(chars.map((c) => c.char))) {
            options.push([{ alts: [py], weight: 1, cls: "name", origin: TokenOrigin.Transliterated }]);
            langs.push("zh");
          }
          if (ko.length > 0) {
            options.push(tok(ko));
            langs.push("ko");
          }
          if (ja.length > 0) {
            options.push(tok(ja));
            langs.push("ja");
          }
          if (py) slots.push({ options, langs });
        }
        break;
      }
    }
  }
  return slots;
}

/** Marks legal-form phrases among plain Latin tokens; returns the remaining tokens. */
function extractLatinLegal(tokens: Token[], legal: LegalClass[]): Token[] {
  const words = tokens.map((t) => t.alts[t.alts.length - 1] ?? "");
  const keep: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const opts = LEGAL_BY_FIRST.get(words[i]!);
    let matched = 0;
    if (opts && tokens[i]!.origin !== TokenOrigin.Translation) {
      for (const o of opts) {
        if (
          o.words.every((w, k) => words[i + k] === w) &&
          legalAllowedAt(o.words, i, o.words.length, tokens.length)
        ) {
          matched = o.words.length;
          legal.push(o.cls);
          break;
        }
      }
    }
    if (matched > 0 && keep.length + (tokens.length - i - matched) > 0) {
      i += matched;
    } else {
      keep.push(tokens[i]!);
      i++;
    }
  }
  return keep;
}

function removeHonorifics(tokens: Token[]): Token[] {
  let t = tokens;
  while (t.length > 1 && LATIN_HONORIFICS.has(t[0]!.alts[0]!)) t = t.slice(1);
  while (t.length > 1 && LATIN_HONORIFICS.has(t[t.length - 1]!.alts[0]!)) t = t.slice(0, -1);
  return t;
}

const MAX_FORMS = 8;

/**
 * Gives the Latin name words of one name their spellings under other languages' conventions
 * (Dutch, Hungarian, Baltic case endings), so that Poetin meets Putin and Putinas meets Putin.
 */
function addSpellingVariants(tokens: Token[]): void {
  const words = tokens.map((t) => t.alts[0]!);
  const add = (t: Token, alt: string | null, rule: SpellingRule) => {
    if (!alt || t.alts.includes(alt) || t.variants?.some((v) => v.alt === alt)) return;
    t.variants = [...(t.variants ?? []), { alt, rule }];
  };
  const dutch = dutchVariants(words);
  const baltic = balticVariants(words);
  tokens.forEach((t, i) => {
    add(t, dutch[i] ?? null, "dutch");
    add(t, hungarianVariant(words[i]!), "hungarian");
    add(t, baltic[i] ?? null, "baltic");
  });
}

/**
 * Analyses a name: normalisation, script detection, romanisation/translation of every word,
 * legal-form extraction and weighting. Pure and deterministic.
 */
export function analyzeName(name: string): AnalyzedName {
  const folded = foldText(name);
  const identity = splitWords(folded)
    .map((w) => w.word)
    .join(" ");
  const script = dominantScript(folded);
  const legal: LegalClass[] = [];
  const cjkParts: string[] = [];

  let text = stripCjkHonorifics(folded);
  text = reorderCommaName(text, isLegalTail);
  const words = splitWords(text);
  const cjkWordCount = words.filter((w) => /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(w.word)).length;

  const foreignHan = /[\u3400-\u9fff][·・•‧][\u3400-\u9fff]/.test(text);
  const slots: Slot[] = [];
  const latinNames: Token[] = [];
  let pendingAbd = false;
  for (const [wi, { word, initial }] of words.entries()) {
    if (OTHER_HONORIFICS.has(word) && words.length > 1) continue;
    const runs = splitScriptRuns(word);
    for (const run of runs) {
      switch (run.script) {
        case "latin":
        case "digit": {
          let w = run.text;
          if (/[^a-z0-9]/.test(w))
            w = anyAscii(w)
              .toLowerCase()
              .replace(/[^a-z0-9]/g, "");
          if (w) {
            const tok = latinToken(w, TokenOrigin.Latin, initial);
            if (tok.cls === "name" && !LATIN_HONORIFICS.has(w)) latinNames.push(tok);
            slots.push({ options: [[tok]] });
          }
          break;
        }
        case "han":
        case "hangul": {
          const segs = segmentCjk(run.text);
          slots.push(...cjkSlots(segs, cjkWordCount === 1 && runs.length === 1, foreignHan, legal, cjkParts));
          break;
        }
        default: {
          const alts = romanizeWord(run.text, run.script);
          if (alts.length === 0) break;
          const origin = isAbjad(run.script)
            ? TokenOrigin.Abjad
            : isAbugida(run.script)
              ? TokenOrigin.Abugida
              : TokenOrigin.Transliterated;
          const primary = alts[0]!;
          if (run.script === "arabic" && primary === "abd" && wi + 1 < words.length) {
            // عبد الله, عبد الرحمن: one compound name, written as one word in Latin lists
            pendingAbd = true;
            break;
          }
          if (pendingAbd) {
            pendingAbd = false;
            const rest = primary.startsWith("al") ? primary.slice(2) : primary;
            const joinedAlts = [`abd${primary}`, `abdul${rest}`, `abdal${rest}`, `abdel${rest}`];
            slots.push({ options: [[{ ...latinToken(joinedAlts[0]!, origin, false, joinedAlts), origin }]] });
            break;
          }
          if (run.script === "arabic" && primary.startsWith("al") && primary.length > 4) {
            slots.push({ options: [[latinToken("al", origin, false)]] });
            slots.push({ options: [[latinToken(primary.slice(2), origin, false)]] });
            break;
          }
          const singles = alts.filter((a) => !a.includes(" "));
          const tok = latinToken(
            singles[0] ?? primary,
            origin,
            initial || [...run.text].length === 1,
            singles,
          );
          slots.push({ options: [[{ ...tok, origin }]] });
        }
      }
    }
  }

  addSpellingVariants(latinNames);

  // Expand slot alternatives into forms (bounded), one reading language at a time.
  const langsUsed = new Set<ReadingLang>();
  for (const slot of slots) for (const l of slot.langs ?? []) langsUsed.add(l);
  const forms: Token[][] = [];
  const formLangs: (ReadingLang | null)[] = [];
  const passes: (ReadingLang | null)[] =
    langsUsed.size === 0 ? [null] : (["zh", "ko", "ja"] as const).filter((l) => langsUsed.has(l));
  for (const lang of passes) {
    let partial: Token[][] = [[]];
    let feasible = true;
    for (const slot of slots) {
      const opts = slot.langs && lang ? slot.options.filter((_, k) => slot.langs![k] === lang) : slot.options;
      if (opts.length === 0) {
        feasible = false;
        break;
      }
      const next: Token[][] = [];
      for (const f of partial) {
        for (let k = 0; k < opts.length; k++) {
          if (k > 0 && next.length >= MAX_FORMS) break;
          next.push([...f, ...opts[k]!]);
        }
      }
      partial = next.slice(0, Math.max(MAX_FORMS, partial.length));
    }
    if (feasible) {
      forms.push(...partial);
      for (let k = 0; k < partial.length; k++) formLangs.push(lang);
    }
  }

  const legalSeen = new Set<LegalClass>(legal);
  const outForms: NameForm[] = [];
  for (const [fi, f] of forms.entries()) {
    const formLegal: LegalClass[] = [];
    let tokens = extractLatinLegal(removeHonorifics(f), formLegal);
    for (const c of formLegal) legalSeen.add(c);
    tokens = tokens.filter((t) => t.alts.length > 0 && t.alts[0]!.length > 0);
    if (tokens.length === 0) continue;
    let method: FormMethod = "latin";
    for (const t of tokens) {
      const m = originMethod(t.origin);
      if (METHOD_RANK.indexOf(m) > METHOD_RANK.indexOf(method)) method = m;
    }
    const lang = formLangs[fi];
    outForms.push({ tokens, fidelity: FIDELITY[method], method, ...(lang ? { lang } : {}) });
  }

  const cjk = cjkParts.length > 0 ? cjkParts.join("") : null;
  const cjkHangul = cjk && /[\u3400-\u9fff]/.test(cjk) ? hanToHangul(cjk) : null;
  return {
    original: name,
    identity,
    script,
    legal: [...legalSeen],
    forms: outForms,
    cjk,
    cjkHangul: cjkHangul && cjkHangul !== cjk ? cjkHangul : null,
  };
}
