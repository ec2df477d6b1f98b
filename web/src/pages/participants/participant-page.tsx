/**
 * One participant: who, enrolled when and by whom, with which attributes; the engine's
 * explanation of each outcome in the programme's latest run (achieved or not and why, what it
 * paid and which cap cut it); the timeline of events and achievements; employment month by
 * month. The explanation re-reads the run (seconds on a large programme), so the rest of the
 * page is shown first and the explanation follows. A participant the caller may not see (a
 * provider asking for another's) is simply not found, as the API says.
 */
import { Alert, Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/client.js';
import { useMessages } from '../../i18n/use-messages.js';
import { contractQuery } from '../contracts/queries.js';
import { EmploymentMonths } from './employment-months.js';
import { OutcomeCard } from './outcome-card.js';
import { ParticipantTimeline } from './participant-timeline.js';
import { programmePath } from './paths.js';
import {
  type Explanation,
  explanationQuery,
  type ParticipantDetail,
  participantQuery,
} from './queries.js';
import { Loading, Refusal } from './query-view.js';

export function ParticipantPage() {
  const { t, locale } = useMessages();
  const { programme, participant } = useParams({ strict: false }) as {
    programme: string;
    participant: string;
  };
  const detail = useQuery(participantQuery(programme, participant, locale));
  const contract = useQuery(contractQuery(programme));
  const currency = contract.data?.in_force?.currency ?? null;
  const back = (
    <Anchor component={Link} to={`${programmePath(programme)}/participants`}>
      {t('web.participants.back')}
    </Anchor>
  );
  if (detail.isPending) return <Loading />;
  if (detail.isError) {
    const notFound = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <Stack gap="md">
        {back}
        <Title order={1} size="h2">
          {t(notFound ? 'web.participants.not_found.title' : 'web.nav.participants')}
        </Title>
        {notFound ? (
          <Alert color="gray" variant="light" data-testid="not-found">
            {t('web.participants.not_found', { participant })}
          </Alert>
        ) : (
          <Refusal error={detail.error} retry={() => void detail.refetch()} />
        )}
      </Stack>
    );
  }
  const p = detail.data;
  return (
    <Stack gap="lg">
      {back}
      <Title order={1} size="h2">
        {t('web.participants.title', { participant: p.participant_id })}
      </Title>
      <Facts participant={p} />
      <Outcomes participant={p} currency={currency} />
      <Section title={t('web.participants.timeline.title')}>
        <ParticipantTimeline participant={p} currency={currency} />
      </Section>
      <Section title={t('web.participants.months.title')}>
        <EmploymentMonths participant={p} currency={currency} />
      </Section>
    </Stack>
  );
}

function Section({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Facts({ participant: p }: { readonly participant: ParticipantDetail }) {
  const { t, fmt } = useMessages();
  const facts: [string, string][] = [
    [t('web.participants.column.provider'), p.provider_id],
    [t('web.participants.column.enrolled'), fmt.date(p.enrolled_on)],
    [t('web.participants.birth_date'), p.birth_date ? fmt.date(p.birth_date) : '—'],
    ...Object.entries(p.attributes).map(([name, value]): [string, string] => [name, value || '—']),
  ];
  return (
    <Card withBorder padding="md">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} component="dl" m={0}>
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="xs" c="dimmed" fw={600}>
              {label}
            </Text>
            <Text component="dd" m={0} size="sm">
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}

/** The engine's explanation of each outcome in the run the participant page reads. */
function Outcomes({
  participant: p,
  currency,
}: {
  readonly participant: ParticipantDetail;
  readonly currency: string | null;
}) {
  const { t, fmt, locale } = useMessages();
  const run = p.run;
  const explanation = useQuery({
    ...explanationQuery(run?.id ?? '', p.participant_id, locale),
    enabled: run !== null,
  });
  if (!run)
    return (
      <Section title={t('web.participants.outcomes.title')}>
        <Alert color="gray" variant="light">
          {t('web.participants.no_run')}
        </Alert>
      </Section>
    );
  return (
    <Section title={t('web.participants.outcomes.title')}>
      <Text size="sm" c="dimmed">
        {t('web.participants.outcomes.in_run', { run: run.id, as_of: fmt.date(run.as_of) })}
      </Text>
      {explanation.isPending ? (
        <Group gap="sm">
          <Loading label={t('web.participants.explaining')} />
          <Text size="sm">{t('web.participants.explaining')}</Text>
        </Group>
      ) : explanation.isError ? (
        <Refusal error={explanation.error} retry={() => void explanation.refetch()} />
      ) : (
        <Explained explanation={explanation.data} participant={p} currency={currency} />
      )}
    </Section>
  );
}

function Explained({
  explanation,
  participant,
  currency,
}: {
  readonly explanation: Explanation;
  readonly participant: ParticipantDetail;
  readonly currency: string | null;
}) {
  const { t } = useMessages();
  const paid = new Map(participant.paid.map((l) => [l.outcome_id, l.amount_cents]));
  return (
    <Stack gap="sm" data-testid="explanation">
      <Text size="sm" data-testid="standing">
        {[
          explanation.segment === null
            ? t('web.participants.no_segment')
            : t('web.participants.segment_is', { segment: explanation.segment }),
          explanation.eligible
            ? t('web.participants.eligible_yes')
            : t('web.participants.eligible_no', { why: explanation.ineligible_because ?? '' }),
        ].join(' · ')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {explanation.outcomes.map((o) => (
          <OutcomeCard
            key={o.outcome}
            outcome={o}
            asOf={explanation.as_of}
            currency={currency}
            paidByLedger={paid.get(o.outcome)}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
