/**
 * Creating programmes and recording versions of their contract, with the audit trail: what
 * a new version may change, and corrections of paid periods that wait for a second person.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Contract } from '../domain/contract/contract.js';
import { parseContract } from '../domain/contract/parse-contract.js';
import { reachesPaidPeriod, versionChange } from '../domain/contract/version-change.js';
import { invariant } from '../domain/invariant.js';
import { ProblemsError, problem } from '../domain/problem.js';
import { appendAudit } from '../store/audit-log.js';
import type { Store } from '../store/database.js';
import type { ContractVersionStatus, Database } from '../store/schema.js';
import type { Actor } from './actor.js';
import { paidPeriod } from './paid-period.js';
import { lockProgramme } from './programme-lock.js';

export interface NewProgramme {
  readonly id: string;
  readonly title: string;
  readonly funder: { readonly id: string; readonly name: string };
  readonly providers: readonly { readonly id: string; readonly name: string }[];
  readonly verifiers?: readonly { readonly id: string; readonly name: string }[];
  readonly investors?: readonly { readonly id: string; readonly name: string }[];
  readonly contractYaml: string;
}

export async function createProgramme(store: Store, actor: Actor, p: NewProgramme): Promise<void> {
  checkContract(p.contractYaml);
  await store.db.transaction().execute(async (tx) => {
    const members = [
      ...p.providers.map((o) => ({ id: o.id, name: o.name, kind: 'provider' as const })),
      ...(p.verifiers ?? []).map((o) => ({ id: o.id, name: o.name, kind: 'verifier' as const })),
      ...(p.investors ?? []).map((o) => ({ id: o.id, name: o.name, kind: 'investor' as const })),
    ];
    const organisations = [
      { id: p.funder.id, name: p.funder.name, kind: 'funder' as const },
      ...members,
    ];
    await tx
      .insertInto('organisations')
      .values(organisations)
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await tx
      .insertInto('programmes')
      .values({ id: p.id, title: p.title, funder_id: p.funder.id })
      .execute();
    if (members.length > 0) {
      await tx
        .insertInto('programme_members')
        .values(members.map((m) => ({ programme_id: p.id, organisation_id: m.id })))
        .execute();
    }
    await insertVersion(tx, p.id, 1, p.contractYaml, actor, 'initial contract');
    await appendAudit(tx, {
      actor: actor.id,
      action: 'create',
      entity: 'programme',
      entityId: p.id,
      reason: 'new programme',
      data: { title: p.title, funder: p.funder.id },
    });
  });
}

/**
 * The first version of the contract of a programme created without one (administration):
 * version 1, in force, audited like any version. Null when the programme already has a
 * contract; later versions go through `addContractVersion` and its rules.
 */
export async function addFirstContract(
  store: Store,
  actor: Actor,
  programmeId: string,
  asked: { readonly yaml: string; readonly reason?: string; readonly fileName?: string },
): Promise<VersionAnswer | null> {
  checkContract(asked.yaml, asked.fileName);
  return store.db.transaction().execute(async (tx) => {
    await lockProgramme(tx, programmeId);
    const any = await tx
      .selectFrom('contract_versions')
      .select('version')
      .where('programme_id', '=', programmeId)
      .limit(1)
      .executeTakeFirst();
    if (any) return null;
    const reason = asked.reason?.trim() || 'initial contract';
    await insertVersion(tx, programmeId, 1, asked.yaml, actor, reason);
    return { ok: true, version: 1, status: 'in_force', affectsFrom: null } as const;
  });
}

/** What asking for a new contract version answers. */
export type VersionAnswer =
  | {
      readonly ok: true;
      readonly version: number;
      readonly status: ContractVersionStatus;
      readonly affectsFrom: string | null;
    }
  /** A correction awaits its decision: nothing else may change the contract meanwhile. */
  | { readonly ok: false; readonly reason: 'correction_pending'; readonly pending: number };

export interface NewVersion {
  readonly yaml: string;
  readonly reason: string;
  /** Present when the version corrects a period already paid; it then waits for approval. */
  readonly correction?: { readonly reason: string };
}

