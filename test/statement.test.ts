/**
 * Bill statements as people read them (issue #8 part 2): the PDF in English, Spanish and
 * French — A4, accents that render, amounts and days by locale, numbered pages — read back
 * with pdf-lib and, where poppler-utils is installed, with pdftotext; the XLSX read back
 * with ExcelJS; the totals and amounts formatted from exact cents. A statement is built by
 * hand here; test/api/statement.test.ts gathers real ones through the API.
 *
 * RESULTA_KEEP_STATEMENTS=<folder> keeps the PDFs made, to look at them
 * (`pdftoppm -png -r 80 file.pdf page`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import excel from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type BillStatement, statementTotals } from '../src/domain/bill-statement.js';
import type { LocalDate } from '../src/domain/local-date.js';
import { formatAmount, formatDay } from '../src/domain/locale-format.js';
import type { Locale } from '../src/domain/messages/locale.js';
import { type Cents, cents } from '../src/domain/money.js';
import { statementPdf } from '../src/files/statement-pdf.js';
import { statementXlsx } from '../src/files/statement-xlsx.js';
import { drawnStrings, hasPdftotext, pdfPages, pdftotext } from './support/pdf-text.js';

/** The bytes as ExcelJS's typings want them: an ArrayBuffer of exactly these bytes. */
const arrayBuffer = (bytes: Buffer) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

const day = (d: string) => d as LocalDate;
const PACK = 'a3f5c9e1b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6';

/** A statement with everything a statement can hold, accents in every name. */
function sample(overrides: Partial<BillStatement> = {}): BillStatement {
  const payments = [
    { outcomeId: 'training_completed', participants: 3, lines: 3, amount: cents(60_000) },
    { outcomeId: 'job_start', participants: 1_204, lines: 1_204, amount: cents(123_456_789) },
  ];
  const adjustments = [
    {
      outcomeId: 'job_start',
      correction: null,
      participants: 2,
      lines: 2,
      amount: cents(-100_000),
    },
    { outcomeId: 'retained_3m', correction: 2, participants: 1, lines: 1, amount: cents(12_050) },
  ];
  return {
    programme: { id: 'empleo-joven', title: 'Programa de Empleo Joven — Córdoba y Neuquén' },
    currency: 'ARS',
    bill: {
      id: '42',
      status: 'approved',
      periodStart: day('2020-01-01'),
      periodEnd: day('2020-06-30'),
    },
    provider: { id: 'prov-a', name: 'Fundación Señor Ñandú · Ça va Éducation' },
    payments,
    adjustments,
    byProvider: [],
    totals: statementTotals(payments, adjustments, 1_207),
    held: 1,
    caps: {
      asOf: day('2020-06-30'),
      lines: [
        {
          kind: 'total',
          limit: cents(500_000_000),
          used: cents(123_528_839),
          headroom: cents(376_471_161),
        },
        { kind: 'volume', outcomeId: 'job_start', limit: 2_000, used: 1_204, headroom: 796 },
        { kind: 'participant', limit: cents(300_000) },
      ],
    },
    approvals: [
      {
        action: 'draft',
        by: 'María José Pérez',
        actor: 'mjperez@trabajo.gob.ar',
        organisation: 'Ministerio de Trabajo',
        at: new Date('2020-07-02T13:05:00Z'),
        reason: 'factura del período que termina el 2020-06-30',
      },
      {
        action: 'verify',
        by: 'François Lefèvre',
        actor: 'f.lefevre@audit.example',
        organisation: 'Auditoría Federal',
        at: new Date('2020-07-06T09:30:00Z'),
        reason:
          'muestra de 40 eventos revisada: 39 confirmados, 1 rechazado por falta de constancia de inscripción; el error está dentro del umbral acordado',
      },
      {
        action: 'approve',
        by: 'token:7:tesorería',
        actor: 'token:7:tesorería',
        organisation: null,
        at: new Date('2020-07-07T16:45:00Z'),
        reason: 'ok',
      },
    ],
    evidence: { runId: '17', asOf: day('2020-06-30'), contractVersion: 3, packSha256: PACK },
    ...overrides,
  };
}

/** Everything drawn on every page, joined per page. */
async function pagesText(pdf: Uint8Array): Promise<string[]> {
  return (await drawnStrings(pdf)).map((strings) => strings.join('\n'));
}

async function keep(name: string, pdf: Uint8Array): Promise<void> {
  const folder = process.env.RESULTA_KEEP_STATEMENTS;
  if (!folder) return;
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, name), pdf);
}

