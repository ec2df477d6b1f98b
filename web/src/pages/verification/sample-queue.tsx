/**
 * A sample's events in draw order, as a queue: each with its participant, type, day and
 * decision; the one open is marked, and any can be opened with the keyboard.
 */
import { Button, ScrollArea, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMessages } from '../../i18n/use-messages.js';
import { DecisionBadge } from './decision-badge.js';
import type { SampledEvent } from './queries.js';

export function SampleQueue({
  events,
  open,
  onOpen,
}: {
  readonly events: readonly SampledEvent[];
  readonly open: string | undefined;
  readonly onOpen: (event: string) => void;
}) {
  const { t, fmt } = useMessages();
  return (
    <ScrollArea.Autosize
      mah={640}
      type="auto"
      viewportProps={{
        tabIndex: 0,
        role: 'region',
        'aria-label': t('web.verification.queue.caption'),
      }}
    >
      <Table highlightOnHover data-testid="sample-queue">
        <Table.Caption>{t('web.verification.queue.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('web.verification.column.event')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('web.verification.column.open')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => {
            const current = e.event_id === open;
            return (
              <Table.Tr
                key={e.event_id}
                bg={current ? 'var(--mantine-primary-color-light)' : undefined}
                aria-current={current ? 'true' : undefined}
                data-testid="sampled-event"
              >
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {e.participant_id}
                  </Text>
                  <Text size="xs">
                    {e.type} · {fmt.date(e.occurred_on)}
                  </Text>
                  <DecisionBadge decision={e.decision} />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant={current ? 'filled' : 'default'}
                    onClick={() => onOpen(e.event_id)}
                    aria-label={t('web.verification.open_event', {
                      type: e.type,
                      participant: e.participant_id,
                    })}
                  >
                    {t('web.verification.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
