/**
 * The programme's imports, newest first: what kind of file, its name, rows and SHA-256, who
 * sent it and when, and for an employment dataset whether it is still in force. A provider
 * sees its own organisation's imports only (the API's rule).
 */
import {
  Badge,
  Card,
  Group,
  NativeSelect,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useMessages } from '../../i18n/use-messages.js';
import { WHOLE_BADGE } from '../../ui/badge-styles.js';
import { dateTime } from '../../ui/date-time.js';
import { Loading, LoadMore, Refusal } from '../../ui/query-state.js';
import { TableScroll } from '../../ui/table-scroll.js';
import { type ImportKind, KINDS } from './import-kinds.js';
import { importsQuery } from './queries.js';

export function ImportHistory({ programme }: { readonly programme: string }) {
  const { t, fmt, locale } = useMessages();
  const headingId = useId();
  const [kind, setKind] = useState<ImportKind | undefined>(undefined);
  const imports = useInfiniteQuery(importsQuery(programme, kind));
  const rows = imports.data?.pages.flatMap((p) => p.imports) ?? [];
  const kindLabel = (k: ImportKind) =>
    t(KINDS.find((e) => e.kind === k)?.label ?? 'web.imports.kind.events');
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('web.imports.history.title')}
        </Title>
        <NativeSelect
          size="sm"
          label={t('web.imports.history.kind_filter')}
          value={kind ?? ''}
          onChange={(e) => setKind(KINDS.find((k) => k.kind === e.currentTarget.value)?.kind)}
          data={[
            { value: '', label: t('web.imports.history.any_kind') },
            ...KINDS.map((k) => ({ value: k.kind, label: t(k.label) })),
          ]}
        />
      </Group>
      {imports.isError ? <Refusal error={imports.error} /> : null}
      {imports.isPending ? <Loading /> : null}
      {imports.isSuccess && rows.length === 0 ? (
        <Text>{t('web.imports.history.empty')}</Text>
      ) : null}
      {rows.length > 0 ? (
        <TableScroll label={t('web.imports.history.title')}>
          <Table
            striped
            highlightOnHover
            data-testid="import-history"
            aria-busy={imports.isFetching}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('web.imports.history.when')}</Table.Th>
                <Table.Th scope="col">{t('web.imports.history.kind')}</Table.Th>
                <Table.Th scope="col">{t('web.imports.history.file')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('web.imports.history.rows')}
                </Table.Th>
                <Table.Th scope="col">{t('web.imports.history.by')}</Table.Th>
                <Table.Th scope="col">{t('web.imports.history.sha')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{dateTime(i.imported_at, locale)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{kindLabel(i.kind)}</Text>
                    {i.dataset ? (
                      <Badge
                        styles={WHOLE_BADGE}
                        size="xs"
                        variant="dot"
                        color={i.dataset.status === 'in_force' ? 'green' : 'gray'}
                      >
                        {t(`web.imports.dataset.${i.dataset.status}`)}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Th scope="row" fw="normal">
                    {i.file ?? '—'}
                  </Table.Th>
                  <Table.Td ta="right">{i.rows === null ? '—' : fmt.number(i.rows)}</Table.Td>
                  <Table.Td>{i.imported_by}</Table.Td>
                  <Table.Td>
                    {i.sha256 ? (
                      // The first characters show; the whole hash is read out and on hover.
                      <Text size="xs" ff="monospace" title={i.sha256}>
                        <span aria-hidden="true">{i.sha256.slice(0, 12)}…</span>
                        <VisuallyHidden>{i.sha256}</VisuallyHidden>
                      </Text>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      <LoadMore
        hasMore={imports.hasNextPage}
        loading={imports.isFetchingNextPage}
        onMore={() => void imports.fetchNextPage()}
        label={t('web.list.more')}
      />
    </Card>
  );
}
