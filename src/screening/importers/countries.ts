/**
 * Country names as lists write them ("Korea, North", "Democratic People's Republic of Korea",
 * "北朝鮮 North Korea", "Iran (Islamic Republic of)") → ISO 3166-1 alpha-2 codes. The bulk of the table
 * comes from the ICU data built into Node (English, Japanese and Chinese names of every region);
 * the official long forms and list-specific spellings below fill the gaps.
 */

const EXTRA_NAMES: Record<string, readonly string[]> = {
  AE: ["UAE", "U.A.E."],
  BA: ["Bosnia-Herzegovina", "Bosnia"],
  BO: ["Bolivia (Plurinational State of)", "Plurinational State of Bolivia"],
  BN: ["Brunei Darussalam"],
  BS: ["Bahamas, The", "The Bahamas"],
  CD: [
    "Democratic Republic of the Congo",
    "Congo, Democratic Republic of the",
    "Congo, The Democratic Republic of the",
    "DRC",
    "Congo (Kinshasa)",
    "コンゴ民主共和国",
  ],
  CG: ["Republic of the Congo", "Congo, Republic of the", "Congo (Brazzaville)", "Congo"],
  CI: ["Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"],
  CN: [
    "People's Republic of China",
    "China, People's Republic of",
    "PRC",
    "Mainland China",
    "中华人民共和国",
    "中華人民共和国",
  ],
  CV: ["Cape Verde", "Cabo Verde"],
  CZ: ["Czech Republic", "Czechia"],
  FM: ["Micronesia (Federated States of)", "Micronesia, Federated States of"],
  GB: [
    "United Kingdom of Great Britain and Northern Ireland",
    "Great Britain",
    "England",
    "UK",
    "英国",
    "イギリス",
  ],
  GM: ["Gambia, The", "The Gambia"],
  HK: ["Hong Kong", "Hong Kong SAR", "香港"],
  IR: ["Iran (Islamic Republic of)", "Islamic Republic of Iran", "Iran, Islamic Republic of"],
  KP: [
    "Democratic People's Republic of Korea",
    "Korea, Democratic People's Republic of",
    "Korea, North",
    "North Korea",
    "DPRK",
    "朝鮮民主主義人民共和国",
    "朝鲜",
  ],
  KR: ["Republic of Korea", "Korea, Republic of", "Korea, South", "South Korea", "Korea", "大韓民国", "韓国"],
  LA: ["Lao People's Democratic Republic", "Lao PDR", "Laos"],
  LY: ["Libyan Arab Jamahiriya", "State of Libya"],
  MD: ["Republic of Moldova", "Moldova, Republic of"],
  MK: [
    "The former Yugoslav Republic of Macedonia",
    "Macedonia",
    "North Macedonia",
    "Republic of North Macedonia",
  ],
  MM: ["Burma", "Myanmar (Burma)", "ミャンマー", "ビルマ"],
  MO: ["Macao", "Macau", "澳門", "澳门", "マカオ"],
  NL: ["Netherlands, The", "The Netherlands", "Holland"],
  PS: [
    "State of Palestine",
    "Palestine",
    "Palestinian",
    "Palestinian Territories",
    "Occupied Palestinian Territory",
    "West Bank",
    "Gaza",
    "Gaza Strip",
    "パレスチナ",
  ],
  RU: ["Russian Federation", "Russia", "ロシア連邦", "俄罗斯联邦"],
  SY: ["Syrian Arab Republic", "Syria"],
  ST: ["Sao Tome and Principe", "São Tomé and Príncipe"],
  SZ: ["Swaziland", "Eswatini"],
  TL: ["Timor-Leste", "East Timor"],
  TR: ["Türkiye", "Turkiye", "Turkey", "Republic of Türkiye", "トルコ共和国"],
  TW: ["Taiwan, Province of China", "Chinese Taipei", "臺灣", "台灣"],
  TZ: ["United Republic of Tanzania", "Tanzania, United Republic of", "Tanzania"],
  US: ["United States of America", "United States", "USA", "U.S.A.", "U.S.", "米国", "アメリカ", "美国"],
  VA: ["Holy See", "Vatican City", "Holy See (Vatican City State)"],
  VE: ["Venezuela (Bolivarian Republic of)", "Bolivarian Republic of Venezuela"],
  VN: ["Viet Nam", "Vietnam"],
  XK: ["Kosovo"],
  YE: ["Yemen", "Republic of Yemen"],
  SO: ["Somalia"],
  SD: ["Sudan"],
  SS: ["South Sudan"],
  UA: ["Ukraine", "Crimea", "Region: Crimea"],
  BY: ["Belarus", "ベラルーシ共和国"],
  AF: ["Afghanistan", "Islamic Republic of Afghanistan", "Islamic Emirate of Afghanistan"],
  AM: ["Armenia"],
  KG: ["Kyrgyzstan", "Kyrgyz Republic"],
  SK: ["Slovakia", "Slovak Republic"],
  PK: ["Pakistan"],
  IL: ["Israel"],
  IQ: ["Iraq"],
  LB: ["Lebanon"],
};

