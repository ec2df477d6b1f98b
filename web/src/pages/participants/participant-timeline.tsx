/**
 * What happened to a participant, in order: the enrolment, every event (with who recorded
 * it and whether it was verified), and every outcome achieved in the run with its status.
 * Employment is shown month by month beside it (employment-months.tsx).
 */
import { Badge, ScrollArea, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useMessages } from '../../i18n/use-messages.js';
import { WHOLE_BADGE } from '../../ui/badge-styles.js';
import { centsText } from './amounts.js';
import type { ParticipantDetail } from './queries.js';
import { statusColour, statusWord } from './words.js';

const values = new Map<string, Intl.NumberFormat>();

/** An event's value as stored (`61.000000`) as people write it (`61`, `0,5`). */
function valueText(value: string, locale: string): string {
  let format = values.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
    values.set(locale, format);
  }
  return format.format(value as `${number}`);
}

interface Moment {
  readonly day: string;
  /** Same-day moments: enrolment, then events, then achievements. */
  readonly order: number;
  readonly what: ReactNode;
  readonly detail: ReactNode;
}

export function ParticipantTimeline({
  participant,
  currency,
}: {
  readonly participant: ParticipantDetail;
  readonly currency: string | null;
}) {
  const { t, fmt, locale } = useMessages();
  const moments: Moment[] = [
    {
      day: participant.enrolled_on,
      order: 0,
      what: t('web.participants.timeline.enrolled'),
      detail: participant.provider_id,
    },
    ...participant.events.map((e) => ({
      day: e.occurred_on,
      order: 1,
      what: (
        <Text span ff="monospace" size="sm">
          {e.type}
        </Text>
      ),
      detail: [
        e.value === null
          ? null
          : t('web.participants.timeline.value', { value: valueText(e.value, locale) }),
        t(`web.participants.source.${e.source}`),
        t(`web.participants.verification.${e.verification}`),
      ]
        .filter((part) => part !== null)
        .join(' · '),
    })),
    ...participant.achievements.map((a) => ({
      day: a.achieved_on,
      order: 2,
      what: (
        <Text span size="sm" fw={600}>
          {t('web.participants.timeline.achieved', { outcome: a.outcome_id })}
        </Text>
      ),
      detail: (
        <>
          <Badge
            color={statusColour(a.status)}
            variant="outline"
            size="sm"
            mr="xs"
            styles={WHOLE_BADGE}
          >
            {t(statusWord(a.status))}
          </Badge>
          {t('web.participants.timeline.amount', {
            amount: centsText(a.amount_cents, currency, fmt, locale),
            price: centsText(a.price_cents, currency, fmt, locale),
          })}
        </>
      ),
    })),
  ].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.order - b.order));
  return (
    <ScrollArea type="auto">
      <Table withTableBorder striped miw={560} data-testid="timeline">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('web.participants.timeline.day')}</Table.Th>
            <Table.Th scope="col">{t('web.participants.timeline.what')}</Table.Th>
            <Table.Th scope="col">{t('web.participants.timeline.detail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {moments.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: moments are listed once, in this order
            <Table.Tr key={i}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(m.day)}</Table.Td>
              <Table.Td>{m.what}</Table.Td>
              <Table.Td>{m.detail}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
