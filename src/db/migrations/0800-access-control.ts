import { type Kysely, sql } from "kysely";

/**
 * Access hardening: TOTP second factor and hashed recovery codes, login throttling per account and
 * client address, pending second-factor logins, role changes that need a second administrator, when
 * reveal rights were granted, and the departments a unit officer acts for.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN totp_secret text`.execute(db);
  await sql`ALTER TABLE users ADD COLUMN totp_pending_secret text`.execute(db);
  await sql`ALTER TABLE users ADD COLUMN totp_enabled_at timestamptz`.execute(db);
  await sql`ALTER TABLE users ADD COLUMN totp_last_step integer`.execute(db);
  await sql`ALTER TABLE users ADD COLUMN reveal_granted_at timestamptz`.execute(db);
  await sql`ALTER TABLE users ADD COLUMN reveal_granted_by uuid REFERENCES users(id)`.execute(db);
  await sql`ALTER TABLE users ADD COLUMN scope_departments text[] NOT NULL DEFAULT '{}'`.execute(db);

  await sql`
    CREATE TABLE user_recovery_codes (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      used_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX user_recovery_codes_user_idx ON user_recovery_codes (user_id)`.execute(db);

  // One row per (username as typed, client address), for known and unknown usernames alike, so that
  // throttling answers the same whether or not the account exists.
  await sql`
    CREATE TABLE login_throttle (
      key text PRIMARY KEY,
      username text NOT NULL,
      client text NOT NULL,
      failures integer NOT NULL DEFAULT 0,
      blocked_until timestamptz,
      last_failure_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX login_throttle_username_idx ON login_throttle (username)`.execute(db);
  await sql`CREATE INDEX login_throttle_last_idx ON login_throttle (last_failure_at)`.execute(db);

  await sql`
    CREATE TABLE login_challenges (
      id uuid PRIMARY KEY,
      token_hash text NOT NULL UNIQUE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      client text NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE role_change_requests (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      requested_by uuid NOT NULL REFERENCES users(id),
      roles_before text[] NOT NULL,
      roles_after text[] NOT NULL,
      reason text NOT NULL,
      status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'approved', 'refused', 'withdrawn')),
      decided_by uuid REFERENCES users(id),
      decided_at timestamptz,
      decision_comment text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX role_change_requests_one_pending ON role_change_requests (user_id)
            WHERE status = 'pending'`.execute(db);
}
