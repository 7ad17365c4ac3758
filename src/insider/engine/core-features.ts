/**
 * The core of the per user-day feature vector: activity counts by context (own / shared / other
 * user's / supervisor's machine; work hours / after hours / weekend; removable media; file types;
 * external recipients and attachments; cloud, leak-site and job-search domains; confidential and
 * out-of-scope access). Indices are stable: stored vectors in the database use them. Detectors
 * compute these (each lists the ones it computes) and may append their own features after them
 * (features.ts assembles the whole layout). No imports of the registry here, so detectors can
 * import this file without a cycle.
 */
import type { Bilingual } from "./detectors/types.js";

export const F = {
  EVENTS: 0,
  LOGONS: 1,
  AFTER_HOURS: 2,
  AFTER_HOURS_LOGONS: 3,
  WEEKEND: 4,
  OTHER_PC_LOGONS: 5,
  SHARED_PC_LOGONS: 6,
  SUPERVISOR_PC: 7,
  DEVICE: 8,
  DEVICE_AFTER_HOURS: 9,
  REMOVABLE_COPIES: 10,
  FILE_OPS: 11,
  DOCUMENTS: 12,
  ARCHIVES: 13,
  EXECUTABLES: 14,
  OTHER_PC_FILES: 15,
  EMAIL_SENT: 16,
  EMAIL_EXTERNAL: 17,
  EMAIL_EXT_ATTACH: 18,
  EMAIL_PERSONAL: 19,
  EMAIL_EXT_KB: 20,
  EMAIL_NEW_RECIPIENT: 21,
  EMAIL_MASS: 22,
  HTTP: 23,
  JOB_SEARCH: 24,
  CLOUD: 25,
  CLOUD_UPLOAD: 26,
  LEAK: 27,
  HACK: 28,
  PRO_NETWORK: 29,
  CONF_ACCESS: 30,
  CONF_AFTER_HOURS: 31,
  OUT_OF_SCOPE: 32,
  HOSTS: 33,
  CONF_ATTACH_EXT: 34,
  CONF_REMOVABLE: 35,
  PERSONAL_ATTACH: 36,
  TOOL_TRANSFER: 37,
  OTHER_PC_MAIL_OUT: 38,
  POST_DEPARTURE: 39,
} as const;

/** Number of core features (the legacy layout); detector features follow from this index. */
export const CORE_FEATURE_COUNT = 40;

export type CoreFeatureName = keyof typeof F;

/** Feature labels in both languages (for charts and the alert page). */
export const CORE_FEATURE_LABELS: Record<CoreFeatureName, Bilingual> = {
  EVENTS: { ja: "イベント数", en: "Events" },
  LOGONS: { ja: "ログオン", en: "Logons" },
  AFTER_HOURS: { ja: "時間外の操作", en: "After-hours activity" },
  AFTER_HOURS_LOGONS: { ja: "時間外ログオン", en: "After-hours logons" },
  WEEKEND: { ja: "休日の操作", en: "Weekend activity" },
  OTHER_PC_LOGONS: { ja: "他人の端末へのログオン", en: "Logons on other users' PCs" },
  SHARED_PC_LOGONS: { ja: "共用端末へのログオン", en: "Logons on shared PCs" },
  SUPERVISOR_PC: { ja: "上司の端末での操作", en: "Activity on supervisor's PC" },
  DEVICE: { ja: "リムーバブルメディア接続", en: "Removable media connections" },
  DEVICE_AFTER_HOURS: { ja: "時間外のメディア接続", en: "After-hours media connections" },
  REMOVABLE_COPIES: { ja: "メディアへのファイル複製", en: "Files copied to removable media" },
  FILE_OPS: { ja: "ファイル操作", en: "File operations" },
  DOCUMENTS: { ja: "文書ファイル操作", en: "Document file operations" },
  ARCHIVES: { ja: "圧縮ファイル操作", en: "Archive file operations" },
  EXECUTABLES: { ja: "実行ファイル操作", en: "Executable file operations" },
  OTHER_PC_FILES: { ja: "他人の端末でのファイル操作", en: "File operations on other users' PCs" },
  EMAIL_SENT: { ja: "送信メール", en: "E-mails sent" },
  EMAIL_EXTERNAL: { ja: "社外宛メール", en: "E-mails to outside addresses" },
  EMAIL_EXT_ATTACH: { ja: "社外宛の添付付きメール", en: "Outside e-mails with attachments" },
  EMAIL_PERSONAL: { ja: "個人アドレス宛メール", en: "E-mails to personal webmail" },
  EMAIL_EXT_KB: { ja: "社外宛メール容量 (KB)", en: "Outside e-mail volume (KB)" },
  EMAIL_NEW_RECIPIENT: {
    ja: "初めての社外宛先（添付付き）",
    en: "New outside recipients (with attachments)",
  },
  EMAIL_MASS: { ja: "大量宛先メール", en: "Mass e-mails" },
  HTTP: { ja: "Web アクセス", en: "Web requests" },
  JOB_SEARCH: { ja: "求人サイト閲覧", en: "Job-search site visits" },
  CLOUD: { ja: "クラウドストレージ閲覧", en: "Cloud storage visits" },
  CLOUD_UPLOAD: { ja: "クラウドへのアップロード", en: "Cloud uploads" },
  LEAK: { ja: "リークサイト閲覧", en: "Leak-site visits" },
  HACK: { ja: "ハッキングツール関連", en: "Hacking-tool sites" },
  PRO_NETWORK: { ja: "ビジネスSNS・リクルーター接触", en: "Professional network / recruiter contact" },
  CONF_ACCESS: { ja: "機密資産へのアクセス", en: "Confidential asset access" },
  CONF_AFTER_HOURS: { ja: "時間外の機密資産アクセス", en: "After-hours confidential access" },
  OUT_OF_SCOPE: { ja: "担当外の機密資産アクセス", en: "Out-of-scope confidential access" },
  HOSTS: { ja: "使用端末数", en: "Distinct machines" },
  CONF_ATTACH_EXT: { ja: "機密ファイルの社外送信", en: "Confidential files e-mailed outside" },
  CONF_REMOVABLE: { ja: "機密ファイルのメディア複製", en: "Confidential files to removable media" },
  PERSONAL_ATTACH: { ja: "個人アドレス宛の添付", en: "Attachments to personal webmail" },
  TOOL_TRANSFER: { ja: "実行ファイルの持ち込み", en: "Executables carried between machines" },
  OTHER_PC_MAIL_OUT: { ja: "他人の端末からの社外送信", en: "Outside e-mail from another user's PC" },
  POST_DEPARTURE: { ja: "退職後の操作", en: "Activity after leaving" },
};

