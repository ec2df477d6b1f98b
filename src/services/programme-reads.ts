/**
 * What the web app needs to find its way: who the caller is (GET /me) and the programmes the
 * caller's organisation takes part in, with its role in each (GET /programmes). Membership
 * is the same as the API's (membership.ts): the funder of a programme, or a member.
 */
import type { Store } from '../store/database.js';
import type { Principal, Role } from './identity.js';

export interface ProgrammeListed {
  readonly id: string;
  readonly title: string;
  readonly funder: { readonly id: string; readonly name: string };
  /** The caller's role in it: its organisation's kind. */
  readonly role: Role;
  readonly createdAt: Date;
}

/** The programmes the organisation funds or is a member of, by id. */
export async function programmesOf(
  store: Store,
  organisationId: string,
): Promise<ProgrammeListed[]> {
  const rows = await store.db
    .selectFrom('programmes as p')
    .innerJoin('organisations as f', 'f.id', 'p.funder_id')
    .select(['p.id', 'p.title', 'p.created_at', 'f.id as funder_id', 'f.name as funder_name'])
    .where((eb) =>
      eb.or([
        eb('p.funder_id', '=', organisationId),
        eb.exists(
          eb
            .selectFrom('programme_members as m')
            .select('m.organisation_id')
            .whereRef('m.programme_id', '=', 'p.id')
            .where('m.organisation_id', '=', organisationId),
        ),
      ]),
    )
    .orderBy('p.id')
    .execute();
  const role = await roleOf(store, organisationId);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    funder: { id: r.funder_id, name: r.funder_name },
    role,
    createdAt: new Date(r.created_at),
  }));
}

async function roleOf(store: Store, organisationId: string): Promise<Role> {
  const org = await store.db
    .selectFrom('organisations')
    .select('kind')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return org.kind;
}

export interface Caller {
  /** An e-mail for people, `token:<id>:<name>` for systems. */
  readonly id: string;
  readonly name: string | null;
  readonly role: Role;
  readonly organisation: { readonly id: string; readonly name: string };
  readonly credential:
    | { readonly kind: 'session' }
    | { readonly kind: 'token'; readonly scopes: readonly string[] };
}

/** The caller as GET /me shows it: never a secret or its hash. */
export async function whoIs(store: Store, who: Principal): Promise<Caller> {
  const org = await store.db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', '=', who.organisationId)
    .executeTakeFirstOrThrow();
  const credential = who.credential;
  let name: string | null = null;
  if (credential.kind === 'session') {
    const user = await store.db
      .selectFrom('users')
      .select('name')
      .where('id', '=', credential.userId)
      .executeTakeFirst();
    name = user?.name ?? null;
  }
  return {
    id: who.id,
    name,
    role: who.role,
    organisation: { id: org.id, name: org.name },
    credential:
      credential.kind === 'session'
        ? { kind: 'session' }
        : { kind: 'token', scopes: [...credential.scopes] },
  };
}
