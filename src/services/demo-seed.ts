/**
 * Seeds an empty store with the demo programme: the synthetic youth employment programme
 * (src/demo), three providers, a verifier and an investor, one user per role, and a first
 * evaluation run. The demo password is random, printed once and kept in the data folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_AS_OF } from '../demo/demo-contract.js';
import { writeDemoProgramme } from '../demo/demo-programme.js';
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

/** Seeds when the store has no programme yet; returns the demo password, or null. */
export async function seedDemo(store: Store, participants = 3000): Promise<string | null> {
  const existing = await store.db.selectFrom('programmes').select('id').limit(1).executeTakeFirst();
  if (existing) return null;
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
    for (const u of DEMO_USERS)
      await createUser(store, {
        email: u.email,
        name: u.role,
        organisationId: u.organisationId,
        password,
      });
    await writeFile(join(store.dataDir, 'demo-password.txt'), `${password}\n`, { mode: 0o600 });
    await runEvaluation(store, actor, DEMO_PROGRAMME, DEMO_AS_OF);
    return password;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
