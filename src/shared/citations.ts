/**
 * Red-flag sources (citations of Japanese laws, guidance and police advice) for English readers.
 * The catalogue cites documents by their Japanese names; an English page shows the English name
 * of each known document instead, so no Japanese-only line remains (issue 14 §6). Longest names
 * are replaced first. `citations.test.ts` checks every catalogue source comes out without Japanese.
 * Pure data and one function.
 */
const TERMS: [string, string][] = [
  [
    "経済産業省「安全保障貿易に係る機微技術管理ガイダンス（大学・研究機関用）」",
    "METI, Guidance on the Control of Sensitive Technologies for Security Export (universities and research institutions)",
  ],
  ["研究インテグリティの確保に係る対応方針", "Government policy on ensuring research integrity"],
  ["研究インテグリティに関する政府方針", "Government policy on research integrity"],
  ["外国の人材招致プログラムに関する留意事項", "notes on foreign talent-recruitment programmes"],
  [
    "IPA 組織における内部不正防止ガイドライン",
    "IPA Guidelines for the Prevention of Internal Fraud in Organisations",
  ],
  ["大学における安全保障輸出管理ガイダンス", "METI guidance on security export control at universities"],
  [
    "みなし輸出管理の明確化（特定類型）通達",
    "METI notice clarifying deemed-export control (specified categories)",
  ],
  [
    "外為法 役務通達（公知・基礎科学分野の例外）",
    "FEFTA Services Notice (public-domain and basic-research exceptions)",
  ],
  ["中国国家安全部（MSS）公表事例", "cases published by China's Ministry of State Security (MSS)"],
  ["警察庁 ソフトバンク事件の教訓", "National Police Agency: lessons of the SoftBank case"],
  ["警察庁 技術流出防止事例", "National Police Agency, technology-leak prevention cases"],
  ["警察庁 技術流出防止", "National Police Agency, technology-leak prevention"],
  ["経済安全保障推進法 特定重要技術", "Economic Security Promotion Act, specified critical technologies"],
  ["不正競争防止法（営業秘密）", "Unfair Competition Prevention Act (trade secrets)"],
  ["外為法 役務通達 特定類型", "FEFTA Services Notice, specified categories (特定類型)"],
  ["METI 安全保障貿易管理", "METI security export control"],
  ["METI 外国ユーザーリスト", "METI End User List"],
  ["明らかガイドライン (METI)", "METI 'clearly' guideline"],
  ["明らかガイドライン", "METI 'clearly' guideline"],
  ["需要者チェックリスト", "end-user checklist"],
  ["用途チェックリスト", "end-use checklist"],
  ["キャッチオール規制", "catch-all controls"],
  ["特定類型の確認", "specified-category (特定類型) check"],
  ["e-Rad エフォート管理", "e-Rad effort reporting"],
  ["研究インテグリティ", "research integrity"],
  ["輸出令別表第1", "Export Trade Control Order, Appended Table 1"],
  ["警察庁", "National Police Agency"],
  [
    "「北朝鮮IT労働者に関する企業等に対する注意喚起」",
    ", joint advisory to companies on North Korean IT workers",
  ],
  ["警察庁・外務省・財務省・経済産業省", "National Police Agency, MOFA, MOF and METI"],
  [
    "競争的研究費の適正な執行に関する指針",
    "Guidelines on the proper execution of competitive research funds",
  ],
  [
    "科研費は令和7年度公募から研究代表者・研究分担者に必須",
    "required of KAKENHI principal and co-investigators from the FY2025 call",
  ],
  ["研究セキュリティ", "research security"],
  ["年3月26日", "-03-26"],
  ["2024年", "2024"],
  ["改正", " revision"],
  ["内閣府", "Cabinet Office"],
  ["誓約", " pledge"],
  ["外為法", "FEFTA"],
  ["（相手方の確認）", " (checking the counterparty)"],
];

const BY_LENGTH = [...TERMS].sort((a, b) => b[0].length - a[0].length);

/**
 * A citation in the reader's language: as written for Japanese; with the known Japanese document
 * names in English for English. Terms kept on purpose in Japanese (特定類型) stay in parentheses.
 */
export function citation(source: string, lang: "ja" | "en"): string {
  if (lang === "ja") return source;
  let out = source;
  for (const [ja, en] of BY_LENGTH) out = out.split(ja).join(en);
  return out;
}

/** Both languages of a citation, for API responses. */
export function citationLabel(source: string): { ja: string; en: string } {
  return { ja: source, en: citation(source, "en") };
}
