/**
 * The indicator catalogue. Every alert is explained by the indicators that fired, each with a
 * stable id (`I-…`, which the case library links to), a label and explanation in Japanese and
 * English, a weight (its points in the additive risk score) and the insider cases it belongs to.
 *
 * Cases (issue 5): 1 off-hours confidential access + removable media; 2 departing employee
 * exfiltration; 3 recruited employee e-mailing research out; 4 intern/partner out-of-scope access;
 * 5 logons to other users' machines and mailing files home; 6 cloud/leak-site uploads and
 * administrators planting tools.
 */

/** A message in both UI languages. */
export type Bilingual = { ja: string; en: string };

export type IndicatorKind = "behaviour" | "context" | "case";

export type IndicatorDef = {
  id: string;
  kind: IndicatorKind;
  /** Points added to the risk score when the indicator fires (before triage feedback). */
  weight: number;
  cases: readonly number[];
  label: Bilingual;
  explanation: Bilingual;
};

const defs: IndicatorDef[] = [
  {
    id: "I-AFTER-HOURS-LOGON",
    kind: "behaviour",
    weight: 8,
    cases: [1],
    label: { ja: "普段と異なる時間外ログオン", en: "Unusual after-hours logon" },
    explanation: {
      ja: "通常は時間外に作業しない利用者が、業務時間外にログオンしました。",
      en: "A user who does not normally work after hours logged on outside working hours.",
    },
  },
  {
    id: "I-WEEKEND-ACTIVITY",
    kind: "behaviour",
    weight: 4,
    cases: [1],
    label: { ja: "普段と異なる休日の操作", en: "Unusual weekend activity" },
    explanation: {
      ja: "通常は休日に作業しない利用者が、休日に操作しました。",
      en: "A user who does not normally work on weekends was active on a weekend.",
    },
  },
  {
    id: "I-USB-FIRST-USE",
    kind: "behaviour",
    weight: 10,
    cases: [1, 2],
    label: { ja: "リムーバブルメディアの初使用", en: "First use of removable media" },
    explanation: {
      ja: "これまでリムーバブルメディアを使っていなかった利用者が、USB/SD を接続しました。",
      en: "A user with no history of removable media connected a USB/SD device.",
    },
  },
  {
    id: "I-USB-AFTER-HOURS",
    kind: "behaviour",
    weight: 12,
    cases: [1],
    label: { ja: "時間外のリムーバブルメディア接続", en: "Removable media after hours" },
    explanation: {
      ja: "業務時間外に USB/SD を接続しました（普段はしない行動）。",
      en: "A USB/SD device was connected outside working hours (not usual for this user).",
    },
  },
  {
    id: "I-USB-VOLUME",
    kind: "behaviour",
    weight: 12,
    cases: [2],
    label: { ja: "メディアへの大量複製", en: "Unusual volume copied to removable media" },
    explanation: {
      ja: "リムーバブルメディアへのファイル複製が、本人の通常値を大きく上回りました。",
      en: "Files copied to removable media far exceed the user's own normal level.",
    },
  },
  {
    id: "I-USB-CONFIDENTIAL",
    kind: "behaviour",
    weight: 20,
    cases: [1, 2],
    label: { ja: "機密ファイルのメディア持ち出し", en: "Confidential files to removable media" },
    explanation: {
      ja: "機密資産台帳に登録された場所のファイルを、リムーバブルメディアに複製しました。",
      en: "Files from a location in the confidential-asset registry were copied to removable media.",
    },
  },
  {
    id: "I-CONF-AFTER-HOURS",
    kind: "behaviour",
    weight: 12,
    cases: [1],
    label: { ja: "時間外の機密資産アクセス", en: "After-hours access to confidential assets" },
    explanation: {
      ja: "業務時間外に機密サーバー・機密フォルダーへアクセスしました（普段はしない行動）。",
      en: "Confidential servers or folders were accessed outside working hours (not usual for this user).",
    },
  },
  {
    id: "I-OUT-OF-SCOPE",
    kind: "behaviour",
    weight: 12,
    cases: [4],
    label: { ja: "担当外の機密資産アクセス", en: "Out-of-scope confidential access" },
    explanation: {
      ja: "本人のプロジェクトに割り当てられていない機密資産にアクセスしました。",
      en: "A confidential asset not assigned to any of the user's projects was accessed.",
    },
  },
  {
    id: "I-JOB-SEARCH",
    kind: "context",
    weight: 2,
    cases: [2],
    label: { ja: "求人サイトの閲覧", en: "Job-search browsing" },
    explanation: {
      ja: "求人・転職サイトを閲覧しました。単独では問題ではなく、他の兆候と組み合わせて評価します。",
      en: "Job-search sites were visited. Not a concern on its own; weighed together with other signs.",
    },
  },
  {
    id: "I-PRO-NETWORK",
    kind: "context",
    weight: 2,
    cases: [3],
    label: { ja: "ビジネスSNS・リクルーターとの接触", en: "Professional-network or recruiter contact" },
    explanation: {
      ja: "ビジネスSNS（LinkedIn 等）経由のメールのやり取りがありました。単独では問題ではありません。",
      en: "E-mail was exchanged with a professional network (LinkedIn etc.). Not a concern on its own.",
    },
  },
  {
    id: "I-DEPARTING",
    kind: "context",
    weight: 3,
    cases: [2],
    label: { ja: "退職予定者", en: "Departing employee" },
    explanation: {
      ja: "人事情報で退職予定が分かっている利用者です。",
      en: "HR records show the user is leaving.",
    },
  },
  {
    id: "I-POST-DEPARTURE",
    kind: "behaviour",
    weight: 15,
    cases: [2],
    label: { ja: "退職日後の操作", en: "Activity after leaving date" },
    explanation: {
      ja: "人事情報の退職日より後に、この利用者のアカウントで操作がありました。",
      en: "The account was used after the user's leaving date in HR records.",
    },
  },
  {
    id: "I-CLOUD-USE",
    kind: "behaviour",
    weight: 3,
    cases: [6],
    label: { ja: "普段使わないクラウドストレージ", en: "Unusual cloud storage use" },
    explanation: {
      ja: "普段は使わないクラウドストレージのサイトにアクセスしました。",
      en: "A cloud storage site was used by a user who does not normally use one.",
    },
  },
  {
    id: "I-CLOUD-UPLOAD",
    kind: "behaviour",
    weight: 12,
    cases: [2, 6],
    label: { ja: "クラウドへのアップロード", en: "Upload to cloud storage" },
    explanation: {
      ja: "クラウドストレージへファイルをアップロードしました。",
      en: "Files were uploaded to cloud storage.",
    },
  },
  {
    id: "I-LEAK-SITE",
    kind: "behaviour",
    weight: 25,
    cases: [1, 6],
    label: { ja: "リークサイトへのアクセス", en: "Leak-site access" },
    explanation: {
      ja: "内部告発・リークサイト（WikiLeaks 等）にアクセスしました。",
      en: "A leak site (WikiLeaks etc.) was accessed.",
    },
  },
  {
    id: "I-HACK-TOOL",
    kind: "behaviour",
    weight: 15,
    cases: [6],
    label: { ja: "ハッキングツールの入手", en: "Hacking tool download" },
    explanation: {
      ja: "キーロガー等のハッキングツールに関するサイトにアクセスしました。",
      en: "A site for hacking tools such as keyloggers was accessed.",
    },
  },
  {
    id: "I-TOOL-TRANSFER",
    kind: "behaviour",
    weight: 15,
    cases: [6],
    label: { ja: "実行ファイルの持ち込み", en: "Executable carried to another machine" },
    explanation: {
      ja: "リムーバブルメディアから実行ファイルを持ち込んだか、他人の端末に実行ファイルを置きました。",
      en: "An executable came from removable media or was written on another user's machine.",
    },
  },
  {
    id: "I-OTHER-PC-LOGON",
    kind: "behaviour",
    weight: 10,
    cases: [5],
    label: { ja: "他人の端末へのログオン", en: "Logon to another user's PC" },
    explanation: {
      ja: "共用ではない、他の利用者の端末にログオンしました（普段はしない行動）。",
      en: "The user logged on to another user's (non-shared) PC, which they do not usually do.",
    },
  },
  {
    id: "I-SUPERVISOR-PC",
    kind: "behaviour",
    weight: 15,
    cases: [5, 6],
    label: { ja: "上司の端末での操作", en: "Activity on supervisor's PC" },
    explanation: {
      ja: "上司の端末でログオン・メディア接続・ファイル操作をしました。",
      en: "The user logged on, connected media or handled files on their supervisor's PC.",
    },
  },
  {
    id: "I-OTHER-PC-FILES",
    kind: "behaviour",
    weight: 8,
    cases: [5],
    label: { ja: "他人の端末でのファイル操作", en: "File activity on another user's PC" },
    explanation: {
      ja: "他の利用者の端末上でファイルを開く・複製する等の操作をしました。",
      en: "Files were opened or copied on another user's PC.",
    },
  },
  {
    id: "I-OTHER-PC-MAIL-OUT",
    kind: "behaviour",
    weight: 15,
    cases: [5],
    label: { ja: "他人の端末から社外へ送信", en: "Outside e-mail sent from another user's PC" },
    explanation: {
      ja: "他の利用者の端末から、添付付きメールを社外・個人アドレスへ送信しました。",
      en: "An e-mail with attachments went to an outside or personal address from another user's PC.",
    },
  },
  {
    id: "I-EMAIL-EXT-ATTACH",
    kind: "behaviour",
    weight: 6,
    cases: [3],
    label: { ja: "社外への添付送信の急増", en: "Spike in outside attachments" },
    explanation: {
      ja: "社外宛の添付付きメールが、本人の通常値を大きく上回りました。",
      en: "Outside e-mails with attachments far exceed the user's own normal level.",
    },
  },
  {
    id: "I-EMAIL-PERSONAL",
    kind: "behaviour",
    weight: 8,
    cases: [3, 5],
    label: { ja: "個人アドレスへの添付送信", en: "Attachments to personal webmail" },
    explanation: {
      ja: "フリーメール等の個人アドレスへ添付ファイルを送りました（普段はしない行動）。",
      en: "Attachments were sent to a personal webmail address (not usual for this user).",
    },
  },
  {
    id: "I-EMAIL-NEW-RECIPIENT",
    kind: "behaviour",
    weight: 5,
    cases: [3],
    label: { ja: "初めての社外宛先への添付送信", en: "Attachments to a new outside recipient" },
    explanation: {
      ja: "これまでやり取りのない社外アドレスへ添付ファイルを送りました。",
      en: "Attachments were sent to an outside address the user had never corresponded with.",
    },
  },
  {
    id: "I-EMAIL-CONFIDENTIAL",
    kind: "behaviour",
    weight: 20,
    cases: [3],
    label: { ja: "機密ファイルの社外送信", en: "Confidential file e-mailed outside" },
    explanation: {
      ja: "機密資産のファイル（または直近に機密フォルダーから開いたファイル）を、許可されていない社外宛先へ送信しました。",
      en: "A confidential file (or one recently opened from a confidential folder) was sent to an outside address not approved for it.",
    },
  },
  {
    id: "I-MASS-EMAIL",
    kind: "behaviour",
    weight: 6,
    cases: [6],
    label: { ja: "普段と異なる大量宛先メール", en: "Unusual mass e-mail" },
    explanation: {
      ja: "普段はしない、多数の宛先へのメール送信がありました。",
      en: "An e-mail went to many recipients, which the user does not usually do.",
    },
  },
  {
    id: "I-CASE1-OFFHOURS-EXFIL",
    kind: "case",
    weight: 25,
    cases: [1],
    label: { ja: "時間外アクセスとメディア持ち出し", en: "Off-hours access with removable media" },
    explanation: {
      ja: "時間外のログオン・機密アクセスと、リムーバブルメディアの不審な使用が同時期に起きています（事例1）。",
      en: "Off-hours logons or confidential access coincide with suspicious removable media use (case 1).",
    },
  },
  {
    id: "I-CASE2-DEPARTING-EXFIL",
    kind: "case",
    weight: 25,
    cases: [2],
    label: { ja: "退職予定者によるデータ持ち出し", en: "Data taken by a departing employee" },
    explanation: {
      ja: "退職予定または転職活動の兆候がある利用者が、メディア・クラウド・メールでデータを持ち出しています（事例2）。",
      en: "A user who is leaving or job-hunting is moving data to removable media, cloud or outside mail (case 2).",
    },
  },
  {
    id: "I-CASE3-RECRUITED-EMAIL",
    kind: "case",
    weight: 25,
    cases: [3],
    label: { ja: "勧誘後の研究データのメール送信", en: "Research e-mailed out after recruitment contact" },
    explanation: {
      ja: "ビジネスSNS等での接触や新しい社外宛先の後に、機密・添付ファイルを社外・個人宛に送っています（事例3）。",
      en: "After professional-network contact or a new outside correspondent, confidential attachments go to outside or personal addresses (case 3).",
    },
  },
  {
    id: "I-CASE4-SCOPE-CREEP",
    kind: "case",
    weight: 25,
    cases: [4],
    label: { ja: "担当外データへの繰り返しアクセス", en: "Repeated out-of-scope access" },
    explanation: {
      ja: "担当プロジェクト外の機密資産へのアクセスが繰り返されるか、学生・インターン・委託先の立場でアクセスしています（事例4）。",
      en: "Out-of-scope confidential access is repeated, or comes from a student, intern or contractor (case 4).",
    },
  },
  {
    id: "I-CASE5-OTHER-PC-MAIL",
    kind: "case",
    weight: 25,
    cases: [5],
    label: { ja: "他人の端末を使ったデータ送出", en: "Other users' machines used to send data out" },
    explanation: {
      ja: "他人の端末へのログオン・ファイル操作と、社外・個人宛の添付送信が重なっています（事例5）。",
      en: "Logons or file activity on other users' PCs coincide with attachments sent outside (case 5).",
    },
  },
  {
    id: "I-CASE6-LEAK-UPLOAD",
    kind: "case",
    weight: 20,
    cases: [6],
    label: { ja: "クラウド・リークサイトへのデータ送出", en: "Data sent to cloud or leak sites" },
    explanation: {
      ja: "リークサイトへのアクセス、または機密資産を扱った日のクラウドへのアップロードがあります（事例6）。",
      en: "A leak site was used, or files were uploaded to cloud storage on a day confidential assets were handled (case 6).",
    },
  },
  {
    id: "I-CASE6-TOOL-PLANT",
    kind: "case",
    weight: 25,
    cases: [6],
    label: { ja: "他人の端末へのツール設置", en: "Tool planted on a colleague's machine" },
    explanation: {
      ja: "ハッキングツールの入手の後に、他人・上司の端末への実行ファイル持ち込みやログオンがあります（事例6）。",
      en: "A hacking tool was fetched and then an executable was carried to, or a logon made on, another user's or the supervisor's PC (case 6).",
    },
  },
  {
    id: "I-PSYCHOMETRIC",
    kind: "context",
    weight: 3,
    cases: [],
    label: { ja: "心理尺度（既定で無効）", en: "Psychometric factor (off by default)" },
    explanation: {
      ja: "心理尺度データによる小さな加点です。既定では使いません（docs/insider-risk.md を参照）。",
      en: "A small addition from psychometric data. Not used by default (see docs/insider-risk.md).",
    },
  },
];

/** All indicators, in a fixed order (the index is used for compact per-day flags). */
export const INDICATORS: readonly IndicatorDef[] = defs;

/** The indicator definition for an id. */
export const INDICATOR_BY_ID: ReadonlyMap<string, IndicatorDef> = new Map(defs.map((d) => [d.id, d]));

/** The index of an indicator id in {@link INDICATORS}. */
export const INDICATOR_INDEX: ReadonlyMap<string, number> = new Map(defs.map((d, i) => [d.id, i]));

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
