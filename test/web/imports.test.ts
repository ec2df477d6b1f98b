/**
 * Imports in a real browser against a real server with the demo: a provider chooses a
 * participants file with errors, sees its first rows and how its columns are read, checks
 * it and sees every problem by row and column with nothing written; fixes the file (a
 * header written in Spanish pointed at its column) and imports it; the history and the API
 * agree. An Excel workbook is previewed in the browser (its dates as days). On a laptop and
 * a tablet; no console errors, no serious axe violations, a screenshot of every view.
 */
import ExcelJS from 'exceljs';
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
import { DEMO_PROGRAMME, type RunningServer, startServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;

/**
 * A file with problems is answered 422 with the problems, which chromium itself logs as a
 * failed resource; the page shows them. Only that answer is tolerated.
 */
const PROBLEMS_ANSWER = [/status of 422/];

/** How long a view may take to appear on a busy machine (CI shares its cores). */
const SLOW = { timeout: 30_000 };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const IMPORTS = () => `${server.url}/app/programmes/${DEMO_PROGRAMME}/imports`;

/** Chooses a file in the page's file input, as a person picking it from their disk. */
async function chooseFile(page: Page, name: string, mimeType: string, content: string | Buffer) {
  await page
    .locator('input[type="file"]')
    .first()
    .setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
}

/** The programme's participants, as the API counts them. */
async function participantCount(): Promise<number> {
  const token = await server.token('funder@demo.resulta.org');
  const dashboard = await server.getJson<{ participants: number }>(
    token,
    `/programmes/${DEMO_PROGRAMME}/dashboard`,
  );
  return dashboard.participants;
}

/** The problem report's rows as [row, column] pairs. */
async function reportedCells(page: Page): Promise<[string, string][]> {
  const rows = page.getByTestId('problem');
  const count = await rows.count();
  const cells: [string, string][] = [];
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    cells.push([
      ((await row.getByTestId('problem-row').textContent()) ?? '').trim(),
      ((await row.getByTestId('problem-column').textContent()) ?? '').trim(),
    ]);
  }
  return cells;
}

describe('imports', () => {
  it('lets a provider check a file with errors, see them by row and column, fix it and import it', async () => {
    const { page, assertNoErrors, close } = await openPage(browser);
    await signInAs(page, server.url, 'provider1@demo.resulta.org', server.password);
    await page.goto(IMPORTS());
    await expect
      .poll(() => page.getByRole('heading', { name: 'Imports', level: 1 }).count(), SLOW)
      .toBe(1);
    await assertAccessible(page, 'imports');
    await screenshot(page, 'imports', 'empty');

    // Row 3 has a day that does not exist; row 4 names another provider.
    const broken = [
      'participant_id,provider_id,enrolled_on,sex',
      'WEB-001,prov-1,2020-03-02,f',
      'WEB-002,prov-1,2020-02-30,m',
      'WEB-003,prov-1,2020-03-04,f',
    ].join('\n');
    await chooseFile(page, 'nuevos.csv', 'text/csv', broken);
    const preview = page.getByTestId('import-preview');
    await expect
      .poll(() => preview.getByTestId('first-rows').locator('tbody tr').count(), SLOW)
      .toBe(3);
    await expect
      .poll(
        () => page.getByRole('combobox', { name: 'Read column “enrolled_on” as' }).inputValue(),
        SLOW,
      )
      .toBe('enrolled_on');
    await assertAccessible(page, 'imports preview');
    await screenshot(page, 'imports', 'preview');

    const before = await participantCount();
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(() => page.getByTestId('problem').count(), SLOW).toBe(1);
    expect(await reportedCells(page)).toEqual([['3', 'enrolled_on']]);
    expect(await page.getByRole('button', { name: 'Import the file' }).count()).toBe(0);
    expect(await participantCount()).toBe(before);
    await assertAccessible(page, 'imports problems');
    await screenshot(page, 'imports', 'problems');

    // Fixed, with the first header written in Spanish: the preview says it is not read,
    // the person points it at participant_id.
    const fixed = [
      'Participante,provider_id,enrolled_on,sex',
      'WEB-001,prov-1,2020-03-02,f',
      'WEB-002,prov-1,2020-02-28,m',
      'WEB-003,prov-1,2020-03-04,f',
    ].join('\n');
    await chooseFile(page, 'nuevos.csv', 'text/csv', fixed);
    await expect.poll(() => page.getByTestId('mapping-missing').count(), SLOW).toBe(1);
    await page
      .getByRole('combobox', { name: 'Read column “Participante” as' })
      .selectOption('participant_id');
    await expect.poll(() => page.getByTestId('mapping-missing').count(), SLOW).toBe(0);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect
      .poll(() => page.getByTestId('check-ok').textContent(), SLOW)
      .toContain('3 rows are ready to import');
    expect(await participantCount()).toBe(before);
    await screenshot(page, 'imports', 'checked');

    await page.getByRole('button', { name: 'Import the file' }).click();
    await expect
      .poll(() => page.getByTestId('import-ok').textContent(), SLOW)
      .toContain('3 rows imported');
    expect(await participantCount()).toBe(before + 3);
    const token = await server.token('provider1@demo.resulta.org');
    const enrolled = await server.getJson<{ provider_id: string; attributes: object }>(
      token,
      `/programmes/${DEMO_PROGRAMME}/participants/WEB-002`,
    );
    expect(enrolled).toMatchObject({ provider_id: 'prov-1', attributes: { sex: 'm' } });
    const history = page.getByTestId('import-history');
    await expect
      .poll(() => history.locator('tbody tr').first().textContent(), SLOW)
      .toContain('nuevos.csv');
    await assertAccessible(page, 'imports imported');
    await screenshot(page, 'imports', 'imported');
    assertNoErrors(PROBLEMS_ANSWER);
    await close();
  }, 300_000);

  it('previews an Excel workbook in the browser, on a tablet, in Spanish', async () => {
    const { page, assertNoErrors, close } = await openPage(browser, {
      viewport: TABLET,
      locale: 'es-AR',
    });
    await signInAs(page, server.url, 'funder@demo.resulta.org', server.password);
    await page.goto(IMPORTS());
    await expect
      .poll(() => page.getByRole('heading', { name: 'Importaciones', level: 1 }).count(), SLOW)
      .toBe(1);
    await page.getByTestId('import-kind').getByText('Eventos').click();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('eventos');
    sheet.addRow(['participant_id', 'type', ' Occurred_On ']);
    sheet.addRow(['P000001', 'job_start', new Date(Date.UTC(2020, 1, 3))]);
    sheet.addRow(['P000002', 'training_completed', new Date(Date.UTC(2020, 1, 4))]);
    sheet.getColumn(3).numFmt = 'dd/mm/yyyy';
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    await chooseFile(
      page,
      'eventos.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes,
    );
    const rows = page.getByTestId('first-rows');
    await expect.poll(() => rows.locator('tbody tr').count(), SLOW).toBe(2);
    expect(await rows.locator('thead').textContent()).toContain('Occurred_On');
    expect(await rows.locator('tbody tr').first().textContent()).toContain('2020-02-03');
    // " Occurred_On " is read as occurred_on, whatever its case and spaces.
    await expect
      .poll(
        () =>
          page
            .getByRole('combobox', { name: /Leer la columna «\s*Occurred_On\s*» como/ })
            .inputValue(),
        SLOW,
      )
      .toBe('occurred_on');
    await assertAccessible(page, 'imports tablet es');
    await screenshot(page, 'imports', 'tablet-es-xlsx');
    assertNoErrors();
    await close();
  }, 300_000);
});
