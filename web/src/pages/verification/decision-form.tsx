/**
 * A verifier's decision on one sampled event: verified or rejected, the reason (required to
 * reject, kept in the audit log either way) and, if there is one, the evidence file (a scan,
 * a signed attendance sheet), which the server keeps by its SHA-256.
 */
import {
  Alert,
  Button,
  FileInput,
  Group,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { api, data, problemText } from '../../api/client.js';
import { useMessages } from '../../i18n/use-messages.js';
import type { SampledEvent } from './queries.js';

type Choice = 'verified' | 'rejected';

/** Most evidence a decision may carry (the API takes 20 MB of base64). */
const MAX_EVIDENCE = 14 * 1024 * 1024;

export function DecisionForm({
  sample,
  event,
  onDecided,
}: {
  readonly sample: string;
  readonly event: SampledEvent;
  readonly onDecided: () => void;
}) {
  const { t, locale } = useMessages();
  const headingId = useId();
  const [choice, setChoice] = useState<Choice | ''>('');
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [tried, setTried] = useState(false);
  const queryClient = useQueryClient();
  // A new event starts a new form.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the event changes
  useEffect(() => {
    setChoice('');
    setReason('');
    setFile(null);
    setTried(false);
  }, [event.event_id]);

  const decide = useMutation({
    mutationFn: async () =>
      data(
        await api.POST('/samples/{sample}/events/{event}', {
          params: { path: { sample, event: event.event_id } },
          body: {
            decision: choice as Choice,
            reason: reason.trim(),
            ...(file ? { evidence_base64: await base64(file) } : {}),
          },
          headers: { 'accept-language': locale },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['sample', sample] });
      await queryClient.invalidateQueries({ queryKey: ['samples'] });
      onDecided();
    },
  });

  const missingChoice = choice === '';
  const missingReason = choice === 'rejected' && reason.trim() === '';
  const tooLarge = file !== null && file.size > MAX_EVIDENCE;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (missingChoice || missingReason || tooLarge) return;
    decide.mutate();
  };

  return (
    <form onSubmit={submit} aria-labelledby={headingId} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('web.verification.form.title')}
        </Title>
        {event.decision ? (
          <Text size="sm">
            {t('web.verification.form.decided_already', {
              decision: t(
                event.decision === 'rejected'
                  ? 'web.verification.decision.rejected'
                  : 'web.verification.decision.verified',
              ),
            })}
          </Text>
        ) : null}
        <Radio.Group
          label={t('web.verification.form.decision')}
          required
          value={choice}
          onChange={(v) => setChoice(v === 'rejected' ? 'rejected' : 'verified')}
          error={tried && missingChoice ? t('web.verification.form.choose') : undefined}
        >
          <Group gap="lg" mt={4}>
            <Radio value="verified" label={t('web.verification.form.verified')} />
            <Radio value="rejected" label={t('web.verification.form.rejected')} />
          </Group>
        </Radio.Group>
        <Textarea
          label={t('web.verification.form.reason')}
          description={t('web.verification.form.reason_help')}
          required={choice === 'rejected'}
          autosize
          minRows={2}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={tried && missingReason ? t('web.verification.form.reason_needed') : undefined}
        />
        <FileInput
          label={t('web.verification.form.evidence')}
          description={t('web.verification.form.evidence_help')}
          placeholder={t('web.verification.form.evidence_placeholder')}
          clearable
          clearButtonProps={{ 'aria-label': t('web.verification.form.clear_evidence') }}
          styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
          value={file}
          onChange={setFile}
          error={tooLarge ? t('web.verification.form.evidence_too_large') : undefined}
        />
        {decide.isError ? (
          <Alert color="red" role="alert">
            {problemText(decide.error, locale)}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={decide.isPending}>
            {t('web.verification.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A file's bytes as base64, for the JSON body. */
async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
