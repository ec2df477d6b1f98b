/**
 * Downloads a succeeded run's evidence pack (a zip: contract, input snapshot, outputs and a
 * manifest with every file's SHA-256), for funders and verifiers.
 */
import { Button, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { problemText } from '../../api/client.js';
import { useMessages } from '../../i18n/use-messages.js';
import { downloadFile } from '../../ui/file-download.js';

export function EvidencePackButton({
  run,
  compact = false,
}: {
  readonly run: string;
  readonly compact?: boolean;
}) {
  const { t, locale } = useMessages();
  const download = useMutation({
    mutationFn: () =>
      downloadFile(`/runs/${run}/evidence-pack`, locale, `evidence-pack-run-${run}.zip`),
  });
  return (
    <>
      <Button
        size={compact ? 'xs' : 'sm'}
        variant="default"
        loading={download.isPending}
        onClick={() => download.mutate()}
        aria-label={t('web.runs.evidence_pack.download_run', { run })}
      >
        {t('web.runs.evidence_pack.download')}
      </Button>
      {download.isError ? (
        <Text size="xs" c="red.9" role="alert">
          {problemText(download.error, locale)}
        </Text>
      ) : null}
    </>
  );
}
