/**
 * GET /programmes/{p}/participant-search and GET /programmes/{p}/contract on the worked
 * example (examples/tiny, run as of 2019-06-30): pages that chain without gaps, a prefix,
 * a provider's scope, and filters on segment, eligibility and outcome status checked against
 * the engine's own outputs for that day (examples/tiny/expected), not against the search.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prefixEnd } from '../../src/services/participant-search.js';
import { TINY } from '../support/tiny-programme.js';
import { startTinyServer, type TinyServer } from './tiny-server.js';

interface Found {
  participant_id: string;
  provider_id: string;
  in_run: boolean;
  segment: string | null;
  eligible: boolean | null;
  achievements: { outcome_id: string; status: string; amount_cents: number }[];
}
interface Answer {
  run: { id: string; as_of: string } | null;
  facets: { providers: { id: string; name: string }[] };
  participants: Found[];
  next: string | null;
}

let server: TinyServer;
let expected: { participants: string[][]; achievements: string[][] };

const csv = async (name: string) =>
  (await readFile(join(TINY, 'expected', name), 'utf8'))
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));

beforeAll(async () => {
  server = await startTinyServer();
  expected = {
    participants: await csv('participants.csv'),
    achievements: await csv('achievements.csv'),
  };
}, 120_000);
afterAll(() => server?.close());

async function search(who: 'funder' | 'provider', query: string): Promise<Answer> {
  const res = await server.call(who, `/programmes/tiny/participant-search?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Every id the search finds, page after page. */
async function all(who: 'funder' | 'provider', query: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const answer = await search(who, `${query}&limit=2${after ? `&after=${after}` : ''}`);
    ids.push(...answer.participants.map((p) => p.participant_id));
    after = answer.next;
    if (after === null) return ids;
  }
  throw new Error('more than 20 pages');
}

const expectedIds = (keep: (row: string[]) => boolean) =>
  expected.participants.filter(keep).map((r) => r[0] as string);

describe('participant search', () => {
  it('pages through every participant in id order, a prefix and a provider', async () => {
    const everyone = [...Array(13)].map((_, i) => `P${String(i + 1).padStart(2, '0')}`);
    expect(await all('funder', 'q=')).toEqual(everyone);
    expect(await all('funder', 'q=P1')).toEqual(['P10', 'P11', 'P12', 'P13']);
    expect(await all('funder', 'q=P13')).toEqual(['P13']);
    expect(await all('funder', 'q=p1')).toEqual([]);
    expect(await all('funder', 'provider=prov-b')).toEqual([
      'P04',
      'P05',
      'P06',
      'P08',
      'P09',
      'P12',
    ]);
  });

  it('shows a provider its own participants only, whatever it asks', async () => {
    const own = ['P01', 'P02', 'P03', 'P07', 'P10', 'P11', 'P13'];
    expect(await all('provider', 'q=')).toEqual(own);
    expect(await all('provider', 'provider=prov-b')).toEqual(own);
    expect(await all('provider', 'status=achieved')).toEqual(['P01', 'P02', 'P07', 'P11', 'P13']);
    const investor = await server.call('investor', '/programmes/tiny/participant-search');
    expect(investor.statusCode).toBe(403);
  });

  it('filters by segment and eligibility as the engine decided them', async () => {
    expect(await all('funder', 'segment=harder_to_help')).toEqual(
      expectedIds((r) => r[3] === 'harder_to_help'),
    );
    expect(await all('funder', 'eligible=no')).toEqual(expectedIds((r) => r[1] === 'false'));
    expect(await all('funder', 'eligible=yes&segment=standard&q=P0')).toEqual(
      expectedIds((r) => r[1] === 'true' && r[3] === 'standard' && r[0]?.startsWith('P0') === true),
    );
    expect(await all('funder', 'segment=nobody')).toEqual([]);
  });

  it('filters by outcome status as the run paid', async () => {
    const withStatus = (keep: (row: string[]) => boolean) => [
      ...new Set(
        expected.achievements
          .filter(keep)
          .map((r) => r[0] as string)
          .sort(),
      ),
    ];
    expect(await all('funder', 'status=capped')).toEqual(
      withStatus((r) => r[8] !== 'paid' && r[8] !== 'out_of_period'),
    );
    expect(await all('funder', 'outcome=retained_3m&status=capped_total')).toEqual(
      withStatus((r) => r[3] === 'retained_3m' && r[8] === 'capped_total'),
    );
    expect(await all('funder', 'outcome=job_start')).toEqual(
      withStatus((r) => r[3] === 'job_start'),
    );
    const achievedSomething = new Set(withStatus(() => true));
    expect(await all('funder', 'status=not_achieved')).toEqual(
      expectedIds((r) => !achievedSomething.has(r[0] as string)),
    );
  });

  it("gives each row its segment, eligibility and the run's achievements", async () => {
    const answer = await search('funder', 'q=P0&limit=13');
    expect(answer.run?.as_of).toBe('2019-06-30');
    expect(answer.facets).toEqual({
      providers: [
        { id: 'prov-a', name: 'prov-a' },
        { id: 'prov-b', name: 'prov-b' },
      ],
      segments: ['harder_to_help', 'standard'],
      outcomes: ['training_completed', 'learning_gain', 'job_start', 'retained_3m', 'earnings_6m'],
      currency: 'ARS',
    });
    expect((await search('provider', 'q=P01')).facets.providers).toEqual([
      { id: 'prov-a', name: 'prov-a' },
    ]);
    const p02 = answer.participants.find((p) => p.participant_id === 'P02');
    expect(p02).toMatchObject({ provider_id: 'prov-a', in_run: true, segment: 'harder_to_help' });
    expect(p02?.achievements).toEqual([
      { outcome_id: 'job_start', status: 'paid', amount_cents: 112000 },
      { outcome_id: 'retained_3m', status: 'partially_capped', amount_cents: 88000 },
    ]);
    const p12 = (await search('funder', 'q=P12')).participants[0];
    expect(p12).toMatchObject({ in_run: false, segment: null, eligible: null, achievements: [] });
  });

  it('refuses a status it does not know', async () => {
    const res = await server.call('funder', '/programmes/tiny/participant-search?status=lost');
    expect(res.statusCode).toBe(400);
  });

  it('knows where a prefix ends in byte order', () => {
    expect(prefixEnd('P0')).toBe('P1');
    expect(prefixEnd('az')).toBe('a{');
    expect(prefixEnd('a\u{10ffff}')).toBe('b');
    expect(prefixEnd('\u{d7ff}')).toBe('\u{e000}');
    expect(prefixEnd('')).toBeNull();
  });
});

describe('the contract, every version', () => {
  it('gives every version with its file, and the one in force', async () => {
    const res = await server.call('investor', '/programmes/tiny/contract');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.in_force).toEqual({ version: 1, title: 'Tiny worked example', currency: 'ARS' });
    expect(body.versions).toHaveLength(1);
    expect(body.versions[0]).toMatchObject({ version: 1, status: 'in_force', correction: null });
    expect(body.versions[0].yaml).toBe(await readFile(join(TINY, 'contract.yaml'), 'utf8'));
    expect((await server.call('provider', '/programmes/other/contract')).statusCode).toBe(404);
  });
});
