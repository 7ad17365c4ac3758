import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiResponse, Item } from "../../api/types";
import { api, qs } from "../../app/api";

export type Bi = { ja: string; en: string };

export type CaseContent = CaseView["content"];

export type CaseView = ApiResponse<"/api/cases/{key}">;

export type CaseListItem = Item<ApiResponse<"/api/cases">["items"]>;

export type RelatedCase = Item<ApiResponse<"/api/cases/related">["items"]>;

export type Flag = ApiResponse<"/api/red-flags/{id}">;

/** Channels a case can show (must match the server's CASE_CHANNELS). */
export const CASE_CHANNELS = [
  "professional_network",
  "email",
  "conference",
  "in_person",
  "embassy_or_trade_mission",
  "headhunter",
  "expert_interview",
  "research_or_investment_proposal",
  "cyber",
  "insider",
  "acquisition",
  "export_evasion",
  "reverse_engineering",
  "identity_fraud",
  "other",
] as const;

export function useCases(params: { q?: string; flag?: string; includeDrafts?: boolean }) {
  return useQuery({
    queryKey: ["cases", "list", params],
    queryFn: () => api.get<ApiResponse<"/api/cases">>(`/api/cases${qs(params)}`),
  });
}

export function useCase(key: string | undefined) {
  return useQuery({
    queryKey: ["cases", "one", key],
    queryFn: () => api.get<CaseView>(`/api/cases/${encodeURIComponent(key ?? "")}`),
    enabled: !!key,
  });
}

/** Cases sharing the flags ("this resembles …"). */
export function useRelatedCases(flags: string[], limit = 3) {
  const key = [...new Set(flags)].sort().join(",");
  return useQuery({
    queryKey: ["cases", "related", key, limit],
    queryFn: () =>
      api.get<ApiResponse<"/api/cases/related">>(`/api/cases/related${qs({ flags: key, limit })}`),
    enabled: key !== "",
    staleTime: 60_000,
  });
}

export function useFlags() {
  return useQuery({
    queryKey: ["cases", "flags"],
    queryFn: () => api.get<ApiResponse<"/api/red-flags">>("/api/red-flags"),
    staleTime: 60_000,
  });
}

export function useFlag(id: string | undefined) {
  return useQuery({
    queryKey: ["cases", "flag", id],
    queryFn: () => api.get<Flag>(`/api/red-flags/${encodeURIComponent(id ?? "")}`),
    enabled: !!id,
  });
}

export function useSaveCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: {
      id?: string;
      version?: number;
      input: { slug: string; status: "draft" | "published"; content: CaseContent };
    }) =>
      args.id
        ? api.put<CaseView>(`/api/cases/${args.id}`, { ...args.input, version: args.version })
        : api.post<CaseView>("/api/cases", args.input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["cases"] }),
  });
}
