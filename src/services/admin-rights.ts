/**
 * Who may administer what (docs/administration.md). Administration is separate from the
 * data: an organisation's kind decides what its people do in programmes; these roles decide
 * who may change organisations, people, programmes and their members, and give no access to
 * participants, runs or bills.
 *
 * - A platform administrator administers the installation: every organisation, programme
 *   and person. The first one is invited from the server machine (`resulta admin init`),
 *   whose operator acts as a platform administrator throughout.
 * - An organisation administrator administers the people of their own organisation; for a
 *   funder, also creates programmes it funds.
 * - A programme administrator (a person of the programme's funder) administers that
 *   programme: its members, its contract, its administrators, and new organisations for it.
 *
 * One principle runs through it: an administrator gives only access they answer for. Adding
 * a person to an organisation opens every programme that organisation takes part in, so a
 * programme administrator may manage an organisation's people only when each of its
 * programmes is one they administer. The funder's own people are its organisation
 * administrators' to manage: they see every programme the funder ever funds, not one.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, InvitationRole } from '../store/schema.js';
import type { Actor } from './actor.js';
import type { Role } from './identity.js';

export interface Administrator {
  /** Recorded in the audit log: a person's e-mail, or `cli:<user>` for the operator. */
  readonly actor: Actor;
  /** The person's account; null for the operator of the server machine. */
  readonly userId: string | null;
  readonly organisationId: string | null;
  readonly platform: boolean;
  /** They administer the people of their own organisation. */
  readonly organisationAdmin: boolean;
  /** The programmes they administer. */
  readonly programmes: readonly string[];
}

type Db = Kysely<Database> | Transaction<Database>;

/** The operator on the server machine: whoever can open the store can administer it. */
export function operator(name: string): Administrator {
  return {
    actor: { id: `cli:${name}` },
    userId: null,
    organisationId: null,
    platform: true,
    organisationAdmin: false,
    programmes: [],
  };
}

/** A person's administrative roles; an Administrator with none when they hold none. */
export async function administratorOf(
  db: Db,
  person: { readonly userId: string; readonly email: string; readonly organisationId: string },
): Promise<Administrator> {
  const roles = await db
    .selectFrom('user_roles')
    .select(['role', 'programme_id'])
    .where('user_id', '=', person.userId)
    .execute();
  return {
    actor: { id: person.email },
    userId: person.userId,
    organisationId: person.organisationId,
    platform: roles.some((r) => r.role === 'platform_admin'),
    organisationAdmin: roles.some((r) => r.role === 'organisation_admin'),
    programmes: roles.flatMap((r) => (r.programme_id === null ? [] : [r.programme_id])).sort(),
  };
}

export function administersAnything(a: Administrator): boolean {
  return a.platform || a.organisationAdmin || a.programmes.length > 0;
}

/** Programme administrators bring in the providers, verifiers and investors they work with. */
export function mayCreateOrganisation(a: Administrator, kind: Role): boolean {
  return a.platform || (a.programmes.length > 0 && kind !== 'funder');
}

export function mayCreateProgramme(a: Administrator, funderId: string): boolean {
  return a.platform || (a.organisationAdmin && a.organisationId === funderId);
}

export function mayAdministerProgramme(a: Administrator, programmeId: string): boolean {
  return a.platform || a.programmes.includes(programmeId);
}

/** Every organisation, or those whose people the administrator manages. */
export async function manageableOrganisations(
  db: Db,
  a: Administrator,
): Promise<'all' | ReadonlySet<string>> {
  if (a.platform) return 'all';
  const manageable = new Set<string>();
  if (a.organisationAdmin && a.organisationId !== null) manageable.add(a.organisationId);
  if (a.programmes.length === 0) return manageable;
  const administered = new Set(a.programmes);
  const rows = await participation(db)
    .where('organisation_id', 'in', participantsOf(db, a.programmes))
    .execute();
  const outside = new Set(
    rows.filter((r) => r.funds || !administered.has(r.programme_id)).map((r) => r.organisation_id),
  );
  for (const r of rows) if (!outside.has(r.organisation_id)) manageable.add(r.organisation_id);
  return manageable;
}

export async function mayManagePeopleOf(
  db: Db,
  a: Administrator,
  organisationId: string,
): Promise<boolean> {
  const manageable = await manageableOrganisations(db, a);
  return manageable === 'all' || manageable.has(organisationId);
}

/**
 * Whether the administrator may give `role` to a person of `organisationId` (who must be
 * the funder of `programmeId` for a programme administrator; checked by the caller).
 */
export async function mayGrant(
  db: Db,
  a: Administrator,
  role: InvitationRole,
  organisationId: string,
  programmeId: string | null,
): Promise<boolean> {
  switch (role) {
    case 'platform_admin':
      return a.platform;
    case 'programme_admin':
      return (
        programmeId !== null &&
        (mayAdministerProgramme(a, programmeId) ||
          (a.organisationAdmin && a.organisationId === organisationId))
      );
    case 'member':
    case 'organisation_admin':
      return mayManagePeopleOf(db, a, organisationId);
  }
}

/** Every (programme, organisation) taking part, and whether as its funder. */
function participation(db: Db) {
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('programmes')
        .select([
          'id as programme_id',
          'funder_id as organisation_id',
          sql<boolean>`true`.as('funds'),
        ])
        .unionAll(
          eb
            .selectFrom('programme_members')
            .select(['programme_id', 'organisation_id', sql<boolean>`false`.as('funds')]),
        )
        .as('p'),
    )
    .select(['p.programme_id', 'p.organisation_id', 'p.funds']);
}

function participantsOf(db: Db, programmes: readonly string[]) {
  return participation(db)
    .clearSelect()
    .select('p.organisation_id')
    .where('p.programme_id', 'in', [...programmes]);
}
