import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiResponse, Item } from "../../api/types";
import { api } from "../../app/api";

export type Bi = { ja: string; en: string };
export type Settings = Module["settings"];
export type MyState = ModuleListItem["mine"];

export type ModuleListItem = Item<ApiResponse<"/api/training/modules">["items"]>;

export type Module = ApiResponse<"/api/training/modules/{key}">;

export type AttemptResult = ApiResponse<"/api/training/modules/{key}/attempts", "post">;

export type Dashboard = ApiResponse<"/api/training/dashboard">;

export const TRAINING_MANAGERS = ["secretariat", "admin"] as const;
export const TRAINING_READERS = ["secretariat", "admin", "approver", "auditor"] as const;

export function useModules() {
  return useQuery({
    queryKey: ["training", "modules"],
    queryFn: () => api.get<ApiResponse<"/api/training/modules">>("/api/training/modules"),
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
export type StartedAttempt = ApiResponse<"/api/training/modules/{key}/attempts/start", "post">;

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
    mutationFn: () => api.post<ApiResponse<"/api/training/reminders", "post">>("/api/training/reminders"),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["training"] }),
  });
}

export function useAssign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { moduleId: string; roles?: string[]; department?: string; dueAt?: string }) =>
      api.post<ApiResponse<"/api/training/assignments", "post">>("/api/training/assignments", body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["training"] }),
  });
}
