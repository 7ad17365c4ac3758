import { type Kysely, sql } from "kysely";

/** The task inbox every module feeds, and the e-mail outbox sent over SMTP. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE tasks (
      id uuid PRIMARY KEY,
      kind text NOT NULL,
      title jsonb NOT NULL,
      detail jsonb,
      link text,
      entity_type text,
      entity_id text,
      assignee_user_id uuid REFERENCES users(id),
      assignee_role text,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
      dedupe_key text,
      due_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      completed_by uuid REFERENCES users(id),
      CHECK (assignee_user_id IS NOT NULL OR assignee_role IS NOT NULL)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX tasks_open_dedupe ON tasks (dedupe_key) WHERE status = 'open' AND dedupe_key IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX tasks_user_idx ON tasks (assignee_user_id, status)`.execute(db);
  await sql`CREATE INDEX tasks_role_idx ON tasks (assignee_role, status)`.execute(db);
  await sql`CREATE INDEX tasks_entity_idx ON tasks (entity_type, entity_id, status)`.execute(db);

  await sql`
    CREATE TABLE email_outbox (
      id uuid PRIMARY KEY,
      to_user_id uuid REFERENCES users(id),
      to_address text NOT NULL,
      subject text NOT NULL,
      body text NOT NULL,
      kind text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      attempts integer NOT NULL DEFAULT 0,
      sent_at timestamptz,
      last_error text
    )`.execute(db);
  await sql`CREATE INDEX email_outbox_pending ON email_outbox (next_attempt_at) WHERE sent_at IS NULL`.execute(
    db,
  );
}
