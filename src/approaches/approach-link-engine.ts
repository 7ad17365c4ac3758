/**
 * Links between approach reports that exact keys miss (issue 14 §5): a campaign that changes its
 * sender's spelling by a letter (Michael / Micheal Chen) or writes it in another script (陳 明 /
 * Chen Ming), shortens its organisation to initials (Pacific Rim Technology Advisors / PRTA), drops
 * the e-mail address, or rewrites its message in the other language but asks and offers the same
 * thing (a fee for an hour's interview about solid-state battery electrolytes, ¥30,000). Names are
 * compared with the screening engine (any script, word order, spelling variants); every link says
 * why in Japanese and English. Pure: no IO.
 */
import { analyzeName, createMatchingIndex } from "../screening/engine/index.js";
import { skeleton } from "../screening/engine/similarity.js";
import type { ListEntity } from "../screening/screening-contract.js";
import type { Bilingual } from "./approach-risk-engine.js";
import { ASK_LABELS, type AskKind, OFFER_LABELS, type OfferKind } from "./approach-risk-engine.js";
import { TOPICS } from "./approach-topics.js";

/** What the link engine reads of a submitted report. */
export type LinkProfile = {
  id: string;
  senderName: string | null;
  organisation: string | null;
  email: string | null;
  offered: readonly string[];
  asked: readonly string[];
  /** Message, description and the free-text "other" offers and asks, joined. */
  text: string;
};

export type FuzzyLinkKind =
  | "similar_sender"
  | "similar_organisation"
  | "organisation_acronym"
  | "same_request";

export type FuzzyLinkReason = {
  kind: FuzzyLinkKind;
  value?: string;
  similarity?: number;
  /** Why, in both languages. */
  detail: Bilingual;
};

/** Sender names at or above this screening score are the same person written differently. */
export const SENDER_THRESHOLD = 0.88;
/** Organisation names need more: they share generic words ("Technology", "Institute"). */
export const ORGANISATION_THRESHOLD = 0.92;

// ── amounts ─────────────────────────────────────────────────────────────────────────────────────

export type Amount = { currency: "JPY" | "USD" | "EUR" | "GBP" | "CNY"; value: number };

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
const MULTIPLIER: Record<string, number> = { 万: 10_000, 千: 1_000, k: 1_000, 億: 100_000_000 };

function num(int: string, frac: string | undefined, mult: string | undefined): number {
  const base = Number(`${int.replace(/,/g, "")}${frac ? `.${frac}` : ""}`);
  return base * (mult ? (MULTIPLIER[mult.toLowerCase()] ?? 1) : 1);
}

const AMOUNT_PATTERNS: { currency: Amount["currency"]; re: RegExp; order: "prefix" | "suffix" }[] = [
  { currency: "JPY", re: new RegExp(String.raw`(?:¥|jpy\s?)${NUMBER}\s*(万|千|k)?`, "giu"), order: "prefix" },
  {
    currency: "JPY",
    re: new RegExp(String.raw`${NUMBER}\s*(万|千|億|k)?\s*(?:円|yen\b|jpy\b)`, "giu"),
    order: "suffix",
  },
  { currency: "USD", re: new RegExp(String.raw`(?:us\$|\$|usd\s?)${NUMBER}\s*(k)?`, "giu"), order: "prefix" },
  {
    currency: "USD",
    re: new RegExp(String.raw`${NUMBER}\s*(万|千|k)?\s*(?:米?ドル|dollars?\b|usd\b)`, "giu"),
    order: "suffix",
  },
  { currency: "EUR", re: new RegExp(String.raw`(?:€|eur\s?)${NUMBER}\s*(k)?`, "giu"), order: "prefix" },
  {
    currency: "EUR",
    re: new RegExp(String.raw`${NUMBER}\s*(万|千|k)?\s*(?:ユーロ|euros?\b|eur\b)`, "giu"),
    order: "suffix",
  },
  { currency: "GBP", re: new RegExp(String.raw`(?:£|gbp\s?)${NUMBER}\s*(k)?`, "giu"), order: "prefix" },
  {
    currency: "CNY",
    re: new RegExp(String.raw`${NUMBER}\s*(万|千|k)?\s*(?:人民元|元|rmb\b|cny\b|yuan\b)`, "giu"),
    order: "suffix",
  },
  {
    currency: "CNY",
    re: new RegExp(String.raw`(?:rmb|cny)\s?${NUMBER}\s*(万|千|k)?`, "giu"),
    order: "prefix",
  },
];

