/**
 * The dashboard's facts are read ahead of their readers: when the server is ready, and when a
 * run succeeds, with no one asking for the dashboard (services/dashboard-warming.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOfFactsHeld } from '../../src/services/dashboard-facts.js';
import { startTinyServer, succeeded, type TinyServer } from './tiny-server.js';

const SLOW = { timeout: 60_000, interval: 100 };

describe('dashboard facts read ahead', () => {
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

    const figures = await api.call('investor', '/programmes/tiny/dashboard/figures');
    expect(figures.statusCode, figures.body).toBe(200);
    expect(figures.json().run).toBe(next);
  });
});
