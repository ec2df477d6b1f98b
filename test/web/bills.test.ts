/**
 * Runs, verification and bills in a real browser against a real server with the demo: the
 * verifier draws a sample and decides an event with a reason; the funder starts a run and
 * sees it finish, downloads its evidence pack (a zip with a manifest); the funder drafts the
 * bill for a period, the verifier verifies it, the funder approves and pays it, each with
 * its reason where the API takes one; the statement downloads as a PDF naming the
 * programme. Every page on a laptop, the bill also on a tablet and in Spanish; no console
 * errors, no serious axe violations, a screenshot of every view.
 */
import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawnStrings } from '../support/pdf-text.js';
import {
  assertAccessible,
  launchBrowser,
  openPage,
  screenshot,
  signInAs,
  TABLET,
} from './support/browser.js';
import { DEMO_PROGRAMME, type RunningServer, startServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;

/** How long a view may take to appear on a busy machine (CI shares its cores). */
const SLOW = { timeout: 30_000 };
/** A run or a bill evaluates the programme: up to two minutes on a loaded machine. */
const RUN = { timeout: 120_000 };
const BASE = () => `${server.url}/app/programmes/${DEMO_PROGRAMME}`;
const PERIOD_END = '2020-06-30';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The bytes of the file a click downloads, and its name. */
async function downloadOf(page: Page, button: Locator) {
  const [download] = await Promise.all([page.waitForEvent('download', RUN), button.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(path)) };
}

describe('runs and verification', () => {
  it('lets the verifier draw a sample and decide an event with a reason', async () => {
    const { page, assertNoErrors, close } = await openPage(browser);
    await signInAs(page, server.url, 'verifier@demo.resulta.org', server.password);
    await page.goto(`${BASE()}/runs?tab=verification`);
    await page.getByLabel('Events to draw').fill('5');
    await page.getByLabel('Seed').fill('web-test-seed-0001');
    await assertAccessible(page, 'samples');
    await screenshot(page, 'bills', 'samples');
    await page.getByRole('button', { name: 'Draw the sample' }).click();
    await page.waitForURL(/\/runs\/verification\/\d+/, SLOW);
    const sample = /verification\/(\d+)/.exec(page.url())?.[1] ?? '';
    await expect.poll(() => page.getByTestId('sampled-event').count(), SLOW).toBe(5);
    const evidence = page.getByTestId('event-evidence');
    await expect
      .poll(() => evidence.getByTestId('participant-events').locator('tbody tr').count(), SLOW)
      .toBeGreaterThan(0);
    await assertAccessible(page, 'sample');
    await screenshot(page, 'bills', 'sample');

    // A rejection needs a reason: the form says so before asking the server.
    await page.getByLabel('Rejected: it did not happen as reported').check();
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await expect.poll(() => page.getByText('Say why the event is rejected.').count()).toBe(1);
    await page
      .getByLabel('Reason')
      .fill('The attendance sheet for that day is not signed by the participant.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await expect
      .poll(() => page.getByTestId('sample-progress').textContent(), SLOW)
      .toBe('1 of 5 decided');
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Decision recorded');
    await assertAccessible(page, 'sample decided');
    await screenshot(page, 'bills', 'sample-decided');

    const token = await server.token('verifier@demo.resulta.org');
    const read = await server.getJson<{ events: { decision: string | null }[] }>(
      token,
      `/samples/${sample}`,
    );
    expect(read.events.map((e) => e.decision)).toEqual(['rejected', null, null, null, null]);
    assertNoErrors();
    await close();
  }, 300_000);

  it('lets the funder start a run, see it finish and download its evidence pack', async () => {
    const { page, assertNoErrors, close } = await openPage(browser);
    await signInAs(page, server.url, 'funder@demo.resulta.org', server.password);
    await page.goto(`${BASE()}/runs`);
    await expect
      .poll(() => page.getByTestId('runs-table').locator('tbody tr').count(), SLOW)
      .toBe(1);
    await assertAccessible(page, 'runs');
    await screenshot(page, 'bills', 'runs');
    await page.getByLabel('As of').fill(PERIOD_END);
    await page.getByRole('button', { name: 'Start the run' }).click();
    await page.waitForURL(/\/runs\/\d+$/, SLOW);
    const progress = page.getByTestId('run-progress');
    await expect.poll(() => progress.getByTestId('run-status').textContent(), RUN).toBe('Finished');
    const run = /runs\/(\d+)$/.exec(page.url())?.[1] ?? '';
    const token = await server.token('funder@demo.resulta.org');
    const state = await server.getJson<{ paid: string }>(token, `/runs/${run}`);
    // The page shows what the API says the run made payable, in the contract's currency.
    const payable = (await page.getByTestId('run-payable').textContent()) ?? '';
    expect(payable.replace(/[^\d.]/g, '')).toBe(state.paid);
    await assertAccessible(page, 'run');
    await screenshot(page, 'bills', 'run-finished');

    const pack = await downloadOf(
      page,
      page.getByRole('button', { name: `Download the evidence pack of run ${run}` }),
    );
    expect(pack.name).toBe(`evidence-pack-run-${run}.zip`);
    const files = unzipSync(pack.bytes);
    expect(Object.keys(files)).toContain('manifest.json');
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(JSON.stringify(manifest)).toContain(PERIOD_END);
    assertNoErrors();
    await close();
  }, 300_000);
});

describe('bills', () => {
  it('takes a bill from draft to paid, each step by the role the API allows, with its statement', async () => {
    const funder = await openPage(browser);
    const f = funder.page;
    await signInAs(f, server.url, 'funder@demo.resulta.org', server.password);
    await f.goto(`${BASE()}/bills`);
    await expect.poll(() => f.getByText('No bill yet.').count(), SLOW).toBe(1);
    await assertAccessible(f, 'bills');
    await screenshot(f, 'bills', 'bills-empty');
    await f.getByLabel('Period ends on').fill(PERIOD_END);
    await f.getByRole('button', { name: 'Draft the bill' }).click();
    await f.waitForURL(/\/bills\/\d+$/, RUN);
    const bill = /bills\/(\d+)$/.exec(f.url())?.[1] ?? '';
    await expect.poll(() => f.getByTestId('bill-status').first().textContent(), SLOW).toBe('Draft');
    await expect.poll(() => f.getByTestId('bill-lines').locator('tbody tr').count(), SLOW).toBe(25);
    await assertAccessible(f, 'bill draft');
    await screenshot(f, 'bills', 'bill-draft');
    // The funder may not verify; it may reject, and will approve once verified.
    expect(await f.getByRole('button', { name: 'Verify', exact: true }).count()).toBe(0);

    // Lines by outcome: the table view of the chart sums to the bill's total.
    const chart = f.getByTestId('bill-by-outcome');
    await chart.getByText('Table', { exact: true }).click();
    await expect.poll(() => chart.getByTestId('chart-table').count(), SLOW).toBe(1);
    const token = await server.token('funder@demo.resulta.org');
    const read = await server.getJson<{
      total_cents: number;
      by_outcome: { total_cents: number }[];
    }>(token, `/bills/${bill}`);
    expect(read.by_outcome.reduce((sum, o) => sum + o.total_cents, 0)).toBe(read.total_cents);
    expect(await chart.getByTestId('chart-table').locator('tbody tr').count()).toBe(
      read.by_outcome.length,
    );
    await screenshot(f, 'bills', 'bill-by-outcome-table');

    // The verifier verifies it, with a reason.
    const verifier = await openPage(browser);
    const v = verifier.page;
    await signInAs(v, server.url, 'verifier@demo.resulta.org', server.password);
    await v.goto(`${BASE()}/bills/${bill}`);
    await v.getByRole('button', { name: 'Verify', exact: true }).click();
    await v.getByLabel(/^Reason/).fill('Sample 1 checked; one event rejected, none billed.');
    await v.getByRole('button', { name: 'Verify the bill' }).click();
    await expect
      .poll(() => v.getByTestId('bill-status').first().textContent(), SLOW)
      .toBe('Verified');
    await assertAccessible(v, 'bill verified');
    await screenshot(v, 'bills', 'bill-verified');
    verifier.assertNoErrors();
    await verifier.close();

    // The funder approves it, then pays it.
    await f.reload();
    await f.getByRole('button', { name: 'Approve', exact: true }).click();
    await f.getByLabel(/^Reason/).fill('Within the budget line for the first half of 2020.');
    await f.getByRole('button', { name: 'Approve the bill' }).click();
    await expect
      .poll(() => f.getByTestId('bill-status').first().textContent(), SLOW)
      .toBe('Approved');
    await f.getByRole('button', { name: 'Pay', exact: true }).click();
    await expect
      .poll(() => f.getByTestId('bill-action-form').textContent())
      .toContain((await f.getByTestId('bill-total').textContent()) ?? '-');
    await screenshot(f, 'bills', 'bill-pay-confirm');
    await f.getByRole('button', { name: 'Record the payment' }).click();
    await expect.poll(() => f.getByTestId('bill-status').first().textContent(), SLOW).toBe('Paid');
    await expect.poll(() => f.getByTestId('approval-step').count()).toBe(4);
    expect(await f.getByTestId('approval-step').allTextContents()).toEqual([
      expect.stringContaining('Drafted'),
      expect.stringContaining('Sample 1 checked'),
      expect.stringContaining('Within the budget line'),
      expect.stringContaining('Paid'),
    ]);
    await assertAccessible(f, 'bill paid');
    await screenshot(f, 'bills', 'bill-paid');

    const statement = await downloadOf(f, f.getByRole('button', { name: 'Statement (PDF)' }));
    expect(new TextDecoder().decode(statement.bytes.slice(0, 5))).toBe('%PDF-');
    const strings = (await drawnStrings(statement.bytes)).flat().join(' ');
    expect(strings).toContain('Youth employment outcomes contract (demo)');

    // The same bill in Spanish (statement too), then on a tablet.
    await f.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await expect
      .poll(() => f.getByTestId('bill-status').first().textContent(), SLOW)
      .toBe('Pagada');
    await assertAccessible(f, 'bill es');
    await screenshot(f, 'bills', 'bill-paid-es');
    const spanish = await downloadOf(f, f.getByRole('button', { name: 'Liquidación (PDF)' }));
    expect(spanish.name).toMatch(/-es\.pdf$/);
    await f.setViewportSize(TABLET);
    await assertAccessible(f, 'bill tablet');
    await screenshot(f, 'bills', 'bill-tablet-es');
    funder.assertNoErrors();
    await funder.close();
  }, 600_000);
});
