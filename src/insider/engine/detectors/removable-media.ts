/**
 * Removable media (USB/SD): connections, files copied to media, confidential files among them.
 * Shared signals of cases 1 and 2: first use by someone who never used media, media after hours
 * (not usual for the person), a volume far above the person's own normal, files from a registered
 * confidential location (or recently opened from one) copied to media by someone who does not
 * usually do so (or far more of them than usual), and the relative rise of issue 12: copies at least
 * twice the person's own level over the last 8 weeks and in the top 5 % of their department's
 * user-days — how a departing employee with an already busy USB habit shows.
 */
import { baseName, F } from "../core-features.js";
import { defineDetector } from "./types.js";

/**
 * Photos, video and music: personal media, which leavers typically take home. Copies of these count
 * as copies (REMOVABLE_COPIES) but not as work files, on which volume and rise are judged — so
 * renaming data to `.jpg` evades the volume signals (a documented limit).
 */
const PERSONAL_MEDIA = new Set([
  "jpg",
  "jpeg",
  "png",
  "gif",
  "heic",
  "bmp",
  "tif",
  "tiff",
  "mp4",
  "mov",
  "avi",
  "mkv",
  "wmv",
  "mp3",
  "m4a",
  "wav",
  "aac",
  "flac",
]);

function isPersonalMedia(path: string): boolean {
  const name = baseName(path);
  const dot = name.lastIndexOf(".");
  return dot !== -1 && PERSONAL_MEDIA.has(name.slice(dot + 1));
}

/** Relative rise: at least this many copies, this multiple of the own level, this department percentile. */
export const RISE = { minCopies: 5, ratio: 2, poissonZ: 2.5, percentile: 95, minBaselineDays: 3 } as const;

/**
 * A rise over the own level that day-to-day variation does not explain: at least `ratio` times the
 * mean and `poissonZ` standard deviations above it (counts vary like a Poisson count).
 */
export function isRise(count: number, mean: number): boolean {
  return count >= RISE.ratio * mean && count >= mean + RISE.poissonZ * Math.sqrt(mean);
}

const GROUP_JA = { department: "同部署", role: "同職種", organisation: "組織全体" } as const;
const GROUP_EN = {
  department: "their department",
  role: "their role",
  organisation: "the organisation",
} as const;
const fmt = (v: number) => (Math.round(v * 10) / 10).toString();
const top = (percentile: number) => Math.max(0.1, Math.round((100 - percentile) * 10) / 10);

type State = {
  /** Days with a media connection so far (not decayed: "first use" means never before). */
  usbDays: number;
};

