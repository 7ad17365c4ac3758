import { type Citation, cite, type Label } from "./legal-sources.js";

/**
 * The yearly self-inspection (自己管理チェック): a checklist that follows the structure of the
 * exporter compliance standards (輸出者等遵守基準を定める省令 第1条) on which METI's 自己管理チェックリスト
 * is built, plus the points METI's university guidance stresses; and the statistics of the year's
 * reviews (counts by activity, licence determination, outcome; turnaround; licences used) as CSV.
 *
 * The questions are this product's wording of each requirement, NOT the official form's text: when
 * submitting the CL to METI, use the current official form (要確認). Pure: no IO, no clock.
 */

export type InspectionQuestion = { id: string; section: Label; text: Label; citations: Citation[] };

const STD = (provision: string, en: string, verified = false): Citation =>
  cite("complianceStandards", { ja: provision, en }, verified, {
    ja: "号・イロハの割り振りは要確認",
    en: "Numbering to verify",
  });
const GUIDE = cite(
  "universityGuidance",
  { ja: "大学・研究機関における管理体制", en: "control in universities" },
  false,
);

const S1: Label = {
  ja: "1. すべての輸出者等（遵守基準 第1条第1号）",
  en: "1. All exporters (standards art. 1(i))",
};
const S2: Label = {
  ja: "2. リスト規制品を扱う輸出者等（遵守基準 第1条第2号）",
  en: "2. Exporters of listed items (standards art. 1(ii))",
};
const S3: Label = {
  ja: "3. 大学・研究機関の技術管理（機微技術管理ガイダンス）",
  en: "3. Universities and research institutions (METI guidance)",
};

export const SELF_INSPECTION_QUESTIONS: readonly InspectionQuestion[] = [
  {
    id: "s1-classification-officer",
    section: S1,
    text: {
      ja: "貨物・技術が規制対象に該当するか確認する責任者（該非確認責任者）を選任していますか",
      en: "Is someone responsible for checking whether goods and technology are controlled (classification officer)?",
    },
    citations: [STD("第1条第1号イ", "art. 1(i)(a)")],
  },
  {
    id: "s1-guidance",
    section: S1,
    text: {
      ja: "輸出・技術提供の業務に従事する者に、法令を守るための必要な指導を行っていますか",
      en: "Are people who export or provide technology given the guidance they need to comply?",
    },
    citations: [STD("第1条第1号ロ", "art. 1(i)(b)")],
  },
  {
    id: "s2-responsible-head",
    section: S2,
    text: {
      ja: "組織の代表者を輸出管理の最高責任者としていますか",
      en: "Is the head of the organisation the officer ultimately responsible for export control?",
    },
    citations: [STD("第1条第2号イ", "art. 1(ii)(a)")],
  },
  {
    id: "s2-organisation",
    section: S2,
    text: {
      ja: "輸出管理の体制（部門・担当・責任関係）を定め、文書にしていますか",
      en: "Is the export-control organisation (units, staff, responsibilities) set down in writing?",
    },
    citations: [STD("第1条第2号ロ", "art. 1(ii)(b)")],
  },
  {
    id: "s2-classification-procedure",
    section: S2,
    text: {
      ja: "該非確認の手続を定め、その手続どおりに該非判定を行い記録していますか",
      en: "Is there a classification procedure, and are classifications made and recorded by it?",
    },
    citations: [STD("第1条第2号ハ", "art. 1(ii)(c)")],
  },
  {
    id: "s2-transaction-review",
    section: S2,
    text: {
      ja: "用途・需要者の確認（取引審査）の手続を定め、キャッチオール規制を含めて確認していますか",
      en: "Is there an end-use and end-user review procedure, covering the catch-all, and is it followed?",
    },
    citations: [STD("第1条第2号ニ", "art. 1(ii)(d)")],
  },
  {
    id: "s2-shipment-check",
    section: S2,
    text: {
      ja: "出荷・提供の際に、該非判定・許可の内容と実際の貨物・技術が一致することを確認していますか",
      en: "At shipment or provision, is what leaves checked against the classification and the licence?",
    },
    citations: [STD("第1条第2号ホ", "art. 1(ii)(e)")],
  },
  {
    id: "s2-audit",
    section: S2,
    text: {
      ja: "輸出管理の監査を定期的に実施していますか",
      en: "Is export control audited regularly?",
    },
    citations: [STD("第1条第2号ヘ", "art. 1(ii)(f)")],
  },
  {
    id: "s2-training",
    section: S2,
    text: {
      ja: "輸出管理の研修を定期的に実施していますか",
      en: "Is export-control training given regularly?",
    },
    citations: [STD("第1条第2号ト", "art. 1(ii)(g)")],
  },
  {
    id: "s2-records",
    section: S2,
    text: {
      ja: "該非判定・取引審査・許可等の文書を適切な期間保存していますか",
      en: "Are classification, review and licence records kept for the required time?",
    },
    citations: [STD("第1条第2号チ", "art. 1(ii)(h)")],
  },
  {
    id: "s2-violation-report",
    section: S2,
    text: {
      ja: "法令違反（またはそのおそれ）を知ったとき、速やかに経済産業大臣に報告し、再発防止策を講じる手順がありますか",
      en: "Is there a procedure to report a (possible) violation promptly to METI and prevent recurrence?",
    },
    citations: [STD("第1条第2号リ", "art. 1(ii)(i)")],
  },
  {
    id: "s3-deemed-export",
    section: S3,
    text: {
      ja: "留学生・外国人研究者等の受入れ時に、居住性と特定類型の該当性を確認し、みなし輸出を管理していますか",
      en: "When accepting students and researchers, are residency and 特定類型 checked and deemed exports controlled?",
    },
    citations: [GUIDE, cite("ekimuTsutatsu", { ja: "特定類型", en: "特定類型" }, false)],
  },
  {
    id: "s3-trips",
    section: S3,
    text: {
      ja: "海外出張での技術提供と携行品（PC・試料）を事前に確認し、帰国後に持ち帰りを確認していますか",
      en: "Are technology shared and items carried on trips (laptops, samples) checked before, and their return after?",
    },
    citations: [GUIDE],
  },
  {
    id: "s3-bulk-licence",
    section: S3,
    text: {
      ja: "包括許可の条件（報告・管理体制）を守り、許可の有効期限と使用実績を管理していますか",
      en: "Are bulk-licence conditions (reports, controls) met, and licence expiry and use tracked?",
    },
    citations: [GUIDE],
  },
  {
    id: "s3-rescreening",
    section: S3,
    text: {
      ja: "長期の受入者・共同研究の相手方を少なくとも年1回再スクリーニングしていますか",
      en: "Are long-term guests and research partners re-screened at least yearly?",
    },
    citations: [GUIDE],
  },
];

