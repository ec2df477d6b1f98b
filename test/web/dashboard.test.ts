/**
 * The programme dashboard in a real browser against a real server with the demo: the
 * funder's figures are the API's, a chart turns into its table and downloads as CSV, the
 * filters ask the API again, Spanish and French change words and number formats; a provider
 * and an investor see the dashboard (aggregates) and only their tasks. No console errors,
 * no serious axe violations, a screenshot of every view.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
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
import { DEMO_PROGRAMME, REPO, type RunningServer, startServer } from './support/server.js';

/** Pages on a busy machine take their time: poll for up to 20 s. */
const POLL = { timeout: 20_000, interval: 100 };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const DASHBOARD = `/app/programmes/${DEMO_PROGRAMME}/dashboard`;
const FIGURES = `/programmes/${DEMO_PROGRAMME}/dashboard/figures`;

interface Figures {
  currency: string;
  totals: { enrolled: number; achieved: number; payable: string; paid: string };
  funnel: { stage: string; participants: number }[];
}

const digits = (text: string | null) => (text ?? '').replace(/\D/g, '');

async function kpi(page: Page, id: string): Promise<string> {
  return (await page.getByTestId(`kpi-${id}`).getByTestId('kpi-value').textContent()) ?? '';
}

async function openDashboard(page: Page, email: string): Promise<void> {
  await signInAs(page, server.url, email, server.password);
  await page.waitForURL((url) => url.pathname === DASHBOARD);
  await page.getByTestId('kpi-payable').waitFor();
  // Charts drawn: the canvas of each card is there.
  await page.locator('[data-testid="funnel"] canvas').first().waitFor();
}

