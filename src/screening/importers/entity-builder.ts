import type { ListEntity } from "../screening-contract.js";
import { countryCode } from "./countries.js";
import { ImportError } from "./import-error.js";

type NameKind = ListEntity["names"][number]["kind"];

/** Tidies a name from a list: NFC, single spaces, no surrounding quotes or separators. */
export function cleanName(raw: string): string {
  let name = raw
    .normalize("NFC")
    .replace(/[\s\u3000]+/g, " ")
    .trim()
    .replace(/[;,]+$/, "")
    .trim();
  if (/^".*"$/.test(name)) name = name.slice(1, -1).trim();
  return name;
}

const MONTHS: Record<string, string> = {
  jan: "01",
  feb: "02",
  mar: "03",
  apr: "04",
  may: "05",
  jun: "06",
  jul: "07",
  aug: "08",
  sep: "09",
  oct: "10",
  nov: "11",
  dec: "12",
};

/**
 * Reads the dates lists print ("10 Dec 1948", "1948-12-10", "12/10/1948" US-style, "Dec 1948", "1948",
 * "circa 1960", "1960 to 1962") as the contract's YYYY / YYYY-MM / YYYY-MM-DD; ranges of at most
 * 10 years become every year. Returns [] when nothing date-like is found.
 */
export function parseDates(raw: string): string[] {
  const text = raw.trim().replace(/^(circa|approximately|approx\.?|about|c\.)\s*/i, "");
  let m = /^(\d{4})\s*(?:to|-|–|~)\s*(\d{4})$/i.exec(text);
  if (m) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (to >= from && to - from <= 10) {
      return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
    }
    return [m[1]!, m[2]!];
  }
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (m) return [`${m[1]}-${m[2]}-${m[3]}`];
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) return [`${m[1]}-${m[2]}`];
  m = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(text);
  if (m && MONTHS[m[2]!.toLowerCase()]) {
    return [`${m[3]}-${MONTHS[m[2]!.toLowerCase()]}-${m[1]!.padStart(2, "0")}`];
  }
  m = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(text);
  if (m && MONTHS[m[1]!.toLowerCase()]) return [`${m[2]}-${MONTHS[m[1]!.toLowerCase()]}`];
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) return [`${m[3]}-${m[1]!.padStart(2, "0")}-${m[2]!.padStart(2, "0")}`];
  m = /^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?/.exec(text);
  if (m) {
    return [[m[1], m[2]?.padStart(2, "0"), m[3]?.padStart(2, "0")].filter(Boolean).join("-")];
  }
  m = /^(\d{4})$/.exec(text);
  if (m) return [m[1]!];
  return [];
}

/**
 * Collects one list entry and produces a tidy {@link ListEntity}: names trimmed and de-duplicated (the
 * primary first), country names mapped to ISO codes (unknown ones kept in `details`), dates normalised.
 * Every importer goes through it so entities look the same whatever the list.
 */
export class EntityBuilder {
  readonly #names: ListEntity["names"] = [];
  readonly #nameKeys = new Set<string>();
  readonly #countries: string[] = [];
  readonly #unknownCountries: string[] = [];
  readonly #birthDates: string[] = [];
  readonly #identifiers: ListEntity["identifiers"] = [];
  readonly #programs: string[] = [];
  readonly #addresses: string[] = [];
  readonly #details: Record<string, string | string[]> = {};
  #listedOn: string | undefined;
  #remarks: string | undefined;

  constructor(
    readonly source: string,
    public sourceId: string,
    public schema: ListEntity["schema"],
  ) {}

