/**
 * Removable media (USB/SD): connections, files copied to media, confidential files among them.
 * Shared signals of cases 1 and 2: first use by someone who never used media, media after hours
 * (not usual for the person), a volume far above the person's own normal, and files from a
 * registered confidential location (or recently opened from one) copied to media.
 */
import { F } from "../core-features.js";
import { defineDetector } from "./types.js";

type State = {
  /** Days with a media connection so far (not decayed: "first use" means never before). */
  usbDays: number;
};

export const removableMedia = defineDetector<State>({
  id: "removable-media",
  title: { ja: "リムーバブルメディア", en: "Removable media" },
  computes: ["DEVICE", "DEVICE_AFTER_HOURS", "REMOVABLE_COPIES", "CONF_REMOVABLE"],
  habits: [
    { id: "usb", feature: "DEVICE" },
    { id: "usb_after_hours", feature: "DEVICE_AFTER_HOURS" },
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
        ja: "機密資産台帳に登録された場所のファイルを、リムーバブルメディアに複製しました。",
        en: "Files from a location in the confidential-asset registry were copied to removable media.",
      },
    },
  ],
  create(env) {
    const USB_FIRST = env.indicator("I-USB-FIRST-USE");
    const USB_AFTER_HOURS = env.indicator("I-USB-AFTER-HOURS");
    const USB_VOLUME = env.indicator("I-USB-VOLUME");
    const USB_CONF = env.indicator("I-USB-CONFIDENTIAL");
    const H_USB_AFTER_HOURS = env.habit("usb_after_hours");
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
          if (d.warm && x[F.DEVICE_AFTER_HOURS]! > 0 && d.habit(H_USB_AFTER_HOURS) < 0.1)
            d.fire(USB_AFTER_HOURS);
        }
        if (x[F.REMOVABLE_COPIES]! >= 5) {
          const z = d.zUser(F.REMOVABLE_COPIES);
          if (Number.isNaN(z) ? x[F.REMOVABLE_COPIES]! >= 20 : z >= 3) d.fire(USB_VOLUME);
        }
        if (x[F.CONF_REMOVABLE]! > 0) d.fire(USB_CONF);
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
