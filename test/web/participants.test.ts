/**
 * The participants pages in a real browser against a real server with the demo: a provider
 * searches its list (the API's rows, its own only), filters it down to participants whose
 * training was not achieved, opens one and reads why (the engine's reason, as the API's
 * explanation gives it), and finds another provider's participant simply not found; the
 * funder filters by provider and status, on a laptop and a tablet, in Spanish. No console
 * errors, no serious axe violations, a screenshot of every view.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertAccessible,
  assertFitsWidth,
  launchBrowser,
  openPage,
  screenshot,
  signInAs,
  TABLET,
} from './support/browser.js';
import { DEMO_PROGRAMME, type RunningServer, startServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const LIST = `/app/programmes/${DEMO_PROGRAMME}/participants`;
const SEARCH = `/programmes/${DEMO_PROGRAMME}/participant-search`;

interface Found {
  participant_id: string;
  provider_id: string;
}
interface SearchAnswer {
  participants: Found[];
  facets: { providers: { id: string; name: string }[] };
}
interface Explanation {
  outcomes: { outcome: string; achieved: boolean; reasons: string[] }[];
}

async function rowIds(page: Page): Promise<string[]> {
  const cells = page.getByTestId('participant-row').locator('td:first-child');
  return (await cells.allInnerTexts()).map((t) => t.trim());
}

/** Waits until the table shows exactly `ids` (the search answered and was drawn). */
async function expectRows(page: Page, ids: string[]): Promise<void> {
  await expect.poll(() => rowIds(page), { timeout: 15_000 }).toEqual(ids);
}

