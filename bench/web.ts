/**
 * The web app's section of the benchmark (issue #9), `npm run bench -- --only web` (needs
 * DATABASE_URL): pages measured in a real browser (Debian's chromium through playwright-core)
 * with the Performance API, against `resulta serve` holding a programme of 1,000,000
 * participants on a PostgreSQL server:
 *
 * - the participant list, first page of results shown (opened from the navigation, and the
 *   next page), and filtered on the latest run;
 * - a participant's page (its events, months and achievements shown; the engine's
 *   explanation, read from the run's explanation index, timed apart, and the first one, which
 *   may write that index);
 * - the dashboard interactive (its key figures and first chart drawn) from a fresh load;
 * - the JavaScript of the first page, gzipped, as dist/web holds it.
 *
 * The programme is the one bench/api-load.ts seeds into schema `bench_api` (same generator,
 * seed, providers and users), completed once with its events, employment and an evaluation
 * run as of 2020-06-30, so that outcomes and explanations exist; the store's files live in
 * bench/data/web-store-<schema>. Another size (`--web-participants N`) gets a schema of its
 * own, so a small trial never stands in for the national programme.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { type Browser, chromium, type Page } from 'playwright-core';
import { DEMO_AS_OF } from '../src/demo/demo-contract.js';
import { runEvaluation } from '../src/services/evaluation-runs.js';
import { createUser } from '../src/services/identity.js';
import { importEmployment, importEvents, importParticipants } from '../src/services/import-data.js';
import { createProgramme } from '../src/services/programmes.js';
import { openStore, type Store } from '../src/store/database.js';
import { CLI, median, programme, REPO, ROOT, seconds } from './programmes.js';

/** bench/api-load.ts's programme, users and password: both benchmarks share the seed. */
const PROGRAMME = 'national';
const PASSWORD = 'bench password, not a secret';
const FUNDER = 'funder@bench.example';
const PROVIDER = 'provider@bench.example';
const CHROMIUM = process.env.RESULTA_CHROMIUM ?? '/usr/bin/chromium';

export interface WebOptions {
  readonly participants: number;
  /** Samples of each page measure. */
  readonly repeats: number;
  /** Only complete the programme in the store (the long part, once), measure nothing. */
  readonly seedOnly?: boolean;
}

interface Row {
  readonly measure: string;
  readonly value: string;
  readonly target: string;
  readonly ok?: boolean;
}

export async function webSection(options: WebOptions): Promise<boolean> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    process.stdout.write(
      '\n## The web app (issue #9)\n\nskipped: set DATABASE_URL to a PostgreSQL server (./.ci/start-postgres prints one)\n',
    );
    return true;
  }
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM} (RESULTA_CHROMIUM)`);
  const schema =
    options.participants === 1_000_000 ? 'bench_api' : `bench_web_${options.participants}`;
  const url = await schemaUrl(base, schema);
  const dataDir = join(ROOT, `web-store-${schema}`);
  await mkdir(dataDir, { recursive: true });
  process.stdout.write(
    `\n## The web app (issue #9)\n\n${options.participants.toLocaleString('en')} participants in schema ${schema}; ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${loadavg()[0]?.toFixed(1)}\n`,
  );
  const store = await openStore({ url, dataDir });
  try {
    await seed(store, options.participants);
  } finally {
    await store.close();
  }
  if (options.seedOnly) return true;
  const port = 18_950;
  const server = await startServer(url, dataDir, port);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox'],
  });
  try {
    const rows = await measure(browser, `http://127.0.0.1:${port}`, options.repeats, server.pid);
    printRows(rows);
    return rows.every((r) => r.ok !== false);
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}

