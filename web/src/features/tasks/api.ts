import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiResponse } from "../../api/types";
import { api } from "../../app/api";

export type Task = ApiResponse<"/api/tasks/{id}/done", "post">;

/** My tasks in one state. */
export function useTasks(status: "open" | "done" = "open") {
  return useQuery({
    queryKey: ["tasks", status],
    queryFn: () => api.get<ApiResponse<"/api/tasks">>(`/api/tasks?status=${status}`),
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
