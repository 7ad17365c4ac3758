import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** A timestamp column: written as Date or ISO string, read back as Date. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A nullable timestamp column. */
export type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
/** A timestamp column with a database default (e.g. now()). */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A jsonb column holding T (written as its JSON text). */
export type Json<T> = ColumnType<T, string, string>;

export type Role = "applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin";

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string | null;
  roles: ColumnType<Role[], Role[], Role[]>;
  locale: "ja" | "en";
  department: string | null;
  failed_login_count: Generated<number>;
  locked_until: NullableTimestamp;
  disabled_at: NullableTimestamp;
  password_changed_at: NullableTimestamp;
  external_issuer: string | null;
  external_subject: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  auth_method: string;
  created_at: GeneratedTimestamp;
  last_seen_at: GeneratedTimestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  context: Json<Record<string, unknown>> | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  last_id: number;
  last_hash: string;
}

export type PartyKind = "organization" | "person";
export type PartyIdentifier = { scheme: string; value: string };

export interface PartiesTable {
  id: string;
  kind: PartyKind;
  primary_name: string;
  country: string | null;
  birth_date: ColumnType<string | null, string | null, string | null>;
  website: string | null;
  notes: string | null;
  tags: ColumnType<string[], string[], string[]>;
  identifiers: Json<PartyIdentifier[]>;
  search_text: string;
  archived_at: NullableTimestamp;
  version: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export type PartyNameKind = "primary" | "alias" | "former" | "transliteration";

export interface PartyNamesTable {
  id: string;
  party_id: string;
  name: string;
  kind: PartyNameKind;
  lang: string | null;
  script: string;
  position: number;
}

/** Small key/value facts about this installation (e.g. which demo data has been seeded). */
export interface AppSettingsTable {
  key: string;
  value: Json<unknown>;
  updated_at: GeneratedTimestamp;
}

export type TaskStatus = "open" | "done" | "cancelled";

export interface TasksTable {
  id: string;
  kind: string;
  title: Json<{ ja: string; en: string }>;
  detail: Json<{ ja: string; en: string }> | null;
  link: string | null;
  entity_type: string | null;
  entity_id: string | null;
  assignee_user_id: string | null;
  assignee_role: Role | null;
  status: Generated<TaskStatus>;
  dedupe_key: string | null;
  due_at: NullableTimestamp;
  created_at: GeneratedTimestamp;
  completed_at: NullableTimestamp;
  completed_by: string | null;
}

export interface EmailOutboxTable {
  id: string;
  to_user_id: string | null;
  to_address: string;
  subject: string;
  body: string;
  kind: string;
  created_at: GeneratedTimestamp;
  next_attempt_at: GeneratedTimestamp;
  attempts: Generated<number>;
  sent_at: NullableTimestamp;
  last_error: string | null;
}

/** The whole schema as Kysely sees it. Each module adds its tables here through its own interface. */
export interface Database {
  app_settings: AppSettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  parties: PartiesTable;
  party_names: PartyNamesTable;
  tasks: TasksTable;
  email_outbox: EmailOutboxTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type PartyRow = Selectable<PartiesTable>;
export type PartyNameRow = Selectable<PartyNamesTable>;
export type AuditRow = Selectable<AuditLogTable>;

// ---- Insider risk (src/insider) ----

export type InsiderAlertStatus = "new" | "reviewing" | "confirmed" | "non_issue";
export type InsiderSeverity = "low" | "medium" | "high" | "critical";

/** A person or account seen in activity logs, known to the rest of the app only by pseudonym. */
export interface InsiderSubjectsTable {
  id: string;
  subject_key: string;
  pseudonym: string;
  display_name: string | null;
  email: string | null;
  role: string | null;
  department: string | null;
  team: string | null;
  projects: ColumnType<string[], string[] | undefined, string[]>;
  supervisor_key: string | null;
  watchlists: ColumnType<string[], string[] | undefined, string[]>;
  start_date: ColumnType<string | null, string | null | undefined, string | null>;
  end_date: ColumnType<string | null, string | null | undefined, string | null>;
  in_directory: Generated<boolean>;
  person: Json<unknown> | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface InsiderRunsTable {
  id: string;
  kind: "files" | "ndjson" | "bus";
  source: string;
  status: "running" | "committed" | "failed";
  actor_label: string;
  started_at: GeneratedTimestamp;
  finished_at: NullableTimestamp;
  stats: ColumnType<Record<string, unknown>, string | undefined, string>;
  problems: ColumnType<unknown[], string | undefined, string>;
}

export interface InsiderFilesTable {
  identity: string;
  name: string;
  kind: string;
  max_t: number;
  ids_at_max: ColumnType<string[], string[], string[]>;
  rows: number;
  last_run_id: string | null;
  updated_at: GeneratedTimestamp;
}

export interface InsiderEngineStateTable {
  /** `embedded` for the in-process engine; `partition:N` for a bus worker's partition. */
  scope: string;
  snapshot: Json<unknown>;
  watermark: number | null;
  run_id: string | null;
  updated_at: GeneratedTimestamp;
}

export interface InsiderUserDaysTable {
  subject_key: string;
  day: ColumnType<string, string, string>;
  score: number;
  anomaly: number;
  indicators: ColumnType<string[], string[], string[]>;
  features: ColumnType<number[], number[], number[]>;
  baseline: ColumnType<number[], number[], number[]>;
  alert_key: string | null;
  run_id: string;
}

export interface InsiderAlertsTable {
  id: string;
  engine_key: string;
  subject_key: string;
  status: ColumnType<InsiderAlertStatus, InsiderAlertStatus | undefined, InsiderAlertStatus>;
  severity: InsiderSeverity;
  score: number;
  anomaly: number;
  cases: ColumnType<number[], number[], number[]>;
  indicators: Json<unknown[]>;
  first_day: ColumnType<string, string, string>;
  last_day: ColumnType<string, string, string>;
  evidence_count: Generated<number>;
  triage_note: string | null;
  triaged_by: string | null;
  triaged_at: NullableTimestamp;
  version: Generated<number>;
  run_id: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface InsiderEvidenceTable {
  alert_id: string;
  seq: number;
  t: number;
  kind: string;
  action: string;
  host: string;
  host_context: string;
  object: string;
  recipients: ColumnType<string[], string[], string[]>;
  attachments: ColumnType<string[], string[], string[]>;
  bytes: number;
  asset_id: string | null;
  indicators: ColumnType<string[], string[], string[]>;
  source_file: string;
  source_line: number;
  source_id: string;
}

export interface InsiderAssetsTable {
  id: string;
  name: string;
  kind: "server" | "path" | "repository" | "url";
  pattern: string;
  projects: ColumnType<string[], string[], string[]>;
  allowed_roles: ColumnType<string[], string[], string[]>;
  allowed_domains: ColumnType<string[], string[], string[]>;
  updated_at: GeneratedTimestamp;
}

export interface InsiderEventKeysTable {
  source: string;
  event_id: string;
  t: number;
}

/** The insider tables, merged into {@link Database}. */
export interface InsiderTables {
  insider_subjects: InsiderSubjectsTable;
  insider_runs: InsiderRunsTable;
  insider_files: InsiderFilesTable;
  insider_engine_state: InsiderEngineStateTable;
  insider_user_days: InsiderUserDaysTable;
  insider_alerts: InsiderAlertsTable;
  insider_evidence: InsiderEvidenceTable;
  insider_assets: InsiderAssetsTable;
  insider_event_keys: InsiderEventKeysTable;
}

// Declaration merging adds the insider tables to the schema without touching the kernel's list.
export interface Database extends InsiderTables {}
