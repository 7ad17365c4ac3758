import type { Executor } from "../db/database.js";
import type { AftercareService } from "../export-control/aftercare-service.js";
import type { Concern } from "../export-control/catch-all-rules.js";
import type { CountryGroupTable } from "../export-control/country-groups.js";
import { GROUP_LABELS } from "../export-control/country-groups.js";
import type { ExceptionRecord } from "../export-control/exceptions.js";
import { describeJudgement, type Judgement } from "../export-control/item-classification.js";
import type { ItemsService } from "../export-control/items-service.js";
import { citationText, type Label } from "../export-control/legal-sources.js";
import { RESULT_LABELS } from "../export-control/licence-engine.js";
import { LICENCE_KIND_LABELS, LICENCE_STATUS_LABELS } from "../export-control/licence-register-engine.js";
import type { LicencesService } from "../export-control/licences-service.js";
import type { PersonFact, ScreeningFact } from "../people/people-engine.js";
import type { Classification } from "./classification-engine.js";
import {
  determineForReview,
  EMPTY_EXPORT_FACTS,
  type ExportFacts,
  type LicenceGate,
  licenceGate,
  type RecipientFact,
  type ReviewItemFact,
} from "./export-determination-engine.js";
import type { Answers } from "./questionnaire-engine.js";
import type { ReviewsRepo } from "./reviews-repo.js";
import type { TransactionCheck } from "./risk-engine.js";

/**
 * Glue between a review and the export-control module: reads the review's items, facts and licence
 * links, runs the licence-requirement engine and the licence gate, and shapes the panel the web app
 * shows (every finding with its citations, in both languages).
 */

export type ReviewExportDeps = {
  countryGroups: (exec?: Executor) => Promise<CountryGroupTable>;
  items: Pick<ItemsService, "many">;
  licences: Pick<LicencesService, "factsFor">;
  aftercare: Pick<AftercareService, "createConditions" | "scheduleRescreen">;
};

export type ReviewItemView = {
  itemId: string;
  refNo: string;
  name: string;
  kind: "goods" | "technology";
  judgement: Judgement;
  summary: Label;
  extraExceptions: ExceptionRecord[];
  quantity: number | null;
  unit: string | null;
  valueJpy: number | null;
  note: string | null;
  /** The master's 判定 changed after it was linked: link it again to use the new 判定. */
  masterChanged: boolean;
  masterArchived: boolean;
};

export type LicencePanel = {
  applicable: boolean;
  profile: Label | null;
  result: string;
  resultLabel: Label;
  licenceRequired: boolean;
  date: string;
  destination: { country: string | null; source: "facts" | "counterparty" | null; groups: Label[] };
  recipient: { residency: string; tokutei: boolean; names: string[] };
  items: {
    label: Label;
    kind: string;
    result: string;
    resultLabel: Label;
    reasoning: Label;
    findings: { id: string; outcome: string; reason: Label; citations: Label[]; unverified: boolean }[];
    cautions: Label[];
    missing: Label[];
    relyOnUnverified: boolean;
  }[];
  gate: Omit<LicenceGate, "coverage">;
  linked: {
    id: string;
    refNo: string;
    licenceNumber: string | null;
    kind: Label;
    status: string;
    statusLabel: Label;
    validUntil: string | null;
    covers: boolean;
    pending: boolean;
    reason: Label;
  }[];
};

/** Roles whose counterparty receives the goods or technology. */
const RECEIVING = new Set(["recipient", "visitor", "partner", "end_user", "consignee", "employer", "host"]);
/** Roles whose organisation's location is a sensible default destination. */
const DESTINATION_ROLES = [
  "consignee",
  "end_user",
  "recipient",
  "host",
  "partner",
  "employer",
  "home_institution",
];

export type CounterpartyForExport = {
  name: string;
  role: string;
  partyKind: string;
  /** For organisations: where they are (their location is legal information). Never read for people. */
  country: string | null;
  person: PersonFact | null;
  screening: ScreeningFact | null;
};

/** The recipients' residency as the law defines it: people from their records, organisations from their location. */
export function recipientsOf(cps: CounterpartyForExport[], answers: Answers): RecipientFact[] {
  const fallback = answers.recipient_residency;
  return cps
    .filter((c) => RECEIVING.has(c.role))
    .map((c): RecipientFact => {
      if (c.partyKind === "person") {
        if (c.person?.residency)
          return { name: c.name, residency: c.person.residency, tokutei: c.person.tokutei.active };
        const answered = fallback === "resident" || fallback === "non_resident" ? fallback : "unknown";
        return { name: c.name, residency: answered, tokutei: c.person?.tokutei.active ?? false };
      }
      // A legal person is a resident when its main office is in Japan (外為法 第6条第1項第5号).
      return {
        name: c.name,
        residency: c.country === "JP" ? "resident" : c.country ? "non_resident" : "unknown",
        tokutei: false,
      };
    });
}

/** End User List concerns of confirmed matches: "WMD: …" programmes → WMD, "CW" → conventional. */
export function eulConcernsOf(cps: CounterpartyForExport[]): Concern[] {
  const out = new Set<Concern>();
  for (const c of cps)
    for (const h of c.screening?.hits ?? []) {
      if (h.source !== "meti_eul" || h.decision !== "true_match") continue;
      const conventional = (p: string) => p === "CW" || p.includes("通常兵器");
      if (h.programs.some((p) => p.startsWith("WMD"))) out.add("wmd");
      if (h.programs.some(conventional)) out.add("conventional");
      // An entry whose concern type is not stated is read as the WMD list (the list's original scope).
      if (!h.programs.some((p) => p.startsWith("WMD") || conventional(p))) out.add("wmd");
    }
  return [...out];
}

