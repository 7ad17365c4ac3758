import {
  describeJudgement,
  type FieldProblem,
  type Judgement,
  normaliseJudgement,
  validateJudgement,
} from "../export-control/item-classification.js";
import { JP_CRITICAL_AREAS, US_CET_AREAS } from "./control-lists.js";

/**
 * 該非判定 of a review: whether the goods or technology fall under a list-control item (1–15), and
 * if not, their 16の項 category — with the exceptions recorded IN ADDITION (公知, 基礎科学, …) and always
 * a rationale. The catch-all outcome of a transaction is not stored here: it depends on the
 * destination, end user and use, and is computed by the licence-requirement engine
 * (src/export-control/licence-engine.ts). Pure validation and wording.
 */

export type Classification = Judgement & {
  rationale: string;
  /** Parameter sheet / maker's 該非判定書 used, if any. */
  reference: string | null;
  /** An older record (exception or catch-all chosen instead of the item) that must be classified again. */
  needsReclassification?: boolean | undefined;
  legacy?: unknown;
};

export type TopicTags = { jp: string[]; us: string[] };

/** Checks a 該非判定 is complete and consistent; every problem names its field in both languages. */
export function validateClassification(c: Partial<Classification>): FieldProblem[] {
  const problems = validateJudgement({ exceptions: [], ...c });
  if (problems.some((p) => p.path === "listStatus")) return problems;
  if (!c.rationale || c.rationale.trim().length < 10)
    problems.push({
      path: "rationale",
      message: {
        ja: "判定の根拠を10文字以上で記入してください",
        en: "Write the rationale (at least 10 characters)",
      },
    });
  return problems;
}

/** Normalises a valid classification: fields that do not belong to the list status are cleared. */
export function normaliseClassification(c: Classification): Classification {
  return {
    ...normaliseJudgement({
      listStatus: c.listStatus,
      regime: c.regime,
      item: c.item,
      subItem: c.subItem,
      provision: c.provision ?? null,
      catchAllCategory: c.catchAllCategory,
      exceptions: c.exceptions ?? [],
    }),
    rationale: c.rationale.trim(),
    reference: c.reference?.trim() || null,
  };
}

/** True when the record counts as a 該非判定 (older records that lost their item do not). */
export function isClassified(c: Classification | null): boolean {
  return c !== null && c.listStatus !== null && !c.needsReclassification;
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
  const d = describeJudgement({ ...c, exceptions: c.exceptions ?? [], provision: c.provision ?? null });
  return c.needsReclassification && c.listStatus !== null
    ? { ja: `${d.ja}（要再判定）`, en: `${d.en} (to be classified again)` }
    : d;
}

/** Empty topic tags. */
export const NO_TAGS: TopicTags = { jp: [], us: [] };
