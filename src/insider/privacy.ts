/**
 * Pseudonymisation for the insider module: people are shown by a stable pseudonym derived with an
 * installation secret (HMAC), never by name or account, until someone with the right role gives a
 * written reason to reveal them. Evidence is masked the same way: internal addresses become
 * pseudonyms, outside addresses keep only their domain, and account names inside file paths are
 * replaced. Pure functions (the secret is passed in).
 */
import { createHmac } from "node:crypto";
import type { TriageFeedback } from "./engine/engine.js";

const BASE32 = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no I, O, 0, 1: easy to read aloud

/** The pseudonym of an account, e.g. `P-7KQ3-M9XD`; the same account always gets the same one. */
export function pseudonymOf(secret: string, subjectKey: string): string {
  const mac = createHmac("sha256", secret).update(subjectKey.normalize("NFC")).digest();
  let out = "";
  for (let i = 0; i < 8; i++) out += BASE32[mac[i]! % 32];
  return `P-${out.slice(0, 4)}-${out.slice(4)}`;
}

export type MaskContext = {
  internalDomains: ReadonlySet<string>;
  /** Lower-cased e-mail → pseudonym, for people in the directory. */
  pseudonymByEmail: ReadonlyMap<string, string>;
  /** Account name → pseudonym. */
  pseudonymByKey: ReadonlyMap<string, string>;
};

/** Masks an e-mail address: internal people by pseudonym, everyone else by domain only. */
export function maskAddress(address: string, ctx: MaskContext): string {
  const lower = address.toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at === -1) return "***";
  const domain = lower.slice(at + 1);
  const known = ctx.pseudonymByEmail.get(lower);
  if (known) return `${known}@${domain}`;
  if (ctx.internalDomains.has(domain)) return `(internal)@${domain}`;
  return `***@${domain}`;
}

/** Replaces account names in a path or URL (e.g. `C:\Users\ACM2278\…`) with their pseudonyms. */
export function maskObject(text: string, ctx: MaskContext): string {
  return text.replace(
    /([\\/](?:users|home|documents and settings)[\\/])([^\\/]+)/gi,
    (_m, prefix: string, name: string) => {
      const p = ctx.pseudonymByKey.get(name) ?? ctx.pseudonymByKey.get(name.toUpperCase());
      return `${prefix}${p ?? "***"}`;
    },
  );
}

/**
 * Masks the address of a sign-in's source in a pseudonymised view: an IPv4 address keeps its first
 * two octets (`203.0.x.x`), an IPv6 address its first two groups; the country and network that
 * follow stay, because they are what the analyst judges, while a home address could identify the person.
 */
export function maskSourceAddress(text: string): string {
  return text
    .replace(/\b(\d{1,3}\.\d{1,3})\.\d{1,3}\.\d{1,3}\b/g, "$1.x.x")
    .replace(/^([0-9a-f]{1,4}:[0-9a-f]{1,4}):[0-9a-f:]*(?=\s|$)/i, "$1::x");
}

export type DecidedAlert = {
  subjectKey: string;
  status: "confirmed" | "non_issue";
  indicatorIds: string[];
  triagedAt: Date | null;
};

/**
 * Turns triage outcomes into scoring feedback. Per indicator: 0.5 + (confirmed + 1) / (decided + 2),
 * bounded to [0.5, 1.5] (1.0 with no outcomes). Per person: behaviour triaged as a non-issue weighs
 * half for 180 days, and a person with a confirmed alert weighs 1.25.
 */
export function feedbackFrom(decided: DecidedAlert[], now: Date): TriageFeedback {
  const confirmed = new Map<string, number>();
  const nonIssue = new Map<string, number>();
  const users: Record<string, number> = {};
  const userIndicators: Record<string, Record<string, number>> = {};
  const horizon = now.getTime() - 180 * 86_400_000;
  for (const a of decided) {
    const target = a.status === "confirmed" ? confirmed : nonIssue;
    for (const id of a.indicatorIds) target.set(id, (target.get(id) ?? 0) + 1);
    if (a.status === "confirmed") users[a.subjectKey] = 1.25;
    else if (!a.triagedAt || a.triagedAt.getTime() >= horizon) {
      const mine = userIndicators[a.subjectKey] ?? {};
      userIndicators[a.subjectKey] = mine;
      for (const id of a.indicatorIds) mine[id] = 0.5;
    }
  }
  const indicators: Record<string, number> = {};
  for (const id of new Set([...confirmed.keys(), ...nonIssue.keys()])) {
    const c = confirmed.get(id) ?? 0;
    const n = nonIssue.get(id) ?? 0;
    indicators[id] = Math.round(Math.min(1.5, Math.max(0.5, 0.5 + (c + 1) / (c + n + 2))) * 1000) / 1000;
  }
  return { indicators, users, userIndicators };
}
