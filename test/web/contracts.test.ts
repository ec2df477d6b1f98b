/**
 * The contract pages in a real browser against a real server with the demo: the funder
 * reads the contract in force (its outcomes, prices and caps), its versions with who, when
 * and why (as the API lists them), the comparison of the demo's two sets of terms (the base
 * and the covid-2020 amendment), and drafts an amendment: a broken one shows its problem at
 * its line, in Spanish once the language is switched (the domain parser's own message), the
 * fixed one is valid and is recorded as version 2. An investor reads the contract without
 * the editor. No console errors, no serious axe violations, a screenshot of every view.
 */
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseContract } from '../../src/domain/contract/parse-contract.js';
import { problemMessage } from '../../src/domain/problem.js';
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

const PAGE = `/app/programmes/${DEMO_PROGRAMME}/contract`;

interface Versions {
  versions: { version: number; reason: string; created_by: string; yaml: string }[];
}

/** A node's text with Intl's non-breaking spaces as plain ones. */
async function text(node: Locator): Promise<string> {
  return ((await node.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ');
}

/** The demo's file with one more amendment, its effective day as given. */
function amended(yaml: string, effectiveFrom: string): string {
  return `${yaml.trimEnd()}
  - id: extension-2021
    effective_from: ${effectiveFrom}
    reason: Job-entry window widened again
    outcomes:
      job_start: { within_days: 400 }
`;
}

describe('the contract', () => {
  it('lets the funder read it, compare its terms and record an amendment', async () => {
    const token = await server.token('funder@demo.resulta.org');
    const api = await server.getJson<Versions>(token, `/programmes/${DEMO_PROGRAMME}/contract`);
    const first = api.versions[0];
    if (!first) throw new Error('the demo has no contract version');

    const { page, assertNoErrors, close } = await openPage(browser);
    await signInAs(page, server.url, 'funder@demo.resulta.org', server.password);
    await page.goto(`${server.url}${PAGE}`);
    await page.getByTestId('contract-reading').waitFor();
    const reading = page.getByTestId('contract-reading');
    await expect
      .poll(() => reading.getByRole('heading', { level: 2 }).first().textContent())
      .toBe('Youth employment outcomes contract (demo)');
    const outcomes = page.getByTestId('outcome-terms').locator('h3');
    expect(await outcomes.allInnerTexts()).toEqual([
      'training_completed',
      'learning_gain',
      'job_start',
      'retained_4m',
      'worked_12_of_14',
    ]);
    const jobStart = page
      .getByTestId('outcome-terms')
      .filter({ has: page.getByRole('heading', { name: 'job_start', exact: true }) });
    expect(await text(jobStart)).toContain('Within 365 days'); // the amended terms
    expect(await text(jobStart)).toContain('extremely_vulnerable: ARS 800.00');
    expect(await text(jobStart)).toContain('+40% when young_mother is “yes”');
    expect(await text(page.getByTestId('caps'))).toContain('ARS 3,500.00');
    expect(await page.getByTestId('amendments').textContent()).toContain(
      'Training moved online; job-entry window widened',
    );
    await assertAccessible(page, 'contract reading');
    await screenshot(page, 'contracts', 'read');
    // The base terms, chosen: the window before the amendment.
    await page.getByLabel('Terms shown').selectOption({ label: 'Base terms' });
    await expect.poll(() => text(jobStart)).toContain('Within 270 days');

    await page.getByRole('tab', { name: 'Versions' }).click();
    const row = page.getByTestId('version-row');
    await expect.poll(() => row.count()).toBe(api.versions.length);
    expect(await row.first().textContent()).toContain(first.reason);
    expect(await row.first().textContent()).toContain(first.created_by);
    await assertAccessible(page, 'contract versions');
    await screenshot(page, 'contracts', 'versions');

    // The demo's two sets of terms: the base and the covid-2020 amendment.
    await page.getByRole('tab', { name: 'Compare' }).click();
    await page.getByTestId('diff').waitFor();
    expect(await page.getByTestId('compare-from').inputValue()).toBe('1:0');
    expect(await page.getByTestId('compare-to').inputValue()).toBe('1:1');
    const changes = page.getByTestId('diff-row');
    expect(await changes.count()).toBe(1);
    expect(await changes.first().textContent()).toContain('job_start');
    expect(await changes.first().getByTestId('before').textContent()).toBe('270 days');
    expect(await changes.first().getByTestId('after').textContent()).toBe('365 days');
    await assertAccessible(page, 'contract compare');
    await screenshot(page, 'contracts', 'compare');

    // A broken amendment: 30 February is no day. The problem is at its line.
    await page.getByRole('tab', { name: 'Draft an amendment' }).click();
    const editor = page.getByTestId('contract-editor');
    await editor.waitFor();
    expect(await editor.inputValue()).toBe(first.yaml);
    const broken = amended(first.yaml, '2021-02-30');
    await editor.fill(broken);
    const expected = parseContract(broken).problems;
    expect(expected.length).toBeGreaterThan(0);
    const problem = expected[0] as (typeof expected)[number];
    const line = broken.split('\n').findIndex((l) => l.includes('2021-02-30')) + 1;
    expect(problem.line).toBe(line);
    const shown = page.getByTestId('editor-problem').first();
    await expect.poll(() => shown.textContent()).toContain(`Line ${line}, column`);
    expect(await shown.textContent()).toContain(problemMessage(problem, 'en'));
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'contracts', 'editor-broken-en');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await expect.poll(() => shown.textContent()).toContain(`Línea ${line}, columna`);
    expect(await shown.textContent()).toContain(problemMessage(problem, 'es'));
    expect(problemMessage(problem, 'es')).not.toBe(problemMessage(problem, 'en'));
    // The problem leads to its place: the caret on that line.
    await shown.click();
    const caretLine = await editor.evaluate(
      (area) =>
        (area as unknown as { value: string; selectionStart: number }).value
          .slice(0, (area as unknown as { selectionStart: number }).selectionStart)
          .split('\n').length,
    );
    expect(caretLine).toBe(line);
    await assertAccessible(page, 'editor with a problem (es)');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'contracts', 'editor-broken-es');

    // Fixed: valid, with what it changes; recorded as version 2, in force.
    await editor.fill(amended(first.yaml, '2021-01-01'));
    await page.getByTestId('editor-valid').waitFor();
    await expect.poll(() => page.getByTestId('diff-amendments').count()).toBe(1);
    await assertAccessible(page, 'editor valid (es)');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'contracts', 'editor-valid-es');
    await page.getByTestId('amendment-reason').fill('Ampliación acordada con los proveedores');
    await page.getByRole('button', { name: 'Registrar la nueva versión' }).click();
    await expect
      .poll(() => page.getByTestId('submitted').textContent())
      .toBe('La versión 2 quedó registrada y está vigente.');
    await assertAccessible(page, 'editor recorded (es)');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'contracts', 'editor-recorded-es');
    const after = await server.getJson<Versions>(token, `/programmes/${DEMO_PROGRAMME}/contract`);
    expect(after.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(after.versions[1]?.reason).toBe('Ampliación acordada con los proveedores');

    await page.getByRole('tab', { name: 'Versiones' }).click();
    await expect.poll(() => page.getByTestId('version-row').count()).toBe(2);
    await screenshot(page, 'contracts', 'versions-es');
    assertNoErrors();
    await close();
  }, 180_000);

  it('shows an investor the contract on a tablet, without the editor', async () => {
    const { page, assertNoErrors, close } = await openPage(browser, { viewport: TABLET });
    await signInAs(page, server.url, 'investor@demo.resulta.org', server.password);
    await page.goto(`${server.url}${PAGE}`);
    await page.getByTestId('contract-reading').waitFor();
    expect(await page.getByRole('tab').allInnerTexts()).toEqual([
      'Contract in force',
      'Versions',
      'Compare',
    ]);
    // Asking for the editor by its address shows the reading instead.
    await page.goto(`${server.url}${PAGE}?view=edit`);
    await page.getByTestId('contract-reading').waitFor();
    expect(await page.getByTestId('contract-editor').count()).toBe(0);
    await assertAccessible(page, 'contract tablet');
    await assertFitsWidth(page, 'contract tablet');
    await screenshot(page, 'contracts', 'investor-tablet');
    await page.getByRole('tab', { name: 'Compare' }).click();
    await page.getByTestId('diff').waitFor();
    await assertFitsWidth(page, 'contract compare tablet');
    await screenshot(page, 'contracts', 'investor-tablet-compare');
    assertNoErrors();
    await close();
  }, 180_000);
});
