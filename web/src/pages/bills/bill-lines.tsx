/**
 * A bill's lines against what was paid before: per participant and outcome, what is
 * payable in total as of the period end, what the ledger had paid, and the difference this
 * bill pays (an adjustment when it changes a period already paid). Filtered by kind and
 * provider on the server, a page at a time.
 */
import {
  Badge,
  Card,
  Group,
  NativeSelect,
  SegmentedControl,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useMessages } from '../../i18n/use-messages.js';
import { useMoney } from '../../ui/money.js';
import { Loading, LoadMore, Refusal } from '../../ui/query-state.js';
import { TableScroll } from '../../ui/table-scroll.js';
import { type LineFilter, type LineKind, linesQuery, providersQuery } from './queries.js';

export function BillLines({
  bill,
  programme,
}: {
  readonly bill: string;
  readonly programme: string;
}) {
  const { t } = useMessages();
  const money = useMoney(programme);
  const headingId = useId();
  const [kind, setKind] = useState<LineKind | 'all'>('all');
  const [provider, setProvider] = useState('');
  const providers = useQuery(providersQuery(programme));
  const filter: LineFilter = {
    ...(kind === 'all' ? {} : { kind }),
    ...(provider ? { provider } : {}),
  };
  const lines = useInfiniteQuery(linesQuery(bill, filter));
  const rows = lines.data?.pages.flatMap((p) => p.lines) ?? [];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('web.bills.lines.title')}
        </Title>
        <Group gap="sm" align="flex-end">
          <div role="radiogroup" aria-label={t('web.bills.lines.kind')}>
            <SegmentedControl
              size="xs"
              value={kind}
              onChange={(v) => setKind(v === 'payment' || v === 'adjustment' ? v : 'all')}
              data={[
                { value: 'all', label: t('web.bills.lines.all') },
                { value: 'payment', label: t('web.bills.kind.payment') },
                { value: 'adjustment', label: t('web.bills.kind.adjustment') },
              ]}
            />
          </div>
          <NativeSelect
            size="xs"
            label={t('web.bills.lines.provider')}
            value={provider}
            onChange={(e) => setProvider(e.currentTarget.value)}
            data={[
              { value: '', label: t('web.bills.lines.any_provider') },
              ...(providers.data ?? []).map((p) => ({ value: p, label: p })),
            ]}
          />
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t('web.bills.lines.intro')}
      </Text>
      {lines.isError ? <Refusal error={lines.error} /> : null}
      {lines.isPending ? <Loading /> : null}
      {lines.isSuccess && rows.length === 0 ? <Text>{t('web.bills.lines.empty')}</Text> : null}
      {rows.length > 0 ? (
        <TableScroll label={t('web.bills.lines.title')}>
          <Table striped data-testid="bill-lines" aria-busy={lines.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('web.bills.column.participant')}</Table.Th>
                <Table.Th scope="col">{t('web.bills.column.outcome')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('web.bills.column.cumulative')}
                  <Text span display="block" size="xs" fw={400}>
                    {t('web.bills.column.previously_paid')}
                  </Text>
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('web.bills.column.this_bill')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((l) => (
                <Table.Tr key={`${l.participant_id} ${l.outcome_id} ${l.kind}`}>
                  <Table.Th scope="row" fw="normal">
                    <Text size="sm">{l.participant_id}</Text>
                    <Text size="xs" c="dimmed">
                      {l.provider_id}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <Text size="sm">{l.outcome_id}</Text>
                    {l.kind === 'adjustment' ? (
                      <Badge size="xs" variant="outline" color="dark">
                        {l.correction_version === null
                          ? t('web.bills.kind.adjustment')
                          : t('web.bills.kind.correction', { version: l.correction_version })}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right">
                    {money.cents(l.cumulative_cents)}
                    <Text span display="block" size="xs" c="dimmed">
                      {money.cents(l.previously_paid_cents)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {money.cents(l.amount_cents)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      <LoadMore
        hasMore={lines.hasNextPage}
        loading={lines.isFetchingNextPage}
        onMore={() => void lines.fetchNextPage()}
        label={t('web.list.more')}
      />
    </Card>
  );
}
