import type { Role } from "../db/schema.js";

/** Who is acting: a logged-in user, or the system/CLI (no user id). Written into every audit row. */
export type Actor = {
  id: string | null;
  label: string;
  roles: readonly Role[];
  locale: "ja" | "en";
  ip?: string | undefined;
};

export const ROLES: readonly Role[] = [
  "applicant",
  "unit_officer",
  "secretariat",
  "approver",
  "auditor",
  "admin",
];

/** The actor for command-line operations, labelled with the operating-system user for the audit log. */
export function cliActor(): Actor {
  const osUser = process.env.USER ?? process.env.USERNAME ?? "unknown";
  return { id: null, label: `cli:${osUser}`, roles: ["admin"], locale: "ja" };
}

/** The actor for work the server does on its own (seeding, scheduled jobs). */
export function systemActor(label = "system"): Actor {
  return { id: null, label, roles: ["admin"], locale: "ja" };
}

/** True when the actor holds at least one of the roles. */
export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
