/**
 * Checking an upload before anything is committed (`?check=true`) and reading it through a
 * column mapping (`?columns=`), as the web app's import page does: a file with problems is
 * refused with every problem by row and column and writes nothing; a good file checked
 * answers its rows and writes nothing; the same file imported with the same mapping is then
 * in the programme. Employment: a dataset already held is refused by the check too.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { createUser } from '../../src/services/identity.js';
import type { Store } from '../../src/store/database.js';
import { openTestStore } from '../support/test-store.js';
import { seedTinyProgramme } from '../support/tiny-programme.js';

const PASSWORD = 'correct horse battery staple';

let store: Store;
let app: FastifyInstance;
let funder: string;
let provider: string;

async function login(email: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/auth/login',
    payload: { email, password: PASSWORD },
  });
  return res.json().token;
}

const upload = (token: string, path: string, csv: string, locale = 'en') =>
  app.inject({
    method: 'POST',
    url: path,
    payload: csv,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'text/csv',
      'accept-language': locale,
    },
  });

const participantCount = async () =>
  Number(
    (
      await store.db
        .selectFrom('participants')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('programme_id', '=', 'tiny')
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  store = await openTestStore();
  await seedTinyProgramme(store);
  for (const [email, organisationId] of [
    ['funder@example.org', 'ministry'],
    ['provider@example.org', 'prov-a'],
  ] as const) {
    await createUser(store, { email, name: email, organisationId, password: PASSWORD });
  }
  app = await buildServer(store, { loginRateLimit: 1000 });
  funder = await login('funder@example.org');
  provider = await login('provider@example.org');
}, 120_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
});

describe('checking an upload before importing it', () => {
  const bad = [
    'participant_id,provider_id,enrolled_on',
    'N01,prov-a,2019-02-30',
    'N02,prov-a,2019-03-01',
    'N03,prov-b,2019-03-01',
  ].join('\n');

  it('reports every problem by row and column and writes nothing', async () => {
    const before = await participantCount();
    const res = await upload(provider, '/programmes/tiny/participants?format=csv&check=true', bad);
    expect(res.statusCode).toBe(422);
    const problems = res.json().problems as { row?: number; column?: string }[];
    expect(problems.map((p) => [p.row, p.column])).toEqual([[2, 'enrolled_on']]);
    expect(await participantCount()).toBe(before);
    // The cells fixed, what the store knows is checked too: prov-b is not this provider.
    const fixed = bad.replace('2019-02-30', '2019-02-28');
    const again = await upload(
      provider,
      '/programmes/tiny/participants?format=csv&check=true',
      fixed,
    );
    expect(again.statusCode).toBe(422);
    expect(
      again.json().problems.map((p: { row: number; column: string }) => [p.row, p.column]),
    ).toEqual([[4, 'provider_id']]);
    expect(await participantCount()).toBe(before);
  });

  it('answers the rows of a good file, writes nothing, then imports it with the same mapping', async () => {
    const good = ['Participante,Proveedor,Fecha de inscripción', 'N01,prov-a,2019-02-28'].join(
      '\n',
    );
    const columns = encodeURIComponent(
      JSON.stringify({
        participante: 'participant_id',
        ' PROVEEDOR ': 'provider_id',
        'Fecha de inscripción': 'enrolled_on',
      }),
    );
    const before = await participantCount();
    const unmapped = await upload(
      funder,
      '/programmes/tiny/participants?format=csv&check=true',
      good,
    );
    expect(unmapped.statusCode).toBe(422);
    expect(
      unmapped
        .json()
        .problems.map((p: { column: string }) => p.column)
        .sort(),
    ).toEqual(['enrolled_on', 'participant_id', 'provider_id']);

    const path = `/programmes/tiny/participants?format=csv&name=nuevos.csv&columns=${columns}`;
    const checked = await upload(funder, `${path}&check=true`, good);
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toEqual({ checked: 'nuevos.csv', rows: 1 });
    expect(await participantCount()).toBe(before);

    const imported = await upload(funder, path, good);
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ imported: 'nuevos.csv', rows: 1 });
    expect(await participantCount()).toBe(before + 1);
    // Checked again, the same file now names a participant the programme holds.
    const again = await upload(funder, `${path}&check=true`, good);
    expect(again.statusCode).toBe(422);
    expect(again.json().problems[0]).toMatchObject({ row: 2, column: 'participant_id' });
  });

  it('checks events through the same rules, a provider for its own participants only', async () => {
    const events = [
      'participant_id,type,occurred_on',
      'P01,job_start,2019-01-10',
      'P04,job_start,2019-01-10',
    ].join('\n');
    const res = await upload(provider, '/programmes/tiny/events?format=csv&check=true', events);
    expect(res.statusCode).toBe(422);
    expect(res.json().problems).toEqual([
      expect.objectContaining({ row: 3, column: 'participant_id' }),
    ]);
  });

  it('refuses an employment dataset the programme holds, and checks a new one without keeping it', async () => {
    const datasets = async () =>
      (
        await app.inject({
          method: 'GET',
          url: '/programmes/tiny/employment-datasets',
          headers: { authorization: `Bearer ${funder}` },
        })
      ).json().datasets.length;
    const before = await datasets();
    const held = await upload(
      funder,
      '/programmes/tiny/employment-datasets?format=csv&check=true',
      'person_key,month,employer_id,earnings\nK01,2018-06,E1,1200\n',
    );
    expect(held.statusCode).toBe(409);
    const fresh = await upload(
      funder,
      '/programmes/tiny/employment-datasets?format=csv&check=true',
      'person_key,month,employer_id,earnings\nK99,2019-05,E9,800\nK99,2019-06,E9,800\n',
    );
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().rows).toBe(2);
    expect(await datasets()).toBe(before);
  });

  it('refuses a mapping that is not a JSON object of column names', async () => {
    const res = await upload(
      funder,
      `/programmes/tiny/participants?format=csv&check=true&columns=${encodeURIComponent('["x"]')}`,
      'participant_id,provider_id,enrolled_on\n',
    );
    expect(res.statusCode).toBe(400);
  });
});
