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
  // 0800-access-control
  totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
  totp_pending_secret: ColumnType<string | null, string | null | undefined, string | null>;
  totp_enabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  reveal_granted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  reveal_granted_by: ColumnType<string | null, string | null | undefined, string | null>;
  scope_departments: ColumnType<string[], string[] | undefined, string[]>;
}

/** Hashed one-time recovery codes for the TOTP second factor (0800). */
export interface UserRecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: GeneratedTimestamp;
  used_at: NullableTimestamp;
}

/** Failed logins per (username as typed, client address), known and unknown usernames alike (0800). */
export interface LoginThrottleTable {
  key: string;
  username: string;
  client: string;
  failures: number;
  blocked_until: NullableTimestamp;
  last_failure_at: Timestamp;
}

/** A password that was right, waiting for its second factor (0800). */
export interface LoginChallengesTable {
  id: string;
  token_hash: string;
  user_id: string;
  client: string;
  attempts: Generated<number>;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
}

/** An administrator's change of their own roles, waiting for a second administrator (0800). */
export interface RoleChangeRequestsTable {
  id: string;
  user_id: string;
  requested_by: string;
  roles_before: ColumnType<Role[], Role[], Role[]>;
  roles_after: ColumnType<Role[], Role[], Role[]>;
  reason: string;
  status: Generated<"pending" | "approved" | "refused" | "withdrawn">;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_comment: string | null;
  created_at: GeneratedTimestamp;
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
  /** HMAC-SHA256 of the row under the audit key kept outside the database (migration 0820). */
  mac: string | null;
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
  /** Set when this party was merged into another (migration 0850); the party is then archived. */
  merged_into: ColumnType<string | null, string | null | undefined, string | null>;
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

// — Reviews (migration 0200) —
export interface ReviewsTable {
  id: string;
  ref_no: string;
  activity_type: string;
  title: string;
  applicant_user_id: string;
  unit: string | null;
  status: Generated<string>;
  track: "simple" | "full" | null;
  details: Json<unknown>;
  answers: Json<unknown>;
  notes: Json<unknown>;
  topic_tags: Json<unknown>;
  classification: Json<unknown> | null;
  classified_by: string | null;
  classified_at: NullableTimestamp;
  transaction_check: Json<unknown> | null;
  checked_by: string | null;
  checked_at: NullableTimestamp;
  routing: Json<unknown> | null;
  risk: Json<unknown> | null;
  conditions: string | null;
  decision_comment: string | null;
  decided_by: string | null;
  submitted_at: NullableTimestamp;
  decided_at: NullableTimestamp;
  retention_until: ColumnType<string | null, string | null, string | null>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  /** Export facts and the licence determination (migration 0920). */
  export_facts: Json<unknown> | null;
  licence_determination: Json<unknown> | null;
  next_rescreen_on: ColumnType<string | null, string | null, string | null>;
  last_rescreened_at: NullableTimestamp;
}

export interface ReviewCounterpartiesTable {
  id: string;
  review_id: string;
  position: number;
  party_id: string;
  role: string;
  attributes: Json<unknown>;
  screening: Json<unknown> | null;
  screened_at: NullableTimestamp;
}

export interface ReviewEventsTable {
  id: string;
  review_id: string;
  at: GeneratedTimestamp;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_label: string;
  comment: string | null;
  conditions: string | null;
}

export interface ReviewDraftsTable {
  user_id: string;
  key: string;
  payload: Json<unknown>;
  updated_at: GeneratedTimestamp;
}

/** Hiring and contracting: one identity check of a review (migration 0970). */
export interface ReviewIdentityChecksTable {
  review_id: string;
  check_id: string;
  outcome: "clear" | "sign";
  evidence: string;
  checked_by: string | null;
  checked_by_label: string;
  checked_at: GeneratedTimestamp;
}

// — Hiring review → insider watchlist (migration 1090) —
export interface ReviewWatchlistEntriesTable {
  id: string;
  review_id: string;
  account: string;
  list: string;
  added_by: string | null;
  added_by_label: string;
  created_at: GeneratedTimestamp;
}

// — People (migration 0300) —
export type DateColumn = ColumnType<string, string, string>;
export type NullableDateColumn = ColumnType<string | null, string | null, string | null>;

export interface PeopleTable {
  id: string;
  party_id: string;
  user_id: string | null;
  category: string;
  department: string | null;
  email: string | null;
  erad_researcher_number: string | null;
  disclosure_due_on: NullableDateColumn;
  tokutei_review_on: NullableDateColumn;
  version: Generated<number>;
  archived_at: NullableTimestamp;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface PersonResidencyTable {
  id: string;
  person_id: string;
  status: "resident" | "non_resident";
  basis: string;
  basis_date: NullableDateColumn;
  effective_from: DateColumn;
  note: string | null;
  recorded_by: string | null;
  recorded_at: GeneratedTimestamp;
}

export interface TokuteiDeclarationsTable {
  id: string;
  person_id: string;
  declared_on: DateColumn;
  content: Json<unknown>;
  type1: boolean;
  type2: boolean;
  type3: boolean;
  income_share: number | null;
  next_review_on: DateColumn;
  superseded_at: NullableTimestamp;
  recorded_by: string | null;
  recorded_at: GeneratedTimestamp;
}

export interface IntegrityDisclosuresTable {
  id: string;
  person_id: string;
  version: number;
  submitted_on: DateColumn;
  content: Json<unknown>;
  total_effort: number;
  pledged: boolean;
  recorded_by: string | null;
  recorded_at: GeneratedTimestamp;
}

export interface PersonProviderScreeningsTable {
  person_id: string;
  party_id: string;
  provider_name: string;
  result: Json<unknown>;
  screened_at: Timestamp;
}

/** Every version of a party as it was after a change (migration 0850). */
export interface PartyVersionsTable {
  party_id: string;
  version: number;
  action: "baseline" | "created" | "updated" | "archived" | "restored" | "merged" | "merged_into";
  snapshot: Json<unknown>;
  reason: string | null;
  related_party_id: string | null;
  actor_id: string | null;
  actor_label: string;
  at: GeneratedTimestamp;
}

/** The whole schema as Kysely sees it. Each module adds its tables here through its own interface. */
export interface Database {
  app_settings: AppSettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  user_recovery_codes: UserRecoveryCodesTable;
  login_throttle: LoginThrottleTable;
  login_challenges: LoginChallengesTable;
  role_change_requests: RoleChangeRequestsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  parties: PartiesTable;
  party_names: PartyNamesTable;
  party_versions: PartyVersionsTable;
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
  reviews: ReviewsTable;
  review_counterparties: ReviewCounterpartiesTable;
  review_events: ReviewEventsTable;
  review_drafts: ReviewDraftsTable;
  review_identity_checks: ReviewIdentityChecksTable;
  review_watchlist_entries: ReviewWatchlistEntriesTable;
  people: PeopleTable;
  person_residency: PersonResidencyTable;
  tokutei_declarations: TokuteiDeclarationsTable;
  integrity_disclosures: IntegrityDisclosuresTable;
  person_provider_screenings: PersonProviderScreeningsTable;
  approach_clusters: ApproachClustersTable;
  approach_reports: ApproachReportsTable;
  approach_attachments: ApproachAttachmentsTable;
  approach_report_keys: ApproachReportKeysTable;
  approach_text_bands: ApproachTextBandsTable;
  approach_cluster_links: ApproachClusterLinksTable;
  approach_report_parties: ApproachReportPartiesTable;
  approach_report_reviews: ApproachReportReviewsTable;
  approach_notes: ApproachNotesTable;
  approach_link_tokens: ApproachLinkTokensTable;
  approach_cluster_facts: ApproachClusterFactsTable;
  approach_cluster_fact_members: ApproachClusterFactMembersTable;
  cases: CasesTable;
  case_flags: CaseFlagsTable;
  training_modules: TrainingModulesTable;
  training_module_cases: TrainingModuleCasesTable;
  training_completions: TrainingCompletionsTable;
  training_assignments: TrainingAssignmentsTable;
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
  /** A demo sample shipped with Sekimori (demo/lists), not the official list (migration 0870). */
  sample: Generated<boolean>;
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

// — Approach reports (migration 0400) —

export type ApproachStatus = "draft" | "new" | "in_review" | "closed";

export interface ApproachClustersTable {
  id: string;
  status: Generated<"open" | "reviewed">;
  summary: Json<unknown>;
  report_count: number;
  reporter_count: number;
  first_at: Timestamp;
  last_at: Timestamp;
  merged_into: string | null;
  alerted_reporter_count: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  /** Migration 1150: the incremental summary's per-cluster counts (null: rebuilt on next join). */
  state: Json<unknown> | null;
}

export interface ApproachReportsTable {
  id: string;
  number: ColumnType<number, never, never>;
  reporter_id: string;
  status: Generated<ApproachStatus>;
  version: Generated<number>;
  channel: string;
  channel_other: string | null;
  occurred_on: ColumnType<string | null, string | null, string | null>;
  sender_name: string | null;
  sender_organisation: string | null;
  sender_profile_url: string | null;
  sender_email: string | null;
  sender_phone: string | null;
  offered: ColumnType<string[], string[], string[]>;
  offered_other: string | null;
  asked: ColumnType<string[], string[], string[]>;
  asked_other: string | null;
  message_text: string | null;
  description: string | null;
  answers: Json<Record<string, string>>;
  risk_level: "low" | "medium" | "high";
  risk_score: number;
  assessment: Json<unknown>;
  reporter_department: string | null;
  assignee_id: string | null;
  outcome: string | null;
  outcome_note: string | null;
  cluster_id: string | null;
  text_signature: Json<number[]> | null;
  submitted_at: NullableTimestamp;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface ApproachAttachmentsTable {
  id: string;
  report_id: string;
  file_name: string;
  media_type: string;
  kind: "message_text" | "screenshot" | "document";
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string;
  created_at: GeneratedTimestamp;
}

export interface ApproachReportKeysTable {
  report_id: string;
  kind: string;
  value: string;
  /** Migration 1150: the report's submission time, so look-ups read the newest rows of the index. */
  submitted_at: Timestamp | null;
}

export interface ApproachTextBandsTable {
  report_id: string;
  band: string;
  submitted_at: Timestamp | null;
}

/** Migration 1150: the link engine's blocking tokens of submitted reports. */
export interface ApproachLinkTokensTable {
  token: string;
  report_id: string;
  submitted_at: Timestamp;
}

/** Migration 1150: one fact a cluster's members share, kept up to date one member at a time. */
export interface ApproachClusterFactsTable {
  cluster_id: string;
  fact: string;
  kind: string;
  value: string | null;
  strength: number;
  report_count: number;
  reporter_count: number;
  ids_hash: string;
  sample_ids: Json<unknown>;
}

export interface ApproachClusterFactMembersTable {
  cluster_id: string;
  fact: string;
  report_id: string;
  reporter_id: string;
}

export interface ApproachClusterLinksTable {
  report_id: string;
  linked_report_id: string;
  reasons: Json<unknown>;
  created_at: GeneratedTimestamp;
}

export interface ApproachReportPartiesTable {
  report_id: string;
  party_id: string;
  role: "sender" | "organisation";
  linked_by: string | null;
  linked_at: GeneratedTimestamp;
  screening: Json<unknown> | null;
}

export interface ApproachReportReviewsTable {
  report_id: string;
  review_id: string;
  linked_by: string | null;
  linked_at: GeneratedTimestamp;
}

export interface ApproachNotesTable {
  id: string;
  report_id: string;
  author_id: string | null;
  text: string;
  created_at: GeneratedTimestamp;
}

export type ApproachReportRow = Selectable<ApproachReportsTable>;
export type ApproachClusterRow = Selectable<ApproachClustersTable>;

// — Cases and training (migration 0500) —

export interface CasesTable {
  id: string;
  slug: string;
  status: "draft" | "published";
  version: Generated<number>;
  content: Json<unknown>;
  search_text: Generated<string>;
  built_in: Generated<boolean>;
  created_by: string | null;
  updated_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface CaseFlagsTable {
  case_id: string;
  flag_id: string;
}

export interface TrainingModulesTable {
  id: string;
  slug: string;
  status: "draft" | "published";
  version: Generated<number>;
  content: Json<unknown>;
  pass_percent: number;
  due_days: number;
  renew_months: number | null;
  required_for: ColumnType<Role[], Role[], Role[]>;
  built_in: Generated<boolean>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface TrainingModuleCasesTable {
  module_id: string;
  case_id: string;
  position: number;
}

export interface TrainingCompletionsTable {
  id: string;
  module_id: string;
  module_version: number;
  module_title: string;
  user_id: string;
  user_display_name: string;
  user_department: string | null;
  score: number;
  max_score: number;
  percent: number;
  passed: boolean;
  answers: Json<unknown>;
  completed_at: GeneratedTimestamp;
  /** The attempt (with its answer order) this completion graded (migration 1000). */
  attempt_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** When a pass stops counting (the module's renewal), fixed at the time of the pass (migration 1000). */
  expires_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface TrainingAssignmentsTable {
  id: string;
  module_id: string;
  user_id: string;
  assigned_by: string | null;
  assigned_at: GeneratedTimestamp;
  due_at: Timestamp;
  completed_at: NullableTimestamp;
  completion_id: string | null;
  cancelled_at: NullableTimestamp;
  last_reminded_at: NullableTimestamp;
  reminder_count: Generated<number>;
}

export type CaseRow = Selectable<CasesTable>;
export type TrainingModuleRow = Selectable<TrainingModulesTable>;
export type TrainingAssignmentRow = Selectable<TrainingAssignmentsTable>;
export type TrainingCompletionRow = Selectable<TrainingCompletionsTable>;

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
  /** Renewed by the process running the ingestion; a run not renewed for a while is taken over (0821). */
  heartbeat_at: ColumnType<Date | null, Date | string | undefined, Date | string>;
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

// ---- Research security for funded projects (src/projects, migration 1000) ----

export interface ResearchProjectsTable {
  id: string;
  number: ColumnType<number, never, never>;
  title: string;
  summary: string | null;
  funding_agency: string;
  funding_programme: string;
  specified_programme: boolean;
  us_federal: boolean;
  application_due_on: ColumnType<string | null, string | null, string | null>;
  starts_on: ColumnType<string | null, string | null, string | null>;
  ends_on: ColumnType<string | null, string | null, string | null>;
  department: string | null;
  jp_tags: ColumnType<string[], string[], string[]>;
  us_tags: ColumnType<string[], string[], string[]>;
  required_modules: ColumnType<string[], string[], string[]>;
  status: Generated<"preparing" | "ready" | "withdrawn">;
  ready_at: NullableTimestamp;
  ready_by: string | null;
  ready_snapshot: Json<unknown> | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface ResearchProjectPartnersTable {
  id: string;
  project_id: string;
  party_id: string;
  role: string;
  owner_of: string | null;
  note: string | null;
  position: number;
}

export interface ResearchProjectMembersTable {
  id: string;
  project_id: string;
  person_id: string;
  role: string;
  affiliation_party_id: string | null;
  pledge_required: boolean;
  covered: boolean;
  position: number;
}

export interface ResearchProjectMemberAppointmentsTable {
  member_id: string;
  party_id: string;
}

export interface ResearchProjectAssetsTable {
  id: string;
  project_id: string;
  kind: string;
  description: string;
  control_status: "listed" | "not_listed" | "unclassified";
  control_ref: string | null;
  shared_with_party_id: string | null;
  sharing_agreement: string | null;
  position: number;
  /** Migration 1080: where it is kept, the access rule, and the members allowed. */
  location: string | null;
  access_limits: string | null;
  authorised_member_ids: ColumnType<string[], string[] | undefined, string[]>;
  version: Generated<number>;
  updated_at: GeneratedTimestamp;
}

export interface ResearchProjectChecksTable {
  project_id: string;
  item: string;
  status: "open" | "satisfied" | "concern";
  conclusion: string | null;
  concluded_by: string | null;
  concluded_at: NullableTimestamp;
}

export interface ResearchProjectEvidenceTable {
  id: string;
  project_id: string;
  item: string;
  text: string;
  url: string | null;
  added_by: string | null;
  added_at: GeneratedTimestamp;
}

export interface ResearchProjectMeasuresTable {
  id: string;
  project_id: string;
  kind: string;
  description: string;
  owner_user_id: string;
  due_on: ColumnType<string | null, string | null, string | null>;
  status: Generated<"planned" | "in_place">;
  addresses: ColumnType<string[], string[], string[]>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  in_place_at: NullableTimestamp;
}

export interface EradPledgesTable {
  id: string;
  person_id: string;
  due_on: ColumnType<string, string, string>;
  given_on: ColumnType<string | null, string | null, string | null>;
  project_id: string | null;
  note: string | null;
  requested_by: string | null;
  recorded_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface DisclosurePartyMatchesTable {
  id: string;
  person_id: string;
  disclosure_version: number;
  path: string;
  name: string;
  party_id: string;
  method: "chosen" | "identifier" | "exact" | "similar" | "created" | "relinked";
  score: number | null;
  reasons: Json<unknown>;
  confirmed_by: string | null;
  confirmed_at: NullableTimestamp;
  created_at: GeneratedTimestamp;
}

export interface TrainingAttemptsTable {
  id: string;
  module_id: string;
  module_version: number;
  user_id: string;
  seed: string;
  layout: Json<unknown>;
  started_at: GeneratedTimestamp;
  submitted_at: NullableTimestamp;
}

/** The research-security tables, merged into {@link Database}. */
export interface ResearchSecurityTables {
  research_projects: ResearchProjectsTable;
  research_project_partners: ResearchProjectPartnersTable;
  research_project_members: ResearchProjectMembersTable;
  research_project_member_appointments: ResearchProjectMemberAppointmentsTable;
  research_project_assets: ResearchProjectAssetsTable;
  research_project_checks: ResearchProjectChecksTable;
  research_project_evidence: ResearchProjectEvidenceTable;
  research_project_measures: ResearchProjectMeasuresTable;
  erad_pledges: EradPledgesTable;
  disclosure_party_matches: DisclosurePartyMatchesTable;
  training_attempts: TrainingAttemptsTable;
}

export interface Database extends ResearchSecurityTables {}

// ── Export control (migration 0920) ────────────────────────────────────────────────────────────

/** A date column read and written as YYYY-MM-DD text. */
type DateText = ColumnType<string, string, string>;
type NullableDateText = ColumnType<string | null, string | null, string | null>;

/** Export-control tables, merged into {@link Database}. */
export interface ExportControlTables {
  country_group_tables: {
    id: string;
    title: Json<unknown>;
    content: Json<unknown>;
    note: string | null;
    active: Generated<boolean>;
    imported_by: string | null;
    imported_at: GeneratedTimestamp;
  };
  export_items: {
    id: string;
    ref_no: string;
    kind: "goods" | "technology";
    name: string;
    model_number: string | null;
    maker: string | null;
    description: Generated<string>;
    hs_code: string | null;
    list_status: "listed" | "not_listed";
    listed_item: string | null;
    provision: Json<unknown> | null;
    catch_all_category: "16-1" | "16-2" | "outside" | null;
    exceptions: Json<unknown>;
    rationale: string;
    decided_by: string | null;
    decided_on: DateText;
    recheck_on: NullableDateText;
    status: Generated<"active" | "archived">;
    version: Generated<number>;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
  };
  export_attachments: {
    id: string;
    owner_type: "item" | "self_inspection" | "licence";
    owner_id: string;
    kind: string;
    file_name: string;
    media_type: string;
    size_bytes: number;
    sha256: string;
    content: Uint8Array;
    uploaded_by: string | null;
    created_at: GeneratedTimestamp;
  };
  review_items: {
    review_id: string;
    item_id: string;
    position: number;
    quantity: ColumnType<number | null, number | null, number | null>;
    unit: string | null;
    value_jpy: ColumnType<number | null, number | null, number | null>;
    snapshot: Json<unknown>;
    exceptions: Json<unknown>;
    note: string | null;
  };
  export_licences: {
    id: string;
    ref_no: string;
    kind: string;
    licence_number: string | null;
    status: string;
    holder: string;
    applied_on: NullableDateText;
    issued_on: NullableDateText;
    valid_from: NullableDateText;
    valid_until: NullableDateText;
    conditions: Generated<string>;
    items: Json<unknown>;
    destinations: Json<unknown>;
    quantity_limit: ColumnType<number | null, number | null, number | null>;
    quantity_unit: string | null;
    value_limit_jpy: ColumnType<number | null, number | null, number | null>;
    responsible_user_id: string | null;
    note: string | null;
    created_by: string | null;
    version: Generated<number>;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
  };
  licence_usages: {
    id: string;
    licence_id: string;
    review_id: string | null;
    provision_id: string | null;
    used_on: DateText;
    quantity: ColumnType<number | null, number | null, number | null>;
    value_jpy: ColumnType<number | null, number | null, number | null>;
    note: string | null;
    recorded_by: string | null;
    created_at: GeneratedTimestamp;
  };
  review_licences: {
    review_id: string;
    licence_id: string;
    linked_by: string | null;
    linked_at: GeneratedTimestamp;
  };
  review_conditions: {
    id: string;
    review_id: string;
    position: number;
    text: string;
    owner_user_id: string;
    due_on: DateText;
    status: Generated<"open" | "done" | "waived">;
    evidence: string | null;
    done_by: string | null;
    done_at: NullableTimestamp;
    created_at: GeneratedTimestamp;
  };
  tech_provisions: {
    id: string;
    review_id: string | null;
    licence_id: string | null;
    item_id: string | null;
    what: string;
    recipient_party_id: string | null;
    recipient_name: string;
    provided_on: DateText;
    method: string;
    country: string | null;
    provided_by: string | null;
    note: string | null;
    created_at: GeneratedTimestamp;
  };
  hand_carry_items: {
    id: string;
    review_id: string;
    kind: string;
    description: string;
    item_id: string | null;
    out_on: DateText;
    return_due_on: DateText;
    returned_on: NullableDateText;
    return_status: Generated<"pending" | "returned" | "consumed" | "left_abroad" | "lost">;
    return_note: string | null;
    checked_by: string | null;
    created_at: GeneratedTimestamp;
  };
  export_reminders_sent: { key: string; sent_at: GeneratedTimestamp };
  self_inspections: {
    id: string;
    fiscal_year: number;
    status: Generated<"open" | "completed">;
    answers: Json<unknown>;
    completed_by: string | null;
    completed_at: NullableTimestamp;
    version: Generated<number>;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
  };
}

// Declaration merging adds the export-control tables to the schema.
export interface Database extends ExportControlTables {}

// ── Single sign-on (src/sso, migration 1030) ──────────────────────────────────────────────────

export interface SsoTables {
  sso_identities: {
    id: string;
    provider: string;
    subject: string;
    user_id: string;
    email: string | null;
    last_login_at: NullableTimestamp;
    created_at: GeneratedTimestamp;
  };
  sso_login_flows: {
    id: string;
    token_hash: string;
    provider: string;
    protocol: "oidc" | "saml";
    state: string | null;
    nonce: string | null;
    code_verifier: string | null;
    saml_request_id: string | null;
    return_to: string | null;
    created_at: GeneratedTimestamp;
    expires_at: Timestamp;
    consumed_at: NullableTimestamp;
  };
  sso_saml_assertions: {
    provider: string;
    assertion_id: string;
    used_at: GeneratedTimestamp;
    expires_at: Timestamp;
  };
}

// Declaration merging adds the SSO tables to the schema.
export interface Database extends SsoTables {}

// ---- People directory: SCIM, LDAP sync, HR/学務 CSV (src/directory, migration 1045) ----
export interface DirectoryTables {
  directory_entries: {
    person_id: string;
    user_name: string;
    employee_number: string | null;
    external_id: string | null;
    source: "scim" | "ldap" | "csv";
    display_name: string;
    name_kanji: string | null;
    name_kana: string | null;
    name_roman: string | null;
    post: string | null;
    supervisor_key: string | null;
    start_date: NullableDateText;
    end_date: NullableDateText;
    notice_date: NullableDateText;
    abroad_from: NullableDateText;
    abroad_until: NullableDateText;
    active: Generated<boolean>;
    deactivated_at: NullableTimestamp;
    record: Json<unknown>;
    last_sync_id: string | null;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
  };
  directory_syncs: {
    id: string;
    source: "scim" | "ldap" | "csv";
    origin: string;
    mode: "preview" | "apply";
    status: "ok" | "refused";
    actor_label: string;
    counts: Json<unknown>;
    events: Json<unknown>;
    problems: Json<unknown>;
    started_at: GeneratedTimestamp;
    finished_at: NullableTimestamp;
  };
  scim_tokens: {
    id: string;
    label: string;
    token_hash: string;
    created_by_label: string;
    created_at: GeneratedTimestamp;
    last_used_at: NullableTimestamp;
    revoked_at: NullableTimestamp;
  };
  scim_groups: {
    id: string;
    display_name: string;
    external_id: string | null;
    members: ColumnType<string[], string[] | undefined, string[]>;
    archived_at: NullableTimestamp;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
  };
}

// Declaration merging adds the directory tables to the schema.
export interface Database extends DirectoryTables {}

// — Dismissed consistency flags (migration 1100) —
export interface ConsistencyFlagDismissalTables {
  consistency_flag_dismissals: {
    id: string;
    person_id: string;
    flag: string;
    org_key: string;
    message: Json<unknown>;
    evidence_keys: ColumnType<string[], string[], string[]>;
    evidence: Json<unknown>;
    reason: string;
    dismissed_by: string | null;
    dismissed_by_label: string;
    dismissed_at: GeneratedTimestamp;
  };
}

// Declaration merging adds the dismissal table to the schema.
export interface Database extends ConsistencyFlagDismissalTables {}

// — Background jobs (migration 1180) —
export interface BackgroundJobTables {
  background_jobs: {
    id: string;
    kind: string;
    entity_type: string;
    entity_id: string;
    payload: Json<unknown>;
    status: ColumnType<
      "pending" | "done" | "failed",
      "pending" | "done" | "failed" | undefined,
      "pending" | "done" | "failed"
    >;
    attempts: Generated<number>;
    max_attempts: Generated<number>;
    next_attempt_at: GeneratedTimestamp;
    last_error: string | null;
    created_at: GeneratedTimestamp;
    finished_at: NullableTimestamp;
  };
}

// Declaration merging adds the job queue to the schema.
export interface Database extends BackgroundJobTables {}
