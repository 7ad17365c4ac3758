/**
 * Case 6 (a) — data sent to cloud storage or leak sites.
 *
 * Signals: cloud storage used by someone who does not normally use it, uploads to cloud storage
 * (not flagged for regular uploaders after their third upload day), and any leak-site access. For
 * releases without an upload activity (CERT r4.2/r5.2), an upload page on a cloud or leak site counts
 * as an upload. An upload whose URL names a file recently opened from a registered confidential
 * location counts as a confidential upload. The case fires on a leak-site visit, a confidential
 * upload, or an upload by someone who does not use cloud storage on a day they handled
 * confidential assets (issue 12: regular cloud users' uploads on ordinary project days are scored,
 * not forced into an alert).
 */
import { F } from "../core-features.js";
import { DOMAIN_CLOUD, DOMAIN_LEAK } from "../domains.js";
import { defineDetector } from "./types.js";

/** URL paths that upload (for releases without an upload activity). */
const UPLOAD_URL = /[/?&](upload|put|send|submit)(?:[/?&=.]|$)/i;

type State = {
  /** Days with cloud uploads so far: a regular uploader is not flagged for every upload. */
  uploadDays: number;
};

export const cloudLeak = defineDetector<State>({
  id: "cloud-leak",
  title: {
    ja: "クラウド・リークサイトへのデータ送出（事例6）",
    en: "Data sent to cloud or leak sites (case 6)",
  },
  computes: ["CLOUD", "CLOUD_UPLOAD", "LEAK"],
  features: [
    {
      name: "CONF_UPLOAD",
      label: { ja: "機密ファイルのクラウドアップロード", en: "Confidential files uploaded to cloud storage" },
    },
  ],
  habits: [
    { id: "cloud", feature: "CLOUD" },
    { id: "cloud_upload", feature: "CLOUD_UPLOAD" },
  ],
  indicators: [
    {
      id: "I-CLOUD-USE",
      kind: "behaviour",
      weight: 3,
      cases: [6],
      label: { ja: "普段使わないクラウドストレージ", en: "Unusual cloud storage use" },
      explanation: {
        ja: "普段使っていないクラウドストレージを利用しました。",
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
        ja: "クラウドストレージにファイルをアップロードしました。",
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
        ja: "リークサイト（WikiLeaks 等）にアクセスしました。",
        en: "A leak site (WikiLeaks etc.) was accessed.",
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
  ],
  create(env) {
    const CLOUD_USE = env.indicator("I-CLOUD-USE");
    const CLOUD_UPLOAD = env.indicator("I-CLOUD-UPLOAD");
    const LEAK = env.indicator("I-LEAK-SITE");
    const CASE6_LEAK = env.indicator("I-CASE6-LEAK-UPLOAD");
    const H_CLOUD = env.habit("cloud");
    const CONF_UPLOAD = env.feature("CONF_UPLOAD");
    return {
      newState: () => ({ uploadDays: 0 }),
      http(e) {
        const flags = e.domainFlags;
        if ((flags & (DOMAIN_CLOUD | DOMAIN_LEAK)) === 0) return;
        const { ev } = e;
        const upload = ev.action === "upload" || (ev.action === "visit" && UPLOAD_URL.test(ev.object));
        if (flags & DOMAIN_CLOUD) {
          e.x[F.CLOUD]!++;
          e.tags.push(CLOUD_USE);
          if (upload) {
            e.x[F.CLOUD_UPLOAD]!++;
            e.tags.push(CLOUD_UPLOAD);
            // A file name in the upload URL that was recently opened from a confidential location.
            for (const token of ev.object.split(/[/?&=]/).slice(-8)) {
              if (!token.includes(".")) continue;
              const a = e.rememberedAsset(decodeURIComponentSafe(token));
              if (a) {
                e.x[CONF_UPLOAD]!++;
                e.evidenceAsset ??= a;
                break;
              }
            }
          }
        }
        if (flags & DOMAIN_LEAK) {
          e.x[F.LEAK]!++;
          e.tags.push(LEAK);
        }
      },
      signals(d, s) {
        const x = d.x;
        if (d.warm && x[F.CLOUD]! > 0 && d.habit(H_CLOUD) < 0.05) d.fire(CLOUD_USE);
        if (x[F.CLOUD_UPLOAD]! > 0 && s.uploadDays < 3) d.fire(CLOUD_UPLOAD);
        if (x[F.LEAK]! > 0) d.fire(LEAK);
      },
      cases(d) {
        const confUpload = d.has(CLOUD_UPLOAD) && d.x[CONF_UPLOAD]! > 0;
        const unusual = d.has(CLOUD_UPLOAD) && d.has(CLOUD_USE) && d.x[F.CONF_ACCESS]! > 0;
        if (d.has(LEAK) || confUpload || unusual) d.fire(CASE6_LEAK);
      },
      learn(d, s) {
        if (d.x[F.CLOUD_UPLOAD]! > 0) s.uploadDays++;
      },
      snapshot: (s) => s,
      restore(raw, legacy) {
        const r = (raw ?? legacy) as { uploadDays?: number } | undefined;
        return { uploadDays: r?.uploadDays ?? 0 };
      },
    };
  },
});

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
