/**
 * The read API (issue #8 part 4) against a real server on the worked example: what each role
 * may read and gets (a provider only its own participants, 404 for another's; an investor
 * aggregates only), paging, the explanation of outcomes cut by a cap, and errors as problem
 * details in the request's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onServer } from '../support/test-store.js';
import { type Caller, startTinyServer, type TinyServer } from './tiny-server.js';

let s: TinyServer;

beforeAll(async () => {
  s = await startTinyServer();
});

afterAll(async () => {
  await s?.close();
});

/** Status per caller for one URL. */
async function statuses(url: string): Promise<Record<Caller, number>> {
  const got: Partial<Record<Caller, number>> = {};
  for (const who of [
    'anonymous',
    'funder',
    'provider',
    'providerB',
    'verifier',
    'investor',
  ] as const)
    got[who] = (await s.call(who, url)).statusCode;
  return got as Record<Caller, number>;
}

describe(`the read API on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  it('answers each role as the write endpoints do', async () => {
    const everyone = { funder: 200, provider: 200, providerB: 200, verifier: 200, investor: 200 };
    const noInvestor = { ...everyone, investor: 403 };
    const funderVerifier = { ...everyone, provider: 403, providerB: 403, investor: 403 };
    const want: [string, Record<string, number>][] = [
      ['/me', everyone],
      ['/programmes', everyone],
      ['/programmes/tiny/runs', everyone],
      ['/programmes/tiny/bills', funderVerifier],
      [`/bills/${s.billId}`, funderVerifier],
      [`/bills/${s.billId}/lines`, funderVerifier],
      ['/programmes/tiny/samples', funderVerifier],
      ['/programmes/tiny/imports', noInvestor],
      // P02 is prov-a's: the other provider gets 404, as for a participant that does not exist.
      ['/programmes/tiny/participants/P02', { ...noInvestor, providerB: 404 }],
      [`/runs/${s.runId}/participants/P02/explanation`, { ...noInvestor, providerB: 404 }],
      ['/programmes/tiny/participants/P08', { ...noInvestor, provider: 404 }],
    ];
    for (const [url, expected] of want)
      expect({ url, ...(await statuses(url)) }).toEqual({ url, anonymous: 401, ...expected });
  });

  it('tells who is calling and in which programmes, with the role', async () => {
    const me = (await s.call('verifier', '/me')).json();
    expect(me).toMatchObject({
      id: 'verifier@example.org',
      name: 'The verifier',
      role: 'verifier',
      organisation: { id: 'audit-co' },
      credential: { kind: 'session' },
    });
    const robot = (await s.call('providerB', '/me')).json();
    expect(robot).toMatchObject({
      role: 'provider',
      organisation: { id: 'prov-b' },
      credential: { kind: 'token', scopes: ['read', 'write'] },
    });
    const programmes = (await s.call('investor', '/programmes')).json().programmes;
    expect(programmes).toEqual([
      expect.objectContaining({ id: 'tiny', role: 'investor', funder: expect.any(Object) }),
    ]);
  });

  it('reads a bill with its run, totals by outcome, approvals and lines, a page at a time', async () => {
    await s.call('verifier', `/bills/${s.billId}/verify`, {
      method: 'POST',
      body: { reason: 'sample checked' },
    });
    const bill = (await s.call('funder', `/bills/${s.billId}`)).json();
    expect(bill).toMatchObject({
      id: s.billId,
      status: 'verified',
      total_cents: 700000,
      lines: 14,
      run: { as_of: '2019-06-30', paid_cents: 700000 },
      created_by: 'funder@example.org',
    });
    expect(bill.approvals.map((a: { action: string; by: string }) => [a.action, a.by])).toEqual([
      ['draft', 'funder@example.org'],
      ['verify', 'verifier@example.org'],
    ]);
    const byOutcome = bill.by_outcome.reduce(
      (sum: number, o: { total_cents: number }) => sum + o.total_cents,
      0,
    );
    expect(byOutcome).toBe(bill.total_cents);
    const lines: { participant_id: string; outcome_id: string; amount_cents: number }[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const url: string = `/bills/${s.billId}/lines?limit=4${cursor ? `&cursor=${cursor}` : ''}`;
      const answer: { lines: typeof lines; next: string | null } = (
        await s.call('verifier', url)
      ).json();
      lines.push(...answer.lines);
      cursor = answer.next;
      if (cursor === null) break;
    }
    expect(lines).toHaveLength(14);
    expect(lines.reduce((sum, l) => sum + l.amount_cents, 0)).toBe(700000);
    const keys = lines.map((l) => `${l.participant_id} ${l.outcome_id}`);
    expect(new Set(keys).size).toBe(14);
    expect(keys).toEqual([...keys].sort());
    const prov = (await s.call('funder', `/bills/${s.billId}/lines?provider=prov-b`)).json();
    expect(prov.lines.every((l: { provider_id: string }) => l.provider_id === 'prov-b')).toBe(true);
    expect(prov.lines.length).toBeGreaterThan(0);
    const made = await s.call('funder', `/bills/${s.billId}/lines?cursor=not-one-of-ours`);
    expect(made.statusCode).toBe(400);
  });

  it('lists bills, runs and samples newest first, filtered and paged', async () => {
    const runs = (await s.call('investor', '/programmes/tiny/runs')).json().runs;
    expect(runs.map((r: { id: string }) => Number(r.id))).toEqual(
      [...runs.map((r: { id: string }) => Number(r.id))].sort((a, b) => b - a),
    );
    expect(runs.length).toBeGreaterThanOrEqual(2);
    const first = (await s.call('funder', '/programmes/tiny/runs?limit=1')).json();
    expect(first.runs).toHaveLength(1);
    const second = (
      await s.call('funder', `/programmes/tiny/runs?limit=1&cursor=${first.next}`)
    ).json();
    expect(Number(second.runs[0].id)).toBeLessThan(Number(first.runs[0].id));
    expect((await s.call('funder', '/programmes/tiny/runs?status=failed')).json().runs).toEqual([]);
    expect((await s.call('funder', '/programmes/tiny/runs?to=2019-01-01')).json().runs).toEqual([]);
    const bills = (await s.call('verifier', '/programmes/tiny/bills?status=verified')).json();
    expect(bills.bills.map((b: { id: string }) => b.id)).toContain(s.billId);
    expect((await s.call('verifier', '/programmes/tiny/bills?status=paid')).json().bills).toEqual(
      [],
    );
    const samples = (await s.call('verifier', '/programmes/tiny/samples')).json().samples;
    expect(samples[0]).toMatchObject({ id: s.sampleId, seed: 'read-tests-seed', size: 3 });
  });

  it("lists imports, a provider only its own organisation's", async () => {
    const csv = 'participant_id,provider_id,enrolled_on\nR1,prov-a,2018-05-01\n';
    const sent = await s.call(
      'provider',
      '/programmes/tiny/participants?format=csv&name=new-starters.csv',
      { method: 'POST', body: csv },
    );
    expect(sent.statusCode).toBe(201);
    const all = (await s.call('funder', '/programmes/tiny/imports')).json().imports;
    expect(all.map((i: { kind: string; file: string }) => `${i.kind} ${i.file}`)).toEqual([
      'participants new-starters.csv',
      'employment employment.csv',
      'events events.csv',
      'participants participants.csv',
    ]);
    expect(all[1]).toMatchObject({ rows: 35, dataset: { status: 'in_force' } });
    const own = (await s.call('provider', '/programmes/tiny/imports')).json().imports;
    expect(own).toEqual([expect.objectContaining({ file: 'new-starters.csv', rows: 1 })]);
    expect((await s.call('providerB', '/programmes/tiny/imports')).json().imports).toEqual([]);
    const byProvider = await s.call('funder', '/programmes/tiny/imports?provider=prov-a');
    expect(byProvider.json().imports).toHaveLength(1);
    const employment = await s.call('verifier', '/programmes/tiny/imports?kind=employment&limit=1');
    expect(employment.json()).toMatchObject({ imports: [{ kind: 'employment' }], next: null });
  });

  it('reads a participant with events, employment months and achievements', async () => {
    const p = (await s.call('provider', '/programmes/tiny/participants/P02')).json();
    expect(p).toMatchObject({
      participant_id: 'P02',
      provider_id: 'prov-a',
      enrolled_on: '2018-05-02',
      employment_key: 'matched',
      attributes: { group: 'conflict_victim' },
    });
    expect(p.events.map((e: { type: string }) => e.type)).toEqual([
      'pre_assessment',
      'post_assessment',
      'training_completed',
    ]);
    expect(p.employment_months).toContainEqual({
      month: '2018-09',
      earnings: '1500.00',
      employers: 1,
    });
    expect(p.achievements).toEqual([
      expect.objectContaining({ outcome_id: 'job_start', amount_cents: 112000, status: 'paid' }),
      expect.objectContaining({
        outcome_id: 'retained_3m',
        price_cents: 100000,
        amount_cents: 88000,
        status: 'partially_capped',
      }),
    ]);
    // P11 has no person key: no employment can be matched to it.
    const p11 = (await s.call('funder', '/programmes/tiny/participants/P11')).json();
    expect(p11).toMatchObject({ employment_key: 'none', employment_months: [] });
    expect((await s.call('funder', '/programmes/tiny/participants/NOPE')).statusCode).toBe(404);
    const otherRun = await s.call('funder', '/programmes/tiny/participants/P02?run=999999');
    expect(otherRun.statusCode).toBe(404);
  });

  it('explains an outcome cut by the per-participant cap, and one the total cap left unpaid', async () => {
    const p02 = await s.call('provider', `/runs/${s.runId}/participants/P02/explanation`);
    expect(p02.statusCode).toBe(200);
    const body = p02.json();
    expect(body).toMatchObject({
      run: s.runId,
      participant_id: 'P02',
      segment: 'harder_to_help',
      eligible: true,
      as_of: '2019-06-30',
    });
    const outcome = (id: string, of = body) =>
      of.outcomes.find((o: { outcome: string }) => o.outcome === id);
    expect(outcome('retained_3m')).toMatchObject({
      achieved: true,
      achieved_on: '2018-12-31',
      payment: {
        price_cents: 100000,
        amount_cents: 88000,
        status: 'partially_capped',
        cut_by: 'participant',
      },
    });
    expect(outcome('retained_3m').reasons).toContain(
      'price 1000.00 cut to 880.00 by the per-participant cap',
    );
    expect(outcome('retained_3m').reason_codes).toContain('explain.cut_by_participant_cap');
    // The same explanation asked for in Spanish and in French: the reasons in that language,
    // code for code, with the data (amounts, days) as the run wrote them.
    for (const [language, words] of [
      ['es', 'precio 1000.00 reducido a 880.00 por el tope por participante'],
      ['fr', 'prix 1000.00 réduit à 880.00 par le plafond par participant'],
    ] as const) {
      const res = await s.call('funder', `/runs/${s.runId}/participants/P02/explanation`, {
        headers: { 'accept-language': language },
      });
      expect(res.headers['content-language']).toBe(language);
      const translated = res.json();
      expect(outcome('retained_3m', translated).reasons).toContain(words);
      expect(translated.outcomes.map((o: { reason_codes: string[] }) => o.reason_codes)).toEqual(
        body.outcomes.map((o: { reason_codes: string[] }) => o.reason_codes),
      );
      for (const o of translated.outcomes as { reasons: string[] }[])
        for (const r of o.reasons)
          expect(body.outcomes.flatMap((b: { reasons: string[] }) => b.reasons)).not.toContain(r);
    }
    expect(outcome('retained_3m').evidence.months).toContainEqual({
      month: '2018-12',
      earnings: '1500.00',
    });
    expect(outcome('training_completed')).toMatchObject({
      achieved: false,
      payment: null,
      evidence: { events: [{ type: 'training_completed', verified: false }] },
    });
    const p08 = (await s.call('funder', `/runs/${s.runId}/participants/P08/explanation`)).json();
    expect(outcome('retained_3m', p08).payment).toMatchObject({
      amount_cents: 0,
      status: 'capped_total',
      cut_by: 'total',
    });
    // Enrolled on 2019-07-01, after the run's as-of day.
    const late = await s.call('funder', `/runs/${s.runId}/participants/P12/explanation`);
    expect(late.statusCode).toBe(404);
    expect(late.json()).toMatchObject({ error: 'not_in_run' });
    expect(late.json().detail).toContain('2019-06-30');
  });
});

describe('errors', () => {
  it('are problem details, with the members clients read before', async () => {
    const res = await s.call('funder', '/programmes/tiny/participants/NOPE');
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const id = res.headers['x-request-id'];
    expect(res.json()).toEqual({
      type: 'urn:resulta:problem:not_found',
      title: 'Not found',
      status: 404,
      detail: 'not found',
      instance: `urn:uuid:${id}`,
      error: 'not_found',
      message: 'not found',
      problems: [],
      request_id: id,
    });
    const bad = await s.call('funder', '/programmes/tiny/bills', {
      method: 'POST',
      body: { period_end: '2018-02-30' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({
      type: 'urn:resulta:problem:invalid_input',
      status: 422,
      error: 'invalid_input',
      problems: [{ code: 'bill.period_end' }],
    });
    expect(bad.json().detail).toBe(bad.json().problems[0].message);
  });

  it('answer an unknown path 404, signed in or not', async () => {
    for (const who of ['anonymous', 'funder'] as const)
      for (const url of ['/nothing', '/programmes/tiny/nothing', '/bills/1/nothing']) {
        const res = await s.call(who, url);
        expect({ who, url, status: res.statusCode, error: res.json().error }).toEqual({
          who,
          url,
          status: 404,
          error: 'not_found',
        });
      }
  });

  it("speak the request's language", async () => {
    const say = async (language: string, who: Caller, url: string) => {
      const res = await s.call(who, url, { headers: { 'accept-language': language } });
      return [res.headers['content-language'], res.json().title, res.json().detail];
    };
    expect(await say('es-AR,es;q=0.9', 'anonymous', '/me')).toEqual([
      'es',
      'Es necesario iniciar sesión',
      'inicie sesión o envíe un token de API',
    ]);
    expect(await say('fr-SN', 'investor', '/programmes/tiny/bills')).toEqual([
      'fr',
      'Action non autorisée',
      'votre organisation n’est pas autorisée à faire cela ici',
    ]);
    expect(await say('de', 'funder', '/nothing')).toEqual(['en', 'Not found', 'not found']);
    const late = await s.call('funder', `/runs/${s.runId}/participants/P12/explanation`, {
      headers: { 'accept-language': 'fr' },
    });
    expect(late.json().detail).toBe(
      'le participant « P12 » ne figure pas dans l’exécution ' +
        `${s.runId} : il a été inscrit après la date d’arrêté 2019-06-30, ou après l’exécution`,
    );
    // A problem from the catalogue, in Spanish: a contract typo in a new version.
    const contract = await s.call('funder', '/programmes/tiny/contract-versions', {
      method: 'POST',
      body: { yaml: 'not: a contract', reason: 'matrix' },
      headers: { 'accept-language': 'es' },
    });
    expect(contract.statusCode).toBe(422);
    expect(contract.json().title).toBe('Los datos enviados tienen problemas');
    expect(contract.json().problems[0].message).not.toBe(
      (
        await s.call('funder', '/programmes/tiny/contract-versions', {
          method: 'POST',
          body: { yaml: 'not: a contract', reason: 'matrix' },
        })
      ).json().problems[0].message,
    );
  });
});
