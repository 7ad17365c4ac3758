import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../app/api";

export type Task = {
  id: string;
  kind: string;
  title: { ja: string; en: string };
  detail: { ja: string; en: string } | null;
  link: string | null;
  entityType: string | null;
  entityId: string | null;
  assigneeUserId: string | null;
  assigneeRole: string | null;
  status: "open" | "done" | "cancelled";
  dueAt: string | null;
  createdAt: string;
  completedAt: string | null;
};

/** My tasks in one state. */
export function useTasks(status: "open" | "done" = "open") {
  return useQuery({
    queryKey: ["tasks", status],
    queryFn: () => api.get<{ items: Task[] }>(`/api/tasks?status=${status}`),
  });
}

/** Ticks a task off and refreshes the inbox and its badge. */
export function useCompleteTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Task>(`/api/tasks/${id}/done`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["tasks"] }),
  });
}
