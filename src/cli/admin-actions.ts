/**
 * What `resulta admin …` does (commands/admin.ts registers it): each command opens the
 * store, calls the same services as the API's /admin/… routes as the operator, prints the
 * outcome in the command line's language, and closes the store. A refusal is printed like
 * any error (exit 1); problems of the input are listed, contract problems at their line
 * and column.
 */
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { type Locale, localeOf } from '../domain/messages/locale.js';
import { type Problem, ProblemsError, problem } from '../domain/problem.js';
import { AdminRefusal } from '../services/admin-refusal.js';
import { type Administrator, operator } from '../services/admin-rights.js';
import { type AdminSettings, adminSettingsFromEnv } from '../services/admin-settings.js';
import { inviteFirstAdministrator } from '../services/first-administrator.js';
import { formatExpiry, inviteByMail } from '../services/invitation-mail.js';
import {
  createInvitation,
  type InvitationView,
  listInvitations as invitationsOf,
  withdrawInvitation as withdraw,
} from '../services/invitations.js';
import {
  createOrganisation as newOrganisation,
  listOrganisations as organisationsOf,
} from '../services/organisations.js';
import {
  createAdministeredProgramme,
  addMember as joinProgramme,
  removeMember as leaveProgramme,
  listAdministeredProgrammes,
  programmeMembers,
  setProgrammeContract,
} from '../services/programme-administration.js';
import {
  ADMIN_ROLES,
  deactivateUser as deactivate,
  grantRole as grant,
  revokeRole as revoke,
  userIdByEmail,
  listUsers as usersOf,
} from '../services/users.js';
import { openStore, type Store, storeOptionsFromEnv } from '../store/database.js';
import type { AdminRole } from '../store/schema.js';
import { currentLocale, t } from './lang.js';
import { readContractFile } from './read-contract-file.js';

type Options = Readonly<Record<string, string | boolean | undefined>>;

/** The first platform administrator: prints the one-time link. */
export async function init(o: Options): Promise<void> {
  await withStore(async (store, admin, settings) => {
    const made = await inviteFirstAdministrator(
      store,
      admin,
      {
        email: text(o.email),
        name: optional(o.name),
        organisationId: text(o.organisation),
        organisationName: optional(o.organisationName),
        organisationKind: optional(o.kind),
        language: language(o.language),
      },
      settings.invitations,
    );
    const i = made.invitation;
    say(
      t('admin.cli.init.done', {
        email: i.email,
        organisation: i.organisation.id,
        expires: expiry(i),
      }),
    );
    say(`  ${made.link}`);
  });
}

export async function createOrganisation(o: Options): Promise<void> {
  await withStore(async (store, admin) => {
    const made = await newOrganisation(store, admin, {
      id: text(o.id),
      name: text(o.name),
      kind: text(o.kind),
    });
    say(t('admin.cli.organisation_created', { id: made.id, kind: made.kind, name: made.name }));
  });
}

export async function listOrganisations(): Promise<void> {
  await withStore(async (store, admin) => {
    const found = await organisationsOf(store, admin);
    list(
      found.map((o) =>
        t('admin.cli.organisation_line', {
          id: o.id,
          kind: o.kind,
          name: o.name,
          users: o.activeUsers,
          programmes: o.programmes,
        }),
      ),
    );
  });
}

/** Prints the link for the operator to hand over, or e-mails it with --send. */
export async function invite(o: Options): Promise<void> {
  await withStore(async (store, admin, settings) => {
    const asked = {
      email: text(o.email),
      name: optional(o.name),
      organisationId: text(o.organisation),
      role: text(o.role),
      programmeId: optional(o.programme),
      language: language(o.language),
    };
    if (o.send) {
      const sent = await inviteByMail(store, admin, asked, settings, null);
      const i = sent.invitation;
      const params = { id: i.id, email: i.email, expires: expiry(i) };
      say(
        sent.delivery.via === 'smtp'
          ? t('admin.cli.sent_smtp', params)
          : t('admin.cli.sent_outbox', { ...params, file: sent.delivery.file }),
      );
      return;
    }
    const made = await createInvitation(store, admin, asked, settings.invitations);
    const i = made.invitation;
    say(
      t('admin.cli.invited', {
        id: i.id,
        email: i.email,
        organisation: i.organisation.id,
        role: t(`admin.role.${i.role}`),
        expires: expiry(i),
      }),
    );
    say(`  ${made.link}`);
  });
}

