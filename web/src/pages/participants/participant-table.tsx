/**
 * One page of participants: id (the way into the participant's page), provider, enrolment
 * day, and in the latest run segment, eligibility, outcomes achieved, what the run makes
 * payable and whether a cap cut anything. A real table, with a caption and column headers;
 * on a tablet it keeps what answers "was this person paid?" (provider, enrolment day and
 * segment are on the participant's page) and scrolls sideways rather than squeezing.
 */
import { Anchor, Badge, Group, ScrollArea, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useMessages } from '../../i18n/use-messages.js';
import { centsText } from './amounts.js';
import { participantPath } from './paths.js';
import type { FoundParticipant, SearchAnswer } from './queries.js';
import { statusColour, statusWord } from './words.js';

export function ParticipantTable({
  programme,
  answer,
  showProvider,
}: {
  readonly programme: string;
  readonly answer: SearchAnswer;
  /** Not for a provider: every row is its own. */
  readonly showProvider: boolean;
}) {
  const { t, fmt, locale } = useMessages();
  const providerName = new Map(answer.facets.providers.map((p) => [p.id, p.name]));
  const outcomes = answer.facets.outcomes.length;
  const money = (c: number) => centsText(c, answer.facets.currency, fmt, locale);
  return (
    <ScrollArea type="auto">
      <Table striped highlightOnHover withTableBorder miw={520} data-testid="participants">
        <VisuallyHidden component="caption">{t('web.participants.table.caption')}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('web.participants.column.id')}</Table.Th>
            {showProvider ? (
              <Table.Th scope="col" visibleFrom="md">
                {t('web.participants.column.provider')}
              </Table.Th>
            ) : null}
            <Table.Th scope="col" visibleFrom="md">
              {t('web.participants.column.enrolled')}
            </Table.Th>
            <Table.Th scope="col" visibleFrom="md">
              {t('web.participants.column.segment')}
            </Table.Th>
            <Table.Th scope="col">{t('web.participants.column.eligible')}</Table.Th>
            <Table.Th scope="col">{t('web.participants.column.achieved')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('web.participants.column.payable')}
            </Table.Th>
            <Table.Th scope="col">{t('web.participants.column.caps')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {answer.participants.map((p) => (
            <Row
              key={p.participant_id}
              p={p}
              programme={programme}
              provider={providerName.get(p.provider_id) ?? p.provider_id}
              showProvider={showProvider}
              outcomes={outcomes}
              money={money}
            />
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

function Row({
  p,
  programme,
  provider,
  outcomes,
  money,
  showProvider,
}: {
  readonly showProvider: boolean;
  readonly p: FoundParticipant;
  readonly programme: string;
  readonly provider: string;
  readonly outcomes: number;
  readonly money: (cents: number) => string;
}) {
  const { t, fmt } = useMessages();
  const notInRun = <Text c="dimmed">—</Text>;
  const payable = p.achievements.reduce((sum, a) => sum + a.amount_cents, 0);
  const cut = [...new Set(p.achievements.map((a) => a.status))].filter((s) => s !== 'paid');
  return (
    <Table.Tr data-testid="participant-row">
      <Table.Td>
        <Anchor component={Link} to={participantPath(programme, p.participant_id)} ff="monospace">
          {p.participant_id}
        </Anchor>
      </Table.Td>
      {showProvider ? <Table.Td visibleFrom="md">{provider}</Table.Td> : null}
      <Table.Td visibleFrom="md" style={{ whiteSpace: 'nowrap' }}>
        {fmt.date(p.enrolled_on)}
      </Table.Td>
      <Table.Td visibleFrom="md">
        {p.in_run ? (p.segment ?? t('web.participants.no_segment')) : notInRun}
      </Table.Td>
      <Table.Td>
        {p.eligible === null
          ? notInRun
          : t(p.eligible ? 'web.participants.eligible.yes' : 'web.participants.eligible.no')}
      </Table.Td>
      <Table.Td>
        {p.in_run
          ? t('web.participants.achieved_of', { achieved: p.achievements.length, outcomes })
          : notInRun}
      </Table.Td>
      <Table.Td ta="end">{p.in_run ? money(payable) : notInRun}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {cut.map((s) => (
            <Badge key={s} color={statusColour(s)} variant="light" size="sm">
              {t(statusWord(s))}
            </Badge>
          ))}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
