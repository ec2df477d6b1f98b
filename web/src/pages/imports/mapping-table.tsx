/**
 * The column mapping: each column of the file, what it is read as (matched by name, or as
 * the person chooses), and its first values; then the table's required columns that no
 * header feeds, and columns fed twice.
 */
import { Alert, NativeSelect, Table, Text } from '@mantine/core';
import { useMessages } from '../../i18n/use-messages.js';
import { TableScroll } from '../../ui/table-scroll.js';
import { doubledColumns, missingColumns } from './column-match.js';
import type { Preview } from './csv-preview.js';
import type { KindEntry } from './import-kinds.js';

export function MappingTable({
  preview,
  kind,
  targets,
  onChange,
}: {
  readonly preview: Preview;
  readonly kind: KindEntry;
  readonly targets: readonly string[];
  readonly onChange: (targets: string[]) => void;
}) {
  const { t } = useMessages();
  const missing = missingColumns(kind.columns, targets);
  const doubled = doubledColumns(targets);
  const asIs = t(
    kind.extraColumnsKept ? 'web.imports.mapping.attribute' : 'web.imports.mapping.not_read',
  );
  return (
    <>
      <TableScroll label={t('web.imports.mapping.title')}>
        <Table withTableBorder data-testid="column-mapping">
          <Table.Caption>{t('web.imports.mapping.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('web.imports.mapping.file_column')}</Table.Th>
              <Table.Th scope="col">{t('web.imports.mapping.read_as')}</Table.Th>
              <Table.Th scope="col">{t('web.imports.mapping.first_values')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.headers.map((header, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a file's columns are its positions
              <Table.Tr key={i}>
                <Table.Th scope="row" fw={600}>
                  {header.trim() === '' ? t('web.imports.mapping.no_header') : header}
                </Table.Th>
                <Table.Td miw={200}>
                  <NativeSelect
                    size="xs"
                    miw={230}
                    aria-label={t('web.imports.mapping.read_column_as', { column: header })}
                    value={targets[i] ?? ''}
                    onChange={(e) => {
                      const next = [...targets];
                      next[i] = e.currentTarget.value;
                      onChange(next);
                    }}
                    data={[
                      { value: '', label: asIs },
                      ...kind.columns.map((c) => ({
                        value: c.name,
                        label: c.required
                          ? t('web.imports.mapping.required_column', { column: c.name })
                          : c.name,
                      })),
                    ]}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1} maw={320}>
                    {preview.rows
                      .slice(0, 3)
                      .map((r) => r[i] ?? '')
                      .join(' · ')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {missing.length > 0 ? (
        <Alert color="yellow" mt="sm" data-testid="mapping-missing">
          {t('web.imports.mapping.missing', { columns: missing.join(', '), count: missing.length })}
        </Alert>
      ) : null}
      {doubled.length > 0 ? (
        <Alert color="yellow" mt="sm">
          {t('web.imports.mapping.doubled', { columns: doubled.join(', ') })}
        </Alert>
      ) : null}
    </>
  );
}