/** Sums of money a message names ("3万円", "¥30,000", "JPY 30k", "USD 3,000", "200ドル"). */
export function extractAmounts(text: string): Amount[] {
  const folded = text.normalize("NFKC").toLowerCase();
  const out: Amount[] = [];
  for (const { currency, re } of AMOUNT_PATTERNS) {
    for (const m of folded.matchAll(re)) {
      const value = num(m[1]!, m[2], m[3]);
      if (value > 0 && !out.some((a) => a.currency === currency && a.value === value))
        out.push({ currency, value });
    }
  }
  return out;
}

/** Two sums are the same offer when they are in the same currency and within 10 % of each other. */
function sameAmount(a: Amount, b: Amount): boolean {
  return a.currency === b.currency && Math.abs(a.value - b.value) <= 0.1 * Math.max(a.value, b.value);
}

function showAmount(a: Amount): string {
  return `${a.currency} ${a.value.toLocaleString("en-US")}`;
}

// ── topics ──────────────────────────────────────────────────────────────────────────────────────

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const TOPIC_MATCHERS = TOPICS.map((t) => ({
  id: t.id,
  ja: t.ja.map((w) => w.normalize("NFKC").toLowerCase()),
  en: new RegExp(`(?<![a-z0-9])(?:${t.en.map((w) => escapeRegExp(w.toLowerCase())).join("|")})`, "u"),
}));

/** The technology topics a text names, in Japanese or English. */
export function topicsOf(text: string): string[] {
  const folded = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
  return TOPIC_MATCHERS.filter((t) => t.ja.some((w) => folded.includes(w)) || t.en.test(folded)).map(
    (t) => t.id,
  );
}

// ── organisation acronyms ───────────────────────────────────────────────────────────────────────

const STOP_WORDS = new Set([
  "of",
  "and",
  "the",
  "for",
  "&",
  "de",
  "la",
  "du",
  "der",
  "und",
  "in",
  "on",
  "at",
]);
const LEGAL_WORDS = new Set([
  "co",
  "ltd",
  "limited",
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "llc",
  "gmbh",
  "ag",
  "sa",
  "plc",
  "pte",
  "pty",
  "kk",
  "company",
]);

/**
 * The initials of a Latin-script organisation name of three words or more ("Pacific Rim Technology
 * Advisors" → "prta"), and any acronym it gives in parentheses ("… (PRTA)").
 */
export function acronymsOf(organisation: string): string[] {
  const text = organisation.normalize("NFKC");
  const out = new Set<string>();
  for (const m of text.matchAll(/\(([A-Za-z][A-Za-z.&]{1,9})\)/g))
    out.add(m[1]!.replace(/[.&]/g, "").toLowerCase());
  const words = text
    .replace(/\([^)]*\)/g, " ")
    .toLowerCase()
    .split(/[^a-z0-9&]+/)
    .filter((w) => w && !STOP_WORDS.has(w) && !LEGAL_WORDS.has(w));
  if (words.length >= 3 && words.every((w) => /^[a-z]/.test(w))) out.add(words.map((w) => w[0]).join(""));
  return [...out].filter((a) => a.length >= 3);
}

/** An organisation written as a short form: one token of 3–8 letters ("PRTA", "P.R.T.A."). */
export function shortForm(organisation: string): string | null {
  const text = organisation
    .normalize("NFKC")
    .replace(/\b(co|ltd|inc|llc|corp)\b\.?/gi, "")
    .replace(/[.,\s]+/g, "")
    .trim();
  return /^[A-Za-z]{3,8}$/.test(text) && text === text.toUpperCase() ? text.toLowerCase() : null;
}

function emailDomainLabel(email: string | null): string | null {
  const domain = email?.trim().toLowerCase().split("@")[1];
  return domain ? (domain.split(".")[0] ?? null) : null;
}

// ── names through the screening engine ──────────────────────────────────────────────────────────

