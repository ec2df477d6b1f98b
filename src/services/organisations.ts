/**
 * Organisations: the funders, providers, verifiers and investors people work for. An
 * organisation's kind is its role in every programme it takes part in, and never changes
 * (its people's rights, the row-level policies and the audit trail all read it); an
 * organisation that acts in another role is another organisation.
 */
import { type Problem, ProblemsError, problem } from '../domain/problem.js';
import { appendAudit } from '../store/audit-log.js';
import type { Store } from '../store/database.js';
import { refuse } from './admin-refusal.js';
import { type Administrator, administersAnything, mayCreateOrganisation } from './admin-rights.js';
import type { Role } from './identity.js';

export const ORGANISATION_KINDS: readonly Role[] = ['funder', 'provider', 'verifier', 'investor'];
/** Ids are part of URLs and files: lower-case letters, digits and hyphens. */
export const IDENTIFIER = /^[a-z0-9][a-z0-9-]{1,62}$/;
const MAX_NAME = 200;

export interface NewOrganisation {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}

export interface OrganisationView {
  readonly id: string;
  readonly name: string;
  readonly kind: Role;
  /** People with an account that works (not deactivated). */
  readonly activeUsers: number;
  /** Programmes it funds or is a member of. */
  readonly programmes: number;
}

export async function createOrganisation(
  store: Store,
  admin: Administrator,
  asked: NewOrganisation,
): Promise<OrganisationView> {
  const o = checkedOrganisation(asked);
  if (!mayCreateOrganisation(admin, o.kind))
    refuse('forbidden', 'admin.refused.create_organisation', { kind: o.kind });
  await store.db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('organisations')
      .values(o)
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) refuse('conflict', 'admin.organisation.exists', { id: o.id });
    await appendAudit(tx, {
      actor: admin.actor.id,
      action: 'create',
      entity: 'organisation',
      entityId: o.id,
      reason: 'new organisation',
      data: { name: o.name, kind: o.kind },
    });
  });
  return { ...o, activeUsers: 0, programmes: 0 };
}

/** Every organisation, by id: any administrator may see them, to choose members and invite. */
export async function listOrganisations(
  store: Store,
  admin: Administrator,
): Promise<OrganisationView[]> {
  if (!administersAnything(admin)) refuse('forbidden', 'admin.refused.not_administrator');
  const rows = await store.db
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
      eb
        .selectFrom('programmes')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('programmes.funder_id', '=', 'o.id')
        .as('funded'),
      eb
        .selectFrom('programme_members')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('programme_members.organisation_id', '=', 'o.id')
        .as('memberships'),
    ])
    .orderBy('o.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    activeUsers: Number(r.active_users ?? 0),
    programmes: Number(r.funded ?? 0) + Number(r.memberships ?? 0),
  }));
}

/** The organisation, or a 422 problem naming the field when it does not exist. */
export async function existingOrganisation(
  store: Store,
  id: string,
  field = 'organisation',
): Promise<{ id: string; name: string; kind: Role }> {
  const row = await store.db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row)
    throw new ProblemsError([problem('admin.organisation.unknown', { id }, { column: field })]);
  return row;
}

function checkedOrganisation(o: NewOrganisation): { id: string; name: string; kind: Role } {
  const problems: Problem[] = [];
  const name = o.name.trim();
  if (!IDENTIFIER.test(o.id))
    problems.push(problem('admin.organisation.id', { id: o.id }, { column: 'id' }));
  if (name === '' || name.length > MAX_NAME)
    problems.push(problem('admin.organisation.name', { max: MAX_NAME }, { column: 'name' }));
  const kind = ORGANISATION_KINDS.find((k) => k === o.kind);
  if (!kind)
    problems.push(problem('admin.organisation.kind', { kind: o.kind }, { column: 'kind' }));
  if (problems.length > 0 || !kind) throw new ProblemsError(problems);
  return { id: o.id, name, kind };
}
