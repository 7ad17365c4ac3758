import type { HitFact, PersonFact, ScreeningFact } from "../people/people-engine.js";
import { citationLabel } from "../shared/citations.js";
import { redFlag } from "../shared/red-flags.js";
import type { Classification, TopicTags } from "./classification-engine.js";
import {
  AKIRAKA_CHECKLIST,
  type ChecklistItem,
  type ChecklistKey,
  CONTROL_ITEMS,
  JP_CRITICAL_AREAS,
  type Label,
  TRANSACTION_CHECKLISTS,
  US_CET_AREAS,
} from "./control-lists.js";
import { assessHiring, type HiringAssessment, type HiringFacts } from "./hiring-engine.js";
import {
  ACTIVITY_TYPES,
  type ActivityType,
  type PrecheckSignal,
  questionnaireFor,
} from "./questionnaire-engine.js";

/**
 * Risk assessment for reviewers: sensitivity of the topic × risk of the partner, with every red
 * flag carrying its id, question, the evidence found and its source guideline. Decision support,
 * not a decision. Only affiliations, funding, lists and behaviour count: the inputs may carry a
 * counterparty's country or a person's nationality (they arrive with the records), but no rule here
 * reads them — a unit test changes them and checks the outcome stays the same.
 */

export type Level = "low" | "medium" | "high";
const RANK: Record<Level, number> = { low: 0, medium: 1, high: 2 };
const maxLevel = (a: Level, b: Level): Level => (RANK[a] >= RANK[b] ? a : b);

export type { HitFact, PersonFact, ScreeningFact };

export type CounterpartyFact = {
  counterpartyId: string;
  partyId: string;
  name: string;
  role: string;
  /** Carried along with the party record; never read by the rules. */
  country?: string | null;
  /** Carried along with a person record; never read by the rules. */
  nationality?: string | null;
  attributes: { stateOwned?: boolean; military?: boolean; note?: string | null };
  screening: ScreeningFact | null;
  person: PersonFact | null;
};

export type TransactionCheck = {
  endUse: Record<string, boolean>;
  akiraka: Record<string, boolean>;
  endUser: Record<string, boolean>;
  notes: Record<string, string>;
  conclusion: string;
};

export type RiskInput = {
  activityType: string;
  classification: Classification | null;
  topicTags: TopicTags;
  precheck: PrecheckSignal[];
  counterparties: CounterpartyFact[];
  /** The applicant's own person record (declarations), if linked. */
  applicant: PersonFact | null;
  transactionCheck: TransactionCheck | null;
  /** Names a list for people in evidence ("国連安保理 統合制裁リスト" for `un`); the id if absent. */
  listLabel?: ((source: string) => Label) | undefined;
  /** Hiring and contracting only: the identity checks and exposure (see hiring-engine). */
  hiring?: HiringFacts | null | undefined;
  /** The licence-requirement engine found a licence is needed (routes to the full review). */
  licenceRequired?: boolean | undefined;
};

type ListLabel = (source: string) => Label;
const listId: ListLabel = (source) => ({ ja: source, en: source });

export type FiredFlag = {
  id: string;
  title: Label;
  question: Label;
  evidence: Label;
  source: string;
  /** The source for each reader (Japanese document names in English for English readers). */
  sourceLabel?: Label;
  severity: Exclude<Level, "low">;
  /** The counterparty the flag is about, if any. */
  counterpartyId: string | null;
  /** Raises the overall level to high whatever the topic (confirmed list hits, end-use concerns). */
  decisive: boolean;
};

export type RiskAssessment = {
  level: Level;
  topic: { level: Level; reasons: Label[] };
  partner: { level: Level; reasons: Label[] };
  reasons: Label[];
  flags: FiredFlag[];
  /** Hiring and contracting only: the identity-check assessment. */
  hiring?: HiringAssessment;
};

const SANCTIONS_SOURCES = new Set([
  "un",
  "ofac_sdn",
  "ofac_cons",
  "mof_jp",
  "us_csl",
  "bis_dpl",
  "cn_counter",
]);

const same = (text: string): Label => ({ ja: text, en: text });

