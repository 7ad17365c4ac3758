/**
 * Patterns across reporters: which facts of a report can link it to reports by other people (the
 * same sender, organisation, e-mail address or domain, profile URL, phone number, or a near-duplicate
 * message), why two reports are linked, and how a cluster is summarised for the security office.
 * Pure: no IO, no clock (the caller passes "now").
 */
import type { FuzzyLinkKind } from "./approach-link-engine.js";
import { type ApproachChannel, type Bilingual, CHANNEL_LABELS } from "./approach-risk-engine.js";
import { estimateSimilarity, NEAR_DUPLICATE_THRESHOLD } from "./text-similarity-engine.js";

export const LINK_KINDS = [
  "profile_url",
  "email",
  "phone",
  "sender_name",
  "organisation",
  "email_domain",
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Every kind of link: exact keys, near-identical text, and the link engine's fuzzy links. */
export type AnyLinkKind = LinkKind | "text" | FuzzyLinkKind;

export const LINK_KIND_LABELS: Record<AnyLinkKind, Bilingual> = {
  profile_url: { ja: "同じプロフィールURL", en: "same profile URL" },
  email: { ja: "同じメールアドレス", en: "same e-mail address" },
  phone: { ja: "同じ電話番号", en: "same phone number" },
  sender_name: { ja: "同じ送信者名", en: "same sender name" },
  organisation: { ja: "同じ組織名", en: "same organisation" },
  email_domain: { ja: "同じメールドメイン", en: "same e-mail domain" },
  text: { ja: "ほぼ同じ文面", en: "near-identical message text" },
  similar_sender: { ja: "よく似た送信者名", en: "similar sender name" },
  similar_organisation: { ja: "よく似た組織名", en: "similar organisation name" },
  organisation_acronym: { ja: "組織名とその略称", en: "organisation and its acronym" },
  same_request: { ja: "同じ依頼内容", en: "same request" },
};

/** Who the contact was, as typed by the reporter. */
export type SenderFacts = {
  senderName?: string | null | undefined;
  organisation?: string | null | undefined;
  email?: string | null | undefined;
  profileUrl?: string | null | undefined;
  phone?: string | null | undefined;
};

export type LinkKey = { kind: LinkKind; value: string };

/**
 * Webmail providers anyone can use: sharing one of these domains says nothing, so they never link
 * reports (the full address still does).
 */
export const FREE_MAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "yahoo.co.jp",
  "ymail.com",
  "outlook.com",
  "outlook.jp",
  "hotmail.com",
  "hotmail.co.jp",
  "live.com",
  "live.jp",
  "msn.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.de",
  "mail.ru",
  "yandex.ru",
  "yandex.com",
  "qq.com",
  "163.com",
  "126.com",
  "sina.com",
  "sohu.com",
  "foxmail.com",
  "naver.com",
  "daum.net",
  "docomo.ne.jp",
  "ezweb.ne.jp",
  "au.com",
  "softbank.ne.jp",
  "i.softbank.jp",
  "nifty.com",
  "biglobe.ne.jp",
  "ocn.ne.jp",
  "zoho.com",
  "tutanota.com",
  "hey.com",
  "fastmail.com",
]);

/** Folds text for comparison: NFKC, lower case, hiragana → katakana. */
function fold(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .trim();
}

/** An e-mail address in canonical form, or null when it is not one. */
export function normaliseEmail(raw: string): string | null {
  const email = fold(raw).replace(/^mailto:/, "");
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null;
}

/**
 * A profile URL reduced to host + path: scheme, "www."/"m."/country sub-domains of the big
 * networks, query strings, fragments and trailing slashes removed, so
 * `https://jp.linkedin.com/in/Kevin-Lee-123/?trk=x` and `linkedin.com/in/kevin-lee-123` match.
 */
export function normaliseProfileUrl(raw: string): string | null {
  let text = raw.trim();
  if (text === "") return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  let host = url.hostname.toLowerCase().replace(/^(www|m|mobile)\./, "");
  // Country sub-domains of the professional networks (jp.linkedin.com, de.linkedin.com …).
  host = host.replace(/^[a-z]{2}\.(linkedin\.com)$/, "$1");
  if (!host.includes(".")) return null;
  let path = decodeURIComponent(url.pathname).toLowerCase().replace(/\/+$/, "");
  if (path === "" || path === "/") path = "";
  // A bare domain is an organisation's site, not a profile.
  if (path === "") return null;
  return `${host}${path}`;
}

