import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiRequestBody, ApiResponse, Item as ItemOf } from "../../api/types";
import { api } from "../../app/api";
import { type Bi, type ExportFacts, type Review, useReviewMutation } from "./api";

/** A review's export facts, linked items and licences; after approval its conditions, provisions, hand-carry. */

export function useExportFacts() {
  return useReviewMutation(({ id, version, facts }: { id: string; version: number; facts: ExportFacts }) =>
    api.put<Review>(`/api/reviews/${id}/export-facts`, { version, ...facts }),
  );
}

/** One item linked to a review, as the review's item list sends it. */
export type ItemLink = Required<ItemOf<ApiRequestBody<"/api/reviews/{id}/items", "put">["items"]>>;

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

export type Condition = ItemOf<ApiResponse<"/api/reviews/{id}/conditions">["items"]>;

export function useConditions(reviewId: string, enabled = true) {
  return useQuery({
    queryKey: ["review", reviewId, "conditions"],
    queryFn: () =>
      api.get<ApiResponse<"/api/reviews/{id}/conditions">>(`/api/reviews/${reviewId}/conditions`),
    enabled,
  });
}

export function useMyConditions() {
  return useQuery({
    queryKey: ["conditions", "mine"],
    queryFn: () => api.get<ApiResponse<"/api/reviews/{id}/conditions">>("/api/review-conditions/mine"),
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
    api.post<ApiResponse<"/api/reviews/{id}/conditions">>(`/api/review-conditions/${v.id}/close`, {
      status: v.status,
      evidence: v.evidence,
    }),
  );
}

export type Provision = ItemOf<ApiResponse<"/api/reviews/{id}/provisions">["items"]>;

export function useProvisions(reviewId: string, enabled = true) {
  return useQuery({
    queryKey: ["review", reviewId, "provisions"],
    queryFn: () =>
      api.get<ApiResponse<"/api/reviews/{id}/provisions">>(`/api/reviews/${reviewId}/provisions`),
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
    }) => api.post<ApiResponse<"/api/reviews/{id}/provisions">>(`/api/reviews/${reviewId}/provisions`, body),
  );
}

export type HandCarry = ItemOf<ApiResponse<"/api/reviews/{id}/hand-carry">["items"]>;

export function useHandCarry(reviewId: string, enabled = true) {
  return useQuery({
    queryKey: ["review", reviewId, "handCarry"],
    queryFn: () =>
      api.get<ApiResponse<"/api/reviews/{id}/hand-carry">>(`/api/reviews/${reviewId}/hand-carry`),
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
    }) => api.post<ApiResponse<"/api/reviews/{id}/hand-carry">>(`/api/reviews/${reviewId}/hand-carry`, body),
  );
}

export function useCheckReturn(reviewId: string) {
  return useAfter(
    reviewId,
    "handCarry",
    (v: { id: string; status: string; returnedOn: string | null; note: string | null }) =>
      api.post<ApiResponse<"/api/reviews/{id}/hand-carry">>(`/api/hand-carry/${v.id}/return`, {
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
      api.post<ApiResponse<"/api/reviews/{id}/rescreen", "post">>(`/api/reviews/${reviewId}/rescreen`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["review", reviewId] }),
  });
}

export type AssignableUser = ItemOf<ApiResponse<"/api/export/assignable-users">["items"]>;

export function useAssignableUsers(enabled = true) {
  return useQuery({
    queryKey: ["export", "assignable-users"],
    queryFn: () => api.get<ApiResponse<"/api/export/assignable-users">>("/api/export/assignable-users"),
    enabled,
    staleTime: 60_000,
  });
}

export type { Bi };
