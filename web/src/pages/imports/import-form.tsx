/**
 * Importing a file in two steps, nothing committed before the second: choose what the file
 * holds and the file; see its first rows and how its columns are read (and point a header
 * at the column it stands for); check it on the server (the whole file, every problem by
 * row and column, `check=true`: nothing is written); then import it, all or nothing. Both
 * uploads show their progress; a changed file or mapping asks for a new check.
 */
import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { ApiError, type ApiProblemBody, problemText } from '../../api/client.js';
import type { Role } from '../../app/session.js';
import { useMessages } from '../../i18n/use-messages.js';
import { READABLE_TITLE } from '../../ui/alert-styles.js';
import { type ProblemRow, ProblemTable } from '../../ui/problem-table.js';
import { ProgressBar } from '../../ui/progress-bar.js';
import { mappingOf, matchHeaders } from './column-match.js';
import { type PreviewState, previewOf } from './file-preview.js';
import { FirstRows } from './first-rows.js';
import { formatOf, type ImportKind, kindsFor } from './import-kinds.js';
import { MappingTable } from './mapping-table.js';
import { upload } from './upload.js';

type Outcome =
  | { readonly kind: 'problems'; readonly problems: readonly ProblemRow[]; readonly detail: string }
  | { readonly kind: 'checked'; readonly rows: number | null }
  | { readonly kind: 'imported'; readonly rows: number | null; readonly name: string }
  | { readonly kind: 'refused'; readonly message: string };

interface Sending {
  readonly step: 'check' | 'import';
  readonly sent: number;
  readonly total: number;
}

