/**
 * Seeds an empty store with the demo programme: the synthetic youth employment programme
 * (src/demo), three providers, a verifier and an investor, one user per role, and a first
 * evaluation run. The demo password is random, printed once and kept in the data folder.
 * The demo's funder person is also a platform administrator and administers the demo
 * programme, so that administration can be tried too.
 *
 * Only into an empty store: one holding anything else (a real programme, organisations,
 * people or invitations) is refused, untouched, so the demo never mixes with real data. A
 * store holding the demo already is left as it is.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_AS_OF } from '../demo/demo-contract.js';
import { writeDemoProgramme } from '../demo/demo-programme.js';
import { appendAudit } from '../store/audit-log.js';
import type { Store } from '../store/database.js';
import { runEvaluation } from './evaluation-runs.js';
import { createUser } from './identity.js';
import { importEmployment, importEvents, importParticipants } from './import-data.js';
import { createProgramme } from './programmes.js';

export const DEMO_PROGRAMME = 'demo-youth-employment';

export const DEMO_USERS = [
  { email: 'funder@demo.resulta.org', organisationId: 'ministry-of-labour', role: 'funder' },
  { email: 'provider1@demo.resulta.org', organisationId: 'prov-1', role: 'provider' },
  { email: 'provider2@demo.resulta.org', organisationId: 'prov-2', role: 'provider' },
  { email: 'provider3@demo.resulta.org', organisationId: 'prov-3', role: 'provider' },
  { email: 'verifier@demo.resulta.org', organisationId: 'independent-verifier', role: 'verifier' },
  { email: 'investor@demo.resulta.org', organisationId: 'social-investor', role: 'investor' },
] as const;

/** What the store holds that is not the demo. */
export interface StoreContents {
  readonly programmes: readonly string[];
  readonly organisations: number;
  readonly users: number;
  readonly invitations: number;
}

export type DemoSeeding =
  | { readonly seeded: true; readonly password: string }
  | { readonly seeded: false; readonly reason: 'present' }
  | { readonly seeded: false; readonly reason: 'not_empty'; readonly holds: StoreContents };

export async function seedDemo(store: Store, participants = 3000): Promise<DemoSeeding> {
  const demo = await store.db
    .selectFrom('programmes')
    .select('id')
    .where('id', '=', DEMO_PROGRAMME)
    .executeTakeFirst();
  if (demo) return { seeded: false, reason: 'present' };
  const holds = await contents(store);
  if (holds.programmes.length + holds.organisations + holds.users + holds.invitations > 0)
    return { seeded: false, reason: 'not_empty', holds };
  return { seeded: true, password: await seed(store, participants) };
}

async function contents(store: Store): Promise<StoreContents> {
  const count = async (table: 'organisations' | 'users' | 'invitations') =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const programmes = await store.db.selectFrom('programmes').select('id').orderBy('id').execute();
  return {
    programmes: programmes.map((p) => p.id),
    organisations: await count('organisations'),
    users: await count('users'),
    invitations: await count('invitations'),
  };
}

async function seed(store: Store, participants: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'resulta-seed-'));
  const actor = { id: 'demo-seed' };
  try {
    const files = await writeDemoProgramme(dir, participants);
    await createProgramme(store, actor, {
      id: DEMO_PROGRAMME,
      title: 'Youth employment outcomes contract (demo)',
      funder: { id: 'ministry-of-labour', name: 'Ministry of Labour' },
      providers: [1, 2, 3].map((i) => ({ id: `prov-${i}`, name: `Training provider ${i}` })),
      verifiers: [{ id: 'independent-verifier', name: 'Independent verifier' }],
      investors: [{ id: 'social-investor', name: 'Social investor' }],
      contractYaml: await readFile(files.contract, 'utf8'),
    });
    // The synthetic keys stand for keys the data controller made; no national ids exist.
    await importParticipants(store, actor, DEMO_PROGRAMME, files.participants, 'participants.csv', {
      personKeysFromFile: true,
    });
    await importEvents(store, actor, DEMO_PROGRAMME, files.events, 'events.csv');
    await importEmployment(store, actor, DEMO_PROGRAMME, files.employment, 'employment.csv');
    const password = randomBytes(12).toString('base64url');
    for (const u of DEMO_USERS) {
      const userId = await createUser(store, {
        email: u.email,
        name: u.role,
        organisationId: u.organisationId,
        password,
      });
      if (u.role === 'funder') await makeDemoAdministrator(store, actor.id, u.email, userId);
    }
    await writeFile(join(store.dataDir, 'demo-password.txt'), `${password}\n`, { mode: 0o600 });
    await runEvaluation(store, actor, DEMO_PROGRAMME, DEMO_AS_OF);
    return password;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The demo's funder person administers the installation and the demo programme. */
async function makeDemoAdministrator(store: Store, actor: string, email: string, userId: string) {
  const roles = [
    { role: 'platform_admin' as const, programme_id: null },
    { role: 'programme_admin' as const, programme_id: DEMO_PROGRAMME },
  ];
  await store.db.transaction().execute(async (tx) => {
    for (const r of roles) {
      await tx
        .insertInto('user_roles')
        .values({ user_id: userId, ...r, granted_by: actor })
        .execute();
      await appendAudit(tx, {
        actor,
        action: 'grant',
        entity: 'user',
        entityId: email,
        reason: r.programme_id === null ? r.role : `${r.role}:${r.programme_id}`,
        data: { user_id: userId, role: r.role, programme: r.programme_id },
      });
    }
  });
}
