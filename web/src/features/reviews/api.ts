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
  outcomes: Option[];
  exceptions: Option[];
  catchAllBases: Option[];
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

export type Classification = {
  outcome: "listed" | "catch_all" | "not_listed" | "exception";
  regime: string | null;
  item: string | null;
  subItem: string | null;
  exception: string | null;
  catchAllBasis: string | null;
  rationale: string;
  reference: string | null;
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
  permissions: { edit: boolean; classify: boolean; check: boolean; screen: boolean; identityCheck?: boolean };
  /** Four-eyes rule: why the current user may not approve (src/auth/separation-of-duties-engine.ts). */
  separationOfDuties?: { approvalBlocked: boolean; reasons: { ja: string; en: string }[] };
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

function useReviewMutation<V>(fn: (v: V) => Promise<Review>) {
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
