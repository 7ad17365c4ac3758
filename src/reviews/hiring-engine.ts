import { redFlag } from "../shared/red-flags.js";

/**
 * Hiring and contracting (採用・業務委託): the identity checklist an office works through before a
 * remote engineer or contractor starts, and the risk rules over it. Built on the signs of Japan's
 * joint advisory on North Korean IT workers (NPA, MOFA, MOF, METI; March 2024) and the FBI's public
 * service announcement of July 2025. Pure: no IO. Only what was checked and what the person will
 * reach count — the country of residence is recorded for the file but no rule reads it, and a
 * person's nationality is never an input (a table test changes the residence and checks the outcome
 * stays the same).
 */

type Label = { ja: string; en: string };
export type HiringLevel = "low" | "medium" | "high";
const RANK: Record<HiringLevel, number> = { low: 0, medium: 1, high: 2 };
const maxLevel = (a: HiringLevel, b: HiringLevel): HiringLevel => (RANK[a] >= RANK[b] ? a : b);

/** How a check came out: the sign was not found, or it was (the red flag fires). */
export const CHECK_OUTCOMES = ["clear", "sign"] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

export type IdentityCheckDefinition = {
  id: string;
  /** The red flag raised when the sign is found. */
  flag: string;
  /** What the checker does (the flag's question says what counts as the sign). */
  task: Label;
  severity: "medium" | "high";
  /** Raises the whole review to high on its own (the advisory's key signs). */
  decisive: boolean;
};

/** The checklist, in the order an office works through it. */
export const IDENTITY_CHECKS: readonly IdentityCheckDefinition[] = [
  {
    id: "live_video_id",
    flag: "H-NO-LIVE-VIDEO",
    task: {
      ja: "カメラを有効にしたライブのビデオ面接を行い、本人の顔と本人確認書類を照合する",
      en: "Hold a live video interview with the camera on and match the face to an identity document",
    },
    severity: "medium",
    decisive: false,
  },
  {
    id: "payee_name",
    flag: "H-PAYEE-MISMATCH",
    task: {
      ja: "支払先口座の名義が契約者（または契約企業）の名義と一致するか確認する",
      en: "Check that the payee account is in the contractor's (or contracting company's) name",
    },
    severity: "high",
    decisive: true,
  },
  {
    id: "laptop_address",
    flag: "H-LAPTOP-ADDRESS",
    task: {
      ja: "業務用PCの送付先が本人の住所であることを確認する",
      en: "Check that the work laptop goes to the person's own address",
    },
    severity: "high",
    decisive: false,
  },
  {
    id: "identity_consistency",
    flag: "H-IDENTITY-INCONSISTENT",
    task: {
      ja: "履歴書・プラットフォームのプロフィール・本人確認書類・コードリポジトリの一貫性を確認する",
      en: "Compare the CV, platform profile, documents and code repositories for consistency",
    },
    severity: "medium",
    decisive: false,
  },
  {
    id: "language_consistency",
    flag: "H-UNNATURAL-JAPANESE",
    task: {
      ja: "メッセージの日本語が、本人の名乗る経歴と矛盾しないか確認する",
      en: "Check that the Japanese in messages fits the background the person claims",
    },
    severity: "medium",
    decisive: false,
  },
  {
    id: "payment_method",
    flag: "H-CRYPTO-PAYMENT",
    task: {
      ja: "報酬の支払方法（暗号資産での支払を求めていないか）を確認する",
      en: "Check how the person asks to be paid (no request for crypto-assets)",
    },
    severity: "high",
    decisive: false,
  },
  {
    id: "meeting_willingness",
    flag: "H-AVOIDS-MEETING",
    task: {
      ja: "対面やカメラ有効での面談に応じるか確認する",
      en: "Check that the person agrees to meet in person or on camera",
    },
    severity: "high",
    decisive: false,
  },
];

/** Looks a check up by id. */
export function identityCheck(id: string): IdentityCheckDefinition | undefined {
  return IDENTITY_CHECKS.find((c) => c.id === id);
}

