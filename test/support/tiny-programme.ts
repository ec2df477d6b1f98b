/** The spec's worked example as a programme in the store: contract, participants, events, employment. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Actor } from '../../src/services/actor.js';
import {
  importEmployment,
  importEvents,
  importParticipants,
} from '../../src/services/import-data.js';
import { createProgramme } from '../../src/services/programmes.js';
import type { Store } from '../../src/store/database.js';

export const TINY = join(import.meta.dirname, '../../examples/tiny');

const org = (id: string) => ({ id, name: id });

export async function seedTinyProgramme(
  store: Store,
  actor: Actor = { id: 'setup' },
): Promise<void> {
  await createProgramme(store, actor, {
    id: 'tiny',
    title: 'Tiny worked example',
    funder: org('ministry'),
    providers: [org('prov-a'), org('prov-b')],
    verifiers: [org('audit-co')],
    investors: [org('impact-fund')],
    contractYaml: await readFile(join(TINY, 'contract.yaml'), 'utf8'),
  });
  await importParticipants(
    store,
    actor,
    'tiny',
    join(TINY, 'participants.csv'),
    'participants.csv',
    // The worked example's keys stand for keys the data controller made.
    { personKeysFromFile: true },
  );
  await importEvents(store, actor, 'tiny', join(TINY, 'events.csv'), 'events.csv');
  await importEmployment(store, actor, 'tiny', join(TINY, 'employment.csv'), 'employment.csv');
}
