/**
 * Invitations: the only way an account is made. An administrator invites an e-mail address
 * into an organisation with one role; Resulta makes a one-time link holding a random
 * secret (only its SHA-256 is stored) that works once, until it expires, and the invitee
 * chooses their own password on the page it opens. Accepting opens the account (or reopens
 * a deactivated one of the same organisation), gives the role and signs the person in, in
 * one transaction.
 *
 * A link that is unknown, used, withdrawn or expired is refused the same way (null here,
 * one 404 in the API), so the answer tells a guesser nothing. A newer invitation to the
 * same address withdraws the older ones: only the latest link works.
 */
import type { Transaction } from 'kysely';
import type { Locale } from '../domain/messages/locale.js';
import { passwordProblems } from '../domain/password-rules.js';
import { type Problem, ProblemsError, problem } from '../domain/problem.js';
import { appendAudit } from '../store/audit-log.js';
import type { Store } from '../store/database.js';
import type { Database, InvitationRole } from '../store/schema.js';
import { refuse } from './admin-refusal.js';
import {
  type Administrator,
  manageableOrganisations,
  mayGrant,
  mayManagePeopleOf,
} from './admin-rights.js';
import {
  createSession,
  hashPassword,
  hashSecret,
  newSecret,
  type Role,
  SESSION_HOURS,
} from './identity.js';
import { existingOrganisation } from './organisations.js';

export const INVITATION_ROLES: readonly InvitationRole[] = [
  'member',
  'organisation_admin',
  'programme_admin',
  'platform_admin',
];

export interface InvitationPolicy {
  /** How long a link works (RESULTA_INVITATION_DAYS). */
  readonly days: number;
  /** Where the server is reached from outside (RESULTA_PUBLIC_URL), for the link. */
  readonly publicUrl: string;
}

export interface InvitationRequest {
  readonly email: string;
  readonly name?: string | undefined;
  readonly organisationId: string;
  readonly role: string;
  readonly programmeId?: string | null | undefined;
  readonly language: Locale;
}

export type InvitationStatus = 'pending' | 'expired' | 'accepted' | 'withdrawn';

export interface InvitationView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly organisation: { readonly id: string; readonly name: string; readonly kind: Role };
  readonly role: InvitationRole;
  readonly programme: { readonly id: string; readonly title: string } | null;
  readonly language: Locale;
  readonly invitedBy: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly status: InvitationStatus;
}

export interface NewInvitation {
  readonly invitation: InvitationView;
  /** The link's secret: shown or sent once, never stored. */
  readonly token: string;
  readonly link: string;
}

export interface Accepted {
  /** A session secret: the person is signed in. */
  readonly session: string;
  readonly expiresInHours: number;
  readonly user: {
    readonly id: string;
    readonly email: string;
    readonly name: string;
    readonly organisation: string;
  };
}

const DAY_MS = 86_400_000;
const MAX_NAME = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UNIQUE_VIOLATION = '23505';

/** The page of the web app that accepts an invitation; the secret rides in the fragment,
 * which browsers never send to a server, so it stays out of logs and Referer headers. */
export const linkFor = (publicUrl: string, token: string) =>
  `${publicUrl}/app/accept-invitation#${token}`;

