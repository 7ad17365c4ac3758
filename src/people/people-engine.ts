/**
 * People rules, pure: residency under the Foreign Exchange Act (本邦人/外国人, 6-month and 2-year rules, official duty), the 特定類型
 * self-declaration with the ② income-share computation, research-integrity disclosures (effort,
 * talent programmes, e-Rad CSV), and due dates. No IO, no clock: "today" is passed in.
 */

export type Label = { ja: string; en: string };
export type FieldProblem = { path: string; message: Label };

const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !ISO.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Adds whole months to a date (clamped to the month's last day: 08-31 + 6 months = 02-28/29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

const DATE_MSG: Label = { ja: "日付は YYYY-MM-DD で入力してください", en: "Use the date format YYYY-MM-DD" };
const REQUIRED: Label = { ja: "入力してください", en: "Required" };

// — Facts other modules read (the reviews risk engine) —

/** One screening hit, as stored with a review counterparty or a declared provider. */
export type HitFact = {
  /** The list entity (for decisions through the screening API). */
  entityId?: string;
  source: string;
  name: string;
  score: number;
  match: boolean;
  programs: string[];
  decision: "true_match" | "false_positive" | null;
  /** Why the engine matched (names compared, scripts bridged), in both languages; absent in older rows. */
  reason?: Label | undefined;
};

/** A screening result reduced to what reviewers and the risk rules need. */
export type ScreeningFact = { runId: string; screenedAt: string; hits: HitFact[] };

/** What the people module tells a review about a person involved in it. */
export type PersonFact = {
  personId: string;
  tokutei: { active: boolean; types: string[]; declaredOn: string | null };
  declarationOverdue: boolean;
  /** Declared affiliations / funders found on a list (confirmed or still open). */
  disclosureHits: { provider: string; source: string; confirmed: boolean }[];
  effortTotal: number | null;
  talentProgramme: boolean;
  residency: "resident" | "non_resident" | null;
};

/** Hits that still matter: at or above the threshold and not decided as a false positive. */
export function liveHits(fact: ScreeningFact | null): HitFact[] {
  return (fact?.hits ?? []).filter((h) => h.match && h.decision !== "false_positive");
}

// — Residency (居住者・非居住者) —

export type ResidencyStatus = "resident" | "non_resident";

/**
 * 本邦人 (Japanese national) or 外国人 (foreign national). The 外為法 interpretation notice treats the
 * two differently, so this — and only this — is read for residency: it is a legal status, never a
 * risk factor, and no other rule in the product reads it.
 */
export type PersonType = "japanese_national" | "foreign_national";

/** Capacities in which a person is always a non-resident (公務を帯びる者・外交官・領事官). */
export const OFFICIAL_CAPACITIES = [
  "foreign_government",
  "international_organisation",
  "diplomat_consular",
] as const;
export type OfficialCapacity = (typeof OFFICIAL_CAPACITIES)[number];

/**
 * The facts residency is decided from, following the MOF notice 「外国為替法令の解釈及び運用について」
 * on 外為法 第6条第1項第5号・第6号:
 * - 外国人 (foreign nationals) are non-residents in principle, and residents while employed at an office
 *   in Japan or once six months have ELAPSED since entry (not when a stay is merely planned to last 6 months);
 * - 本邦人 (Japanese nationals) are residents in principle, and non-residents once they leave to work at
 *   an office abroad (incl. international organisations) or to stay abroad 2 years or more, or after 2
 *   years abroad; a temporary return of under 6 months does not make them residents again; those who
 *   leave to work at Japan's own diplomatic missions abroad remain residents;
 * - persons on official duty for a foreign government or an international organisation, and foreign
 *   diplomats and consular officers, are always non-residents.
 * Records written before `personType` existed still decide as before, with a note asking to re-check.
 */
export type ResidencyBasis =
  | {
      kind: "arrived_in_japan";
      date: string;
      employedInJapan: boolean;
      personType?: PersonType | undefined;
      /** 本邦人 returning only temporarily (business, holiday) while living abroad. */
      temporaryReturn?: boolean | undefined;
    }
  | {
      kind: "left_japan";
      date: string;
      employedAbroad: boolean;
      stayAbroadTwoYearsOrMore: boolean;
      personType?: PersonType | undefined;
      /** 本邦人 leaving to work at a Japanese embassy or consulate (在外公館): stays a resident. */
      atJapaneseMission?: boolean | undefined;
    }
  | { kind: "long_term_in_japan"; personType?: PersonType | undefined }
  | { kind: "official_duty"; date: string; capacity: OfficialCapacity }
  | { kind: "officer_decision"; status: ResidencyStatus; date: string; reason: string };

export type ResidencyDetermination = {
  status: ResidencyStatus;
  effectiveFrom: string | null;
  /** When the status will change by itself (e.g. the day 6 months after arrival). */
  changesOn: string | null;
  reason: Label;
  /** The record lacks a fact the rules now need (本邦人/外国人): re-record it. */
  recheck: boolean;
};

const CAPACITY_LABELS: Record<OfficialCapacity, Label> = {
  foreign_government: { ja: "外国政府の公務を帯びる者", en: "on official duty for a foreign government" },
  international_organisation: {
    ja: "国際機関の公務を帯びる者",
    en: "on official duty for an international organisation",
  },
  diplomat_consular: {
    ja: "外交官・領事官（その随員・使用人を含む）",
    en: "a diplomat or consular officer (incl. their staff)",
  },
};

const LEGACY: Label = {
  ja: "（本邦人・外国人の区別が記録されていない旧形式の記録のため再判定してください）",
  en: " (older record without Japanese/foreign national: please re-record)",
};

/** Decides 居住者/非居住者 under the 外為法 interpretation notice; "today" is passed in. */
export function determineResidency(basis: ResidencyBasis, today: string): ResidencyDetermination {
  switch (basis.kind) {
    case "long_term_in_japan":
      return {
        status: "resident",
        effectiveFrom: null,
        changesOn: null,
        reason:
          basis.personType === "foreign_national"
            ? {
                ja: "本邦内の事務所に勤務、または入国後6か月以上経過して本邦に居住している外国人",
                en: "A foreign national working at an office in Japan, or living here more than six months after entry",
              }
            : { ja: "本邦に住所・居所を有し継続して居住", en: "Lives in Japan continuously" },
        recheck: false,
      };
    case "official_duty":
      return {
        status: "non_resident",
        effectiveFrom: basis.date,
        changesOn: null,
        reason: {
          ja: `${CAPACITY_LABELS[basis.capacity].ja}は、滞在期間・勤務先にかかわらず常に非居住者`,
          en: `A person ${CAPACITY_LABELS[basis.capacity].en} is always a non-resident, however long the stay`,
        },
        recheck: false,
      };
    case "officer_decision":
      return {
        status: basis.status,
        effectiveFrom: basis.date,
        changesOn: null,
        reason: { ja: `担当者の判定: ${basis.reason}`, en: `Officer's decision: ${basis.reason}` },
        recheck: false,
      };
    case "arrived_in_japan": {
      const legacy = basis.personType === undefined;
      const note = legacy ? LEGACY : { ja: "", en: "" };
      if (basis.personType === "japanese_national") {
        if (basis.temporaryReturn) {
          const sixMonths = addMonths(basis.date, 6);
          if (today >= sixMonths)
            return {
              status: "resident",
              effectiveFrom: sixMonths,
              changesOn: null,
              reason: {
                ja: `一時帰国（${basis.date}）後の本邦滞在が6か月を経過したため居住者`,
                en: `Back in Japan since ${basis.date} for six months: resident`,
              },
              recheck: false,
            };
          return {
            status: "non_resident",
            effectiveFrom: basis.date,
            changesOn: sixMonths,
            reason: {
              ja: `外国に住む本邦人の一時帰国（${basis.date}、滞在6か月未満）のため非居住者のまま（${sixMonths} に再判定）`,
              en: `A Japanese national living abroad on a temporary return since ${basis.date} (under six months): still a non-resident (re-check on ${sixMonths})`,
            },
            recheck: false,
          };
        }
        return {
          status: "resident",
          effectiveFrom: basis.date,
          changesOn: null,
          reason: {
            ja: `本邦人が帰国（${basis.date}）し本邦に居住するため居住者`,
            en: `A Japanese national who returned (${basis.date}) to live in Japan: resident`,
          },
          recheck: false,
        };
      }
      if (basis.employedInJapan)
        return {
          status: "resident",
          effectiveFrom: basis.date,
          changesOn: null,
          reason: {
            ja: `本邦内の事務所に勤務する外国人のため居住者${note.ja}`,
            en: `A foreign national working at an office in Japan: resident${note.en}`,
          },
          recheck: legacy,
        };
      const sixMonths = addMonths(basis.date, 6);
      if (today >= sixMonths)
        return {
          status: "resident",
          effectiveFrom: sixMonths,
          changesOn: null,
          reason: {
            ja: `入国（${basis.date}）後6か月が経過したため居住者${note.ja}`,
            en: `Six months have elapsed since entry (${basis.date}): resident${note.en}`,
          },
          recheck: legacy,
        };
      return {
        status: "non_resident",
        effectiveFrom: basis.date,
        changesOn: sixMonths,
        reason: {
          ja: `入国（${basis.date}）後6か月が経過していないため非居住者（予定の滞在期間ではなく経過期間で判定。${sixMonths} から居住者）${note.ja}`,
          en: `Six months have not yet elapsed since entry (${basis.date}) — elapsed, not planned, time counts: non-resident until ${sixMonths}${note.en}`,
        },
        recheck: legacy,
      };
    }
    case "left_japan": {
      const legacy = basis.personType === undefined;
      const note = legacy ? LEGACY : { ja: "", en: "" };
      if (basis.atJapaneseMission && basis.personType !== "foreign_national")
        return {
          status: "resident",
          effectiveFrom: null,
          changesOn: null,
          reason: {
            ja: "本邦の在外公館に勤務する目的で出国した本邦人は居住者",
            en: "A Japanese national who left to work at a Japanese embassy or consulate stays a resident",
          },
          recheck: false,
        };
      if (basis.employedAbroad || basis.stayAbroadTwoYearsOrMore)
        return {
          status: "non_resident",
          effectiveFrom: basis.date,
          changesOn: null,
          reason: basis.employedAbroad
            ? {
                ja: `外国にある事務所（国際機関・現地法人等を含む）に勤務する目的で出国したため非居住者${note.ja}`,
                en: `Left to work at an office abroad (incl. international organisations, local subsidiaries): non-resident${note.en}`,
              }
            : {
                ja: `2年以上外国に滞在する目的で出国したため非居住者${note.ja}`,
                en: `Left Japan to stay abroad for two years or more: non-resident${note.en}`,
              },
          recheck: legacy,
        };
      if (basis.personType === "foreign_national")
        return {
          status: "resident",
          effectiveFrom: null,
          changesOn: null,
          reason: {
            ja: "本邦に居住する外国人の一時的な出国: 通達は外国人の一時出国を明記していないため、居住者のままと扱っています（要確認: 担当者が判定を記録してください）",
            en: "A foreign resident's temporary trip abroad: the notice does not address it, so residency is kept (to verify: record an officer's decision)",
          },
          recheck: true,
        };
      const twoYears = addMonths(basis.date, 24);
      if (today >= twoYears)
        return {
          status: "non_resident",
          effectiveFrom: twoYears,
          changesOn: null,
          reason: {
            ja: `出国後2年以上外国に滞在するに至ったため非居住者${note.ja}`,
            en: `Two years or more abroad since leaving: non-resident${note.en}`,
          },
          recheck: legacy,
        };
      return {
        status: "resident",
        effectiveFrom: null,
        changesOn: twoYears,
        reason: {
          ja: `一時的な出国（${basis.date}）のため居住者のまま（${twoYears} に再判定）${note.ja}`,
          en: `Temporary stay abroad since ${basis.date}: still a resident (re-check on ${twoYears})${note.en}`,
        },
        recheck: legacy,
      };
    }
  }
}

/** Checks residency facts before they are recorded. */
export function validateResidencyBasis(b: Partial<ResidencyBasis> & { kind?: string }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!b.kind) return [{ path: "kind", message: REQUIRED }];
  if (
    (b.kind === "arrived_in_japan" || b.kind === "left_japan" || b.kind === "officer_decision") &&
    !isIsoDate((b as { date?: string }).date)
  )
    problems.push({ path: "date", message: DATE_MSG });
  if (b.kind === "officer_decision" && !(b as { reason?: string }).reason?.trim())
    problems.push({ path: "reason", message: REQUIRED });
  if (
    (b.kind === "arrived_in_japan" || b.kind === "left_japan") &&
    !["japanese_national", "foreign_national"].includes((b as { personType?: string }).personType ?? "")
  )
    problems.push({
      path: "personType",
      message: {
        ja: "本邦人か外国人かを選んでください（外為法の居住性の判定基準が異なります）",
        en: "Choose Japanese or foreign national (the Foreign Exchange Act's residency rules differ)",
      },
    });
  if (b.kind === "official_duty") {
    if (!isIsoDate((b as { date?: string }).date)) problems.push({ path: "date", message: DATE_MSG });
    if (!(OFFICIAL_CAPACITIES as readonly string[]).includes((b as { capacity?: string }).capacity ?? ""))
      problems.push({ path: "capacity", message: REQUIRED });
  }
  return problems;
}