/** One recorded check: the outcome, the evidence, who checked and when. */
export type IdentityCheckRecord = {
  checkId: string;
  outcome: CheckOutcome;
  evidence: string;
  checkedBy: string;
  checkedAt: string;
};

export type HiringFacts = {
  /** remote / onsite / hybrid (the 事前確認 answer). */
  workMode: string | null;
  /** Access to source code, production systems, personal data or controlled technology. */
  sensitiveAccess: boolean | null;
  /** Recorded for the file; never read by the rules. */
  countryOfResidence?: string | null;
  checks: readonly IdentityCheckRecord[];
};

export type HiringFlag = {
  id: string;
  severity: "medium" | "high";
  decisive: boolean;
  evidence: Label;
};

export type HiringAssessment = {
  level: HiringLevel;
  reasons: Label[];
  flags: HiringFlag[];
  /** Checks not yet recorded (ids), in checklist order. */
  missing: string[];
};

/**
 * Rates a hire or contract from its identity checks and its exposure. Each sign found is a red flag
 * with the checker's evidence; a payee in another name is decisive (the advisory's key sign), two or
 * more medium signs together make high, and remote work with sensitive access is at least medium.
 * Checks not yet done are reported as missing, not guessed.
 */
export function assessHiring(facts: HiringFacts): HiringAssessment {
  const reasons: Label[] = [];
  const flags: HiringFlag[] = [];
  let level: HiringLevel = "low";
  const recorded = new Map(facts.checks.map((c) => [c.checkId, c]));
  for (const def of IDENTITY_CHECKS) {
    const rec = recorded.get(def.id);
    if (rec?.outcome !== "sign") continue;
    const title = redFlag(def.flag)?.title ?? { ja: def.flag, en: def.flag };
    const evidence: Label = {
      ja: `本人確認: ${title.ja} — ${rec.evidence}（確認者 ${rec.checkedBy}、${rec.checkedAt.slice(0, 10)}）`,
      en: `Identity check: ${title.en} — ${rec.evidence} (checked by ${rec.checkedBy}, ${rec.checkedAt.slice(0, 10)})`,
    };
    flags.push({ id: def.flag, severity: def.severity, decisive: def.decisive, evidence });
    level = maxLevel(level, def.severity);
    reasons.push(evidence);
  }
  const mediumSigns = flags.filter((f) => f.severity === "medium").length;
  if (mediumSigns >= 2 && level !== "high") {
    level = "high";
    reasons.push({
      ja: `本人確認で中程度の兆候が ${mediumSigns} 件重なっているため「高」`,
      en: `High because ${mediumSigns} medium signs were found together`,
    });
  }
  if (flags.some((f) => f.decisive) && level !== "high") level = "high";
  const remote = facts.workMode === "remote" || facts.workMode === "hybrid";
  if (remote && facts.sensitiveAccess === true) {
    reasons.push({
      ja: "リモートで機微なシステム・データにアクセスする業務のため、少なくとも「中」",
      en: "At least medium: remote work with access to sensitive systems or data",
    });
    level = maxLevel(level, "medium");
  }
  const missing = IDENTITY_CHECKS.filter((d) => !recorded.has(d.id)).map((d) => d.id);
  if (missing.length > 0)
    reasons.push({
      ja: `本人確認の未実施項目: ${missing.length} 件`,
      en: `Identity checks not yet recorded: ${missing.length}`,
    });
  if (reasons.length === 0)
    reasons.push({ ja: "本人確認で兆候は見つかりませんでした", en: "No signs found in the identity checks" });
  return { level, reasons, flags, missing };
}

/** Splits an approver's conditions into one task per line (blank lines and bullets dropped). */
export function conditionItems(conditions: string | null): string[] {
  return (conditions ?? "")
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-・*•]|\d+[.)）])\s*/, "").trim())
    .filter((l) => l !== "");
}

/** The date a contractor's yearly re-check falls due: one year after the decision. */
export function yearlyRecheckDue(decidedAt: Date): Date {
  const d = new Date(decidedAt);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d;
}
