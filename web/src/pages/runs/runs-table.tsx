/** A programme's evaluation runs, newest first, a page at a time, each with its evidence pack. */
import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useMessages } from '../../i18n/use-messages.js';
import { dateTime } from '../../ui/date-time.js';
import { useMoney } from '../../ui/money.js';
import { Loading, LoadMore, Refusal } from '../../ui/query-state.js';
import { TableScroll } from '../../ui/table-scroll.js';
import { EvidencePackButton } from './evidence-pack-button.js';
import { runsQuery } from './queries.js';
import { RunStatusBadge } from './run-status.js';

export function RunsTable({ programme }: { readonly programme: string }) {
  const { t, fmt, locale } = useMessages();
  const money = useMoney(programme);
  const headingId = useId();
  const runs = useInfiniteQuery(runsQuery(programme));
  const rows = runs.data?.pages.flatMap((p) => p.runs) ?? [];
  const base = `/app/programmes/${encodeURIComponent(programme)}/runs`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('web.runs.list.title')}
      </Title>
      {runs.isError ? <Refusal error={runs.error} retry={() => void runs.refetch()} /> : null}
      {runs.isPending ? <Loading /> : null}
      {runs.isSuccess && rows.length === 0 ? <Text>{t('web.runs.list.empty')}</Text> : null}
      {rows.length > 0 ? (
        <TableScroll label={t('web.runs.list.title')}>
          <Table striped highlightOnHover data-testid="runs-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('web.runs.column.run')}</Table.Th>
                <Table.Th scope="col">{t('web.runs.column.as_of')}</Table.Th>
                <Table.Th scope="col">{t('web.runs.column.status')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('web.runs.column.payable')}
                </Table.Th>
                <Table.Th scope="col">{t('web.runs.column.requested')}</Table.Th>
                <Table.Th scope="col">{t('web.runs.column.evidence')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((run) => (
                <Table.Tr key={run.id}>
                  <Table.Th scope="row" fw="normal">
                    <Anchor component={Link} to={`${base}/${run.id}`}>
                      {t('web.runs.run_number', { run: run.id })}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t('web.runs.contract_version', { version: run.contract_version })}
                    </Text>
                  </Table.Th>
                  <Table.Td>{fmt.date(run.as_of)}</Table.Td>
                  <Table.Td>
                    <RunStatusBadge status={run.status} />
                    {run.failure_reason ? (
                      <Text size="xs" c="dimmed" maw={280} lineClamp={2}>
                        {run.failure_reason}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right">
                    {run.paid_cents === null ? '—' : money.cents(run.paid_cents)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{dateTime(run.created_at, locale)}</Text>
                    <Text size="xs" c="dimmed">
                      {run.created_by}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {run.status === 'succeeded' ? <EvidencePackButton run={run.id} compact /> : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      <LoadMore
        hasMore={runs.hasNextPage}
        loading={runs.isFetchingNextPage}
        onMore={() => void runs.fetchNextPage()}
        label={t('web.list.more')}
      />
    </Card>
  );
}
