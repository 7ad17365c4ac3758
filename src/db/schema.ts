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
  list_sources: ListSourcesTable;
  list_snapshots: ListSnapshotsTable;
  list_entities: ListEntitiesTable;
  screening_rescreens: ScreeningRescreensTable;
  screening_runs: ScreeningRunsTable;
  screening_hits: ScreeningHitsTable;
  screening_decisions: ScreeningDecisionsTable;
  screening_batches: ScreeningBatchesTable;
  screening_batch_rows: ScreeningBatchRowsTable;
  tasks: TasksTable;
  email_outbox: EmailOutboxTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type PartyRow = Selectable<PartiesTable>;
export type PartyNameRow = Selectable<PartyNamesTable>;
export type AuditRow = Selectable<AuditLogTable>;

// ── Screening: restricted-party lists (migration 0100) ──────────────────────────────────────────

export type ListSnapshotStatus = "loading" | "active" | "superseded" | "failed";

/** One official or own list (UN, OFAC SDN, METI EUL, custom:…) and its active snapshot. */
export interface ListSourcesTable {
  id: string;
  label_ja: string;
  label_en: string;
  format: string;
  active_snapshot_id: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

/** One import of a list: a dated, versioned snapshot with counts; active only once complete. */
export interface ListSnapshotsTable {
  id: string;
  source: string;
  version: number;
  status: ListSnapshotStatus;
  format: string;
  file_names: ColumnType<string[], string[], string[]>;
  sha256: string;
  byte_size: number;
  entity_count: Generated<number>;
  name_count: Generated<number>;
  schema_counts: ColumnType<Record<string, number>, string | undefined, string>;
  error: string | null;
  imported_by_id: string | null;
  imported_by: string;
  started_at: GeneratedTimestamp;
  heartbeat_at: GeneratedTimestamp;
  finished_at: NullableTimestamp;
  activated_at: NullableTimestamp;
  superseded_at: NullableTimestamp;
  entities_pruned_at: NullableTimestamp;
}

/** One entry of a list snapshot (the contract's ListEntity) with its content hash. */
export interface ListEntitiesTable {
  id: string;
  snapshot_id: string;
  position: number;
  source_id: string;
  schema: "Person" | "Organization" | "Vessel" | "Aircraft" | "Unknown";
  primary_name: string;
  names: ColumnType<{ name: string; kind: string; lang?: string }[], string, string>;
  countries: ColumnType<string[], string[], string[]>;
  birth_dates: ColumnType<string[], string[], string[]>;
  identifiers: ColumnType<{ scheme: string; value: string }[], string, string>;
  programs: ColumnType<string[], string[], string[]>;
  listed_on: string | null;
  remarks: string | null;
  addresses: ColumnType<string[], string[], string[]>;
  details: ColumnType<Record<string, string | string[]> | null, string | null, string | null>;
  content_hash: string;
}

export type ListSourceRow = Selectable<ListSourcesTable>;
export type ListSnapshotRow = Selectable<ListSnapshotsTable>;
export type ListEntityRow = Selectable<ListEntitiesTable>;

// ── Screening: runs, hits, decisions, re-screening, batches (migration 0150) ────────────────────

export type ScreeningDecisionStatus = "true_match" | "false_positive";
export type ScreeningRunTrigger = "manual" | "context" | "rescreen";

/** A re-screening of every party after the active list snapshots changed (resumable by cursor). */
export interface ScreeningRescreensTable {
  id: string;
  snapshot_key: string;
  snapshot_ids: ColumnType<Record<string, string>, string, string>;
  status: "running" | "done" | "failed" | "superseded";
  total: Generated<number>;
  processed: Generated<number>;
  parties_with_new_hits: Generated<number>;
  cursor_party_id: string | null;
  error: string | null;
  started_at: GeneratedTimestamp;
  heartbeat_at: GeneratedTimestamp;
  finished_at: NullableTimestamp;
}

/** One screening of a party against the active lists, with the snapshots it used. */
export interface ScreeningRunsTable {
  id: string;
  party_id: string;
  trigger: ScreeningRunTrigger;
  context_type: string | null;
  context_id: string | null;
  rescreen_id: string | null;
  actor_id: string | null;
  actor_label: string;
  screened_at: Timestamp;
  snapshot_ids: ColumnType<Record<string, string>, string, string>;
  threshold: number;
  query: ColumnType<unknown, string, string>;
  hit_count: number;
  match_count: number;
  open_count: number;
  new_count: number;
}

/** A list entry a run found, with its score and explanation as shown to the reviewer. */
export interface ScreeningHitsTable {
  run_id: string;
  position: number;
  entity_id: string;
  snapshot_id: string;
  source: string;
  source_id: string;
  content_hash: string;
  schema: string;
  name: string;
  score: number;
  match: boolean;
  is_new: boolean;
  explanation: ColumnType<unknown, string, string>;
  programs: ColumnType<string[], string[], string[]>;
  countries: ColumnType<string[], string[], string[]>;
}

/** A reviewer's decision on a party/list-entry pair, valid while the entry's content hash is unchanged. */
export interface ScreeningDecisionsTable {
  id: string;
  party_id: string;
  source: string;
  source_id: string;
  content_hash: string;
  entity_id: string;
  entity_name: string;
  status: ScreeningDecisionStatus;
  rationale: string;
  decided_by_id: string | null;
  decided_by: string;
  decided_at: Timestamp;
  replaced_at: NullableTimestamp;
}

/** A batch screening job: an uploaded CSV/XLSX of names screened in the background. */
export interface ScreeningBatchesTable {
  id: string;
  file_name: string;
  file_format: "csv" | "xlsx";
  encoding: string | null;
  status: "queued" | "running" | "done" | "failed";
  total_rows: number;
  processed_rows: Generated<number>;
  matched_rows: Generated<number>;
  threshold: number;
  snapshot_ids: ColumnType<Record<string, string> | null, string | null, string | null>;
  columns: ColumnType<unknown, string, string>;
  error: string | null;
  created_by_id: string | null;
  created_by: string;
  created_at: GeneratedTimestamp;
  started_at: NullableTimestamp;
  heartbeat_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

/** One row of a batch job: the input as read and, once screened, its best hits. */
export interface ScreeningBatchRowsTable {
  batch_id: string;
  row_no: number;
  line: number;
  input: ColumnType<unknown, string, string>;
  done: Generated<boolean>;
  best_score: number | null;
  match_count: number | null;
  hits: ColumnType<unknown, string | null, string | null>;
}
