import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, qs } from "../../app/api";

export type Bi = { ja: string; en: string };
export type Option = { value: string; label: Bi };

export type Question = {
  id: string;
  kind: "yesno" | "text" | "textarea" | "number" | "select" | "date";
  label: Bi;
  help?: Bi;
  required: boolean;
  options?: Option[];
  /** Yes/no questions: the risky answer (always "yes"), or null for a question that records a fact. */
  riskyAnswer?: "yes" | null;
  flag?: string;
  fullReviewIfYes?: boolean;
  fullReviewIfValue?: string[];
  min?: number;
  max?: number;
};
export type Questionnaire = { type: string; label: Bi; roles: string[]; questions: Question[] };
export type ChecklistItem = { id: string; label: Bi; flag: string };

export type Reference = {
  activityTypes: string[];
  questionnaires: Questionnaire[];
  counterpartyRoles: Option[];
  controlItems: { item: string; label: Bi }[];
  regimes: Option[];
  listStatuses: Option[];
  catchAllCategories: Option[];
  exceptions: (Option & { conditions: Bi; citations: Bi[]; uses: Option[] })[];
  provisionMethods: Option[];
  handCarryKinds: Option[];
  returnStatuses: Option[];
  jpCriticalAreas: { id: string; label: Bi }[];
  usCetAreas: { id: string; label: Bi }[];
  checklists: { endUse: ChecklistItem[]; akiraka: ChecklistItem[]; endUser: ChecklistItem[] };
  states: Option[];
  actions: Option[];
  redFlags: { id: string; title: Bi; question: Bi; source: string }[];
  forms: Option[];
};

export type Details = {
  topic: string;
  dataInvolved: string;
  startDate: string | null;
  endDate: string | null;
  purpose: string;
};
export type AnswerValue = string | number | boolean | null;
export type TopicTags = { jp: string[]; us: string[] };

export type ReviewForm = {
  title: string;
  unit: string | null;
  details: Details;
  answers: Record<string, AnswerValue>;
  notes: Record<string, string>;
  counterparties: { partyId: string; role: string; name?: string }[];
  topicTags: TopicTags;
};

export type Provision = {
  ordinance: "goods_ordinance" | "trade_ordinance";
  article: number;
  paragraph: number | null;
  item: number | null;
  sub: string | null;
};
export type ExceptionRecord = { code: string; use: string | null; basis: string };

/** 該非判定: list status (1–15), 16の項 category, and exceptions recorded in addition to the item. */
export type Classification = {
  listStatus: "listed" | "not_listed" | null;
  regime: string | null;
  item: string | null;
  subItem: string | null;
  provision: Provision | null;
  catchAllCategory: string | null;
  exceptions: ExceptionRecord[];
  rationale: string;
  reference: string | null;
  needsReclassification?: boolean;
};

export type Hit = {
  source: string;
  name: string;
  score: number;
  match: boolean;
  programs: string[];
  decision: "true_match" | "false_positive" | null;
  entityId?: string;
};

export type PersonFact = {
  personId: string;
  tokutei: { active: boolean; types: string[]; declaredOn: string | null };
  declarationOverdue: boolean;
  disclosureHits: { provider: string; source: string; confirmed: boolean }[];
  effortTotal: number | null;
  talentProgramme: boolean;
  residency: "resident" | "non_resident" | null;
};

export type Counterparty = {
  id: string;
  partyId: string;
  name: string;
  partyKind: string;
  role: string;
  attributes: { stateOwned?: boolean; military?: boolean; note?: string | null };
  screening: { runId: string; screenedAt: string; hits: Hit[] } | null;
  screenedAt: string | null;
  openHits: number;
  confirmedHits: number;
  person: PersonFact | null;
};

export type FiredFlag = {
  id: string;
  title: Bi;
  question: Bi;
  evidence: Bi;
  source: string;
  sourceLabel?: Bi;
  severity: "medium" | "high";
  counterpartyId: string | null;
  decisive: boolean;
};

export type TransactionCheck = {
  endUse: Record<string, boolean>;
  akiraka: Record<string, boolean>;
  endUser: Record<string, boolean>;
  notes: Record<string, string>;
  conclusion: string;
};