export async function listInvitations(): Promise<void> {
  await withStore(async (store, admin) => {
    list(
      (await invitationsOf(store, admin)).map((i) =>
        t('admin.cli.invitation_line', {
          id: i.id,
          email: i.email,
          organisation: i.organisation.id,
          role: i.role,
          expires: expiry(i),
          status: t(`admin.cli.status.${i.status}`),
        }),
      ),
    );
  });
}

export async function withdrawInvitation(_o: Options, id?: string): Promise<void> {
  await withStore(async (store, admin) => {
    const done = await withdraw(store, admin, text(id));
    say(t('admin.cli.withdrawn', { id: done.id }));
  });
}

export async function listUsers(o: Options): Promise<void> {
  await withStore(async (store, admin) => {
    const found = await usersOf(store, admin, { organisationId: optional(o.organisation) });
    list(
      found.map((u) => {
        const roles = u.roles.map((r) => (r.programme ? `${r.role}:${r.programme}` : r.role));
        if (!u.active) roles.push(t('admin.cli.deactivated_mark'));
        return t('admin.cli.user_line', {
          email: u.email,
          name: u.name,
          organisation: u.organisation.id,
          kind: u.organisation.kind,
          roles: roles.join(' '),
        }).trimEnd();
      }),
    );
  });
}

export async function deactivateUser(o: Options): Promise<void> {
  await withStore(async (store, admin) => {
    const id = await userIdByEmail(store, text(o.email));
    const done = await deactivate(store, admin, id, text(o.reason));
    say(t('admin.cli.deactivated', { email: done.email }));
  });
}

export async function grantRole(o: Options): Promise<void> {
  await changeRole(o, 'grant');
}

export async function revokeRole(o: Options): Promise<void> {
  await changeRole(o, 'revoke');
}

export async function createProgramme(o: Options): Promise<void> {
  await withStore(async (store, admin) => {
    const id = text(o.id);
    // Read before anything is created, so a missing file changes nothing.
    const contract = typeof o.contract === 'string' ? await contractFile(o.contract) : null;
    const made = await createAdministeredProgramme(store, admin, {
      id,
      title: text(o.title),
      funderId: text(o.funder),
    });
    say(t('admin.cli.programme_created', { id: made.id, funder: made.funder.id }));
    if (!contract) {
      say(t('admin.cli.programme_next', { id: made.id }));
      return;
    }
    const set = await setProgrammeContract(store, admin, made.id, contract);
    say(contractSet(made.id, set));
  });
}

export async function listProgrammes(): Promise<void> {
  await withStore(async (store, admin) => {
    list(
      (await listAdministeredProgrammes(store, admin)).map((p) =>
        t('admin.cli.programme_line', {
          id: p.id,
          title: p.title,
          funder: p.funder.id,
          version:
            p.contractVersion === null ? t('admin.cli.no_contract') : String(p.contractVersion),
          members: p.members,
        }),
      ),
    );
  });
}

export async function listMembers(o: Options): Promise<void> {
  await withStore(async (store, admin) => {
    const m = await programmeMembers(store, admin, text(o.programme));
    say(t('admin.cli.members.funder', { id: m.funder.id, name: m.funder.name }));
    say(t('admin.cli.members.members'));
    list(m.members.map((o) => `  ${o.id}  ${o.kind}  ${o.name}`));
    say(t('admin.cli.members.administrators'));
    list(
      m.administrators.map(
        (a) => `  ${a.email}  ${a.name}${a.active ? '' : ` ${t('admin.cli.deactivated_mark')}`}`,
      ),
    );
  });
}

export async function addMember(o: Options): Promise<void> {
  await withStore(async (store, admin) => {
    const programme = text(o.programme);
    const organisation = text(o.organisation);
    await joinProgramme(store, admin, programme, organisation);
    say(t('admin.cli.member_added', { organisation, programme }));
  });
}