function fire(
  id: string,
  severity: FiredFlag["severity"],
  evidence: Label,
  counterpartyId: string | null,
  decisive = false,
): FiredFlag {
  const def = redFlag(id);
  return {
    id,
    title: def?.title ?? same(id),
    question: def?.question ?? same(id),
    evidence,
    source: def?.source ?? "",
    sourceLabel: citationLabel(def?.source ?? ""),
    severity,
    counterpartyId,
    decisive,
  };
}

/** ASPI categories arrive as programme strings like "Very high risk"; only very high is high. */
function aspiSeverity(programs: string[]): { severity: FiredFlag["severity"]; category: string } {
  const text = programs.join(" ").toLowerCase();
  if (text.includes("very high")) return { severity: "high", category: "very high" };
  if (text.includes("high")) return { severity: "medium", category: "high" };
  return { severity: "medium", category: programs[0] ?? "listed" };
}

function hitFlags(c: CounterpartyFact, list: ListLabel): FiredFlag[] {
  const out: FiredFlag[] = [];
  for (const h of c.screening?.hits ?? []) {
    if (!h.match || h.decision === "false_positive") continue;
    const confirmed = h.decision === "true_match";
    const state: Label = confirmed
      ? { ja: "一致と判定済み", en: "confirmed match" }
      : { ja: "未確認の該当候補", en: "unresolved candidate" };
    const programmes = h.programs.length ? ` [${h.programs.join(", ")}]` : "";
    const evidence: Label = {
      ja: `${c.name} → ${list(h.source).ja}: ${h.name}（スコア ${h.score.toFixed(2)}、${state.ja}）${programmes}`,
      en: `${c.name} → ${list(h.source).en}: ${h.name} (score ${h.score.toFixed(2)}, ${state.en})${programmes}`,
    };
    if (h.source === "meti_eul") {
      const concern = h.programs.length ? h.programs.join(", ") : "—";
      out.push(
        fire(
          "R-EUL",
          confirmed ? "high" : "medium",
          { ja: `${evidence.ja} 懸念区分: ${concern}`, en: `${evidence.en} concern: ${concern}` },
          c.counterpartyId,
          confirmed,
        ),
      );
    } else if (h.source === "dod_1286") {
      out.push(fire("R-DOD-1286", confirmed ? "high" : "medium", evidence, c.counterpartyId));
    } else if (h.source === "dod_1260h") {
      out.push(fire("R-DOD-1260H", confirmed ? "high" : "medium", evidence, c.counterpartyId, confirmed));
    } else if (h.source === "aspi") {
      const { severity, category } = aspiSeverity(h.programs);
      out.push(
        fire(
          "R-ASPI",
          confirmed ? severity : "medium",
          { ja: `${evidence.ja} ASPI区分: ${category}`, en: `${evidence.en} ASPI category: ${category}` },
          c.counterpartyId,
        ),
      );
    } else {
      const sanctions = SANCTIONS_SOURCES.has(h.source);
      out.push(
        fire("R-LIST-HIT", confirmed ? "high" : "medium", evidence, c.counterpartyId, confirmed && sanctions),
      );
    }
  }
  return out;
}

function personFlags(
  p: PersonFact,
  who: string,
  counterpartyId: string | null,
  isRecipient: boolean,
  list: ListLabel = listId,
): FiredFlag[] {
  const out: FiredFlag[] = [];
  if (isRecipient && p.tokutei.active) {
    const types = p.tokutei.types.map((t) => ({ "1": "①", "2": "②", "3": "③" })[t] ?? t).join("");
    out.push(
      fire(
        "R-TOKUTEI",
        "high",
        {
          ja: `${who}: 特定類型${types}の申告あり（申告日 ${p.tokutei.declaredOn ?? "—"}）`,
          en: `${who}: declared 特定類型 ${types} (declared ${p.tokutei.declaredOn ?? "—"})`,
        },
        counterpartyId,
      ),
    );
  }
  if (p.declarationOverdue)
    out.push(
      fire(
        "P-DECLARATION-OVERDUE",
        "medium",
        { ja: `${who}: 申告の更新期限を過ぎています`, en: `${who}: declaration overdue` },
        counterpartyId,
      ),
    );
  for (const h of p.disclosureHits)
    out.push(
      fire(
        "P-DISCLOSURE-LIST-HIT",
        h.confirmed ? "high" : "medium",
        {
          ja: `${who}: 申告された「${h.provider}」が ${list(h.source).ja} と${h.confirmed ? "一致" : "該当候補"}`,
          en: `${who}: declared "${h.provider}" ${h.confirmed ? "matches" : "may match"} ${list(h.source).en}`,
        },
        counterpartyId,
        h.confirmed,
      ),
    );
  if (p.effortTotal !== null && p.effortTotal > 100)
    out.push(
      fire(
        "P-EFFORT-OVER-100",
        "medium",
        { ja: `${who}: エフォート合計 ${p.effortTotal}%`, en: `${who}: total effort ${p.effortTotal}%` },
        counterpartyId,
      ),
    );
  if (p.talentProgramme)
    out.push(
      fire(
        "P-TALENT-PROGRAM",
        "high",
        {
          ja: `${who}: 外国の人材招致プログラムへの参加を申告`,
          en: `${who}: declared a foreign talent programme`,
        },
        counterpartyId,
      ),
    );
  return out;
}

