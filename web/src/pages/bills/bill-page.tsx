/**
 * One bill: its facts (period, total, lines, the run it comes from), the workflow with the
 * actions the reader's role may take, its lines by outcome (chart and table), adjustments
 * to periods already paid, its approvals, every line against what was paid before, and
 * its documents (statement PDF/XLSX, evidence pack).
 */
import { Alert, Anchor, Card, Grid, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useSession } from '../../app/session.js';
import { useMessages } from '../../i18n/use-messages.js';
import { READABLE_TITLE } from '../../ui/alert-styles.js';
import { dateTime } from '../../ui/date-time.js';
import { Fact } from '../../ui/fact.js';
import { useMoney } from '../../ui/money.js';
import { Loading, Refusal } from '../../ui/query-state.js';
import { Approvals } from './approvals.js';
import { BillActions } from './bill-actions.js';
import { BillDocuments } from './bill-documents.js';
import { BillLines } from './bill-lines.js';
import { BillStatusBadge } from './bill-status.js';
import { ByOutcome } from './by-outcome.js';
import { type BillDetail, billQuery } from './queries.js';

export function BillPage() {
  const { t } = useMessages();
  const { programme, bill } = useParams({ strict: false }) as { programme: string; bill: string };
  const session = useSession();
  const money = useMoney(programme);
  const state = useQuery(billQuery(bill));
  const b = state.data;
  const base = `/app/programmes/${encodeURIComponent(programme)}`;
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={`${base}/bills`} size="sm">
          {t('web.bills.back')}
        </Anchor>
        <Title order={1} size="h2">
          {t('web.bills.bill_title', { bill })}
        </Title>
      </div>
      {state.isError ? <Refusal error={state.error} retry={() => void state.refetch()} /> : null}
      {state.isPending ? <Loading /> : null}
      {b ? (
        <>
          <BillFacts bill={b} programme={programme} />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Stack gap="md">
                <BillActions bill={b} role={session?.role} total={money.cents(b.total_cents)} />
                <Approvals bill={b} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Stack gap="md">
                <ByOutcome bill={b} programme={programme} />
                <Adjustments bill={b} programme={programme} />
              </Stack>
            </Grid.Col>
          </Grid>
          <BillDocuments bill={b} programme={programme} />
          <BillLines bill={b.id} programme={programme} />
        </>
      ) : null}
    </Stack>
  );
}

function BillFacts({ bill, programme }: { readonly bill: BillDetail; readonly programme: string }) {
  const { t, fmt, locale } = useMessages();
  const money = useMoney(programme);
  const runPath = `/app/programmes/${encodeURIComponent(programme)}/runs/${bill.run.id}`;
  return (
    <Card withBorder padding="md">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        <Fact
          label={t('web.bills.column.status')}
          value={<BillStatusBadge status={bill.status} />}
        />
        <Fact label={t('web.bills.column.period_end')} value={fmt.date(bill.period_end)} />
        <Fact
          label={t('web.bills.column.total')}
          value={money.cents(bill.total_cents)}
          testId="bill-total"
        />
        <Fact label={t('web.bills.column.lines')} value={fmt.number(bill.lines)} />
        <Fact
          label={t('web.bills.fact.run')}
          value={
            <Anchor component={Link} to={runPath}>
              {t('web.bills.fact.run_value', {
                run: bill.run.id,
                date: fmt.date(bill.run.as_of),
              })}
            </Anchor>
          }
        />
        <Fact
          label={t('web.bills.column.drafted')}
          value={
            <>
              {dateTime(bill.created_at, locale)}
              <Text span size="xs" c="dimmed" display="block">
                {bill.created_by}
              </Text>
            </>
          }
        />
      </SimpleGrid>
      {bill.held.length > 0 ? (
        <Alert
          color="yellow"
          styles={READABLE_TITLE}
          mt="md"
          title={t('web.bills.held.title', { count: bill.held.length })}
        >
          {t('web.bills.held.text', { participants: bill.held.slice(0, 20).join(', ') })}
        </Alert>
      ) : null}
    </Card>
  );
}

function Adjustments({
  bill,
  programme,
}: {
  readonly bill: BillDetail;
  readonly programme: string;
}) {
  const { t } = useMessages();
  const money = useMoney(programme);
  return (
    <Card withBorder padding="md" component="section" aria-label={t('web.bills.adjustments.title')}>
      <Title order={2} size="h4" mb="xs">
        {t('web.bills.adjustments.title')}
      </Title>
      {bill.adjustments.lines === 0 ? (
        <Text size="sm">{t('web.bills.adjustments.none')}</Text>
      ) : (
        <Text size="sm" data-testid="bill-adjustments">
          {t('web.bills.adjustments.summary', {
            count: bill.adjustments.lines,
            amount: money.cents(bill.adjustments.total_cents),
          })}
        </Text>
      )}
      {bill.corrections.map((c) => (
        <Text size="sm" key={c.version}>
          {t('web.bills.adjustments.correction', {
            version: c.version,
            count: c.lines,
            amount: money.cents(c.total_cents),
          })}
        </Text>
      ))}
      <Text size="xs" c="dimmed" mt="xs">
        {t('web.bills.adjustments.payments', {
          count: bill.lines - bill.adjustments.lines,
          amount: money.cents(bill.total_cents - bill.adjustments.total_cents),
        })}
      </Text>
    </Card>
  );
}
