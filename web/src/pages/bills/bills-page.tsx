/**
 * A programme's bills, newest first, filtered by status, and (funders) drafting the bill
 * for a period: the server evaluates the programme as of the period end and bills what is
 * payable minus what was paid before, so this takes as long as a run.
 */
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { api, data, problemText } from '../../api/client.js';
import { useSession } from '../../app/session.js';
import { useMessages } from '../../i18n/use-messages.js';
import { dateTime } from '../../ui/date-time.js';
import { useMoney } from '../../ui/money.js';
import { ProgressBar } from '../../ui/progress-bar.js';
import { Loading, LoadMore, Refusal } from '../../ui/query-state.js';
import { TableScroll } from '../../ui/table-scroll.js';
import { BillStatusBadge } from './bill-status.js';
import { type BillStatus, billsQuery } from './queries.js';

const STATUSES: readonly BillStatus[] = ['draft', 'verified', 'approved', 'paid', 'rejected'];

export const billPath = (programme: string, bill: string) =>
  `/app/programmes/${encodeURIComponent(programme)}/bills/${bill}`;

export function BillsPage() {
  const { t } = useMessages();
  const { programme } = useParams({ strict: false }) as { programme: string };
  const session = useSession();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('web.bills.title')}
      </Title>
      {session?.role === 'funder' ? <DraftBill programme={programme} /> : null}
      <BillsTable programme={programme} />
    </Stack>
  );
}

function DraftBill({ programme }: { readonly programme: string }) {
  const { t, locale } = useMessages();
  const headingId = useId();
  const [periodEnd, setPeriodEnd] = useState('');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const draft = useMutation({
    mutationFn: async () =>
      data(
        await api.POST('/programmes/{programme}/bills', {
          params: { path: { programme } },
          body: { period_end: periodEnd },
          headers: { 'accept-language': locale },
        }),
      ),
    onSuccess: async (bill) => {
      await queryClient.invalidateQueries({ queryKey: ['bills', programme] });
      await queryClient.invalidateQueries({ queryKey: ['runs', programme] });
      await navigate({ href: billPath(programme, bill.id) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    draft.mutate();
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <form onSubmit={submit}>
        <Title order={2} size="h4" id={headingId} mb="xs">
          {t('web.bills.draft.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('web.bills.draft.intro')}
        </Text>
        <Group align="flex-end" gap="sm">
          <TextInput
            type="date"
            label={t('web.bills.draft.period_end')}
            required
            value={periodEnd}
            onChange={(e) => setPeriodEnd(e.currentTarget.value)}
            name="period_end"
          />
          <Button type="submit" loading={draft.isPending} disabled={!periodEnd}>
            {t('web.bills.draft.submit')}
          </Button>
        </Group>
        {draft.isPending ? (
          <Stack gap={4} mt="sm" role="status">
            <Text size="sm">{t('web.bills.draft.working')}</Text>
            <ProgressBar value={100} moving label={t('web.bills.draft.title')} />
          </Stack>
        ) : null}
        {draft.isError ? (
          <Alert color="red" role="alert" mt="sm">
            {problemText(draft.error, locale)}
          </Alert>
        ) : null}
      </form>
    </Card>
  );
}

function BillsTable({ programme }: { readonly programme: string }) {
  const { t, fmt, locale } = useMessages();
  const money = useMoney(programme);
  const headingId = useId();
  const [status, setStatus] = useState<BillStatus | undefined>(undefined);
  const bills = useInfiniteQuery(billsQuery(programme, status));
  const rows = bills.data?.pages.flatMap((p) => p.bills) ?? [];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('web.bills.list.title')}
        </Title>
        <NativeSelect
          size="sm"
          label={t('web.bills.list.status_filter')}
          value={status ?? ''}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setStatus(STATUSES.find((s) => s === v));
          }}
          data={[
            { value: '', label: t('web.bills.list.any_status') },
            ...STATUSES.map((s) => ({ value: s, label: t(`web.bills.status.${s}`) })),
          ]}
        />
      </Group>
      {bills.isError ? <Refusal error={bills.error} /> : null}
      {bills.isPending ? <Loading /> : null}
      {bills.isSuccess && rows.length === 0 ? <Text>{t('web.bills.list.empty')}</Text> : null}
      {rows.length > 0 ? (
        <TableScroll label={t('web.bills.list.title')}>
          <Table striped highlightOnHover data-testid="bills-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('web.bills.column.bill')}</Table.Th>
                <Table.Th scope="col">{t('web.bills.column.period_end')}</Table.Th>
                <Table.Th scope="col">{t('web.bills.column.status')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('web.bills.column.total')}
                </Table.Th>
                <Table.Th scope="col">{t('web.bills.column.drafted')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Th scope="row" fw="normal">
                    <Anchor component={Link} to={billPath(programme, b.id)}>
                      {t('web.bills.bill_number', { bill: b.id })}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{fmt.date(b.period_end)}</Table.Td>
                  <Table.Td>
                    <BillStatusBadge status={b.status} />
                  </Table.Td>
                  <Table.Td ta="right">{money.cents(b.total_cents)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{dateTime(b.created_at, locale)}</Text>
                    <Text size="xs" c="dimmed">
                      {b.created_by}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      <LoadMore
        hasMore={bills.hasNextPage}
        loading={bills.isFetchingNextPage}
        onMore={() => void bills.fetchNextPage()}
        label={t('web.list.more')}
      />
    </Card>
  );
}
