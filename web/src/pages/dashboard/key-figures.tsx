/** The figures a reader looks for first, above the charts. */
import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useMessages } from '../../i18n/use-messages.js';
import type { Figures } from './queries.js';

export function KeyFigures({ figures }: { readonly figures: Figures }) {
  const { t, fmt } = useMessages();
  const { totals, currency } = figures;
  const items = [
    { id: 'enrolled', label: t('web.dashboard.kpi.enrolled'), value: fmt.number(totals.enrolled) },
    { id: 'achieved', label: t('web.dashboard.kpi.achieved'), value: fmt.number(totals.achieved) },
    {
      id: 'payable',
      label: t('web.dashboard.kpi.payable'),
      value: fmt.money(totals.payable, currency),
    },
    { id: 'paid', label: t('web.dashboard.kpi.paid'), value: fmt.money(totals.paid, currency) },
    {
      id: 'cost-per-job',
      label: t('web.dashboard.kpi.cost_per_job'),
      value:
        totals.cost_per_sustained_job === null
          ? t('web.dashboard.not_applicable')
          : fmt.money(totals.cost_per_sustained_job, currency),
    },
  ];
  return (
    <SimpleGrid cols={{ base: 2, lg: 5 }} spacing="sm" component="dl" m={0}>
      {items.map((item) => (
        <Paper key={item.id} withBorder p="sm" data-testid={`kpi-${item.id}`}>
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" m={0} fw={700} fz={{ base: 'lg', xl: 'xl' }} data-testid="kpi-value">
            {item.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
