import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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

export type AlertSummary = {
  id: string;
  subjectId: string;
  pseudonym: string;
  role: string | null;
  department: string | null;
  status: AlertStatus;
  severity: Severity;
  score: number;
  anomaly: number;
  cases: number[];
  /** Shared red-flag ids of the detectors that fired (link cases with RelatedCases). */
  redFlags: string[];
  firstDay: string;
  lastDay: string;
  evidenceCount: number;
  topIndicators: { id: string; weight: number }[];
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type Evidence = {
  seq: number;
  at: string;
  kind: string;
  action: string;
  host: string;
  hostContext: string;
  object: string;
  recipients: string[];
  attachments: string[];
  bytes: number;
  assetId: string | null;
  indicators: string[];
  source: { file: string; line: number; id: string };
};

export type AlertIndicator = {
  id: string;
  kind: string;
  label: Bilingual;
  explanation: Bilingual;
  weight: number;
  baseWeight: number;
  count: number;
  firstDay: string;
  lastDay: string;
  cases: number[];
};

export type AlertDetail = AlertSummary & {
  indicators: AlertIndicator[];
  caseLabels: { case: number; label: Bilingual }[];
  triageNote: string | null;
  triagedAt: string | null;
  evidence: Evidence[];
  history: { id: number; at: string; actorLabel: string; action: string; after: unknown }[];
};

export type Series = {
  subject: { id: string; pseudonym: string; role: string | null; department: string | null };
  peerGroup: { role: string | null; department: string | null };
  features: { index: number; name: string; label: Bilingual }[];
  days: string[];
  scores: number[];
  alerted: boolean[];
  /** user, baseline, peers: one array per feature (in the order of `features`), a value per day. */
  user: number[][];
  baseline: number[][];
  peers: (number | null)[][];
  peerCounts: number[];
};

export type Identity = {
  subjectId: string;
  pseudonym: string;
  subjectKey: string;
  name: string | null;
  email: string | null;
  role: string | null;
  department: string | null;
  team: string | null;
  projects: string[];
  supervisor: { pseudonym: string; name: string | null } | null;
};

export type Problem = { file: string; line: number; reason: string };
export type Run = {
  id: string;
  kind: string;
  source: string;
  status: string;
  actorLabel: string;
  startedAt: string;
  finishedAt: string | null;
  stats: Record<string, unknown>;
  problems: Problem[];
};

export type Dashboard = {
  openBySeverity: Record<Severity, number>;
  byStatus: Record<AlertStatus, number>;
  openAlerts: number;
  budget: {
    mode: "percentile" | "topPerDay" | "fixed";
    percentile: number | null;
    windowDays: number | null;
    perDay: number | null;
    threshold: number | null;
    floor: number | null;
  };
  alertsPerDay: ({ day: string } & Record<Severity, number>)[];
  topIndicators: { id: string; alerts: number; label: Bilingual }[];
  topAlerts: AlertSummary[];
  data: { firstDay: string | null; lastDay: string | null; userDays: number };
  lastRun: Run | null;
};

export type IndicatorCatalogue = {
  items: {
    id: string;
    kind: string;
    weight: number;
    cases: number[];
    label: Bilingual;
    explanation: Bilingual;
  }[];
  cases: { case: number; label: Bilingual }[];
};

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