const NBSP = '\u00a0';
/** Each language's page footer. */
const FOOTER: Record<Locale, (page: number, pages: number) => string> = {
  en: (page, pages) => `Page ${page} of ${pages}`,
  es: (page, pages) => `Página ${page} de ${pages}`,
  fr: (page, pages) => `Page ${page} sur ${pages}`,
};

/** What each language must show: title, amounts, days, statuses. */
const EXPECTED: Record<Locale, string[]> = {
  en: [
    'Bill statement',
    'Bill 42',
    'January 1, 2020 to June 30, 2020',
    'approved',
    '1,234,567.89 ARS',
    '-1,000.00 ARS',
    '1,235,167.89 ARS',
    '1,204',
    'Caps and headroom as of June 30, 2020',
    'Verified',
  ],
  es: [
    'Liquidación de factura',
    'Factura 42',
    'del 1 de enero de 2020 al 30 de junio de 2020',
    'aprobada',
    '1.234.567,89 ARS',
    '-1000,00 ARS',
    '1.235.167,89 ARS',
    '1204',
    'Topes y margen disponible al 30 de junio de 2020',
    'Verificada',
  ],
  fr: [
    'Relevé de facture',
    'Facture 42',
    'du 1 janvier 2020 au 30 juin 2020',
    'approuvée',
    `1${NBSP}234${NBSP}567,89 ARS`,
    `-1${NBSP}000,00 ARS`,
    `1${NBSP}235${NBSP}167,89 ARS`,
    `1${NBSP}204`,
    'Plafonds et marge restante au 30 juin 2020',
    'Vérifiée',
  ],
};