describe('participants', () => {
  it('lets a provider search its own, open one and see why an outcome was not paid', async () => {
    const token = await server.token('provider1@demo.resulta.org');
    const first = await server.getJson<SearchAnswer>(token, `${SEARCH}?limit=50`);
    expect(first.participants.every((p) => p.provider_id === 'prov-1')).toBe(true);

    const { page, assertNoErrors, close } = await openPage(browser);
    await signInAs(page, server.url, 'provider1@demo.resulta.org', server.password);
    await page.goto(`${server.url}${LIST}`);
    await expectRows(
      page,
      first.participants.map((p) => p.participant_id),
    );
    // A provider sees its own only, so it is not offered a choice of provider.
    expect(await page.getByLabel('Provider', { exact: true }).count()).toBe(0);
    await assertAccessible(page, 'participants list (provider)');
    await screenshot(page, 'participants', 'provider-list');

    // Searching by the start of an id: the API's answer for the same prefix.
    const prefix = 'P00001';
    const byPrefix = await server.getJson<SearchAnswer>(token, `${SEARCH}?q=${prefix}&limit=50`);
    expect(byPrefix.participants.length).toBeGreaterThan(0);
    await page.getByTestId('search-id').fill(prefix);
    await expectRows(
      page,
      byPrefix.participants.map((p) => p.participant_id),
    );
    await expect.poll(() => page.url()).toContain(`q=${prefix}`);
    await screenshot(page, 'participants', 'provider-search');

    // Down to those whose training was not achieved: the API's answer for those filters.
    const notTrained = await server.getJson<SearchAnswer>(
      token,
      `${SEARCH}?outcome=training_completed&status=not_achieved&limit=50`,
    );
    const chosen = notTrained.participants[0]?.participant_id;
    expect(chosen).toBeDefined();
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await page.getByLabel('Outcome', { exact: true }).selectOption('training_completed');
    await page.getByLabel('Outcome status').selectOption('not_achieved');
    await expectRows(
      page,
      notTrained.participants.map((p) => p.participant_id),
    );
    await assertAccessible(page, 'participants filtered');
    await screenshot(page, 'participants', 'provider-not-trained');

    // The participant's page: the engine's reason for the outcome, as the API explains it.
    const detail = await server.getJson<{ run: { id: string } }>(
      token,
      `/programmes/${DEMO_PROGRAMME}/participants/${chosen}`,
    );
    const explanation = await server.getJson<Explanation>(
      token,
      `/runs/${detail.run.id}/participants/${chosen}/explanation`,
    );
    const training = explanation.outcomes.find((o) => o.outcome === 'training_completed');
    expect(training?.achieved).toBe(false);
    await page.getByRole('link', { name: chosen as string, exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/participants/${chosen}`));
    await page.getByTestId('explanation').waitFor({ timeout: 60_000 });
    const card = page.getByTestId('outcome').filter({ hasText: 'training_completed' });
    await expect.poll(() => card.getByTestId('outcome-status').textContent()).toBe('Not achieved');
    expect((await card.getByTestId('reason').allInnerTexts()).map((r) => r.trim())).toEqual(
      training?.reasons,
    );
    expect(await page.getByTestId('timeline').count()).toBe(1);
    await assertAccessible(page, 'participant page');
    await screenshot(page, 'participants', 'provider-participant');

    // Another provider's participant is not found, as the API answers it: no crash.
    const other = await server.getJson<SearchAnswer>(
      await server.token('provider2@demo.resulta.org'),
      `${SEARCH}?limit=1`,
    );
    const theirs = other.participants[0]?.participant_id as string;
    await page.goto(`${server.url}${LIST}/${theirs}`);
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByTestId('not-found').textContent()).toContain(theirs);
    await assertAccessible(page, 'participant not found');
    await screenshot(page, 'participants', 'provider-not-found');
    // The API's 404 for that participant is the browser's one console line; nothing else.
    assertNoErrors([/status of 404/]);
    expect(page.url()).toContain(theirs);
    await close();
  }, 180_000);

  it('lets the funder filter by provider and status, on a tablet, in Spanish', async () => {
    const token = await server.token('funder@demo.resulta.org');
    const capped = await server.getJson<SearchAnswer>(
      token,
      `${SEARCH}?provider=prov-2&status=capped&limit=50`,
    );
    const { page, assertNoErrors, close } = await openPage(browser, { viewport: TABLET });
    await signInAs(page, server.url, 'funder@demo.resulta.org', server.password);
    await page.goto(`${server.url}${LIST}?provider=prov-2&status=capped`);
    await expectRows(
      page,
      capped.participants.map((p) => p.participant_id),
    );
    expect(await page.getByLabel('Provider', { exact: true }).inputValue()).toBe('prov-2');
    await assertAccessible(page, 'participants tablet');
    await assertFitsWidth(page, 'participants tablet');
    await screenshot(page, 'participants', 'funder-tablet-capped');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Participantes');
    await expect.poll(() => page.getByTestId('run-line').textContent()).toContain('Segmento');
    await screenshot(page, 'participants', 'funder-tablet-es');

    const chosen = capped.participants[0]?.participant_id as string;
    await page.getByRole('link', { name: chosen, exact: true }).click();
    await page.getByTestId('explanation').waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.getByTestId('outcome-status').allInnerTexts())
      .toContainEqual(expect.stringMatching(/tope/i));
    // The engine's reasons in Spanish too, as the API words them for a Spanish reader.
    const funder = await server.token('funder@demo.resulta.org');
    const { run } = await server.getJson<{ run: { id: string } }>(
      funder,
      `/programmes/${DEMO_PROGRAMME}/participants/${chosen}`,
    );
    const inSpanish = await server.getJson<Explanation>(
      funder,
      `/runs/${run.id}/participants/${chosen}/explanation`,
      'es',
    );
    const reasons = inSpanish.outcomes.flatMap((o) => o.reasons);
    expect(reasons.some((r) => /tope|logr|ningún|empleado|pagado/.test(r))).toBe(true);
    await expect
      .poll(async () => (await page.getByTestId('reason').allInnerTexts()).map((r) => r.trim()))
      .toEqual(reasons);
    await assertAccessible(page, 'participant tablet es');
    await assertFitsWidth(page, 'participant tablet es');
    await screenshot(page, 'participants', 'funder-tablet-participant-es');
    assertNoErrors();
    await close();
  }, 180_000);
});
