import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiResponse, Item } from "../../api/types";
import { api, qs } from "../../app/api";

export type Bilingual = { ja: string; en: string };
export type AlertStatus = "new" | "reviewing" | "confirmed" | "non_issue";
export type Severity = "low" | "medium" | "high" | "critical";
export const STATUSES: AlertStatus[] = ["new", "reviewing", "confirmed", "non_issue"];
export const SEVERITIES: Severity[] = ["critical", "high", "medium", "low"];
export const SEVERITY_COLOR: Record<Severity, string> = {
  critical: "red",
  high: "orange",
  medium: "yellow",
  low: "gray",
};
export const STATUS_COLOR: Record<AlertStatus, string> = {
  new: "blue",
  reviewing: "violet",
  confirmed: "red",
  non_issue: "gray",
};
/** Who may do what in the module; the server enforces the same rules (INSIDER_ACCESS). */
export const INSIDER_READ = ["secretariat", "admin", "auditor"] as const;
export const INSIDER_WORK = ["secretariat", "admin"] as const;
export const INSIDER_REVEAL = ["secretariat"] as const;

export type AlertSummary = Item<ApiResponse<"/api/insider/alerts">["items"]>;

export type Evidence = Item<AlertDetail["evidence"]>;

export type AlertIndicator = Item<AlertDetail["indicators"]>;

export type AlertDetail = ApiResponse<"/api/insider/alerts/{id}">;

export type Series = ApiResponse<"/api/insider/alerts/{id}/series">;

export type Identity = ApiResponse<"/api/insider/alerts/{id}/reveal", "post">["identity"];

export type Problem = Item<Run["problems"]>;
export type Run = Item<ApiResponse<"/api/insider/runs">["items"]>;

export type Dashboard = ApiResponse<"/api/insider/dashboard">;

export type IndicatorCatalogue = ApiResponse<"/api/insider/indicators">;

export type AlertQuery = {
  status: AlertStatus[];
  severity: Severity | "";
  case: string;
  pseudonym: string;
  page: number;
  pageSize: number;
};

export function useDashboard() {
  return useQuery({
    queryKey: ["insider", "dashboard"],
    queryFn: () => api.get<Dashboard>("/api/insider/dashboard"),
  });
}

/** The indicator and case catalogue, for labels of the ids an alert summary carries. */
export function useIndicators() {
  return useQuery({
    queryKey: ["insider", "indicators"],
    queryFn: () => api.get<IndicatorCatalogue>("/api/insider/indicators"),
    staleTime: 10 * 60_000,
  });
}

/** Alerts, highest risk first, filtered by status, severity, case and pseudonym. */
export function useAlerts(query: AlertQuery) {
  return useQuery({
    queryKey: ["insider", "alerts", query],
    queryFn: () =>
      api.get<{ items: AlertSummary[]; total: number; page: number; pageSize: number }>(
        `/api/insider/alerts${qs({ ...query, status: query.status.join(",") })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useAlert(id: string | undefined) {
  return useQuery({
    queryKey: ["insider", "alert", id],
    queryFn: () => api.get<AlertDetail>(`/api/insider/alerts/${id}`),
    enabled: !!id,
  });
}

export function useAlertSeries(id: string | undefined) {
  return useQuery({
    queryKey: ["insider", "alert", id, "series"],
    queryFn: () => api.get<Series>(`/api/insider/alerts/${id}/series`),
    enabled: !!id,
  });
}

/** Records a triage decision (with the version last read) and refreshes the lists. */
export function useTriage(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { status: AlertStatus; note: string | null; version: number }) =>
      api.post<AlertSummary>(`/api/insider/alerts/${id}/triage`, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["insider"] });
    },
  });
}

/** Reveals the person and unmasked evidence behind an alert; the server audits it with the reason. */
export function useRevealAlert(id: string) {
  return useMutation({
    mutationFn: (reason: string) =>
      api.post<{ identity: Identity; evidence: Evidence[] }>(`/api/insider/alerts/${id}/reveal`, { reason }),
  });
}

export function useRuns() {
  return useQuery({
    queryKey: ["insider", "runs"],
    queryFn: () => api.get<{ items: Run[] }>("/api/insider/runs"),
  });
}

export function useSubject(id: string | undefined) {
  return useQuery({
    queryKey: ["insider", "subject", id],
    queryFn: () =>
      api.get<{
        id: string;
        pseudonym: string;
        role: string | null;
        department: string | null;
        watchlists: string[];
        inDirectory: boolean;
        projects: number;
        openRisk: number;
        severity: Severity | null;
        alerts: AlertSummary[];
        daily: { day: string; score: number; anomaly: number; indicators: string[]; alerted: boolean }[];
      }>(`/api/insider/subjects/${id}`),
    enabled: !!id,
  });
}
