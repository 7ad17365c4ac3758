/**
 * Case 3 — an employee recruited over a professional network e-mails confidential research out.
 *
 * E-mail signals (also used by cases 2, 5 and 6): outside attachments far above the person's own
 * normal, attachments to personal webmail (not usual for the person), attachments to an outside
 * address never corresponded with, confidential files (from the registry, or recently opened from a
 * registered location) sent to a domain not approved for the asset, unusual mass e-mail, and
 * professional-network use (context only). Recruiter contact is e-mail exchanged with a professional
 * network (issue 12: browsing LinkedIn is common and is not being recruited). The case fires when,
 * after recruiter contact within 60 days or a new outside correspondent, confidential files go
 * out to a new destination — a personal webmail address or a correspondent first seen in the last
 * 60 days. Confidential files sent to an established outside correspondent (a partner the person
 * has exchanged mail with for months) do not make the case: I-EMAIL-CONFIDENTIAL still scores them,
 * but receiving a recruiter's mail does not turn an old working relationship into a recruitment.
 * Attachments to personal webmail without confidential files do not make the case either (people
 * mail their own files home; see docs/insider-risk.md).
 */
import { F } from "../core-features.js";
import { DOMAIN_PRO_NETWORK, DOMAIN_WEBMAIL, domainOfEmail } from "../domains.js";
import { defineDetector } from "./types.js";

const MAX_CONTACTS = 600;
/** An outside correspondent first seen within this many days is a new relationship (case 3). */
export const NEW_CONTACT_DAYS = 60;

type State = {
  /**
   * Outside addresses corresponded with (address → first day seen), most recently used last,
   * bounded. Snapshots from before this held the last day seen, which only makes a contact look newer.
   */
  contacts: Map<string, number>;
  /** Days on which the person sent attachments to a personal address (not decayed). */
  personalDays: number;
  /** The last day a confidential file went to a new destination (personal or recent correspondent). */
  confNewDestDay: number;
};

