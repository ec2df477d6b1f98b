/**
 * An action that needs a reason (deactivating an account, removing a member): the reason
 * and a confirmation, inline under the row that asked, with the refusal if the API says no.
 */
import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { problemText } from '../../api/client.js';
import { useMessages } from '../../i18n/use-messages.js';

export function ReasonPrompt({
  label,
  confirm,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  readonly label: string;
  readonly confirm: string;
  readonly pending: boolean;
  readonly error: unknown;
  readonly onConfirm: (reason: string) => void;
  readonly onCancel: () => void;
}) {
  const { t, locale } = useMessages();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (reason.trim()) onConfirm(reason.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs" py="xs">
        <TextInput
          label={label}
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={2000}
          error={tried && !reason.trim() ? t('web.admin.reason_needed') : undefined}
          data-autofocus
        />
        {error ? (
          <Alert color="red" role="alert">
            {problemText(error, locale)}
          </Alert>
        ) : null}
        <Group gap="xs">
          <Button type="submit" size="xs" color="red.9" loading={pending}>
            {confirm}
          </Button>
          <Button size="xs" variant="default" onClick={onCancel}>
            {t('web.admin.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
