/**
 * A chart with its table and its CSV: every chart of the app is shown through this card, so
 * each can be read as a table (screen readers, exact figures) and taken away as CSV.
 *
 *   <ChartCard title={t('…')} csvName="funnel" table={{ header, rows, csv }} chart={…} />
 *
 * `rows` are the table's cells as people read them (formatted by locale); `csv` the same
 * rows as machines read them (toCsv).
 */
import {
  Button,
  Card,
  Group,
  ScrollArea,
  SegmentedControl,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useMessages } from '../i18n/use-messages.js';
import { type Cell, download, toCsv } from './csv.js';

export interface ChartTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly ReactNode[])[];
  /** Machine values for the CSV, one row per table row. */
  readonly csv: readonly (readonly Cell[])[];
  /** Columns aligned right (numbers), by index. */
  readonly numeric?: readonly number[];
}

export function ChartCard({
  title,
  csvName,
  chart,
  table,
  note,
  testId,
}: {
  readonly title: string;
  readonly csvName: string;
  readonly chart: ReactNode;
  readonly table: ChartTable;
  readonly note?: ReactNode;
  readonly testId?: string;
}) {
  const { t } = useMessages();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const headingId = useId();
  const empty = table.rows.length === 0;
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby={headingId}
      data-testid={testId}
    >
      <Group justify="space-between" align="flex-start" mb="sm" gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(value) => setView(value === 'table' ? 'table' : 'chart')}
            aria-label={t('web.chart.view', { chart: title })}
            data={[
              { value: 'chart', label: t('web.chart.as_chart') },
              { value: 'table', label: t('web.chart.as_table') },
            ]}
          />
          <Button
            size="xs"
            variant="default"
            aria-label={t('web.chart.download_csv', { chart: title })}
            disabled={empty}
            onClick={() => download(`${csvName}.csv`, toCsv(table.header, table.csv))}
          >
            {t('web.chart.csv')}
          </Button>
        </Group>
      </Group>
      {note ? (
        <Text size="sm" c="dimmed" mb="xs">
          {note}
        </Text>
      ) : null}
      {empty ? (
        <Text>{t('web.chart.empty')}</Text>
      ) : view === 'chart' ? (
        chart
      ) : (
        <DataTable title={title} table={table} />
      )}
    </Card>
  );
}

function DataTable({ title, table }: { readonly title: string; readonly table: ChartTable }) {
  const numeric = new Set(table.numeric ?? []);
  const align = (i: number) => (numeric.has(i) ? 'right' : 'left');
  return (
    <ScrollArea type="auto">
      <Table striped highlightOnHover withTableBorder captionSide="top" data-testid="chart-table">
        <Table.Caption style={{ textAlign: 'left' }}>{title}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {table.header.map((h, i) => (
              <Table.Th key={h} ta={align(i)} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row, r) => (
            // Rows have no identity beyond their place in the table.
            // biome-ignore lint/suspicious/noArrayIndexKey: a table row is its position
            <Table.Tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <Table.Th key={table.header[i]} scope="row" fw="normal">
                    {cell}
                  </Table.Th>
                ) : (
                  <Table.Td key={table.header[i]} ta={align(i)}>
                    {cell}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