export const recruitedEmail = defineDetector<State>({
  id: "recruited-email",
  title: {
    ja: "勧誘後の研究データのメール送信（事例3）",
    en: "Research e-mailed out after recruitment (case 3)",
  },
  computes: [
    "EMAIL_SENT",
    "EMAIL_EXTERNAL",
    "EMAIL_EXT_ATTACH",
    "EMAIL_PERSONAL",
    "EMAIL_EXT_KB",
    "EMAIL_NEW_RECIPIENT",
    "EMAIL_MASS",
    "PRO_NETWORK",
    "CONF_ATTACH_EXT",
    "PERSONAL_ATTACH",
  ],
  features: [
    {
      name: "NEW_PERSONAL_ATTACH",
      label: { ja: "初めての個人アドレスへの添付", en: "Attachments to a new personal address" },
    },
    {
      name: "PRO_NETWORK_MAIL",
      label: {
        ja: "ビジネスSNS・リクルーターとのメール",
        en: "E-mail with a professional network / recruiter",
      },
    },
  ],
  habits: [
    { id: "personal_attach", feature: "PERSONAL_ATTACH" },
    { id: "mass_mail", feature: "EMAIL_MASS" },
  ],
  indicators: [
    {
      id: "I-PRO-NETWORK",
      kind: "context",
      weight: 0,
      cases: [3],
      label: { ja: "ビジネスSNS・リクルーターとの接触", en: "Professional-network or recruiter contact" },
      explanation: {
        ja: "ビジネスSNS（LinkedIn 等）とのメールのやり取りがありました。単独では問題になりません。",
        en: "E-mail was exchanged with a professional network (LinkedIn etc.). Not a concern on its own.",
      },
    },
    {
      id: "I-RECRUITER-CONTACT",
      kind: "context",
      weight: 0,
      cases: [3],
      label: { ja: "リクルーターとのメール", en: "Recruiter e-mail" },
      explanation: {
        ja: "ビジネスSNS（LinkedIn 等）経由のメールを受信または送信しました。単独では問題になりません。",
        en: "E-mail was received from or sent to a professional network (LinkedIn etc.). Not a concern on its own.",
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
        ja: "個人のフリーメールアドレスに添付ファイルを送りました（普段はしない行動）。",
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
        ja: "これまでやり取りのない社外アドレスに、添付ファイルを送りました。",
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
        ja: "機密ファイル（または機密フォルダから最近開いたファイル）を、許可されていない社外宛先に送りました。",
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
      id: "I-CASE3-RECRUITED-EMAIL",
      kind: "case",
      weight: 25,
      cases: [3],
      label: { ja: "勧誘後の研究データのメール送信", en: "Research e-mailed out after recruitment contact" },
      explanation: {
        ja: "ビジネスSNS等での接触や新しい社外宛先の後に、機密ファイルを個人アドレスまたは最近やり取りを始めた社外宛先に送っています（事例3）。",
        en: "After professional-network contact or a new outside correspondent, confidential files go to a personal address or to an outside correspondent first seen recently (case 3).",
      },
    },
  ],
  create(env) {
    const PRO = env.indicator("I-PRO-NETWORK");
    const RECRUITER = env.indicator("I-RECRUITER-CONTACT");
    const PRO_MAIL = env.feature("PRO_NETWORK_MAIL");
    const NEW_PERSONAL = env.feature("NEW_PERSONAL_ATTACH");
    const EXT_ATTACH = env.indicator("I-EMAIL-EXT-ATTACH");
    const PERSONAL = env.indicator("I-EMAIL-PERSONAL");
    const NEW_RECIPIENT = env.indicator("I-EMAIL-NEW-RECIPIENT");
    const EMAIL_CONF = env.indicator("I-EMAIL-CONFIDENTIAL");
    const MASS = env.indicator("I-MASS-EMAIL");
    const CASE3 = env.indicator("I-CASE3-RECRUITED-EMAIL");
    const H_MASS = env.habit("mass_mail");
    const { internalDomains, massEmailRecipients, warmupDays } = env.options;
    const { classifier, assets } = env;

    /** Remembers an outside correspondent; returns the day they were first seen (null: new today). */
    function rememberContact(s: State, address: string, day: number): number | null {
      const first = s.contacts.get(address);
      if (first !== undefined) s.contacts.delete(address);
      s.contacts.set(address, first ?? day);
      if (s.contacts.size > MAX_CONTACTS) {
        const first = s.contacts.keys().next().value;
        if (first !== undefined) s.contacts.delete(first);
      }
      return first ?? null;
    }

    return {
      newState: () => ({ contacts: new Map(), personalDays: 0, confNewDestDay: -1 }),
      http(e) {
        if (e.domainFlags & DOMAIN_PRO_NETWORK) {
          e.x[F.PRO_NETWORK]!++;
          e.tags.push(PRO);
        }
      },
      email(e, s) {
        const { ev, x } = e;
        if (ev.action !== "send") {
          const domain = domainOfEmail(ev.sender);
          if (domain !== "" && !internalDomains.has(domain)) {
            rememberContact(s, ev.sender, e.day);
            if (classifier.host(domain) & DOMAIN_PRO_NETWORK) {
              x[F.PRO_NETWORK]!++;
              x[PRO_MAIL]!++;
              e.tags.push(PRO, RECRUITER);
            }
          }
          return;
        }
        x[F.EMAIL_SENT]!++;
        const recipients = ev.recipients;
        if (recipients.length >= massEmailRecipients) {
          x[F.EMAIL_MASS]!++;
          e.tags.push(MASS);
        }
        const withAttachments = ev.attachmentCount > 0;
        let external = false;
        let personal = false;
        let newRecipient = false;
        let newPersonal = false;
        let pro = false;
        const extDomains: string[] = [];
        /** A destination the person has no established relationship with (case 3). */
        let newDestination = false;
        for (const r of recipients) {
          const domain = domainOfEmail(r);
          if (domain === "" || internalDomains.has(domain)) continue;
          external = true;
          extDomains.push(domain);
          const flags = classifier.host(domain);
          if (flags & DOMAIN_WEBMAIL) personal = true;
          if (flags & DOMAIN_PRO_NETWORK) pro = true;
          const firstSeen = rememberContact(s, r, e.day);
          const known = firstSeen !== null;
          if (flags & DOMAIN_WEBMAIL || firstSeen === null || firstSeen > e.day - NEW_CONTACT_DAYS)
            newDestination = true;
          if (!known && withAttachments && e.userDays >= warmupDays) newRecipient = true;
          if (!known && flags & DOMAIN_WEBMAIL) newPersonal = true;
        }
        if (pro) {
          x[F.PRO_NETWORK]!++;
          x[PRO_MAIL]!++;
          e.tags.push(PRO, RECRUITER);
        }
        if (!external) return;
        x[F.EMAIL_EXTERNAL]!++;
        x[F.EMAIL_EXT_KB]! += ev.bytes / 1024;
        if (personal) x[F.EMAIL_PERSONAL]!++;
        if (!withAttachments) return;
        x[F.EMAIL_EXT_ATTACH]!++;
        e.tags.push(EXT_ATTACH);
        if (personal) {
          x[F.PERSONAL_ATTACH]!++;
          if (newPersonal) x[NEW_PERSONAL]!++;
          e.tags.push(PERSONAL);
        }
        if (newRecipient) {
          x[F.EMAIL_NEW_RECIPIENT]!++;
          e.tags.push(NEW_RECIPIENT);
        }
        for (const name of ev.attachments) {
          const a = assets.path(name) ?? e.rememberedAsset(name);
          if (!a) continue;
          if (!extDomains.every((dom) => a.allowedDomains.includes(dom))) {
            x[F.CONF_ATTACH_EXT]!++;
            if (newDestination) s.confNewDestDay = e.day;
            e.tags.push(EMAIL_CONF);
            e.evidenceAsset = a;
            break;
          }
        }
      },
      signals(d, s) {
        const x = d.x;
        if (x[F.EMAIL_EXT_ATTACH]! >= 3) {
          const z = d.zUser(F.EMAIL_EXT_ATTACH);
          if (!Number.isNaN(z) && z >= 3) d.fire(EXT_ATTACH);
        }
        // Attachments to a personal address: a new one, or the first time ever.
        if (d.warm && x[F.PERSONAL_ATTACH]! > 0 && (x[NEW_PERSONAL]! > 0 || s.personalDays === 0))
          d.fire(PERSONAL);
        if (x[F.EMAIL_NEW_RECIPIENT]! > 0) d.fire(NEW_RECIPIENT);
        if (x[F.CONF_ATTACH_EXT]! > 0) d.fire(EMAIL_CONF);
        if (d.warm && x[F.EMAIL_MASS]! > 0 && d.habit(H_MASS) < 0.05) d.fire(MASS);
        if (x[F.PRO_NETWORK]! > 0) d.fire(PRO);
        if (x[PRO_MAIL]! > 0) d.fire(RECRUITER);
      },
      cases(d, s) {
        // Confidential files to a new outside correspondent, or — after recruiter contact —
        // confidential files or attachments to a personal address.
        const recruiter = d.within(RECRUITER, 60) > 0;
        const confToNewDestination = d.has(EMAIL_CONF) && s.confNewDestDay === d.day;
        if ((d.has(NEW_RECIPIENT) || recruiter) && confToNewDestination) d.fire(CASE3);
      },
      learn(d, s) {
        if (d.x[F.PERSONAL_ATTACH]! > 0) s.personalDays++;
      },
      snapshot: (s) => ({
        contacts: [...s.contacts],
        personalDays: s.personalDays,
        confNewDestDay: s.confNewDestDay,
      }),
      restore(raw, legacy) {
        if (raw === undefined)
          return {
            contacts: new Map((legacy?.contacts ?? []) as [string, number][]),
            personalDays: 0,
            confNewDestDay: -1,
          };
        const r = raw as { contacts?: [string, number][]; personalDays?: number; confNewDestDay?: number };
        return {
          contacts: new Map(r.contacts ?? []),
          personalDays: r.personalDays ?? 0,
          confNewDestDay: r.confNewDestDay ?? -1,
        };
      },
    };
  },
});