/** One identity check of a hiring review (src/reviews/hiring-engine.ts). */
export type IdentityCheck = {
  id: string;
  flag: string;
  task: Bi;
  question: Bi;
  source: string;
  sourceLabel: Bi;
  outcome: "clear" | "sign" | null;
  evidence: string | null;
  checkedBy: string | null;
  checkedAt: string | null;
};

export type Review = {
  id: string;
  refNo: string;
  activityType: string;
  activityLabel: Bi;
  title: string;
  unit: string | null;
  status: string;
  statusLabel: Bi;
  track: "simple" | "full" | null;
  applicant: { userId: string; name: string; department: string | null };
  details: Details;
  answers: Record<string, AnswerValue>;
  notes: Record<string, string>;
  topicTags: TopicTags;
  classification: Classification | null;
  classificationSummary: Bi | null;
  classifiedAt: string | null;
  transactionCheck: TransactionCheck | null;
  transactionCheckMissing: string[];
  checkedAt: string | null;
  counterparties: Counterparty[];
  assessment: {
    level: "low" | "medium" | "high";
    topic: { level: string; reasons: Bi[] };
    partner: { level: string; reasons: Bi[] };
    reasons: Bi[];
    flags: FiredFlag[];
    /** Hiring and contracting only: the rating from the identity checks and the exposure. */
    hiring?: { level: "low" | "medium" | "high"; reasons: Bi[]; missing: string[] };
  };
  routing: { track: "simple" | "full"; reasons: Bi[] };
  /** Hiring and contracting only: the identity checklist. */
  identityChecks?: IdentityCheck[] | null;
  conditions: string | null;
  decisionComment: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  retentionUntil: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  events: {
    at: string;
    action: string;
    from: string | null;
    to: string;
    actor: string;
    comment: string | null;
    conditions: string | null;
  }[];
  actions: string[];
  permissions: {
    edit: boolean;
    classify: boolean;
    check: boolean;
    screen: boolean;
    exportFacts: boolean;
    licences: boolean;
    identityCheck?: boolean;
  };
  exportFacts: ExportFacts;
  items: ReviewItem[];
  licence: LicencePanel;
  /** Four-eyes rule: why the current user may not approve (src/auth/separation-of-duties-engine.ts). */
  separationOfDuties?: { approvalBlocked: boolean; reasons: { ja: string; en: string }[] };
};

