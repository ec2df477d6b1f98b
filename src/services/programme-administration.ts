/**
 * Setting up a real programme: creating it (its funder and, when the creator works for the
 * funder, its first administrator), its member organisations, and its contract from a YAML
 * file. Each change is one audited transaction. Programmes an administrator does not
 * administer answer as if they did not exist.
 */
import { type Problem, ProblemsError, problem } from '../domain/problem.js';
import { appendAudit } from '../store/audit-log.js';
import type { Store } from '../store/database.js';
import { refuse } from './admin-refusal.js';
import {
  type Administrator,
  administersAnything,
  mayAdministerProgramme,
  mayCreateProgramme,
} from './admin-rights.js';
import type { Role } from './identity.js';
import { existingOrganisation, IDENTIFIER } from './organisations.js';
import { addContractVersion, addFirstContract } from './programmes.js';

const MAX_TITLE = 300;

export interface NewAdministeredProgramme {
  readonly id: string;
  readonly title: string;
  readonly funderId: string;
}

export interface ProgrammeSummary {
  readonly id: string;
  readonly title: string;
  readonly funder: { readonly id: string; readonly name: string };
  readonly createdAt: Date;
  /** The contract version in force; null until a contract is set. */
  readonly contractVersion: number | null;
  readonly members: number;
}

export interface OrganisationRef {
  readonly id: string;
  readonly name: string;
  readonly kind: Role;
  readonly activeUsers: number;
}

export interface ProgrammeMembers {
  readonly programme: { readonly id: string; readonly title: string };
  readonly funder: OrganisationRef;
  readonly members: readonly OrganisationRef[];
  readonly administrators: readonly {
    readonly id: string;
    readonly email: string;
    readonly name: string;
    readonly active: boolean;
  }[];
}

export interface ContractSet {
  readonly version: number;
  readonly status: 'in_force' | 'pending_correction' | 'rejected';
  readonly affectsFrom: string | null;
}

/** A programme without a contract yet (`setProgrammeContract` gives it one). */
export async function createAdministeredProgramme(
  store: Store,
  admin: Administrator,
  asked: NewAdministeredProgramme,
): Promise<ProgrammeSummary> {
  const title = asked.title.trim();
  const problems: Problem[] = [];
  if (!IDENTIFIER.test(asked.id))
    problems.push(problem('admin.programme.id', { id: asked.id }, { column: 'id' }));
  if (title === '' || title.length > MAX_TITLE)
    problems.push(problem('admin.programme.title', { max: MAX_TITLE }, { column: 'title' }));
  if (problems.length > 0) throw new ProblemsError(problems);
  const funder = await existingOrganisation(store, asked.funderId, 'funder');
  if (funder.kind !== 'funder')
    throw new ProblemsError([
      problem(
        'admin.programme.funder_kind',
        { id: funder.id, kind: funder.kind },
        { column: 'funder' },
      ),
    ]);
  if (!mayCreateProgramme(admin, funder.id))
    refuse('forbidden', 'admin.refused.create_programme', { funder: funder.id });
  // The creator administers what they made when they work for its funder.
  const creatorAdministers = admin.userId !== null && admin.organisationId === funder.id;
  await store.db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('programmes')
      .values({ id: asked.id, title, funder_id: funder.id })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) refuse('conflict', 'admin.programme.exists', { id: asked.id });
    if (creatorAdministers && admin.userId !== null)
      await tx
        .insertInto('user_roles')
        .values({
          user_id: admin.userId,
          role: 'programme_admin',
          programme_id: asked.id,
          granted_by: admin.actor.id,
        })
        .execute();
    await appendAudit(tx, {
      actor: admin.actor.id,
      action: 'create',
      entity: 'programme',
      entityId: asked.id,
      reason: 'new programme',
      data: {
        title,
        funder: funder.id,
        administrators: creatorAdministers ? [admin.actor.id] : [],
      },
    });
  });
  return summaryOf(store, asked.id);
}

/** The programmes the administrator administers (every one, for a platform administrator). */
export async function listAdministeredProgrammes(
  store: Store,
  admin: Administrator,
): Promise<ProgrammeSummary[]> {
  if (!administersAnything(admin)) refuse('forbidden', 'admin.refused.not_administrator');
  if (!admin.platform && admin.programmes.length === 0) return [];
  return summaries(store, admin.platform ? null : admin.programmes);
}

export async function programmeMembers(
  store: Store,
  admin: Administrator,
  programmeId: string,
): Promise<ProgrammeMembers> {
  const summary = await administered(store, admin, programmeId);
  const organisations = await store.db
    .selectFrom('organisations as o')
    .select((eb) => [
      'o.id',
      'o.name',
      'o.kind',
      eb
        .selectFrom('users')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('users.organisation_id', '=', 'o.id')
        .where('users.deactivated_at', 'is', null)
        .as('active_users'),
    ])
    .where((eb) =>
      eb.or([
        eb('o.id', '=', summary.funder.id),
        eb(
          'o.id',
          'in',
          eb
            .selectFrom('programme_members')
            .select('organisation_id')
            .where('programme_id', '=', programmeId),
        ),
      ]),
    )
    .orderBy('o.kind')
    .orderBy('o.id')
    .execute();
  const refs = organisations.map((o) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    activeUsers: Number(o.active_users ?? 0),
  }));
  const funder = refs.find((o) => o.id === summary.funder.id);
  if (!funder) throw new Error(`the funder of programme ${programmeId} vanished`);
  const administrators = await store.db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.deactivated_at'])
    .where('r.role', '=', 'programme_admin')
    .where('r.programme_id', '=', programmeId)
    .orderBy('u.email')
    .execute();
  return {
    programme: { id: summary.id, title: summary.title },
    funder,
    members: refs.filter((o) => o.id !== funder.id),
    administrators: administrators.map((a) => ({
      id: a.id,
      email: a.email,
      name: a.name,
      active: a.deactivated_at === null,
    })),
  };
}

