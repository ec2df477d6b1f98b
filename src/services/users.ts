/**
 * People's accounts as administrators see them: the list, deactivation (the person can no
 * longer sign in; their sessions end, their API tokens are revoked, the invitations they
 * sent are withdrawn and their administrative roles removed, all in one audited
 * transaction), and administrative roles given and taken away. New accounts come only from
 * invitations (invitations.ts), so every person chooses their own password.
 */
import type { Transaction } from 'kysely';
import { ProblemsError, problem } from '../domain/problem.js';
import { appendAudit } from '../store/audit-log.js';
import type { Store } from '../store/database.js';
import type { AdminRole, Database } from '../store/schema.js';
import { refuse } from './admin-refusal.js';
import {
  type Administrator,
  administersAnything,
  manageableOrganisations,
  mayGrant,
  mayManagePeopleOf,
} from './admin-rights.js';
import type { Role } from './identity.js';

export const ADMIN_ROLES: readonly AdminRole[] = [
  'platform_admin',
  'organisation_admin',
  'programme_admin',
];

export interface RoleView {
  readonly role: AdminRole;
  /** The programme of a programme administrator; null for the other roles. */
  readonly programme: string | null;
}

export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly organisation: { readonly id: string; readonly name: string; readonly kind: Role };
  readonly roles: readonly RoleView[];
  readonly active: boolean;
  readonly createdAt: Date;
  readonly deactivatedAt: Date | null;
}

/**
 * The people an administrator sees, by e-mail: everyone for a platform administrator; the
 * people of organisations they manage, and of every organisation taking part in a
 * programme they administer, otherwise.
 */
export async function listUsers(
  store: Store,
  admin: Administrator,
  filter: { readonly organisationId?: string | undefined; readonly userId?: string } = {},
): Promise<UserView[]> {
  const visible = await visibleOrganisations(store, admin);
  if (visible !== 'all' && visible.size === 0) return [];
  let query = store.db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.created_at',
      'u.deactivated_at',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.kind',
    ])
    .orderBy('u.email');
  if (visible !== 'all') query = query.where('o.id', 'in', [...visible]);
  if (filter.organisationId !== undefined) query = query.where('o.id', '=', filter.organisationId);
  if (filter.userId !== undefined) query = query.where('u.id', '=', filter.userId);
  const rows = await query.execute();
  const roles = await rolesOf(
    store,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    organisation: { id: r.organisation_id, name: r.organisation_name, kind: r.kind },
    roles: roles.get(r.id) ?? [],
    active: r.deactivated_at === null,
    createdAt: new Date(r.created_at),
    deactivatedAt: r.deactivated_at === null ? null : new Date(r.deactivated_at),
  }));
}

/** One person as listed; 404 unless the administrator sees them. */
export async function userView(store: Store, admin: Administrator, id: string): Promise<UserView> {
  // Ids are BIGINT: text that cannot be one names nobody, rather than failing in the database.
  const found = /^\d{1,18}$/.test(id)
    ? (await listUsers(store, admin, { userId: id }))[0]
    : undefined;
  return found ?? refuse('not_found', 'admin.user.unknown_id', { id });
}

/** How an e-mail names a person: "Ana Pérez (ana@example.org)"; null for the operator. */
export async function inviterName(store: Store, admin: Administrator): Promise<string | null> {
  if (admin.userId === null) return null;
  const row = await store.db
    .selectFrom('users')
    .select('name')
    .where('id', '=', admin.userId)
    .executeTakeFirst();
  return row?.name ? `${row.name} (${admin.actor.id})` : admin.actor.id;
}

/** The id of the account with this e-mail (any case); 404 when there is none. */
export async function userIdByEmail(store: Store, email: string): Promise<string> {
  const row = await store.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  return row?.id ?? refuse('not_found', 'admin.user.unknown', { email });
}

