/** Creating programmes and recording versions of their contract, with the audit trail. */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Contract } from '../domain/contract/contract.js';
import { parseContract } from '../domain/contract/parse-contract.js';
import { ProblemsError } from '../domain/problem.js';
import { appendAudit } from '../store/audit-log.js';
import type { Store } from '../store/database.js';
import type { Database } from '../store/schema.js';
import type { Actor } from './actor.js';

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

/** Records a new version of the contract file (an amendment), who made it and why. */
export async function addContractVersion(
  store: Store,
  actor: Actor,
  programmeId: string,
  yaml: string,
  reason: string,
): Promise<number> {
  checkContract(yaml);
  return store.db.transaction().execute(async (tx) => {
    const last = await tx
      .selectFrom('contract_versions')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('programme_id', '=', programmeId)
      .executeTakeFirst();
    const version = Number(last?.version ?? 0) + 1;
    await insertVersion(tx, programmeId, version, yaml, actor, reason);
    return version;
  });
}

async function insertVersion(
  tx: Transaction<Database>,
  programmeId: string,
  version: number,
  yaml: string,
  actor: Actor,
  reason: string,
) {
  const sha256 = createHash('sha256').update(yaml).digest('hex');
  await tx
    .insertInto('contract_versions')
    .values({ programme_id: programmeId, version, yaml, sha256, created_by: actor.id, reason })
    .execute();
  await appendAudit(tx, {
    actor: actor.id,
    action: 'create',
    entity: 'contract_version',
    entityId: `${programmeId}/${version}`,
    reason,
    data: { sha256 },
  });
}

function checkContract(yaml: string): void {
  const parsed = parseContract(yaml, 'contract.yaml');
  if (!parsed.contract) throw new ProblemsError(parsed.problems);
}

export interface CurrentContract {
  readonly version: number;
  readonly yaml: string;
  readonly sha256: string;
  readonly contract: Contract;
}

/** The programme's latest contract version, parsed; a stored version always validates. */
export async function currentContract(store: Store, programmeId: string): Promise<CurrentContract> {
  const row = await store.db
    .selectFrom('contract_versions')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row)
    throw new ProblemsError([
      { code: 'programme.unknown', message: `programme "${programmeId}" has no contract` },
    ]);
  const contract = parseContract(row.yaml).contract;
  if (!contract)
    throw new Error(`stored contract ${programmeId}/${row.version} no longer validates`);
  return { version: row.version, yaml: row.yaml, sha256: row.sha256, contract };
}