/**
 * A phone number as digits in international form: "+81 90-1234-5678", "090(1234)5678" and
 * "0081 90 1234 5678" all become 819012345678. Too-short numbers are ignored.
 */
export function normalisePhone(raw: string): string | null {
  const text = raw.normalize("NFKC").trim();
  let digits = text.replace(/\D/g, "");
  if (text.startsWith("+")) {
    // already international
  } else if (digits.startsWith("00")) {
    digits = digits.slice(2);
  } else if (digits.startsWith("0")) {
    // A domestic Japanese number (the installation's home country).
    digits = `81${digits.slice(1)}`;
  }
  return digits.length >= 9 && digits.length <= 15 ? digits : null;
}

const CJK_LEGAL_FORMS =
  /(株式会社|有限会社|合同会社|一般社団法人|公益社団法人|一般財団法人|\(株\)|\(有\)|股份有限公司|有限责任公司|有限公司|集团)/gu;
const LATIN_LEGAL_FORMS =
  /(?<![\p{L}\p{N}])(co\.?,?\s*ltd\.?|company limited|limited|ltd\.?|inc\.?|incorporated|corporation|corp\.?|llc|l\.l\.c\.|gmbh|ag|s\.a\.|plc|pte\.?|pty\.?|group|holdings?)(?![\p{L}\p{N}])/giu;

/** An organisation name without legal form, punctuation or spaces ("Acme Co., Ltd." → "acme"). */
export function normaliseOrganisation(raw: string): string | null {
  const text = fold(raw)
    .replace(CJK_LEGAL_FORMS, " ")
    .replace(LATIN_LEGAL_FORMS, " ")
    .replace(/[^\p{L}\p{N}]+/gu, "");
  return [...text].length >= 3 ? text : null;
}

/**
 * Keys for a person's name in both word orders: "Kevin Lee" and "Lee Kevin" share one, and "山田 太郎"
 * matches "山田太郎". Names shorter than three characters are too common to link on.
 */
