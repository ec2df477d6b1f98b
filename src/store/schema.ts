/** Kysely's view of the tables in migrations/ (one interface per table). */
import type { ColumnType, Generated } from 'kysely';
import type { Cents } from '../domain/money.js';

type Timestamp = ColumnType<Date, Date | string | undefined, never>;
/** DATE columns travel as `YYYY-MM-DD` text (see database.ts). */
type Day = string;
/** BIGINT cents as exact text (see database.ts); read it with `centsFromInteger`. */
type CentsText = string;
/** A money column: written as Cents, read back as exact text, never changed in place. */
type Money = ColumnType<CentsText, Cents, never>;

export interface OrganisationsTable {
  id: string;
  name: string;
  kind: 'funder' | 'provider' | 'verifier' | 'investor';
}

export interface ProgrammesTable {
  id: string;
  title: string;
  funder_id: string;
  created_at: Timestamp;
}

export type ContractVersionStatus = 'in_force' | 'pending_correction' | 'rejected';

/** Never changed, except the one decision on a pending correction (0008). */
export interface ContractVersionsTable {
  programme_id: string;
  version: number;
  yaml: string;
  sha256: string;
  created_by: string;
  created_at: Timestamp;
  reason: string;
  status: ColumnType<
    ContractVersionStatus,
    ContractVersionStatus | undefined,
    ContractVersionStatus
  >;
  /** The first day the version pays differently from the one before; null if no term changed. */
  affects_from: ColumnType<Day | null, Day | null | undefined, never>;
  correction_reason: ColumnType<string | null, string | null | undefined, never>;
  decided_by: ColumnType<string | null, never, string>;
  decided_at: ColumnType<Date | null, never, Date>;
  decision_reason: ColumnType<string | null, never, string>;
}

export interface ParticipantsTable {
  programme_id: string;
  participant_id: string;
  provider_id: string;
  enrolled_on: Day;
  person_key: string | null;
  birth_date: Day | null;
  attributes: ColumnType<Record<string, string>, string, string>;
}

export interface EventsTable {
  programme_id: string;
  id: Generated<string>;
  participant_id: string;
  type: string;
  occurred_on: Day;
  value: string | null;
  source: 'provider' | 'admin' | 'verifier';
  verification: 'unverified' | 'verified' | 'rejected';
}

export type DatasetStatus = 'in_force' | 'superseded' | 'withdrawn';

/** Never edited but for the one end of a dataset in force (0009): superseded or withdrawn. */
export interface EmploymentDatasetsTable {
  programme_id: string;
  id: Generated<string>;
  /** SHA-256 of the canonical Parquet, which is kept under that name. */
  sha256: string;
  row_count: ColumnType<string, number, never>;
  source_name: string;
  uploaded_by: string;
  uploaded_at: Timestamp;
  /** SHA-256 of the bytes as uploaded; null for datasets from before 0009. */
  source_sha256: ColumnType<string | null, string, never>;
  status: ColumnType<DatasetStatus, undefined, DatasetStatus>;
  superseded_by: ColumnType<string | null, never, string>;
  ended_by: ColumnType<string | null, never, string>;
  ended_at: ColumnType<Date | null, never, Date>;
  end_reason: ColumnType<string | null, never, string>;
}

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** A run is inserted queued; its result columns are set once, when it succeeds (0006). */
export interface EvaluationRunsTable {
  id: Generated<string>;
  programme_id: string;
  contract_version: number;
  as_of: Day;
  inputs: ColumnType<Record<string, string> | null, never, string>;
  outputs: ColumnType<Record<string, string> | null, never, string>;
  paid_cents: ColumnType<CentsText | null, never, Cents>;
  created_by: string;
  created_at: Timestamp;
  status: ColumnType<RunStatus, RunStatus | undefined, RunStatus>;
  failure_reason: ColumnType<string | null, never, string | null>;
  failure_problems: ColumnType<unknown, never, string | null>;
  progress_step: ColumnType<string | null, never, string | null>;
  progress_done: ColumnType<number | null, never, number | null>;
  progress_total: ColumnType<number | null, never, number | null>;
  runner: ColumnType<string | null, never, string | null>;
  heartbeat_at: ColumnType<Date | null, never, Date | null>;
  started_at: ColumnType<Date | null, never, Date | null>;
  finished_at: ColumnType<Date | null, never, Date | null>;
  /** Ids of the employment datasets the run evaluated (0009); null for runs before. */
  employment_datasets: ColumnType<string[] | null, never, string>;
}

export interface RunAchievementsTable {
  run_id: string;
  participant_id: string;
  outcome_id: string;
  achieved_on: Day;
  version: string;
  price_cents: Money;
  amount_cents: Money;
  status: string;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  reason: string;
  data: ColumnType<unknown, string, never>;
  prev_hash: string;
  hash: string;
}

export type BillStatus = 'draft' | 'verified' | 'approved' | 'paid' | 'rejected';

export interface BillsTable {
  id: Generated<string>;
  programme_id: string;
  period_end: Day;
  run_id: string;
  status: ColumnType<BillStatus, BillStatus | undefined, BillStatus>;
  total_cents: Money;
  ledger_position: ColumnType<string, number | string, never>;
  created_by: string;
  created_at: Timestamp;
  decided_by: string | null;
  decided_at: ColumnType<Date | null, never, Date | string>;
  reason: string | null;
  paid_idempotency_key: string | null;
  /** Participants held back from the bill, their person key shared and undecided (0009). */
  held_participants: ColumnType<string[], string | undefined, never>;
}

