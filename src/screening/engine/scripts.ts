/**
 * Unicode script detection for names. The matcher treats each script differently (an abjad needs
 * vowel-insensitive comparison, Han needs readings and translation, Hangul needs two romanisations),
 * so every run of characters is classified first.
 */

export type Script =
  | "latin"
  | "cyrillic"
  | "greek"
  | "arabic"
  | "hebrew"
  | "han"
  | "kana"
  | "hangul"
  | "thai"
  | "indic"
  | "armenian"
  | "georgian"
  | "other"
  | "digit"
  | "none";

/** Classifies one code point; "none" for separators and punctuation. */
export function scriptOf(cp: number): Script {
  if (cp < 0x80) {
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)) return "latin";
    if (cp >= 0x30 && cp <= 0x39) return "digit";
    return "none";
  }
  if (cp <= 0x24f) return cp >= 0xc0 && cp !== 0xd7 && cp !== 0xf7 ? "latin" : "none";
  if (cp >= 0x1e00 && cp <= 0x1eff) return "latin";
  if (cp >= 0x300 && cp <= 0x36f) return "none"; // combining marks (stripped later)
  if (cp >= 0x370 && cp <= 0x3ff) return "greek";
  if (cp >= 0x1f00 && cp <= 0x1fff) return "greek";
  if (cp >= 0x400 && cp <= 0x52f) return "cyrillic";
  if (cp >= 0x530 && cp <= 0x58f) return "armenian";
  if (cp >= 0x590 && cp <= 0x5ff) return "hebrew";
  if ((cp >= 0x600 && cp <= 0x6ff) || (cp >= 0x750 && cp <= 0x77f) || (cp >= 0xfb50 && cp <= 0xfdff))
    return "arabic";
  if (cp >= 0xfe70 && cp <= 0xfeff) return "arabic";
  if (cp >= 0x900 && cp <= 0xdff) return "indic";
  if (cp >= 0xe00 && cp <= 0xe7f) return "thai";
  if (cp >= 0x10a0 && cp <= 0x10ff) return "georgian";
  if (cp >= 0x1100 && cp <= 0x11ff) return "hangul";
  if (cp >= 0x3130 && cp <= 0x318f) return "hangul";
  if (cp >= 0xac00 && cp <= 0xd7af) return "hangul";
  if (cp >= 0x3040 && cp <= 0x30ff) return cp === 0x30fb ? "none" : "kana";
  if (cp >= 0x31f0 && cp <= 0x31ff) return "kana";
  if (cp >= 0xff66 && cp <= 0xff9f) return "kana";
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff))
    return "han";
  if (cp >= 0x20000 && cp <= 0x3ffff) return "han";
  if (cp === 0x3005 || cp === 0x3006) return "han"; // 々 〆
  const ch = String.fromCodePoint(cp);
  if (/\p{L}/u.test(ch)) return "other";
  if (/\p{N}/u.test(ch)) return "digit";
  return "none";
}

/** The dominant script of a string (by letter count), for per-script reporting and weighting. */
export function dominantScript(text: string): Script {
  const counts = new Map<Script, number>();
  for (const ch of text) {
    const s = scriptOf(ch.codePointAt(0)!);
    if (s === "none" || s === "digit") continue;
    const key = s === "kana" ? "han" : s; // Japanese mixes kana and kanji: count both as CJK
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best: Script = "none";
  let bestCount = 0;
  for (const [s, c] of counts) {
    if (c > bestCount) {
      best = s;
      bestCount = c;
    }
  }
  if (best === "han" && /[\u3040-\u30ff]/.test(text)) return "kana";
  return best;
}

/** Human-friendly script group used in eval reports ("CJK" groups Han and kana). */
export function scriptGroup(text: string): string {
  const s = dominantScript(text);
  switch (s) {
    case "han":
    case "kana":
      return "CJK";
    case "none":
    case "digit":
      return "Other";
    default:
      return s.charAt(0).toUpperCase() + s.slice(1);
  }
}

/** True for CJK ideographs and kana, the scripts written without spaces between words. */
export function isCjkScript(s: Script): boolean {
  return s === "han" || s === "kana";
}