export async function removeMember(o: Options): Promise<void> {
  await withStore(async (store, admin) => {
    const programme = text(o.programme);
    const organisation = text(o.organisation);
    await leaveProgramme(store, admin, programme, organisation, text(o.reason));
    say(t('admin.cli.member_removed', { organisation, programme }));
  });
}

export async function setContract(o: Options): Promise<void> {
  const contract = await contractFile(text(o.file));
  await withStore(async (store, admin) => {
    const programme = text(o.programme);
    const set = await setProgrammeContract(store, admin, programme, {
      ...contract,
      ...(typeof o.reason === 'string' ? { reason: o.reason } : {}),
    });
    say(contractSet(programme, set));
  });
}

async function changeRole(o: Options, change: 'grant' | 'revoke'): Promise<void> {
  const role = ADMIN_ROLES.find((r) => r === o.role);
  if (!role) throw new ProblemsError([problem('admin.role.unknown', { role: text(o.role) })]);
  await withStore(async (store, admin) => {
    const id = await userIdByEmail(store, text(o.email));
    const asked: { role: AdminRole; programmeId: string | undefined } = {
      role,
      programmeId: optional(o.programme),
    };
    const done = await (change === 'grant' ? grant : revoke)(store, admin, id, asked);
    const label = asked.programmeId ? `${role}:${asked.programmeId}` : role;
    say(
      t(change === 'grant' ? 'admin.cli.granted' : 'admin.cli.revoked', {
        email: done.email,
        role: label,
      }),
    );
  });
}

/**
 * Opens the store, runs the work as the operator, closes the store. Refusals and problems
 * are turned into what the command line prints, in its language.
 */
async function withStore(
  work: (store: Store, admin: Administrator, settings: AdminSettings) => Promise<void>,
): Promise<void> {
  const options = storeOptionsFromEnv();
  // Read first: a bad setting stops the command before it touches the database.
  const settings = adminSettingsFromEnv(process.env, options.dataDir);
  const store = await openStore(options);
  try {
    await work(store, operator(userInfo().username || 'operator'), settings);
  } catch (error) {
    throw forTheCommandLine(error);
  } finally {
    await store.close();
  }
}

function forTheCommandLine(error: unknown): unknown {
  if (error instanceof AdminRefusal) return new Error(t(error.code, error.params));
  // Options are named in the message; the field names of the API would only confuse.
  if (error instanceof ProblemsError)
    return new ProblemsError(
      error.problems.map((p): Problem => {
        if (!p.code.startsWith('admin.')) return p;
        const { column: _column, ...rest } = p;
        return rest;
      }),
    );
  return error;
}

/**
 * The contract file's text, once it reads and validates as `resulta validate` would have it
 * (every problem at its line and column), so nothing is created for a bad file.
 */
async function contractFile(path: string): Promise<{ yaml: string; fileName: string }> {
  await readContractFile(path);
  return { yaml: await readFile(path, 'utf8'), fileName: path };
}

function contractSet(
  programme: string,
  set: { version: number; status: 'in_force' | 'pending_correction' | 'rejected' },
): string {
  return t('admin.cli.contract_set', {
    programme,
    version: String(set.version),
    status: t(`admin.cli.contract.${set.status}`),
  });
}

function expiry(i: InvitationView): string {
  return formatExpiry(i.expiresAt, currentLocale());
}

/** The invitation's language: asked for, else the command line's. */
function language(asked: string | boolean | undefined): Locale {
  if (typeof asked !== 'string') return currentLocale();
  const locale = localeOf(asked);
  if (!locale) throw new ProblemsError([problem('admin.cli.language', { language: asked })]);
  return locale;
}

const text = (value: string | boolean | undefined): string =>
  typeof value === 'string' ? value : '';
const optional = (value: string | boolean | undefined): string | undefined =>
  typeof value === 'string' ? value : undefined;
const say = (line: string) => process.stdout.write(`${line}\n`);
const list = (lines: readonly string[]) =>
  say(lines.length > 0 ? lines.join('\n') : t('admin.cli.none'));
