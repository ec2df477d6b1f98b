/**
 * A bill's documents: its statement as PDF or XLSX in the reader's language, for the whole
 * bill or one provider, and the evidence pack of the run it was drafted from.
 */
import { Alert, Button, Card, Group, NativeSelect, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { problemText } from '../../api/client.js';
import { useMessages } from '../../i18n/use-messages.js';
import { downloadFile } from '../../ui/file-download.js';
import { EvidencePackButton } from '../runs/evidence-pack-button.js';
import { type BillDetail, providersQuery } from './queries.js';

export function BillDocuments({
  bill,
  programme,
}: {
  readonly bill: BillDetail;
  readonly programme: string;
}) {
  const { t, locale } = useMessages();
  const headingId = useId();
  const [provider, setProvider] = useState('');
  const providers = useQuery(providersQuery(programme));
  const statement = useMutation({
    mutationFn: (format: 'pdf' | 'xlsx') => {
      const query = provider ? `?provider=${encodeURIComponent(provider)}` : '';
      return downloadFile(
        `/bills/${bill.id}/statement.${format}${query}`,
        locale,
        `bill-${bill.id}-statement.${format}`,
      );
    },
  });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="xs">
        {t('web.bills.documents.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('web.bills.documents.intro')}
      </Text>
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('web.bills.documents.for')}
          value={provider}
          onChange={(e) => setProvider(e.currentTarget.value)}
          data={[
            { value: '', label: t('web.bills.documents.whole_bill') },
            ...(providers.data ?? []).map((p) => ({ value: p, label: p })),
          ]}
        />
        <Button
          variant="default"
          onClick={() => statement.mutate('pdf')}
          loading={statement.isPending && statement.variables === 'pdf'}
        >
          {t('web.bills.documents.pdf')}
        </Button>
        <Button
          variant="default"
          onClick={() => statement.mutate('xlsx')}
          loading={statement.isPending && statement.variables === 'xlsx'}
        >
          {t('web.bills.documents.xlsx')}
        </Button>
        <EvidencePackButton run={bill.run.id} />
      </Group>
      {statement.isError ? (
        <Alert color="red" role="alert" mt="sm">
          {problemText(statement.error, locale)}
        </Alert>
      ) : null}
    </Card>
  );
}