  /** Adds a name; the first name added with kind "primary" (or the first at all) is the primary one. */
  name(raw: string | undefined | null, kind: NameKind = "alias", lang?: string): this {
    if (!raw) return this;
    const name = cleanName(raw);
    if (!name) return this;
    const key = name.normalize("NFKC").toLowerCase();
    if (this.#nameKeys.has(key)) return this;
    this.#nameKeys.add(key);
    const entry: ListEntity["names"][number] = { name, kind };
    if (lang) entry.lang = lang;
    if (kind === "primary") {
      const existing = this.#names.findIndex((n) => n.kind === "primary");
      if (existing === -1) this.#names.unshift(entry);
      else this.#names.push({ ...entry, kind: "alias" });
    } else {
      this.#names.push(entry);
    }
    return this;
  }

  /** Adds countries given as names or ISO codes. */
  country(...raw: (string | undefined | null)[]): this {
    for (const value of raw) {
      if (!value?.trim()) continue;
      const code = countryCode(value);
      if (code) {
        if (!this.#countries.includes(code)) this.#countries.push(code);
      } else if (!this.#unknownCountries.includes(value.trim())) {
        this.#unknownCountries.push(value.trim());
      }
    }
    return this;
  }

  /** Adds birth dates in any of the formats {@link parseDates} reads; others are kept in details. */
  birthDate(raw: string | undefined | null): this {
    if (!raw?.trim()) return this;
    const dates = parseDates(raw);
    if (dates.length === 0) this.detail("birthDateText", raw.trim());
    for (const d of dates) if (!this.#birthDates.includes(d)) this.#birthDates.push(d);
    return this;
  }

  identifier(scheme: string, raw: string | undefined | null): this {
    const value = raw?.trim();
    if (!value || value === "-0-") return this;
    if (!this.#identifiers.some((i) => i.scheme === scheme && i.value === value)) {
      this.#identifiers.push({ scheme, value });
    }
    return this;
  }

  program(...raw: (string | undefined | null)[]): this {
    for (const value of raw) {
      const p = value?.trim();
      if (p && !this.#programs.includes(p)) this.#programs.push(p);
    }
    return this;
  }

  address(raw: string | undefined | null): this {
    const a = raw?.replace(/\s+/g, " ").trim();
    if (a && !this.#addresses.includes(a)) this.#addresses.push(a);
    return this;
  }

  listedOn(raw: string | undefined | null): this {
    const dates = raw ? parseDates(raw) : [];
    if (dates[0]) this.#listedOn = dates[0];
    return this;
  }

  remarks(raw: string | undefined | null): this {
    const r = raw?.trim();
    if (r) this.#remarks = this.#remarks ? `${this.#remarks}\n${r}` : r;
    return this;
  }

  /** Keeps a fact for the reviewer; repeated keys collect into a list. */
  detail(key: string, raw: string | undefined | null): this {
    const value = raw?.replace(/[ \t]+/g, " ").trim();
    if (!value) return this;
    const existing = this.#details[key];
    if (existing === undefined) this.#details[key] = value;
    else if (Array.isArray(existing)) {
      if (!existing.includes(value)) existing.push(value);
    } else if (existing !== value) this.#details[key] = [existing, value];
    return this;
  }

  get hasName(): boolean {
    return this.#names.length > 0;
  }

  /** The finished entity; an entry without any name is an error naming where it came from. */
  build(where: { file: string; line?: number | undefined; field?: string | undefined }): ListEntity {
    if (this.#names.length === 0) {
      throw new ImportError(
        { ...where, field: where.field ?? "name" },
        {
          ja: `名前が空のエントリがあります（${this.sourceId || "識別子なし"}）`,
          en: `an entry has no name (${this.sourceId || "no identifier"})`,
        },
      );
    }
    if (this.#names[0]!.kind !== "primary") this.#names[0] = { ...this.#names[0]!, kind: "primary" };
    if (this.#unknownCountries.length > 0) this.#details.countryNames = [...this.#unknownCountries];
    const entity: ListEntity = {
      source: this.source,
      sourceId: this.sourceId || this.#names[0]!.name,
      schema: this.schema,
      names: this.#names,
      countries: this.#countries,
      birthDates: this.#birthDates,
      identifiers: this.#identifiers,
      programs: this.#programs,
    };
    if (this.#listedOn) entity.listedOn = this.#listedOn;
    if (this.#remarks) entity.remarks = this.#remarks;
    if (this.#addresses.length > 0) entity.addresses = this.#addresses;
    if (Object.keys(this.#details).length > 0) entity.details = this.#details;
    return entity;
  }
}