export const ANSWERS = ["yes", "no", "na"] as const;
export type InspectionAnswer = { answer: (typeof ANSWERS)[number]; note: string; evidence: string };

/** Which questions still lack an answer, or a "no" without the corrective action noted. */
export function missingAnswers(answers: Record<string, InspectionAnswer | undefined>): string[] {
  const out: string[] = [];
  for (const q of SELF_INSPECTION_QUESTIONS) {
    const a = answers[q.id];
    if (!a || !(ANSWERS as readonly string[]).includes(a.answer)) out.push(q.id);
    else if (a.answer === "no" && !a.note.trim()) out.push(`${q.id}.note`);
    else if (a.answer === "yes" && !a.evidence.trim()) out.push(`${q.id}.evidence`);
  }
  return out;
}

/** 年度 (April–March): 2025 covers 2025-04-01 … 2026-03-31. */
export function fiscalYearOf(date: string): number {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
}

export function fiscalYearRange(fy: number): { from: string; to: string } {
  return { from: `${fy}-04-01`, to: `${fy + 1}-03-31` };
}

export type ReviewStatRow = {
  activityType: string;
  status: string;
  determination: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
};

export type UsageStatRow = {
  licenceRef: string;
  licenceKind: string;
  quantity: number | null;
  valueJpy: number | null;
};

export type YearStatistics = {
  fiscalYear: number;
  byActivity: Record<string, number>;
  byDetermination: Record<string, number>;
  byOutcome: Record<string, number>;
  turnaround: { decided: number; meanDays: number | null; medianDays: number | null; p90Days: number | null };
  licences: { ref: string; kind: string; uses: number; quantity: number; valueJpy: number }[];
};

const inc = (m: Record<string, number>, k: string) => {
  m[k] = (m[k] ?? 0) + 1;
};

