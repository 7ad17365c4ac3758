import type { DestinationGroup } from "./country-groups.js";
import { C, type Citation, cite, type Label } from "./legal-sources.js";

/**
 * The catch-all (補完的輸出規制, 別表第1/外為令別表 16の項) as a decision table per edition of the law:
 * for each concern (大量破壊兵器等 / 通常兵器), destination group and 16の項 category, which
 * requirements apply — 用途要件 (end use), 需要者要件 (end user), インフォーム要件 (inform). Each row
 * carries its citations and whether it has been checked against the primary text. Pure data.
 *
 * Two editions are kept: the rules from the conventional-weapons catch-all's introduction (2008-11-01)
 * and the revision in force since 2025-10-09. The 2025 rows are this project's reading of METI's
 * catch-all page and the 2025 End User List notice; the rows marked verified: false are 要確認.
 */

export type Concern = "wmd" | "conventional";
export type Requirement = "end_use" | "end_user" | "inform";
/** 16の項(1) = goods named by HS code in 貨物等省令 (特定品目); 16の項(2) = the other 16の項 goods. */
export type CatchAllCategory = "16-1" | "16-2";

export const CONCERN_LABELS: Record<Concern, Label> = {
  wmd: { ja: "大量破壊兵器等キャッチオール", en: "WMD catch-all" },
  conventional: { ja: "通常兵器キャッチオール", en: "Conventional-weapons catch-all" },
};

export const REQUIREMENT_LABELS: Record<Requirement, Label> = {
  end_use: { ja: "用途要件", en: "End-use requirement" },
  end_user: { ja: "需要者要件", en: "End-user requirement" },
  inform: { ja: "インフォーム要件", en: "Inform requirement" },
};

export const CATCH_ALL_CATEGORY_LABELS: Record<CatchAllCategory, Label> = {
  "16-1": {
    ja: "16の項(1)（貨物等省令でHSコードにより定める特定品目）",
    en: "Item 16(1) (specified goods listed by HS code in the ordinance)",
  },
  "16-2": {
    ja: "16の項(2)（その他の16の項の貨物・技術）",
    en: "Item 16(2) (other item-16 goods or technology)",
  },
};

export type CatchAllRow = {
  concern: Concern;
  group: DestinationGroup;
  category: CatchAllCategory;
  requirements: Requirement[];
  /** Inform applies to this group only where diversion to a country of concern is feared (グループA since 2025). */
  informOnlyIfDiversion?: boolean;
  citations: Citation[];
  verified: boolean;
  note?: Label;
};

export type CatchAllEdition = {
  id: string;
  title: Label;
  effectiveFrom: string;
  rows: CatchAllRow[];
};

const both: CatchAllCategory[] = ["16-1", "16-2"];

function rows(
  concern: Concern,
  group: DestinationGroup,
  categories: CatchAllCategory[],
  requirements: Requirement[],
  citations: Citation[],
  verified: boolean,
  extra: Partial<CatchAllRow> = {},
): CatchAllRow[] {
  return categories.map((category) => ({
    concern,
    group,
    category,
    requirements,
    citations,
    verified,
    ...extra,
  }));
}

const NOT_GROUP_A_2008: Label = {
  ja: "16の項の地域欄は「全地域（別表第3に掲げる地域を除く）」: グループA向けはキャッチオールの対象外",
  en: "Item 16's region column reads 'all regions except Table 3': Group A destinations are outside the catch-all",
};

/** From 2008-11-01 (conventional-weapons catch-all introduced; WMD catch-all since 2002-04-01). */
const EDITION_2008: CatchAllEdition = {
  id: "catch-all-2008-11-01",
  title: {
    ja: "キャッチオール規制（2008年11月1日〜2025年10月8日）",
    en: "Catch-all controls (1 Nov 2008 – 8 Oct 2025)",
  },
  effectiveFrom: "2008-11-01",
  rows: [
    ...rows("wmd", "group_a", both, [], [C.goodsCatchAllItem, C.groupA], true, { note: NOT_GROUP_A_2008 }),
    ...rows("conventional", "group_a", both, [], [C.goodsCatchAllItem, C.groupA], true, {
      note: NOT_GROUP_A_2008,
    }),
    ...rows(
      "wmd",
      "un_arms_embargo",
      both,
      ["end_use", "end_user", "inform"],
      [C.goodsCatchAllWmd, C.wmdEndUse, C.wmdEndUser, C.inform],
      true,
    ),
    ...rows(
      "wmd",
      "general",
      both,
      ["end_use", "end_user", "inform"],
      [C.goodsCatchAllWmd, C.wmdEndUse, C.wmdEndUser, C.inform],
      true,
    ),
    ...rows(
      "conventional",
      "un_arms_embargo",
      both,
      ["end_use", "inform"],
      [C.goodsCatchAllConventional, C.conventionalEndUse, C.unArmsEmbargo, C.inform],
      true,
    ),
    ...rows("conventional", "general", both, ["inform"], [C.goodsCatchAllConventional, C.inform], true, {
      note: {
        ja: "一般国向けの通常兵器キャッチオールはインフォーム要件のみ",
        en: "To general destinations the conventional catch-all was the inform requirement only",
      },
    }),
  ],
};

