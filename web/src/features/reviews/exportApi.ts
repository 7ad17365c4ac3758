import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../app/api";
import { type Bi, type ExceptionRecord, type ExportFacts, type Review, useReviewMutation } from "./api";

/** A review's export facts, linked items and licences; after approval its conditions, provisions, hand-carry. */

export function useExportFacts() {
  return useReviewMutation(({ id, version, facts }: { id: string; version: number; facts: ExportFacts }) =>
    api.put<Review>(`/api/reviews/${id}/export-facts`, { version, ...facts }),
  );
}

export type ItemLink = {
  itemId: string;
  quantity: number | null;
  unit: string | null;
  valueJpy: number | null;
  extraExceptions: ExceptionRecord[];
  note: string | null;
};

export function useSetItems() {
  return useReviewMutation(({ id, version, items }: { id: string; version: number; items: ItemLink[] }) =>
    api.put<Review>(`/api/reviews/${id}/items`, { version, items }),
  );
}

export function useRefreshItem() {
  return useReviewMutation(({ id, version, itemId }: { id: string; version: number; itemId: string }) =>
    api.post<Review>(`/api/reviews/${id}/items/${itemId}/refresh`, { version }),
  );
}

export function useLinkLicence() {
  return useReviewMutation(({ id, licenceId, link }: { id: string; licenceId: string; link: boolean }) =>
    link
      ? api.put<Review>(`/api/reviews/${id}/licences/${licenceId}`, {})
      : api.delete<Review>(`/api/reviews/${id}/licences/${licenceId}`),
  );
}

export type Condition = {
  id: string;
  reviewId: string;
  reviewRef: string;
  reviewTitle: string;
  position: number;
  text: string;
  owner: { id: string; name: string };
  dueOn: string;
  overdue: boolean;
  status: "open" | "done" | "waived";
  evidence: string | null;
  doneBy: string | null;
  doneAt: string | null;
};

export function useConditions(reviewId: string, enabled = true) {
  return useQuery({
    queryKey: ["review", reviewId, "conditions"],
    queryFn: () => api.get<{ items: Condition[] }>(`/api/reviews/${reviewId}/conditions`),
    enabled,
  });
}

export function useMyConditions() {
  return useQuery({
    queryKey: ["conditions", "mine"],
    queryFn: () => api.get<{ items: Condition[] }>("/api/review-conditions/mine"),
  });
}

function useAfter<V, T>(reviewId: string | null, part: string, fn: (v: V) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      if (reviewId) void qc.invalidateQueries({ queryKey: ["review", reviewId, part] });
      void qc.invalidateQueries({ queryKey: ["conditions"] });
      void qc.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
}

export function useCloseCondition(reviewId: string | null) {
  return useAfter(reviewId, "conditions", (v: { id: string; status: "done" | "waived"; evidence: string }) =>
    api.post<{ items: Condition[] }>(`/api/review-conditions/${v.id}/close`, {
      status: v.status,
      evidence: v.evidence,
    }),
  );
}

export type Provision = {
  id: string;
  reviewId: string | null;
  reviewRef: string | null;
  licenceId: string | null;
  licenceRef: string | null;
  licenceNumber: string | null;
  itemId: string | null;
  itemRef: string | null;
  itemName: string | null;
  what: string;
  recipientPartyId: string | null;
  recipientName: string;
  providedOn: string;
  method: string;
  country: string | null;
  providedBy: string | null;
  note: string | null;
  createdAt: string;
};

export function useProvisions(reviewId: string, enabled = true) {
  return useQuery({
    queryKey: ["review", reviewId, "provisions"],
    queryFn: () => api.get<{ items: Provision[] }>(`/api/reviews/${reviewId}/provisions`),
    enabled,
  });
}

export function useRecordProvision(reviewId: string) {
  return useAfter(
    reviewId,
    "provisions",
    (body: {
      licenceId: string | null;
      itemId: string | null;
      what: string;
      recipientPartyId: string | null;
      recipientName: string;
      providedOn: string;
      method: string;
      country: string | null;
      note: string | null;
    }) => api.post<{ items: Provision[] }>(`/api/reviews/${reviewId}/provisions`, body),
  );
}

export type HandCarry = {
  id: string;
  kind: string;
  description: string;
  itemId: string | null;
  itemRef: string | null;
  itemName: string | null;
  outOn: string;
  returnDueOn: string;
  returnedOn: string | null;
  returnStatus: string;
  returnNote: string | null;
  checkedBy: string | null;
  overdue: boolean;
};

export function useHandCarry(reviewId: string, enabled = true) {
  return useQuery({
    queryKey: ["review", reviewId, "handCarry"],
    queryFn: () => api.get<{ items: HandCarry[] }>(`/api/reviews/${reviewId}/hand-carry`),
    enabled,
  });
}

export function useAddHandCarry(reviewId: string) {
  return useAfter(
    reviewId,
    "handCarry",
    (body: {
      kind: string;
      description: string;
      itemId: string | null;
      outOn: string;
      returnDueOn: string;
    }) => api.post<{ items: HandCarry[] }>(`/api/reviews/${reviewId}/hand-carry`, body),
  );
}

export function useCheckReturn(reviewId: string) {
  return useAfter(
    reviewId,
    "handCarry",
    (v: { id: string; status: string; returnedOn: string | null; note: string | null }) =>
      api.post<{ items: HandCarry[] }>(`/api/hand-carry/${v.id}/return`, {
        status: v.status,
        returnedOn: v.returnedOn,
        note: v.note,
      }),
  );
}

export function useRescreen(reviewId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.post<{ openHits: number; next: string | null }>(`/api/reviews/${reviewId}/rescreen`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["review", reviewId] }),
  });
}

export type AssignableUser = { id: string; displayName: string; roles: string[] };

export function useAssignableUsers(enabled = true) {
  return useQuery({
    queryKey: ["export", "assignable-users"],
    queryFn: () => api.get<{ items: AssignableUser[] }>("/api/export/assignable-users"),
    enabled,
    staleTime: 60_000,
  });
}

export type { Bi };