// — 特定類型 —

/**
 * The three 特定類型 of the 役務通達 (as amended, in force 2022-05-01): a resident who falls under one is
 * treated as a non-resident for technology provision (みなし輸出管理). The labels carry the notice's
 * full wording as this project reads it (要確認: check word for word against the current 役務通達
 * 別紙1-3). ② and ③ concern 外国政府等 only; a contract with a foreign company or university (e.g. an
 * adviser contract, which carries a duty of care) is ①, not ②.
 */
export const TOKUTEI_TYPES: readonly { type: "1" | "2" | "3"; label: Label; note: Label }[] = [
  {
    type: "1",
    label: {
      ja: "① 外国政府等又は外国法人等との間で雇用契約、委任契約、請負契約その他の契約を締結し、当該外国政府等又は外国法人等の指揮命令に服する又は当該外国政府等又は外国法人等に対して善管注意義務を負う者",
      en: "① A person who has an employment, mandate, service or other contract with a foreign government etc. or a foreign legal person etc. and is under its direction or owes it a duty of care (善管注意義務)",
    },
    note: {
      ja: "外国の大学・企業との雇用・兼業・顧問契約等が典型。本邦の法人等との契約上の義務が優先する旨の合意がある場合等の除外の要件は役務通達で要確認",
      en: "Typically employment, an outside post or an adviser contract with a foreign university or company. The exclusion where duties to a Japanese employer prevail is to be verified in the notice",
    },
  },
  {
    type: "2",
    label: {
      ja: "② 外国政府等から多額の金銭その他の重大な利益を得ている者又は得ることを約している者",
      en: "② A person who receives, or has agreed to receive, a large sum of money or other significant benefit from a foreign government etc.",
    },
    note: {
      ja: "「多額」は年間所得の25%以上（経済産業省の解釈）。外国政府等からの利益に限り、外国企業からの報酬は②ではなく契約関係として①で判断",
      en: "'Large' means 25 % or more of annual income (METI's reading). Only benefits from a foreign government etc. count; a fee from a foreign company is judged as a contract under ①",
    },
  },
  {
    type: "3",
    label: {
      ja: "③ ①②のほか、本邦における行動に関し外国政府等の指示又は依頼を受ける者",
      en: "③ Besides ① and ②, a person who acts in Japan on the instruction or request (依頼) of a foreign government etc.",
    },
    note: {
      ja: "外国政府等から本邦での情報収集・研究活動等について指示・依頼を受けている場合",
      en: "E.g. instructed or asked by a foreign government to gather information or conduct research in Japan",
    },
  },
];