/** The server's URL with `schema` as its search path (created when missing). */
async function schemaUrl(base: string, schema: string): Promise<string> {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** Whatever of the programme is missing: participants and users, events, employment, a run. */
async function seed(store: Store, participants: number): Promise<void> {
  const files = await programme(participants, 'parquet');
  const actor = { id: 'bench' };
  const step = async (what: string, work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    process.stdout.write(`  seeded ${what} in ${seconds(performance.now() - started)} s\n`);
  };
  const programmeThere = async () =>
    (await store.db
      .selectFrom('programmes')
      .select('id')
      .where('id', '=', PROGRAMME)
      .executeTakeFirst()) !== undefined;
  const has = async (table: 'events' | 'employment_datasets') =>
    (await store.db
      .selectFrom(table)
      .select('programme_id')
      .where('programme_id', '=', PROGRAMME)
      .limit(1)
      .executeTakeFirst()) !== undefined;
  if (!(await programmeThere()))
    await step('the programme, its participants and users', async () => {
      await createProgramme(store, actor, {
        id: PROGRAMME,
        title: 'National youth employment programme (benchmark)',
        funder: { id: 'ministry', name: 'Ministry' },
        providers: Array.from({ length: 20 }, (_, i) => ({
          id: `prov-${i + 1}`,
          name: `Provider ${i + 1}`,
        })),
        contractYaml: await readFile(files.contract, 'utf8'),
      });
      await importParticipants(
        store,
        actor,
        PROGRAMME,
        files.participants,
        'participants.parquet',
        {
          personKeysFromFile: true,
        },
      );
      await createUser(store, {
        email: FUNDER,
        name: 'funder',
        organisationId: 'ministry',
        password: PASSWORD,
      });
      await createUser(store, {
        email: PROVIDER,
        name: 'provider',
        organisationId: 'prov-7',
        password: PASSWORD,
      });
    });
  if (!(await has('events')))
    await step('events', () =>
      importEvents(store, actor, PROGRAMME, files.events, 'events.parquet'),
    );
  if (!(await has('employment_datasets')))
    await step('employment', () =>
      importEmployment(store, actor, PROGRAMME, files.employment, 'employment.parquet'),
    );
  const run = await store.db
    .selectFrom('evaluation_runs')
    .select('id')
    .where('programme_id', '=', PROGRAMME)
    .where('status', '=', 'succeeded')
    .executeTakeFirst();
  if (!run)
    await step(`a run as of ${DEMO_AS_OF}`, () =>
      runEvaluation(store, actor, PROGRAMME, DEMO_AS_OF),
    );
}

async function startServer(url: string, dataDir: string, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, [CLI, 'serve'], {
    cwd: REPO,
    env: { ...process.env, DATABASE_URL: url, RESULTA_DATA: dataDir, PORT: String(port) },
    stdio: 'ignore',
  });
  for (let i = 0; i < 600; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill('SIGTERM');
  throw new Error('resulta serve did not answer /healthz within 60 s');
}

const LIST = `/app/programmes/${PROGRAMME}/participants`;
const DASHBOARD = `/app/programmes/${PROGRAMME}/dashboard`;

/** What the page does at the start of a timing: click, or choose an option of a labelled select. */
type Act =
  | { readonly click: string }
  | { readonly nav: string }
  | { readonly select: { readonly label: string; readonly value: string } };

/**
 * When the timing ends: an element is there, or the participant results were busy (asking
 * the server) and are no longer (the new rows drawn).
 */
type Until = { readonly selector: string } | { readonly busyCycle: true };

/**
 * The timing, run in the page (plain JavaScript: the benchmark compiles without the DOM's
 * types). Evaluated by the browser's debugging protocol, not by `eval` in the page, so the
 * app's Content-Security-Policy stays on.
 */
const TIME_IN_PAGE = `({ act, until, timeoutMs }) => new Promise((resolve, reject) => {
  const started = performance.now();
  if (act.click) document.querySelector(act.click).click();
  else if (act.nav) [...document.querySelectorAll('nav a')].find((a) => a.textContent.trim() === act.nav).click();
  else {
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === act.select.label);
    const select = document.getElementById(label.htmlFor);
    select.value = act.select.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }
  const timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
  const finish = () => { clearTimeout(timer); requestAnimationFrame(() => resolve(performance.now() - started)); };
  if (until.busyCycle) {
    const results = document.querySelector('[data-testid="results"]');
    let wasBusy = false;
    new MutationObserver((records, observer) => {
      for (const r of records) if (r.oldValue === 'true' || results.getAttribute('aria-busy') === 'true') wasBusy = true;
      if (wasBusy && results.getAttribute('aria-busy') === 'false') { observer.disconnect(); finish(); }
    }).observe(results, { attributes: true, attributeFilter: ['aria-busy'], attributeOldValue: true });
    return;
  }
  const check = () => (document.querySelector(until.selector) ? finish() : requestAnimationFrame(check));
  check();
})`;

/**
 * Milliseconds from `act` (done in the page) until `until` holds and is drawn (the next
 * animation frame after), measured in the page with performance.now(), so the driver's own
 * latency is not counted.
 */
async function timeInPage(page: Page, act: Act, until: Until, timeoutMs = 120_000) {
  const args = JSON.stringify({ act, until, timeoutMs });
  return (await page.evaluate(`(${TIME_IN_PAGE})(${args})`)) as number;
}

/** Milliseconds from the navigation's start until `selector` is on the page and drawn. */
async function sinceNavigation(page: Page, selector: string, timeoutMs = 180_000) {
  await page
    .waitForSelector(selector, { timeout: timeoutMs, state: 'attached' })
    .catch(async (error) => {
      await page.screenshot({ path: join(ROOT, 'web-bench-failure.png'), fullPage: true });
      throw error;
    });
  return (await page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())))',
  )) as number;
}

