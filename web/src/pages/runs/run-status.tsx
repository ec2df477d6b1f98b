/** A run's status as a coloured badge with its name in the reader's language. */
import { Badge } from '@mantine/core';
import { useMessages } from '../../i18n/use-messages.js';
import { WHOLE_BADGE } from '../../ui/badge-styles.js';
import type { RunStatus } from './queries.js';

const COLOUR: Record<RunStatus, string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
};

export function RunStatusBadge({ status }: { readonly status: RunStatus }) {
  const { t } = useMessages();
  return (
    <Badge styles={WHOLE_BADGE} color={COLOUR[status]} variant="dot" data-testid="run-status">
      {t(`web.runs.status.${status}`)}
    </Badge>
  );
}
