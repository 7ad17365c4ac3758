import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, qs, upload } from "../../app/api";

export type Bi = { ja: string; en: string };
export type Answer = "yes" | "no" | "unsure";
export type RiskLevel = "low" | "medium" | "high";
export type ReportStatus = "draft" | "new" | "in_review" | "closed";

export type Assessment = {
  level: RiskLevel;
  score: number;
  firedFlags: string[];
  possibleFlags: string[];
  reasons: { id: string; points: number; answer?: "yes" | "unsure"; text: Bi }[];
  summary: Bi;
  advice: Bi[];
};

export type Questionnaire = {
  channels: { id: string; label: Bi }[];
  offered: { id: string; label: Bi }[];
  asked: { id: string; label: Bi }[];
  questions: { flagId: string; question: Bi; example: Bi }[];
  outcomes: { id: string; label: Bi }[];
  attachmentMaxBytes: number;
};

export type LinkReason = { kind: string; value?: string; similarity?: number; detail?: Bi };
export type SharedFact = { kind: string; value: string | null; reportIds: string[]; reporterCount: number };
export type Screening = {
  status: "screened" | "unavailable" | "failed";
  message: Bi | null;
  runId: string | null;
  screenedAt: string;
  openHitCount: number;
  confirmedHitCount: number;
  topHits: { name: string; source: string; score: number; match: boolean }[];
};

export type Report = {
  id: string;
  number: number;
  reference: string;
  status: ReportStatus;
  version: number;
  channel: string;
  channelOther: string | null;
  occurredOn: string | null;
  sender: {
    name: string | null;
    organisation: string | null;
    profileUrl: string | null;
    email: string | null;
    phone: string | null;
  };
  offered: string[];
  offeredOther: string | null;
  asked: string[];
  askedOther: string | null;
  messageText: string | null;
  description: string | null;
  answers: Record<string, Answer>;
  assessment: Assessment;
  attachments: {
    id: string;
    fileName: string;
    mediaType: string;
    kind: string;
    sizeBytes: number;
    sha256: string;
    createdAt: string;
  }[];
  reporter: { id: string; displayName: string; department: string | null };
  mine: boolean;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  office: {
    canTriage: boolean;
    assignee: { id: string; displayName: string } | null;
    outcome: string | null;
    outcomeNote: string | null;
    cluster: { id: string; reportCount: number; reporterCount: number; headline: SharedFact | null } | null;
    links: { reportId: string; reference: string; reasons: LinkReason[] }[];
    parties: {
      partyId: string;
      name: string;
      kind: "organization" | "person";
      role: "sender" | "organisation";
      linkedAt: string;
      screening: Screening | null;
    }[];
    reviewIds: string[];
    notes: { id: string; text: string; authorName: string | null; createdAt: string }[];
    screeningFlags: string[];
  } | null;
};

export type ReportInput = {
  channel: string;
  channelOther?: string | null;
  occurredOn?: string | null;
  sender?: {
    name?: string | null;
    organisation?: string | null;
    profileUrl?: string | null;
    email?: string | null;
    phone?: string | null;
  };
  offered?: string[];
  offeredOther?: string | null;
  asked?: string[];
  askedOther?: string | null;
  messageText?: string | null;
  description?: string | null;
  answers?: Record<string, Answer>;
};

export type ListItem = {
  id: string;
  reference: string;
  status: ReportStatus;
  channel: string;
  senderName: string | null;
  senderOrganisation: string | null;
  riskLevel: RiskLevel;
  firedFlags: string[];
  attachmentCount: number;
  reporterName: string | null;
  department: string | null;
  assigneeName: string | null;
  clusterId: string | null;
  createdAt: string;
  submittedAt: string | null;
};
export type ListPage = { items: ListItem[]; total: number; page: number; pageSize: number };

export type ClusterSummary = {
  reportCount: number;
  reporterCount: number;
  recentReporterCount: number;
  firstAt: string;
  lastAt: string;
  channels: { channel: string; count: number }[];
  departments: { department: string; count: number }[];
  shared: SharedFact[];
  headline: SharedFact | null;
};
export type Cluster = {
  id: string;
  status: "open" | "reviewed";
  reportCount: number;
  reporterCount: number;
  firstAt: string;
  lastAt: string;
  summary: ClusterSummary;
  alert: { title: Bi; detail: Bi };
};
export type ClusterDetail = Cluster & {
  reports: ListItem[];
  links: { reportId: string; linkedReportId: string; reasons: LinkReason[] }[];
};

export type Trends = {
  from: string;
  to: string;
  total: number;
  byChannel: { channel: string; count: number }[];
  byDepartment: { department: string | null; count: number }[];
  byMonth: { month: string; count: number; high: number }[];
  byRisk: { level: RiskLevel; count: number }[];
};

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
    queryFn: () => api.get<{ items: Cluster[]; total: number }>("/api/approaches/clusters?pageSize=100"),
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
    queryFn: () =>
      api.get<{ items: { id: string; displayName: string; department: string | null }[] }>(
        "/api/approaches/assignees",
      ),
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
