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

export type LockoutPolicy = { maxFailures: number; lockoutMinutes: number };

/** What a failed password attempt does to the account: count it, and lock once the limit is reached. */
export function afterFailedLogin(
  failedCount: number,
  policy: LockoutPolicy,
  now: Date,
): { failedCount: number; lockedUntil: Date | null } {
  const next = failedCount + 1;
  if (next >= policy.maxFailures) {
    return { failedCount: 0, lockedUntil: new Date(now.getTime() + policy.lockoutMinutes * 60_000) };
  }
  return { failedCount: next, lockedUntil: null };
}

/** True while a temporary lock-out is in force. */
export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
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
