/**
 * Case 2 — a departing employee takes product data (to removable media, cloud storage or outside
 * mail) before leaving.
 *
 * Leaving is known from HR (a notice date puts the person on the "departing" watchlist until the
 * end date) or suggested by job-site browsing on two or more days within 30 days. Exfiltration is
 * any of: suspicious removable-media use, a cloud upload, confidential files or attachments to a
 * personal address sent outside. Activity after the end date in HR records is its own signal.
 */

import { F } from "../core-features.js";
import { DOMAIN_JOB } from "../domains.js";
import { defineDetector } from "./types.js";

export const departing = defineDetector({
  id: "departing",
  title: { ja: "退職予定者によるデータ持ち出し（事例2）", en: "Departing employee taking data (case 2)" },
  computes: ["JOB_SEARCH", "POST_DEPARTURE"],
  indicators: [
    {
      id: "I-JOB-SEARCH",
      kind: "context",
      weight: 2,
      cases: [2],
      label: { ja: "求人サイトの閲覧", en: "Job-search browsing" },
      explanation: {
        ja: "求人サイトを閲覧しました。単独では問題になりませんが、他の兆候と合わせて評価します。",
        en: "Job-search sites were visited. Not a concern on its own; weighed together with other signs.",
      },
    },
    {
      id: "I-DEPARTING",
      kind: "context",
      weight: 3,
      cases: [2],
      label: { ja: "退職予定者", en: "Departing employee" },
      explanation: {
        ja: "人事情報上、退職予定の利用者です。",
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
        ja: "人事情報上の退職日より後に、アカウントが使われました。",
        en: "The account was used after the user's leaving date in HR records.",
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
  ],
  create(env) {
    const JOB = env.indicator("I-JOB-SEARCH");
    const DEPARTING = env.indicator("I-DEPARTING");
    const POST_DEPARTURE = env.indicator("I-POST-DEPARTURE");
    const CASE2 = env.indicator("I-CASE2-DEPARTING-EXFIL");
    const USB_FIRST = env.indicator("I-USB-FIRST-USE");
    const USB_CONF = env.indicator("I-USB-CONFIDENTIAL");
    const USB_VOLUME = env.indicator("I-USB-VOLUME");
    const CLOUD_UPLOAD = env.indicator("I-CLOUD-UPLOAD");
    const EMAIL_CONF = env.indicator("I-EMAIL-CONFIDENTIAL");
    const PERSONAL = env.indicator("I-EMAIL-PERSONAL");
    return {
      http(e) {
        if (e.domainFlags & DOMAIN_JOB) {
          e.x[F.JOB_SEARCH]!++;
          e.tags.push(JOB);
        }
      },
      any(e) {
        const end = e.person?.endDay;
        if (end != null && e.day > end && e.x[F.POST_DEPARTURE] === 0) {
          e.x[F.POST_DEPARTURE] = 1;
          e.tags.push(POST_DEPARTURE);
        }
      },
      signals(d) {
        if (d.x[F.POST_DEPARTURE]! > 0) d.fire(POST_DEPARTURE);
        if (d.x[F.JOB_SEARCH]! > 0) d.fire(JOB);
        if (d.watch.includes("departing")) d.fire(DEPARTING);
      },
      cases(d) {
        const leaving = d.watch.includes("departing") || d.within(JOB, 30) >= 2;
        const exfil =
          d.has(USB_FIRST) ||
          d.has(USB_CONF) ||
          d.has(USB_VOLUME) ||
          d.has(CLOUD_UPLOAD) ||
          d.has(EMAIL_CONF) ||
          d.has(PERSONAL);
        if (leaving && exfil) d.fire(CASE2);
      },
    };
  },
});
