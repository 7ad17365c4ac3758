import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiResponse, Item } from "../../api/types";
import { api } from "../../app/api";
import type { Role, User } from "../../app/auth";

export type NewUser = {
  username: string;
  displayName: string;
  email: string | null;
  roles: Role[];
  department: string | null;
  locale: "ja" | "en";
};

export function useUsers() {
  return useQuery({
    queryKey: ["admin", "users"],
    queryFn: () => api.get<ApiResponse<"/api/admin/users">>("/api/admin/users"),
  });
}

/** All admin user actions; each refreshes the user list. */
export function useUserActions() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ["admin", "users"] });
  return {
    create: useMutation({
      mutationFn: (input: NewUser) =>
        api.post<ApiResponse<"/api/admin/users", "post">>("/api/admin/users", input),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({
        id,
        patch,
      }: {
        id: string;
        patch: Partial<NewUser> & { disabled?: boolean; scopeDepartments?: string[] };
      }) => api.patch<User>(`/api/admin/users/${id}`, patch),
      onSuccess: done,
    }),
    resetPassword: useMutation({
      mutationFn: (id: string) =>
        api.post<ApiResponse<"/api/admin/users/{id}/reset-password", "post">>(
          `/api/admin/users/${id}/reset-password`,
          {},
        ),
      onSuccess: done,
    }),
    unlock: useMutation({
      mutationFn: (id: string) => api.post<User>(`/api/admin/users/${id}/unlock`),
      onSuccess: done,
    }),
    logoutEverywhere: useMutation({
      mutationFn: (id: string) => api.post(`/api/admin/users/${id}/logout-everywhere`),
      onSuccess: done,
    }),
  };
}

export type OutboxMail = Item<ApiResponse<"/api/admin/outbox">["items"]>;

export function useOutbox() {
  return useQuery({
    queryKey: ["admin", "outbox"],
    queryFn: () => api.get<ApiResponse<"/api/admin/outbox">>("/api/admin/outbox"),
  });
}
