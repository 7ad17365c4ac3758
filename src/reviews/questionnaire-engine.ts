import { redFlag } from "../shared/red-flags.js";
import type { Label } from "./control-lists.js";

/**
 * The 事前確認シート: one questionnaire per activity type, in Japanese and English, and the rules
 * that check an application is complete and tell which answers call for a full review. Pure: the
 * web form is rendered from these definitions and the server validates with the same ones.
 */

export const ACTIVITY_TYPES = [
  "acceptance",
  "overseas_trip",
  "technology_provision",
  "goods_export",
  "joint_research",
  "donation_grant",
  "outside_appointment",
  "data_sharing",
  "investment_offer",
  "hiring_contracting",
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const COUNTERPARTY_ROLES = [
  "visitor",
  "home_institution",
  "host",
  "recipient",
  "consignee",
  "end_user",
  "partner",
  "funder",
  "employer",
  "investor",
  "contractor",
  "intermediary",
  "payee",
  "other",
] as const;
export type CounterpartyRole = (typeof COUNTERPARTY_ROLES)[number];

export const ROLE_LABELS: Record<CounterpartyRole, Label> = {
  visitor: { ja: "受入者（来訪者・留学生・研究者）", en: "Visitor / student / researcher" },
  home_institution: { ja: "受入者の所属機関", en: "Visitor's home institution" },
  host: { ja: "渡航先の受入機関・面会者", en: "Host abroad" },
  recipient: { ja: "技術・データの提供先", en: "Recipient of technology or data" },
  consignee: { ja: "荷受人", en: "Consignee" },
  end_user: { ja: "最終需要者", en: "End user" },
  partner: { ja: "共同研究・受託研究の相手方", en: "Research partner" },
  funder: { ja: "資金提供者（寄附者・助成機関）", en: "Funder (donor, grant maker)" },
  employer: { ja: "兼業先", en: "Outside employer" },
  investor: { ja: "出資・買収の申出者", en: "Investor / acquirer" },
  contractor: { ja: "採用予定者・業務委託先（本人・企業）", en: "Hire or contractor (person or company)" },
  intermediary: { ja: "仲介者（プラットフォーム・人材会社）", en: "Intermediary (platform or agency)" },
  payee: { ja: "報酬の支払先（口座名義人）", en: "Payee (account holder)" },
  other: { ja: "その他の関係者", en: "Other party" },
};

export const ACTIVITY_LABELS: Record<ActivityType, Label> = {
  acceptance: { ja: "受入れ（来訪者・留学生・研究者）", en: "Accepting a visitor, student or researcher" },
  overseas_trip: { ja: "海外渡航", en: "Overseas trip" },
  technology_provision: {
    ja: "技術提供（みなし輸出を含む）",
    en: "Technology provision (incl. deemed export)",
  },
  goods_export: { ja: "貨物・サンプルの輸出", en: "Export of goods or samples" },
  joint_research: { ja: "共同研究・受託研究", en: "Joint or contract research" },
  donation_grant: { ja: "寄附・助成の受入れ", en: "Receiving a donation or grant" },
  outside_appointment: { ja: "兼業", en: "Outside appointment (兼業)" },
  data_sharing: { ja: "外部へのデータ共有", en: "Sharing data with an external party" },
  investment_offer: { ja: "出資・買収の申出", en: "Investment or acquisition offer" },
  hiring_contracting: { ja: "採用・業務委託", en: "Hiring or contracting" },
};

export type QuestionKind = "yesno" | "text" | "textarea" | "number" | "select" | "date";

export type Question = {
  id: string;
  kind: QuestionKind;
  label: Label;
  help?: Label;
  required: boolean;
  options?: { value: string; label: Label }[];
  /**
   * Yes/no questions only: which answer is the risky one — the answer that raises `flag` or sends
   * the activity to the full review — or `null` for a question that only records a fact (neither
   * answer is a concern by itself). Every form is worded so that はい / yes is the risky answer: a
   * form that mixes 「…明確ですか」 with 「…ありますか」 gets answered backwards, so the type allows
   * nothing else, and a test walks every question with its safe and its risky answer.
   */
  riskyAnswer?: "yes" | null;
  /** Red-flag id raised on the risky answer; its evidence (note) is then required. */
  flag?: string;
  /** A "yes" means the activity needs the full review (該非判定 → 取引審査 → approver). */
  fullReviewIfYes?: boolean;
  /** Selecting one of these values needs the full review. */
  fullReviewIfValue?: string[];
  min?: number;
  max?: number;
};

export type Questionnaire = {
  type: ActivityType;
  label: Label;
  /** Roles the form suggests for counterparties, first one preselected. */
  roles: CounterpartyRole[];
  /** Roles that must be present before submitting (they are screened). */
  requiredRoles?: CounterpartyRole[];
  /** Always takes the full review, whatever the answers (hiring: identity checks by the office). */
  alwaysFullReview?: boolean;
  questions: Question[];
};

/** A yes/no question; `riskyAnswer` must be declared (see `Question.riskyAnswer`). */
const yesno = (
  id: string,
  ja: string,
  en: string,
  riskyAnswer: "yes" | null,
  extra: Partial<Question> = {},
): Question => ({
  id,
  kind: "yesno",
  label: { ja, en },
  required: true,
  riskyAnswer,
  ...extra,
});

/** A question taken word for word from the shared red-flag catalogue, so forms and flags never drift. */
function flagQuestion(flagId: string): Question {
  const flag = redFlag(flagId);
  if (!flag) throw new Error(`unknown red flag ${flagId}`);
  return {
    id: `flag_${flagId}`,
    kind: "yesno",
    label: flag.question,
    required: true,
    riskyAnswer: "yes",
    flag: flagId,
    fullReviewIfYes: true,
  };
}

/** Behaviour and affiliation questions asked about the partner in every activity. */
const PARTNER_QUESTIONS: Question[] = [
  "R-STATE-OWNED",
  "R-MILITARY",
  "R-UNCLEAR-FUNDING",
  "R-EXCESS-ACCESS",
  "R-PUBLICATION-BLOCK",
  "R-RELOCATION",
  "R-PLACED-INTERN",
].map(flagQuestion);

const CONTROLLED_TECH = yesno(
  "controlled_tech",
  "提供・使用する技術や貨物は、輸出令別表第1・外為令別表の規制項目に該当する可能性がありますか",
  "Could the technology or goods fall under a list-controlled item (輸出令別表第1 / 外為令別表)?",
  "yes",
  { fullReviewIfYes: true, flag: "R-SENSITIVE-TOPIC" },
);

const PUBLIC_ONLY = yesno(
  "public_only",
  "提供する情報は公知のもの（論文・書籍・公開講演）に限られますか",
  "Is everything to be shared already public (papers, books, public talks)?",
  null,
);

const QUESTIONNAIRES: Record<ActivityType, Questionnaire> = {
  acceptance: {
    type: "acceptance",
    label: ACTIVITY_LABELS.acceptance,
    roles: ["visitor", "home_institution", "funder"],
    questions: [
      {
        id: "acceptance_kind",
        kind: "select",
        required: true,
        label: { ja: "受入れの種別", en: "Kind of acceptance" },
        options: [
          { value: "visitor", label: { ja: "来訪者（見学・打合せ）", en: "Visitor (tour, meeting)" } },
          { value: "student", label: { ja: "留学生・研究生", en: "Student" } },
          {
            value: "researcher",
            label: { ja: "研究者（客員・共同研究員）", en: "Researcher (visiting, joint)" },
          },
        ],
      },
      yesno(
        "lab_access",
        "規制対象の装置・技術がある研究室・施設への立入りがありますか",
        "Will they enter labs or facilities holding controlled equipment or technology?",
        "yes",
        { fullReviewIfYes: true },
      ),
      yesno(
        "tech_provided",
        "受入れに伴い、公知でない技術を提供しますか（みなし輸出の確認）",
        "Will non-public technology be shared with them (deemed-export check)?",
        "yes",
        { fullReviewIfYes: true },
      ),
      yesno(
        "stay_over_6_months",
        "受入れ開始時点で、入国後6か月以上が経過していますか（予定の滞在期間ではなく入国日からの経過で判定。外為法上の居住性に影響）",
        "At the start, will six months have ELAPSED since the person entered Japan (elapsed time, not the planned stay; affects residency)?",
        null,
        {
          help: {
            ja: "外国人は本邦内の事務所に勤務するか入国後6か月経過で居住者。外国政府・国際機関の公務を帯びる者、外交官・領事官は常に非居住者。人物記録の居住性判定が優先されます",
            en: "A foreign national becomes a resident by working at an office in Japan or once six months have elapsed since entry. People on official duty for a foreign government or international organisation, and diplomats, are always non-residents. The person record's residency takes precedence",
          },
        },
      ),
      ...PARTNER_QUESTIONS,
    ],
  },
  overseas_trip: {
    type: "overseas_trip",
    label: ACTIVITY_LABELS.overseas_trip,
    roles: ["host", "funder"],
    questions: [
      {
        id: "destination",
        kind: "text",
        required: true,
        label: { ja: "渡航先（都市・機関）", en: "Destination (city, institution)" },
      },
      yesno(
        "carrying_goods",
        "研究用の機器・試料・データ（PC内を含む）を携行しますか",
        "Will you carry research equipment, samples or data (incl. on a laptop)?",
        null,
      ),
      CONTROLLED_TECH,
      PUBLIC_ONLY,
      ...PARTNER_QUESTIONS,
    ],
  },
  technology_provision: {
    type: "technology_provision",
    label: ACTIVITY_LABELS.technology_provision,
    roles: ["recipient", "home_institution"],
    questions: [
      {
        id: "provision_method",
        kind: "select",
        required: true,
        label: { ja: "提供方法", en: "How is it provided?" },
        options: [
          { value: "oral", label: { ja: "口頭・打合せ", en: "Orally / in meetings" } },
          { value: "documents", label: { ja: "文書・図面", en: "Documents / drawings" } },
          { value: "data", label: { ja: "電子データ・ソースコード", en: "Electronic data / source code" } },
          { value: "training", label: { ja: "実験・装置操作の指導", en: "Hands-on training" } },
        ],
      },
      {
        id: "recipient_residency",
        kind: "select",
        required: true,
        label: { ja: "提供先の居住性（外為法）", en: "Recipient's residency (Foreign Exchange Act)" },
        help: {
          ja: "外国人は本邦内の事務所に勤務する者、入国後6か月以上経過した者が居住者。本邦人は原則として居住者（外国の事務所に勤務する目的や2年以上の滞在目的で出国した者等は非居住者）。外国政府・国際機関の公務を帯びる者、外交官・領事官は常に非居住者。居住者でも特定類型に該当すれば非居住者への提供とみなされます。人物記録があればそちらの判定が優先されます",
          en: "Foreign nationals are residents when working at an office in Japan or once six months have elapsed since entry. Japanese nationals are residents unless they left to work abroad or to stay abroad two years or more. People on official duty for a foreign government or international organisation, and diplomats, are always non-residents. Provision to a resident under 特定類型 counts as provision to a non-resident. A person record's status takes precedence",
        },
        options: [
          { value: "resident", label: { ja: "居住者", en: "Resident" } },
          { value: "non_resident", label: { ja: "非居住者", en: "Non-resident" } },
          { value: "unknown", label: { ja: "不明", en: "Unknown" } },
        ],
        fullReviewIfValue: ["non_resident", "unknown"],
      },
      CONTROLLED_TECH,
      PUBLIC_ONLY,
      ...PARTNER_QUESTIONS,
    ],
  },
  goods_export: {
    type: "goods_export",
    label: ACTIVITY_LABELS.goods_export,
    roles: ["consignee", "end_user"],
    questions: [
      {
        id: "goods_description",
        kind: "textarea",
        required: true,
        label: { ja: "貨物・サンプルの名称と仕様", en: "Goods or samples: name and specification" },
      },
      { id: "destination", kind: "text", required: true, label: { ja: "仕向地", en: "Destination" } },
      {
        id: "quantity",
        kind: "text",
        required: true,
        label: { ja: "数量・単位", en: "Quantity and unit" },
      },
      yesno("is_sample", "研究用サンプルですか", "Is it a research sample?", null),
      CONTROLLED_TECH,
      ...PARTNER_QUESTIONS,
    ],
  },
  joint_research: {
    type: "joint_research",
    label: ACTIVITY_LABELS.joint_research,
    roles: ["partner", "funder"],
    questions: [
      {
        id: "contract_type",
        kind: "select",
        required: true,
        label: { ja: "契約の種類", en: "Kind of agreement" },
        options: [
          { value: "joint", label: { ja: "共同研究", en: "Joint research" } },
          { value: "contract", label: { ja: "受託研究", en: "Contract research" } },
          { value: "mta", label: { ja: "試料提供契約（MTA）", en: "Material transfer (MTA)" } },
        ],
      },
      yesno(
        "partner_lab_access",
        "相手方の研究者が本学の研究室・データにアクセスしますか",
        "Will the partner's researchers access our labs or data?",
        null,
      ),
      CONTROLLED_TECH,
      PUBLIC_ONLY,
      ...PARTNER_QUESTIONS,
    ],
  },
  donation_grant: {
    type: "donation_grant",
    label: ACTIVITY_LABELS.donation_grant,
    roles: ["funder"],
    questions: [
      {
        id: "amount_jpy",
        kind: "number",
        required: true,
        min: 0,
        label: { ja: "金額（円）", en: "Amount (JPY)" },
      },
      yesno(
        "conditions_attached",
        "資金に研究内容・成果の扱い・人の受入れ等の条件が付いていますか",
        "Does the money come with conditions on the research, results or people?",
        "yes",
        { fullReviewIfYes: true },
      ),
      ...PARTNER_QUESTIONS,
    ],
  },
  outside_appointment: {
    type: "outside_appointment",
    label: ACTIVITY_LABELS.outside_appointment,
    roles: ["employer"],
    questions: [
      {
        id: "position",
        kind: "text",
        required: true,
        label: { ja: "役職・職務", en: "Position and duties" },
      },
      {
        id: "effort_percent",
        kind: "number",
        required: true,
        min: 0,
        max: 100,
        label: { ja: "エフォート（%）", en: "Effort (%)" },
      },
      yesno("paid", "報酬がありますか", "Is it paid?", null),
      yesno(
        "talent_programme",
        "外国の人材招致プログラムに関係する兼業ですか",
        "Is the appointment part of a foreign talent programme?",
        "yes",
        { fullReviewIfYes: true, flag: "P-TALENT-PROGRAM" },
      ),
      CONTROLLED_TECH,
      ...PARTNER_QUESTIONS,
    ],
  },
  data_sharing: {
    type: "data_sharing",
    label: ACTIVITY_LABELS.data_sharing,
    roles: ["recipient"],
    questions: [
      {
        id: "data_category",
        kind: "select",
        required: true,
        label: { ja: "データの種類", en: "Kind of data" },
        options: [
          { value: "research", label: { ja: "研究データ", en: "Research data" } },
          { value: "personal", label: { ja: "個人情報を含むデータ", en: "Data with personal information" } },
          { value: "genomic", label: { ja: "ゲノム・医療データ", en: "Genomic or medical data" } },
          {
            value: "technical",
            label: { ja: "設計・製造等の技術データ", en: "Technical (design, manufacturing) data" },
          },
        ],
        fullReviewIfValue: ["genomic", "technical"],
      },
      CONTROLLED_TECH,
      PUBLIC_ONLY,
      ...PARTNER_QUESTIONS,
    ],
  },
  investment_offer: {
    type: "investment_offer",
    label: ACTIVITY_LABELS.investment_offer,
    roles: ["investor"],
    questions: [
      {
        id: "stake_percent",
        kind: "number",
        required: true,
        min: 0,
        max: 100,
        label: { ja: "出資比率（%）", en: "Stake (%)" },
      },
      yesno(
        "board_seat",
        "役員の派遣・指名権を求められていますか",
        "Is a board seat or nomination right requested?",
        "yes",
        {
          fullReviewIfYes: true,
        },
      ),
      yesno(
        "tech_access",
        "技術・知的財産・施設へのアクセスを求められていますか",
        "Is access to technology, IP or facilities requested?",
        "yes",
        { fullReviewIfYes: true },
      ),
      ...PARTNER_QUESTIONS,
    ],
  },
  hiring_contracting: {
    type: "hiring_contracting",
    label: ACTIVITY_LABELS.hiring_contracting,
    roles: ["contractor", "payee", "intermediary"],
    requiredRoles: ["contractor", "payee"],
    alwaysFullReview: true,
    questions: [
      {
        id: "engagement_kind",
        kind: "select",
        required: true,
        label: { ja: "採用・委託の形態", en: "Kind of engagement" },
        options: [
          { value: "employee", label: { ja: "雇用（職員・研究員）", en: "Employment (staff, researcher)" } },
          { value: "freelancer", label: { ja: "個人への業務委託", en: "Contract with an individual" } },
          { value: "company", label: { ja: "企業への業務委託", en: "Contract with a company" } },
        ],
      },
      {
        id: "platform",
        kind: "text",
        required: true,
        label: {
          ja: "経由したプラットフォーム・人材会社（直接の場合は「直接」）",
          en: 'Platform or agency they came through ("direct" if none)',
        },
      },
      {
        id: "job_role",
        kind: "text",
        required: true,
        label: { ja: "職務・役割", en: "Role and duties" },
      },
      {
        id: "systems_access",
        kind: "textarea",
        required: true,
        label: { ja: "アクセスするシステム・データ", en: "Systems and data they will reach" },
      },
      yesno(
        "sensitive_access",
        "ソースコード・本番システム・個人情報・規制技術にアクセスしますか",
        "Will they reach source code, production systems, personal data or controlled technology?",
        "yes",
        { fullReviewIfYes: true },
      ),
      {
        id: "work_mode",
        kind: "select",
        required: true,
        label: { ja: "勤務形態", en: "Where they work" },
        options: [
          { value: "remote", label: { ja: "リモート", en: "Remote" } },
          { value: "hybrid", label: { ja: "リモートと出社の併用", en: "Hybrid" } },
          { value: "onsite", label: { ja: "出社・常駐", en: "On site" } },
        ],
      },
      {
        id: "country_of_residence",
        kind: "text",
        required: true,
        label: { ja: "居住国（本人の申告）", en: "Country of residence (as declared)" },
        help: {
          ja: "本人確認書類・送付先住所との照合に使います。居住国や国籍そのものはリスク要因にしません",
          en: "Used to compare with the identity document and delivery address. Neither residence nor nationality is a risk factor by itself",
        },
      },
      {
        id: "payee_name",
        kind: "text",
        required: true,
        label: { ja: "報酬の振込先口座の名義", en: "Name on the payee account" },
      },
      ...PARTNER_QUESTIONS,
    ],
  },
};

/** The questionnaire of an activity type. */
export function questionnaireFor(type: ActivityType): Questionnaire {
  return QUESTIONNAIRES[type];
}

/** All questionnaires, for the web form and the API. */
export function allQuestionnaires(): Questionnaire[] {
  return ACTIVITY_TYPES.map((t) => QUESTIONNAIRES[t]);
}

export type AnswerValue = string | number | boolean | null;
export type Answers = Record<string, AnswerValue>;

/** What the applicant fills in besides the questionnaire. */
export type ApplicationDetails = {
  topic: string;
  dataInvolved: string;
  startDate: string | null;
  endDate: string | null;
  purpose: string;
};

export type ApplicationForm = {
  title: string;
  details: ApplicationDetails;
  answers: Answers;
  /** Evidence / explanation per question id (required for a "yes" to a red-flag question). */
  notes: Record<string, string>;
  counterparties: { partyId: string; role: string }[];
};

export type FieldProblem = { path: string; message: Label };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const REQUIRED: Label = { ja: "入力してください", en: "Required" };

/**
 * Checks that an application is complete enough to submit: every required field and question, a
 * valid date range, at least one counterparty, and evidence for every red flag answered "yes".
 * Returns all problems at once, each naming its field in both languages.
 */
export function validateApplication(type: ActivityType, form: ApplicationForm): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (form.title.trim() === "") problems.push({ path: "title", message: REQUIRED });
  if (form.details.topic.trim() === "") problems.push({ path: "details.topic", message: REQUIRED });
  if (form.details.purpose.trim() === "") problems.push({ path: "details.purpose", message: REQUIRED });
  const { startDate, endDate } = form.details;
  if (!startDate) problems.push({ path: "details.startDate", message: REQUIRED });
  else if (!isIsoDate(startDate))
    problems.push({
      path: "details.startDate",
      message: { ja: "日付は YYYY-MM-DD で入力してください", en: "Use the date format YYYY-MM-DD" },
    });
  if (endDate && !isIsoDate(endDate))
    problems.push({
      path: "details.endDate",
      message: { ja: "日付は YYYY-MM-DD で入力してください", en: "Use the date format YYYY-MM-DD" },
    });
  if (startDate && endDate && isIsoDate(startDate) && isIsoDate(endDate) && endDate < startDate)
    problems.push({
      path: "details.endDate",
      message: {
        ja: "終了日は開始日以降にしてください",
        en: "The end date must not be before the start date",
      },
    });
  if (form.counterparties.length === 0)
    problems.push({
      path: "counterparties",
      message: { ja: "相手方を1件以上登録してください", en: "Add at least one counterparty" },
    });
  if (form.counterparties.length > 0) {
    for (const role of questionnaireFor(type).requiredRoles ?? [])
      if (!form.counterparties.some((c) => c.role === role))
        problems.push({
          path: "counterparties",
          message: {
            ja: `「${ROLE_LABELS[role].ja}」を相手方として登録してください（スクリーニングの対象です）`,
            en: `Add the ${ROLE_LABELS[role].en.toLowerCase()} as a counterparty (they are screened)`,
          },
        });
  }
  form.counterparties.forEach((c, i) => {
    if (!(COUNTERPARTY_ROLES as readonly string[]).includes(c.role))
      problems.push({
        path: `counterparties.${i}.role`,
        message: { ja: "相手方の役割を選んでください", en: "Choose the counterparty's role" },
      });
  });
  for (const q of questionnaireFor(type).questions) {
    const path = `answers.${q.id}`;
    const value = form.answers[q.id];
    const missing =
      value === undefined || value === null || (typeof value === "string" && value.trim() === "");
    if (missing) {
      if (q.required) problems.push({ path, message: REQUIRED });
      continue;
    }
    switch (q.kind) {
      case "yesno":
        if (typeof value !== "boolean")
          problems.push({
            path,
            message: { ja: "「はい」か「いいえ」を選んでください", en: "Answer yes or no" },
          });
        else if (isRiskyAnswer(q, value) && q.flag && !(form.notes[q.id] ?? "").trim())
          problems.push({
            path: `notes.${q.id}`,
            message: {
              ja: "「はい」の場合は、確認した事実（根拠）を記入してください",
              en: "For a yes, describe what you found (the evidence)",
            },
          });
        break;
      case "number": {
        const n = typeof value === "number" ? value : Number(value);
        if (typeof value === "boolean" || !Number.isFinite(n))
          problems.push({ path, message: { ja: "数値を入力してください", en: "Enter a number" } });
        else if ((q.min !== undefined && n < q.min) || (q.max !== undefined && n > q.max))
          problems.push({
            path,
            message: {
              ja: `${q.min ?? "−∞"}〜${q.max ?? "∞"} の範囲で入力してください`,
              en: `Enter a value between ${q.min ?? "−∞"} and ${q.max ?? "∞"}`,
            },
          });
        break;
      }
      case "select":
        if (!q.options?.some((o) => o.value === value))
          problems.push({
            path,
            message: { ja: "選択肢から選んでください", en: "Choose one of the options" },
          });
        break;
      case "date":
        if (typeof value !== "string" || !isIsoDate(value))
          problems.push({
            path,
            message: { ja: "日付は YYYY-MM-DD で入力してください", en: "Use the date format YYYY-MM-DD" },
          });
        break;
      default:
        if (typeof value !== "string")
          problems.push({ path, message: { ja: "文字で入力してください", en: "Enter text" } });
    }
  }
  return problems;
}

