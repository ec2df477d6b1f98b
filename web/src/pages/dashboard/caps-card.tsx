/**
 * Payments against every cap of the contract: how much is used, the monthly rate, and when
 * the cap is reached at that rate. Caps are programme-wide, whatever the filters.
 */
import { Progress, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useMessages } from '../../i18n/use-messages.js';
import { Chart } from '../../ui/chart.js';
import { ChartCard } from '../../ui/chart-card.js';
import type { Cell } from '../../ui/csv.js';
import { toCents } from './over-time-card.js';
import type { Figures } from './queries.js';

interface CapRow {
  readonly id: string;
  readonly name: string;
  readonly limit: string;
  readonly used: string;
  readonly share: number;
  readonly rate: string;
  readonly forecast: string;
  readonly csv: readonly Cell[];
}

export function CapsCard({ figures }: { readonly figures: Figures }) {
  const { t, locale } = useMessages();
  const title = t('web.dashboard.caps.title');
  const caps = useCapRows(figures);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the option follows the language
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${Number(v).toFixed(1)} %` },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      yAxis: { type: 'category', inverse: true, data: caps.map((c) => c.name) },
      series: [
        {
          type: 'bar',
          name: t('web.dashboard.cap.used_share'),
          data: caps.map((c) => Math.min(100, c.share * 100)),
          itemStyle: { color: '#1864ab' },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) => caps[p.dataIndex]?.used ?? '',
          },
        },
      ],
    }),
    [caps, locale],
  );
  const chart =
    caps.length === 0 ? (
      <Text>{t('web.dashboard.cap.none')}</Text>
    ) : (
      <Stack gap="sm">
        <Chart option={option} label={title} height={40 + caps.length * 48} />
        {caps.map((c) => (
          <div key={c.id}>
            <Text size="sm" fw={600}>
              {c.name}
            </Text>
            <Progress value={Math.min(100, c.share * 100)} aria-label={c.name} size="sm" />
            <Text size="sm" c="dimmed">
              {t('web.dashboard.cap.summary', {
                used: c.used,
                limit: c.limit,
                forecast: c.forecast,
              })}
            </Text>
          </div>
        ))}
      </Stack>
    );
  return (
    <ChartCard
      title={title}
      csvName="caps"
      testId="caps"
      note={t('web.dashboard.caps.note')}
      chart={chart}
      table={{
        header: [
          t('web.dashboard.cap'),
          t('web.dashboard.cap.limit'),
          t('web.dashboard.cap.used'),
          t('web.dashboard.cap.used_share'),
          t('web.dashboard.cap.rate'),
          t('web.dashboard.cap.forecast'),
        ],
        numeric: [1, 2, 3, 4],
        rows: caps.map((c) => [
          c.name,
          c.limit,
          c.used,
          `${(c.share * 100).toFixed(1)} %`,
          c.rate,
          c.forecast,
        ]),
        csv: caps.map((c) => c.csv),
      }}
    />
  );
}

function useCapRows(figures: Figures): CapRow[] {
  const { t, fmt } = useMessages();
  const { caps, currency } = figures;
  const endMonth = figures.contract_ends_on.slice(0, 7);
  const forecast = (c: { reached: boolean; forecast_month: string | null }) => {
    if (c.reached) return t('web.dashboard.cap.reached');
    if (c.forecast_month === null) return t('web.dashboard.cap.never');
    if (c.forecast_month > endMonth)
      return t('web.dashboard.cap.after_end', { date: fmt.date(figures.contract_ends_on) });
    return fmt.month(c.forecast_month);
  };
  const rows: CapRow[] = [];
  if (caps.total) {
    const c = caps.total;
    rows.push({
      id: 'total',
      name: t('web.dashboard.cap.total'),
      limit: fmt.money(c.limit, currency),
      used: fmt.money(c.used, currency),
      share: ratio(toCents(c.used), toCents(c.limit)),
      rate: fmt.money(c.monthly_rate, currency),
      forecast: forecast(c),
      csv: ['total', c.limit, c.used, c.monthly_rate, c.forecast_month, c.reached ? 1 : 0],
    });
  }
  for (const c of caps.volume) {
    rows.push({
      id: `volume-${c.outcome}`,
      name: t('web.dashboard.cap.volume', { outcome: c.outcome }),
      limit: fmt.number(c.limit),
      used: fmt.number(c.used),
      share: ratio(c.used, c.limit),
      rate: fmt.number(c.monthly_rate),
      forecast: forecast(c),
      csv: [
        `volume:${c.outcome}`,
        c.limit,
        c.used,
        c.monthly_rate,
        c.forecast_month,
        c.reached ? 1 : 0,
      ],
    });
  }
  if (caps.per_participant) {
    const c = caps.per_participant;
    const atLimit = t('web.dashboard.cap.at_limit', { count: c.at_limit });
    rows.push({
      id: 'per-participant',
      name: t('web.dashboard.cap.per_participant'),
      limit: fmt.money(c.limit, currency),
      used: atLimit,
      share: figures.totals.enrolled > 0 ? c.at_limit / figures.totals.enrolled : 0,
      rate: t('web.dashboard.not_applicable'),
      forecast: t('web.dashboard.not_applicable'),
      csv: ['per_participant', c.limit, c.at_limit, null, null, null],
    });
  }
  return rows;
}

const ratio = (used: number, limit: number) => (limit > 0 ? used / limit : 0);