const REVISION_2025 = cite(
  "catchAllPage",
  { ja: "2025年10月9日施行のキャッチオール規制の見直し", en: "Catch-all revision in force since 9 Oct 2025" },
  false,
  {
    ja: "改正政令・省令の条項番号と、各行の要件の範囲は一次資料で要確認",
    en: "The amending orders' article numbers and each row's scope are to be verified against the primary texts",
  },
);

/** From 2025-10-09: グループA inform only on diversion; 一般国 conventional end use/user for 16の項(1). */
const EDITION_2025: CatchAllEdition = {
  id: "catch-all-2025-10-09",
  title: {
    ja: "キャッチオール規制（2025年10月9日施行の見直し後）",
    en: "Catch-all controls (revision in force since 9 Oct 2025)",
  },
  effectiveFrom: "2025-10-09",
  rows: [
    ...rows(
      "wmd",
      "group_a",
      both,
      ["inform"],
      [C.groupAInform2025, C.inform, C.revision2025Press, REVISION_2025],
      true,
      {
        informOnlyIfDiversion: true,
      },
    ),
    ...rows(
      "conventional",
      "group_a",
      both,
      ["inform"],
      [C.groupAInform2025, C.inform, C.revision2025Press, REVISION_2025],
      true,
      {
        informOnlyIfDiversion: true,
      },
    ),
    ...rows(
      "wmd",
      "un_arms_embargo",
      both,
      ["end_use", "end_user", "inform"],
      [C.goodsCatchAllWmd, C.wmdEndUse, C.wmdEndUser, C.inform],
      true,
    ),
    ...rows(
      "wmd",
      "general",
      both,
      ["end_use", "end_user", "inform"],
      [C.goodsCatchAllWmd, C.wmdEndUse, C.wmdEndUser, C.inform],
      true,
    ),
    ...rows(
      "conventional",
      "un_arms_embargo",
      both,
      ["end_use", "end_user", "inform"],
      [
        C.goodsCatchAllConventional,
        C.conventionalEndUse,
        C.conventionalEndUser2025,
        C.unArmsEmbargo,
        C.inform,
        REVISION_2025,
      ],
      false,
      {
        note: {
          ja: "2025年改正で国連武器禁輸国向けの通常兵器キャッチオールに需要者要件が加わり、16の項(1)(2)の全品目に及ぶと読んだ（METIの改正説明資料の一次資料での確認は要確認）",
          en: "The 2025 revision added an end-user requirement to the conventional catch-all for UN-embargoed destinations, read as covering all of item 16 ((1) and (2)); to be verified against METI's primary text",
        },
      },
    ),
    ...rows(
      "conventional",
      "general",
      ["16-1"],
      ["end_use", "end_user", "inform"],
      [
        C.goodsCatchAllConventional,
        C.conventionalEndUse,
        C.conventionalEndUser2025,
        C.inform,
        C.revision2025Press,
        REVISION_2025,
      ],
      false,
      {
        note: {
          ja: "2025年改正で一般国向けの16の項(1)（特定品目: 工作機械・集積回路・無人航空機部品等）に用途要件・需要者要件を導入",
          en: "The 2025 revision introduced end-use and end-user requirements for item 16(1) (machine tools, ICs, UAV parts …) to general destinations",
        },
      },
    ),
    ...rows("conventional", "general", ["16-2"], ["inform"], [C.goodsCatchAllConventional, C.inform], true),
  ],
};

/** The catch-all editions, oldest first. */
export const CATCH_ALL_EDITIONS: readonly CatchAllEdition[] = [EDITION_2008, EDITION_2025];

/** The catch-all edition in force on a date (dates before 2008-11-01 use the 2008 rows, with a caution). */
export function catchAllEditionOn(date: string): CatchAllEdition {
  const inForce = CATCH_ALL_EDITIONS.filter((e) => e.effectiveFrom <= date);
  return inForce.at(-1) ?? CATCH_ALL_EDITIONS[0]!;
}

/** The row for one concern × destination group × category. */
export function catchAllRow(
  edition: CatchAllEdition,
  concern: Concern,
  group: DestinationGroup,
  category: CatchAllCategory,
): CatchAllRow {
  const row = edition.rows.find((r) => r.concern === concern && r.group === group && r.category === category);
  if (!row) throw new Error(`catch-all table ${edition.id} has no row for ${concern}/${group}/${category}`);
  return row;
}