async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/app/sign-in`);
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/^password/i).fill(PASSWORD);
  await page.getByRole('button', { name: /sign in/i }).click();
  // Signed in, the app goes on to the first programme's dashboard: wait until it is there.
  await page.waitForURL((u) => u.pathname.endsWith('/dashboard'), { timeout: 180_000 });
}

const ROW = '[data-testid="participant-row"]';
const FIRST_ROW_LINK = `${ROW} a`;

/** Resolves when the server says (/healthz) it has nothing left to read ahead. */
async function readAheadDone(baseUrl: string): Promise<void> {
  for (;;) {
    const health = (await (await fetch(`${baseUrl}/healthz`)).json()) as {
      reading_ahead?: boolean;
    };
    if (health.reading_ahead !== true) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The resident memory of a process, in MiB (Linux); null where /proc says nothing. */
async function rssMiB(pid: number | undefined): Promise<number | null> {
  if (pid === undefined) return null;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = status.match(/^VmRSS:\s+(\d+) kB/m)?.[1];
  return kb === undefined ? null : Math.round(Number(kb) / 1024);
}

async function measure(
  browser: Browser,
  baseUrl: string,
  repeats: number,
  serverPid: number | undefined,
): Promise<Row[]> {
  const rows: Row[] = [];
  const ms = (x: number) => `${Math.round(x)} ms`;
  const sample = (xs: number[]) => `${ms(median(xs))} (${xs.map((x) => Math.round(x)).join(', ')})`;
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'en-GB',
  });
  const page = await context.newPage();

  // The dashboard, first thing after signing in: the server reads the run's facts (cold).
  const rssAtStart = await rssMiB(serverPid);
  const coldStarted = performance.now();
  await signIn(page, baseUrl, FUNDER);
  await page.waitForSelector('[data-testid="kpi-payable"]', { timeout: 600_000 });
  rows.push({
    measure: 'dashboard, first load after the server started (its facts read), from sign-in',
    value: ms(performance.now() - coldStarted),
    target: '',
  });
  const rssWithFacts = await rssMiB(serverPid);
  // What follows measures a server that has read ahead (the facts, the default view, the
  // standings); how long that took after the first view is a row of its own.
  const waitStarted = performance.now();
  await readAheadDone(baseUrl);
  rows.push({
    measure: 'the server reading ahead after that first view (standings), until /healthz says done',
    value: ms(performance.now() - waitStarted),
    target: '',
  });

  // Dashboard interactive, the server's facts kept: a fresh tab with a fresh cache.
  const dashboard: number[] = [];
  const dashboardCached: number[] = [];
  let scripts: string[] = [];
  for (let i = 0; i < repeats; i++) {
    const fresh = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await fresh.addCookies(await context.cookies());
    const tab = await fresh.newPage();
    await tab.goto(`${baseUrl}${DASHBOARD}`);
    dashboard.push(await sinceNavigation(tab, '[data-testid="funnel"] canvas'));
    scripts = (await tab.evaluate(
      "performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js'))",
    )) as string[];
    // The same tab again: scripts from the browser's cache (hashed names, immutable).
    await tab.goto(`${baseUrl}${DASHBOARD}`);
    dashboardCached.push(await sinceNavigation(tab, '[data-testid="funnel"] canvas'));
    await fresh.close();
  }
  rows.push({
    measure: 'dashboard interactive (key figures and charts drawn), fresh tab, empty cache',
    value: sample(dashboard),
    target: '< 2 s',
    ok: median(dashboard) < 2000,
  });
  rows.push({
    measure: 'dashboard interactive, scripts cached',
    value: sample(dashboardCached),
    target: '< 2 s',
    ok: median(dashboardCached) < 2000,
  });

  // The participant list from the navigation: its first page of results drawn. The engine's
  // explanation (a whole re-evaluation of the run in a child process) is kept out of these
  // samples, so that five page views do not start five evaluations; it is timed once below.
  await page.route('**/explanation', (route) => route.abort());
  const list: number[] = [];
  const next: number[] = [];
  const participant: number[] = [];
  for (let i = 0; i < repeats; i++) {
    await page.goto(`${baseUrl}${DASHBOARD}`);
    await page.waitForSelector('[data-testid="kpi-payable"]');
    list.push(await timeInPage(page, { nav: 'Participants' }, { selector: ROW }));
    next.push(await timeInPage(page, { click: '[data-testid="next-page"]' }, { busyCycle: true }));
    participant.push(
      await timeInPage(page, { click: FIRST_ROW_LINK }, { selector: '[data-testid="timeline"]' }),
    );
  }
  rows.push({
    measure: 'participant list, first page of 50 shown (from the navigation)',
    value: sample(list),
    target: '< 300 ms',
    ok: median(list) < 300,
  });
  rows.push({ measure: 'participant list, next page shown', value: sample(next), target: '' });
  rows.push({
    measure: 'participant page shown (events, months, achievements)',
    value: sample(participant),
    target: '< 300 ms',
    ok: median(participant) < 300,
  });

  // The engine's explanation: the first of the run writes its explanation index when the
  // run's read-ahead has not (the bench seeds the run outside the server); later ones read it.
  await page.unroute('**/explanation');
  await page.goBack();
  await page.waitForSelector(ROW);
  const firstExplained = await timeInPage(
    page,
    { click: FIRST_ROW_LINK },
    { selector: '[data-testid="explanation"]' },
    900_000,
  );
  rows.push({
    measure: "a run's first explanation (its explanation index written, if missing)",
    value: ms(firstExplained),
    target: '',
  });
  const explained: number[] = [];
  for (let i = 2; i < 2 + repeats; i++) {
    await page.goBack();
    await page.waitForSelector(ROW);
    explained.push(
      await timeInPage(
        page,
        { click: `${ROW}:nth-child(${i}) a` },
        { selector: '[data-testid="explanation"]' },
      ),
    );
  }
  rows.push({
    measure: "participant page with the engine's explanation (from the run's index)",
    value: sample(explained),
    target: '',
  });

  // Filters on the run: the first waits for the run's standings, later ones do not.
  const rssBeforeStandings = await rssMiB(serverPid);
  const filtered: number[] = [];
  for (const status of ['capped', 'not_achieved', 'partially_capped', 'paid', 'capped_total']) {
    await page.goto(`${baseUrl}${LIST}`);
    await page.waitForSelector(ROW);
    filtered.push(
      await timeInPage(
        page,
        { select: { label: 'Outcome status', value: status } },
        { busyCycle: true },
        600_000,
      ),
    );
  }
  rows.push({
    measure:
      "participant list filtered on the run, first time (the run's standings, read ahead since the server started)",
    value: ms(filtered[0] as number),
    target: '',
  });
  const rssWithStandings = await rssMiB(serverPid);
  rows.push({
    measure:
      "the server's resident memory: started, after the first view, after reading ahead, after the filters on the run",
    value: [rssAtStart, rssWithFacts, rssBeforeStandings, rssWithStandings]
      .map((m) => (m === null ? '?' : `${m} MiB`))
      .join(', '),
    target: '',
  });
  rows.push({
    measure: 'participant list filtered on the run, afterwards',
    value: sample(filtered.slice(1)),
    target: '< 300 ms',
    ok: median(filtered.slice(1)) < 300,
  });

  // A provider's own list (row-level security on every row read).
  const providerContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const providerPage = await providerContext.newPage();
  await signIn(providerPage, baseUrl, PROVIDER);
  const own: number[] = [];
  for (let i = 0; i < repeats; i++) {
    await providerPage.goto(`${baseUrl}${DASHBOARD}`);
    await providerPage.waitForSelector('[data-testid="kpi-payable"]', { timeout: 180_000 });
    own.push(await timeInPage(providerPage, { nav: 'Participants' }, { selector: ROW }));
  }
  rows.push({
    measure: "participant list, a provider's own (from the navigation)",
    value: sample(own),
    target: '< 300 ms',
    ok: median(own) < 300,
  });
  await providerContext.close();

  rows.push(...(await scriptSizes(scripts)));
  await context.close();
  return rows;
}

/** The dashboard's scripts as dist/web holds them gzipped (what a gzip-only browser gets). */
async function scriptSizes(urls: readonly string[]): Promise<Row[]> {
  const dist = join(REPO, 'dist', 'web');
  let gzip = 0;
  let raw = 0;
  for (const url of new Set(urls)) {
    const file = join(dist, new URL(url).pathname.replace(/^\/app\//, ''));
    raw += (await stat(file)).size;
    gzip += (await stat(`${file}.gz`).catch(() => stat(file))).size;
  }
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  return [
    {
      measure: `JavaScript of the first page (the dashboard), ${new Set(urls).size} files, gzipped`,
      value: `${kb(gzip)} (${kb(raw)} uncompressed)`,
      target: '< 500 KB',
      ok: gzip < 500 * 1024,
    },
  ];
}

function printRows(rows: readonly Row[]): void {
  const mark = (r: Row) => (r.ok === undefined ? '' : r.ok ? ' ✔' : ' ✘');
  process.stdout.write('\n| measure | value | target |\n|---|---|---|\n');
  for (const r of rows)
    process.stdout.write(`| ${r.measure} | ${r.value} | ${r.target}${mark(r)} |\n`);
}
