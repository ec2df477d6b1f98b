/**
 * Where a run is: its place in the queue, the step it is at with a progress bar (steps done
 * of all), or how it ended. Announced politely to screen readers as it moves.
 */
import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import { useMessages } from '../../i18n/use-messages.js';
import type { RunState } from './queries.js';
import { RunStatusBadge } from './run-status.js';
import { stepName } from './step-name.js';

export function RunProgress({ run }: { readonly run: RunState }) {
  const { t } = useMessages();
  const progress = run.progress;
  const share =
    run.status === 'succeeded'
      ? 1
      : progress?.total
        ? Math.min(1, progress.done / progress.total)
        : 0;
  const moving = run.status === 'queued' || run.status === 'running';
  return (
    <Stack gap="xs" aria-live="polite" data-testid="run-progress">
      <Group gap="sm">
        <RunStatusBadge status={run.status} />
        <Text size="sm">{statusLine(run, t)}</Text>
      </Group>
      {run.status !== 'failed' ? (
        <Progress
          value={share * 100}
          striped={moving}
          animated={moving}
          size="lg"
          aria-label={t('web.runs.progress.label', { run: run.id })}
          aria-valuetext={t('web.runs.progress.value', {
            done: progress?.done ?? (run.status === 'succeeded' ? 1 : 0),
            total: progress?.total ?? 1,
          })}
        />
      ) : (
        <Alert color="red" role="alert" title={t('web.runs.failed.title')}>
          {run.failure_reason ?? t('web.runs.failed.no_reason')}
        </Alert>
      )}
    </Stack>
  );
}

function statusLine(run: RunState, t: Parameters<typeof stepName>[1]): string {
  switch (run.status) {
    case 'queued':
      return t('web.runs.progress.queued', { ahead: run.position ?? 0 });
    case 'running':
      return run.progress
        ? t('web.runs.progress.running', {
            step: stepName(run.progress.step, t),
            done: run.progress.done,
            total: run.progress.total ?? 0,
          })
        : t('web.runs.progress.starting');
    case 'succeeded':
      return t('web.runs.progress.succeeded');
    case 'failed':
      return t('web.runs.progress.failed');
  }
}
