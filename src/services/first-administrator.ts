/**
 * The first platform administrator of an installation, invited from the server machine
 * (`resulta admin init`): whoever can open the store there is the operator, and the
 * operator names the first administrator. Only while no working account holds the role:
 * afterwards administrators invite each other. Running it again before the link is used
 * makes a new link (the old one is withdrawn), for a link that was lost.
 */
import type { Locale } from '../domain/messages/locale.js';
import { ProblemsError, problem } from '../domain/problem.js';
import type { Store } from '../store/database.js';
import { refuse } from './admin-refusal.js';
import type { Administrator } from './admin-rights.js';
import { createInvitation, type InvitationPolicy, type NewInvitation } from './invitations.js';
import { createOrganisation } from './organisations.js';

export interface FirstAdministrator {
  readonly email: string;
  readonly name?: string | undefined;
  /** Their organisation: an existing one, or a new one when `organisationName` is given. */
  readonly organisationId: string;
  readonly organisationName?: string | undefined;
  readonly organisationKind?: string | undefined;
  readonly language: Locale;
}

export async function inviteFirstAdministrator(
  store: Store,
  operator: Administrator,
  asked: FirstAdministrator,
  policy: InvitationPolicy,
  now = new Date(),
): Promise<NewInvitation> {
  const existing = await platformAdministrator(store);
  if (existing !== null) refuse('conflict', 'admin.init.exists', { email: existing });
  const organisation = await store.db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', asked.organisationId)
    .executeTakeFirst();
  if (!organisation) {
    if (!asked.organisationName)
      throw new ProblemsError([
        problem(
          'admin.init.organisation',
          { id: asked.organisationId },
          { column: 'organisation' },
        ),
      ]);
    await createOrganisation(store, operator, {
      id: asked.organisationId,
      name: asked.organisationName,
      kind: asked.organisationKind ?? 'funder',
    });
  }
  return createInvitation(
    store,
    operator,
    {
      email: asked.email,
      name: asked.name,
      organisationId: asked.organisationId,
      role: 'platform_admin',
      language: asked.language,
    },
    policy,
    now,
  );
}

/** The e-mail of a working platform administrator (the first), or null when there is none. */
export async function platformAdministrator(store: Store): Promise<string | null> {
  const row = await store.db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select('u.email')
    .where('r.role', '=', 'platform_admin')
    .where('u.deactivated_at', 'is', null)
    .orderBy('u.id')
    .executeTakeFirst();
  return row?.email ?? null;
}
