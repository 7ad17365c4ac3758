import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiResponse } from "../../api/types";
import { api } from "../../app/api";
import type { Role, User } from "../../app/auth";

export type RoleRequest = ApiResponse<"/api/admin/role-requests", "post">;

export function useRoleRequests() {
  return useQuery({
    queryKey: ["admin", "role-requests"],
    queryFn: () => api.get<{ items: RoleRequest[] }>("/api/admin/role-requests"),
  });
}

/** Role-change requests and the second-factor reset; each refreshes users and requests. */
export function useAccessActions() {
  const qc = useQueryClient();
  const done = async () => {
    await qc.invalidateQueries({ queryKey: ["admin", "users"] });
    await qc.invalidateQueries({ queryKey: ["admin", "role-requests"] });
  };
  return {
    request: useMutation({
      mutationFn: (input: { roles: Role[]; reason: string }) =>
        api.post<RoleRequest>("/api/admin/role-requests", input),
      onSuccess: done,
    }),
    decide: useMutation({
      mutationFn: ({
        id,
        decision,
        comment,
      }: {
        id: string;
        decision: "approve" | "refuse";
        comment: string;
      }) => api.post<RoleRequest>(`/api/admin/role-requests/${id}/${decision}`, { comment: comment || null }),
      onSuccess: done,
    }),
    resetTotp: useMutation({
      mutationFn: (id: string) => api.post<User>(`/api/admin/users/${id}/reset-totp`, {}),
      onSuccess: done,
    }),
  };
}
