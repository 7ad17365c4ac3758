import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { ApiResponse, Item } from "../api/types";
import { api, setCsrfToken, setUnauthenticatedHandler } from "./api";
import { changeLanguage, type Language } from "./i18n";

export type Role = "applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin";

export type User = ApiResponse<"/api/admin/users/{id}", "patch">;

/** The second factor (TOTP) of the logged-in user. */
export type SecondFactor = ApiResponse<"/api/auth/session">["secondFactor"];

type SessionResponse = ApiResponse<"/api/auth/login/second-factor", "post">;
type ChallengeResponse = Exclude<ApiResponse<"/api/auth/login", "post">, SessionResponse>;
export type RoleInfo = Item<SessionResponse["roles"]>;

type AuthState = {
  status: "loading" | "anonymous" | "authenticated";
  user: User | null;
  roleInfo: RoleInfo[];
  secondFactor: SecondFactor | null;
  /** Resolves to a challenge when the account asks for its second factor. */
  login(username: string, password: string): Promise<{ challenge: string } | null>;
  loginSecondFactor(challenge: string, code: string): Promise<void>;
  logout(everywhere?: boolean): Promise<void>;
  setLanguage(lang: Language): Promise<void>;
  hasRole(...roles: Role[]): boolean;
  refresh(): Promise<void>;
};

const AuthContext = createContext<AuthState | null>(null);

/** Holds who is logged in; the whole app reads it through useAuth(). */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<AuthState["status"]>("loading");
  const [user, setUser] = useState<User | null>(null);
  const [roleInfo, setRoleInfo] = useState<RoleInfo[]>([]);
  const [secondFactor, setSecondFactor] = useState<SecondFactor | null>(null);

  const accept = useCallback(async (session: SessionResponse) => {
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    setRoleInfo(session.roles);
    setSecondFactor(session.secondFactor);
    setStatus("authenticated");
    await changeLanguage(session.user.locale);
  }, []);

  const clear = useCallback(() => {
    setCsrfToken(null);
    setUser(null);
    setStatus("anonymous");
    queryClient.clear();
  }, [queryClient]);

  const refresh = useCallback(async () => {
    try {
      // whoami answers 200 with `session: null` when logged out, so the login page logs no 401.
      const { session } = await api.get<{ session: SessionResponse | null }>("/api/auth/whoami");
      if (session) await accept(session);
      else clear();
    } catch {
      clear();
    }
  }, [accept, clear]);

  useEffect(() => {
    setUnauthenticatedHandler(clear);
    void refresh();
  }, [clear, refresh]);

  const value = useMemo<AuthState>(
    () => ({
      status,
      user,
      roleInfo,
      secondFactor,
      async login(username, password) {
        const res = await api.post<SessionResponse | ChallengeResponse>("/api/auth/login", {
          username,
          password,
        });
        if ("secondFactorRequired" in res) return { challenge: res.challenge };
        await accept(res);
        return null;
      },
      async loginSecondFactor(challenge, code) {
        await accept(await api.post<SessionResponse>("/api/auth/login/second-factor", { challenge, code }));
      },
      async logout(everywhere = false) {
        try {
          await api.post(everywhere ? "/api/auth/logout-everywhere" : "/api/auth/logout");
        } finally {
          clear();
        }
      },
      async setLanguage(lang) {
        await changeLanguage(lang);
        if (user) {
          await api.put("/api/auth/locale", { locale: lang });
          setUser({ ...user, locale: lang });
        }
      },
      hasRole: (...roles) => !!user && user.roles.some((r) => roles.includes(r)),
      refresh,
    }),
    [status, user, roleInfo, secondFactor, accept, clear, refresh],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The current user and session actions. */
export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error("useAuth outside AuthProvider");
  return ctx;
}