export type TokuteiForm = {
  declaredOn: string;
  /** ① a contract with a foreign government etc. or a foreign legal person (company, university …), under its direction or owing it a duty of care. */
  type1: { applies: boolean; counterparty: string; detail: string };
  /** ② money or other significant benefit from a foreign government etc. (25 % of annual income); the share is computed, not ticked. */
  type2: { fiscalYear: string; foreignIncomeJpy: number; totalIncomeJpy: number; sources: string };
  /** ③ acting in Japan on a foreign government's instruction or request. */
  type3: { applies: boolean; detail: string };
  evidence: string;
  nextReviewOn: string | null;
  pledge: boolean;
};

/**
 * ②: the share of the person's annual income that comes from a foreign government etc. (外国政府等 —
 * not foreign companies, whose contracts are judged under ①). The
 * declaration applies at 25 % or more — computed exactly (foreign × 4 ≥ total), never rounded up.
 */
export function incomeShare(
  foreignIncomeJpy: number,
  totalIncomeJpy: number,
): { share: number | null; applies: boolean } {
  if (!(totalIncomeJpy > 0)) return { share: null, applies: false };
  return { share: foreignIncomeJpy / totalIncomeJpy, applies: foreignIncomeJpy * 4 >= totalIncomeJpy };
}

/** Checks a 特定類型 declaration; the pledge must be given and every "applies" needs its details. */
export function validateTokutei(f: TokuteiForm): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const p = (path: string, message: Label) => problems.push({ path, message });
  if (!isIsoDate(f.declaredOn)) p("declaredOn", DATE_MSG);
  if (f.nextReviewOn !== null && !isIsoDate(f.nextReviewOn)) p("nextReviewOn", DATE_MSG);
  else if (f.nextReviewOn && isIsoDate(f.declaredOn) && f.nextReviewOn <= f.declaredOn)
    p("nextReviewOn", {
      ja: "次回確認日は申告日より後にしてください",
      en: "The next review must be after the declaration date",
    });
  if (f.type1.applies && !f.type1.counterparty.trim()) p("type1.counterparty", REQUIRED);
  if (f.type1.applies && !f.type1.detail.trim()) p("type1.detail", REQUIRED);
  if (f.type3.applies && !f.type3.detail.trim()) p("type3.detail", REQUIRED);
  const { foreignIncomeJpy: fi, totalIncomeJpy: ti } = f.type2;
  if (!Number.isFinite(fi) || fi < 0)
    p("type2.foreignIncomeJpy", { ja: "0以上の金額を入力してください", en: "Enter an amount of 0 or more" });
  if (!Number.isFinite(ti) || ti < 0)
    p("type2.totalIncomeJpy", { ja: "0以上の金額を入力してください", en: "Enter an amount of 0 or more" });
  if (Number.isFinite(fi) && Number.isFinite(ti) && fi > ti)
    p("type2.foreignIncomeJpy", {
      ja: "外国からの収入が年間総収入を超えています",
      en: "Foreign income cannot exceed total annual income",
    });
  if (fi > 0 && !f.type2.sources.trim()) p("type2.sources", REQUIRED);
  if (!f.type2.fiscalYear.trim()) p("type2.fiscalYear", REQUIRED);
  const applies = f.type1.applies || f.type3.applies || incomeShare(fi, ti).applies;
  if (applies && !f.evidence.trim())
    p("evidence", {
      ja: "該当する場合は根拠（契約書・収入の資料等）を記入してください",
      en: "Describe the evidence (contracts, income records) when a type applies",
    });
  if (!f.pledge)
    p("pledge", {
      ja: "申告内容が正確である旨の誓約が必要です",
      en: "The pledge that the declaration is accurate is required",
    });
  return problems;
}

