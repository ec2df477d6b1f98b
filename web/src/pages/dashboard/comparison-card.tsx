/** Providers or segments side by side: the pipeline, what is payable, cost per sustained job. */
import { useMemo } from 'react';
import { useMessages } from '../../i18n/use-messages.js';
import { Chart } from '../../ui/chart.js';
import { ChartCard } from '../../ui/chart-card.js';
import type { Figures } from './queries.js';
import { segmentName } from './words.js';

const STAGE_COLOURS = ['#a5d8ff', '#4dabf7', '#1c7ed6', '#1864ab'];

export function ComparisonCard({
  figures,
  by,
}: {
  readonly figures: Figures;
  readonly by: 'provider' | 'segment';
}) {
  const { t, fmt, locale } = useMessages();
  const title = t(
    by === 'provider' ? 'web.dashboard.by_provider.title' : 'web.dashboard.by_segment.title',
  );
  const source = by === 'provider' ? figures.by_provider : figures.by_segment;
  const rows = source.map((r) => ({
    ...r,
    label: by === 'provider' ? (r.name ?? r.id) : segmentName(r.id, t),
  }));
  const { currency } = figures;
  const stages = [
    { key: 'enrolled', name: t('web.dashboard.stage.enrolled') },
    { key: 'trained', name: t('web.dashboard.stage.trained') },
    { key: 'job_start', name: t('web.dashboard.stage.job_start') },
    { key: 'retained', name: t('web.dashboard.stage.retained') },
  ] as const;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the option follows the language
  const option = useMemo(
    () => ({
      color: STAGE_COLOURS,
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => fmt.number(Number(v)) },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.label) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt.number(v) } },
      series: stages.map((s) => ({ type: 'bar', name: s.name, data: rows.map((r) => r[s.key]) })),
    }),
    [figures, locale, by],
  );
  const cost = (r: (typeof rows)[number]) =>
    r.cost_per_sustained_job === null
      ? t('web.dashboard.not_applicable')
      : fmt.money(r.cost_per_sustained_job, currency);
  return (
    <ChartCard
      title={title}
      csvName={by === 'provider' ? 'by-provider' : 'by-segment'}
      testId={`by-${by}`}
      chart={<Chart option={option} label={title} height={320} />}
      table={{
        header: [
          t(by === 'provider' ? 'web.dashboard.filter.provider' : 'web.dashboard.filter.segment'),
          ...stages.map((s) => s.name),
          t('web.dashboard.payable'),
          t('web.dashboard.cost_per_job'),
        ],
        numeric: [1, 2, 3, 4, 5, 6],
        rows: rows.map((r) => [
          r.label,
          ...stages.map((s) => fmt.number(r[s.key])),
          fmt.money(r.payable, currency),
          cost(r),
        ]),
        csv: rows.map((r) => [
          r.id,
          ...stages.map((s) => r[s.key]),
          r.payable,
          r.cost_per_sustained_job,
        ]),
      }}
    />
  );
}
