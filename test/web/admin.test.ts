/**
 * Administration in a real browser against a real server with the demo: the demo's funder
 * (a platform administrator) reads organisations, people and programme members, invites a
 * person into a provider in Spanish; the invitation's link, as the server's outbox holds the
 * e-mail, opens the public acceptance page in a fresh browser (no session), which says what
 * the invitation is for, checks the password as it is typed, and signs the person in; they
 * can then sign in again with it. A link that does not work says so. No console errors,
 * no serious axe violations, a screenshot of every view.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertAccessible,
  launchBrowser,
  openPage,
  screenshot,
  signInAs,
  TABLET,
} from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;

/** How long a view may take to appear on a busy machine (CI shares its cores). */
const SLOW = { timeout: 30_000 };
const INVITEE = 'maria.gomez@fundacion.example.org';
const PASSWORD = 'tres palabras sueltas aquí';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  await expect.poll(() => page.getByRole('tab', { name, selected: true }).count(), SLOW).toBe(1);
}

/** The invitation link in the newest e-mail of the server's outbox (quoted-printable). */
async function invitationLink(): Promise<string> {
  const outbox = join(server.dataDir, 'outbox');
  const mails = (await readdir(outbox)).filter((f) => f.endsWith('.eml')).sort();
  const newest = mails.at(-1);
  if (!newest) throw new Error('no e-mail in the outbox');
  const text = (await readFile(join(outbox, newest), 'utf8'))
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  const link = /https?:\/\/\S+\/app\/accept-invitation#[A-Za-z0-9_-]+/.exec(text)?.[0];
  if (!link) throw new Error(`no invitation link in ${newest}`);
  return link;
}

describe('administration', () => {
  it('shows organisations, people and members, and invites a person who accepts and signs in', async () => {
    const admin = await openPage(browser);
    const { page } = admin;
    await signInAs(page, server.url, 'funder@demo.resulta.org', server.password);
    await page.goto(`${server.url}/app/admin`);
    const organisations = page.getByTestId('organisations-table');
    await expect.poll(() => organisations.locator('tbody tr').count(), SLOW).toBe(6);
    await assertAccessible(page, 'admin organisations');
    await screenshot(page, 'admin', 'organisations');

    await openTab(page, 'People');
    await expect
      .poll(() => page.getByTestId('people-table').locator('tbody tr').count(), SLOW)
      .toBe(6);
    expect(await page.getByTestId('people-table').textContent()).toContain(
      'Platform administrator',
    );
    await assertAccessible(page, 'admin people');
    await screenshot(page, 'admin', 'people');

    await openTab(page, 'Programme members');
    const members = page.getByTestId('members-table');
    await expect.poll(() => members.locator('tbody tr').count(), SLOW).toBe(5);
    await assertAccessible(page, 'admin members');
    await screenshot(page, 'admin', 'members');

    await openTab(page, 'Invitations');
    const form = page.getByRole('region', { name: 'Invite a person' });
    await form.getByLabel('E-mail').fill(INVITEE);
    await form.getByLabel('Name (if you know it)').fill('María Gómez');
    await form.getByLabel('Organisation').selectOption('prov-2');
    await form.getByLabel('Language of the invitation').selectOption('es');
    await form.getByRole('button', { name: 'Send the invitation' }).click();
    await expect.poll(() => page.getByTestId('invited').textContent(), SLOW).toContain(INVITEE);
    await expect
      .poll(() => page.getByTestId('invitations-table').textContent(), SLOW)
      .toContain(INVITEE);
    await assertAccessible(page, 'admin invitations');
    await screenshot(page, 'admin', 'invitations');
    admin.assertNoErrors();
    await admin.close();

    // The invitee, in a browser that has never signed in, on a tablet.
    const link = await invitationLink();
    const invitee = await openPage(browser, { viewport: TABLET, locale: 'en-GB' });
    const p = invitee.page;
    await p.goto(link);
    // The inviter chose Spanish for the e-mail and the page.
    await expect
      .poll(() => p.getByTestId('invitation-summary').textContent(), SLOW)
      .toContain('Training provider 2');
    await expect.poll(() => p.locator('html').getAttribute('lang')).toBe('es');
    expect(await p.getByTestId('invitation-summary').textContent()).toContain('le invita');
    await p.getByLabel('Elija una contraseña').fill('maria.gomez1');
    await expect.poll(() => p.getByTestId('password-problems').count()).toBe(1);
    await assertAccessible(p, 'invitation');
    await screenshot(p, 'admin', 'invitation-es');
    await p.getByLabel('Elija una contraseña').fill(PASSWORD);
    await expect.poll(() => p.getByTestId('password-problems').count()).toBe(0);
    await p.getByLabel('Repita la contraseña').fill(PASSWORD);
    await p.getByRole('button', { name: 'Aceptar e iniciar sesión' }).click();
    await p.waitForURL(/\/app\/programmes\/demo-youth-employment\/dashboard/, SLOW);
    await expect.poll(() => p.getByRole('button', { name: 'Cerrar sesión' }).count(), SLOW).toBe(1);
    // Their start page, the programme's dashboard, as a provider sees it.
    await expect.poll(() => p.getByTestId('as-of').count(), SLOW).toBe(1);
    await screenshot(p, 'admin', 'invitee-signed-in');
    // Signed out, they sign in again with the password they chose.
    await p.getByRole('button', { name: 'Cerrar sesión' }).click();
    await p.waitForURL(/\/app\/sign-in/);
    await signInAs(p, server.url, INVITEE, PASSWORD);
    await expect.poll(() => p.getByRole('button', { name: 'Cerrar sesión' }).count(), SLOW).toBe(1);
    invitee.assertNoErrors();
    await invitee.close();

    // The link worked once; the same secret in the path form says so too.
    const again = await openPage(browser);
    const token = link.split('#')[1] ?? '';
    await again.page.goto(`${server.url}/app/invitations/${token}`);
    await expect
      .poll(() => again.page.getByRole('alert').textContent(), SLOW)
      .toContain('This link does not work');
    await assertAccessible(again.page, 'invitation used');
    await screenshot(again.page, 'admin', 'invitation-used');
    // The API answers a used link 404, which chromium logs as a failed resource.
    again.assertNoErrors([/status of 404/]);
    await again.close();
  }, 300_000);
});