function entity(id: string, name: string, schema: "Person" | "Organization"): ListEntity {
  return {
    source: "approach",
    sourceId: id,
    schema,
    names: [{ name, kind: "primary" }],
    countries: [],
    birthDates: [],
    identifiers: [],
    programs: [],
  };
}

/** Folded text two names are "the same" in (so an exact key already links them). */
function foldName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .sort()
    .join(" ");
}

/**
 * What the link engine derives from one report's profile, computed once per profile object: the
 * candidates' profiles come from the candidate cache (candidate-cache.ts) as the same objects from
 * one submission to the next, so their folded names, acronyms and request profile (the amount and
 * topic look-ups over the whole text) are not worked out again for every report they are compared
 * with (issue 11 §6). Profiles are read-only; a changed report is a new object (new version).
 */
type Derived = {
  fold: { senderName?: string; organisation?: string };
  short?: string | null;
  acronyms?: string[];
  domain?: string | null;
  request?: RequestProfile;
};
const derivedOf = new WeakMap<LinkProfile, Derived>();
function derived(p: LinkProfile): Derived {
  let d = derivedOf.get(p);
  if (!d) {
    d = { fold: {} };
    derivedOf.set(p, d);
  }
  return d;
}
function foldedName(p: LinkProfile, field: "senderName" | "organisation"): string {
  const d = derived(p);
  let f = d.fold[field];
  if (f === undefined) {
    f = foldName(p[field]!);
    d.fold[field] = f;
  }
  return f;
}
function shortOf(p: LinkProfile): string | null {
  const d = derived(p);
  if (d.short === undefined) d.short = p.organisation ? shortForm(p.organisation) : null;
  return d.short;
}
function acronymsOfProfile(p: LinkProfile): string[] {
  const d = derived(p);
  d.acronyms ??= p.organisation ? acronymsOf(p.organisation) : [];
  return d.acronyms;
}
function domainOf(p: LinkProfile): string | null {
  const d = derived(p);
  if (d.domain === undefined) d.domain = emailDomainLabel(p.email);
  return d.domain;
}
function requestOf(p: LinkProfile): RequestProfile {
  const d = derived(p);
  d.request ??= requestProfile(p);
  return d.request;
}

function nameLinks(
  self: LinkProfile,
  others: readonly LinkProfile[],
  field: "senderName" | "organisation",
): Map<string, FuzzyLinkReason> {
  const out = new Map<string, FuzzyLinkReason>();
  const mine = self[field]?.trim();
  if (!mine) return out;
  const myFold = foldName(mine);
  const withName = others.filter((o) => o[field]?.trim() && foldedName(o, field) !== myFold);
  if (withName.length === 0) return out;
  const schema = field === "senderName" ? "Person" : "Organization";
  const index = createMatchingIndex({ candidates: 64 });
  for (const o of withName) index.add(entity(o.id, o[field]!.trim(), schema), o.id);
  index.build();
  const threshold = field === "senderName" ? SENDER_THRESHOLD : ORGANISATION_THRESHOLD;
  for (const hit of index.match({ name: mine, schema }, { limit: 50, minScore: threshold })) {
    const other = withName.find((o) => o.id === hit.sourceId)!;
    const kind: FuzzyLinkKind = field === "senderName" ? "similar_sender" : "similar_organisation";
    out.set(other.id, {
      kind,
      value: `${mine} ≈ ${other[field]!.trim()}`,
      similarity: Math.round(hit.score * 100) / 100,
      detail: hit.explanation.summary,
    });
  }
  return out;
}

// ── what was asked and offered ──────────────────────────────────────────────────────────────────

export type RequestProfile = { offered: string[]; asked: string[]; amounts: Amount[]; topics: string[] };

/** What a report says was offered and asked, with the sums and technology topics its text names. */
export function requestProfile(p: LinkProfile): RequestProfile {
  return {
    offered: p.offered.filter((o) => o !== "other"),
    asked: p.asked.filter((a) => a !== "other"),
    amounts: extractAmounts(p.text),
    topics: topicsOf(p.text),
  };
}

/**
 * The same request: both reports name a common offer (fee, job, travel …) and a common ask
 * (information, data, samples …), and also the same technology topic — or the same sum of money
 * with at least three offers and asks in common. Offer and ask alone are too common to link on.
 */
