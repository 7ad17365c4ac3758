import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, qs } from "../../app/api";

export type PartyKind = "organization" | "person";
export type PartyNameKind = "primary" | "alias" | "former" | "transliteration";
export type Party = {
  id: string;
  kind: PartyKind;
  primaryName: string;
  names: { name: string; kind: PartyNameKind; lang: string | null; script: string }[];
  country: string | null;
  birthDate: string | null;
  website: string | null;
  notes: string | null;
  tags: string[];
  identifiers: { scheme: string; value: string }[];
  archived: boolean;
  archivedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type PartyInput = {
  kind: PartyKind;
  names: { name: string; kind?: PartyNameKind; lang?: string | null }[];
  country?: string | null;
  birthDate?: string | null;
  website?: string | null;
  notes?: string | null;
  tags?: string[];
  identifiers?: { scheme: string; value: string }[];
};

export type PartyQuery = {
  q?: string;
  kind?: PartyKind | "";
  country?: string;
  tag?: string;
  includeArchived?: boolean;
  page: number;
  pageSize: number;
};

export type HistoryItem = {
  id: number;
  at: string;
  actorLabel: string;
  action: string;
  before: unknown;
  after: unknown;
};

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
      api.get<{ items: Party[]; total: number; page: number; pageSize: number }>(
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
    queryFn: () => api.get<{ items: HistoryItem[]; total: number }>(`/api/parties/${id}/history`),
    enabled: !!id,
  });
}

export function usePartyTags() {
  return useQuery({
    queryKey: ["parties", "tags"],
    queryFn: () => api.get<{ items: string[] }>("/api/parties/tags"),
  });
}

/** Create or update (with the version last read) a party. */
export function useSaveParty() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, input }: { id?: string; version?: number; input: PartyInput }) =>
      id
        ? api.put<Party>(`/api/parties/${id}`, { ...input, version })
        : api.post<Party>("/api/parties", input),
    onSuccess: (party) => {
      void qc.invalidateQueries({ queryKey: ["parties"] });
      qc.setQueryData(["party", party.id], party);
      void qc.invalidateQueries({ queryKey: ["party", party.id, "history"] });
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