/** Regions that Intl knows but that are no country (continents, unions, "unknown"). */
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"]);

function fold(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/\b(st|saint)\b\.?/g, "saint")
    .replace(/\b(the|possibly)\b/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

let table: Map<string, string> | undefined;
let knownCodes: Set<string> | undefined;

function buildTable(): Map<string, string> {
  const map = new Map<string, string>();
  const displays = [
    new Intl.DisplayNames(["en"], { type: "region" }),
    new Intl.DisplayNames(["en"], { type: "region", style: "short" }),
    new Intl.DisplayNames(["ja"], { type: "region" }),
    new Intl.DisplayNames(["ja"], { type: "region", style: "short" }),
    new Intl.DisplayNames(["zh-Hans"], { type: "region" }),
    new Intl.DisplayNames(["zh-Hant"], { type: "region" }),
  ];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      for (const display of displays) {
        let name: string | undefined;
        try {
          name = display.of(code);
        } catch {
          name = undefined;
        }
        if (!name || name === code) continue;
        const key = fold(name);
        if (key && !map.has(key)) map.set(key, code);
      }
    }
  }
  for (const [code, names] of Object.entries(EXTRA_NAMES)) {
    for (const name of names) map.set(fold(name), code);
  }
  knownCodes = new Set(map.values());
  return map;
}

/** The ISO 3166-1 alpha-2 code for a country name in English, Japanese or Chinese, or undefined. */
export function countryCode(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === "") return undefined;
  table ??= buildTable();
  if (/^[A-Z]{2}$/.test(trimmed)) {
    // Already a code (trade.gov and FollowTheMoney give codes); only ones that name a country.
    table ??= buildTable();
    return knownCodes!.has(trimmed) ? trimmed : undefined;
  }
  const key = fold(trimmed);
  const direct = table.get(key);
  if (direct) return direct;
  // "Virgin Islands, British", "Man, Isle of": the inverted order of some lists.
  const inverted = /^([^,]+),\s*([^,]+)$/.exec(trimmed);
  if (inverted) {
    const code = table.get(fold(`${inverted[2]} ${inverted[1]}`));
    if (code) return code;
  }
  // "北朝鮮 North Korea" (METI), "Region: Crimea", "China (Hong Kong)": try the parts.
  const parts = trimmed
    .split(/[()（）、,;:/]|\s{2,}|(?<=[\p{Script=Han}\p{Script=Katakana}ー])\s+(?=[A-Za-z])/u)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length > 1) {
    for (const part of parts) {
      const code = table.get(fold(part));
      if (code) return code;
    }
  }
  return undefined;
}

/** Maps several country names to unique codes, keeping the order; names not understood are returned apart. */
export function countryCodes(names: Iterable<string>): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    if (!name.trim()) continue;
    const code = countryCode(name);
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else if (!unknown.includes(name.trim())) {
      unknown.push(name.trim());
    }
  }
  return { codes, unknown };
}
