/**
 * Every stored version of the contract file, newest first: its status (in force, a
 * correction waiting for its decision, rejected), who recorded it, when and why, the first
 * day it pays differently, and for a correction its reason and who decided it.
 */
import { Badge, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useMessages } from '../../i18n/use-messages.js';
import { COLOURS } from '../participants/colours.js';
import type { StoredVersion } from './queries.js';
import { dateTime } from './when.js';

const STATUS_COLOUR = {
  in_force: COLOURS.green,
  pending_correction: COLOURS.orange,
  rejected: COLOURS.red,
} as const;

export function ContractVersions({
  versions,
  inForce,
}: {
  readonly versions: readonly StoredVersion[];
  readonly inForce: number | null;
}) {
  const { t, fmt, locale } = useMessages();
  return (
    <ScrollArea type="auto">
      <Table withTableBorder striped miw={760} data-testid="versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('web.contracts.versions.version')}</Table.Th>
            <Table.Th scope="col">{t('web.contracts.versions.status')}</Table.Th>
            <Table.Th scope="col">{t('web.contracts.versions.by')}</Table.Th>
            <Table.Th scope="col">{t('web.contracts.versions.when')}</Table.Th>
            <Table.Th scope="col">{t('web.contracts.versions.why')}</Table.Th>
            <Table.Th scope="col">{t('web.contracts.versions.affects_from')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...versions].reverse().map((v) => (
            <Table.Tr key={v.version} data-testid="version-row">
              <Table.Td>
                {t('web.contracts.version_n', { version: v.version })}
                {v.version === inForce ? (
                  <Text span size="xs" c="dimmed" ml={6}>
                    {t('web.contracts.versions.current')}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOUR[v.status]} variant="outline" size="sm">
                  {t(`web.contracts.status.${v.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{v.created_by}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(v.created_at, locale)}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <span>{v.reason}</span>
                  {v.correction ? (
                    <Text size="xs" c="dimmed">
                      {t('web.contracts.versions.correction', { reason: v.correction.reason })}
                      {v.correction.decided_by
                        ? ` ${t('web.contracts.versions.decided', {
                            by: v.correction.decided_by,
                            when: v.correction.decided_at
                              ? dateTime(v.correction.decided_at, locale)
                              : '',
                            reason: v.correction.decision_reason ?? '',
                          })}`
                        : ''}
                    </Text>
                  ) : null}
                </Stack>
              </Table.Td>
              <Table.Td>{v.affects_from ? fmt.date(v.affects_from) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