/** Ends a person's access; the reason is kept in the audit log. */
export async function deactivateUser(
  store: Store,
  admin: Administrator,
  userId: string,
  reason: string,
  now = new Date(),
): Promise<UserView> {
  if (reason.trim() === '')
    throw new ProblemsError([problem('admin.user.reason', {}, { column: 'reason' })]);
  const user = await userView(store, admin, userId);
  if (!(await mayManagePeopleOf(store.db, admin, user.organisation.id)))
    refuse('forbidden', 'admin.refused.people', { organisation: user.organisation.id });
  if (user.id === admin.userId) refuse('forbidden', 'admin.refused.self');
  await store.db.transaction().execute(async (tx) => {
    const ended = await tx
      .updateTable('users')
      .set({ deactivated_at: now })
      .where('id', '=', userId)
      .where('deactivated_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!ended) refuse('conflict', 'admin.user.inactive', { email: user.email });
    await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    const tokens = await tx
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    const invitations = await tx
      .updateTable('invitations')
      .set({ revoked_at: now, revoked_by: admin.actor.id })
      .where('invited_by', '=', user.email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    await tx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    await appendAudit(
      tx,
      {
        actor: admin.actor.id,
        action: 'deactivate',
        entity: 'user',
        entityId: user.email,
        reason,
        data: {
          user_id: user.id,
          organisation: user.organisation.id,
          roles_removed: user.roles.map(roleLabel),
          api_tokens_revoked: tokens.map((t) => t.id),
          invitations_withdrawn: invitations.map((i) => i.id),
        },
      },
      now,
    );
  });
  return userView(store, admin, userId);
}

/** Gives a person an administrative role. */
export async function grantRole(
  store: Store,
  admin: Administrator,
  userId: string,
  asked: { readonly role: AdminRole; readonly programmeId?: string | null | undefined },
): Promise<UserView> {
  const user = await userView(store, admin, userId);
  const programmeId = await checkedRoleProgramme(store, asked, user);
  if (!user.active) refuse('conflict', 'admin.user.inactive', { email: user.email });
  if (!(await mayGrant(store.db, admin, asked.role, user.organisation.id, programmeId)))
    refuse('forbidden', 'admin.refused.grant', { role: asked.role });
  await store.db.transaction().execute(async (tx) => {
    const added = await tx
      .insertInto('user_roles')
      .values({
        user_id: userId,
        role: asked.role,
        programme_id: programmeId,
        granted_by: admin.actor.id,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (!added) refuse('conflict', 'admin.role.held', { email: user.email, role: asked.role });
    await auditRole(tx, admin, 'grant', user, asked.role, programmeId);
  });
  return userView(store, admin, userId);
}

/** Takes an administrative role away from a person. */
export async function revokeRole(
  store: Store,
  admin: Administrator,
  userId: string,
  asked: { readonly role: AdminRole; readonly programmeId?: string | null | undefined },
): Promise<UserView> {
  const user = await userView(store, admin, userId);
  const programmeId = asked.role === 'programme_admin' ? (asked.programmeId ?? null) : null;
  if (asked.role === 'programme_admin' && programmeId === null)
    throw new ProblemsError([problem('admin.role.programme_needed', {}, { column: 'programme' })]);
  if (!(await mayGrant(store.db, admin, asked.role, user.organisation.id, programmeId)))
    refuse('forbidden', 'admin.refused.grant', { role: asked.role });
  await store.db.transaction().execute(async (tx) => {
    let removal = tx
      .deleteFrom('user_roles')
      .where('user_id', '=', userId)
      .where('role', '=', asked.role);
    removal =
      programmeId === null
        ? removal.where('programme_id', 'is', null)
        : removal.where('programme_id', '=', programmeId);
    const removed = await removal.returning('user_id').executeTakeFirst();
    if (!removed)
      refuse('conflict', 'admin.role.not_held', { email: user.email, role: asked.role });
    await auditRole(tx, admin, 'revoke', user, asked.role, programmeId);
  });
  return userView(store, admin, userId);
}

/** The administrative roles of these people, by user id. */
export async function rolesOf(
  store: Store,
  userIds: readonly string[],
): Promise<Map<string, RoleView[]>> {
  const byUser = new Map<string, RoleView[]>();
  if (userIds.length === 0) return byUser;
  const rows = await store.db
    .selectFrom('user_roles')
    .select(['user_id', 'role', 'programme_id'])
    .where('user_id', 'in', [...userIds])
    .orderBy('role')
    .orderBy('programme_id')
    .execute();
  for (const r of rows) {
    const list = byUser.get(r.user_id) ?? [];
    list.push({ role: r.role, programme: r.programme_id });
    byUser.set(r.user_id, list);
  }
  return byUser;
}

/** The programme a role names: only programme administrators name one, of their funder. */
async function checkedRoleProgramme(
  store: Store,
  asked: { readonly role: AdminRole; readonly programmeId?: string | null | undefined },
  user: UserView,
): Promise<string | null> {
  const id = asked.programmeId ?? null;
  if (asked.role !== 'programme_admin') {
    if (id !== null)
      throw new ProblemsError([
        problem('admin.role.programme_unexpected', {}, { column: 'programme' }),
      ]);
    return null;
  }
  if (id === null)
    throw new ProblemsError([problem('admin.role.programme_needed', {}, { column: 'programme' })]);
  const programme = await store.db
    .selectFrom('programmes')
    .select('funder_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!programme)
    throw new ProblemsError([problem('admin.programme.unknown', { id }, { column: 'programme' })]);
  if (programme.funder_id !== user.organisation.id)
    throw new ProblemsError([
      problem(
        'admin.role.not_funder',
        { email: user.email, organisation: user.organisation.id, programme: id },
        { column: 'programme' },
      ),
    ]);
  return id;
}

async function visibleOrganisations(
  store: Store,
  admin: Administrator,
): Promise<'all' | ReadonlySet<string>> {
  if (!administersAnything(admin)) refuse('forbidden', 'admin.refused.not_administrator');
  const manageable = await manageableOrganisations(store.db, admin);
  if (manageable === 'all' || admin.programmes.length === 0) return manageable;
  const taking = await store.db
    .selectFrom('programmes')
    .select('funder_id as organisation_id')
    .where('id', 'in', [...admin.programmes])
    .union(
      store.db
        .selectFrom('programme_members')
        .select('organisation_id')
        .where('programme_id', 'in', [...admin.programmes]),
    )
    .execute();
  return new Set([...manageable, ...taking.map((t) => t.organisation_id)]);
}

const roleLabel = (r: RoleView) => (r.programme === null ? r.role : `${r.role}:${r.programme}`);

async function auditRole(
  tx: Transaction<Database>,
  admin: Administrator,
  action: 'grant' | 'revoke',
  user: UserView,
  role: AdminRole,
  programmeId: string | null,
) {
  await appendAudit(tx, {
    actor: admin.actor.id,
    action,
    entity: 'user',
    entityId: user.email,
    reason: roleLabel({ role, programme: programmeId }),
    data: { user_id: user.id, role, programme: programmeId },
  });
}
