/**
 * A bill statement (domain/bill-statement.ts) as an XLSX workbook for people, in the
 * reader's language: a sheet of the statement's facts (programme, provider, period, totals,
 * evidence), one of its lines by outcome (payments, then adjustments), one per provider for
 * the whole bill, one of caps and headroom, one of approvals. Written by files/xlsx-writer.ts,
 * so amounts are numbers with two decimals, days and times real date cells, headers frozen.
 */
import type { BillStatement, CapHeadroom } from '../domain/bill-statement.js';
import { type MessageCode, say } from '../domain/messages/catalogue.js';
import type { Locale } from '../domain/messages/locale.js';
import type { Params } from '../domain/messages/render.js';
import { type Cents, formatCents } from '../domain/money.js';
import { type XlsxCell, type XlsxTable, xlsxBytes } from './xlsx-writer.js';

/** The statement as XLSX bytes, in `locale`. */
export function statementXlsx(statement: BillStatement, locale: Locale): Promise<Buffer> {
  const t = (code: MessageCode, params: Params = {}) => say(code, params, locale);
  const tables = [
    factsSheet(statement, t),
    linesSheet(statement, t),
    ...(statement.byProvider.length > 0 ? [providersSheet(statement, t)] : []),
    capsSheet(statement, t),
    approvalsSheet(statement, t),
  ];
  return xlsxBytes(tables);
}

type Say = (code: MessageCode, params?: Params) => string;

const money = (amount: Cents): XlsxCell => ({ kind: 'money', value: formatCents(amount) });
const count = (n: number): XlsxCell => ({ kind: 'count', value: n });
const day = (d: string | null): XlsxCell => ({ kind: 'day', value: d });

function factsSheet(s: BillStatement, t: Say): XlsxTable {
  const rows: [string, XlsxCell][] = [
    [t('output.statement.programme'), s.programme.title],
    [t('output.statement.provider'), s.provider?.name ?? t('output.statement.all_providers')],
    [t('output.statement.bill_label'), s.bill.id],
    [t('output.statement.period_start'), day(s.bill.periodStart)],
    [t('output.statement.period_end'), day(s.bill.periodEnd)],
    [t('output.statement.status'), t(`output.status.${s.bill.status}`)],
    [t('output.statement.currency'), s.currency],
    [t('output.statement.payments_total'), money(s.totals.payments)],
    [t('output.statement.adjustments_total'), money(s.totals.adjustments)],
    [t('output.statement.total'), money(s.totals.total)],
    [t('output.statement.participants_total'), count(s.totals.participants)],
    [t('output.statement.held_label'), count(s.held)],
    [t('output.statement.run_id'), s.evidence.runId],
    [t('output.statement.as_of'), day(s.evidence.asOf)],
    [t('output.statement.contract_version'), count(s.evidence.contractVersion)],
    [t('output.statement.pack'), s.evidence.packSha256],
  ];
  return {
    name: t('output.statement.sheet.summary'),
    columns: [
      { header: t('output.statement.col.item'), kind: 'text' },
      { header: t('output.statement.col.value'), kind: 'text' },
    ],
    rows,
  };
}

function linesSheet(s: BillStatement, t: Say): XlsxTable {
  const payment = t('output.statement.kind.payment');
  const adjustment = t('output.statement.kind.adjustment');
  return {
    name: t('output.statement.sheet.lines'),
    columns: [
      { header: t('output.statement.col.kind'), kind: 'text' },
      { header: t('output.statement.col.outcome'), kind: 'text' },
      { header: t('output.statement.col.cause'), kind: 'text' },
      { header: t('output.statement.col.participants'), kind: 'count' },
      { header: t('output.statement.col.lines'), kind: 'count' },
      { header: `${t('output.statement.col.amount')} (${s.currency})`, kind: 'money' },
    ],
    rows: [
      ...s.payments.map((g) => [
        payment,
        g.outcomeId,
        null,
        g.participants,
        g.lines,
        formatCents(g.amount),
      ]),
      ...s.adjustments.map((g) => [
        adjustment,
        g.outcomeId,
        g.correction === null
          ? t('output.statement.cause.data')
          : t('output.statement.cause.correction', { version: String(g.correction) }),
        g.participants,
        g.lines,
        formatCents(g.amount),
      ]),
    ],
  };
}

function providersSheet(s: BillStatement, t: Say): XlsxTable {
  return {
    name: t('output.statement.by_provider_heading'),
    columns: [
      { header: t('output.statement.col.provider'), kind: 'text' },
      { header: t('output.statement.col.provider_id'), kind: 'text' },
      { header: t('output.statement.col.participants'), kind: 'count' },
      { header: `${t('output.statement.col.amount')} (${s.currency})`, kind: 'money' },
    ],
    rows: s.byProvider.map((p) => [p.name, p.providerId, p.participants, formatCents(p.amount)]),
  };
}

function capsSheet(s: BillStatement, t: Say): XlsxTable {
  const row = (c: CapHeadroom): XlsxCell[] => {
    switch (c.kind) {
      case 'total':
        return [t('output.statement.cap.total'), money(c.limit), money(c.used), money(c.headroom)];
      case 'volume':
        return [
          t('output.statement.cap.volume', { outcome: c.outcomeId }),
          count(c.limit),
          count(c.used),
          count(c.headroom),
        ];
      case 'participant':
        return [t('output.statement.cap.participant'), money(c.limit), null, null];
    }
  };
  return {
    name: t('output.statement.sheet.caps'),
    columns: [
      { header: t('output.statement.col.cap'), kind: 'text' },
      { header: t('output.statement.col.limit'), kind: 'count' },
      { header: t('output.statement.col.used'), kind: 'count' },
      { header: t('output.statement.col.headroom'), kind: 'count' },
    ],
    rows: s.caps.lines.map(row),
  };
}

function approvalsSheet(s: BillStatement, t: Say): XlsxTable {
  return {
    name: t('output.statement.sheet.approvals'),
    columns: [
      { header: t('output.statement.col.step'), kind: 'text' },
      { header: t('output.statement.col.by'), kind: 'text' },
      { header: t('output.statement.col.organisation'), kind: 'text' },
      { header: t('output.statement.col.account'), kind: 'text' },
      { header: t('output.statement.col.when'), kind: 'time' },
      { header: t('output.statement.col.reason'), kind: 'text' },
    ],
    rows: s.approvals.map((a) => [
      t(`output.action.${a.action}`),
      a.by,
      a.organisation,
      a.actor,
      a.at,
      a.reason,
    ]),
  };
}