/** Which types apply (①②③ as "1" "2" "3"), the ② share, and the next review date (default: one year). */
export function summariseTokutei(f: TokuteiForm): {
  types: string[];
  incomeShare: number | null;
  nextReviewOn: string;
} {
  const share = incomeShare(f.type2.foreignIncomeJpy, f.type2.totalIncomeJpy);
  const types = [
    ...(f.type1.applies ? ["1"] : []),
    ...(share.applies ? ["2"] : []),
    ...(f.type3.applies ? ["3"] : []),
  ];
  return { types, incomeShare: share.share, nextReviewOn: f.nextReviewOn ?? addMonths(f.declaredOn, 12) };
}

// — Research-integrity disclosure —

export const AFFILIATION_KINDS = ["position", "outside_appointment", "talent_programme", "honorary"] as const;
export type AffiliationKind = (typeof AFFILIATION_KINDS)[number];

/**
 * A named provider: an organisation by default, or a person (an individual sponsor or host) when
 * `kind` says so — either way it is matched to a party of that kind and screened.
 */
export type Provider = { name: string; partyId: string | null; kind?: "organization" | "person" | undefined };

export type Disclosure = {
  submittedOn: string;
  career: { from: string; to: string | null; organisation: string; position: string }[];
  affiliations: {
    kind: AffiliationKind;
    organisation: Provider;
    position: string;
    from: string;
    to: string | null;
    effortPercent: number;
    paid: boolean;
    confidentiality: boolean;
  }[];
  funds: {
    title: string;
    programme: string;
    provider: Provider;
    status: "applied" | "received";
    inERad: boolean;
    amountJpy: number | null;
    from: string;
    to: string | null;
    effortPercent: number;
    confidentiality: boolean;
  }[];
  nonMonetary: { description: string; provider: Provider; from: string | null; confidentiality: boolean }[];
  pledge: boolean;
};

