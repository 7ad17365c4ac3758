/**
 * Case 5 — logons to other users' machines, searching their files and mailing them home.
 *
 * Machine ownership is learned from logons (who logs on to a machine most; assigned machines from
 * HR win). Signals: logons to another user's (non-shared) PC or to the supervisor's PC, file
 * activity there, outside e-mail with attachments sent from there, and files opened on another
 * user's PC within three days being attached to an outside e-mail (matched by file name). The case
 * fires when another user's machine was used today or in the last three days and its files go
 * outside (sent from that machine, or the same file names attached elsewhere), or attachments go to
 * a personal address or confidential files go outside on a day files were opened on another PC.
 *
 * A logon to the supervisor's PC scores as I-SUPERVISOR-PC only, not also as I-OTHER-PC-LOGON: it
 * is one event, and counting it twice put every benign visit to a manager's desk (with a file
 * opened there) into the alert budget with nothing leaving the organisation.
 */
import { baseName, F } from "../core-features.js";
import { domainOfEmail } from "../domains.js";
import { type RemoteIdentitySettings, remoteSignIn } from "./remote-identity.js";
import { CTX_OTHER, CTX_SHARED, CTX_SUPERVISOR, defineDetector } from "./types.js";

const MAX_FOUND_FILES = 64;
const FOUND_FILE_DAYS = 3;

type State = {
  /** Base names of files opened on other users' PCs recently → the day (bounded, most recent last). */
  found: Map<string, number>;
  /** The last day with a logon to another user's PC that is not the supervisor's (-1: none). */
  otherLogonDay: number;
};