/** Severity of a partner-behaviour flag raised by a 事前確認 answer. */
const PRECHECK_SEVERITY: Record<string, FiredFlag["severity"]> = {
  "R-STATE-OWNED": "medium",
  "R-MILITARY": "high",
  "R-UNCLEAR-FUNDING": "medium",
  "R-EXCESS-ACCESS": "medium",
  "R-PUBLICATION-BLOCK": "medium",
  "R-RELOCATION": "high",
  "R-PLACED-INTERN": "high",
  "P-TALENT-PROGRAM": "high",
};

function checklistFlags(check: TransactionCheck): FiredFlag[] {
  const out: FiredFlag[] = [];
  for (const key of Object.keys(TRANSACTION_CHECKLISTS) as ChecklistKey[]) {
    const items: readonly ChecklistItem[] = TRANSACTION_CHECKLISTS[key];
    for (const item of items) {
      if (check[key][item.id] !== true) continue;
      const note = check.notes[`${key}.${item.id}`]?.trim();
      out.push(
        fire(
          item.flag,
          "high",
          {
            ja: `取引審査: ${item.label.ja}${note ? `（${note}）` : ""}`,
            en: `Transaction review: ${item.label.en}${note ? ` (${note})` : ""}`,
          },
          null,
          item.flag === "R-END-USE" || AKIRAKA_CHECKLIST.includes(item),
        ),
      );
    }
  }
  return out;
}

function topicSensitivity(input: RiskInput): { level: Level; reasons: Label[]; flag: FiredFlag | null } {
  const reasons: Label[] = [];
  let level: Level = "low";
  const c = input.classification;
  if (c && c.listStatus === "listed") {
    const item = CONTROL_ITEMS.find((i) => i.item === c.item)?.label ?? same(c.item ?? "");
    reasons.push({
      ja: `該非判定: ${item.ja}${c.subItem ? ` ${c.subItem}` : ""}`,
      en: `Classification: ${item.en}${c.subItem ? ` ${c.subItem}` : ""}`,
    });
    level = "high";
  }
  const jp = input.topicTags.jp.map((id) => JP_CRITICAL_AREAS.find((a) => a.id === id)?.label ?? same(id));
  const us = input.topicTags.us.map((id) => US_CET_AREAS.find((a) => a.id === id)?.label ?? same(id));
  if (jp.length > 0) {
    reasons.push({
      ja: `特定重要技術の領域: ${jp.map((l) => l.ja).join("、")}`,
      en: `Japanese critical technology areas: ${jp.map((l) => l.en).join(", ")}`,
    });
    level = maxLevel(level, "medium");
  }
  if (us.length > 0) {
    reasons.push({
      ja: `米国 重要・新興技術: ${us.map((l) => l.ja).join("、")}`,
      en: `US critical and emerging technologies: ${us.map((l) => l.en).join(", ")}`,
    });
    level = maxLevel(level, "medium");
  }
  const controlledAnswer = input.precheck.find((s) => s.flag === "R-SENSITIVE-TOPIC");
  if (controlledAnswer && c?.listStatus !== "not_listed") {
    reasons.push(controlledAnswer.reason);
    level = maxLevel(level, "medium");
  }
  if (level === "low") return { level, reasons, flag: null };
  const evidence: Label = {
    ja: reasons.map((r) => r.ja).join(" / "),
    en: reasons.map((r) => r.en).join(" / "),
  };
  return {
    level,
    reasons,
    flag: fire("R-SENSITIVE-TOPIC", level === "high" ? "high" : "medium", evidence, null),
  };
}

