/**
 * The app's frame in a real browser against a real server with the demo: signing in and
 * out, the navigation each role gets, the language switch (remembered), on a laptop and a
 * tablet; no console errors, no serious axe violations, a screenshot of every view.
 */
import type { Browser } from 'playwright-core';
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
import { type RunningServer, startServer } from './support/server.js';

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

const NAV = ['Dashboard', 'Participants', 'Contract', 'Imports', 'Runs and verification', 'Bills'];

async function navLabels(page: import('playwright-core').Page): Promise<string[]> {
  const nav = page.getByRole('navigation', {
    name: /main navigation|navegación|navigation principale/i,
  });
  return (await nav.getByRole('link').allInnerTexts()).map((t) => t.trim());
}

describe('the shell', () => {
  it('sends a visitor to sign in, signs the funder in and out', async () => {
    const { page, assertNoErrors, close } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/app\/sign-in/);
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).count(), POLL).toBe(1);
    await assertAccessible(page, 'sign-in');
    await screenshot(page, 'shell', 'sign-in');

    await signInAs(page, server.url, 'funder@demo.resulta.org', server.password);
    // The start page is the dashboard of the first programme the funder takes part in.
    await page.waitForURL(/\/app\/programmes\/demo-youth-employment\/dashboard/);
    await expect.poll(() => navLabels(page), POLL).toEqual([...NAV, 'Administration']);
    await expect
      .poll(() => page.getByTestId('programme-title').textContent(), POLL)
      .toBe('Youth employment outcomes contract (demo)');
    await expect
      .poll(() => page.getByTestId('signed-in-as').textContent(), POLL)
      .toContain('Funder');
    await assertAccessible(page, 'funder home');
    await screenshot(page, 'shell', 'funder-home');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/app\/sign-in/);
    await expect.poll(() => page.getByRole('status').textContent(), POLL).toContain('signed out');
    // The session is gone on the server too: the app asks to sign in again.
    await page.goto(`${server.url}/app`);
    await page.waitForURL(/\/app\/sign-in/);
    assertNoErrors();
    await close();
  });

  it('shows each role only the tasks its API allows', async () => {
    const expected: [string, string[]][] = [
      ['provider1@demo.resulta.org', ['Dashboard', 'Participants', 'Contract', 'Imports']],
      ['verifier@demo.resulta.org', NAV],
      ['investor@demo.resulta.org', ['Dashboard', 'Contract']],
    ];
    for (const [email, tasks] of expected) {
      const { page, assertNoErrors, close } = await openPage(browser);
      await signInAs(page, server.url, email, server.password);
      await expect.poll(() => navLabels(page), POLL).toEqual(tasks);
      // A task the role may not do sends it back to the start, as the API would refuse it.
      await page.goto(`${server.url}/app/admin`);
      await page.waitForURL((url) => url.pathname !== '/app/admin');
      assertNoErrors();
      await close();
    }
  });

  it('switches language, remembers it, and works on a tablet', async () => {
    const { page, assertNoErrors, close } = await openPage(browser, { viewport: TABLET });
    await signInAs(page, server.url, 'funder@demo.resulta.org', server.password);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await expect.poll(() => page.locator('html').getAttribute('lang'), POLL).toBe('es');
    await expect
      .poll(() => page.getByRole('button', { name: 'Cerrar sesión' }).count(), POLL)
      .toBe(1);
    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('lang'), POLL).toBe('es');
    await expect.poll(() => navLabels(page), POLL).toContain('Panel');
    await assertFitsWidth(page, 'tablet es');
    await assertAccessible(page, 'tablet es');
    await screenshot(page, 'shell', 'tablet-es');

    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('fr');
    await expect.poll(() => navLabels(page), POLL).toContain('Tableau de bord');
    await screenshot(page, 'shell', 'tablet-fr');
    assertNoErrors();
    await close();
  });
});
