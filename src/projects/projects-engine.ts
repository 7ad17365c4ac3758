/**
 * Research security for funded projects: the due-diligence checklist, e-Rad pledge states and the
 * readiness rule ("may this project be marked ready for application?"). Pure: no IO, no clock —
 * today's date is passed in. Every blocker carries its reason and evidence in both languages.
 */

export type Label = { ja: string; en: string };

/**
 * The due-diligence checklist. Items follow 内閣府「研究活動の国際化、オープン化に伴う新たなリスクに
 * 対する研究インテグリティの確保に係る対応方針について」(統合イノベーション戦略推進会議決定,
 * 2021-04-27) and its checklist examples, the 2025 特定研究開発プログラム procedure, and NSPM-33
 * (2021-01-14) / its implementation guidance (OSTP, 2022-01) for US-funded work.
 */
export const CHECK_ITEMS = [
  {
    id: "partners_screened",
    label: { ja: "共同研究先・資金提供者の該否スクリーニング", en: "Partners and funders screened" },
    basis: "内閣府 研究インテグリティ対応方針 (2021-04-27) §3; NSPM-33 §4(b)",
  },
  {
    id: "funding_sources",
    label: { ja: "資金源とその所有者・支配者の確認", en: "Funding sources and their owners identified" },
    basis: "内閣府 研究インテグリティ対応方針 (2021-04-27) §3(1); NSPM-33 §4(b)(i)",
  },
  {
    id: "disclosures_current",
    label: {
      ja: "研究者の研究インテグリティ申告が最新で整合している",
      en: "Researchers' disclosures current and consistent",
    },
    basis: "内閣府 研究インテグリティ対応方針 (2021-04-27) §3(1)(2); e-Rad 誓約 (2022年度公募以降)",
  },
  {
    id: "talent_programmes",
    label: { ja: "外国の人材招致プログラムとの関係の確認", en: "Foreign talent-programme links checked" },
    basis: "NSPM-33 §4(b)(iii); CHIPS and Science Act §10632 (malign foreign talent recruitment)",
  },
  {
    id: "restricted_topics",
    label: {
      ja: "機微技術・規制対象分野の共同研究（外為法・みなし輸出）の確認",
      en: "Restricted-topic joint research (FEFTA, deemed export) checked",
    },
    basis: "外為法第25条第1項; 貿易外省令第9条第2項; 安全保障貿易管理ガイダンス（大学・研究機関用）",
  },
  {
    id: "data_sharing",
    label: { ja: "データ共有・成果物の取扱いの取決め", en: "Data-sharing arrangements in place" },
    basis: "内閣府 研究インテグリティ対応方針 (2021-04-27) §3(3); NSPM-33 §4(e)",
  },
] as const satisfies readonly { id: string; label: Label; basis: string }[];

export type CheckItemId = (typeof CHECK_ITEMS)[number]["id"];
export const CHECK_ITEM_IDS = CHECK_ITEMS.map((c) => c.id) as CheckItemId[];