export async function createInvitation(
  store: Store,
  admin: Administrator,
  asked: InvitationRequest,
  policy: InvitationPolicy,
  now = new Date(),
): Promise<NewInvitation> {
  const checked = await checkedRequest(store, asked);
  if (!(await mayManagePeopleOf(store.db, admin, checked.organisationId)))
    refuse('forbidden', 'admin.refused.people', { organisation: checked.organisationId });
  if (!(await mayGrant(store.db, admin, checked.role, checked.organisationId, checked.programmeId)))
    refuse('forbidden', 'admin.refused.grant', { role: checked.role });
  await refuseTakenEmail(store, checked.email, checked.organisationId);
  const token = `ri_${newSecret()}`;
  const expiresAt = new Date(now.getTime() + policy.days * DAY_MS);
  const id = await store.db.transaction().execute(async (tx) => {
    const superseded = await tx
      .updateTable('invitations')
      .set({ revoked_at: now, revoked_by: admin.actor.id })
      .where('email', '=', checked.email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    const row = await tx
      .insertInto('invitations')
      .values({
        token_hash: hashSecret(token),
        email: checked.email,
        name: checked.name,
        organisation_id: checked.organisationId,
        role: checked.role,
        programme_id: checked.programmeId,
        language: asked.language,
        invited_by: admin.actor.id,
        created_at: now,
        expires_at: expiresAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(
      tx,
      {
        actor: admin.actor.id,
        action: 'invite',
        entity: 'invitation',
        entityId: row.id,
        reason: `${checked.email} into ${checked.organisationId} as ${checked.role}`,
        data: {
          email: checked.email,
          organisation: checked.organisationId,
          role: checked.role,
          programme: checked.programmeId,
          expires_at: expiresAt.toISOString(),
          superseded: superseded.map((s) => s.id),
        },
      },
      now,
    );
    return row.id;
  });
  const invitation = await invitationWhere(store, now, { id });
  if (!invitation) throw new Error(`invitation ${id} vanished after it was made`);
  return { invitation, token, link: linkFor(policy.publicUrl, token) };
}

/** What a working link is for; null for a link that is unknown, used, withdrawn or expired. */
export async function invitationByToken(
  store: Store,
  token: string,
  now = new Date(),
): Promise<InvitationView | null> {
  const found = await invitationWhere(store, now, { tokenHash: hashSecret(token) });
  return found?.status === 'pending' ? found : null;
}

/**
 * Opens the account an invitation is for, with the password the invitee chose, and signs
 * them in. Null when the link does not work (whatever the reason); ProblemsError when the
 * password does not meet the rules, checked before the link so that the answer to a bad
 * password says nothing about the link.
 */
export async function acceptInvitation(
  store: Store,
  token: string,
  chosen: { readonly password: string; readonly name?: string | undefined },
  now = new Date(),
): Promise<Accepted | null> {
  const general = passwordProblems(chosen.password, '');
  if (general.length > 0) throw new ProblemsError(general);
  const invitation = await invitationByToken(store, token, now);
  if (!invitation) return null;
  const personal = passwordProblems(chosen.password, invitation.email);
  if (personal.length > 0) throw new ProblemsError(personal);
  const name = checkedName(chosen.name ?? '') || invitation.name || localPart(invitation.email);
  const passwordHash = await hashPassword(chosen.password);
  try {
    return await store.db.transaction().execute(async (tx) => {
      const claimed = await tx
        .updateTable('invitations')
        .set({ accepted_at: now })
        .where('token_hash', '=', hashSecret(token))
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .returning(['id', 'email', 'organisation_id', 'role', 'programme_id'])
        .executeTakeFirst();
      // Accepted, withdrawn or expired since it was read: the same refusal as any bad link.
      if (!claimed) return null;
      const { userId, reopened } = await openAccount(tx, claimed, name, passwordHash);
      await tx
        .updateTable('invitations')
        .set({ user_id: userId })
        .where('id', '=', claimed.id)
        .execute();
      if (claimed.role !== 'member')
        await tx
          .insertInto('user_roles')
          .values({
            user_id: userId,
            role: claimed.role,
            // An invitation may name a programme for its e-mail; only this role is scoped by it.
            programme_id: claimed.role === 'programme_admin' ? claimed.programme_id : null,
            granted_by: `invitation:${claimed.id}`,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
      await appendAudit(
        tx,
        {
          actor: claimed.email,
          action: 'accept',
          entity: 'invitation',
          entityId: claimed.id,
          reason: reopened ? 'account reopened' : 'account opened',
          data: {
            user_id: userId,
            organisation: claimed.organisation_id,
            role: claimed.role,
            programme: claimed.programme_id,
          },
        },
        now,
      );
      const session = await createSession(tx, userId, now);
      return {
        session,
        expiresInHours: SESSION_HOURS,
        user: { id: userId, email: claimed.email, name, organisation: claimed.organisation_id },
      };
    });
  } catch (error) {
    // Two invitations to one address accepted at once: the second finds the address taken.
    if ((error as { code?: unknown }).code === UNIQUE_VIOLATION)
      refuse('conflict', 'admin.user.exists', { email: invitation.email });
    throw error;
  }
}

/** Invitations not accepted or withdrawn, into organisations whose people `admin` manages. */
export async function listInvitations(
  store: Store,
  admin: Administrator,
  now = new Date(),
): Promise<InvitationView[]> {
  const manageable = await manageableOrganisations(store.db, admin);
  if (manageable !== 'all' && manageable.size === 0) return [];
  return invitationsWhere(store, now, {
    open: true,
    ...(manageable === 'all' ? {} : { organisations: [...manageable] }),
  });
}

/** Withdraws an invitation that is still open: its link stops working. */
export async function withdrawInvitation(
  store: Store,
  admin: Administrator,
  id: string,
  now = new Date(),
): Promise<InvitationView> {
  const found = /^\d{1,18}$/.test(id) ? await invitationWhere(store, now, { id }) : null;
  if (!found || !(await mayManagePeopleOf(store.db, admin, found.organisation.id)))
    return refuse('not_found', 'admin.invitation.unknown', { id });
  if (found.status === 'accepted' || found.status === 'withdrawn')
    refuse('conflict', 'admin.invitation.closed', { id, status: found.status });
  await store.db.transaction().execute(async (tx) => {
    const ended = await tx
      .updateTable('invitations')
      .set({ revoked_at: now, revoked_by: admin.actor.id })
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!ended) refuse('conflict', 'admin.invitation.closed', { id, status: 'accepted' });
    await appendAudit(
      tx,
      {
        actor: admin.actor.id,
        action: 'withdraw',
        entity: 'invitation',
        entityId: id,
        reason: `invitation of ${found.email}`,
        data: { email: found.email, organisation: found.organisation.id },
      },
      now,
    );
  });
  return (await invitationWhere(store, now, { id })) ?? found;
}

/** The invitation's request checked field by field: every problem at once (422). */
async function checkedRequest(store: Store, asked: InvitationRequest) {
  const problems: Problem[] = [];
  const email = asked.email.trim().toLowerCase();
  if (email.length > 320 || !EMAIL.test(email))
    problems.push(problem('admin.user.email', { email: asked.email }, { column: 'email' }));
  const name = checkedName(asked.name ?? '');
  if (name === null)
    problems.push(problem('admin.user.name', { max: MAX_NAME }, { column: 'name' }));
  const role = INVITATION_ROLES.find((r) => r === asked.role);
  if (!role) problems.push(problem('admin.role.unknown', { role: asked.role }, { column: 'role' }));
  if (role === 'programme_admin' && !asked.programmeId)
    problems.push(problem('admin.role.programme_needed', {}, { column: 'programme' }));
  if (problems.length > 0 || !role || name === null) throw new ProblemsError(problems);
  const organisation = await existingOrganisation(store, asked.organisationId);
  const programmeId = asked.programmeId ?? null;
  if (programmeId !== null) await checkProgramme(store, programmeId, organisation.id, role);
  return { email, name, role, organisationId: organisation.id, programmeId };
}

/** The programme exists and the organisation takes part (as its funder, for an administrator). */
async function checkProgramme(
  store: Store,
  programmeId: string,
  organisationId: string,
  role: InvitationRole,
) {
  const programme = await store.db
    .selectFrom('programmes')
    .select(['funder_id'])
    .where('id', '=', programmeId)
    .executeTakeFirst();
  const where = { column: 'programme' };
  if (!programme)
    throw new ProblemsError([problem('admin.programme.unknown', { id: programmeId }, where)]);
  const params = { organisation: organisationId, programme: programmeId };
  if (role === 'programme_admin') {
    if (programme.funder_id !== organisationId)
      throw new ProblemsError([problem('admin.invitation.not_funder', params, where)]);
    return;
  }
  if (programme.funder_id === organisationId) return;
  const member = await store.db
    .selectFrom('programme_members')
    .select('organisation_id')
    .where('programme_id', '=', programmeId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!member)
    throw new ProblemsError([problem('admin.invitation.not_in_programme', params, where)]);
}

/** An address with a working account cannot be invited; a deactivated one only back home. */
async function refuseTakenEmail(store: Store, email: string, organisationId: string) {
  const user = await store.db
    .selectFrom('users')
    .select(['organisation_id', 'deactivated_at'])
    .where('email', '=', email)
    .executeTakeFirst();
  if (!user) return;
  if (user.deactivated_at === null) refuse('conflict', 'admin.user.exists', { email });
  if (user.organisation_id !== organisationId)
    refuse('conflict', 'admin.user.other_organisation', {
      email,
      organisation: user.organisation_id,
    });
}

/** A new account, or the deactivated one of this address in the same organisation. */
async function openAccount(
  tx: Transaction<Database>,
  invitation: { email: string; organisation_id: string },
  name: string,
  passwordHash: string,
): Promise<{ userId: string; reopened: boolean }> {
  const existing = await tx
    .selectFrom('users')
    .select(['id', 'organisation_id', 'deactivated_at'])
    .where('email', '=', invitation.email)
    .forUpdate()
    .executeTakeFirst();
  if (!existing) {
    const row = await tx
      .insertInto('users')
      .values({
        email: invitation.email,
        name,
        organisation_id: invitation.organisation_id,
        password_hash: passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { userId: row.id, reopened: false };
  }
  if (existing.deactivated_at === null || existing.organisation_id !== invitation.organisation_id)
    refuse('conflict', 'admin.user.exists', { email: invitation.email });
  await tx
    .updateTable('users')
    .set({ name, password_hash: passwordHash, deactivated_at: null })
    .where('id', '=', existing.id)
    .execute();
  return { userId: existing.id, reopened: true };
}

/** Trimmed; '' when none was given; null when too long. */
function checkedName(name: string): string | null {
  const trimmed = name.trim();
  return trimmed.length > MAX_NAME ? null : trimmed;
}

const localPart = (email: string) => email.split('@')[0] ?? email;

interface Filter {
  readonly id?: string;
  readonly tokenHash?: string;
  readonly open?: boolean;
  readonly organisations?: readonly string[];
}

async function invitationWhere(store: Store, now: Date, filter: Filter) {
  return (await invitationsWhere(store, now, filter))[0] ?? null;
}

async function invitationsWhere(
  store: Store,
  now: Date,
  filter: Filter,
): Promise<InvitationView[]> {
  let query = store.db
    .selectFrom('invitations as i')
    .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
    .leftJoin('programmes as p', 'p.id', 'i.programme_id')
    .select([
      'i.id',
      'i.email',
      'i.name',
      'i.role',
      'i.language',
      'i.invited_by',
      'i.created_at',
      'i.expires_at',
      'i.accepted_at',
      'i.revoked_at',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.kind',
      'p.id as programme_id',
      'p.title as programme_title',
    ])
    .orderBy('i.id');
  if (filter.id !== undefined) query = query.where('i.id', '=', filter.id);
  if (filter.tokenHash !== undefined) query = query.where('i.token_hash', '=', filter.tokenHash);
  if (filter.open)
    query = query.where('i.accepted_at', 'is', null).where('i.revoked_at', 'is', null);
  if (filter.organisations !== undefined)
    query = query.where('i.organisation_id', 'in', [...filter.organisations]);
  const rows = await query.execute();
  return rows.map((r) => {
    const expiresAt = new Date(r.expires_at);
    const status: InvitationStatus =
      r.accepted_at !== null
        ? 'accepted'
        : r.revoked_at !== null
          ? 'withdrawn'
          : expiresAt.getTime() <= now.getTime()
            ? 'expired'
            : 'pending';
    return {
      id: r.id,
      email: r.email,
      name: r.name,
      organisation: { id: r.organisation_id, name: r.organisation_name, kind: r.kind },
      role: r.role,
      programme:
        r.programme_id === null || r.programme_title === null
          ? null
          : { id: r.programme_id, title: r.programme_title },
      language: r.language,
      invitedBy: r.invited_by,
      createdAt: new Date(r.created_at),
      expiresAt,
      status,
    };
  });
}
