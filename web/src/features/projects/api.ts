import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiResponse, Item } from "../../api/types";
import { api } from "../../app/api";

export type Bi = { ja: string; en: string };
export type Project = ApiResponse<"/api/projects/{id}">;
export type ProjectListItem = Item<ApiResponse<"/api/projects">>;

export function useProjects() {
  return useQuery({ queryKey: ["projects"], queryFn: () => api.get<ProjectListItem[]>("/api/projects") });
}

export function useProject(id: string) {
  return useQuery({ queryKey: ["projects", id], queryFn: () => api.get<Project>(`/api/projects/${id}`) });
}

/** Any change to a project: the server answers the fresh project, which replaces the cached one. */
export function useProjectAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      method,
      path,
      body,
    }: {
      method: "post" | "put" | "delete";
      path: string;
      body?: unknown;
    }) =>
      method === "delete"
        ? api.delete<Project>(`/api/projects/${id}${path}`)
        : api[method]<Project>(`/api/projects/${id}${path}`, body ?? {}),
    onSuccess: (project) => {
      qc.setQueryData(["projects", id], project);
      void qc.invalidateQueries({ queryKey: ["projects"], exact: true });
    },
  });
}

/** Pledge requests and records (not project routes): refetch the project afterwards. */
export function usePledgeAction(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: { method: "post" | "put"; path: string; body: unknown }) =>
      api[method]<unknown>(path, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["projects", projectId] }),
  });
}