export function normaliseNameKeys(raw: string): string[] {
  const tokens = fold(raw)
    .replace(/[^\p{L}\p{N}\s]+/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
  const joined = tokens.join("");
  if ([...joined].length < 3) return [];
  const sorted = [...tokens].sort().join("");
  return [...new Set([joined, sorted])];
}

/** Every link key of a report (deduplicated). */
export function linkKeys(sender: SenderFacts): LinkKey[] {
  const keys: LinkKey[] = [];
  const add = (kind: LinkKind, value: string | null) => {
    if (value && !keys.some((k) => k.kind === kind && k.value === value)) keys.push({ kind, value });
  };
  if (sender.email) {
    const email = normaliseEmail(sender.email);
    add("email", email);
    const domain = email?.split("@")[1] ?? null;
    if (domain && !FREE_MAIL_DOMAINS.has(domain)) add("email_domain", domain);
  }
  if (sender.profileUrl) add("profile_url", normaliseProfileUrl(sender.profileUrl));
  if (sender.phone) add("phone", normalisePhone(sender.phone));
  if (sender.organisation) add("organisation", normaliseOrganisation(sender.organisation));
  if (sender.senderName) for (const k of normaliseNameKeys(sender.senderName)) add("sender_name", k);
  return keys;
}

/** What the pattern engine needs to know about one submitted report. */
export type PatternReport = {
  id: string;
  reporterId: string;
  submittedAt: string;
  channel: ApproachChannel;
  department: string | null;
  keys: readonly LinkKey[];
  signature: readonly number[] | null;
};

export type LinkReason = {
  kind: AnyLinkKind;
  value?: string;
  similarity?: number;
  /** Why, in both languages (fuzzy links). */
  detail?: Bilingual;
};

/** Why two reports are linked (empty when they are not). */
export function linkReasons(
  a: Pick<PatternReport, "keys" | "signature">,
  b: Pick<PatternReport, "keys" | "signature">,
  threshold = NEAR_DUPLICATE_THRESHOLD,
): LinkReason[] {
  const reasons: LinkReason[] = [];
  for (const k of a.keys) {
    if (b.keys.some((o) => o.kind === k.kind && o.value === k.value)) {
      // Both word orders of one name are the same reason.
      if (!reasons.some((r) => r.kind === k.kind)) reasons.push({ kind: k.kind, value: k.value });
    }
  }
  if (a.signature && b.signature) {
    const similarity = estimateSimilarity(a.signature, b.signature);
    if (similarity >= threshold)
      reasons.push({ kind: "text", similarity: Math.round(similarity * 100) / 100 });
  }
  return reasons.sort((x, y) => linkStrength(x.kind) - linkStrength(y.kind));
}

/** Stronger evidence first: an identical profile URL beats a shared organisation name. */
export function linkStrength(kind: AnyLinkKind): number {
  const order: AnyLinkKind[] = [
    "profile_url",
    "email",
    "phone",
    "text",
    "sender_name",
    "similar_sender",
    "organisation",
    "organisation_acronym",
    "similar_organisation",
    "same_request",
    "email_domain",
  ];
  return order.indexOf(kind);
}

const FUZZY_KINDS: Record<FuzzyLinkKind, true> = {
  similar_sender: true,
  similar_organisation: true,
  organisation_acronym: true,
  same_request: true,
};

/** A shared fact and the reports / distinct reporters that share it. */
export type SharedFact = {
  kind: AnyLinkKind;
  value: string | null;
  /** The reports sharing it (in a stored summary at most 50 of them: see approach-cluster-engine). */
  reportIds: string[];
  /** How many reports share it (absent in summaries stored before issue 11 §6). */
  reportCount?: number;
  reporterCount: number;
};

export type ClusterSummary = {
  reportCount: number;
  reporterCount: number;
  /** Distinct reporters whose reports were submitted in the recent window (e.g. 30 days). */
  recentReporterCount: number;
  /** The recent window, in days (the clustering window setting); absent in summaries stored before it. */
  recentDays?: number;
  firstAt: string;
  lastAt: string;
  channels: { channel: ApproachChannel; count: number }[];
  departments: { department: string; count: number }[];
  shared: SharedFact[];
  /** The strongest fact shared by the most reporters — what the alert names. */
  headline: SharedFact | null;
};

/**
 * Summarises a cluster: what its reports share, how many different people reported, and which
 * shared fact best describes it. Text links are grouped: reports whose messages are near-duplicates
 * of at least one other member count as sharing the "message text" fact.
 */
export function summariseCluster(
  members: readonly PatternReport[],
  now: Date,
  recentDays = 30,
  threshold = NEAR_DUPLICATE_THRESHOLD,
  /** Stored links between members; their fuzzy reasons (similar names, acronyms, same request) count as shared facts. */
  links: readonly { reportId: string; linkedReportId: string; reasons: readonly LinkReason[] }[] = [],
): ClusterSummary {
  const sorted = [...members].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  const recentFrom = now.getTime() - recentDays * 86_400_000;
  const reporters = new Set(sorted.map((m) => m.reporterId));
  const recent = new Set(
    sorted.filter((m) => Date.parse(m.submittedAt) >= recentFrom).map((m) => m.reporterId),
  );
  const byKey = new Map<
    string,
    { kind: LinkKind; value: string; ids: Set<string>; reporters: Set<string> }
  >();
  for (const m of sorted) {
    for (const k of m.keys) {
      const id = `${k.kind}\u0000${k.value}`;
      const entry = byKey.get(id) ?? { kind: k.kind, value: k.value, ids: new Set(), reporters: new Set() };
      entry.ids.add(m.id);
      entry.reporters.add(m.reporterId);
      byKey.set(id, entry);
    }
  }
  const shared: SharedFact[] = [];
  const seenNameSets = new Set<string>();
  for (const e of byKey.values()) {
    if (e.ids.size < 2) continue;
    const idsKey = `${e.kind}:${[...e.ids].sort().join(",")}`;
    if (e.kind === "sender_name") {
      if (seenNameSets.has(idsKey)) continue; // the other word order of the same name
      seenNameSets.add(idsKey);
    }
    shared.push({
      kind: e.kind,
      value: e.value,
      reportIds: [...e.ids],
      reportCount: e.ids.size,
      reporterCount: e.reporters.size,
    });
  }
  const textIds = new Set<string>();
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      if (a.signature && b.signature && estimateSimilarity(a.signature, b.signature) >= threshold) {
        textIds.add(a.id);
        textIds.add(b.id);
      }
    }
  }
  if (textIds.size >= 2) {
    const textReporters = new Set(sorted.filter((m) => textIds.has(m.id)).map((m) => m.reporterId));
    shared.push({
      kind: "text",
      value: null,
      reportIds: [...textIds],
      reportCount: textIds.size,
      reporterCount: textReporters.size,
    });
  }
  const memberIds = new Set(sorted.map((m) => m.id));
  const reporterOf = new Map(sorted.map((m) => [m.id, m.reporterId]));
  const fuzzy = new Map<AnyLinkKind, { value: string | null; ids: Set<string> }>();
  for (const l of links) {
    if (!memberIds.has(l.reportId) || !memberIds.has(l.linkedReportId)) continue;
    for (const reason of l.reasons) {
      if (!(reason.kind in FUZZY_KINDS)) continue;
      const entry = fuzzy.get(reason.kind) ?? { value: reason.value ?? null, ids: new Set<string>() };
      entry.ids.add(l.reportId);
      entry.ids.add(l.linkedReportId);
      fuzzy.set(reason.kind, entry);
    }
  }
  for (const [kind, e] of fuzzy) {
    const reporters = new Set([...e.ids].map((id) => reporterOf.get(id)));
    shared.push({
      kind,
      value: e.value,
      reportIds: [...e.ids],
      reportCount: e.ids.size,
      reporterCount: reporters.size,
    });
  }
  shared.sort(
    (a, b) =>
      b.reporterCount - a.reporterCount ||
      linkStrength(a.kind) - linkStrength(b.kind) ||
      (a.value ?? "").localeCompare(b.value ?? ""),
  );
  const count = <T extends string>(values: T[]) => {
    const m = new Map<T, number>();
    for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  return {
    reportCount: sorted.length,
    reporterCount: reporters.size,
    recentReporterCount: recent.size,
    recentDays,
    firstAt: sorted[0]?.submittedAt ?? now.toISOString(),
    lastAt: sorted[sorted.length - 1]?.submittedAt ?? now.toISOString(),
    channels: count(sorted.map((m) => m.channel)).map(([channel, n]) => ({ channel, count: n })),
    departments: count(sorted.map((m) => m.department).filter((d): d is string => !!d)).map(
      ([department, n]) => ({ department, count: n }),
    ),
    shared,
    headline: shared[0] ?? null,
  };
}

