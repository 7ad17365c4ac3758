/**
 * The indicator catalogue, assembled from the detectors (detectors/index.ts: each detector file
 * declares its own indicators). Every alert is explained by the indicators that fired, each with a
 * stable id (`I-…`, which the case library links to), a label and explanation in Japanese and
 * English, a weight (its points in the additive risk score) and the insider cases it belongs to.
 *
 * Cases (issue 5): 1 off-hours confidential access + removable media; 2 departing employee
 * exfiltration; 3 recruited employee e-mailing research out; 4 intern/partner out-of-scope access;
 * 5 logons to other users' machines and mailing files home; 6 cloud/leak-site uploads and
 * administrators planting tools; 7 (issue 12) remote-identity anomalies of false-identity IT workers.
 */

import { DETECTORS } from "./detectors/index.js";
import type { Bilingual, IndicatorDef } from "./detectors/types.js";

export type { Bilingual, IndicatorDef, IndicatorKind } from "./detectors/types.js";

/**
 * All indicators, in registry order (each detector's indicators together); the index is used for
 * compact per-day flags and is not stored (snapshots and the database keep ids).
 */
export const INDICATORS: readonly IndicatorDef[] = DETECTORS.flatMap((d) => d.indicators);

/** The indicator definition for an id. */
export const INDICATOR_BY_ID: ReadonlyMap<string, IndicatorDef> = new Map(INDICATORS.map((d) => [d.id, d]));

/** The index of an indicator id in {@link INDICATORS}. */
export const INDICATOR_INDEX: ReadonlyMap<string, number> = new Map(INDICATORS.map((d, i) => [d.id, i]));

/** The insider cases of issue 5, for labels on alerts and the case library. */
export const CASES: Readonly<Record<number, Bilingual>> = {
  1: {
    ja: "時間外の機密アクセスとメディア持ち出し（外国の協力者へ）",
    en: "Off-hours confidential access and removable media (for a foreign handler)",
  },
  2: { ja: "退職予定者による製品データの持ち出し", en: "Departing employee taking product data" },
  3: {
    ja: "ビジネスSNSで勧誘された研究者による研究データのメール送信",
    en: "Employee recruited over a professional network e-mailing research out",
  },
  4: {
    ja: "出向・派遣先の学生・インターンによる担当外データへのアクセス",
    en: "Student or intern at a partner accessing data outside their project",
  },
  5: {
    ja: "他人の端末へのログオン・ファイル探索と自宅宛メール",
    en: "Logons to other users' machines, searching files and mailing them home",
  },
  6: {
    ja: "クラウド・リークサイトへのアップロード、管理者による同僚端末へのツール設置",
    en: "Uploads to cloud or leak sites; an administrator planting tools on a colleague's machine",
  },
  7: {
    ja: "なりすまし IT 労働者による遠隔からのアカウント利用（複数国・VPS・遠隔操作ツール・共有端末）",
    en: "Account used remotely under a false identity (several countries, VPS, remote-control tools, shared devices)",
  },
};

export type Severity = "low" | "medium" | "high" | "critical";
export const SEVERITIES: readonly Severity[] = ["low", "medium", "high", "critical"];

/** Severity of an alert from its risk score. */
export function severityOf(score: number): Severity {
  if (score >= 90) return "critical";
  if (score >= 60) return "high";
  if (score >= 40) return "medium";
  return "low";
}