/** Roles that receive technology, data or goods, for which a 特定類型 declaration matters. */
const RECEIVING_ROLES = new Set([
  "recipient",
  "visitor",
  "partner",
  "end_user",
  "consignee",
  "employer",
  "host",
]);

/**
 * Rates a review: topic sensitivity (classification item, 特定重要技術 / US CET tags) × partner risk
 * (screening hits on every list, ASPI, DoD 1286/1260H, behaviour answers, people's declarations,
 * transaction checklists). Returns low / medium / high with every reason and red flag.
 */
export function assessRisk(input: RiskInput): RiskAssessment {
  const topic = topicSensitivity(input);
  const flags: FiredFlag[] = [];
  for (const s of input.precheck) {
    if (!s.flag || s.flag === "R-SENSITIVE-TOPIC") continue;
    flags.push(
      fire(
        s.flag,
        PRECHECK_SEVERITY[s.flag] ?? "medium",
        s.evidence
          ? { ja: `${s.reason.ja} — ${s.evidence}`, en: `${s.reason.en} — ${s.evidence}` }
          : s.reason,
        null,
      ),
    );
  }
  for (const c of input.counterparties) {
    flags.push(...hitFlags(c, input.listLabel ?? listId));
    const note = c.attributes.note?.trim();
    if (c.attributes.stateOwned)
      flags.push(
        fire(
          "R-STATE-OWNED",
          "medium",
          {
            ja: `${c.name}: 国有・政府支配${note ? `（${note}）` : ""}`,
            en: `${c.name}: state-owned or controlled${note ? ` (${note})` : ""}`,
          },
          c.counterpartyId,
        ),
      );
    if (c.attributes.military)
      flags.push(
        fire(
          "R-MILITARY",
          "high",
          {
            ja: `${c.name}: 軍・治安機関との関係${note ? `（${note}）` : ""}`,
            en: `${c.name}: military or security affiliation${note ? ` (${note})` : ""}`,
          },
          c.counterpartyId,
        ),
      );
    if (c.person)
      flags.push(
        ...personFlags(
          c.person,
          c.name,
          c.counterpartyId,
          RECEIVING_ROLES.has(c.role),
          input.listLabel ?? listId,
        ),
      );
  }
  if (input.applicant) {
    flags.push(
      ...personFlags(input.applicant, "申請者 / applicant", null, false, input.listLabel ?? listId).map(
        (f) => ({
          ...f,
          evidence: {
            ja: f.evidence.ja.replace("申請者 / applicant", "申請者"),
            en: f.evidence.en.replace("申請者 / applicant", "Applicant"),
          },
        }),
      ),
    );
  }
  if (input.transactionCheck) flags.push(...checklistFlags(input.transactionCheck));
  const hiring = input.hiring ? assessHiring(input.hiring) : null;
  for (const h of hiring?.flags ?? []) flags.push(fire(h.id, h.severity, h.evidence, null, h.decisive));

  let partnerLevel: Level = "low";
  const partnerReasons: Label[] = [];
  for (const f of flags) {
    partnerLevel = maxLevel(partnerLevel, f.severity);
    partnerReasons.push({ ja: `${f.title.ja}: ${f.evidence.ja}`, en: `${f.title.en}: ${f.evidence.en}` });
  }
  const allFlags = topic.flag ? [topic.flag, ...flags] : flags;

  const MATRIX: Record<Level, Record<Level, Level>> = {
    low: { low: "low", medium: "low", high: "medium" },
    medium: { low: "low", medium: "medium", high: "high" },
    high: { low: "medium", medium: "high", high: "high" },
  };
  let level = MATRIX[topic.level][partnerLevel];
  const reasons: Label[] = [
    {
      ja: `技術の機微度: ${LEVEL_LABELS[topic.level].ja} × 相手方リスク: ${LEVEL_LABELS[partnerLevel].ja}`,
      en: `Topic sensitivity: ${topic.level} × partner risk: ${partnerLevel}`,
    },
  ];
  const decisive = flags.filter((f) => f.decisive);
  if (decisive.length > 0 && level !== "high") {
    level = "high";
    reasons.push({
      ja: `決定的な懸念（${[...new Set(decisive.map((f) => f.title.ja))].join("、")}）があるため「高」`,
      en: `High because of decisive concerns (${[...new Set(decisive.map((f) => f.title.en))].join(", ")})`,
    });
  }
  if (hiring && RANK[hiring.level] > RANK[level]) {
    level = hiring.level;
    reasons.push({
      ja: `本人確認・業務の性質による評価: ${LEVEL_LABELS[hiring.level].ja}`,
      en: `Identity checks and exposure: ${hiring.level}`,
    });
  }
  if (hiring) reasons.push(...hiring.reasons.filter((r) => !partnerReasons.some((p) => p.en.endsWith(r.en))));
  reasons.push(...topic.reasons, ...partnerReasons);
  if (topic.reasons.length === 0 && partnerReasons.length === 0)
    reasons.push({ ja: "懸念事項は見つかりませんでした", en: "No concerns found" });
  return {
    level,
    topic: { level: topic.level, reasons: topic.reasons },
    partner: { level: partnerLevel, reasons: partnerReasons },
    reasons,
    flags: allFlags,
    ...(hiring ? { hiring } : {}),
  };
}

