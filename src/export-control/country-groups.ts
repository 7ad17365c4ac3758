import builtIn from "./data/country-groups.json" with { type: "json" };
import type { Label } from "./legal-sources.js";

/**
 * Destination country groups of the export-control law as data: 輸出令 別表第3 (グループA), 別表第3の2
 * (国連武器禁輸国・地域) and 別表第4, each as dated editions with their source and whether the edition
 * has been checked. The built-in table ships in `data/country-groups.json`; an office loads a newer
 * edition (same format) through the API or CLI without a code change. Pure: parsing, validation and
 * look-ups; no IO.
 */

export const COUNTRY_GROUP_IDS = ["group_a", "un_arms_embargo", "concern_table4"] as const;
export type CountryGroupId = (typeof COUNTRY_GROUP_IDS)[number];

export const GROUP_LABELS: Record<CountryGroupId, Label> = {
  group_a: { ja: "グループA（輸出令別表第3）", en: "Group A (ETCO Appended Table 3)" },
  un_arms_embargo: {
    ja: "国連武器禁輸国・地域（輸出令別表第3の2）",
    en: "UN arms-embargoed country/region (ETCO Appended Table 3-2)",
  },
  concern_table4: { ja: "懸念国（輸出令別表第4）", en: "Country of concern (ETCO Appended Table 4)" },
};

export type CountryGroupMember = {
  code: string;
  name: Label;
  since?: string | undefined;
  verified?: boolean | undefined;
  note?: Label | undefined;
};

export type CountryGroupEdition = {
  group: CountryGroupId;
  id: string;
  title: Label;
  /** The day this edition came into force; null for the oldest edition kept, whose start is not recorded. */
  effectiveFrom: string | null;
  effectiveFromVerified: boolean;
  source: Label;
  amendedBy?: Label | undefined;
  /** Checked against the primary text (false = 要確認). */
  verified: boolean;
  note?: Label | undefined;
  members: CountryGroupMember[];
};

export type CountryGroupTable = { format: string; title: Label; editions: CountryGroupEdition[] };

export const COUNTRY_GROUP_FORMAT = "sekimori.country-groups/1";

/** The destination group the catch-all rules branch on (別表第4 countries are "general" plus a note). */
export type DestinationGroup = "group_a" | "un_arms_embargo" | "general";

export type GroupLookup = {
  country: string;
  destinationGroup: DestinationGroup;
  /** Every table the country is in on that date, with the edition used. */
  memberships: { group: CountryGroupId; editionId: string; verified: boolean }[];
  /** Editions consulted (one per group), even where the country is not a member. */
  editions: { group: CountryGroupId; editionId: string; effectiveFrom: string | null; verified: boolean }[];
  /** Uncertainty worth telling the user (unverified edition or member). */
  cautions: Label[];
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Z]{2}$/;

export type TableProblem = { path: string; message: Label };

const isLabel = (v: unknown): v is Label =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as Label).ja === "string" &&
  typeof (v as Label).en === "string" &&
  (v as Label).ja.trim() !== "" &&
  (v as Label).en.trim() !== "";

/**
 * Checks a country-group table (the JSON an office imports) and returns it typed, or every problem
 * with its path (`editions.3.members.2.code`) in both languages. Nothing is half-accepted.
 */