/** True when a yes/no answer is the question's declared risky answer. */
export function isRiskyAnswer(q: Question, value: AnswerValue | undefined): boolean {
  return q.kind === "yesno" && q.riskyAnswer === "yes" && value === true;
}

/** A signal from the 事前確認 answers: why a full review is needed, and any red flag raised. */
export type PrecheckSignal = { questionId: string; reason: Label; flag?: string; evidence?: string };

/**
 * What the 事前確認 answers say on their own: the answers that call for a full review and the red
 * flags raised (with the applicant's evidence). The routing engine adds what the records know.
 */
export function precheckSignals(
  type: ActivityType,
  answers: Answers,
  notes: Record<string, string>,
): PrecheckSignal[] {
  const signals: PrecheckSignal[] = [];
  for (const q of questionnaireFor(type).questions) {
    const value = answers[q.id];
    const yes = isRiskyAnswer(q, value);
    const valueTriggers = typeof value === "string" && (q.fullReviewIfValue ?? []).includes(value);
    if ((yes && (q.fullReviewIfYes || q.flag)) || valueTriggers) {
      const shown = valueTriggers
        ? (q.options?.find((o) => o.value === value)?.label ?? { ja: String(value), en: String(value) })
        : { ja: "はい", en: "yes" };
      signals.push({
        questionId: q.id,
        reason: {
          ja: `事前確認「${q.label.ja}」: ${shown.ja}`,
          en: `Pre-check "${q.label.en}": ${shown.en}`,
        },
        ...(yes && q.flag ? { flag: q.flag } : {}),
        ...(notes[q.id]?.trim() ? { evidence: notes[q.id]!.trim() } : {}),
      });
    }
  }
  return signals;
}

/** Answers "no" / the first option / a neutral value to every question: a starting point for forms and demo data. */
export function plainAnswersFor(type: ActivityType): Answers {
  return Object.fromEntries(
    questionnaireFor(type).questions.map((q) => [
      q.id,
      q.kind === "yesno"
        ? false
        : q.kind === "select"
          ? (q.options?.[0]?.value ?? null)
          : q.kind === "number"
            ? 0
            : "—",
    ]),
  );
}