export type ExportFacts = {
  destinationCountry: string | null;
  finalDestinationCountry: string | null;
  plannedOn: string | null;
  providedAbroad: boolean | null;
  statedUse: "wmd" | "conventional" | "civil" | "unknown";
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

export type Judgement = Omit<Classification, "rationale" | "reference" | "needsReclassification">;

export type ReviewItem = {
  itemId: string;
  refNo: string;
  name: string;
  kind: "goods" | "technology";
  judgement: Judgement;
  summary: Bi;
  extraExceptions: ExceptionRecord[];
  quantity: number | null;
  unit: string | null;
  valueJpy: number | null;
  note: string | null;
  masterChanged: boolean;
  masterArchived: boolean;
};

export type LicencePanel = {
  applicable: boolean;
  profile: Bi | null;
  result: string;
  resultLabel: Bi;
  licenceRequired: boolean;
  date: string;
  destination: { country: string | null; source: "facts" | "counterparty" | null; groups: Bi[] };
  recipient: { residency: string; tokutei: boolean; names: string[] };
  items: {
    label: Bi;
    kind: string;
    result: string;
    resultLabel: Bi;
    reasoning: Bi;
    findings: { id: string; outcome: string; reason: Bi; citations: Bi[]; unverified: boolean }[];
    cautions: Bi[];
    missing: Bi[];
    relyOnUnverified: boolean;
  }[];
  gate: { required: boolean; undetermined: boolean; satisfied: boolean; pending: boolean; reason: Bi };
  linked: {
    id: string;
    refNo: string;
    licenceNumber: string | null;
    kind: Bi;
    status: string;
    statusLabel: Bi;
    validUntil: string | null;
    covers: boolean;
    pending: boolean;
    reason: Bi;
  }[];
};

export type ReviewListItem = {
  id: string;
  refNo: string;
  activityType: string;
  title: string;
  status: string;
  track: string | null;
  applicantName: string;
  riskLevel: string | null;
  flags: string[];
  submittedAt: string | null;
  decidedAt: string | null;
  retentionUntil: string | null;
  updatedAt: string;
};

/** The questionnaires, control-list items, checklists and labels (fetched once). */
export function useReference() {
  return useQuery({
    queryKey: ["reviews", "reference"],
    queryFn: () => api.get<Reference>("/api/reviews/reference"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useReviews(query: { scope: string; status?: string; page: number }) {
  return useQuery({
    queryKey: ["reviews", "list", query],
    queryFn: () =>
      api.get<{ items: ReviewListItem[]; total: number; page: number; pageSize: number }>(
        `/api/reviews${qs({ ...query, pageSize: 25 })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useReview(id: string | undefined) {
  return useQuery({
    queryKey: ["review", id],
    queryFn: () => api.get<Review>(`/api/reviews/${id}`),
    enabled: !!id,
  });
}

export function useReviewMutation<V>(fn: (v: V) => Promise<Review>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (review) => {
      qc.setQueryData(["review", review.id], review);
      void qc.invalidateQueries({ queryKey: ["reviews", "list"] });
      void qc.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
}

const formBody = (f: ReviewForm) => ({
  ...f,
  counterparties: f.counterparties.map((c) => ({ partyId: c.partyId, role: c.role })),
});

/** Create (with the activity type) or save (with the version last read) an application. */
export function useSaveReview() {
  return useReviewMutation(
    ({
      id,
      version,
      activityType,
      form,
    }: {
      id?: string;
      version?: number;
      activityType: string;
      form: ReviewForm;
    }) =>
      id
        ? api.put<Review>(`/api/reviews/${id}`, { ...formBody(form), version })
        : api.post<Review>("/api/reviews", { ...formBody(form), activityType }),
  );
}

export function useTransition() {
  return useReviewMutation(
    ({
      id,
      ...body
    }: {
      id: string;
      action: string;
      comment?: string;
      conditions?: string;
      conditionItems?: { text: string; ownerUserId: string | null; dueOn: string | null }[];
      version?: number;
    }) => api.post<Review>(`/api/reviews/${id}/transitions`, body),
  );
}

export function useClassify() {
  return useReviewMutation(
    ({
      id,
      version,
      classification,
      topicTags,
    }: {
      id: string;
      version: number;
      classification: Classification;
      topicTags: TopicTags;
    }) => api.put<Review>(`/api/reviews/${id}/classification`, { version, classification, topicTags }),
  );
}

export function useTransactionCheck() {
  return useReviewMutation(
    ({
      id,
      ...body
    }: TransactionCheck & {
      id: string;
      version: number;
      counterpartyAttributes: Record<string, { stateOwned: boolean; military: boolean; note: string | null }>;
    }) => api.put<Review>(`/api/reviews/${id}/transaction-check`, body),
  );
}

export function useIdentityCheck() {
  return useReviewMutation(
    ({
      id,
      checkId,
      ...body
    }: {
      id: string;
      checkId: string;
      version: number;
      outcome: "clear" | "sign";
      evidence: string;
    }) => api.put<Review>(`/api/reviews/${id}/identity-checks/${checkId}`, body),
  );
}

export function useScreenCounterparties() {
  return useReviewMutation(({ id }: { id: string }) => api.post<Review>(`/api/reviews/${id}/screen`));
}

/** A decision on a screening hit, made through the screening module's API. */
export function useDecideHit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      partyId: string;
      entityId: string;
      status: "true_match" | "false_positive";
      rationale: string;
      reviewId: string;
    }) =>
      api.post<unknown>("/api/screening/decisions", {
        partyId: body.partyId,
        entityId: body.entityId,
        status: body.status,
        rationale: body.rationale,
      }),
    onSuccess: (_d, v) => void qc.invalidateQueries({ queryKey: ["review", v.reviewId] }),
  });
}

export type PartyHit = { id: string; kind: string; primaryName: string; country: string | null };

/** Parties matching a name (for picking counterparties). */
export function usePartySearch(q: string, kind?: string) {
  return useQuery({
    queryKey: ["parties", "pick", q, kind],
    queryFn: () => api.get<{ items: PartyHit[] }>(`/api/parties${qs({ q, kind, pageSize: 10 })}`),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}