export const LEVEL_LABELS: Record<Level, Label> = {
  low: { ja: "低", en: "Low" },
  medium: { ja: "中", en: "Medium" },
  high: { ja: "高", en: "High" },
};

/** Routing: whether the activity needs the full review (取引審査 and the approver), and why. */
export type Routing = { track: "simple" | "full"; reasons: Label[] };

/**
 * Decides the track from the 事前確認 answers, the 該非判定, the risk flags and the people records:
 * any signal sends the application through 取引審査 to the approver. Technology provision to a person
 * with an active 特定類型 declaration always goes to the full review.
 */
export function routeReview(input: RiskInput, risk: RiskAssessment): Routing {
  const reasons: Label[] = [];
  const form = (ACTIVITY_TYPES as readonly string[]).includes(input.activityType)
    ? questionnaireFor(input.activityType as ActivityType)
    : null;
  if (form?.alwaysFullReview)
    reasons.push({
      ja: `「${form.label.ja}」は本人確認と支払先のスクリーニングのため常に本審査`,
      en: `"${form.label.en}" always takes the full review (identity checks, payee screening)`,
    });
  for (const s of input.precheck) reasons.push(s.reason);
  const c = input.classification;
  if (c && c.listStatus === "listed")
    reasons.push({
      ja: "該非判定がリスト規制に該当",
      en: "Classified as listed",
    });
  if (input.licenceRequired)
    reasons.push({
      ja: "輸出許可の判定が「許可要」（リスト規制・キャッチオール・インフォーム）",
      en: "The licence determination says a licence is required (list control, catch-all or inform)",
    });
  for (const cp of input.counterparties) {
    if (cp.person?.tokutei.active && RECEIVING_ROLES.has(cp.role))
      reasons.push({
        ja: `${cp.name} は特定類型の申告があるため、技術提供は本審査が必要（みなし輸出）`,
        en: `${cp.name} has an active 特定類型 declaration: technology provision needs the full review (deemed export)`,
      });
    if (
      cp.person?.residency === "non_resident" &&
      (input.activityType === "technology_provision" || input.activityType === "acceptance")
    )
      reasons.push({ ja: `${cp.name} は非居住者`, en: `${cp.name} is a non-resident` });
  }
  const seen = new Set(reasons.map((r) => r.en));
  for (const f of risk.flags) {
    const r = { ja: `レッドフラグ「${f.title.ja}」`, en: `Red flag: ${f.title.en}` };
    if (!seen.has(r.en)) {
      seen.add(r.en);
      reasons.push(r);
    }
  }
  if (risk.level !== "low")
    reasons.push({ ja: `リスク評価: ${LEVEL_LABELS[risk.level].ja}`, en: `Risk: ${risk.level}` });
  return reasons.length > 0
    ? { track: "full", reasons }
    : { track: "simple", reasons: [{ ja: "事前確認で懸念事項なし", en: "No concerns in the pre-check" }] };
}
