import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../app/api";

export type Bi = { ja: string; en: string };
export type Settings = {
  passPercent: number;
  dueDays: number;
  renewMonths: number | null;
  requiredFor: string[];
};
export type MyState = {
  state: "not_assigned" | "due" | "overdue" | "passed" | "expired";
  dueAt: string | null;
  lastPassedAt: string | null;
  lastScore: number | null;
  expiresAt: string | null;
};

export type ModuleListItem = {
  id: string;
  slug: string;
  status: "draft" | "published";
  title: Bi;
  summary: Bi;
  questionCount: number;
  settings: Settings;
  cases: { id: string; slug: string; title: Bi }[];
  mine: MyState;
};

export type Module = {
  id: string;
  slug: string;
  status: "draft" | "published";
  version: number;
  builtIn: boolean;
  settings: Settings;
  title: Bi;
  summary: Bi;
  lessons: Bi[];
  cases: { id: string; slug: string; title: Bi }[];
  quiz: { id: string; prompt: Bi; options: Bi[]; correct?: number; explanation?: Bi }[];
};

export type AttemptResult = {
  completionId: string;
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  questions: { id: string; chosen: number | null; correct: number; right: boolean; explanation: Bi }[];
};

export type Dashboard = {
  totals: { assigned: number; completed: number; overdue: number; completionRate: number | null };
  modules: {
    id: string;
    slug: string;
    title: Bi;
    assigned: number;
    completed: number;
    overdue: number;
    attempts: number;
    passRate: number | null;
  }[];
  departments: { department: string | null; assigned: number; completed: number; overdue: number }[];
  overdue: {
    assignmentId: string;
    userId: string;
    displayName: string;
    department: string | null;
    moduleId: string;
    moduleTitle: Bi;
    dueAt: string;
    daysOverdue: number;
    reminders: number;
  }[];
};

export const TRAINING_MANAGERS = ["secretariat", "admin"] as const;
export const TRAINING_READERS = ["secretariat", "admin", "approver", "auditor"] as const;

export function useModules() {
  return useQuery({
    queryKey: ["training", "modules"],
    queryFn: () => api.get<{ items: ModuleListItem[] }>("/api/training/modules"),
  });
}

export function useModule(key: string | undefined) {
  return useQuery({
    queryKey: ["training", "module", key],
    queryFn: () => api.get<Module>(`/api/training/modules/${encodeURIComponent(key ?? "")}`),
    enabled: !!key,
  });
}

/** A started quiz attempt: its questions with the options in this attempt's own order. */
export type StartedAttempt = {
  attemptId: string;
  moduleVersion: number;
  questions: { id: string; prompt: { ja: string; en: string }; options: { ja: string; en: string }[] }[];
};

/**
 * Starts an attempt when the module page opens (the server shuffles the options per attempt, so
 * answering "the first option" every time cannot pass); `round` starts a new one after a result.
 */
export function useStartedAttempt(key: string | undefined, round: number) {
  return useQuery({
    queryKey: ["training", "attempt", key, round],
    queryFn: () =>
      api.post<StartedAttempt>(`/api/training/modules/${encodeURIComponent(key ?? "")}/attempts/start`, {}),
    enabled: !!key,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}

export function useAttempt() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { key: string; attemptId: string; answers: (number | null)[] }) =>
      api.post<AttemptResult>(`/api/training/modules/${encodeURIComponent(args.key)}/attempts`, {
        attemptId: args.attemptId,
        answers: args.answers,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["training"] });
      void qc.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
}

export function useDashboard(enabled: boolean) {
  return useQuery({
    queryKey: ["training", "dashboard"],
    queryFn: () => api.get<Dashboard>("/api/training/dashboard"),
    enabled,
  });
}

export function useRunReminders() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ assigned: number; reminded: number }>("/api/training/reminders"),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["training"] }),
  });
}

export function useAssign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { moduleId: string; roles?: string[]; department?: string; dueAt?: string }) =>
      api.post<{ created: number; skipped: number }>("/api/training/assignments", body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["training"] }),
  });
}
