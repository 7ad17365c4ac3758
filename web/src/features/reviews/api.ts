import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiResponse, Item } from "../../api/types";
import { api, qs } from "../../app/api";

export type Bi = { ja: string; en: string };
export type Option = { value: string; label: Bi };

/** The reviews reference: questionnaires, control-list items, exceptions, areas, checklists, labels. */
export type Reference = ApiResponse<"/api/reviews/reference">;
export type Questionnaire = Item<Reference["questionnaires"]>;
export type Question = Item<Questionnaire["questions"]>;
export type ChecklistItem = Item<Reference["checklists"]["endUse"]>;

export type Details = Review["details"];
export type AnswerValue = string | number | boolean | null;
export type TopicTags = Review["topicTags"];

export type ReviewForm = {
  title: string;
  unit: string | null;
  details: Details;
  answers: Record<string, AnswerValue>;
  notes: Record<string, string>;
  counterparties: { partyId: string; role: string; name?: string }[];
  topicTags: TopicTags;
};

export type Provision = NonNullable<Classification["provision"]>;
export type ExceptionRecord = Item<Classification["exceptions"]>;

/** 該非判定: list status (1–15), 16の項 category, and exceptions recorded in addition to the item. */
export type Classification = NonNullable<Review["classification"]>;

export type Hit = Item<NonNullable<Counterparty["screening"]>["hits"]>;

export type PersonFact = NonNullable<Counterparty["person"]>;

export type Counterparty = Item<Review["counterparties"]>;

export type FiredFlag = Item<Review["assessment"]["flags"]>;

export type TransactionCheck = NonNullable<Review["transactionCheck"]>;

/** One identity check of a hiring review (src/reviews/hiring-engine.ts). */
export type IdentityCheck = Item<NonNullable<Review["identityChecks"]>>;

export type Review = ApiResponse<"/api/reviews/{id}">;

export type ExportFacts = Review["exportFacts"];

export type Judgement = Omit<Classification, "rationale" | "reference" | "needsReclassification">;

export type ReviewItem = Item<Review["items"]>;

export type LicencePanel = Review["licence"];

export type ReviewListItem = Item<ApiResponse<"/api/reviews">["items"]>;

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

export type PartyHit = Item<ApiResponse<"/api/parties">["items"]>;

/** Parties matching a name (for picking counterparties). */
export function usePartySearch(q: string, kind?: string) {
  return useQuery({
    queryKey: ["parties", "pick", q, kind],
    queryFn: () => api.get<{ items: PartyHit[] }>(`/api/parties${qs({ q, kind, pageSize: 10 })}`),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}
