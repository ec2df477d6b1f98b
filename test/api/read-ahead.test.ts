/**
 * What the dashboard and the participant pages ask is read ahead of them (services/
 * read-ahead.ts): the dashboard's facts when the server is ready and when a run succeeds, and
 * a succeeded run's explanation index, with no one asking.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOfFactsHeld } from '../../src/services/dashboard-facts.js';
import { startTinyServer, succeeded, type TinyServer } from './tiny-server.js';

const SLOW = { timeout: 60_000, interval: 100 };

describe('reading ahead', () => {
  let api: TinyServer;
  beforeAll(async () => {
    api = await startTinyServer();
  }, 180_000);
  afterAll(() => api?.close());

  it('holds the latest run’s facts without a request, and the next run’s once it succeeds', async () => {
    // Drafting the bill in the set-up evaluated a run of its own after api.runId: the latest.
    const runs = (await api.call('funder', '/programmes/tiny/runs')).json();
    const latest = runs.runs.find((r: { status: string }) => r.status === 'succeeded')?.id;
    expect(Number(latest)).toBeGreaterThan(Number(api.runId));
    await expect.poll(() => runOfFactsHeld(api.store, 'tiny'), SLOW).toBe(latest);

    const started = await api.call('funder', '/programmes/tiny/runs', {
      method: 'POST',
      body: { as_of: '2019-12-31' },
    });
    expect(started.statusCode, started.body).toBe(202);
    const next = started.json().id as string;
    await succeeded(api.call, next);
    await expect.poll(() => runOfFactsHeld(api.store, 'tiny'), SLOW).toBe(next);
    // /healthz says when the server has nothing left to read ahead.
    const readingAhead = async () =>
      (await api.call('anonymous', '/healthz')).json().reading_ahead as boolean;
    await expect.poll(readingAhead, SLOW).toBe(false);

    const figures = await api.call('investor', '/programmes/tiny/dashboard/figures');
    expect(figures.statusCode, figures.body).toBe(200);
    expect(figures.json().run).toBe(next);
  });

  it('writes a succeeded run’s explanation index, which then answers for it', async () => {
    const run = (await api.call('funder', `/runs/${api.runId}`)).json();
    const index = join(api.store.dataDir, 'explanations', `${run.evidence_pack_sha256}.duckdb`);
    await expect.poll(() => existsSync(index), SLOW).toBe(true);
    const answer = await api.call('provider', `/runs/${api.runId}/participants/P01/explanation`);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ participant_id: 'P01', provider_id: 'prov-a' });
    const elsewhere = await api.call('provider', `/runs/${api.runId}/participants/P04/explanation`);
    expect(elsewhere.statusCode).toBe(404);
  });
});