/** Total effort: every current position, outside post and programme, plus funds received. */
export function totalEffort(d: Pick<Disclosure, "affiliations" | "funds">): number {
  const sum =
    d.affiliations.reduce((s, a) => s + a.effortPercent, 0) +
    d.funds.filter((f) => f.status === "received").reduce((s, f) => s + f.effortPercent, 0);
  return Math.round(sum * 100) / 100;
}

/** Checks a disclosure: dates, providers, effort 0–100 per line, and the pledge (誓約). */
export function validateDisclosure(d: Disclosure): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const p = (path: string, message: Label) => problems.push({ path, message });
  if (!isIsoDate(d.submittedOn)) p("submittedOn", DATE_MSG);
  const range = (path: string, from: string | null, to: string | null, fromRequired = true) => {
    if (from === null ? fromRequired : !isIsoDate(from)) p(`${path}.from`, DATE_MSG);
    if (to !== null && !isIsoDate(to)) p(`${path}.to`, DATE_MSG);
    if (from && to && isIsoDate(from) && isIsoDate(to) && to < from)
      p(`${path}.to`, { ja: "終了日は開始日以降にしてください", en: "The end must not be before the start" });
  };
  const effort = (path: string, v: number) => {
    if (!Number.isFinite(v) || v < 0 || v > 100)
      p(path, { ja: "エフォートは0〜100%で入力してください", en: "Effort must be between 0 and 100 %" });
  };
  d.career.forEach((c, i) => {
    if (!c.organisation.trim()) p(`career.${i}.organisation`, REQUIRED);
    if (!c.position.trim()) p(`career.${i}.position`, REQUIRED);
    range(`career.${i}`, c.from, c.to);
  });
  d.affiliations.forEach((a, i) => {
    if (!a.organisation.name.trim()) p(`affiliations.${i}.organisation.name`, REQUIRED);
    if (!a.position.trim()) p(`affiliations.${i}.position`, REQUIRED);
    range(`affiliations.${i}`, a.from, a.to);
    effort(`affiliations.${i}.effortPercent`, a.effortPercent);
  });
  d.funds.forEach((f, i) => {
    if (!f.title.trim()) p(`funds.${i}.title`, REQUIRED);
    if (!f.provider.name.trim()) p(`funds.${i}.provider.name`, REQUIRED);
    if (f.amountJpy !== null && (!Number.isFinite(f.amountJpy) || f.amountJpy < 0))
      p(`funds.${i}.amountJpy`, { ja: "0以上の金額を入力してください", en: "Enter an amount of 0 or more" });
    range(`funds.${i}`, f.from, f.to);
    effort(`funds.${i}.effortPercent`, f.effortPercent);
  });
  d.nonMonetary.forEach((n, i) => {
    if (!n.description.trim()) p(`nonMonetary.${i}.description`, REQUIRED);
    if (!n.provider.name.trim()) p(`nonMonetary.${i}.provider.name`, REQUIRED);
    range(`nonMonetary.${i}`, n.from, null, false);
  });
  if (!d.pledge)
    p("pledge", {
      ja: "申告内容が正確であり、変更があれば速やかに届け出る旨の誓約が必要です",
      en: "The pledge (accurate, and changes reported promptly) is required",
    });
  return problems;
}

