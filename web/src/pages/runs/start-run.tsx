/**
 * Asking for an evaluation run as of a day (funders). The API answers at once (202) with
 * the run queued or running; the run's page then follows it to its end.
 */
import { Alert, Button, Card, Group, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { api, data, problemText } from '../../api/client.js';
import { useMessages } from '../../i18n/use-messages.js';

/** Today in UTC as YYYY-MM-DD (domain days carry no time zone). */
const today = () => new Date().toISOString().slice(0, 10);

export function StartRun({ programme }: { readonly programme: string }) {
  const { t, locale } = useMessages();
  const headingId = useId();
  const [asOf, setAsOf] = useState(today);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const start = useMutation({
    mutationFn: async () =>
      data(
        await api.POST('/programmes/{programme}/runs', {
          params: { path: { programme } },
          body: { as_of: asOf },
          headers: { 'accept-language': locale },
        }),
      ),
    onSuccess: async (run) => {
      await queryClient.invalidateQueries({ queryKey: ['runs', programme] });
      await navigate({ href: `/app/programmes/${encodeURIComponent(programme)}/runs/${run.id}` });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <form onSubmit={submit}>
        <Title order={2} size="h4" id={headingId} mb="xs">
          {t('web.runs.start.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('web.runs.start.intro')}
        </Text>
        <Group align="flex-end" gap="sm">
          <TextInput
            type="date"
            label={t('web.runs.start.as_of')}
            required
            value={asOf}
            onChange={(e) => setAsOf(e.currentTarget.value)}
            name="as_of"
          />
          <Button type="submit" loading={start.isPending} disabled={!asOf}>
            {t('web.runs.start.submit')}
          </Button>
        </Group>
        {start.isError ? (
          <Alert color="red" role="alert" mt="sm">
            {problemText(start.error, locale)}
          </Alert>
        ) : null}
      </form>
    </Card>
  );
}
