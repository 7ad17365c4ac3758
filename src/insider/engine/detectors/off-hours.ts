/**
 * Case 1 — off-hours confidential access carried out on removable media (for a foreign handler).
 *
 * Signals: after-hours logons and weekend activity by someone who does not usually work then, and
 * after-hours access to registered confidential assets — unless a quarter or more of the person's
 * team or project colleagues are working late (or at the weekend) that day too: a deadline crunch
 * is not unusual for the one person (issue 12). The case fires when suspicious removable media use
 * (first use, confidential files, unusual volume or a rise over the own level — removable-media.ts)
 * is itself off-hours (media connected at night or at a weekend) on a day of unusual off-hours
 * activity, or media is connected after hours together with after-hours confidential access, or a
 * leak site is visited on a day media was connected; never on a day the team works late together.
 */
import { F } from "../core-features.js";
import { type DayContext, defineDetector } from "./types.js";

/** A quarter of the colleagues active today doing the same makes it a team crunch, not one person. */
export const CRUNCH_SHARE = 0.25;

const crunch = (d: DayContext, feature: number) => {
  const share = d.peersToday(feature);
  return !Number.isNaN(share) && share >= CRUNCH_SHARE;
};

export const offHours = defineDetector({
  id: "off-hours",
  title: {
    ja: "時間外アクセスとメディア持ち出し（事例1）",
    en: "Off-hours access with removable media (case 1)",
  },
  computes: ["AFTER_HOURS_LOGONS", "CONF_AFTER_HOURS"],
  tracks: { peersToday: ["AFTER_HOURS_LOGONS", "WEEKEND", "CONF_AFTER_HOURS"] },
  habits: [
    { id: "after_hours", feature: "AFTER_HOURS_LOGONS" },
    { id: "weekend", feature: "WEEKEND" },
    { id: "conf_after_hours", feature: "CONF_AFTER_HOURS" },
  ],
  indicators: [
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
      id: "I-CONF-AFTER-HOURS",
      kind: "behaviour",
      weight: 12,
      cases: [1],
      label: { ja: "時間外の機密資産アクセス", en: "After-hours access to confidential assets" },
      explanation: {
        ja: "業務時間外に機密サーバ・フォルダへアクセスしました（普段はしない行動）。",
        en: "Confidential servers or folders were accessed outside working hours (not usual for this user).",
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
  ],
  create(env) {
    const AFTER_HOURS_LOGON = env.indicator("I-AFTER-HOURS-LOGON");
    const WEEKEND = env.indicator("I-WEEKEND-ACTIVITY");
    const CONF_AFTER_HOURS = env.indicator("I-CONF-AFTER-HOURS");
    const CASE1 = env.indicator("I-CASE1-OFFHOURS-EXFIL");
    const USB_FIRST = env.indicator("I-USB-FIRST-USE");
    const USB_CONF = env.indicator("I-USB-CONFIDENTIAL");
    const USB_VOLUME = env.indicator("I-USB-VOLUME");
    const USB_AFTER_HOURS = env.indicator("I-USB-AFTER-HOURS");
    const USB_RISE = env.indicator("I-USB-RISE");
    const LEAK = env.indicator("I-LEAK-SITE");
    const H_AFTER_HOURS = env.habit("after_hours");
    const H_WEEKEND = env.habit("weekend");
    const H_CONF_AFTER_HOURS = env.habit("conf_after_hours");
    const confAfterHours = (e: { asset: unknown; afterHours: boolean; x: Float64Array; tags: number[] }) => {
      if (e.asset && e.afterHours) {
        e.x[F.CONF_AFTER_HOURS]!++;
        e.tags.push(CONF_AFTER_HOURS);
      }
    };
    return {
      http: confAfterHours,
      file: confAfterHours,
      logon(e) {
        if (e.ev.action !== "logon") return;
        if (e.afterHours) {
          e.x[F.AFTER_HOURS_LOGONS]!++;
          e.tags.push(AFTER_HOURS_LOGON);
        }
        if (e.offDay) e.tags.push(WEEKEND);
        confAfterHours(e);
      },
      signals(d) {
        const x = d.x;
        if (!d.warm) return;
        const lateTeam = crunch(d, F.AFTER_HOURS_LOGONS) || crunch(d, F.CONF_AFTER_HOURS);
        if (x[F.AFTER_HOURS_LOGONS]! > 0 && d.habit(H_AFTER_HOURS) < 0.2 && !lateTeam)
          d.fire(AFTER_HOURS_LOGON);
        if (x[F.WEEKEND]! > 0 && x[F.LOGONS]! > 0 && d.habit(H_WEEKEND) < 0.1 && !crunch(d, F.WEEKEND))
          d.fire(WEEKEND);
        if (x[F.CONF_AFTER_HOURS]! > 0 && d.habit(H_CONF_AFTER_HOURS) < 0.1 && !lateTeam)
          d.fire(CONF_AFTER_HOURS);
      },
      cases(d) {
        if (crunch(d, F.AFTER_HOURS_LOGONS) || crunch(d, F.CONF_AFTER_HOURS) || crunch(d, F.WEEKEND)) return;
        const usbSuspicious = d.has(USB_FIRST) || d.has(USB_CONF) || d.has(USB_VOLUME) || d.has(USB_RISE);
        const offHoursToday =
          d.has(AFTER_HOURS_LOGON) || d.has(CONF_AFTER_HOURS) || d.has(USB_AFTER_HOURS) || d.has(WEEKEND);
        // The media use itself happens off-hours (at night, or at a weekend).
        const offHoursMedia = d.x[F.DEVICE_AFTER_HOURS]! > 0 || (d.has(WEEKEND) && d.x[F.DEVICE]! > 0);
        const media =
          (usbSuspicious && offHoursMedia) ||
          (d.has(USB_AFTER_HOURS) && d.has(CONF_AFTER_HOURS)) ||
          (d.has(LEAK) && d.x[F.DEVICE]! > 0);
        if (media && offHoursToday) d.fire(CASE1);
      },
    };
  },
});
