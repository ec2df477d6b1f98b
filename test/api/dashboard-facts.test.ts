/**
 * The dashboard's facts as read from a store (src/services/dashboard-facts.ts) against the
 * store's own rows, counted in SQL: every participant the run saw, every achievement with its
 * amount, month and provider, so that a change in how the facts are read fails here before
 * it reaches a chart.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardFacts } from '../../src/services/dashboard-facts.js';
import { dashboardFigures } from '../../src/services/dashboard-figures.js';
import { startTinyServer, type TinyServer } from './tiny-server.js';

describe('dashboard facts read from the store', () => {
  let api: TinyServer;
  beforeAll(async () => {
    api = await startTinyServer();
  }, 180_000);
  afterAll(() => api?.close());

  it('hold every participant and achievement of the latest run, as SQL counts them', async () => {
    const db = api.store.db;
    const run = await db
      .selectFrom('evaluation_runs')
      .select(['id', sql<string>`CAST(as_of AS text)`.as('as_of')])
      .where('programme_id', '=', 'tiny')
      .where('status', '=', 'succeeded')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const enrolled = await db
      .selectFrom('participants')
      .select(['provider_id', sql<string>`CAST(COUNT(*) AS text)`.as('n')])
      .where('programme_id', '=', 'tiny')
      .where('enrolled_on', '<=', run.as_of)
      .groupBy('provider_id')
      .execute();
    const achieved = await db
      .selectFrom('run_achievements')
      .select([
        sql<string>`to_char(achieved_on, 'YYYY-MM')`.as('month'),
        sql<string>`CAST(COUNT(*) AS text)`.as('n'),
        sql<string>`CAST(SUM(amount_cents) AS text)`.as('cents'),
      ])
      .where('run_id', '=', run.id)
      .groupBy(sql`to_char(achieved_on, 'YYYY-MM')`)
      .orderBy('month')
      .execute();

    const facts = await dashboardFacts(api.store, 'tiny');
    expect(facts.run?.id).toBe(String(run.id));
    const figures = dashboardFigures(facts);
    const total = (rows: { n: string }[]) => rows.reduce((sum, r) => sum + Number(r.n), 0);
    expect(figures.totals.enrolled).toBe(total(enrolled));
    expect(figures.totals.achieved).toBe(total(achieved));
    expect(figures.totals.payableCents).toBe(achieved.reduce((sum, r) => sum + Number(r.cents), 0));
    // Months between the first and the last achievement appear, achieved or not.
    const overTime = figures.overTime
      .map((m) => [m.month, m.achieved.reduce((a, b) => a + b, 0)])
      .filter(([, n]) => n !== 0);
    expect(overTime).toEqual(achieved.map((r) => [r.month, Number(r.n)]));
    expect(
      Object.fromEntries(
        figures.byProvider.filter((p) => p.enrolled > 0).map((p) => [p.id, p.enrolled]),
      ),
    ).toEqual(Object.fromEntries(enrolled.map((r) => [r.provider_id, Number(r.n)])));
    expect(facts.months).toEqual([...facts.months].sort());
  });
});