/**
 * Records a new version of the contract file, who made it and why. It must keep every term
 * of the version in force and may only append amendments, move `ends_on` or the end of
 * enrolment (domain/contract/version-change.ts). A change reaching into a period already
 * paid is refused unless it is a correction, which waits as `pending_correction` until
 * another person approves it (`decideCorrection`).
 */
export async function addContractVersion(
  store: Store,
  actor: Actor,
  programmeId: string,
  asked: NewVersion,
  fileName = 'contract.yaml',
): Promise<VersionAnswer> {
  const next = checkContract(asked.yaml, fileName);
  return store.db.transaction().execute(async (tx) => {
    // Ordered with payments: the paid period read below cannot move until this commits.
    await lockProgramme(tx, programmeId);
    const pending = await tx
      .selectFrom('contract_versions')
      .select('version')
      .where('programme_id', '=', programmeId)
      .where('status', '=', 'pending_correction')
      .executeTakeFirst();
    if (pending) return { ok: false, reason: 'correction_pending', pending: pending.version };
    const inForce = await inForceRow(tx, programmeId);
    const change = versionChange(parsedStored(programmeId, inForce), next);
    if (change.problems.length > 0) throw new ProblemsError(change.problems);
    const paid = await paidPeriod(tx, programmeId);
    const retroactive = reachesPaidPeriod(change, paid?.paidThrough ?? null);
    if (retroactive && !asked.correction) throw new ProblemsError([retroactive]);
    if (!retroactive && asked.correction)
      throw new ProblemsError([
        paid
          ? problem('contract.not_a_correction', { paid: paid.paidThrough })
          : problem('contract.not_a_correction_unpaid'),
      ]);
    const last = await tx
      .selectFrom('contract_versions')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('programme_id', '=', programmeId)
      .executeTakeFirst();
    const version = Number(last?.version ?? 0) + 1;
    const status = asked.correction ? 'pending_correction' : 'in_force';
    await insertVersion(tx, programmeId, version, asked.yaml, actor, asked.reason, {
      status,
      affectsFrom: change.affectsFrom,
      correctionReason: asked.correction?.reason ?? null,
    });
    return { ok: true, version, status, affectsFrom: change.affectsFrom };
  });
}

export type CorrectionDecision = 'approve' | 'reject';

export type DecisionAnswer =
  | { readonly ok: true; readonly status: ContractVersionStatus }
  | { readonly ok: false; readonly reason: 'unknown' | 'same_person' };

/**
 * Approves (puts in force) or rejects a pending correction. Approval needs a second person:
 * not the one who asked for it. A rejection needs a reason. Decided once.
 */
export async function decideCorrection(
  store: Store,
  actor: Actor,
  programmeId: string,
  version: number,
  decision: CorrectionDecision,
  reason: string,
): Promise<DecisionAnswer> {
  if (decision === 'reject' && reason.trim() === '')
    throw new ProblemsError([problem('contract.reason')]);
  return store.db.transaction().execute(async (tx) => {
    await lockProgramme(tx, programmeId);
    const row = await tx
      .selectFrom('contract_versions')
      .select(['status', 'created_by', 'affects_from'])
      .where('programme_id', '=', programmeId)
      .where('version', '=', version)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.status !== 'pending_correction')
      throw new ProblemsError([
        problem('contract.not_pending', { version: String(version), status: row.status }),
      ]);
    if (decision === 'approve' && row.created_by === actor.id)
      return { ok: false, reason: 'same_person' };
    // New versions wait while a correction is pending, so it still follows the one in force.
    const inForce = await inForceRow(tx, programmeId);
    invariant(
      inForce.version < version,
      'contract.correction_base',
      () =>
        `correction ${programmeId}/${version} is older than version ${inForce.version} in force`,
    );
    const status = decision === 'approve' ? 'in_force' : 'rejected';
    await tx
      .updateTable('contract_versions')
      .set({ status, decided_by: actor.id, decided_at: new Date(), decision_reason: reason })
      .where('programme_id', '=', programmeId)
      .where('version', '=', version)
      .execute();
    await appendAudit(tx, {
      actor: actor.id,
      action: decision,
      entity: 'contract_version',
      entityId: `${programmeId}/${version}`,
      reason,
      data: { status, affects_from: row.affects_from, asked_by: row.created_by },
    });
    return { ok: true, status };
  });
}

