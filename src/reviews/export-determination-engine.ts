import type { Concern } from "../export-control/catch-all-rules.js";
import type { CountryGroupTable } from "../export-control/country-groups.js";
import type { ExceptionRecord } from "../export-control/exceptions.js";
import type { Judgement } from "../export-control/item-classification.js";
import type { Label } from "../export-control/legal-sources.js";
import {
  combineDeterminations,
  determineLicence,
  type EndUse,
  type ItemKind,
  type LicenceDetermination,
  type LicenceResult,
} from "../export-control/licence-engine.js";
import {
  type Coverage,
  type LicenceFacts,
  licenceCovers,
} from "../export-control/licence-register-engine.js";
import type { Classification } from "./classification-engine.js";
import type { Answers } from "./questionnaire-engine.js";
import type { TransactionCheck } from "./risk-engine.js";

/**
 * Puts a review's facts in front of the licence-requirement engine: what the activity exports (goods,
 * technology, or nothing the 外為法 licenses), the goods and technologies linked from the item master
 * (each with its own 判定 and exceptions) or the review's own 該非判定, the destination, the recipients'
 * residency and 特定類型, the end user's End User List concerns and the transaction review's answers.
 * Then decides whether the linked licences satisfy a "licence required" result. Pure.
 */

/** Export facts recorded on a review by the applicant and the officers. */
export type ExportFacts = {
  /** Goods: 仕向地. Technology: where provided, or the recipient's country. */
  destinationCountry: string | null;
  finalDestinationCountry: string | null;
  /** Day of the export or provision; defaults to the application's start date. */
  plannedOn: string | null;
  /** Technology provided in a foreign country (e.g. on a trip). null = decided by the activity. */
  providedAbroad: boolean | null;
  statedUse: EndUse;
  useNote: string;
  informedWmd: boolean;
  informedConventional: boolean;
  informNote: string;
  diversionConcern: boolean;
  clearlyNoConcern: boolean;
  clearlyNote: string;
  knownWmdActivity: boolean;
  knownConventionalActivity: boolean;
};

export const EMPTY_EXPORT_FACTS: ExportFacts = {
  destinationCountry: null,
  finalDestinationCountry: null,
  plannedOn: null,
  providedAbroad: null,
  statedUse: "unknown",
  useNote: "",
  informedWmd: false,
  informedConventional: false,
  informNote: "",
  diversionConcern: false,
  clearlyNoConcern: false,
  clearlyNote: "",
  knownWmdActivity: false,
  knownConventionalActivity: false,
};

/** What an activity exports in the 外為法 sense; null when it exports nothing a licence is about. */
export type ExportProfile = { goods: boolean; technology: boolean; providedAbroad: boolean; reason: Label };

/**
 * Profiles per activity type, from its 事前確認 answers. A new activity type (e.g. hiring or
 * contracting) adds one entry; an unknown type exports nothing until it does.
 */
export const EXPORT_PROFILES: Record<string, (a: Answers) => ExportProfile | null> = {
  goods_export: () => ({
    goods: true,
    technology: false,
    providedAbroad: false,
    reason: { ja: "貨物・サンプルの輸出", en: "Export of goods or samples" },
  }),
  technology_provision: () => ({
    goods: false,
    technology: true,
    providedAbroad: false,
    reason: { ja: "技術の提供", en: "Technology provision" },
  }),
  overseas_trip: (a) =>
    a.carrying_goods === true || a.controlled_tech === true || a.public_only === false
      ? {
          goods: a.carrying_goods === true,
          technology: a.controlled_tech === true || a.public_only === false,
          providedAbroad: true,
          reason: {
            ja: "海外での技術提供・機器や試料の携行（携行も貨物の輸出）",
            en: "Technology provided abroad, or equipment/samples carried (carrying is an export)",
          },
        }
      : null,
  acceptance: (a) =>
    a.tech_provided === true
      ? {
          goods: false,
          technology: true,
          providedAbroad: false,
          reason: { ja: "受入者への技術提供（みなし輸出）", en: "Technology to the visitor (deemed export)" },
        }
      : null,
  joint_research: (a) =>
    a.partner_lab_access === true || a.controlled_tech === true || a.public_only === false
      ? {
          goods: false,
          technology: true,
          providedAbroad: false,
          reason: { ja: "共同研究での技術提供", en: "Technology provided in joint research" },
        }
      : null,
  data_sharing: () => ({
    goods: false,
    technology: true,
    providedAbroad: false,
    reason: { ja: "データ（技術）の提供", en: "Providing data (technology)" },
  }),
  outside_appointment: (a) =>
    a.controlled_tech === true
      ? {
          goods: false,
          technology: true,
          providedAbroad: false,
          reason: { ja: "兼業先への技術提供", en: "Technology to the outside employer" },
        }
      : null,
};