export const MEASURE_KINDS = [
  "access_limits",
  "data_segregation",
  "publication_review",
  "travel_rules",
  "other",
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const PARTNER_ROLES = [
  "partner",
  "funder",
  "co_investigator_org",
  "subcontractor",
  "data_recipient",
  "supplier",
  "owner",
  "other",
] as const;
export const MEMBER_ROLES = [
  "pi",
  "co_pi",
  "co_investigator",
  "researcher",
  "postdoc",
  "student",
  "technician",
  "other",
] as const;

/** Roles for which e-Rad asks a pledge (研究代表者・研究分担者); students and technicians do not pledge. */
export function pledgeRequiredFor(role: (typeof MEMBER_ROLES)[number]): boolean {
  return role === "pi" || role === "co_pi" || role === "co_investigator" || role === "researcher";
}

/** The curriculum module on research integrity, disclosure and research security (src/cases/curriculum-library.ts). */
export const RESEARCH_SECURITY_MODULE = "research-integrity-disclosure";

/** A module a project's members must hold a current certificate for, and why. */
export type TrainingRequirement = { slug: string; why: Label };

/**
 * The training every member of a project must have passed and still hold: the modules the office
 * chose for the project, plus research-security training when the funding requires it by law —
 * US federal funding (CHIPS and Science Act §10634, 42 U.S.C. 19234: research security training for
 * covered individuals on a federal R&D award application; NSPM-33 §4(g)). Japan's 特定研究開発プログラム
 * procedure checks the institution's risk management but, as far as we know, names no course for
 * each researcher, so there the office chooses modules itself (`requiredModules`).
 */
export function trainingRequirements(project: {
  requiredModules: readonly string[];
  usFederal: boolean;
}): TrainingRequirement[] {
  const out: TrainingRequirement[] = project.requiredModules.map((slug) => ({
    slug,
    why: { ja: "このプロジェクトで必須に指定", en: "required for this project" },
  }));
  if (project.usFederal && !out.some((r) => r.slug === RESEARCH_SECURITY_MODULE))
    out.push({
      slug: RESEARCH_SECURITY_MODULE,
      why: {
        ja: "米国連邦資金の申請者は研究セキュリティ研修が必須（CHIPS and Science Act §10634）",
        en: "US federal applicants must complete research-security training (CHIPS and Science Act §10634)",
      },
    });
  return out;
}

export type PledgeState = "given" | "pending" | "overdue" | "missing";

/** A pledge's state on a day: given, still pending before its due date, overdue, or never requested. */
export function pledgeState(
  pledge: { dueOn: string; givenOn: string | null } | null,
  today: string,
): PledgeState {
  if (!pledge) return "missing";
  if (pledge.givenOn) return "given";
  return pledge.dueOn < today ? "overdue" : "pending";
}

export type PartnerFact = {
  partyId: string;
  name: string;
  role: string;
  /** Null: never screened. */
  screening: {
    liveHits: { source: string; name: string; decided: boolean; list?: Label | undefined }[];
  } | null;
};

export type MemberFact = {
  personId: string;
  name: string;
  role: string;
  pledgeRequired: boolean;
  pledge: { dueOn: string; givenOn: string | null } | null;
  disclosureDueOn: string | null;
  hasDisclosure: boolean;
  /** Required training modules and whether the member's pass is current; empty when none required. */
  training: { slug: string; title: Label; current: boolean; why?: Label | undefined }[];
  /** Member has no user account, so training cannot be checked. */
  noAccount: boolean;
  /** Affiliations or funders found in other records but missing from the disclosure (with evidence). */
  undisclosed?: Label[] | undefined;
};

export const ASSET_KINDS = ["data", "equipment", "material", "software"] as const;
export const CONTROL_STATUSES = ["listed", "not_listed", "unclassified"] as const;

/** One entry of the data and equipment register, as the readiness rule and validation read it. */
export type AssetFact = {
  id: string;
  description: string;
  controlStatus: (typeof CONTROL_STATUSES)[number];
  controlRef: string | null;
  sharedWithPartyId: string | null;
  sharingAgreement: string | null;
  accessLimits: string | null;
  authorisedMemberIds: string[];
};

/**
 * Checks a register entry: a description; a listed (該当) item names its control entry (輸出令別表第1 /
 * 外為令別表 項番) and has an access rule and at least one authorised member — access to listed
 * technology by a non-resident or a 特定類型 person is a technology provision needing permission
 * (外為法第25条第1項; 役務通達, みなし輸出 clarified from 2022-05-01); sharing with a party needs the
 * agreement it rests on; authorised people must be members of the project.
 */
export function validateAsset(
  a: AssetFact,
  memberIds: readonly string[],
): { path: string; message: Label }[] {
  const out: { path: string; message: Label }[] = [];
  if (!a.description.trim())
    out.push({ path: "description", message: { ja: "内容を記入してください", en: "Describe the item" } });
  if (a.controlStatus === "listed") {
    if (!a.controlRef?.trim())
      out.push({
        path: "controlRef",
        message: {
          ja: "該当する項番を記入してください（例: 2(12)）",
          en: "Give the control-list entry (e.g. 2(12))",
        },
      });
    if (!a.accessLimits?.trim())
      out.push({
        path: "accessLimits",
        message: {
          ja: "リスト規制該当品にはアクセス制限を記入してください",
          en: "A listed item needs its access limits",
        },
      });
    if (a.authorisedMemberIds.length === 0)
      out.push({
        path: "authorisedMemberIds",
        message: {
          ja: "リスト規制該当品にアクセスできる研究者を選んでください",
          en: "Choose who may access a listed item",
        },
      });
  }
  if (a.sharedWithPartyId && !a.sharingAgreement?.trim())
    out.push({
      path: "sharingAgreement",
      message: {
        ja: "共有の根拠となる契約・取決めを記入してください",
        en: "Name the agreement the sharing rests on",
      },
    });
  a.authorisedMemberIds.forEach((id, i) => {
    if (!memberIds.includes(id))
      out.push({
        path: `authorisedMemberIds.${i}`,
        message: { ja: "このプロジェクトの研究者ではありません", en: "Not a member of this project" },
      });
  });
  return out;
}

export type CheckFact = { item: string; status: "open" | "satisfied" | "concern"; evidenceCount: number };
export type MeasureFact = { id: string; addresses: string[]; status: "planned" | "in_place" };

export type Blocker = {
  code:
    | "partner_list_hit"
    | "partner_not_screened"
    | "pledge_overdue"
    | "pledge_pending"
    | "pledge_missing"
    | "disclosure_overdue"
    | "disclosure_missing"
    | "undisclosed_affiliation"
    | "training_not_current"
    | "asset_unclassified"
    | "check_open"
    | "check_without_evidence"
    | "concern_unmitigated"
    | "no_members";
  subject: string;
  message: Label;
};

const itemLabel = (id: string): Label => CHECK_ITEMS.find((c) => c.id === id)?.label ?? { ja: id, en: id };

/**
 * Everything that stops a project from being marked ready for application, with its evidence.
 * The rule (decided for issue 16): every partner screened with no live hit; every member who must
 * pledge has given the e-Rad pledge; every member's disclosure exists, is not overdue and names every
 * affiliation and funder the other records show (P-UNDISCLOSED-AFFILIATION); required
 * training current; every checklist item concluded with evidence; every concern covered by a
 * mitigation measure that is in place.
 */
export function readinessBlockers(input: {
  today: string;
  partners: PartnerFact[];
  members: MemberFact[];
  checks: CheckFact[];
  measures: MeasureFact[];
  assets?: AssetFact[] | undefined;
}): Blocker[] {
  const out: Blocker[] = [];
  const { today } = input;
  for (const p of input.partners) {
    if (!p.screening)
      out.push({
        code: "partner_not_screened",
        subject: p.partyId,
        message: { ja: `「${p.name}」が未スクリーニング`, en: `"${p.name}" has not been screened` },
      });
    else
      for (const h of p.screening.liveHits)
        out.push({
          code: "partner_list_hit",
          subject: p.partyId,
          message: {
            ja: `「${p.name}」が${h.list?.ja ?? h.source}の「${h.name}」と${h.decided ? "一致（確定）" : "該当候補（未判定）"}`,
            en: `"${p.name}" ${h.decided ? "matches (confirmed)" : "may match (undecided)"} "${h.name}" on ${h.list?.en ?? h.source}`,
          },
        });
  }
  if (input.members.length === 0)
    out.push({
      code: "no_members",
      subject: "",
      message: { ja: "研究者が登録されていません", en: "No researchers on the project" },
    });
  for (const m of input.members) {
    if (m.pledgeRequired) {
      const state = pledgeState(m.pledge, today);
      if (state === "overdue")
        out.push({
          code: "pledge_overdue",
          subject: m.personId,
          message: {
            ja: `${m.name}: e-Rad 誓約の期限 ${m.pledge?.dueOn} を過ぎています`,
            en: `${m.name}: e-Rad pledge overdue since ${m.pledge?.dueOn}`,
          },
        });
      else if (state === "pending")
        out.push({
          code: "pledge_pending",
          subject: m.personId,
          message: {
            ja: `${m.name}: e-Rad 誓約が未提出（期限 ${m.pledge?.dueOn}）`,
            en: `${m.name}: e-Rad pledge not yet given (due ${m.pledge?.dueOn})`,
          },
        });
      else if (state === "missing")
        out.push({
          code: "pledge_missing",
          subject: m.personId,
          message: {
            ja: `${m.name}: e-Rad 誓約が依頼されていません`,
            en: `${m.name}: no e-Rad pledge requested`,
          },
        });
    }
    if (!m.hasDisclosure)
      out.push({
        code: "disclosure_missing",
        subject: m.personId,
        message: {
          ja: `${m.name}: 研究インテグリティ申告がありません`,
          en: `${m.name}: no research-integrity disclosure`,
        },
      });
    else if (m.disclosureDueOn !== null && m.disclosureDueOn < today)
      out.push({
        code: "disclosure_overdue",
        subject: m.personId,
        message: {
          ja: `${m.name}: 研究インテグリティ申告の更新期限 ${m.disclosureDueOn} を過ぎています`,
          en: `${m.name}: disclosure update overdue since ${m.disclosureDueOn}`,
        },
      });
    for (const u of m.undisclosed ?? [])
      out.push({
        code: "undisclosed_affiliation",
        subject: m.personId,
        message: { ja: `${m.name}: ${u.ja}`, en: `${m.name}: ${u.en}` },
      });
    for (const t of m.training)
      if (!t.current)
        out.push({
          code: "training_not_current",
          subject: m.personId,
          message: {
            ja: `${m.name}: 必須研修「${t.title.ja}」の有効な修了証が${m.noAccount ? "確認できません（アカウント未連携）" : "ありません（未修了または期限切れ）"}${t.why ? ` — ${t.why.ja}` : ""}`,
            en: `${m.name}: no current certificate for required training "${t.title.en}" ${m.noAccount ? "(cannot be checked: no account)" : "(not passed or expired)"}${t.why ? ` — ${t.why.en}` : ""}`,
          },
        });
  }
  for (const a of input.assets ?? [])
    if (a.controlStatus === "unclassified")
      out.push({
        code: "asset_unclassified",
        subject: a.id,
        message: {
          ja: `データ・設備「${a.description}」の該非判定が未了です`,
          en: `Data or equipment "${a.description}" has not been classified`,
        },
      });
  for (const id of CHECK_ITEM_IDS) {
    const c = input.checks.find((x) => x.item === id);
    const label = itemLabel(id);
    if (!c || c.status === "open")
      out.push({
        code: "check_open",
        subject: id,
        message: { ja: `確認項目「${label.ja}」が未完了`, en: `Checklist item "${label.en}" not concluded` },
      });
    else if (c.evidenceCount === 0)
      out.push({
        code: "check_without_evidence",
        subject: id,
        message: {
          ja: `確認項目「${label.ja}」に根拠がありません`,
          en: `Checklist item "${label.en}" has no evidence`,
        },
      });
    if (
      c?.status === "concern" &&
      !input.measures.some((m) => m.status === "in_place" && m.addresses.includes(id))
    )
      out.push({
        code: "concern_unmitigated",
        subject: id,
        message: {
          ja: `懸念「${label.ja}」に対する実施済みの対策がありません`,
          en: `Concern "${label.en}" has no mitigation measure in place`,
        },
      });
  }
  return out;
}

/** One CSV field, quoted when needed, with formula-leading characters neutralised for spreadsheets. */
export function csvField(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Names of the codes a project stores, for the agency summary (CSV and PDF) in either language. */
export const PROJECT_LABELS = {
  status: {
    preparing: { ja: "準備中", en: "Preparing" },
    ready: { ja: "申請準備完了", en: "Ready for application" },
    withdrawn: { ja: "取下げ", en: "Withdrawn" },
  },
  partnerRole: {
    partner: { ja: "共同研究先", en: "Research partner" },
    funder: { ja: "資金提供者", en: "Funder" },
    co_investigator_org: { ja: "分担機関", en: "Co-investigator's institution" },
    subcontractor: { ja: "委託先", en: "Subcontractor" },
    data_recipient: { ja: "データ提供先", en: "Data recipient" },
    supplier: { ja: "調達先", en: "Supplier" },
    owner: { ja: "所有者・支配者", en: "Owner or controller" },
    other: { ja: "その他", en: "Other" },
  },
  memberRole: {
    pi: { ja: "研究代表者", en: "Principal investigator" },
    co_pi: { ja: "共同代表者", en: "Co-principal investigator" },
    co_investigator: { ja: "研究分担者", en: "Co-investigator" },
    researcher: { ja: "研究者", en: "Researcher" },
    postdoc: { ja: "博士研究員", en: "Postdoctoral researcher" },
    student: { ja: "学生", en: "Student" },
    technician: { ja: "技術職員", en: "Technician" },
    other: { ja: "その他", en: "Other" },
  },
  pledgeState: {
    given: { ja: "誓約済み", en: "Given" },
    pending: { ja: "未提出", en: "Not yet given" },
    overdue: { ja: "期限超過", en: "Overdue" },
    missing: { ja: "未依頼", en: "Not requested" },
  },
  checkStatus: {
    open: { ja: "未完了", en: "Open" },
    satisfied: { ja: "問題なし", en: "Satisfied" },
    concern: { ja: "懸念あり", en: "Concern" },
  },
  measureKind: {
    access_limits: { ja: "アクセス制限", en: "Access limits" },
    data_segregation: { ja: "データ分離", en: "Data segregation" },
    publication_review: { ja: "公表前確認", en: "Publication review" },
    travel_rules: { ja: "渡航時のルール", en: "Travel rules" },
    other: { ja: "その他", en: "Other" },
  },
  measureStatus: {
    planned: { ja: "計画", en: "Planned" },
    in_place: { ja: "実施済み", en: "In place" },
  },
  assetKind: {
    data: { ja: "データ", en: "Data" },
    equipment: { ja: "設備・機器", en: "Equipment" },
    material: { ja: "試料・材料", en: "Material" },
    software: { ja: "ソフトウェア", en: "Software" },
  },
  controlStatus: {
    listed: { ja: "リスト規制該当", en: "Listed (controlled)" },
    not_listed: { ja: "非該当", en: "Not listed" },
    unclassified: { ja: "未判定", en: "Not classified" },
  },
} satisfies Record<string, Record<string, Label>>;

/** The label of a code in one of the tables above; the code itself when unknown (never blank). */
export function projectLabel(table: keyof typeof PROJECT_LABELS, code: string, lang: "ja" | "en"): string {
  return (PROJECT_LABELS[table] as Record<string, Label>)[code]?.[lang] ?? code;
}