describe('the PDF statement', () => {
  for (const locale of ['en', 'es', 'fr'] as const) {
    it(`is A4 in ${locale}, with accents, amounts and days as its readers write them`, async () => {
      const pdf = await statementPdf(sample(), locale);
      await keep(`statement-${locale}.pdf`, pdf);
      const sizes = await pdfPages(pdf);
      expect(sizes.length).toBeGreaterThanOrEqual(1);
      for (const size of sizes) expect(size).toEqual({ width: 595.28, height: 841.89 });
      const pages = await pagesText(pdf);
      pages.forEach((page, i) => {
        expect(page).toContain(FOOTER[locale](i + 1, pages.length));
        expect(page).toContain('Programa de Empleo Joven — Córdoba y Neuquén');
      });
      const all = pages.join('\n');
      for (const text of EXPECTED[locale]) expect(all, text).toContain(text);
      expect(all).toContain('Fundación Señor Ñandú · Ça va Éducation');
      expect(all).toContain('María José Pérez');
      expect(all).toContain('François Lefèvre');
      expect(all).toContain(PACK);
      expect(all).toContain('resulta verify-pack evidence-pack-run-17.zip');
      // Nothing was replaced: every character of these names is in WinAnsi.
      expect(all).not.toContain('?');
    });
  }

  it.skipIf(!hasPdftotext)(
    'reads as text in a PDF reader, accents included (pdftotext)',
    async () => {
      const pages = await pdftotext(await statementPdf(sample(), 'es'));
      const text = pages.join('\n').replaceAll(NBSP, ' ');
      for (const expected of [
        'Liquidación de factura',
        'Programa de Empleo Joven — Córdoba y Neuquén',
        'Fundación Señor Ñandú · Ça va Éducation',
        'del 1 de enero de 2020 al 30 de junio de 2020',
        '1.234.567,89 ARS',
        'corrección del contrato, versión 2',
        'François Lefèvre',
        'Página 1 de 2',
        'Página 2 de 2',
      ])
        expect(text).toContain(expected);
    },
  );

  it('runs onto numbered pages, repeating a long table’s header on each', async () => {
    const payments = Array.from({ length: 120 }, (_, i) => ({
      outcomeId: `outcome_${String(i).padStart(3, '0')}`,
      participants: i + 1,
      lines: i + 1,
      amount: cents(100 * (i + 1)),
    }));
    const statement = sample({ payments, totals: statementTotals(payments, [], 7260) });
    const pdf = await statementPdf(statement, 'fr');
    await keep('statement-long-fr.pdf', pdf);
    const pages = await pagesText(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} sur ${pages.length}`);
    });
    // Every outcome is there once, and the table's header opens each page it runs onto.
    const all = pages.join('\n');
    for (const g of payments) expect(all.split(g.outcomeId)).toHaveLength(2);
    const withRows = pages.filter((p) => p.includes('outcome_'));
    expect(withRows.length).toBeGreaterThan(1);
    for (const page of withRows) expect(page).toContain('Résultat');
  });

  it('shows a character outside WinAnsi as "?" instead of failing', async () => {
    const pdf = await statementPdf(
      sample({ provider: { id: 'p', name: 'Őrség Кооператив Łódź' } }),
      'en',
    );
    const [page] = await pagesText(pdf);
    expect(page).toContain('?rség ?????????? ?ód?');
  });

  it('says when a bill only adjusts periods already paid, and when there are no caps', async () => {
    const pdf = await statementPdf(
      sample({
        bill: { id: '43', status: 'paid', periodStart: null, periodEnd: day('2020-06-30') },
        payments: [],
        caps: { asOf: day('2020-06-30'), lines: [] },
      }),
      'es',
    );
    const page = (await pagesText(pdf)).join('\n');
    expect(page).toContain('hasta el 30 de junio de 2020 (ajustes de períodos ya pagados)');
    expect(page).toContain('No hay pagos en esta liquidación.');
    expect(page).toContain('El contrato no fija topes.');
    expect(page).toContain('pagada');
  });

  it('gives the same bytes for the same statement', async () => {
    const a = await statementPdf(sample(), 'es');
    const b = await statementPdf(sample(), 'es');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('the XLSX statement', () => {
  it('holds the statement in the reader’s language, amounts as numbers and days as dates', async () => {
    const book = new excel.Workbook();
    await book.xlsx.load(arrayBuffer(await statementXlsx(sample(), 'es')));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Liquidación',
      'Líneas',
      'Topes',
      'Aprobaciones',
    ]);
    const facts = book.getWorksheet('Liquidación');
    const value = (label: string) => {
      let found: excel.Cell | undefined;
      facts?.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2);
      });
      if (!found) throw new Error(`no row ${label}`);
      return found;
    };
    expect(value('Programa').value).toBe('Programa de Empleo Joven — Córdoba y Neuquén');
    expect(value('Total').value).toBe(1_234_288.39);
    expect(value('Total').numFmt).toBe('#,##0.00');
    expect((value('Período hasta').value as Date).toISOString()).toBe('2020-06-30T00:00:00.000Z');
    expect(value('Período hasta').numFmt).toBe('yyyy-mm-dd');
    expect(value('SHA-256 del paquete de evidencia').value).toBe(PACK);
    const lines = book.getWorksheet('Líneas');
    expect(lines?.getRow(1).values).toEqual([
      undefined,
      'Tipo',
      'Resultado',
      'Causa',
      'Participantes',
      'Líneas',
      'Importe (ARS)',
    ]);
    expect(lines?.getRow(3).values).toEqual([
      undefined,
      'pago',
      'job_start',
      undefined,
      1204,
      1204,
      1_234_567.89,
    ]);
    expect(lines?.getRow(4).getCell(6).value).toBe(-1000);
    expect(lines?.getRow(5).getCell(3).value).toBe('corrección del contrato, versión 2');
    const approvals = book.getWorksheet('Aprobaciones');
    if (!approvals) throw new Error('no approvals sheet');
    expect(approvals.getRow(3).getCell(2).value).toBe('François Lefèvre');
    expect((approvals.getRow(3).getCell(5).value as Date).toISOString()).toBe(
      '2020-07-06T09:30:00.000Z',
    );
  });
});

describe('statement arithmetic and formats', () => {
  it('refuses a whole-bill statement whose lines do not add up to the bill', () => {
    const groups = [{ outcomeId: 'a', participants: 1, lines: 1, amount: cents(500) }];
    expect(statementTotals(groups, [], 1, cents(500)).total).toBe(500);
    expect(() => statementTotals(groups, [], 1, cents(600))).toThrow(
      "internal error, statement.total: the statement's lines add up to 5.00, the bill to 6.00",
    );
  });

  it('formats amounts exactly from cents, up to the largest amount', () => {
    const largest = cents(Number.MAX_SAFE_INTEGER) as Cents;
    expect(formatAmount(largest, 'ARS', 'en')).toBe('90,071,992,547,409.91 ARS');
    expect(formatAmount(largest, 'es', 'es')).toBe('90.071.992.547.409,91 es');
    expect(formatAmount(cents(-5), 'XOF', 'fr')).toBe('-0,05 XOF');
    expect(formatDay(day('2019-02-28'), 'fr')).toBe('28 février 2019');
  });
});