/** The export profile of a review (null for activities the 外為法 licence does not concern). */
export function exportProfileFor(activityType: string, answers: Answers): ExportProfile | null {
  return EXPORT_PROFILES[activityType]?.(answers) ?? null;
}

export type ReviewItemFact = {
  itemId: string;
  refNo: string;
  name: string;
  kind: ItemKind;
  judgement: Judgement;
  /** Exceptions recorded for this review in addition to the item's own. */
  extraExceptions: ExceptionRecord[];
  quantity: number | null;
  valueJpy: number | null;
};

export type RecipientFact = {
  name: string;
  residency: "resident" | "non_resident" | "unknown";
  tokutei: boolean;
};

export type ReviewExportInput = {
  activityType: string;
  answers: Answers;
  facts: ExportFacts;
  classification: Classification | null;
  items: ReviewItemFact[];
  recipients: RecipientFact[];
  transactionCheck: TransactionCheck | null;
  eulConcerns: Concern[];
  /** The country of an organisation counterparty (consignee, end user, host …), used when no destination is recorded. */
  counterpartyCountry: string | null;
  startDate: string | null;
  today: string;
};

export type ItemDetermination = {
  itemId: string | null;
  /** The list item (1–15) of the goods or technology, for matching licences. */
  listedItem: string | null;
  label: Label;
  kind: ItemKind;
  determination: LicenceDetermination;
};

export type ReviewLicenceView = {
  applicable: boolean;
  profile: ExportProfile | null;
  result: LicenceResult | "not_applicable";
  items: ItemDetermination[];
  destination: { country: string | null; source: "facts" | "counterparty" | null };
  date: string;
  recipient: { residency: "resident" | "non_resident" | "unknown"; tokutei: boolean; names: string[] };
};

/** The recipients' residency taken together: any non-resident decides; then any unknown. */
export function combinedResidency(recipients: RecipientFact[]): RecipientFact["residency"] {
  if (recipients.some((r) => r.residency === "non_resident")) return "non_resident";
  if (recipients.length === 0 || recipients.some((r) => r.residency === "unknown")) return "unknown";
  return "resident";
}

const itemKinds = (regime: Judgement["regime"], profile: ExportProfile): ItemKind[] =>
  regime === "export_order"
    ? ["goods"]
    : regime === "fx_order"
      ? ["technology"]
      : regime === "both"
        ? ["goods", "technology"]
        : [
            ...(profile.goods ? (["goods"] as const) : []),
            ...(profile.technology ? (["technology"] as const) : []),
          ];

/**
 * Runs the licence-requirement engine for every item of the review (or its own 該非判定 when no item
 * is linked) and combines the results: the strictest wins.
 */
export function determineForReview(input: ReviewExportInput, groups: CountryGroupTable): ReviewLicenceView {
  const profile = exportProfileFor(input.activityType, input.answers);
  const date = input.facts.plannedOn ?? input.startDate ?? input.today;
  const country = input.facts.destinationCountry ?? input.counterpartyCountry;
  const source = input.facts.destinationCountry ? "facts" : input.counterpartyCountry ? "counterparty" : null;
  const residency = combinedResidency(input.recipients);
  const tokutei = input.recipients.some((r) => r.residency === "resident" && r.tokutei);
  const base = {
    profile,
    destination: { country, source } as ReviewLicenceView["destination"],
    date,
    recipient: { residency, tokutei, names: input.recipients.map((r) => r.name) },
  };
  if (!profile) return { ...base, applicable: false, result: "not_applicable", items: [] };
  const check = input.transactionCheck;
  const knownWmd =
    check?.endUse?.wmd === true ||
    check?.akiraka?.doc_mentions_wmd === true ||
    check?.akiraka?.told_wmd === true;
  const knownConventional = check?.endUse?.conventional === true;
  const providedAbroad = input.facts.providedAbroad ?? profile.providedAbroad;
  const run = (kind: ItemKind, j: Judgement, exceptions: ExceptionRecord[], name: string) =>
    determineLicence(
      {
        date,
        item: {
          kind,
          name,
          listedItem: j.listStatus === "listed" ? j.item : null,
          catchAllCategory: j.listStatus === "listed" ? null : j.catchAllCategory,
          exceptions: [...new Set(exceptions.map((e) => e.code))],
        },
        destinationCountry: country,
        finalDestinationCountry: input.facts.finalDestinationCountry,
        technology: { recipientResidency: residency, recipientTokutei: tokutei, providedAbroad },
        use: { stated: input.facts.statedUse, knownWmd, knownConventional },
        endUser: {
          eulConcerns: input.eulConcerns,
          knownWmdActivity: input.facts.knownWmdActivity,
          knownConventionalActivity: input.facts.knownConventionalActivity,
          clearlyNoConcern: input.facts.clearlyNoConcern,
        },
        informed: { wmd: input.facts.informedWmd, conventional: input.facts.informedConventional },
        diversionConcern: input.facts.diversionConcern,
      },
      groups,
    );
  const items: ItemDetermination[] = [];
  if (input.items.length > 0) {
    for (const it of input.items) {
      const exceptions = it.kind === "technology" ? [...it.judgement.exceptions, ...it.extraExceptions] : [];
      items.push({
        itemId: it.itemId,
        listedItem: it.judgement.listStatus === "listed" ? it.judgement.item : null,
        label: { ja: `${it.refNo} ${it.name}`, en: `${it.refNo} ${it.name}` },
        kind: it.kind,
        determination: run(it.kind, it.judgement, exceptions, it.name),
      });
    }
  } else if (input.classification && input.classification.listStatus !== null) {
    const c = input.classification;
    for (const kind of itemKinds(c.regime, profile)) {
      items.push({
        itemId: null,
        listedItem: c.listStatus === "listed" ? c.item : null,
        label:
          kind === "goods"
            ? { ja: "申請の貨物", en: "The goods" }
            : { ja: "申請の技術", en: "The technology" },
        kind,
        determination: run(kind, c, kind === "technology" ? (c.exceptions ?? []) : [], ""),
      });
    }
  }
  const result =
    items.length === 0 ? "undetermined" : combineDeterminations(items.map((i) => i.determination));
  return { ...base, applicable: true, result, items };
}

