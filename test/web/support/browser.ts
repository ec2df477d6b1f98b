/**
 * A real browser for the web app's tests: Debian's chromium, headless, through
 * playwright-core. Every page opened here fails its test on a console error or an uncaught
 * page error (`assertNoErrors`), can be checked by axe-core (`assertAccessible`) and saves
 * a full-page screenshot of each view (`screenshot`) into
 * test-results/screenshots/<test>/<view>.png, which CI keeps.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { REPO } from './server.js';

const CHROMIUM = process.env.RESULTA_CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOTS = join(REPO, 'test-results', 'screenshots');

export interface Viewport {
  readonly width: number;
  readonly height: number;
}
export const LAPTOP: Viewport = { width: 1366, height: 768 };
export const TABLET: Viewport = { width: 820, height: 1180 };

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `no chromium at ${CHROMIUM}: apt-get install -y chromium (or RESULTA_CHROMIUM)`,
    );
  // --no-sandbox: CI runs as root, where chromium refuses its sandbox.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}

export interface WatchedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors and page errors seen so far. */
  readonly errors: string[];
  /** Fails the test if the page logged an error (expected ones matched by `allow`). */
  readonly assertNoErrors: (allow?: readonly RegExp[]) => void;
  readonly close: () => Promise<void>;
}

let axeSource: string | undefined;

/** A fresh context (no cookies, no storage) with one page, watched for errors. */
export async function openPage(
  browser: Browser,
  options: { viewport?: Viewport; locale?: string; acceptDownloads?: boolean } = {},
): Promise<WatchedPage> {
  axeSource ??= await readFile(join(REPO, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const context = await browser.newContext({
    viewport: options.viewport ?? LAPTOP,
    locale: options.locale ?? 'en-GB',
    acceptDownloads: options.acceptDownloads ?? true,
  });
  // Injected by the browser before the page's own scripts, so the app's CSP (no inline
  // scripts) stays on and is tested: a violation is a console error.
  await context.addInitScript({ content: axeSource });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return {
    page,
    context,
    errors,
    assertNoErrors: (allow = []) => {
      const unexpected = errors.filter((e) => !allow.some((pattern) => pattern.test(e)));
      expect(unexpected, 'console or page errors').toEqual([]);
    },
    close: () => context.close(),
  };
}

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/** Runs axe-core on the page as it is; fails on any serious or critical violation. */
export async function assertAccessible(page: Page, view: string): Promise<void> {
  // Runs in the page (the test's own types have no DOM): axe from the init script.
  const violations = await page.evaluate(async () => {
    const page = globalThis as unknown as {
      axe: { run: (context: unknown) => Promise<{ violations: AxeViolation[] }> };
      document: unknown;
    };
    const result = await page.axe.run(page.document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(serious, `axe on ${view}`).toEqual([]);
}

/** Fails when the page is wider than its window (a tablet would have to scroll sideways). */
export async function assertFitsWidth(page: Page, view: string): Promise<void> {
  const [content, window] = await page.evaluate(() => {
    const g = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number } };
      innerWidth: number;
    };
    return [g.document.documentElement.scrollWidth, g.innerWidth];
  });
  expect(content, `${view}: page width against window width`).toBeLessThanOrEqual(window);
}

/** A full-page screenshot: test-results/screenshots/<test>/<view>.png. */
export async function screenshot(page: Page, test: string, view: string): Promise<string> {
  const dir = join(SCREENSHOTS, slug(test));
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${slug(view)}.png`);
  // From the top: the shell's header is fixed, so a page the test scrolled would show it
  // across the middle of a full-page image.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path, fullPage: true });
  return path;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Signs in through the sign-in page, as a person would. */
export async function signInAs(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/app/sign-in`);
  await page.getByLabel(/e-mail|correo|adresse/i).fill(email);
  await page.getByLabel(/^(password|contraseña|mot de passe)/i).fill(password);
  await page.getByRole('button', { name: /sign in|iniciar sesión|se connecter/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/app/sign-in'));
}
