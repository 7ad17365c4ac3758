import type { FastifyRequest } from "fastify";
import type { Role } from "../db/schema.js";
import type { Actor } from "../shared/actor.js";
import { AppError } from "../shared/errors.js";

/**
 * Who may call a route: nobody needs to log in (`public`), any logged-in user (`authenticated`),
 * or holders of at least one of the listed roles. Every /api route must declare one.
 */
export type Access = "public" | "authenticated" | readonly Role[];

/** Role groups used across modules, so a route's rule reads as a sentence. */
export const ROLE_GROUPS = {
  /** Everyone with a staff role: all roles except none. */
  everyone: ["applicant", "unit_officer", "secretariat", "approver", "auditor", "admin"],
  /** Export-control and security staff who run reviews and screening. */
  officers: ["unit_officer", "secretariat", "approver", "admin"],
  /** Officers plus the read-only auditor. */
  officersAndAuditors: ["unit_officer", "secretariat", "approver", "auditor", "admin"],
  /** People allowed to read the audit log. */
  auditReaders: ["auditor", "admin"],
  admins: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type SessionInfo = {
  id: string;
  csrfToken: string;
  /** Set while the user must first set up their second factor: only routes that allow it answer. */
  restriction?: "mfa_enrolment" | undefined;
};

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
    /** The route stays open to a session that must first set up its second factor (login, account). */
    allowDuringMfaEnrolment?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionInfo: SessionInfo | null;
  }
}

/** The logged-in actor of a request whose route is not public (the access hook has checked it). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) {
    throw new AppError(401, "unauthenticated", { ja: "ログインしてください", en: "Please log in" });
  }
  return req.actor;
}

/** The session of a logged-in request. */
export function sessionOf(req: FastifyRequest): SessionInfo {
  if (!req.sessionInfo) {
    throw new AppError(401, "unauthenticated", { ja: "ログインしてください", en: "Please log in" });
  }
  return req.sessionInfo;
}

/** Decides one request against a route's rule: undefined when allowed, otherwise the error to send. */
export function accessDenial(access: Access, actor: Actor | null): AppError | undefined {
  if (access === "public") return undefined;
  if (!actor)
    return new AppError(401, "unauthenticated", { ja: "ログインしてください", en: "Please log in" });
  if (access === "authenticated") return undefined;
  if (actor.roles.some((r) => access.includes(r))) return undefined;
  return new AppError(403, "forbidden", {
    ja: "この操作を行う権限がありません",
    en: "You do not have permission for this action",
  });
}

/** The answer to a session that must set up its second factor before anything else. */
export function enrolmentDenial(
  session: SessionInfo | null,
  allowed: boolean | undefined,
): AppError | undefined {
  if (!session?.restriction || allowed) return undefined;
  return new AppError(403, "mfa_enrolment_required", {
    ja: "先に二段階認証（認証アプリ）を設定してください",
    en: "Set up two-step login (authenticator app) first",
  });
}