export type LicenceGate = {
  /** The determination says a licence is required (incl. inform). */
  required: boolean;
  /** The determination could not be made (facts or classification missing). */
  undetermined: boolean;
  /** A linked licence covers it (or an application in progress is recorded). */
  satisfied: boolean;
  /** Satisfied only by an application in progress. */
  pending: boolean;
  coverage: { licenceId: string; coverage: Coverage }[];
  reason: Label;
};

/**
 * Whether the review may be approved as far as licences go: not required, or required and a linked
 * licence covers every item to the destination on the date (an application in progress counts, and
 * is reported as pending so the approval carries the "not before the licence" condition).
 */
export function licenceGate(
  view: ReviewLicenceView,
  linked: LicenceFacts[],
  items: ReviewItemFact[],
  groups: CountryGroupTable,
): LicenceGate {
  const none = { coverage: [] };
  if (!view.applicable || view.result === "not_applicable" || view.result === "not_required")
    return {
      ...none,
      required: false,
      undetermined: false,
      satisfied: true,
      pending: false,
      reason: { ja: "許可は不要です", en: "No licence is required" },
    };
  if (view.result === "undetermined")
    return {
      ...none,
      required: false,
      undetermined: true,
      satisfied: false,
      pending: false,
      reason: {
        ja: "輸出許可の要否が判定できていません（仕向地・該非判定・居住性などの不足）",
        en: "The licence requirement cannot be decided yet (destination, classification or residency missing)",
      },
    };
  const needItems = view.items
    .filter((i) => i.determination.licenceRequired)
    .map((i) => ({ itemId: i.itemId, listedItem: i.listedItem }));
  const quantity = items.some((i) => i.quantity !== null)
    ? items.reduce((s, i) => s + (i.quantity ?? 0), 0)
    : null;
  const valueJpy = items.some((i) => i.valueJpy !== null)
    ? items.reduce((s, i) => s + (i.valueJpy ?? 0), 0)
    : null;
  const coverage = linked.map((l) => ({
    licenceId: l.id,
    coverage: licenceCovers(
      l,
      { date: view.date, destinationCountry: view.destination.country, items: needItems, quantity, valueJpy },
      groups,
    ),
  }));
  const granted = coverage.find((c) => c.coverage.covers && !c.coverage.pending);
  const pending = coverage.find((c) => c.coverage.covers && c.coverage.pending);
  if (granted)
    return {
      coverage,
      required: true,
      undetermined: false,
      satisfied: true,
      pending: false,
      reason: granted.coverage.reason,
    };
  if (pending)
    return {
      coverage,
      required: true,
      undetermined: false,
      satisfied: true,
      pending: true,
      reason: pending.coverage.reason,
    };
  return {
    coverage,
    required: true,
    undetermined: false,
    satisfied: false,
    pending: false,
    reason:
      linked.length === 0
        ? {
            ja: "輸出許可が必要ですが、有効な許可（または申請中の記録）が紐付けられていません",
            en: "A licence is required, but no valid licence (or application in progress) is linked",
          }
        : {
            ja: `紐付けられた許可が対象をカバーしていません: ${coverage.map((c) => c.coverage.reason.ja).join(" / ")}`,
            en: `The linked licences do not cover it: ${coverage.map((c) => c.coverage.reason.en).join(" / ")}`,
          },
  };
}