type ReviewRowLike = {
  id: string;
  activity_type: string;
  export_facts: unknown;
};

/**
 * Reads the review's export side and decides: the panel for the web app, the gate for the workflow,
 * and the snapshot stored with each transition.
 */
export async function reviewLicence(
  exec: Executor,
  repo: ReviewsRepo,
  deps: ReviewExportDeps,
  row: ReviewRowLike,
  ctx: {
    answers: Answers;
    classification: Classification | null;
    check: TransactionCheck | null;
    counterparties: CounterpartyForExport[];
    startDate: string | null;
    today: string;
  },
): Promise<{ facts: ExportFacts; items: ReviewItemView[]; panel: LicencePanel; gate: LicenceGate }> {
  const groups = await deps.countryGroups(exec);
  const facts: ExportFacts = {
    ...EMPTY_EXPORT_FACTS,
    ...((row.export_facts as Partial<ExportFacts> | null) ?? {}),
  };
  const rows = await repo.reviewItems(exec, row.id);
  const items: ReviewItemView[] = rows.map((r) => {
    const snap = r.snapshot as { judgement: Judgement; version: number };
    return {
      itemId: r.item_id,
      refNo: r.ref_no,
      name: r.name,
      kind: r.kind,
      judgement: snap.judgement,
      summary: describeJudgement(snap.judgement),
      extraExceptions: (r.exceptions as ExceptionRecord[]) ?? [],
      quantity: r.quantity,
      unit: r.unit,
      valueJpy: r.value_jpy,
      note: r.note,
      masterChanged: r.item_version !== snap.version,
      masterArchived: r.item_status === "archived",
    };
  });
  const itemFacts: ReviewItemFact[] = items.map((i) => ({
    itemId: i.itemId,
    refNo: i.refNo,
    name: i.name,
    kind: i.kind,
    judgement: i.judgement,
    extraExceptions: i.extraExceptions,
    quantity: i.quantity,
    valueJpy: i.valueJpy,
  }));
  const counterpartyCountry =
    DESTINATION_ROLES.map((role) =>
      ctx.counterparties.find(
        (c) => c.role === role && c.partyKind !== "person" && c.country && c.country !== "JP",
      ),
    ).find(Boolean)?.country ?? null;
  const view = determineForReview(
    {
      activityType: row.activity_type,
      answers: ctx.answers,
      facts,
      classification: ctx.classification,
      items: itemFacts,
      recipients: recipientsOf(ctx.counterparties, ctx.answers),
      transactionCheck: ctx.check,
      eulConcerns: eulConcernsOf(ctx.counterparties),
      counterpartyCountry,
      startDate: ctx.startDate,
      today: ctx.today,
    },
    groups,
  );
  const links = await repo.licenceLinks(exec, row.id);
  const order = links.map((l) => l.licence_id);
  const licences = (await deps.licences.factsFor(exec, order)).sort(
    (a, b) => order.indexOf(a.id) - order.indexOf(b.id),
  );
  const gate = licenceGate(view, licences, itemFacts, groups);
  const destGroups =
    view.items[0]?.determination.destination?.memberships.map((m) => GROUP_LABELS[m.group]) ?? [];
  const panel: LicencePanel = {
    applicable: view.applicable,
    profile: view.profile?.reason ?? null,
    result: view.result,
    resultLabel:
      view.result === "not_applicable"
        ? {
            ja: "対象外（輸出・技術提供を伴わない）",
            en: "Not applicable (no export or technology provision)",
          }
        : RESULT_LABELS[view.result],
    licenceRequired: gate.required,
    date: view.date,
    destination: {
      country: view.destination.country,
      source: view.destination.source,
      groups: destGroups.length
        ? destGroups
        : view.destination.country
          ? [{ ja: "一般国", en: "General destination" }]
          : [],
    },
    recipient: view.recipient,
    items: view.items.map((i) => ({
      label: i.label,
      kind: i.kind,
      result: i.determination.result,
      resultLabel: RESULT_LABELS[i.determination.result],
      reasoning: i.determination.reasoning,
      findings: i.determination.findings.map((f) => ({
        id: f.id,
        outcome: f.outcome,
        reason: f.reason,
        citations: f.citations.map((c) => ({ ja: citationText(c, "ja"), en: citationText(c, "en") })),
        unverified: f.citations.some((c) => !c.verified),
      })),
      cautions: i.determination.cautions,
      missing: i.determination.missing.map((m) => m.label),
      relyOnUnverified: i.determination.relyOnUnverified,
    })),
    gate: {
      required: gate.required,
      undetermined: gate.undetermined,
      satisfied: gate.satisfied,
      pending: gate.pending,
      reason: gate.reason,
    },
    linked: licences.map((l) => {
      const cov = gate.coverage.find((c) => c.licenceId === l.id)?.coverage;
      return {
        id: l.id,
        refNo: l.refNo,
        licenceNumber: l.licenceNumber,
        kind: LICENCE_KIND_LABELS[l.kind],
        status: l.status,
        statusLabel: LICENCE_STATUS_LABELS[l.status],
        validUntil: l.validUntil,
        covers: cov?.covers ?? false,
        pending: cov?.pending ?? false,
        reason: cov?.reason ?? { ja: "", en: "" },
      };
    }),
  };
  return { facts, items, panel, gate };
}