/**
 * The alert the security office receives, e.g. "3 people reported approaches from the same
 * profile URL (linkedin.com/in/kevin-lee-123) — 3 in the last 30 days".
 */
export function clusterAlert(
  summary: ClusterSummary,
  recentDays = summary.recentDays ?? 30,
): { title: Bilingual; detail: Bilingual } {
  const h = summary.headline;
  const what = h ? LINK_KIND_LABELS[h.kind] : { ja: "共通点のある相手", en: "a related contact" };
  const value = h?.value ? `（${h.value}）` : "";
  const valueEn = h?.value ? ` (${h.value})` : "";
  const n = summary.reporterCount;
  const recent = summary.recentReporterCount;
  const channels = summary.channels.map((c) => CHANNEL_LABELS[c.channel]);
  return {
    title: {
      ja: `${n}人が${what.ja}${value}からの接触を報告（過去${recentDays}日で${recent}人）`,
      en: `${n} people reported approaches with the ${what.en}${valueEn} — ${recent} in the last ${recentDays} days`,
    },
    detail: {
      ja: `${summary.reportCount}件の報告（${channels.map((c) => c.ja).join("、")}）が${summary.shared
        .map((s) => LINK_KIND_LABELS[s.kind].ja)
        .join("・")}でつながっています。同じ相手が組織内の複数の人に接触している可能性があります。`,
      en: `${summary.reportCount} reports (${channels.map((c) => c.en).join(", ")}) are linked by ${summary.shared
        .map((s) => LINK_KIND_LABELS[s.kind].en)
        .join(", ")}. The same contact may be approaching several people in the organisation.`,
    },
  };
}
