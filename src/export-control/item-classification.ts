import { CATCH_ALL_CATEGORY_LABELS } from "./catch-all-rules.js";
import {
  EXCEPTION_DEFINITIONS,
  EXCEPTION_USE_LABELS,
  type ExceptionRecord,
  validateExceptionRecord,
} from "./exceptions.js";
import type { Label } from "./legal-sources.js";

/**
 * A 該非判定 (classification) of goods or technology, shared by the item master and the reviews: the
 * list status under 輸出令 別表第1 / 外為令 別表 items 1–15, the 貨物等省令 provision, the 16の項
 * category of a non-listed item, and the exceptions recorded IN ADDITION (never instead). Pure.
 */

/** Items (項) of 輸出令 別表第1 and 外為令 別表; 3の2 is written "3-2". 16 is the catch-all. */
export const CONTROL_ITEMS: readonly { item: string; label: Label }[] = [
  { item: "1", label: { ja: "1項 武器", en: "Item 1 Arms" } },
  { item: "2", label: { ja: "2項 原子力", en: "Item 2 Nuclear" } },
  { item: "3", label: { ja: "3項 化学兵器", en: "Item 3 Chemical weapons" } },
  { item: "3-2", label: { ja: "3の2項 生物兵器", en: "Item 3-2 Biological weapons" } },
  { item: "4", label: { ja: "4項 ミサイル", en: "Item 4 Missiles" } },
  { item: "5", label: { ja: "5項 先端材料", en: "Item 5 Advanced materials" } },
  { item: "6", label: { ja: "6項 材料加工", en: "Item 6 Materials processing" } },
  { item: "7", label: { ja: "7項 エレクトロニクス", en: "Item 7 Electronics" } },
  { item: "8", label: { ja: "8項 電子計算機", en: "Item 8 Computers" } },
  { item: "9", label: { ja: "9項 通信", en: "Item 9 Telecommunications and information security" } },
  { item: "10", label: { ja: "10項 センサー・レーザー", en: "Item 10 Sensors and lasers" } },
  { item: "11", label: { ja: "11項 航法装置", en: "Item 11 Navigation and avionics" } },
  { item: "12", label: { ja: "12項 海洋関連", en: "Item 12 Marine" } },
  { item: "13", label: { ja: "13項 推進装置", en: "Item 13 Propulsion" } },
  { item: "14", label: { ja: "14項 その他", en: "Item 14 Other (explosives, etc.)" } },
  { item: "15", label: { ja: "15項 機微品目", en: "Item 15 Sensitive items" } },
  { item: "16", label: { ja: "16項 キャッチオール", en: "Item 16 Catch-all" } },
];

/** The list-control items (1–15 with 3の2). */
export const LISTED_ITEMS: readonly string[] = CONTROL_ITEMS.map((c) => c.item).filter((i) => i !== "16");

export const REGIMES = ["export_order", "fx_order", "both"] as const;
export type Regime = (typeof REGIMES)[number];
export const REGIME_LABELS: Record<Regime, Label> = {
  export_order: {
    ja: "輸出貿易管理令 別表第1（貨物）",
    en: "Export Trade Control Order, Appended Table 1 (goods)",
  },
  fx_order: { ja: "外国為替令 別表（技術）", en: "Foreign Exchange Order, Appended Table (technology)" },
  both: { ja: "貨物・技術の両方", en: "Both goods and technology" },
};

export const LIST_STATUSES = ["listed", "not_listed"] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];
export const LIST_STATUS_LABELS: Record<ListStatus, Label> = {
  listed: { ja: "該当（リスト規制 1〜15項）", en: "Listed (list control, items 1–15)" },
  not_listed: { ja: "非該当", en: "Not listed" },
};

export const CATCH_ALL_CHOICES = ["16-1", "16-2", "outside"] as const;
export type CatchAllChoice = (typeof CATCH_ALL_CHOICES)[number];
export const CATCH_ALL_CHOICE_LABELS: Record<CatchAllChoice, Label> = {
  ...CATCH_ALL_CATEGORY_LABELS,
  outside: {
    ja: "16の項の対象外（食料品・木材等、関税定率法別表の対象類以外）",
    en: "Outside item 16 (food, wood … chapters it does not cover)",
  },
};

/** Where the spec lives: 貨物等省令 (goods and technology specs) or 貿易外省令, 第X条第Y項第Z号 (+ イロハ). */
export type Provision = {
  ordinance: "goods_ordinance" | "trade_ordinance";
  article: number;
  paragraph: number | null;
  item: number | null;
  sub: string | null;
};

export type Judgement = {
  listStatus: ListStatus | null;
  regime: Regime | null;
  /** "1" … "15", "3-2" when listed. */
  item: string | null;
  /** The sub-item of 輸出令/外為令 (号・イロハ), e.g. "(1)" or "(7)の二". */
  subItem: string | null;
  provision: Provision | null;
  /** For a non-listed item: its 16の項 category or "outside". */
  catchAllCategory: CatchAllChoice | null;
  exceptions: ExceptionRecord[];
};

export type FieldProblem = { path: string; message: Label };

/** 「貨物等省令 第9条第1項第2号イ」 */
export function provisionText(p: Provision, lang: "ja" | "en"): string {
  if (lang === "ja")
    return `${p.ordinance === "goods_ordinance" ? "貨物等省令" : "貿易外省令"} 第${p.article}条${p.paragraph ? `第${p.paragraph}項` : ""}${p.item ? `第${p.item}号` : ""}${p.sub ?? ""}`;
  return `${p.ordinance === "goods_ordinance" ? "Goods & Technologies Ordinance" : "Invisible Trade Ordinance"} art. ${p.article}${p.paragraph ? `(${p.paragraph})` : ""}${p.item ? `(${p.item})` : ""}${p.sub ? ` ${p.sub}` : ""}`;
}