describe('the dashboard', () => {
  it('shows the funder the figures of the API, as charts, tables and CSV', async () => {
    const token = await server.token('funder@demo.resulta.org');
    const figures = await server.getJson<Figures>(token, FIGURES);
    const summary = await server.getJson<{ latest_run: { paid: string } }>(
      token,
      `/programmes/${DEMO_PROGRAMME}/dashboard`,
    );
    // The dashboard's payable is the latest run's paid amount, as GET …/dashboard says.
    expect(figures.totals.payable).toBe(summary.latest_run.paid);

    const { page, assertNoErrors, close } = await openPage(browser);
    const scripts = new Set<string>();
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith('.js')) scripts.add(path.replace('/app/', ''));
    });
    await openDashboard(page, 'funder@demo.resulta.org');
    expect(digits(await kpi(page, 'payable'))).toBe(digits(figures.totals.payable));
    expect(await kpi(page, 'payable')).toContain('2,018,120.00');
    // Sign-in and the dashboard, the first pages: their JavaScript, gzipped, under 500 KB.
    const sizes = await Promise.all(
      [...scripts].map(
        async (s) => gzipSync(await readFile(join(REPO, 'dist', 'web', s)), { level: 9 }).length,
      ),
    );
    const gzipped = sizes.reduce((a, b) => a + b, 0);
    console.log(
      `first page JavaScript: ${scripts.size} files, ${Math.round(gzipped / 1024)} KB gzipped`,
    );
    expect(gzipped).toBeLessThan(500 * 1024);
    expect(digits(await kpi(page, 'paid'))).toBe(digits(figures.totals.paid));
    expect(digits(await kpi(page, 'achieved'))).toBe(String(figures.totals.achieved));
    expect(digits(await kpi(page, 'enrolled'))).toBe(String(figures.totals.enrolled));
    await assertAccessible(page, 'dashboard');
    await assertFitsWidth(page, 'dashboard on a laptop');
    await screenshot(page, 'dashboard', 'funder-en');

    // The funnel as a table: a row per stage with the API's counts.
    const funnel = page.getByTestId('funnel');
    await funnel.getByText('Table', { exact: true }).click();
    const table = funnel.getByTestId('chart-table');
    await table.waitFor();
    const cells = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
    expect(cells.map((r) => r[0])).toEqual([
      'Enrolled',
      'Trained',
      'Started a job',
      'Retained in work',
    ]);
    expect(cells.map((r) => digits(r[1] ?? ''))).toEqual(
      figures.funnel.map((s) => String(s.participants)),
    );
    await assertAccessible(page, 'dashboard funnel table');
    await screenshot(page, 'dashboard', 'funder-funnel-table');

    // Its CSV: machine values (stage codes, plain numbers), whatever the language.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      funnel.getByRole('button', { name: /Download CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('pipeline.csv');
    const csv = (await readFile((await download.path()) ?? '', 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('Stage,Participants,Share of enrolled');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(
      figures.funnel.map((s) => `${s.stage},${s.participants}`),
    );
    assertNoErrors();
    await close();
  });

  it('filters by provider with the API answering the same', async () => {
    const token = await server.token('funder@demo.resulta.org');
    const filtered = await server.getJson<Figures>(token, `${FIGURES}?provider=prov-2`);
    const { page, assertNoErrors, close } = await openPage(browser);
    await openDashboard(page, 'funder@demo.resulta.org');
    await page.getByLabel('Provider', { exact: true }).selectOption('prov-2');
    await page.waitForURL(/provider=prov-2/);
    await expect
      .poll(async () => digits(await kpi(page, 'payable')), POLL)
      .toBe(digits(filtered.totals.payable));
    expect(digits(await kpi(page, 'enrolled'))).toBe(String(filtered.totals.enrolled));
    await screenshot(page, 'dashboard', 'funder-provider-2');
    assertNoErrors();
    await close();
  });

  it('speaks Spanish and French, with their number formats', async () => {
    const { page, assertNoErrors, close } = await openPage(browser);
    await openDashboard(page, 'funder@demo.resulta.org');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), POLL)
      .toBe('Panel del programa');
    await expect.poll(() => kpi(page, 'payable'), POLL).toMatch(/2\.018\.120,00/);
    expect(await page.getByTestId('as-of').textContent()).toContain('30 jun 2020');
    await assertAccessible(page, 'dashboard es');
    await screenshot(page, 'dashboard', 'funder-es');

    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('fr');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), POLL)
      .toBe('Tableau de bord du programme');
    // French groups with a narrow no-break space and writes a decimal comma.
    await expect.poll(() => kpi(page, 'payable'), POLL).toMatch(/2\u202f018\u202f120,00/);
    await assertAccessible(page, 'dashboard fr');
    await screenshot(page, 'dashboard', 'funder-fr');
    assertNoErrors();
    await close();
  });

  it('shows a provider the programme aggregates on a tablet', async () => {
    const { page, assertNoErrors, close } = await openPage(browser, { viewport: TABLET });
    await openDashboard(page, 'provider1@demo.resulta.org');
    expect(digits(await kpi(page, 'enrolled'))).toBe('3000');
    await assertFitsWidth(page, 'dashboard on a tablet');
    await assertAccessible(page, 'dashboard provider tablet');
    await screenshot(page, 'dashboard', 'provider-tablet');
    assertNoErrors();
    await close();
  });

  it('shows an investor aggregates only', async () => {
    const token = await server.token('investor@demo.resulta.org');
    const figures = await server.getJson<Figures>(token, FIGURES);
    const { page, assertNoErrors, close } = await openPage(browser);
    await openDashboard(page, 'investor@demo.resulta.org');
    expect(digits(await kpi(page, 'payable'))).toBe(digits(figures.totals.payable));
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    expect((await nav.getByRole('link').allTextContents()).map((t) => t.trim())).toEqual([
      'Dashboard',
      'Contract',
    ]);
    // The bills are not the investor's: back to the start, as the API refuses them.
    await page.goto(`${server.url}/app/programmes/${DEMO_PROGRAMME}/bills`);
    await page.waitForURL((url) => url.pathname === DASHBOARD);
    await page.getByTestId('kpi-payable').waitFor();
    const refused = await fetch(`${server.url}/programmes/${DEMO_PROGRAMME}/bills`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(refused.status).toBe(403);
    await assertAccessible(page, 'dashboard investor');
    await screenshot(page, 'dashboard', 'investor');
    assertNoErrors();
    await close();
  });
});