/** A contract version as listed: its status, and for a correction why and who decided. */
export interface ContractVersionView {
  readonly version: number;
  readonly status: ContractVersionStatus;
  readonly sha256: string;
  readonly reason: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly affectsFrom: string | null;
  readonly correction: {
    readonly reason: string;
    readonly decidedBy: string | null;
    readonly decidedAt: Date | null;
    readonly decisionReason: string | null;
  } | null;
}

/** Every version of the programme's contract, oldest first. */
export async function listContractVersions(
  store: Store,
  programmeId: string,
): Promise<ContractVersionView[]> {
  const rows = await store.db
    .selectFrom('contract_versions')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    status: r.status,
    sha256: r.sha256,
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at),
    affectsFrom: r.affects_from,
    correction:
      r.correction_reason === null
        ? null
        : {
            reason: r.correction_reason,
            decidedBy: r.decided_by,
            decidedAt: r.decided_at === null ? null : new Date(r.decided_at),
            decisionReason: r.decision_reason,
          },
  }));
}

/** The number of the programme's contract version in force. */
export async function inForceVersion(
  db: Kysely<Database> | Transaction<Database>,
  programmeId: string,
): Promise<number> {
  return (await inForceRow(db, programmeId)).version;
}

/** The latest version in force; pending and rejected corrections never are. */
async function inForceRow(db: Kysely<Database> | Transaction<Database>, programmeId: string) {
  const row = await db
    .selectFrom('contract_versions')
    .select(['version', 'yaml', 'sha256'])
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'in_force')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new ProblemsError([problem('admin.programme.no_contract', { id: programmeId })]);
  return row;
}

/** A stored version, parsed; a stored version always validates. */
function parsedStored(programmeId: string, row: { version: number; yaml: string }): Contract {
  const contract = parseContract(row.yaml).contract;
  if (!contract)
    throw new Error(`stored contract ${programmeId}/${row.version} no longer validates`);
  return contract;
}

async function insertVersion(
  tx: Transaction<Database>,
  programmeId: string,
  version: number,
  yaml: string,
  actor: Actor,
  reason: string,
  terms: {
    status: ContractVersionStatus;
    affectsFrom: string | null;
    correctionReason: string | null;
  } = { status: 'in_force', affectsFrom: null, correctionReason: null },
) {
  const sha256 = createHash('sha256').update(yaml).digest('hex');
  await tx
    .insertInto('contract_versions')
    .values({
      programme_id: programmeId,
      version,
      yaml,
      sha256,
      created_by: actor.id,
      reason,
      status: terms.status,
      affects_from: terms.affectsFrom,
      correction_reason: terms.correctionReason,
    })
    .execute();
  await appendAudit(tx, {
    actor: actor.id,
    action: 'create',
    entity: 'contract_version',
    entityId: `${programmeId}/${version}`,
    reason,
    data: {
      sha256,
      status: terms.status,
      affects_from: terms.affectsFrom,
      ...(terms.correctionReason === null ? {} : { correction: terms.correctionReason }),
    },
  });
}

function checkContract(yaml: string, fileName = 'contract.yaml'): Contract {
  const parsed = parseContract(yaml, fileName);
  if (!parsed.contract) throw new ProblemsError(parsed.problems);
  return parsed.contract;
}

export interface CurrentContract {
  readonly version: number;
  readonly yaml: string;
  readonly sha256: string;
  readonly contract: Contract;
}

/** The programme's contract version in force, parsed (never a pending or rejected correction). */
export async function currentContract(store: Store, programmeId: string): Promise<CurrentContract> {
  const row = await inForceRow(store.db, programmeId);
  const contract = parsedStored(programmeId, row);
  return { version: row.version, yaml: row.yaml, sha256: row.sha256, contract };
}
