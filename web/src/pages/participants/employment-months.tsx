/**
 * A participant's employment month by month, from the employment datasets in force: the
 * earnings (summed over employers) and how many employers paid them. Says so plainly when
 * no employment can be matched (no person key) or a verifier decided the key is not theirs.
 */
import { Alert, ScrollArea, Table } from '@mantine/core';
import { useMessages } from '../../i18n/use-messages.js';
import { decimalText } from './amounts.js';
import type { ParticipantDetail } from './queries.js';

export function EmploymentMonths({
  participant,
  currency,
}: {
  readonly participant: ParticipantDetail;
  readonly currency: string | null;
}) {
  const { t, fmt, locale } = useMessages();
  if (participant.employment_key !== 'matched')
    return (
      <Alert color="gray" variant="light">
        {t(
          participant.employment_key === 'none'
            ? 'web.participants.months.no_key'
            : 'web.participants.months.not_theirs',
        )}
      </Alert>
    );
  if (participant.employment_months.length === 0)
    return (
      <Alert color="gray" variant="light">
        {t('web.participants.months.none')}
      </Alert>
    );
  return (
    <ScrollArea type="auto" mah={420}>
      <Table withTableBorder striped data-testid="employment-months">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('web.participants.month')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('web.participants.earnings')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('web.participants.employers')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {participant.employment_months.map((m) => (
            <Table.Tr key={m.month}>
              <Table.Td>{fmt.month(m.month)}</Table.Td>
              <Table.Td ta="end">{decimalText(m.earnings, currency, fmt, locale)}</Table.Td>
              <Table.Td ta="end">{fmt.number(m.employers)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
