/**
 * One outcome as the engine explains it: achieved or not and when, what it paid and which
 * cap cut it, the engine's reasons, and the evidence the rule looked at (the events of the
 * types it reads, or the employment months), folded away until asked for.
 */
import { Badge, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useMessages } from '../../i18n/use-messages.js';
import { WHOLE_BADGE } from '../../ui/badge-styles.js';
import { centsText, decimalText } from './amounts.js';
import type { OutcomeExplained } from './queries.js';
import { capWord, statusColour, statusWord } from './words.js';

export function OutcomeCard({
  outcome,
  asOf,
  currency,
  paidByLedger,
}: {
  readonly outcome: OutcomeExplained;
  readonly asOf: string;
  readonly currency: string | null;
  /** What the ledger has paid for it so far, in cents; undefined when nothing. */
  readonly paidByLedger: number | undefined;
}) {
  const { t, fmt, locale } = useMessages();
  const status = outcome.achieved ? (outcome.payment?.status ?? 'paid') : 'not_achieved';
  const money = (c: number) => centsText(c, currency, fmt, locale);
  const headingId = `outcome-${outcome.outcome}`;
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby={headingId}
      data-testid="outcome"
    >
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={3} size="h5" id={headingId} ff="monospace">
          {outcome.outcome}
        </Title>
        <Badge
          color={statusColour(status)}
          variant="outline"
          styles={WHOLE_BADGE}
          data-testid="outcome-status"
        >
          {t(statusWord(status))}
        </Badge>
      </Group>
      <Stack gap={6}>
        <Text size="sm">
          {outcome.achieved && outcome.achieved_on
            ? t('web.participants.achieved_on', { day: fmt.date(outcome.achieved_on) })
            : t('web.participants.not_achieved_by', { day: fmt.date(asOf) })}
        </Text>
        {outcome.payment ? <PaymentLine payment={outcome.payment} money={money} /> : null}
        {paidByLedger !== undefined ? (
          <Text size="sm">
            {t('web.participants.ledger_paid', { amount: money(paidByLedger) })}
          </Text>
        ) : null}
        <Text size="sm" fw={600} mt={4}>
          {t('web.participants.reasons')}
        </Text>
        <List size="sm" spacing={2} data-testid="reasons">
          {outcome.reasons.map((reason, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the engine may give one sentence twice
            <List.Item key={i} data-testid="reason">
              {reason}
            </List.Item>
          ))}
        </List>
        <Evidence outcome={outcome} currency={currency} />
      </Stack>
    </Card>
  );
}

function PaymentLine({
  payment,
  money,
}: {
  readonly payment: NonNullable<OutcomeExplained['payment']>;
  readonly money: (cents: number) => string;
}) {
  const { t } = useMessages();
  const price = money(payment.price_cents);
  const amount = money(payment.amount_cents);
  const cap = payment.cut_by ? t(capWord(payment.cut_by)) : '';
  const line =
    payment.status === 'out_of_period'
      ? t('web.participants.payment.out_of_period')
      : payment.cut_by === null
        ? t('web.participants.payment.paid', { amount, version: payment.version })
        : payment.amount_cents > 0
          ? t('web.participants.payment.cut', { amount, price, cap })
          : t('web.participants.payment.stopped', { price, cap });
  return (
    <Text size="sm" data-testid="payment">
      {line}
    </Text>
  );
}

function Evidence({
  outcome,
  currency,
}: {
  readonly outcome: OutcomeExplained;
  readonly currency: string | null;
}) {
  const { t, fmt, locale } = useMessages();
  const { events, months } = outcome.evidence;
  if (events.length === 0 && months.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('web.participants.evidence.none')}
      </Text>
    );
  return (
    <details>
      <summary>
        <Text span size="sm">
          {t('web.participants.evidence.show', { count: events.length + months.length })}
        </Text>
      </summary>
      {events.length > 0 ? (
        <Table withTableBorder mt="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('web.participants.event.type')}</Table.Th>
              <Table.Th scope="col">{t('web.participants.event.date')}</Table.Th>
              <Table.Th scope="col">{t('web.participants.event.value')}</Table.Th>
              <Table.Th scope="col">{t('web.participants.event.verified')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: two events may be alike in every field
              <Table.Tr key={i}>
                <Table.Td ff="monospace">{e.type}</Table.Td>
                <Table.Td>{fmt.date(e.occurred_on)}</Table.Td>
                <Table.Td>{e.value ?? '—'}</Table.Td>
                <Table.Td>
                  {t(e.verified ? 'web.participants.eligible.yes' : 'web.participants.eligible.no')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {months.length > 0 ? (
        <Table withTableBorder mt="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('web.participants.month')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('web.participants.earnings')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {months.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Td>{fmt.month(m.month)}</Table.Td>
                <Table.Td ta="end">{decimalText(m.earnings, currency, fmt, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </details>
  );
}
