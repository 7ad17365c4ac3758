/**
 * Case 6 (b) — an administrator fetches a hacking tool (keylogger) and plants it on a colleague's
 * or the supervisor's machine.
 *
 * Signals: hacking-tool sites (by domain, or tool words in the URL), and executables carried to a
 * machine from removable media or written on another user's machine (not usual for the person).
 * The case fires when a hacking tool was fetched within seven days and an executable is carried
 * over, or the supervisor's machine is used while executables arrive on it.
 */
import { F, FILE_EXECUTABLE } from "../core-features.js";
import { DOMAIN_HACK } from "../domains.js";
import { CTX_OTHER, CTX_SUPERVISOR, defineDetector } from "./types.js";

export const toolPlant = defineDetector({
  id: "tool-plant",
  title: { ja: "他人の端末へのツール設置（事例6）", en: "Tool planted on a colleague's machine (case 6)" },
  computes: ["HACK", "TOOL_TRANSFER"],
  habits: [{ id: "tool", feature: "TOOL_TRANSFER" }],
  indicators: [
    {
      id: "I-HACK-TOOL",
      kind: "behaviour",
      weight: 15,
      cases: [6],
      label: { ja: "ハッキングツールの入手", en: "Hacking tool download" },
      explanation: {
        ja: "キーロガー等のハッキングツールのサイトにアクセスしました。",
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
        ja: "リムーバブルメディアから、または他人の端末上に実行ファイルが書き込まれました。",
        en: "An executable came from removable media or was written on another user's machine.",
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
  ],
  create(env) {
    const HACK = env.indicator("I-HACK-TOOL");
    const TOOL_TRANSFER = env.indicator("I-TOOL-TRANSFER");
    const CASE6_TOOL = env.indicator("I-CASE6-TOOL-PLANT");
    const SUPERVISOR_PC = env.indicator("I-SUPERVISOR-PC");
    const H_TOOL = env.habit("tool");
    return {
      http(e) {
        if (e.domainFlags & DOMAIN_HACK) {
          e.x[F.HACK]!++;
          e.tags.push(HACK);
        }
      },
      file(e) {
        const { ev } = e;
        if (ev.action === "delete" || e.fileType !== FILE_EXECUTABLE) return;
        if (ev.fromRemovable || e.ctx === CTX_OTHER || e.ctx === CTX_SUPERVISOR) {
          e.x[F.TOOL_TRANSFER]!++;
          e.tags.push(TOOL_TRANSFER);
        }
      },
      signals(d) {
        if (d.x[F.HACK]! > 0) d.fire(HACK);
        if (d.warm && d.x[F.TOOL_TRANSFER]! > 0 && d.habit(H_TOOL) < 0.1) d.fire(TOOL_TRANSFER);
      },
      cases(d) {
        if (
          d.within(HACK, 7) > 0 &&
          (d.has(TOOL_TRANSFER) || (d.has(SUPERVISOR_PC) && d.x[F.TOOL_TRANSFER]! > 0))
        )
          d.fire(CASE6_TOOL);
      },
    };
  },
});