export const CORE_FEATURE_NAMES = Object.keys(F) as CoreFeatureName[];

/** Features shown in the "user vs own baseline vs peers" chart. */
export const CHART_FEATURES: readonly number[] = [
  F.AFTER_HOURS,
  F.REMOVABLE_COPIES,
  F.EMAIL_EXT_ATTACH,
  F.JOB_SEARCH,
  F.CLOUD,
  F.OTHER_PC_LOGONS,
  F.CONF_ACCESS,
  F.OUT_OF_SCOPE,
];

/**
 * Core features and weights that make up the anomaly part of the score: how far the day is from the
 * user's own baseline and from their peers'. Weights favour data-movement features. Detector
 * features with an `anomalyWeight` are appended (features.ts).
 */
export const CORE_ANOMALY_FEATURES: readonly { f: number; w: number }[] = [
  { f: F.AFTER_HOURS, w: 1 },
  { f: F.WEEKEND, w: 0.5 },
  { f: F.OTHER_PC_LOGONS, w: 1 },
  { f: F.DEVICE, w: 1 },
  { f: F.REMOVABLE_COPIES, w: 1.5 },
  { f: F.FILE_OPS, w: 0.5 },
  { f: F.EXECUTABLES, w: 0.5 },
  { f: F.EMAIL_EXT_ATTACH, w: 1 },
  { f: F.EMAIL_EXT_KB, w: 0.5 },
  { f: F.EMAIL_PERSONAL, w: 1 },
  { f: F.JOB_SEARCH, w: 0.5 },
  { f: F.CLOUD, w: 0.5 },
  { f: F.CONF_ACCESS, w: 1 },
  { f: F.HOSTS, w: 0.5 },
];

const DOC = new Set([
  "doc",
  "docx",
  "pdf",
  "xls",
  "xlsx",
  "ppt",
  "pptx",
  "txt",
  "csv",
  "rtf",
  "odt",
  "md",
  "dwg",
  "cad",
  "step",
]);
const ARCHIVE = new Set(["zip", "rar", "7z", "tar", "gz", "tgz", "bz2", "xz", "lzh", "cab", "iso"]);
const EXEC = new Set(["exe", "dll", "msi", "bat", "cmd", "ps1", "vbs", "sh", "jar", "scr", "com", "py"]);

export const FILE_OTHER = 0;
export const FILE_DOCUMENT = 1;
export const FILE_ARCHIVE = 2;
export const FILE_EXECUTABLE = 3;

/** The extension sets by a number packed from the lower-cased ASCII letters (see {@link fileType}). */
const EXT_CODES = new Map<number, number>();
for (const [set, type] of [
  [DOC, FILE_DOCUMENT],
  [ARCHIVE, FILE_ARCHIVE],
  [EXEC, FILE_EXECUTABLE],
] as const) {
  for (const ext of set) {
    let code = 1;
    for (let i = 0; i < ext.length; i++) code = code * 128 + ext.charCodeAt(i);
    if (!EXT_CODES.has(code)) EXT_CODES.set(code, type);
  }
}

/** The type of a file from its extension. */
export function fileType(name: string): number {
  const dot = name.lastIndexOf(".");
  if (dot === -1 || dot < name.length - 6) return FILE_OTHER;
  // Hot path (every file event): pack the ASCII extension, lower-cased, into a number instead of
  // slicing and lower-casing a string; non-ASCII extensions take the string route below.
  let code = 1;
  let ascii = true;
  for (let i = dot + 1; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c >= 128) {
      ascii = false;
      break;
    }
    if (c >= 65 && c <= 90) c += 32;
    code = code * 128 + c;
  }
  if (ascii) return EXT_CODES.get(code) ?? FILE_OTHER;
  const ext = name.slice(dot + 1).toLowerCase();
  if (DOC.has(ext)) return FILE_DOCUMENT;
  if (ARCHIVE.has(ext)) return FILE_ARCHIVE;
  if (EXEC.has(ext)) return FILE_EXECUTABLE;
  return FILE_OTHER;
}

/** The last path component of a file name (either slash). */
export function baseName(path: string): string {
  let i = path.length - 1;
  while (i >= 0) {
    const c = path.charCodeAt(i);
    if (c === 92 || c === 47) break;
    i--;
  }
  return (i >= 0 ? path.slice(i + 1) : path).toLowerCase();
}