export function sameRequest(a: RequestProfile, b: RequestProfile): FuzzyLinkReason | null {
  const offered = a.offered.filter((o) => b.offered.includes(o));
  const asked = a.asked.filter((x) => b.asked.includes(x));
  if (offered.length === 0 || asked.length === 0) return null;
  const amounts = a.amounts.filter((x) => b.amounts.some((y) => sameAmount(x, y)));
  const topics = a.topics.filter((t) => b.topics.includes(t));
  // A topic in common is specific; a sum alone needs a fuller match of what was offered and asked.
  if (topics.length === 0 && !(amounts.length > 0 && offered.length + asked.length >= 3)) return null;
  const topicLabels = topics.map((id) => TOPICS.find((t) => t.id === id)!.label);
  const offerLabels = offered.map((o) => OFFER_LABELS[o as OfferKind] ?? { ja: o, en: o });
  const askLabels = asked.map((x) => ASK_LABELS[x as AskKind] ?? { ja: x, en: x });
  const money = amounts.map(showAmount).join(", ");
  return {
    kind: "same_request",
    detail: {
      ja: `同じ依頼: 提示「${offerLabels.map((l) => l.ja).join("・")}」、依頼「${askLabels.map((l) => l.ja).join("・")}」${
        money ? `、金額 ${money}` : ""
      }${topicLabels.length ? `、分野「${topicLabels.map((l) => l.ja).join("・")}」` : ""}`,
      en: `Same request: offered ${offerLabels.map((l) => l.en.toLowerCase()).join(", ")}; asked for ${askLabels
        .map((l) => l.en.toLowerCase())
        .join(", ")}${money ? `; amount ${money}` : ""}${
        topicLabels.length ? `; topic ${topicLabels.map((l) => l.en).join(", ")}` : ""
      }`,
    },
  };
}

/**
 * The links a new report has to earlier ones beyond exact keys, by report id: similar sender
 * names and organisation names (screening engine), an organisation and its acronym (or an e-mail
 * domain named after the acronym), and the same request. Each reason explains itself.
 */
export function fuzzyLinks(
  self: LinkProfile,
  others: readonly LinkProfile[],
): Map<string, FuzzyLinkReason[]> {
  const out = new Map<string, FuzzyLinkReason[]>();
  const add = (id: string, r: FuzzyLinkReason) => out.set(id, [...(out.get(id) ?? []), r]);
  const candidates = others.filter((o) => o.id !== self.id);
  for (const [id, r] of nameLinks(self, candidates, "senderName")) add(id, r);
  for (const [id, r] of nameLinks(self, candidates, "organisation")) add(id, r);

  const myShort = shortOf(self);
  const myAcronyms = acronymsOfProfile(self);
  const myDomain = domainOf(self);
  for (const o of candidates) {
    const theirShort = shortOf(o);
    const theirAcronyms = acronymsOfProfile(o);
    const theirDomain = domainOf(o);
    let reason: FuzzyLinkReason | null = null;
    const pair = (short: string, full: string, acronym: string): FuzzyLinkReason => ({
      kind: "organisation_acronym",
      value: `${short} = ${full}`,
      detail: {
        ja: `組織名「${full}」の頭字語「${acronym.toUpperCase()}」が「${short}」と一致`,
        en: `"${short}" is the acronym ${acronym.toUpperCase()} of "${full}"`,
      },
    });
    if (myShort && theirAcronyms.includes(myShort))
      reason = pair(self.organisation!.trim(), o.organisation!.trim(), myShort);
    else if (theirShort && myAcronyms.includes(theirShort))
      reason = pair(o.organisation!.trim(), self.organisation!.trim(), theirShort);
    else {
      const viaDomain = (acronyms: string[], domain: string | null, full: string | null) => {
        const hit = domain ? acronyms.find((a) => a === domain) : undefined;
        return hit && full
          ? {
              kind: "organisation_acronym" as const,
              value: `${full} ~ @${domain}`,
              detail: {
                ja: `組織名「${full}」の頭字語「${hit.toUpperCase()}」がメールドメイン「${domain}」と一致`,
                en: `The acronym ${hit.toUpperCase()} of "${full}" is the e-mail domain "${domain}"`,
              },
            }
          : null;
      };
      // Only a report that names no organisation is placed by its mail domain: two different full
      // names that happen to share initials are not the same organisation.
      reason =
        (o.organisation?.trim()
          ? null
          : viaDomain(myAcronyms, theirDomain, self.organisation?.trim() ?? null)) ??
        (self.organisation?.trim()
          ? null
          : viaDomain(theirAcronyms, myDomain, o.organisation?.trim() ?? null));
    }
    if (reason) add(o.id, reason);
  }

  const mine = requestOf(self);
  for (const o of candidates) {
    const r = sameRequest(mine, requestOf(o));
    if (r) add(o.id, r);
  }
  return out;
}

