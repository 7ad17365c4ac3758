import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiRequestBody, ApiResponse, Item } from "../../api/types";
import { api, qs, upload } from "../../app/api";

export type Bi = { ja: string; en: string };
export type Answer = "yes" | "no" | "unsure";
export type RiskLevel = "low" | "medium" | "high";
export type ReportStatus = "draft" | "new" | "in_review" | "closed";

export type Assessment = ApiResponse<"/api/approaches/assess", "post">;

export type Questionnaire = ApiResponse<"/api/approaches/questionnaire">;

export type LinkReason = Item<Item<ClusterDetail["links"]>["reasons"]>;
export type SharedFact = Item<ClusterSummary["shared"]>;
export type Screening = NonNullable<Item<NonNullable<Report["office"]>["parties"]>["screening"]>;

export type Report = ApiResponse<"/api/approaches/{id}">;

export type ReportInput = ApiRequestBody<"/api/approaches", "post">;

export type ListItem = Item<ListPage["items"]>;
export type ListPage = ApiResponse<"/api/approaches">;

export type ClusterSummary = Cluster["summary"];
export type Cluster = Item<ApiResponse<"/api/approaches/clusters">["items"]>;
export type ClusterDetail = ApiResponse<"/api/approaches/clusters/{id}">;

export type Trends = ApiResponse<"/api/approaches/trends">;

/** Roles that see every submitted report (the server enforces the same). */
export const OFFICE_READERS = ["secretariat", "admin", "approver", "auditor"] as const;
export const OFFICE_WRITERS = ["secretariat", "admin"] as const;

export function useQuestionnaire() {
  return useQuery({
    queryKey: ["approaches", "questionnaire"],
    queryFn: () => api.get<Questionnaire>("/api/approaches/questionnaire"),
    staleTime: 3_600_000,
  });
}

export function useReport(id: string | undefined) {
  return useQuery({
    queryKey: ["approaches", "report", id],
    queryFn: () => api.get<Report>(`/api/approaches/${id}`),
    enabled: !!id,
    // While the named parties are being linked and screened in the background, look again.
    refetchInterval: (query) => (query.state.data?.office?.partyLinking?.status === "pending" ? 3000 : false),
  });
}

export function useMyReports(page: number) {
  return useQuery({
    queryKey: ["approaches", "mine", page],
    queryFn: () => api.get<ListPage>(`/api/approaches/mine${qs({ page, pageSize: 25 })}`),
    placeholderData: keepPreviousData,
  });
}

export function useAllReports(filter: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: ["approaches", "all", filter],
    queryFn: () => api.get<ListPage>(`/api/approaches${qs(filter)}`),
    placeholderData: keepPreviousData,
  });
}

export function useClusters() {
  return useQuery({
    queryKey: ["approaches", "clusters"],
    queryFn: () => api.get<ApiResponse<"/api/approaches/clusters">>("/api/approaches/clusters?pageSize=100"),
  });
}

export function useCluster(id: string | undefined) {
  return useQuery({
    queryKey: ["approaches", "cluster", id],
    queryFn: () => api.get<ClusterDetail>(`/api/approaches/clusters/${id}`),
    enabled: !!id,
  });
}

export function useTrends(from: string, to: string) {
  return useQuery({
    queryKey: ["approaches", "trends", from, to],
    queryFn: () => api.get<Trends>(`/api/approaches/trends${qs({ from, to })}`),
  });
}

export function useAssignees(enabled: boolean) {
  return useQuery({
    queryKey: ["approaches", "assignees"],
    queryFn: () => api.get<ApiResponse<"/api/approaches/assignees">>("/api/approaches/assignees"),
    enabled,
  });
}

/** Live risk assessment while the reporter answers (nothing stored). */
export function assess(body: {
  channel: string;
  offered: string[];
  asked: string[];
  answers: Record<string, Answer>;
}) {
  return api.post<Assessment>("/api/approaches/assess", body);
}

/** Saves (creates or updates) the draft, then uploads files, then optionally submits. */
export function useSaveReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (args: { id?: string; version?: number; input: ReportInput }) =>
      args.id
        ? api.put<Report>(`/api/approaches/${args.id}`, { ...args.input, version: args.version })
        : api.post<Report>("/api/approaches", args.input),
    onSuccess: (r) => {
      qc.setQueryData(["approaches", "report", r.id], r);
      void qc.invalidateQueries({ queryKey: ["approaches", "mine"] });
    },
  });
}

export function uploadAttachments(id: string, files: File[]) {
  const form = new FormData();
  for (const f of files) form.append("files", f, f.name);
  return upload<Report>(`/api/approaches/${id}/attachments`, form);
}

/** Any state change on a report that answers the updated report. */
export function useReportAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; method: "post" | "delete"; path: string; body?: unknown }) =>
      args.method === "post"
        ? api.post<Report>(`/api/approaches/${args.id}${args.path}`, args.body ?? {})
        : api.delete<Report>(`/api/approaches/${args.id}${args.path}`),
    onSuccess: (r, args) => {
      if (r) qc.setQueryData(["approaches", "report", args.id], r);
      void qc.invalidateQueries({ queryKey: ["approaches"] });
      void qc.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
}

export function useClusterStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; status: "open" | "reviewed" }) =>
      api.post<Cluster>(`/api/approaches/clusters/${args.id}/status`, { status: args.status }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["approaches"] });
      void qc.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
}
