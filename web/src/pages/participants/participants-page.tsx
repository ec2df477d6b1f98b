/**
 * Participants: search a programme's participants (a million as fast as a thousand: the
 * server pages and filters, keyset by id), a page at a time, and open one. Segment,
 * eligibility and outcomes are those of the latest run, which the page names.
 */
import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useSession } from '../../app/session.js';
import { useMessages } from '../../i18n/use-messages.js';
import { ParticipantFilters } from './participant-filters.js';
import { ParticipantTable } from './participant-table.js';
import { type ListSearch, type SearchAnswer, searchQuery } from './queries.js';
import { Refusal } from './query-view.js';

export function ParticipantsPage() {
  const { t } = useMessages();
  const { programme } = useParams({ strict: false }) as { programme: string };
  const search = useSearch({ strict: false }) as ListSearch;
  const navigate = useNavigate();
  const session = useSession();
  const query = useQuery(searchQuery(programme, search));
  // The cursors of the pages before this one, for "Previous page" (keyset pages have no number).
  const [trail, setTrail] = useState<(string | undefined)[]>([]);
  const go = (next: ListSearch, keepTrail = false) => {
    if (!keepTrail) setTrail([]);
    void navigate({ to: '.', search: next as never, replace: true });
  };
  const answer = query.data;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('web.nav.participants')}
      </Title>
      <RunLine answer={answer} />
      <ParticipantFilters
        search={search}
        facets={answer?.facets}
        showProvider={session?.role !== 'provider'}
        onChange={(next) => go(next)}
      />
      <Group gap="xs" mih={24} aria-live="polite">
        {query.isFetching ? <Loader size="xs" aria-label={t('web.app.loading')} /> : null}
        {answer && !query.isFetching ? (
          <Text size="sm" data-testid="page-summary">
            {answer.participants.length === 0
              ? t('web.participants.none')
              : t('web.participants.page_summary', {
                  count: answer.participants.length,
                  first: answer.participants[0]?.participant_id ?? '',
                  last: answer.participants.at(-1)?.participant_id ?? '',
                })}
          </Text>
        ) : null}
      </Group>
      {query.isError ? <Refusal error={query.error} retry={() => void query.refetch()} /> : null}
      <div aria-busy={query.isFetching} data-testid="results">
        {answer && answer.participants.length > 0 ? (
          <ParticipantTable
            programme={programme}
            answer={answer}
            showProvider={session?.role !== 'provider'}
          />
        ) : null}
      </div>
      {answer ? (
        <Group gap="sm" component="nav" aria-label={t('web.participants.pages')}>
          <Button
            variant="default"
            size="sm"
            disabled={search.after === undefined}
            onClick={() => go({ ...search, after: undefined })}
          >
            {t('web.participants.first_page')}
          </Button>
          <Button
            variant="default"
            size="sm"
            disabled={trail.length === 0}
            onClick={() => {
              const before = trail.at(-1);
              setTrail(trail.slice(0, -1));
              go({ ...search, after: before }, true);
            }}
          >
            {t('web.participants.previous_page')}
          </Button>
          <Button
            variant="default"
            size="sm"
            disabled={!answer.next || query.isPlaceholderData}
            onClick={() => {
              setTrail([...trail, search.after]);
              go({ ...search, after: answer.next ?? undefined }, true);
            }}
            data-testid="next-page"
          >
            {t('web.participants.next_page')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** Which run the segment, eligibility and outcome columns come from, or that none has yet. */
function RunLine({ answer }: { readonly answer: SearchAnswer | undefined }) {
  const { t, fmt } = useMessages();
  if (!answer) return null;
  if (!answer.run)
    return (
      <Alert color="gray" variant="light">
        {t('web.participants.no_run')}
      </Alert>
    );
  return (
    <Text size="sm" c="dimmed" data-testid="run-line">
      {t('web.participants.as_of_run', { run: answer.run.id, as_of: fmt.date(answer.run.as_of) })}
    </Text>
  );
}