// ── blocking tokens: which earlier reports are worth comparing (issue 11 §6) ────────────────────

/** Sums within 10 % of each other fall in the same or a neighbouring bucket of this width (log scale). */
const AMOUNT_BUCKET = Math.log(1 / 0.9);
const amountBucket = (v: number) => Math.floor(Math.log(v) / AMOUNT_BUCKET);

function nameTokens(prefix: string, name: string | null): string[] {
  const raw = name?.trim();
  if (!raw) return [];
  const out = new Set<string>();
  const a = analyzeName(raw);
  for (const form of a.forms) {
    for (const t of form.tokens) {
      if (t.cls === "stop" || t.cls === "initial" || t.cls === "number") continue;
      const alts = [...t.alts, ...(t.variants ?? []).map((v) => v.alt)];
      for (const alt of alts) {
        out.add(`${prefix}w:${alt}`);
        const sk = skeleton(alt);
        if (sk.length >= 2) out.add(`${prefix}k:${sk}`);
      }
    }
  }
  for (const s of [a.cjk, a.cjkHangul]) {
    if (!s) continue;
    const chars = [...s];
    if (chars.length === 1) out.add(`${prefix}c:${chars[0]}`);
    for (let i = 0; i + 1 < chars.length; i++) out.add(`${prefix}c:${chars[i]}${chars[i + 1]}`);
  }
  return [...out];
}

/**
 * The blocking tokens of a report: an earlier report can have a fuzzy link to this one only if one
 * of this report's `query` tokens is among its `publish` tokens. Name links need a shared name word,
 * spelling variant, consonant skeleton or ideograph pair (of the screening engine's analysis, in any
 * script); acronym links a shared acronym / short form / mail-domain label; "same request" a shared
 * topic and offer, or a sum in the same or a neighbouring 10 % bucket and an offer. The link engine
 * still decides: tokens only choose whom it compares, so the look-up reads an index, not the window.
 */
export function blockingTokens(p: LinkProfile): { publish: string[]; query: string[] } {
  const publish = new Set<string>();
  const query = new Set<string>();
  const both = (t: string) => {
    publish.add(t);
    query.add(t);
  };
  for (const t of nameTokens("s", p.senderName)) both(t);
  for (const t of nameTokens("o", p.organisation)) both(t);

  const org = p.organisation?.trim() || null;
  const short = org ? shortForm(org) : null;
  const acronyms = org ? acronymsOf(org) : [];
  const domain = emailDomainLabel(p.email);
  for (const a of acronyms) publish.add(`a:acr:${a}`);
  if (short) publish.add(`a:short:${short}`);
  if (!org && domain) publish.add(`a:dom:${domain}`);
  if (short) query.add(`a:acr:${short}`);
  for (const a of acronyms) {
    query.add(`a:short:${a}`);
    query.add(`a:dom:${a}`);
  }
  if (!org && domain) query.add(`a:acr:${domain}`);

  const req = requestProfile(p);
  if (req.asked.length > 0) {
    for (const o of req.offered) {
      for (const t of req.topics) both(`r:t:${t}:${o}`);
      for (const a of req.amounts) {
        const b = amountBucket(a.value);
        publish.add(`r:m:${a.currency}:${b}:${o}`);
        for (const n of [b - 1, b, b + 1]) query.add(`r:m:${a.currency}:${n}:${o}`);
      }
    }
  }
  return { publish: [...publish], query: [...query] };
}
