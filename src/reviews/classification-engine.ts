import {
  CATCH_ALL_BASES,
  type CatchAllBasis,
  CLASSIFICATION_OUTCOMES,
  type ClassificationOutcome,
  CONTROL_ITEMS,
  EXCEPTION_LABELS,
  EXCEPTIONS,
  type ExceptionCode,
  JP_CRITICAL_AREAS,
  LISTED_ITEMS,
  OUTCOME_LABELS,
  REGIMES,
  type Regime,
  US_CET_AREAS,
} from "./control-lists.js";
import type { FieldProblem } from "./questionnaire-engine.js";

/**
 * 該非判定: the record of whether the goods or technology fall under a list-control item, the
 * catch-all, an exception, or none — always with a rationale — and the topic tags the risk
 * assessment uses. Pure validation and wording.
 */

export type Classification = {
  outcome: ClassificationOutcome;
  regime: Regime | null;
  /** "1" … "15", "3-2" for listed; "16" for catch-all; null otherwise. */
  item: string | null;
  /** The sub-item (号・イロハ), e.g. "(1)" or "(7)の二". */
  subItem: string | null;
  exception: ExceptionCode | null;
  catchAllBasis: CatchAllBasis | null;
  rationale: string;
  /** Parameter sheet / maker's 該非判定書 used, if any. */
  reference: string | null;
};

export type TopicTags = { jp: string[]; us: string[] };

/** Checks a 該非判定 is complete and consistent; every problem names its field in both languages. */
export function validateClassification(c: Partial<Classification>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const p = (path: string, ja: string, en: string) => problems.push({ path, message: { ja, en } });
  if (!c.outcome || !(CLASSIFICATION_OUTCOMES as readonly string[]).includes(c.outcome)) {
    p("outcome", "判定結果を選んでください", "Choose the outcome");
    return problems;
  }
  if (!c.rationale || c.rationale.trim().length < 10)
    p(
      "rationale",
      "判定の根拠を10文字以上で記入してください",
      "Write the rationale (at least 10 characters)",
    );
  if (c.outcome === "listed") {
    if (!c.regime || !(REGIMES as readonly string[]).includes(c.regime))
      p("regime", "輸出令・外為令のどちらの項目か選んでください", "Choose the regime (goods or technology)");
    if (!c.item || !LISTED_ITEMS.includes(c.item))
      p("item", "1〜15項（3の2項を含む）から選んでください", "Choose an item from 1 to 15 (incl. 3-2)");
    if (!c.subItem?.trim()) p("subItem", "該当する号（サブ項目）を記入してください", "Enter the sub-item");
  }
  if (c.outcome === "catch_all") {
    if (!c.catchAllBasis || !(CATCH_ALL_BASES as readonly string[]).includes(c.catchAllBasis))
      p(
        "catchAllBasis",
        "キャッチオール規制の要件を選んでください",
        "Choose which catch-all requirement applies",
      );
  }
  if (c.outcome === "exception") {
    if (!c.exception || !(EXCEPTIONS as readonly string[]).includes(c.exception))
      p("exception", "適用する特例を選んでください", "Choose the exception that applies");
  }
  return problems;
}

/** Normalises a valid classification: fields that do not belong to the outcome are cleared. */
export function normaliseClassification(c: Classification): Classification {
  return {
    outcome: c.outcome,
    regime: c.outcome === "listed" || c.outcome === "catch_all" ? (c.regime ?? null) : null,
    item: c.outcome === "listed" ? c.item : c.outcome === "catch_all" ? "16" : null,
    subItem: c.outcome === "listed" ? (c.subItem?.trim() ?? null) : null,
    exception: c.outcome === "exception" ? c.exception : null,
    catchAllBasis: c.outcome === "catch_all" ? c.catchAllBasis : null,
    rationale: c.rationale.trim(),
    reference: c.reference?.trim() || null,
  };
}

/** Checks topic tags are known ids of the two technology-area lists. */
export function validateTopicTags(tags: TopicTags): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const jp = new Set(JP_CRITICAL_AREAS.map((a) => a.id));
  const us = new Set(US_CET_AREAS.map((a) => a.id));
  tags.jp.forEach((t, i) => {
    if (!jp.has(t))
      problems.push({
        path: `topicTags.jp.${i}`,
        message: { ja: "不明な技術領域です", en: "Unknown technology area" },
      });
  });
  tags.us.forEach((t, i) => {
    if (!us.has(t))
      problems.push({
        path: `topicTags.us.${i}`,
        message: { ja: "不明な技術領域です", en: "Unknown technology area" },
      });
  });
  return problems;
}

/** A one-line summary of a classification, for lists, e-mails and the PDF sheets. */
export function describeClassification(c: Classification): { ja: string; en: string } {
  const base = OUTCOME_LABELS[c.outcome];
  if (c.outcome === "listed") {
    const item = CONTROL_ITEMS.find((i) => i.item === c.item)?.label ?? {
      ja: `${c.item}項`,
      en: `Item ${c.item}`,
    };
    const reg =
      c.regime === "fx_order"
        ? { ja: "外為令", en: "FEO" }
        : c.regime === "both"
          ? { ja: "輸出令・外為令", en: "ETCO/FEO" }
          : { ja: "輸出令", en: "ETCO" };
    return {
      ja: `${base.ja}: ${reg.ja} ${item.ja} ${c.subItem ?? ""}`.trim(),
      en: `${base.en}: ${reg.en} ${item.en} ${c.subItem ?? ""}`.trim(),
    };
  }
  if (c.outcome === "exception" && c.exception) {
    return {
      ja: `${base.ja}: ${EXCEPTION_LABELS[c.exception].ja}`,
      en: `${base.en}: ${EXCEPTION_LABELS[c.exception].en}`,
    };
  }
  return base;
}

/** Empty topic tags. */
export const NO_TAGS: TopicTags = { jp: [], us: [] };
