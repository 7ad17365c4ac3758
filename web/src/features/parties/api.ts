import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiRequestBody, ApiResponse, Item } from "../../api/types";
import { api, qs } from "../../app/api";

export type PartyKind = "organization" | "person";
export type PartyNameKind = "primary" | "alias" | "former" | "transliteration";
export type Party = ApiResponse<"/api/parties/{id}">;

export type PartyInput = ApiRequestBody<"/api/parties", "post">;

export type PartyQuery = {
  q?: string;
  kind?: PartyKind | "";
  country?: string;
  tag?: string;
  includeArchived?: boolean;
  page: number;
  pageSize: number;
};

export type HistoryItem = Item<ApiResponse<"/api/parties/{id}/history">["items"]>;

export type Bi = { ja: string; en: string };

export type PartySnapshot = PartyVersion["snapshot"];

export type PartyVersion = Item<ApiResponse<"/api/parties/{id}/versions">["items"]>;

export type PartyUsage = ApiResponse<"/api/parties/{id}/usage">;

export type DuplicateSuggestion = Item<ApiResponse<"/api/parties/{id}/duplicates">["items"]>;

/** What the duplicate check needs of a party being entered. */
export type DuplicateCandidate = ApiRequestBody<"/api/parties/duplicates", "post">;

export const IDENTIFIER_SCHEMES = [
  "corporate_number",
  "orcid",
  "lei",
  "duns",
  "erad_researcher_number",
  "passport",
  "email",
  "other",
];

/** Search and list parties; keeps the previous page on screen while the next one loads. */
export function useParties(query: PartyQuery) {
  return useQuery({
    queryKey: ["parties", query],
    queryFn: () =>
      api.get<ApiResponse<"/api/parties">>(
        `/api/parties${qs({ ...query, includeArchived: query.includeArchived ? "true" : undefined })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useParty(id: string | undefined) {
  return useQuery({
    queryKey: ["party", id],
    queryFn: () => api.get<Party>(`/api/parties/${id}`),
    enabled: !!id,
  });
}

export function usePartyHistory(id: string | undefined) {
  return useQuery({
    queryKey: ["party", id, "history"],
    queryFn: () => api.get<ApiResponse<"/api/parties/{id}/history">>(`/api/parties/${id}/history`),
    enabled: !!id,
  });
}

export function usePartyTags() {
  return useQuery({
    queryKey: ["parties", "tags"],
    queryFn: () => api.get<ApiResponse<"/api/parties/tags">>("/api/parties/tags"),
  });
}

/** Create or update (with the version last read, and a reason when one is required) a party. */
export function useSaveParty() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      version,
      input,
      reason,
    }: {
      id?: string;
      version?: number;
      input: PartyInput;
      reason?: string | null;
    }) =>
      id
        ? api.put<Party>(`/api/parties/${id}`, { ...input, version, reason: reason || null })
        : api.post<Party>("/api/parties", input),
    onSuccess: (party) => {
      void qc.invalidateQueries({ queryKey: ["parties"] });
      qc.setQueryData(["party", party.id], party);
      void qc.invalidateQueries({ queryKey: ["party", party.id] });
    },
  });
}

/** Every version of a party, newest first. */
export function usePartyVersions(id: string | undefined) {
  return useQuery({
    queryKey: ["party", id, "versions"],
    queryFn: () => api.get<ApiResponse<"/api/parties/{id}/versions">>(`/api/parties/${id}/versions`),
    enabled: !!id,
  });
}

/** Where a party is used and whether the current user may change it. */
export function usePartyUsage(id: string | undefined) {
  return useQuery({
    queryKey: ["party", id, "usage"],
    queryFn: () => api.get<PartyUsage>(`/api/parties/${id}/usage`),
    enabled: !!id,
  });
}

/** Likely duplicates of a stored party. */
export function usePartyDuplicates(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ["party", id, "duplicates"],
    queryFn: () => api.get<ApiResponse<"/api/parties/{id}/duplicates">>(`/api/parties/${id}/duplicates`),
    enabled: !!id && enabled,
  });
}

/** Likely duplicates of a party being entered; asks only once a name is typed. */
export function useDuplicateCheck(candidate: DuplicateCandidate) {
  const names = candidate.names.map((n) => n.name.trim()).filter(Boolean);
  const identifiers = (candidate.identifiers ?? []).filter((i) => i.value.trim() !== "");
  const body = {
    id: candidate.id ?? null,
    kind: candidate.kind,
    names: names.map((name) => ({ name })),
    country: candidate.country || null,
    birthDate: candidate.birthDate || null,
    identifiers,
  };
  return useQuery({
    queryKey: ["parties", "duplicates", body],
    queryFn: () => api.post<ApiResponse<"/api/parties/duplicates", "post">>("/api/parties/duplicates", body),
    enabled: names.length > 0 || identifiers.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** Merges a duplicate into a surviving party (secretariat). */
export function useMergeParty() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: {
      survivorId: string;
      duplicateId: string;
      survivorVersion: number;
      duplicateVersion: number;
      reason: string;
    }) =>
      api.post<ApiResponse<"/api/parties/{id}/merge", "post">>(`/api/parties/${v.survivorId}/merge`, {
        duplicateId: v.duplicateId,
        survivorVersion: v.survivorVersion,
        duplicateVersion: v.duplicateVersion,
        reason: v.reason,
      }),
    onSuccess: (res) => {
      void qc.invalidateQueries({ queryKey: ["parties"] });
      void qc.invalidateQueries({ queryKey: ["party"] });
      qc.setQueryData(["party", res.survivor.id], res.survivor);
    },
  });
}

export function useArchiveParty() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) =>
      api.post<Party>(`/api/parties/${id}/${archived ? "archive" : "restore"}`),
    onSuccess: (party) => {
      void qc.invalidateQueries({ queryKey: ["parties"] });
      qc.setQueryData(["party", party.id], party);
      void qc.invalidateQueries({ queryKey: ["party", party.id, "history"] });
    },
  });
}