export const otherMachines = defineDetector<State>({
  id: "other-machines",
  title: {
    ja: "他人の端末を使ったデータ送出（事例5）",
    en: "Other users' machines used to send data out (case 5)",
  },
  computes: ["OTHER_PC_LOGONS", "SHARED_PC_LOGONS", "SUPERVISOR_PC", "OTHER_PC_FILES", "OTHER_PC_MAIL_OUT"],
  features: [
    {
      name: "OTHER_PC_FILE_SENT",
      label: { ja: "他人の端末のファイルを社外へ送信", en: "Files from another user's PC e-mailed outside" },
    },
  ],
  habits: [
    { id: "other_pc", feature: "OTHER_PC_LOGONS" },
    { id: "supervisor_pc", feature: "SUPERVISOR_PC" },
    { id: "other_files", feature: "OTHER_PC_FILES" },
  ],
  indicators: [
    {
      id: "I-OTHER-PC-LOGON",
      kind: "behaviour",
      weight: 10,
      cases: [5],
      label: { ja: "他人の端末へのログオン", en: "Logon to another user's PC" },
      explanation: {
        ja: "他人の（共用でない）端末にログオンしました（普段はしない行動）。",
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
        ja: "上司の端末でログオン・メディア接続・ファイル操作を行いました。",
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
        ja: "他人の端末上でファイルを開く・複製する操作がありました。",
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
        ja: "他人の端末から、社外・個人アドレスへ添付付きメールが送信されました。",
        en: "An e-mail with attachments went to an outside or personal address from another user's PC.",
      },
    },
    {
      id: "I-OTHER-PC-FILE-SENT",
      kind: "behaviour",
      weight: 15,
      cases: [5],
      label: { ja: "他人の端末のファイルを社外へ送信", en: "Another user's files e-mailed outside" },
      explanation: {
        ja: "直近 3 日に他人の端末で開いたファイルと同じ名前のファイルが、社外宛メールに添付されました。",
        en: "A file with the same name as one opened on another user's PC in the last three days was attached to an outside e-mail.",
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
  ],
  create(env) {
    const OTHER_PC_LOGON = env.indicator("I-OTHER-PC-LOGON");
    const SUPERVISOR_PC = env.indicator("I-SUPERVISOR-PC");
    const OTHER_PC_FILES = env.indicator("I-OTHER-PC-FILES");
    const OTHER_PC_MAIL = env.indicator("I-OTHER-PC-MAIL-OUT");
    const FILE_SENT = env.indicator("I-OTHER-PC-FILE-SENT");
    const FILE_SENT_F = env.feature("OTHER_PC_FILE_SENT");
    const CASE5 = env.indicator("I-CASE5-OTHER-PC-MAIL");
    const PERSONAL = env.indicator("I-EMAIL-PERSONAL");
    const EMAIL_CONF = env.indicator("I-EMAIL-CONFIDENTIAL");
    const NEW_RECIPIENT = env.indicator("I-EMAIL-NEW-RECIPIENT");
    const H_OTHER_PC = env.habit("other_pc");
    const H_SUPERVISOR_PC = env.habit("supervisor_pc");
    const H_OTHER_FILES = env.habit("other_files");
    const { internalDomains } = env.options;
    const officeNetworks =
      (env.options.settings["remote-identity"] as RemoteIdentitySettings | undefined)?.officeNetworks ?? [];
    return {
      newState: () => ({ found: new Map(), otherLogonDay: -1 }),
      logon(e, s) {
        if (e.ev.action !== "logon") return;
        // A sign-in from outside (VPN, identity provider) on a device another account uses is the
        // remote-identity detector's shared-device signal, not a visit to a colleague's PC.
        if (remoteSignIn(e.ev.srcIp, officeNetworks)) return;
        if (e.ctx === CTX_OTHER || e.ctx === CTX_SUPERVISOR) {
          e.x[F.OTHER_PC_LOGONS]!++;
          if (e.ctx === CTX_SUPERVISOR) {
            e.x[F.SUPERVISOR_PC]!++;
            e.tags.push(SUPERVISOR_PC);
          } else {
            s.otherLogonDay = e.day;
            e.tags.push(OTHER_PC_LOGON);
          }
        } else if (e.ctx === CTX_SHARED) e.x[F.SHARED_PC_LOGONS]!++;
      },
      device(e) {
        if (e.ev.action === "connect" && e.ctx === CTX_SUPERVISOR) {
          e.x[F.SUPERVISOR_PC]!++;
          e.tags.push(SUPERVISOR_PC);
        }
      },
      file(e, s) {
        if (e.ctx !== CTX_OTHER && e.ctx !== CTX_SUPERVISOR) return;
        const base = baseName(e.ev.object);
        if (base !== "") {
          s.found.delete(base);
          s.found.set(base, e.day);
          if (s.found.size > MAX_FOUND_FILES) s.found.delete(s.found.keys().next().value!);
        }
        e.x[F.OTHER_PC_FILES]!++;
        e.tags.push(OTHER_PC_FILES);
        if (e.ctx === CTX_SUPERVISOR) {
          e.x[F.SUPERVISOR_PC]!++;
          e.tags.push(SUPERVISOR_PC);
        }
      },
      email(e, s) {
        const { ev } = e;
        if (ev.action !== "send" || ev.attachmentCount === 0) return;
        const onOther = e.ctx === CTX_OTHER || e.ctx === CTX_SUPERVISOR;
        if (!onOther && s.found.size === 0) return;
        const outside = ev.recipients.some((r) => {
          const d = domainOfEmail(r);
          return d !== "" && !internalDomains.has(d);
        });
        if (!outside) return;
        if (onOther) {
          e.x[F.OTHER_PC_MAIL_OUT]!++;
          e.tags.push(OTHER_PC_MAIL);
        }
        for (const name of ev.attachments) {
          const seen = s.found.get(baseName(name));
          if (seen !== undefined && seen > e.day - FOUND_FILE_DAYS) {
            e.x[FILE_SENT_F]!++;
            e.tags.push(FILE_SENT);
            break;
          }
        }
      },
      signals(d, s) {
        const x = d.x;
        if (!d.warm) return;
        if (s.otherLogonDay === d.day && d.habit(H_OTHER_PC) < 0.2) d.fire(OTHER_PC_LOGON);
        if (x[F.SUPERVISOR_PC]! > 0 && d.habit(H_SUPERVISOR_PC) < 0.1) d.fire(SUPERVISOR_PC);
        if (x[F.OTHER_PC_FILES]! > 0 && d.habit(H_OTHER_FILES) < 0.2) d.fire(OTHER_PC_FILES);
        if (x[F.OTHER_PC_MAIL_OUT]! > 0) d.fire(OTHER_PC_MAIL);
        if (x[FILE_SENT_F]! > 0) d.fire(FILE_SENT);
      },
      cases(d) {
        const recent =
          d.has(OTHER_PC_LOGON) ||
          d.has(OTHER_PC_FILES) ||
          d.has(SUPERVISOR_PC) ||
          d.within(OTHER_PC_LOGON, 3) > 0 ||
          d.within(OTHER_PC_FILES, 3) > 0 ||
          d.within(SUPERVISOR_PC, 3) > 0;
        if (!recent) return;
        // Sent from the other machine, or its files (same names) sent to a personal, new or
        // unapproved address.
        const matched = d.has(FILE_SENT) && (d.has(PERSONAL) || d.has(NEW_RECIPIENT) || d.has(EMAIL_CONF));
        if (d.has(OTHER_PC_MAIL) || matched) d.fire(CASE5);
      },
      learn(d, s) {
        for (const [name, day] of s.found) if (day <= d.day - FOUND_FILE_DAYS) s.found.delete(name);
      },
      snapshot: (s) => ({ found: [...s.found], otherLogonDay: s.otherLogonDay }),
      restore(raw) {
        // Before otherLogonDay was kept the snapshot was the found-files list itself.
        if (Array.isArray(raw)) return { found: new Map(raw as [string, number][]), otherLogonDay: -1 };
        const r = (raw ?? {}) as { found?: [string, number][]; otherLogonDay?: number };
        return { found: new Map(r.found ?? []), otherLogonDay: r.otherLogonDay ?? -1 };
      },
    };
  },
});
