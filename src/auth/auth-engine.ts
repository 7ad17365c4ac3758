import type { Role } from "../db/schema.js";

export const ALL_ROLES: readonly Role[] = [
  "applicant",
  "unit_officer",
  "secretariat",
  "approver",
  "auditor",
  "admin",
];

/** Role names as people read them, in both UI languages. */
export const ROLE_LABELS: Record<Role, { ja: string; en: string }> = {
  applicant: { ja: "申請者（研究者・職員）", en: "Applicant (researcher / staff)" },
  unit_officer: { ja: "部局輸出管理責任者", en: "Unit export-control officer" },
  secretariat: { ja: "事務局・セキュリティ担当", en: "Secretariat / security office" },
  approver: { ja: "承認者（委員会・統括責任者）", en: "Approver (committee / chief officer)" },
  auditor: { ja: "監査担当（閲覧のみ）", en: "Auditor (read-only)" },
  admin: { ja: "システム管理者", en: "Administrator" },
};

/**
 * Login throttling. Failures are counted per (username as typed, client address) — for unknown
 * usernames exactly as for real ones, so the answer never tells whether an account exists — and
 * never per account alone, so an attacker cannot lock a colleague out: their own address waits, the
 * colleague's does not. The first `maxFailures` failures cost nothing; each one after that doubles
 * the wait, starting at `backoffSeconds` and capped at `lockoutMinutes`. A day without failures
 * forgets them; a successful login from that address forgets them at once.
 */
export type LockoutPolicy = { maxFailures: number; lockoutMinutes: number; backoffSeconds?: number };

/** How long failures are remembered without a new one. */
export const THROTTLE_MEMORY_HOURS = 24;

/** What one more failed attempt from this client for this username does. */
export function afterFailedLogin(
  previous: { failures: number; lastFailureAt: Date } | null,
  policy: LockoutPolicy,
  now: Date,
): { failures: number; blockedUntil: Date | null } {
  const fresh =
    previous !== null && now.getTime() - previous.lastFailureAt.getTime() < THROTTLE_MEMORY_HOURS * 3_600_000;
  const failures = (fresh ? previous.failures : 0) + 1;
  if (failures < policy.maxFailures) return { failures, blockedUntil: null };
  const base = policy.backoffSeconds ?? 30;
  const exponent = Math.min(failures - policy.maxFailures, 30);
  const seconds = Math.min(base * 2 ** exponent, policy.lockoutMinutes * 60);
  return { failures, blockedUntil: new Date(now.getTime() + seconds * 1000) };
}

/** Whole seconds still to wait before this client may try again (0: it may try now). */
export function secondsToWait(blockedUntil: Date | null, now: Date): number {
  if (blockedUntil === null) return 0;
  return Math.max(0, Math.ceil((blockedUntil.getTime() - now.getTime()) / 1000));
}

/** True while a temporary lock-out is in force. */
export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** The throttle row's key: the client address (no spaces) and the username as it is looked up. */
export function throttleKey(username: string, client: string): string {
  return `${client.replace(/\s/g, "")} ${username.toLowerCase()}`;
}

/** True when a user with these roles must use a second factor (local accounts only). */
export function mustUseSecondFactor(
  user: { roles: readonly Role[]; passwordHash: string | null },
  requiredFor: readonly Role[],
): boolean {
  return user.passwordHash !== null && user.roles.some((r) => requiredFor.includes(r));
}

export type SessionPolicy = { idleMinutes: number; maxHours: number };

/** A session ends when idle too long or when it reaches its absolute lifetime, whichever is first. */
export function isSessionExpired(
  session: { lastSeenAt: Date; expiresAt: Date },
  policy: SessionPolicy,
  now: Date,
): boolean {
  if (now.getTime() >= session.expiresAt.getTime()) return true;
  return now.getTime() - session.lastSeenAt.getTime() > policy.idleMinutes * 60_000;
}

/** Password rules: long enough to resist guessing, not the username, not absurdly long for the hasher. */
export function passwordProblems(password: string, username: string): { ja: string; en: string }[] {
  const problems: { ja: string; en: string }[] = [];
  if ([...password].length < 10) {
    problems.push({
      ja: "パスワードは10文字以上にしてください",
      en: "Password must be at least 10 characters",
    });
  }
  if (password.length > 256) {
    problems.push({
      ja: "パスワードは256文字以内にしてください",
      en: "Password must be at most 256 characters",
    });
  }
  if (password.toLowerCase() === username.toLowerCase()) {
    problems.push({
      ja: "ユーザー名と同じパスワードは使えません",
      en: "Password must differ from the username",
    });
  }
  return problems;
}

/** Usernames: short, ASCII, unambiguous in logs and URLs. */
export function isValidUsername(username: string): boolean {
  return /^[a-zA-Z0-9][a-zA-Z0-9._-]{1,62}$/.test(username);
}
