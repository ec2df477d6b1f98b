/** The pipeline as a funnel: enrolled → trained → job start → retained. */
import { useMemo } from 'react';
import { useMessages } from '../../i18n/use-messages.js';
import { Chart } from '../../ui/chart.js';
import { ChartCard } from '../../ui/chart-card.js';
import type { Figures } from './queries.js';

export function FunnelCard({ figures }: { readonly figures: Figures }) {
  const { t, fmt, locale } = useMessages();
  const title = t('web.dashboard.funnel.title');
  const enrolled = figures.funnel[0]?.participants ?? 0;
  const stages = figures.funnel.map((s) => ({
    name: t(`web.dashboard.stage.${s.stage}`),
    stage: s.stage,
    value: s.participants,
    share: enrolled > 0 ? s.participants / enrolled : 0,
  }));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the option follows the language
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'item',
        valueFormatter: (v: unknown) => fmt.number(Number(v)),
      },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '5%',
          width: '90%',
          minSize: '45%',
          gap: 2,
          label: {
            show: true,
            position: 'inside',
            color: '#fff',
            formatter: (p: { name: string; value: number }) =>
              t('web.dashboard.funnel.label', { stage: p.name, count: fmt.number(p.value) }),
          },
          data: stages.map((s) => ({ name: s.name, value: s.value })),
        },
      ],
      color: ['#1864ab', '#1971c2', '#1c7ed6', '#228be6'],
    }),
    [figures, locale],
  );
  return (
    <ChartCard
      title={title}
      csvName="pipeline"
      testId="funnel"
      chart={<Chart option={option} label={title} height={300} />}
      table={{
        header: [
          t('web.dashboard.stage'),
          t('web.dashboard.participants'),
          t('web.dashboard.share_of_enrolled'),
        ],
        numeric: [1, 2],
        rows: stages.map((s) => [s.name, fmt.number(s.value), fmt.percent(s.share)]),
        csv: stages.map((s) => [s.stage, s.value, Number(s.share.toFixed(4))]),
      }}
    />
  );
}
