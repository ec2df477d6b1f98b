/**
 * One evaluation run, followed while it is queued or running (runQuery asks again, gently),
 * then what it made payable, its evidence pack, and when it failed every problem of the
 * input data by file, row and column.
 */
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useMessages } from '../../i18n/use-messages.js';
import { dateTime } from '../../ui/date-time.js';
import { Fact } from '../../ui/fact.js';
import { useMoney } from '../../ui/money.js';
import { ProblemTable } from '../../ui/problem-table.js';
import { Loading, Refusal } from '../../ui/query-state.js';
import { EvidencePackButton } from './evidence-pack-button.js';
import { runQuery } from './queries.js';
import { RunProgress } from './run-progress.js';

export function RunPage() {
  const { t, fmt, locale } = useMessages();
  const { programme, run } = useParams({ strict: false }) as { programme: string; run: string };
  const money = useMoney(programme);
  const state = useQuery(runQuery(run, locale));
  const back = `/app/programmes/${encodeURIComponent(programme)}/runs`;
  const r = state.data;
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={back} size="sm">
          {t('web.runs.back')}
        </Anchor>
        <Title order={1} size="h2">
          {t('web.runs.run_title', { run })}
        </Title>
      </div>
      {state.isError ? <Refusal error={state.error} retry={() => void state.refetch()} /> : null}
      {state.isPending ? <Loading /> : null}
      {r ? (
        <>
          <Card withBorder padding="md">
            <RunProgress run={r} />
          </Card>
          <Card withBorder padding="md">
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
              <Fact label={t('web.runs.column.as_of')} value={fmt.date(r.as_of)} />
              <Fact
                label={t('web.runs.fact.contract')}
                value={t('web.runs.contract_version', { version: r.contract_version })}
              />
              <Fact label={t('web.runs.fact.requested')} value={dateTime(r.created_at, locale)} />
              <Fact
                label={t('web.runs.fact.started')}
                value={r.started_at ? dateTime(r.started_at, locale) : '—'}
              />
              <Fact
                label={t('web.runs.fact.finished')}
                value={r.finished_at ? dateTime(r.finished_at, locale) : '—'}
              />
              <Fact
                label={t('web.runs.column.payable')}
                value={r.paid === null ? '—' : money.decimal(r.paid)}
                testId="run-payable"
              />
            </SimpleGrid>
            {r.status === 'succeeded' ? (
              <Group mt="md" gap="sm" align="center">
                <EvidencePackButton run={r.id} />
                {r.evidence_pack_sha256 ? (
                  <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                    {t('web.runs.evidence_pack.sha', { sha: r.evidence_pack_sha256 })}
                  </Text>
                ) : null}
              </Group>
            ) : null}
          </Card>
          {r.problems.length > 0 ? (
            <ProblemTable title={t('web.runs.problems.title')} problems={r.problems} />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
