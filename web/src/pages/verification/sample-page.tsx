/**
 * A verification sample worked through: the queue of its events in draw order, and for the
 * event open (`?event=`, the first undecided by default) its evidence and, for verifiers,
 * the decision form. After a decision the next undecided event opens.
 */
import { Alert, Anchor, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useSession } from '../../app/session.js';
import { useMessages } from '../../i18n/use-messages.js';
import { ProgressBar } from '../../ui/progress-bar.js';
import { Loading, Refusal } from '../../ui/query-state.js';
import { DecisionForm } from './decision-form.js';
import { EventEvidence } from './event-evidence.js';
import { type Sample, sampleQuery } from './queries.js';
import type { SampleSearch } from './route.js';
import { SampleQueue } from './sample-queue.js';

export function SamplePage() {
  const { t } = useMessages();
  const { programme, sample } = useParams({ strict: false }) as {
    programme: string;
    sample: string;
  };
  const search = useSearch({ strict: false }) as SampleSearch;
  const navigate = useNavigate();
  const session = useSession();
  const [recorded, setRecorded] = useState<string | null>(null);
  const state = useQuery(sampleQuery(sample));
  const s = state.data;
  const open = s ? (search.event ?? firstUndecided(s)) : undefined;
  const event = s?.events.find((e) => e.event_id === open);
  const openEvent = (id: string | undefined) =>
    void navigate({ to: '.', search: (id ? { event: id } : {}) as never, replace: true });
  const decided = s?.events.filter((e) => e.decision !== null).length ?? 0;
  const size = s?.events.length ?? 0;
  const back = `/app/programmes/${encodeURIComponent(programme)}/runs?tab=verification`;

  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={back} size="sm">
          {t('web.verification.back')}
        </Anchor>
        <Title order={1} size="h2">
          {t('web.verification.sample_title', { sample })}
        </Title>
        {s ? (
          <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {t('web.verification.seed', { seed: s.seed })}
          </Text>
        ) : null}
      </div>
      {state.isError ? <Refusal error={state.error} /> : null}
      {state.isPending ? <Loading /> : null}
      {s ? (
        <>
          <Group gap="sm" aria-live="polite">
            <Text size="sm" data-testid="sample-progress">
              {t('web.verification.decided_of', { decided, size })}
            </Text>
            <div style={{ width: 200 }}>
              <ProgressBar
                value={size > 0 ? (100 * decided) / size : 0}
                label={t('web.verification.sample_title', { sample })}
                valueText={t('web.verification.decided_of', { decided, size })}
              />
            </div>
          </Group>
          {recorded ? (
            <Alert
              color="green"
              role="status"
              withCloseButton
              closeButtonLabel={t('web.verification.hide_message')}
              onClose={() => setRecorded(null)}
            >
              {recorded}
            </Alert>
          ) : null}
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Card withBorder padding="xs">
                <SampleQueue events={s.events} open={open} onOpen={openEvent} />
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              {event ? (
                <Stack gap="md">
                  <Card withBorder padding="md">
                    <EventEvidence programme={programme} event={event} />
                  </Card>
                  {session?.role === 'verifier' ? (
                    <Card withBorder padding="md">
                      <DecisionForm
                        sample={sample}
                        event={event}
                        onDecided={() => {
                          setRecorded(
                            t('web.verification.recorded', {
                              type: event.type,
                              participant: event.participant_id,
                            }),
                          );
                          const next = nextUndecided(s, event.event_id);
                          openEvent(next);
                        }}
                      />
                    </Card>
                  ) : null}
                </Stack>
              ) : (
                <Card withBorder padding="md">
                  <Text>{t('web.verification.all_decided')}</Text>
                </Card>
              )}
            </Grid.Col>
          </Grid>
        </>
      ) : null}
    </Stack>
  );
}

function firstUndecided(s: Sample): string | undefined {
  return (s.events.find((e) => e.decision === null) ?? s.events[0])?.event_id;
}

/** The next undecided event after `current` in draw order (wrapping), if any is left. */
function nextUndecided(s: Sample, current: string): string | undefined {
  const at = s.events.findIndex((e) => e.event_id === current);
  const order = [...s.events.slice(at + 1), ...s.events.slice(0, at)];
  return order.find((e) => e.decision === null)?.event_id;
}
