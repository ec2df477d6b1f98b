/** The file's first rows as it holds them, under its own headers. */
import { Table } from '@mantine/core';
import { useMessages } from '../../i18n/use-messages.js';
import { TableScroll } from '../../ui/table-scroll.js';
import type { Preview } from './csv-preview.js';

export function FirstRows({ preview }: { readonly preview: Preview }) {
  const { t, fmt } = useMessages();
  return (
    <TableScroll label={t('web.imports.preview.title')}>
      <Table striped withTableBorder withColumnBorders data-testid="first-rows">
        <Table.Caption>
          {t('web.imports.preview.caption', { count: preview.rows.length })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('web.imports.preview.row')}</Table.Th>
            {preview.headers.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a file's columns are its positions
              <Table.Th key={i} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are their positions in the file
            <Table.Tr key={r}>
              <Table.Th scope="row" fw="normal">
                {fmt.number(r + 2)}
              </Table.Th>
              {preview.headers.map((_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a file's columns are its positions
                <Table.Td key={i}>{row[i] ?? ''}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
