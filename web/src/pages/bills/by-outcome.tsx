/**
 * A bill's lines by outcome as a chart and a table (ChartCard): how many lines and how
 * much each outcome brings to the bill, payments and adjustments together.
 */
import { useMemo } from 'react';
import { useMessages } from '../../i18n/use-messages.js';
import { Chart } from '../../ui/chart.js';
import { ChartCard } from '../../ui/chart-card.js';
import { centsDecimal, useMoney } from '../../ui/money.js';
import type { BillDetail } from './queries.js';

export function ByOutcome({
  bill,
  programme,
}: {
  readonly bill: BillDetail;
  readonly programme: string;
}) {
  const { t, fmt, locale } = useMessages();
  const money = useMoney(programme);
  const title = t('web.bills.by_outcome.title');
  const outcomes = bill.by_outcome;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the option follows the language
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => money.cents(Math.round(Number(v) * 100)),
      },
      xAxis: {
        type: 'value',
        splitNumber: 4,
        axisLabel: {
          hideOverlap: true,
          formatter: (v: number) =>
            money.currency ? fmt.moneyShort(v, money.currency) : fmt.number(v),
        },
      },
      yAxis: { type: 'category', inverse: true, data: outcomes.map((o) => o.outcome_id) },
      series: [
        {
          type: 'bar',
          name: t('web.bills.column.amount'),
          data: outcomes.map((o) => o.total_cents / 100),
          itemStyle: { color: '#1864ab' },
        },
      ],
    }),
    [bill, locale, money.currency],
  );
  return (
    <ChartCard
      title={title}
      csvName={`bill-${bill.id}-by-outcome`}
      testId="bill-by-outcome"
      chart={
        <Chart option={option} label={title} height={Math.max(160, 48 * outcomes.length + 40)} />
      }
      table={{
        header: [
          t('web.bills.column.outcome'),
          t('web.bills.column.lines'),
          t('web.bills.column.amount'),
        ],
        numeric: [1, 2],
        rows: outcomes.map((o) => [o.outcome_id, fmt.number(o.lines), money.cents(o.total_cents)]),
        csv: outcomes.map((o) => [o.outcome_id, o.lines, centsDecimal(o.total_cents)]),
      }}
    />
  );
}