/** The year's review statistics; rows are the reviews submitted in the fiscal year. */
export function yearStatistics(fy: number, reviews: ReviewStatRow[], usages: UsageStatRow[]): YearStatistics {
  const byActivity: Record<string, number> = {};
  const byDetermination: Record<string, number> = {};
  const byOutcome: Record<string, number> = {};
  const days: number[] = [];
  for (const r of reviews) {
    inc(byActivity, r.activityType);
    inc(byDetermination, r.determination ?? "none");
    inc(byOutcome, r.status);
    if (r.submittedAt && r.decidedAt)
      days.push((Date.parse(r.decidedAt) - Date.parse(r.submittedAt)) / 86_400_000);
  }
  days.sort((a, b) => a - b);
  const pick = (q: number) =>
    days.length
      ? Math.round(days[Math.min(days.length - 1, Math.ceil(q * days.length) - 1)]! * 10) / 10
      : null;
  const licences = new Map<string, YearStatistics["licences"][number]>();
  for (const u of usages) {
    const l = licences.get(u.licenceRef) ?? {
      ref: u.licenceRef,
      kind: u.licenceKind,
      uses: 0,
      quantity: 0,
      valueJpy: 0,
    };
    l.uses += 1;
    l.quantity += u.quantity ?? 0;
    l.valueJpy += u.valueJpy ?? 0;
    licences.set(u.licenceRef, l);
  }
  return {
    fiscalYear: fy,
    byActivity,
    byDetermination,
    byOutcome,
    turnaround: {
      decided: days.length,
      meanDays: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
      medianDays: pick(0.5),
      p90Days: pick(0.9),
    },
    licences: [...licences.values()].sort((a, b) => a.ref.localeCompare(b.ref)),
  };
}

function cell(v: string | number | null): string {
  const t = v === null ? "" : String(v);
  const safe = /^[=+\-@\t\r]/.test(t) ? `'${t}` : t;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The statistics as CSV (BOM, CRLF) in one language: section, key, label, value. Labels come from
 * the callers' label maps so the CSV reads like the screen.
 */
export function statisticsCsv(
  s: YearStatistics,
  lang: "ja" | "en",
  labels: {
    activity: (k: string) => string;
    determination: (k: string) => string;
    outcome: (k: string) => string;
  },
): string {
  const head = lang === "ja" ? ["区分", "キー", "名称", "値"] : ["section", "key", "label", "value"];
  const rows: (string | number | null)[][] = [head];
  const sec = (ja: string, en: string) => (lang === "ja" ? ja : en);
  rows.push([
    sec("年度", "fiscal year"),
    "fiscal_year",
    sec(`${s.fiscalYear}年度`, `FY${s.fiscalYear}`),
    s.fiscalYear,
  ]);
  for (const [k, v] of Object.entries(s.byActivity))
    rows.push([sec("活動の種類", "activity"), k, labels.activity(k), v]);
  for (const [k, v] of Object.entries(s.byDetermination))
    rows.push([sec("輸出許可の判定", "licence determination"), k, labels.determination(k), v]);
  for (const [k, v] of Object.entries(s.byOutcome))
    rows.push([sec("結果", "outcome"), k, labels.outcome(k), v]);
  const t = s.turnaround;
  rows.push([sec("所要日数", "turnaround"), "decided", sec("決定件数", "decided"), t.decided]);
  rows.push([sec("所要日数", "turnaround"), "mean_days", sec("平均（日）", "mean (days)"), t.meanDays]);
  rows.push([
    sec("所要日数", "turnaround"),
    "median_days",
    sec("中央値（日）", "median (days)"),
    t.medianDays,
  ]);
  rows.push([
    sec("所要日数", "turnaround"),
    "p90_days",
    sec("90パーセンタイル（日）", "90th percentile (days)"),
    t.p90Days,
  ]);
  for (const l of s.licences) {
    rows.push([
      sec("許可の使用", "licence use"),
      `${l.ref}.uses`,
      `${l.ref} ${sec("使用回数", "uses")}`,
      l.uses,
    ]);
    rows.push([
      sec("許可の使用", "licence use"),
      `${l.ref}.quantity`,
      `${l.ref} ${sec("数量", "quantity")}`,
      l.quantity,
    ]);
    rows.push([
      sec("許可の使用", "licence use"),
      `${l.ref}.value_jpy`,
      `${l.ref} ${sec("金額（円）", "value (JPY)")}`,
      l.valueJpy,
    ]);
  }
  return `\uFEFF${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}
