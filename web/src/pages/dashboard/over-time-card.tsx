/**
 * Outcomes achieved per month (bars, stacked by outcome) with what they make payable and
 * what paid bills paid, both cumulative (lines, on the money axis).
 */
import { useMemo } from 'react';
import { useMessages } from '../../i18n/use-messages.js';
import { Chart } from '../../ui/chart.js';
import { ChartCard } from '../../ui/chart-card.js';
import type { Figures } from './queries.js';

const PALETTE = ['#1864ab', '#2f9e44', '#e8590c', '#862e9c', '#0b7285', '#c2255c', '#5c940d'];

export function OverTimeCard({ figures }: { readonly figures: Figures }) {
  const { t, fmt, locale } = useMessages();
  const title = t('web.dashboard.over_time.title');
  const { currency } = figures;
  const rows = useMemo(() => cumulative(figures), [figures]);
  const payableName = t('web.dashboard.payable_cumulative');
  const paidName = t('web.dashboard.paid_cumulative');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the option follows the language
  const option = useMemo(
    () => ({
      color: PALETTE,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 8, right: 8, top: 30, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => fmt.month(r.month)) },
      yAxis: [
        {
          type: 'value',
          name: t('web.dashboard.achieved'),
          axisLabel: { formatter: (v: number) => fmt.number(v) },
        },
        {
          type: 'value',
          name: currency,
          axisLabel: { formatter: (v: number) => fmt.moneyShort(v, currency) },
          splitLine: { show: false },
        },
      ],
      series: [
        ...figures.outcomes.map((o, i) => ({
          type: 'bar',
          stack: 'achieved',
          name: o.id,
          data: rows.map((r) => r.achieved[i] ?? 0),
          tooltip: { valueFormatter: (v: unknown) => fmt.number(Number(v)) },
        })),
        {
          type: 'line',
          name: payableName,
          yAxisIndex: 1,
          showSymbol: false,
          data: rows.map((r) => r.payableCumulative / 100),
          tooltip: { valueFormatter: (v: unknown) => fmt.money(String(v), currency) },
        },
        {
          type: 'line',
          name: paidName,
          yAxisIndex: 1,
          step: 'end',
          showSymbol: false,
          lineStyle: { type: 'dashed' },
          data: rows.map((r) => r.paidCumulative / 100),
          tooltip: { valueFormatter: (v: unknown) => fmt.money(String(v), currency) },
        },
      ],
    }),
    [rows, locale],
  );
  const cents = (n: number) => (n / 100).toFixed(2);
  return (
    <ChartCard
      title={title}
      csvName="outcomes-over-time"
      testId="over-time"
      chart={<Chart option={option} label={title} height={360} />}
      table={{
        header: [
          t('web.dashboard.month'),
          ...figures.outcomes.map((o) => o.id),
          t('web.dashboard.payable'),
          payableName,
          paidName,
        ],
        numeric: figures.outcomes
          .map((_, i) => i + 1)
          .concat([1, 2, 3].map((k) => figures.outcomes.length + k)),
        rows: rows.map((r) => [
          fmt.month(r.month),
          ...r.achieved.map((n) => fmt.number(n)),
          fmt.money(r.payable, currency),
          fmt.money(cents(r.payableCumulative), currency),
          fmt.money(cents(r.paidCumulative), currency),
        ]),
        csv: rows.map((r) => [
          r.month,
          ...r.achieved,
          r.payable,
          cents(r.payableCumulative),
          cents(r.paidCumulative),
        ]),
      }}
    />
  );
}

interface MonthRow {
  readonly month: string;
  readonly achieved: readonly number[];
  readonly payable: string;
  /** Cents, summed exactly from the decimal strings. */
  readonly payableCumulative: number;
  readonly paidCumulative: number;
}

/** Running totals per month; the ledger's payments counted in the month their period ends. */
function cumulative(figures: Figures): MonthRow[] {
  let payable = 0;
  return figures.over_time.map((m) => {
    payable += toCents(m.payable);
    const paid = figures.paid_over_time
      .filter((b) => b.period_end.slice(0, 7) <= m.month)
      .reduce((sum, b) => sum + toCents(b.paid), 0);
    return { ...m, payableCumulative: payable, paidCumulative: paid };
  });
}

/** "1234.50" → 123450, exactly (no float arithmetic on the decimal). */
export function toCents(amount: string): number {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  return negative ? -value : value;
}