const pos = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 999;

/** Checks a judgement is complete and consistent; every problem names its field in both languages. */
export function validateJudgement(j: Partial<Judgement>, prefix = ""): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (f: string) => (prefix ? `${prefix}.${f}` : f);
  const p = (f: string, ja: string, en: string) => problems.push({ path: at(f), message: { ja, en } });
  if (!j.listStatus || !(LIST_STATUSES as readonly string[]).includes(j.listStatus)) {
    p("listStatus", "該当・非該当を選んでください", "Choose listed or not listed");
    return problems;
  }
  if (!j.regime || !(REGIMES as readonly string[]).includes(j.regime))
    p(
      "regime",
      "貨物（輸出令）か技術（外為令）かを選んでください",
      "Choose goods (ETCO) or technology (FEO)",
    );
  if (j.listStatus === "listed") {
    if (!j.item || !LISTED_ITEMS.includes(j.item))
      p("item", "1〜15項（3の2項を含む）から選んでください", "Choose an item from 1 to 15 (incl. 3-2)");
    if (!j.subItem?.trim()) p("subItem", "該当する号（サブ項目）を記入してください", "Enter the sub-item");
  } else if (!j.catchAllCategory || !(CATCH_ALL_CHOICES as readonly string[]).includes(j.catchAllCategory)) {
    p(
      "catchAllCategory",
      "非該当品の16の項の区分（(1)特定品目・(2)その他・対象外）を選んでください",
      "Choose the item-16 category of the non-listed item ((1), (2) or outside)",
    );
  }
  if (j.provision) {
    const v = j.provision;
    if (!["goods_ordinance", "trade_ordinance"].includes(v.ordinance))
      p("provision.ordinance", "省令を選んでください", "Choose the ordinance");
    if (!pos(v.article)) p("provision.article", "条は1以上の整数", "Article: a whole number from 1");
    if (v.paragraph !== null && !pos(v.paragraph))
      p("provision.paragraph", "項は1以上の整数", "Paragraph: a whole number from 1");
    if (v.item !== null && !pos(v.item))
      p("provision.item", "号は1以上の整数", "Item: a whole number from 1");
  }
  (j.exceptions ?? []).forEach((e, i) => {
    problems.push(...validateExceptionRecord(e, at(`exceptions.${i}`)));
  });
  if ((j.exceptions ?? []).length > 0 && j.regime === "export_order")
    p(
      "exceptions",
      "技術提供の特例（公知・基礎科学等）は貨物の輸出には適用されません",
      "Technology exceptions (public domain, basic research …) do not apply to goods",
    );
  return problems;
}

/** Clears what does not belong to the list status and trims text. */
export function normaliseJudgement<T extends Judgement>(j: T): T {
  const listed = j.listStatus === "listed";
  return {
    ...j,
    item: listed ? j.item : null,
    subItem: listed ? (j.subItem?.trim() ?? null) : null,
    catchAllCategory: listed ? null : j.catchAllCategory,
    exceptions: j.exceptions.map((e) => ({ code: e.code, use: e.use ?? null, basis: e.basis.trim() })),
  };
}

/** A one-line summary: 「該当: 外為令 7項 (3) ＋特例: 基礎科学分野の研究活動」. */
export function describeJudgement(j: Judgement): Label {
  const exc = j.exceptions.map((e) => ({
    ja: `${EXCEPTION_DEFINITIONS[e.code].label.ja}${e.use ? `（${EXCEPTION_USE_LABELS[e.use].ja}）` : ""}`,
    en: `${EXCEPTION_DEFINITIONS[e.code].label.en}${e.use ? ` (${EXCEPTION_USE_LABELS[e.use].en})` : ""}`,
  }));
  const tail: Label =
    exc.length > 0
      ? {
          ja: ` ＋特例: ${exc.map((e) => e.ja).join("、")}`,
          en: ` + exception: ${exc.map((e) => e.en).join(", ")}`,
        }
      : { ja: "", en: "" };
  if (j.listStatus === null)
    return {
      ja: `要再判定（旧形式の記録）${tail.ja}`,
      en: `To be classified again (older record)${tail.en}`,
    };
  if (j.listStatus === "listed") {
    const item = CONTROL_ITEMS.find((i) => i.item === j.item)?.label ?? {
      ja: `${j.item}項`,
      en: `Item ${j.item}`,
    };
    const reg =
      j.regime === "fx_order"
        ? { ja: "外為令", en: "FEO" }
        : j.regime === "both"
          ? { ja: "輸出令・外為令", en: "ETCO/FEO" }
          : { ja: "輸出令", en: "ETCO" };
    const prov = j.provision
      ? { ja: `（${provisionText(j.provision, "ja")}）`, en: ` (${provisionText(j.provision, "en")})` }
      : { ja: "", en: "" };
    return {
      ja: `該当: ${reg.ja} ${item.ja} ${j.subItem ?? ""}${prov.ja}${tail.ja}`.replace(/\s+/g, " ").trim(),
      en: `Listed: ${reg.en} ${item.en} ${j.subItem ?? ""}${prov.en}${tail.en}`.replace(/\s+/g, " ").trim(),
    };
  }
  const cat = j.catchAllCategory
    ? {
        ja: `（${j.catchAllCategory === "outside" ? "16の項の対象外" : `${j.catchAllCategory.replace("16-", "16の項(")})`}）`,
        en: ` (${j.catchAllCategory === "outside" ? "outside item 16" : `item ${j.catchAllCategory.replace("-", "(")})`})`,
      }
    : { ja: "", en: "" };
  return { ja: `非該当${cat.ja}${tail.ja}`, en: `Not listed${cat.en}${tail.en}` };
}
