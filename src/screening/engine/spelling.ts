/**
 * Spelling-convention variants: the same foreign name is spelt by each language's own rules
 * (Dutch "Poetin", Hungarian "Putyin", Lithuanian "Putinas", Chinese 普京 read "pujing"). These
 * rules give a token an extra spelling in the convention the lists use; the scorer counts a match
 * through such a variant slightly below an exact one (`VARIANT_FACTOR`) and the explanation names
 * the rule. Every rule is gated on a marker of its convention, so ordinary names are untouched.
 */

export type SpellingRule = "dutch" | "hungarian" | "baltic" | "zhForeign" | "wadeGiles";

/** A match through a spelling variant counts a little less than the same spelling written out. */
export const VARIANT_FACTOR = 0.95;

/** Reviewer-facing names of the rules (explanations). */
export const SPELLING_RULE_TEXT: Record<SpellingRule, { ja: string; en: string }> = {
  dutch: { ja: "オランダ語式綴り（oe=u, tsj=ch）", en: "Dutch spelling (oe = u, tsj = ch)" },
  hungarian: {
    ja: "ハンガリー語式綴り（ty=t, gy=d, ny=n）",
    en: "Hungarian spelling (ty = t, gy = d, ny = n)",
  },
  baltic: { ja: "バルト諸語の格語尾（-as, -is, -us, -s）", en: "Baltic case ending (-as, -is, -us, -s)" },
  zhForeign: {
    ja: "外国人名の中国語音訳を復元",
    en: "Chinese transcription of a foreign name decoded",
  },
  wadeGiles: {
    ja: "ウェード式ローマ字（台湾などの中国語人名: 蔡 Tsai, 萧 Hsiao）",
    en: "Wade–Giles romanisation (Chinese names as Taiwan spells them: 蔡 Tsai, 萧 Hsiao)",
  },
};

const VOWEL = "aeiouy";

/**
 * Dutch (and Afrikaans) orthography writes /u/ as "oe", ч as "tsj", ш as "sj", ж as "zj" and
 * Russian в as "w". A name counts as Dutch-spelt when one of its words has oe between consonants
 * before a syllable (Poetin, not Joel) or tsj/sj/zj; then every word gets its international
 * spelling as a variant.
 */
export function dutchVariants(words: string[]): (string | null)[] {
  const marked = words.some((w) => /[^aeiouy]oe[^aeiouy][aeiouy]/.test(w) || /tsj|sj[aeiou]|zj/.test(w));
  if (!marked) return words.map(() => null);
  return words.map((w) => {
    const v = w
      .replace(/tsj/g, "ch")
      .replace(/sj/g, "sh")
      .replace(/zj/g, "zh")
      .replace(/oe/g, "u")
      .replace(/w/g, "v");
    return v !== w && v.length >= 3 ? v : null;
  });
}

/**
 * Hungarian writes palatal consonants as ty, gy, ny (Путин → Putyin, Медведев → Medvegyev): before
 * a vowel they stand for the plain t, d, n of other spellings.
 */
export function hungarianVariant(word: string): string | null {
  if (!/(?:ty|gy|ny)[aeiou]/.test(word)) return null;
  const v = word
    .replace(/ty(?=[aeiou])/g, "t")
    .replace(/gy(?=[aeiou])/g, "d")
    .replace(/ny(?=[aeiou])/g, "n");
  return v !== word && v.length >= 3 ? v : null;
}

/**
 * Lithuanian and Latvian decline the whole name: every word of a man's name carries the
 * nominative ending (Vladimiras Putinas, Vladimirs Putins). When all words of a name of two or more
 * words end that way, the stems are offered as variants.
 */
export function balticVariants(words: string[]): (string | null)[] {
  const stem = (w: string): string | null => {
    if (w.length < 5) return null;
    const lt = /^(.{3,}?)(?:as|is|ys|us)$/.exec(w);
    if (lt && !VOWEL.includes(lt[1]!.slice(-1))) return lt[1]!;
    const lv = /^(.{3,}[^aeiouys])s$/.exec(w);
    return lv ? lv[1]! : null;
  };
  if (words.length < 2) return words.map(() => null);
  const stems = words.map(stem);
  return stems.every((s) => s !== null) ? stems : words.map(() => null);
}

/** Syllables that transcribe a bare consonant before l/r (弗拉 = vla) or at the end of a word. */
const EPENTHETIC: Record<string, string[]> = {
  fu: ["v", "f"],
  bu: ["b"],
  pu: ["p"],
  ke: ["k"],
  ge: ["g"],
  te: ["t"],
  de: ["d"],
  si: ["s"],
  ci: ["ts"],
  er: ["r"],
  le: ["l"],
};

/**
 * Decodes a Chinese transcription of a foreign name from its pinyin syllables (弗拉基米尔 fu la ji
 * mi er → vladimir; 普京 pu jing → putin): epenthetic vowels after consonants are dropped before
 * l/r and at the end of the word, 尔 er is a final r, palatal j/q/x before i stand for d/t/s of
 * the source (Russian ди, ти), and a final -ng may transcribe -n. Returns a few spellings, most
 * literal first.
 */
export function decodeChineseTranscription(syllables: string[], limit = 8): string[] {
  const options = syllables.map((s, i) => {
    const next = syllables[i + 1];
    const last = next === undefined;
    const bare = EPENTHETIC[s];
    const beforeCluster =
      next !== undefined && (/^l/.test(next) || (s === "si" && !VOWEL.includes(next[0]!)));
    if (bare && i > 0 && (last || beforeCluster)) return bare;
    if (bare && i === 0 && s !== "er" && beforeCluster) return bare;
    const bases = [s];
    if (/^[jqx]i/.test(s)) {
      const rest = s.slice(1);
      if (s[0] === "j") bases.push(`d${rest}`, `t${rest}`);
      else if (s[0] === "q") bases.push(`t${rest}`, `k${rest}`);
      else bases.push(`s${rest}`);
    }
    if (!last) return bases;
    return bases.flatMap((b) => (b.endsWith("ng") ? [b, b.slice(0, -1)] : [b]));
  });
  let out: string[] = [""];
  for (const opts of options) {
    const next: string[] = [];
    for (const prefix of out) for (const o of opts) next.push(prefix + o);
    out = next.slice(0, 64);
  }
  const literal = syllables.join("");
  return [...new Set(out)].filter((s) => s !== literal).slice(0, limit);
}