export interface BillLinesTable {
  bill_id: string;
  participant_id: string;
  outcome_id: string;
  cumulative_cents: Money;
  previously_paid_cents: Money;
  amount_cents: Money;
  /** 'payment' (new in the period) or 'adjustment' (to a period already paid), since 0008. */
  kind: 'payment' | 'adjustment';
  /** The correction (contract version) that caused an adjustment, if one did. */
  correction_version: number | null;
}

/** An Idempotency-Key of a payment: its caller's, naming the one bill it paid (0008). */
export interface PaymentKeysTable {
  caller: string;
  key: string;
  bill_id: string;
  created_at: Timestamp;
}

export interface LedgerEntriesTable {
  id: Generated<string>;
  programme_id: string;
  bill_id: string;
  participant_id: string;
  outcome_id: string;
  /** Entered only by INSERT … SELECT from a bill's lines (services/bills.ts). */
  amount_cents: Money;
  created_by: string;
  created_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  organisation_id: string;
  password_hash: string;
  /** Since 0011. */
  created_at: Timestamp;
  /** Set once a person is deactivated (0011); they can no longer sign in. */
  deactivated_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type AdminRole = 'platform_admin' | 'organisation_admin' | 'programme_admin';

/** What a person may administer (0011); programme_id only for programme_admin. */
export interface UserRolesTable {
  user_id: string;
  role: AdminRole;
  programme_id: string | null;
  granted_by: string;
  granted_at: Timestamp;
}

export type InvitationRole = 'member' | AdminRole;

/** An invitation by one-time link (0011): its secret's SHA-256, single use, expiring. */
export interface InvitationsTable {
  id: Generated<string>;
  token_hash: string;
  email: string;
  name: ColumnType<string, string | undefined, never>;
  organisation_id: string;
  role: InvitationRole;
  programme_id: string | null;
  language: 'en' | 'es' | 'fr';
  invited_by: string;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date, never>;
  accepted_at: ColumnType<Date | null, never, Date>;
  user_id: ColumnType<string | null, never, string>;
  revoked_at: ColumnType<Date | null, never, Date>;
  revoked_by: ColumnType<string | null, never, string>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  expires_at: ColumnType<Date, Date, Date>;
}

export type TokenScope = 'read' | 'write';

/** id, user_id, scopes, expires_at and last_used_at since 0007. */
export interface ApiTokensTable {
  id: Generated<string>;
  token_hash: string;
  name: string;
  organisation_id: string;
  /** The person who minted it, or null (set-up scripts, tokens older than 0007). */
  user_id: string | null;
  created_by: string;
  created_at: Timestamp;
  scopes: ColumnType<TokenScope[], readonly TokenScope[], never>;
  expires_at: ColumnType<Date, Date, Date>;
  last_used_at: ColumnType<Date | null, never, Date>;
  revoked_at: ColumnType<Date | null, never, Date>;
}

/** Sign-in attempts per e-mail (0007), keyed by SHA-256 of the lower-cased address. */
export interface LoginThrottleTable {
  email_hash: string;
  failures: number;
  last_attempt_at: ColumnType<Date, Date, Date>;
  locked_until: ColumnType<Date | null, Date | null, Date | null>;
}

export interface ProgrammeMembersTable {
  programme_id: string;
  organisation_id: string;
}

export interface VerificationSamplesTable {
  id: Generated<string>;
  programme_id: string;
  seed: string;
  population: number;
  created_by: string;
  created_at: Timestamp;
}

export interface VerificationSampleEventsTable {
  sample_id: string;
  event_id: string;
  draw: number;
  decision: 'verified' | 'rejected' | null;
  reason: string | null;
  evidence_sha256: string | null;
  decided_by: string | null;
  decided_at: ColumnType<Date | null, never, Date>;
}

export interface ProviderCountsTable {
  programme_id: string;
  provider_id: string;
  participants: ColumnType<string, number, never>;
}

/** A verifier's decision on a person key shared by several participants (0009). */
export interface PersonKeyDecisionsTable {
  id: Generated<string>;
  programme_id: string;
  person_key: string;
  reason: string;
  decided_by: string;
  decided_at: Timestamp;
}

/** Each participant of a decided key, and whether the key is theirs. */
export interface PersonKeyClaimsTable {
  decision_id: string;
  participant_id: string;
  belongs: boolean;
}

export interface Database {
  person_key_decisions: PersonKeyDecisionsTable;
  person_key_claims: PersonKeyClaimsTable;
  provider_counts: ProviderCountsTable;
  verification_samples: VerificationSamplesTable;
  verification_sample_events: VerificationSampleEventsTable;
  programme_members: ProgrammeMembersTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_throttle: LoginThrottleTable;
  bills: BillsTable;
  bill_lines: BillLinesTable;
  payment_keys: PaymentKeysTable;
  ledger_entries: LedgerEntriesTable;
  organisations: OrganisationsTable;
  programmes: ProgrammesTable;
  contract_versions: ContractVersionsTable;
  participants: ParticipantsTable;
  events: EventsTable;
  employment_datasets: EmploymentDatasetsTable;
  evaluation_runs: EvaluationRunsTable;
  run_achievements: RunAchievementsTable;
  audit_log: AuditLogTable;
}