export function ImportForm({
  programme,
  role,
}: {
  readonly programme: string;
  readonly role: Role;
}) {
  const { t, locale } = useMessages();
  const headingId = useId();
  const queryClient = useQueryClient();
  const kinds = kindsFor(role);
  const [kind, setKind] = useState<ImportKind>(kinds[0]?.kind ?? 'events');
  const entry = kinds.find((k) => k.kind === kind) ?? kinds[0];
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<PreviewState>({ state: 'none' });
  const [targets, setTargets] = useState<string[]>([]);
  const [sending, setSending] = useState<Sending | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const format = file ? formatOf(file.name) : undefined;

  // A new file or kind: read its preview and match its headers; any earlier check is void.
  useEffect(() => {
    setOutcome(null);
    if (!file || !format || !entry) {
      setPreview({ state: 'none' });
      return;
    }
    let current = true;
    setPreview({ state: 'reading' });
    void previewOf(file, format).then((p) => {
      if (!current) return;
      setPreview(p);
      setTargets(p.state === 'ready' ? matchHeaders(p.preview.headers, entry.columns) : []);
    });
    return () => {
      current = false;
    };
  }, [file, format, entry]);

  if (!entry) return null;

  const send = async (step: 'check' | 'import') => {
    if (!file || !format) return;
    setOutcome(null);
    setSending({ step, sent: 0, total: file.size });
    const headers = preview.state === 'ready' ? preview.preview.headers : [];
    const mapping = mappingOf(headers, targets);
    try {
      const answer = await upload({
        path: `/programmes/${encodeURIComponent(programme)}/${entry.path}`,
        file,
        format,
        locale,
        query: {
          format,
          name: file.name,
          ...(step === 'check' ? { check: 'true' } : {}),
          ...(mapping ? { columns: JSON.stringify(mapping) } : {}),
        },
        onProgress: (sent, total) => setSending({ step, sent, total }),
      });
      setOutcome(outcomeOf(answer.status, answer.body, file.name, locale));
      if (answer.status === 201) {
        await queryClient.invalidateQueries({ queryKey: ['imports', programme] });
      }
    } catch (error) {
      setOutcome({ kind: 'refused', message: problemText(error, locale) });
    } finally {
      setSending(null);
    }
  };

  const chooseFile = (next: File | null) => {
    setFile(next);
    setOutcome(null);
  };
  const changeTargets = (next: string[]) => {
    setTargets(next);
    setOutcome(null);
  };
  const busy = sending !== null;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} size="h4" id={headingId}>
          {t('web.imports.form.title')}
        </Title>
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`${headingId}-kind`}>
            {t('web.imports.form.kind')}
          </Text>
          <div role="radiogroup" aria-labelledby={`${headingId}-kind`}>
            <SegmentedControl
              value={kind}
              onChange={(v) => {
                const next = kinds.find((k) => k.kind === v);
                if (next) setKind(next.kind);
              }}
              data={kinds.map((k) => ({ value: k.kind, label: t(k.label) }))}
              disabled={busy}
              data-testid="import-kind"
            />
          </div>
          <Text size="sm" c="dimmed">
            {t(entry.help)}
          </Text>
        </Stack>
        <FileInput
          label={t('web.imports.form.file')}
          description={t('web.imports.form.file_help')}
          placeholder={t('web.imports.form.file_placeholder')}
          accept=".csv,.xlsx,.parquet,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={chooseFile}
          clearable
          clearButtonProps={{ 'aria-label': t('web.imports.form.clear_file') }}
          disabled={busy}
          styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
          error={file && !format ? t('web.imports.form.unknown_format') : undefined}
          data-testid="import-file"
        />
        {preview.state === 'reading' ? (
          <Text size="sm">{t('web.imports.preview.reading')}</Text>
        ) : null}
        {preview.state === 'unavailable' ? (
          <Text size="sm" c="dimmed">
            {t(
              preview.why === 'parquet'
                ? 'web.imports.preview.parquet'
                : 'web.imports.preview.unreadable',
            )}
          </Text>
        ) : null}
        {preview.state === 'ready' ? (
          <Stack gap="sm" data-testid="import-preview">
            <Title order={3} size="h5">
              {t('web.imports.preview.title')}
            </Title>
            <FirstRows preview={preview.preview} />
            <Title order={3} size="h5">
              {t('web.imports.mapping.title')}
            </Title>
            <MappingTable
              preview={preview.preview}
              kind={entry}
              targets={targets}
              onChange={changeTargets}
            />
          </Stack>
        ) : null}
        {file && format ? (
          <Group gap="sm">
            <Button
              onClick={() => void send('check')}
              loading={sending?.step === 'check'}
              disabled={busy}
            >
              {t('web.imports.form.check')}
            </Button>
            {outcome?.kind === 'checked' ? (
              <Button
                color="green.9"
                onClick={() => void send('import')}
                loading={sending?.step === 'import'}
                disabled={busy}
              >
                {t('web.imports.form.import')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        {sending ? <SendingProgress sending={sending} /> : null}
        {outcome ? <OutcomeView outcome={outcome} /> : null}
      </Stack>
    </Card>
  );
}

function SendingProgress({ sending }: { readonly sending: Sending }) {
  const { t, fmt } = useMessages();
  const share = sending.total > 0 ? sending.sent / sending.total : 1;
  const sent = share >= 1;
  return (
    <Stack gap={4} aria-live="polite">
      <Text size="sm">
        {sent
          ? t(
              sending.step === 'check'
                ? 'web.imports.progress.checking'
                : 'web.imports.progress.importing',
            )
          : t('web.imports.progress.sending', { share: fmt.percent(share) })}
      </Text>
      <ProgressBar
        value={sent ? 100 : share * 100}
        moving={sent}
        size="lg"
        label={t('web.imports.progress.label')}
        valueText={t('web.imports.progress.sending', { share: fmt.percent(share) })}
        testId="upload-progress"
      />
    </Stack>
  );
}

function OutcomeView({ outcome }: { readonly outcome: Outcome }) {
  const { t } = useMessages();
  switch (outcome.kind) {
    case 'problems':
      return (
        <Stack gap="sm">
          <Alert color="red" role="alert" title={t('web.imports.outcome.problems_title')}>
            {t('web.imports.outcome.problems', { count: outcome.problems.length })}
          </Alert>
          <ProblemTable title={t('web.imports.problems.title')} problems={outcome.problems} />
        </Stack>
      );
    case 'checked':
      return (
        <Alert
          color="green"
          styles={READABLE_TITLE}
          role="status"
          title={t('web.imports.outcome.checked_title')}
          data-testid="check-ok"
        >
          {outcome.rows === null
            ? t('web.imports.outcome.checked_no_count')
            : t('web.imports.outcome.checked', { count: outcome.rows })}
        </Alert>
      );
    case 'imported':
      return (
        <Alert
          color="green"
          styles={READABLE_TITLE}
          role="status"
          title={t('web.imports.outcome.imported_title')}
          data-testid="import-ok"
        >
          {outcome.rows === null
            ? t('web.imports.outcome.imported_no_count', { file: outcome.name })
            : t('web.imports.outcome.imported', { count: outcome.rows, file: outcome.name })}
        </Alert>
      );
    case 'refused':
      return (
        <Alert color="red" role="alert" title={t('web.imports.outcome.refused_title')}>
          {outcome.message}
        </Alert>
      );
  }
}

/** What the upload's answer means for the person. */
function outcomeOf(
  status: number,
  body: unknown,
  name: string,
  locale: Parameters<typeof problemText>[1],
): Outcome {
  const answer = (body ?? {}) as {
    rows?: unknown;
    imported?: unknown;
    dataset?: { rows?: unknown };
  };
  const rows =
    typeof answer.rows === 'number'
      ? answer.rows
      : typeof answer.dataset?.rows === 'number'
        ? answer.dataset.rows
        : null;
  if (status === 200) return { kind: 'checked', rows };
  if (status === 201)
    return {
      kind: 'imported',
      rows,
      name: typeof answer.imported === 'string' ? answer.imported : name,
    };
  const problem = (body ?? {}) as ApiProblemBody;
  if (status === 422 && problem.problems && problem.problems.length > 0) {
    return {
      kind: 'problems',
      detail: problem.detail ?? '',
      problems: problem.problems.map((p) => ({
        ...(p as Partial<ProblemRow>),
        code: p.code ?? '',
        message: p.message ?? '',
      })),
    };
  }
  return { kind: 'refused', message: problemText(new ApiError(status, problem), locale) };
}
