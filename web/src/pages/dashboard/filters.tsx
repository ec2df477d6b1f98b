/** The dashboard's filters: provider, segment, enrolment months, outcome months. */
import { Button, Group, NativeSelect, Paper } from '@mantine/core';
import { useMessages } from '../../i18n/use-messages.js';
import type { DashboardSearch, Figures } from './queries.js';
import { segmentName } from './words.js';

type Key = keyof DashboardSearch;

export function DashboardFilters({
  figures,
  search,
  onChange,
}: {
  readonly figures: Figures;
  readonly search: DashboardSearch;
  readonly onChange: (next: DashboardSearch) => void;
}) {
  const { t, fmt } = useMessages();
  const set = (key: Key, value: string) => {
    const next: Record<string, string> = { ...search };
    if (value === '') delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const months = (any: string) => [
    { value: '', label: any },
    ...figures.options.months.map((m) => ({ value: m, label: fmt.month(m) })),
  ];
  const select = (key: Key, label: string, data: { value: string; label: string }[]) => (
    <NativeSelect
      key={key}
      size="sm"
      label={label}
      value={search[key] ?? ''}
      data={data}
      onChange={(e) => set(key, e.currentTarget.value)}
      miw={150}
    />
  );
  const all = t('web.dashboard.filter.all');
  const anyMonth = t('web.dashboard.filter.any_month');
  return (
    <Paper withBorder p="sm" component="form" aria-label={t('web.dashboard.filters')}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        {select('provider', t('web.dashboard.filter.provider'), [
          { value: '', label: all },
          ...figures.options.providers.map((p) => ({ value: p.id, label: p.name ?? p.id })),
        ])}
        {figures.options.segments.length > 1
          ? select('segment', t('web.dashboard.filter.segment'), [
              { value: '', label: all },
              ...figures.options.segments
                .filter((s) => s !== '')
                .map((s) => ({ value: s, label: segmentName(s, t) })),
            ])
          : null}
        {select('cohort_from', t('web.dashboard.filter.cohort_from'), months(anyMonth))}
        {select('cohort_to', t('web.dashboard.filter.cohort_to'), months(anyMonth))}
        {select('from', t('web.dashboard.filter.from'), months(anyMonth))}
        {select('to', t('web.dashboard.filter.to'), months(anyMonth))}
        <Button
          variant="default"
          size="sm"
          disabled={Object.keys(search).length === 0}
          onClick={() => onChange({})}
        >
          {t('web.dashboard.filter.reset')}
        </Button>
      </Group>
    </Paper>
  );
}
