/**
 * The programme dashboard: key figures, the pipeline funnel, outcomes and payments over
 * time, the caps with their forecast, and the comparison by provider and by segment, all
 * from one request under the filters. Every chart has its table and CSV (ChartCard).
 */
import { Alert, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { problemText } from '../../api/client.js';
import { useMessages } from '../../i18n/use-messages.js';
import { CapsCard } from './caps-card.js';
import { ComparisonCard } from './comparison-card.js';
import { DashboardFilters } from './filters.js';
import { FunnelCard } from './funnel-card.js';
import { KeyFigures } from './key-figures.js';
import { OverTimeCard } from './over-time-card.js';
import { type DashboardSearch, figuresQuery, searchOf } from './queries.js';

export function DashboardPage() {
  const { t, fmt, locale } = useMessages();
  const { programme } = useParams({ strict: false }) as { programme: string };
  const search = searchOf(useSearch({ strict: false }) as Record<string, unknown>);
  const navigate = useNavigate();
  const figures = useQuery(figuresQuery(programme, search));
  const setFilters = (next: DashboardSearch) =>
    void navigate({ to: '.', search: next as never, replace: true });

  if (figures.isError)
    return (
      <Alert color="red" role="alert" title={t('web.dashboard.title')}>
        {problemText(figures.error, locale)}
      </Alert>
    );
  const f = figures.data;
  return (
    <Stack gap="md" aria-busy={figures.isFetching}>
      <div>
        <Title order={1} size="h2">
          {t('web.dashboard.title')}
        </Title>
        {f ? (
          <Text size="sm" c="dimmed" data-testid="as-of">
            {f.as_of && f.run
              ? t('web.dashboard.as_of', {
                  date: fmt.date(f.as_of),
                  run: f.run,
                  currency: f.currency,
                })
              : t('web.dashboard.no_run')}{' '}
            {t('web.dashboard.aggregates_only')}
          </Text>
        ) : null}
      </div>
      {f ? (
        <>
          <DashboardFilters figures={f} search={search} onChange={setFilters} />
          <KeyFigures figures={f} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <FunnelCard figures={f} />
            <CapsCard figures={f} />
          </SimpleGrid>
          <OverTimeCard figures={f} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <ComparisonCard figures={f} by="provider" />
            <ComparisonCard figures={f} by="segment" />
          </SimpleGrid>
        </>
      ) : (
        <Loader role="status" aria-label={t('web.app.loading')} />
      )}
    </Stack>
  );
}
