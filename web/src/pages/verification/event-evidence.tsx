/**
 * The evidence for one sampled event: the event as reported, and its participant's record
 * around it (enrolment, every event with its source and standing, employment months), so
 * the verifier judges the event in context. Read from the participant's page of the API.
 */
import { SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMessages } from '../../i18n/use-messages.js';
import { Fact } from '../../ui/fact.js';
import { useMoney } from '../../ui/money.js';
import { Loading, Refusal } from '../../ui/query-state.js';
import { TableScroll } from '../../ui/table-scroll.js';
import { evidenceQuery, type SampledEvent } from './queries.js';

export function EventEvidence({
  programme,
  event,
}: {
  readonly programme: string;
  readonly event: SampledEvent;
}) {
  const { t, fmt } = useMessages();
  const money = useMoney(programme);
  const evidence = useQuery(evidenceQuery(programme, event.participant_id));
  const p = evidence.data;
  const reported = p?.events.find((e) => e.id === event.event_id);
  return (
    <Stack gap="sm" data-testid="event-evidence">
      <Title order={2} size="h4">
        {t('web.verification.evidence.title', {
          type: event.type,
          participant: event.participant_id,
        })}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm">
        <Fact label={t('web.verification.evidence.type')} value={event.type} />
        <Fact label={t('web.verification.evidence.day')} value={fmt.date(event.occurred_on)} />
        <Fact
          label={t('web.verification.evidence.value')}
          value={
            reported?.value == null
              ? t('web.verification.evidence.no_value')
              : fmt.number(Number(reported.value))
          }
        />
        <Fact
          label={t('web.verification.evidence.source')}
          value={reported ? t(`web.verification.source.${reported.source}`) : '—'}
        />
        <Fact label={t('web.verification.evidence.provider')} value={p?.provider_id ?? '—'} />
        <Fact
          label={t('web.verification.evidence.enrolled')}
          value={p ? fmt.date(p.enrolled_on) : '—'}
        />
      </SimpleGrid>
      {evidence.isError ? <Refusal error={evidence.error} /> : null}
      {evidence.isPending ? <Loading /> : null}
      {p ? (
        <>
          <Title order={3} size="h5">
            {t('web.verification.evidence.timeline')}
          </Title>
          <TableScroll label={t('web.verification.evidence.timeline')}>
            <Table withTableBorder data-testid="participant-events">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('web.verification.evidence.day')}</Table.Th>
                  <Table.Th scope="col">{t('web.verification.evidence.type')}</Table.Th>
                  <Table.Th scope="col">{t('web.verification.evidence.value')}</Table.Th>
                  <Table.Th scope="col">{t('web.verification.evidence.source')}</Table.Th>
                  <Table.Th scope="col">{t('web.verification.evidence.standing')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.events.map((e) => {
                  const sampled = e.id === event.event_id;
                  return (
                    <Table.Tr
                      key={e.id}
                      bg={sampled ? 'var(--mantine-primary-color-light)' : undefined}
                    >
                      <Table.Td>{fmt.date(e.occurred_on)}</Table.Td>
                      <Table.Td>
                        {e.type}
                        {sampled ? (
                          <Text size="xs" fw={700}>
                            {t('web.verification.evidence.this_event')}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{e.value === null ? '—' : fmt.number(Number(e.value))}</Table.Td>
                      <Table.Td>{t(`web.verification.source.${e.source}`)}</Table.Td>
                      <Table.Td>{t(`web.verification.standing.${e.verification}`)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <Title order={3} size="h5">
            {t('web.verification.evidence.employment')}
          </Title>
          {p.employment_months.length === 0 ? (
            <Text size="sm">
              {t(
                p.employment_key === 'none'
                  ? 'web.verification.evidence.no_key'
                  : 'web.verification.evidence.no_months',
              )}
            </Text>
          ) : (
            <SimpleGrid
              cols={{ base: 2, sm: 3, lg: 4 }}
              spacing={4}
              data-testid="employment-months"
            >
              {p.employment_months.map((m) => (
                <Text size="sm" key={m.month}>
                  <Text span fw={600}>
                    {fmt.month(m.month)}
                  </Text>{' '}
                  {money.decimal(m.earnings)}
                </Text>
              ))}
            </SimpleGrid>
          )}
        </>
      ) : null}
    </Stack>
  );
}
