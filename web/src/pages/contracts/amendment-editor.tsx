/**
 * Drafting a new version of the contract file (an amendment): the file in a textarea with
 * line numbers, checked as it is typed by the same parser the server uses (domain, no I/O,
 * run here in the browser), each problem at its line and column in the reader's language
 * and a click away from its place; what the draft changes against the terms in force; and,
 * for the funder, sending it with the reason it will be recorded with. The server checks it
 * again, with the rules only it knows (terms kept, periods already paid).
 */
import {
  Alert,
  Button,
  Card,
  Group,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState } from 'react';
import type { Contract } from '../../../../src/domain/contract/contract.js';
import { parseContract } from '../../../../src/domain/contract/parse-contract.js';
import { type Problem, problemMessage } from '../../../../src/domain/problem.js';
import { ApiError, problemText } from '../../api/client.js';
import { useMessages } from '../../i18n/use-messages.js';
import { diffTerms } from './contract-diff.js';
import { DiffTable } from './diff-table.js';
import { LineEditor, type LineEditorHandle } from './line-editor.js';
import { contractQuery, submitVersion } from './queries.js';

export function AmendmentEditor({
  programme,
  inForce,
  inForceYaml,
  maySubmit,
}: {
  readonly programme: string;
  readonly inForce: Contract;
  readonly inForceYaml: string;
  readonly maySubmit: boolean;
}) {
  const { t, locale } = useMessages();
  const id = useId();
  const editor = useRef<LineEditorHandle>(null);
  const [text, setText] = useState(inForceYaml);
  const [reason, setReason] = useState('');
  // Checked a moment after the last key, not on every one.
  const [settled] = useDebouncedValue(text, 200);
  const checked = useMemo(() => parseContract(settled), [settled]);
  const problems = checked.problems;
  const badLines = new Set(problems.flatMap((p) => (p.line === undefined ? [] : [p.line])));
  const queryClient = useQueryClient();
  const submit = useMutation({
    mutationFn: () => submitVersion(programme, text, reason.trim(), locale),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contractQuery(programme).queryKey }),
  });
  const changed = text !== inForceYaml;
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Button variant="default" size="xs" onClick={() => setText(withAmendment(text, inForce))}>
          {t('web.contracts.editor.add_amendment')}
        </Button>
        <Button
          variant="default"
          size="xs"
          disabled={!changed}
          onClick={() => setText(inForceYaml)}
        >
          {t('web.contracts.editor.start_over')}
        </Button>
      </Group>
      <LineEditor
        id={id}
        label={t('web.contracts.editor.label')}
        description={t('web.contracts.editor.hint')}
        value={text}
        onChange={setText}
        badLines={badLines}
        invalid={problems.length > 0}
        handle={editor}
      />
      <ProblemList
        id={`${id}-problems`}
        problems={problems}
        onJump={(p) => editor.current?.jumpTo(p.line ?? 1, p.col ?? 1)}
      />
      {checked.contract && changed ? (
        <Card withBorder padding="md" component="section">
          <Title order={3} size="h5" mb="xs">
            {t('web.contracts.editor.changes')}
          </Title>
          <DiffTable
            headingOrder={4}
            currency={checked.contract.currency}
            changes={diffTerms(
              { contract: inForce, index: inForce.versions.length - 1 },
              { contract: checked.contract, index: checked.contract.versions.length - 1 },
            )}
          />
        </Card>
      ) : null}
      {maySubmit ? (
        <Card withBorder padding="md" component="section">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              submit.mutate();
            }}
          >
            <Stack gap="sm">
              <TextInput
                label={t('web.contracts.editor.reason')}
                description={t('web.contracts.editor.reason_hint')}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                required
                minLength={3}
                maxLength={2000}
                data-testid="amendment-reason"
              />
              <Group>
                <Button
                  type="submit"
                  loading={submit.isPending}
                  disabled={!changed || problems.length > 0 || reason.trim().length < 3}
                >
                  {t('web.contracts.editor.submit')}
                </Button>
              </Group>
              <SubmitOutcome submit={submit} />
            </Stack>
          </form>
        </Card>
      ) : (
        <Text size="sm" c="dimmed">
          {t('web.contracts.editor.funder_only')}
        </Text>
      )}
    </Stack>
  );
}

function ProblemList({
  id,
  problems,
  onJump,
}: {
  readonly id: string;
  readonly problems: readonly Problem[];
  readonly onJump: (p: Problem) => void;
}) {
  const { t, locale } = useMessages();
  return (
    <div id={id} role="status" aria-live="polite" data-testid="editor-problems">
      {problems.length === 0 ? (
        <Alert color="green" variant="light" data-testid="editor-valid">
          {t('web.contracts.editor.valid')}
        </Alert>
      ) : (
        <Alert
          color="red"
          variant="light"
          title={t('web.contracts.editor.problems', { count: problems.length })}
        >
          <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity but their place
              <li key={i}>
                <UnstyledButton
                  onClick={() => onJump(p)}
                  data-testid="editor-problem"
                  style={{ textAlign: 'left' }}
                >
                  <Text span size="sm" fw={700} td="underline">
                    {p.line === undefined
                      ? t('web.contracts.editor.file')
                      : t('web.contracts.editor.at', { line: p.line, col: p.col ?? 1 })}
                  </Text>
                  <Text span size="sm">
                    {' '}
                    {problemMessage(p, locale)}
                  </Text>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        </Alert>
      )}
    </div>
  );
}

function SubmitOutcome({
  submit,
}: {
  readonly submit: {
    readonly isSuccess: boolean;
    readonly isError: boolean;
    readonly data?: { version: number; status: string };
    readonly error: unknown;
  };
}) {
  const { t, locale } = useMessages();
  if (submit.isSuccess && submit.data)
    return (
      <Alert color="green" role="status" data-testid="submitted">
        {t(
          submit.data.status === 'in_force'
            ? 'web.contracts.editor.recorded'
            : 'web.contracts.editor.recorded_pending',
          { version: submit.data.version },
        )}
      </Alert>
    );
  if (!submit.isError) return null;
  const error = submit.error;
  const problems = error instanceof ApiError ? (error.body.problems ?? []) : [];
  return (
    <Alert color="red" role="alert" data-testid="submit-refused">
      {problems.length === 0 ? (
        problemText(error, locale)
      ) : (
        <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity but their place
            <li key={i}>
              {problemMessage(
                {
                  code: p.code ?? '',
                  message: p.message ?? '',
                  ...(p.params ? { params: p.params } : {}),
                },
                locale,
              )}
            </li>
          ))}
        </Stack>
      )}
    </Alert>
  );
}

/** The file with an amendment appended for the person to fill in. */
function withAmendment(text: string, contract: Contract): string {
  const outcome = contract.versions.at(-1)?.outcomes[0]?.id ?? 'outcome_id';
  const today = new Date().toISOString().slice(0, 10);
  const item = [
    '  - id: new-amendment',
    `    effective_from: ${today}`,
    '    reason: Why the parties agreed it',
    '    outcomes:',
    `      ${outcome}: { within_days: 365 }`,
  ].join('\n');
  const base = text.endsWith('\n') ? text : `${text}\n`;
  return /^amendments:/m.test(base) ? `${base}${item}\n` : `${base}amendments:\n${item}\n`;
}
