import type { ListEntity } from "../screening-contract.js";
import { ImportError } from "./import-error.js";

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** True when the text holds Chinese, Japanese or Korean characters. */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** A name split into the part outside parentheses and the top-level parenthesised groups. */
export type ParenthesisedName = { base: string; groups: string[] };

/**
 * Splits "Harbin Institute of Technology (HIT) (哈爾浜工業大学)" into its base and top-level groups,
 * with ASCII and full-width parentheses and nesting ("Korea Rungrado (General) Trading Co.
 * (朝鮮綾羅島貿易(総)会社)"). Unbalanced parentheses leave the name whole.
 */
export function splitParentheses(name: string): ParenthesisedName {
  const groups: string[] = [];
  let base = "";
  let depth = 0;
  let current = "";
  for (const c of name) {
    if (c === "(" || c === "（") {
      if (depth > 0) current += c;
      depth++;
    } else if ((c === ")" || c === "）") && depth > 0) {
      depth--;
      if (depth === 0) {
        groups.push(current.trim());
        current = "";
        base += " ";
      } else current += c;
    } else if (depth > 0) current += c;
    else base += c;
  }
  if (depth !== 0) return { base: name.trim(), groups: [] };
  return {
    base: base
      .replace(/\s+/g, " ")
      .replace(/\s+([.,])(?=\s|$)/g, "")
      .trim(),
    groups: groups.filter(Boolean),
  };
}

/**
 * The names in one printed list name: parenthesised CJK names become aliases in their own script,
 * short Latin groups ("(HIT)") become abbreviation aliases, and the name as printed is kept too.
 * Returns the primary name first.
 */
export function namesFromPrinted(
  printed: string,
): { name: string; kind: ListEntity["names"][number]["kind"] }[] {
  const { base, groups } = splitParentheses(printed);
  const out: { name: string; kind: ListEntity["names"][number]["kind"] }[] = [];
  const cjkGroups = groups.filter(hasCjk);
  const latinGroups = groups.filter((g) => !hasCjk(g));
  if (!base || (hasCjk(base) && cjkGroups.length === 0 && latinGroups.length === 0)) {
    out.push({ name: printed.trim(), kind: "primary" });
    return out;
  }
  // Keep Latin groups inside the primary name ("Pan Systems Pte. Ltd. (Pyongyang branch)"), drop CJK ones.
  let primary = printed;
  for (const g of cjkGroups)
    primary = primary.replace(new RegExp(`[(（]\\s*${escapeRegExp(g)}\\s*[)）]`), " ");
  primary = primary
    .replace(/\s+/g, " ")
    .replace(/\s+([,.])/g, "$1")
    .trim();
  out.push({ name: primary, kind: "primary" });
  if (latinGroups.length > 0) out.push({ name: base, kind: "alias" });
  for (const g of latinGroups) {
    if (/^[\p{Lu}\d][\p{Lu}\d&.\- ]{1,14}$/u.test(g)) out.push({ name: g, kind: "alias" });
  }
  for (const g of cjkGroups) {
    for (const n of namesFromPrinted(g)) out.push({ name: n.name, kind: "alias" });
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Splits an alias cell on ";" / "；" (and optionally other separators) into trimmed, non-empty names. */
export function splitAliases(cell: string | undefined, separators: RegExp = /[;；]/): string[] {
  return (cell ?? "")
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Collects rows that describe the same entry (same key) into one — for small curated lists that
 * repeat an entry per report year or per address. Holds at most `limit` entries; a list bigger than
 * that is not one of these formats and is refused rather than filling memory.
 */
export class EntryMerger<T> {
  readonly #entries = new Map<string, T>();
  constructor(
    readonly file: string,
    readonly limit = 200_000,
  ) {}
  /** The existing entry for this key (to add to), or the new one made by `create`. */
  entry(key: string, line: number, create: () => T): T {
    let e = this.#entries.get(key);
    if (!e) {
      if (this.#entries.size >= this.limit) {
        throw new ImportError(
          { file: this.file, line },
          {
            ja: `この形式で扱える件数（${this.limit.toLocaleString()} 件）を超えています`,
            en: `more than ${this.limit.toLocaleString()} entries, more than this format can hold`,
          },
        );
      }
      e = create();
      this.#entries.set(key, e);
    }
    return e;
  }
  values(): IterableIterator<T> {
    return this.#entries.values();
  }
  get size(): number {
    return this.#entries.size;
  }
}