export function parseCountryGroupTable(
  input: unknown,
  knownCodes: ReadonlySet<string>,
): { table: CountryGroupTable; problems: [] } | { table: null; problems: TableProblem[] } {
  const problems: TableProblem[] = [];
  const p = (path: string, ja: string, en: string) => problems.push({ path, message: { ja, en } });
  if (typeof input !== "object" || input === null) {
    p("", "JSON オブジェクトではありません", "Not a JSON object");
    return { table: null, problems };
  }
  const t = input as Record<string, unknown>;
  if (t.format !== COUNTRY_GROUP_FORMAT)
    p(
      "format",
      `format は "${COUNTRY_GROUP_FORMAT}" にしてください`,
      `format must be "${COUNTRY_GROUP_FORMAT}"`,
    );
  if (!isLabel(t.title)) p("title", "title に ja と en を入れてください", "title needs ja and en");
  if (!Array.isArray(t.editions) || t.editions.length === 0) {
    p("editions", "版（editions）が1つ以上必要です", "At least one edition is needed");
    return { table: null, problems };
  }
  const ids = new Set<string>();
  const starts = new Map<string, Set<string>>();
  t.editions.forEach((raw, i) => {
    const at = `editions.${i}`;
    if (typeof raw !== "object" || raw === null) {
      p(at, "版がオブジェクトではありません", "Not an object");
      return;
    }
    const e = raw as Record<string, unknown>;
    if (!(COUNTRY_GROUP_IDS as readonly string[]).includes(e.group as string))
      p(
        `${at}.group`,
        `group は ${COUNTRY_GROUP_IDS.join(" / ")} のいずれか`,
        `group must be one of ${COUNTRY_GROUP_IDS.join(", ")}`,
      );
    if (typeof e.id !== "string" || !/^[a-z0-9][a-z0-9.-]{1,80}$/.test(e.id))
      p(`${at}.id`, "id は英小文字・数字・.- で", "id: lower-case letters, digits, . and -");
    else if (ids.has(e.id)) p(`${at}.id`, `id「${e.id}」が重複しています`, `Duplicate id "${e.id}"`);
    else ids.add(e.id);
    if (!isLabel(e.title)) p(`${at}.title`, "title に ja と en を", "title needs ja and en");
    if (!isLabel(e.source)) p(`${at}.source`, "source（出典）に ja と en を", "source needs ja and en");
    if (e.amendedBy !== undefined && !isLabel(e.amendedBy))
      p(`${at}.amendedBy`, "ja と en を", "needs ja and en");
    if (e.note !== undefined && !isLabel(e.note)) p(`${at}.note`, "ja と en を", "needs ja and en");
    if (e.effectiveFrom !== null && (typeof e.effectiveFrom !== "string" || !ISO_DATE.test(e.effectiveFrom)))
      p(`${at}.effectiveFrom`, "施行日は YYYY-MM-DD か null", "effectiveFrom: YYYY-MM-DD or null");
    if (typeof e.effectiveFromVerified !== "boolean")
      p(`${at}.effectiveFromVerified`, "true か false", "true or false");
    if (typeof e.verified !== "boolean") p(`${at}.verified`, "true か false", "true or false");
    const key = `${String(e.group)}@${String(e.effectiveFrom)}`;
    const seen = starts.get(String(e.group)) ?? new Set<string>();
    if (seen.has(key))
      p(
        `${at}.effectiveFrom`,
        "同じグループに同じ施行日の版が2つあります",
        "Two editions of the group share a start date",
      );
    seen.add(key);
    starts.set(String(e.group), seen);
    if (!Array.isArray(e.members)) {
      p(`${at}.members`, "members は配列", "members must be an array");
      return;
    }
    const codes = new Set<string>();
    e.members.forEach((mRaw, j) => {
      const mat = `${at}.members.${j}`;
      const m = (mRaw ?? {}) as Record<string, unknown>;
      if (typeof m.code !== "string" || !CODE.test(m.code) || !knownCodes.has(m.code))
        p(`${mat}.code`, "ISO 3166-1 の2文字コードではありません", "Not an ISO 3166-1 alpha-2 code");
      else if (codes.has(m.code)) p(`${mat}.code`, `${m.code} が重複しています`, `${m.code} appears twice`);
      else codes.add(m.code);
      if (!isLabel(m.name)) p(`${mat}.name`, "name に ja と en を", "name needs ja and en");
      if (m.since !== undefined && (typeof m.since !== "string" || !ISO_DATE.test(m.since)))
        p(`${mat}.since`, "YYYY-MM-DD で", "YYYY-MM-DD");
    });
  });
  if (problems.length > 0) return { table: null, problems };
  return { table: input as CountryGroupTable, problems: [] };
}

/** The edition of a group in force on a date: the latest that started on or before it (null start = oldest). */
export function editionInForce(
  table: CountryGroupTable,
  group: CountryGroupId,
  date: string,
): CountryGroupEdition | null {
  const candidates = table.editions
    .filter((e) => e.group === group && (e.effectiveFrom === null || e.effectiveFrom <= date))
    .sort((a, b) => (a.effectiveFrom ?? "").localeCompare(b.effectiveFrom ?? ""));
  return candidates.at(-1) ?? null;
}

/**
 * Which groups a destination belongs to on a date, and so which branch of the catch-all applies:
 * グループA before 国連武器禁輸国 (no country is in both), else "general" (一般国; 別表第4 adds a note).
 */
export function lookupCountry(table: CountryGroupTable, country: string, date: string): GroupLookup {
  const code = country.toUpperCase();
  const memberships: GroupLookup["memberships"] = [];
  const editions: GroupLookup["editions"] = [];
  const cautions: Label[] = [];
  for (const group of COUNTRY_GROUP_IDS) {
    const edition = editionInForce(table, group, date);
    if (!edition) {
      cautions.push({
        ja: `${GROUP_LABELS[group].ja}: ${date} に施行中の版がデータにありません`,
        en: `${GROUP_LABELS[group].en}: no edition in force on ${date} in the data`,
      });
      continue;
    }
    editions.push({
      group,
      editionId: edition.id,
      effectiveFrom: edition.effectiveFrom,
      verified: edition.verified,
    });
    const member = edition.members.find((m) => m.code === code);
    if (member) {
      const verified = edition.verified && member.verified !== false;
      memberships.push({ group, editionId: edition.id, verified });
      if (!verified)
        cautions.push({
          ja: `${member.name.ja} の${GROUP_LABELS[group].ja}への掲載は要確認（版 ${edition.id}）${member.note ? `: ${member.note.ja}` : ""}`,
          en: `${member.name.en} in ${GROUP_LABELS[group].en} is to be verified (edition ${edition.id})${member.note ? `: ${member.note.en}` : ""}`,
        });
    } else if (!edition.verified && group !== "concern_table4") {
      cautions.push({
        ja: `${GROUP_LABELS[group].ja} の版 ${edition.id} は要確認（掲載されていないことも要確認）`,
        en: `${GROUP_LABELS[group].en} edition ${edition.id} is to be verified (including that the country is absent)`,
      });
    }
  }
  const inGroup = (g: CountryGroupId) => memberships.some((m) => m.group === g);
  const destinationGroup: DestinationGroup = inGroup("group_a")
    ? "group_a"
    : inGroup("un_arms_embargo")
      ? "un_arms_embargo"
      : "general";
  return { country: code, destinationGroup, memberships, editions, cautions };
}

/** The table that ships with the product (輸出令 別表第3・第3の2・第4 as this project reads them). */
export const BUILT_IN_COUNTRY_GROUPS: CountryGroupTable = builtIn as CountryGroupTable;