/** A provider, verifier or investor joins the programme: its people see it from now on. */
export async function addMember(
  store: Store,
  admin: Administrator,
  programmeId: string,
  organisationId: string,
): Promise<ProgrammeMembers> {
  await administered(store, admin, programmeId);
  const organisation = await existingOrganisation(store, organisationId);
  if (organisation.kind === 'funder')
    throw new ProblemsError([
      problem('admin.member.kind', { id: organisation.id }, { column: 'organisation' }),
    ]);
  await store.db.transaction().execute(async (tx) => {
    const added = await tx
      .insertInto('programme_members')
      .values({ programme_id: programmeId, organisation_id: organisation.id })
      .onConflict((oc) => oc.doNothing())
      .returning('organisation_id')
      .executeTakeFirst();
    if (!added)
      refuse('conflict', 'admin.member.exists', {
        organisation: organisation.id,
        programme: programmeId,
      });
    await appendAudit(tx, {
      actor: admin.actor.id,
      action: 'add_member',
      entity: 'programme',
      entityId: programmeId,
      reason: `${organisation.id} joins as ${organisation.kind}`,
      data: { organisation: organisation.id, kind: organisation.kind },
    });
  });
  return programmeMembers(store, admin, programmeId);
}

/**
 * The organisation leaves the programme: its people no longer see it. What it imported
 * stays (participants, events), and so do bills and payments: the record is not rewritten.
 */
export async function removeMember(
  store: Store,
  admin: Administrator,
  programmeId: string,
  organisationId: string,
  reason: string,
): Promise<ProgrammeMembers> {
  await administered(store, admin, programmeId);
  if (reason.trim() === '')
    throw new ProblemsError([problem('admin.member.reason', {}, { column: 'reason' })]);
  await store.db.transaction().execute(async (tx) => {
    const removed = await tx
      .deleteFrom('programme_members')
      .where('programme_id', '=', programmeId)
      .where('organisation_id', '=', organisationId)
      .returning('organisation_id')
      .executeTakeFirst();
    if (!removed)
      refuse('not_found', 'admin.member.unknown', {
        organisation: organisationId,
        programme: programmeId,
      });
    await appendAudit(tx, {
      actor: admin.actor.id,
      action: 'remove_member',
      entity: 'programme',
      entityId: programmeId,
      reason,
      data: { organisation: organisationId },
    });
  });
  return programmeMembers(store, admin, programmeId);
}

/**
 * The programme's contract from a YAML file: the first version when it has none, else a new
 * version under the rules of every version (domain/contract/version-change.ts; a reason is
 * then required). Problems come back with line and column, from the domain's parser.
 */
export async function setProgrammeContract(
  store: Store,
  admin: Administrator,
  programmeId: string,
  asked: { readonly yaml: string; readonly reason?: string; readonly fileName?: string },
): Promise<ContractSet> {
  await administered(store, admin, programmeId);
  const first = await addFirstContract(store, admin.actor, programmeId, asked);
  if (first?.ok) return { version: first.version, status: first.status, affectsFrom: null };
  const reason = asked.reason?.trim() ?? '';
  if (reason === '')
    throw new ProblemsError([problem('admin.contract.reason', {}, { column: 'reason' })]);
  const next = await addContractVersion(
    store,
    admin.actor,
    programmeId,
    { yaml: asked.yaml, reason },
    asked.fileName,
  );
  if (!next.ok) return refuse('conflict', 'admin.contract.pending', { version: next.pending });
  return { version: next.version, status: next.status, affectsFrom: next.affectsFrom };
}

/** The programme's summary, if the administrator administers it; 404 otherwise. */
async function administered(
  store: Store,
  admin: Administrator,
  programmeId: string,
): Promise<ProgrammeSummary> {
  const found = mayAdministerProgramme(admin, programmeId)
    ? (await summaries(store, [programmeId]))[0]
    : undefined;
  return found ?? refuse('not_found', 'admin.programme.unknown', { id: programmeId });
}

async function summaryOf(store: Store, programmeId: string): Promise<ProgrammeSummary> {
  const found = (await summaries(store, [programmeId]))[0];
  if (!found) throw new Error(`programme ${programmeId} vanished after it was made`);
  return found;
}

async function summaries(
  store: Store,
  only: readonly string[] | null,
): Promise<ProgrammeSummary[]> {
  let query = store.db
    .selectFrom('programmes as p')
    .innerJoin('organisations as f', 'f.id', 'p.funder_id')
    .select((eb) => [
      'p.id',
      'p.title',
      'p.created_at',
      'f.id as funder_id',
      'f.name as funder_name',
      eb
        .selectFrom('contract_versions as v')
        .select((v) => v.fn.max('v.version').as('version'))
        .whereRef('v.programme_id', '=', 'p.id')
        .where('v.status', '=', 'in_force')
        .as('contract_version'),
      eb
        .selectFrom('programme_members as m')
        .select((m) => m.fn.countAll<string>().as('n'))
        .whereRef('m.programme_id', '=', 'p.id')
        .as('members'),
    ])
    .orderBy('p.id');
  if (only !== null) query = query.where('p.id', 'in', [...only]);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    funder: { id: r.funder_id, name: r.funder_name },
    createdAt: new Date(r.created_at),
    contractVersion: r.contract_version === null ? null : Number(r.contract_version),
    members: Number(r.members ?? 0),
  }));
}