/** Every provider named in a disclosure (affiliations, funders, supporters), for list screening. */
export function disclosureProviders(d: Disclosure): Provider[] {
  const all = [
    ...d.affiliations.map((a) => a.organisation),
    ...d.funds.map((f) => f.provider),
    ...d.nonMonetary.map((n) => n.provider),
  ];
  const seen = new Set<string>();
  return all.filter((p) => {
    const key = p.partyId ?? `name:${p.name.trim().toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What changed between two disclosures that a reviewer should look at (new posts, funders, programmes). */
export function disclosureChanges(before: Disclosure | null, after: Disclosure): Label[] {
  if (!before) return [{ ja: "初回の申告", en: "First disclosure" }];
  const names = (d: Disclosure) => new Set(disclosureProviders(d).map((p) => p.name.trim()));
  const old = names(before);
  const added = [...names(after)].filter((n) => !old.has(n));
  const out: Label[] = added.map((n) => ({
    ja: `新たな所属・資金提供者: ${n}`,
    en: `New affiliation or funder: ${n}`,
  }));
  const e0 = totalEffort(before);
  const e1 = totalEffort(after);
  if (e0 !== e1) out.push({ ja: `エフォート合計 ${e0}% → ${e1}%`, en: `Total effort ${e0}% → ${e1}%` });
  return out;
}

/** Due state of a date: overdue, due within `soonDays`, or fine. */
export function dueState(
  due: string | null,
  today: string,
  soonDays = 30,
): "overdue" | "due_soon" | "ok" | "none" {
  if (!due) return "none";
  if (due < today) return "overdue";
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + soonDays);
  return due <= soon.toISOString().slice(0, 10) ? "due_soon" : "ok";
}

// — e-Rad CSV —

const ERAD_COLUMNS = [
  "e-Rad研究者番号",
  "氏名",
  "e-Rad記載欄",
  "区分",
  "名称・課題名",
  "制度名・役職",
  "提供者（配分機関・所属先）",
  "受入状況",
  "e-Rad対象",
  "期間（開始）",
  "期間（終了）",
  "金額（円）",
  "エフォート（%）",
  "秘密保持契約",
  "申告日",
];

function csvCell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const AFFILIATION_LABELS: Record<AffiliationKind, string> = {
  position: "所属・役職（本務）",
  outside_appointment: "兼業",
  talent_programme: "外国の人材登用プログラム",
  honorary: "名誉職・称号（雇用契約のない名誉教授等）",
};

/**
 * The e-Rad section each line belongs to (要確認: the section titles follow e-Rad's research-integrity
 * fields as this project reads them): all current posts — the main post (本務) included — under
 * 「現在の全ての所属機関・役職」, funds under 「現在の他の研究費の応募・受入状況」, and support other
 * than money (equipment, facilities) kept as its own line rather than dropped.
 */
export const ERAD_SECTIONS = {
  affiliation: "現在の全ての所属機関・役職",
  fund: "現在の他の研究費の応募・受入状況",
  nonMonetary: "その他の支援（研究資金以外の物品・施設等の提供）",
} as const;

/**
 * The e-Rad research-integrity fields (other funds applied for or received, all affiliations and posts
 * including the main post and foreign talent programmes (外国の人材登用プログラム), non-monetary support)
 * as CSV with a BOM, one line per item, ready to paste into e-Rad or Excel. Where a confidentiality
 * agreement (秘密保持契約) exists, only the effort is reported: names, providers, amounts and dates
 * stay blank.
 */
export function eRadCsv(
  people: { eradNumber: string | null; name: string; disclosure: Disclosure }[],
): string {
  const lines = [ERAD_COLUMNS.map(csvCell).join(",")];
  const yn = (b: boolean) => (b ? "有" : "無");
  /** Blanks every detail but the effort when a confidentiality agreement covers the item. */
  const masked = <T extends (string | number | null)[]>(
    confidential: boolean,
    cells: T,
  ): (string | number | null)[] => (confidential ? cells.map(() => null) : cells);
  for (const { eradNumber, name, disclosure: d } of people) {
    for (const f of d.funds)
      lines.push(
        [
          eradNumber,
          name,
          ERAD_SECTIONS.fund,
          "研究費",
          ...masked(f.confidentiality, [
            f.title,
            f.programme,
            f.provider.name,
            f.status === "received" ? "受入" : "応募中",
            f.inERad ? "対象" : "対象外",
            f.from,
            f.to,
            f.amountJpy,
          ]),
          f.effortPercent,
          yn(f.confidentiality),
          d.submittedOn,
        ]
          .map(csvCell)
          .join(","),
      );
    for (const a of d.affiliations)
      lines.push(
        [
          eradNumber,
          name,
          ERAD_SECTIONS.affiliation,
          AFFILIATION_LABELS[a.kind],
          ...masked(a.confidentiality, [
            a.organisation.name,
            a.position,
            a.organisation.name,
            a.paid ? "有償" : "無償",
            "",
            a.from,
            a.to,
            null,
          ]),
          a.effortPercent,
          yn(a.confidentiality),
          d.submittedOn,
        ]
          .map(csvCell)
          .join(","),
      );
    for (const n of d.nonMonetary)
      lines.push(
        [
          eradNumber,
          name,
          ERAD_SECTIONS.nonMonetary,
          "物品・施設等の支援",
          ...masked(n.confidentiality, [n.description, "", n.provider.name, "", "", n.from, null, null]),
          null,
          yn(n.confidentiality),
          d.submittedOn,
        ]
          .map(csvCell)
          .join(","),
      );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

// — Every organisation named in a disclosure is a party —

/** A name written in a disclosure without a party link, with where it was written and what it names. */
export type NamedProvider = { path: string; name: string; kind: "organization" | "person" };

/**
 * Every free-text organisation or person named in a disclosure and not linked to a party —
 * affiliations (incl. talent programmes), funders, non-monetary supporters and past employers
 * (career) — once per name and kind, so each is matched to a party and screened.
 */
export function unlinkedProviders(d: Disclosure): NamedProvider[] {
  const all: NamedProvider[] = [
    ...d.affiliations.map((a, i) => ({ path: `affiliations.${i}.organisation`, p: a.organisation })),
    ...d.funds.map((f, i) => ({ path: `funds.${i}.provider`, p: f.provider })),
    ...d.nonMonetary.map((n, i) => ({ path: `nonMonetary.${i}.provider`, p: n.provider })),
    ...d.career.map((c, i) => ({
      path: `career.${i}.organisation`,
      p: { name: c.organisation, partyId: null } as Provider,
    })),
  ].flatMap(({ path, p }) =>
    p.partyId || !p.name.trim() ? [] : [{ path, name: p.name.trim(), kind: p.kind ?? "organization" }],
  );
  const seen = new Set<string>();
  return all.filter((p) => {
    const key = `${p.kind}:${p.name.normalize("NFKC").toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Score from which a duplicate candidate is taken as the same organisation without asking. */
export const SAME_PARTY_SCORE = 0.95;

/**
 * How a disclosed name becomes a party: the existing party sharing an identifier or with a
 * near-identical name, else a new party (created, so it is screened and appears in the ledger).
 * A weaker similarity is not guessed: a new party is created and the similarity kept as a reason
 * so the secretariat can merge them.
 */
export function chooseDisclosedParty(
  candidates: { partyId: string; score: number; sameIdentifier: boolean; reasons: Label[] }[],
): {
  method: "identifier" | "exact" | "similar" | "created";
  partyId: string | null;
  score: number | null;
  reasons: Label[];
} {
  const best = [...candidates].sort(
    (a, b) => Number(b.sameIdentifier) - Number(a.sameIdentifier) || b.score - a.score,
  )[0];
  if (!best) return { method: "created", partyId: null, score: null, reasons: [] };
  if (best.sameIdentifier)
    return { method: "identifier", partyId: best.partyId, score: best.score, reasons: best.reasons };
  if (best.score >= 0.999)
    return { method: "exact", partyId: best.partyId, score: best.score, reasons: best.reasons };
  if (best.score >= SAME_PARTY_SCORE)
    return { method: "similar", partyId: best.partyId, score: best.score, reasons: best.reasons };
  return { method: "created", partyId: null, score: best.score, reasons: best.reasons };
}
