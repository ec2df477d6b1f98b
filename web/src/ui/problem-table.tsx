/**
 * Problems of input data by file, row and column, as the API reports them (each message
 * already in the reader's language): a table a person can work through with the file open
 * beside it, a page at a time, and take away as CSV.
 */
import { Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useMessages } from '../i18n/use-messages.js';
import { download, toCsv } from './csv.js';
import { TableScroll } from './table-scroll.js';

export interface ProblemRow {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly row?: number;
  readonly column?: string;
  readonly line?: number;
  readonly col?: number;
}

const PAGE = 50;

export function ProblemTable({
  title,
  problems,
  csvName = 'problems',
}: {
  readonly title: string;
  readonly problems: readonly ProblemRow[];
  readonly csvName?: string;
}) {
  const { t, fmt } = useMessages();
  const headingId = useId();
  const [shown, setShown] = useState(PAGE);
  const withFile = problems.some((p) => p.file);
  const header = [
    ...(withFile ? [t('web.problems.file')] : []),
    t('web.problems.row'),
    t('web.problems.column'),
    t('web.problems.problem'),
  ];
  const csv = () =>
    download(
      `${csvName}.csv`,
      toCsv(
        ['file', 'row', 'column', 'code', 'message'],
        problems.map((p) => [
          p.file ?? '',
          p.row ?? p.line ?? null,
          p.column ?? '',
          p.code,
          p.message,
        ]),
      ),
    );
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby={headingId}
      data-testid="problem-report"
    >
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={headingId} c="red.9">
          {title}
        </Title>
        <Button size="xs" variant="default" onClick={csv}>
          {t('web.problems.download')}
        </Button>
      </Group>
      <Text size="sm" mb="sm">
        {t('web.problems.count', { count: problems.length })}
      </Text>
      <TableScroll label={title}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              {header.map((h) => (
                <Table.Th key={h} scope="col">
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.slice(0, shown).map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity but their place
              <Table.Tr key={i} data-testid="problem">
                {withFile ? <Table.Td>{p.file ?? ''}</Table.Td> : null}
                <Table.Td data-testid="problem-row">
                  {p.row !== undefined
                    ? fmt.number(p.row)
                    : p.line !== undefined
                      ? t('web.problems.line', { line: p.line, col: p.col ?? 1 })
                      : '—'}
                </Table.Td>
                <Table.Td data-testid="problem-column">{p.column ?? '—'}</Table.Td>
                <Table.Td>{p.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {problems.length > shown ? (
        <Button variant="default" mt="sm" onClick={() => setShown((n) => n + PAGE)}>
          {t('web.problems.more', { count: problems.length - shown })}
        </Button>
      ) : null}
    </Card>
  );
}