export const removableMedia = defineDetector<State>({
  id: "removable-media",
  title: { ja: "リムーバブルメディア", en: "Removable media" },
  computes: ["DEVICE", "DEVICE_AFTER_HOURS", "REMOVABLE_COPIES", "CONF_REMOVABLE"],
  features: [
    {
      name: "REMOVABLE_WORK_COPIES",
      label: {
        ja: "メディアへの業務ファイル複製（写真・動画・音楽を除く）",
        en: "Work files copied to removable media (not photos, video, music)",
      },
    },
  ],
  tracks: {
    recent: ["REMOVABLE_WORK_COPIES", "CONF_REMOVABLE"],
    distribution: ["REMOVABLE_WORK_COPIES", "CONF_REMOVABLE"],
    peersToday: ["AFTER_HOURS_LOGONS"],
  },
  habits: [
    { id: "usb", feature: "DEVICE" },
    { id: "usb_after_hours", feature: "DEVICE_AFTER_HOURS" },
    { id: "usb_conf", feature: "CONF_REMOVABLE" },
  ],
  indicators: [
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
        ja: "機密資産台帳に登録された場所のファイルを、リムーバブルメディアに複製しました（普段はしない、または普段より大幅に多い）。",
        en: "Files from a location in the confidential-asset registry were copied to removable media (not usual for this user, or far more than usual).",
      },
    },
    {
      id: "I-USB-RISE",
      kind: "behaviour",
      weight: 12,
      cases: [1, 2],
      label: {
        ja: "メディアへの複製が本人・同僚と比べて急増",
        en: "Removable-media copies rise above own and peer level",
      },
      explanation: {
        ja: "リムーバブルメディアへの複製が本人の過去 8 週の水準の 2 倍以上で、同部署の利用日の上位 5 % に入りました。",
        en: "Files copied to removable media are at least twice the user's own level over the last 8 weeks and in the top 5 % of their department's user-days.",
      },
    },
  ],
  create(env) {
    const USB_FIRST = env.indicator("I-USB-FIRST-USE");
    const USB_AFTER_HOURS = env.indicator("I-USB-AFTER-HOURS");
    const USB_VOLUME = env.indicator("I-USB-VOLUME");
    const USB_CONF = env.indicator("I-USB-CONFIDENTIAL");
    const USB_RISE = env.indicator("I-USB-RISE");
    const H_USB_AFTER_HOURS = env.habit("usb_after_hours");
    const H_USB_CONF = env.habit("usb_conf");
    const WORK = env.feature("REMOVABLE_WORK_COPIES");
    return {
      newState: () => ({ usbDays: 0 }),
      device(e) {
        if (e.ev.action !== "connect") return;
        e.x[F.DEVICE]!++;
        e.tags.push(USB_FIRST);
        if (e.afterHours) {
          e.x[F.DEVICE_AFTER_HOURS]!++;
          e.tags.push(USB_AFTER_HOURS);
        }
      },
      file(e) {
        if (!e.ev.toRemovable) return;
        e.x[F.REMOVABLE_COPIES]!++;
        if (!isPersonalMedia(e.ev.object)) e.x[WORK]!++;
        e.tags.push(USB_VOLUME);
        const conf = e.asset ?? e.rememberedAsset(e.ev.object);
        if (conf) {
          e.x[F.CONF_REMOVABLE]!++;
          e.tags.push(USB_CONF);
          e.evidenceAsset ??= conf;
        }
      },
      signals(d, s) {
        const x = d.x;
        if (x[F.DEVICE]! > 0) {
          if (d.warm && s.usbDays === 0) d.fire(USB_FIRST);
          // Not on a day the team works late together (deadline crunch).
          const late = d.peersToday(F.AFTER_HOURS_LOGONS);
          const crunch = !Number.isNaN(late) && late >= 0.25;
          if (d.warm && x[F.DEVICE_AFTER_HOURS]! > 0 && d.habit(H_USB_AFTER_HOURS) < 0.1 && !crunch)
            d.fire(USB_AFTER_HOURS);
        }
        if (x[WORK]! >= 5) {
          // Not on the day of the first media use ever: "far above the own normal" has no media
          // normal to compare with, and I-USB-FIRST-USE already scores that day (one event is not
          // counted twice). With no own level yet (z undefined) an absolute count stands in.
          const z = d.zUser(WORK);
          if (!d.has(USB_FIRST) && (Number.isNaN(z) ? x[WORK]! >= 20 : z >= 3)) d.fire(USB_VOLUME);
        }
        const conf = x[F.CONF_REMOVABLE]!;
        if (conf > 0) {
          // Someone who copies project files to media as part of their work (test rigs, offline
          // machines) is flagged only when they copy far more than their own usual.
          const own = d.recent(F.CONF_REMOVABLE);
          if (d.habit(H_USB_CONF) < 0.1 || own.days < RISE.minBaselineDays) d.fire(USB_CONF);
          else if (
            conf >= 4 &&
            isRise(conf, own.mean) &&
            (d.peerPercentile(F.CONF_REMOVABLE)?.percentile ?? 100) >= RISE.percentile
          )
            d.fire(USB_CONF, {
              ja: `機密ファイルのコピー ${conf} 件（本人の過去 8 週の ${fmt(conf / own.mean)} 倍）`,
              en: `${conf} confidential files copied (${fmt(conf / own.mean)}× the user's own level over the last 8 weeks)`,
            });
        }
        const copies = x[WORK]!;
        if (copies >= RISE.minCopies) {
          const own = d.recent(WORK);
          const peer = d.peerPercentile(WORK);
          if (own.days >= RISE.minBaselineDays && peer) {
            const ratio = copies / own.mean;
            if (isRise(copies, own.mean) && peer.percentile >= RISE.percentile)
              d.fire(USB_RISE, {
                ja: `USB へのコピーが本人の過去 8 週の ${fmt(ratio)} 倍（${copies} 件／通常 ${fmt(own.mean)} 件）、${GROUP_JA[peer.group]}の上位 ${top(peer.percentile)} %`,
                en: `USB copies ${fmt(ratio)}× the user's own level over the last 8 weeks (${copies} vs usually ${fmt(own.mean)}), top ${top(peer.percentile)} % of ${GROUP_EN[peer.group]}`,
              });
          }
        }
      },
      learn(d, s) {
        if (d.x[F.DEVICE]! > 0) s.usbDays++;
      },
      snapshot: (s) => s,
      restore(raw, legacy) {
        const r = (raw ?? legacy) as { usbDays?: number } | undefined;
        return { usbDays: r?.usbDays ?? 0 };
      },
    };
  },
});
