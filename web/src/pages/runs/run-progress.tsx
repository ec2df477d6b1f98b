/**
 * Where a run is: its place in the queue, the step it is at with a progress bar (steps done
 * of all), or how it ended. Announced politely to screen readers as it moves.
 */
import { Alert, Group, Stack, Text } from '@mantine/core';
import { useMessages } from '../../i18n/use-messages.js';
import { ProgressBar } from '../../ui/progress-bar.js';
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
        <ProgressBar
          value={share * 100}
          moving={moving}
          size="lg"
          label={t('web.runs.progress.label', { run: run.id })}
          valueText={statusLine(run, t)}
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
    case 'running': {
      const p = run.progress;
      if (!p) return t('web.runs.progress.starting');
      // The snapshot is exported before the engine counts its steps (total 0 then).
      if (!p.total) return t('web.runs.progress.working', { step: stepName(p.step, t) });
      return t('web.runs.progress.running', {
        step: stepName(p.step, t),
        number: Math.min(p.done + 1, p.total),
        total: p.total,
      });
    }
    case 'succeeded':
      return t('web.runs.progress.succeeded');
    case 'failed':
      return t('web.runs.progress.failed');
  }
}
