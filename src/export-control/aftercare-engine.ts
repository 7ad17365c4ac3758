import type { Label } from "./legal-sources.js";

/**
 * What happens after approval, as pure rules: how approval conditions become tracked items (each
 * with an owner and a due date), the technology-provision log's methods, hand-carried items and
 * their post-trip return check, and when a long-term guest is re-screened (at least yearly).
 */

export const PROVISION_METHODS = [
  "in_person",
  "document",
  "email",
  "cloud_share",
  "video_call",
  "hand_carry",
  "other",
] as const;
export type ProvisionMethod = (typeof PROVISION_METHODS)[number];
export const PROVISION_METHOD_LABELS: Record<ProvisionMethod, Label> = {
  in_person: { ja: "対面（口頭・実技指導）", en: "In person (oral, hands-on)" },
  document: { ja: "文書・図面の交付", en: "Documents or drawings handed over" },
  email: { ja: "電子メール", en: "E-mail" },
  cloud_share: { ja: "クラウド共有（ストレージ・リポジトリ）", en: "Cloud sharing (storage, repository)" },
  video_call: { ja: "ビデオ会議・画面共有", en: "Video call or screen sharing" },
  hand_carry: { ja: "媒体・PCの携行", en: "Carried on a medium or laptop" },
  other: { ja: "その他", en: "Other" },
};

export const HAND_CARRY_KINDS = ["laptop", "sample", "equipment", "data_medium", "other"] as const;
export type HandCarryKind = (typeof HAND_CARRY_KINDS)[number];
export const HAND_CARRY_KIND_LABELS: Record<HandCarryKind, Label> = {
  laptop: { ja: "ノートPC・タブレット", en: "Laptop or tablet" },
  sample: { ja: "試料・サンプル", en: "Sample" },
  equipment: { ja: "機器・部品", en: "Equipment or parts" },
  data_medium: { ja: "記録媒体（USB等）", en: "Data medium (USB …)" },
  other: { ja: "その他", en: "Other" },
};

export const RETURN_STATUSES = ["returned", "consumed", "left_abroad", "lost"] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];
export const RETURN_STATUS_LABELS: Record<ReturnStatus | "pending", Label> = {
  pending: { ja: "持ち帰り未確認", en: "Return not yet checked" },
  returned: { ja: "持ち帰り確認済み", en: "Brought back" },
  consumed: { ja: "現地で消費（試料等）", en: "Used up abroad (samples)" },
  left_abroad: { ja: "現地に残置", en: "Left abroad" },
  lost: { ja: "紛失", en: "Lost" },
};

export type ConditionInput = { text: string; ownerUserId: string | null; dueOn: string | null };

export type Problem = { path: string; message: Label };

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Turns the approver's conditions into tracked items. A structured list is used as given (each needs
 * text, an owner and a due date on or after the decision); plain text (older clients) becomes one
 * item owned by the applicant, due 30 days after the decision.
 */
export function conditionItems(
  structured: ConditionInput[] | undefined,
  plain: string | null,
  ctx: { applicantUserId: string; decidedOn: string; knownUserIds: ReadonlySet<string> },
): { items: { text: string; ownerUserId: string; dueOn: string }[]; problems: Problem[] } {
  const problems: Problem[] = [];
  if (structured && structured.length > 0) {
    const items = structured.map((c, i) => {
      if (!c.text.trim())
        problems.push({
          path: `conditionItems.${i}.text`,
          message: { ja: "条件を入力してください", en: "Enter the condition" },
        });
      if (!c.ownerUserId || !ctx.knownUserIds.has(c.ownerUserId))
        problems.push({
          path: `conditionItems.${i}.ownerUserId`,
          message: { ja: "担当者を選んでください", en: "Choose who is responsible" },
        });
      if (!c.dueOn || !ISO.test(c.dueOn) || c.dueOn < ctx.decidedOn)
        problems.push({
          path: `conditionItems.${i}.dueOn`,
          message: {
            ja: "期限は承認日以降の日付にしてください",
            en: "The due date must be on or after the decision",
          },
        });
      return { text: c.text.trim(), ownerUserId: c.ownerUserId ?? "", dueOn: c.dueOn ?? "" };
    });
    return { items, problems };
  }
  const text = plain?.trim();
  if (!text) return { items: [], problems };
  const due = new Date(`${ctx.decidedOn}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + 30);
  return {
    items: [{ text, ownerUserId: ctx.applicantUserId, dueOn: due.toISOString().slice(0, 10) }],
    problems,
  };
}

/** The date one year after a day (29 Feb → 28 Feb). */
export function oneYearAfter(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  return `${y + 1}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/**
 * When a long-term guest is screened again: a year after the last screening, unless the stay has
 * ended before that (then never). Visitors for a day are not re-screened.
 */
export function nextRescreen(lastOn: string, stayEndsOn: string | null): string | null {
  const next = oneYearAfter(lastOn);
  if (stayEndsOn && stayEndsOn < next) return null;
  return next;
}

/** Checks a return record: "left abroad" and "lost" must say why (they may be exports of their own). */
export function validateReturn(r: {
  status: string;
  returnedOn: string | null;
  note: string | null;
}): Problem[] {
  const out: Problem[] = [];
  if (!(RETURN_STATUSES as readonly string[]).includes(r.status))
    out.push({ path: "status", message: { ja: "結果を選んでください", en: "Choose the result" } });
  if (r.status === "returned" && (!r.returnedOn || !ISO.test(r.returnedOn)))
    out.push({
      path: "returnedOn",
      message: { ja: "持ち帰った日を入力してください", en: "Enter the day it came back" },
    });
  if ((r.status === "left_abroad" || r.status === "lost" || r.status === "consumed") && !r.note?.trim())
    out.push({
      path: "note",
      message: {
        ja: "残置・紛失・消費の経緯を記入してください（残置は輸出に当たることがあります）",
        en: "Explain what happened (leaving an item abroad can be an export of its own)",
      },
    });
  return out;
}
