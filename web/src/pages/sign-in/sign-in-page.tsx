/** Sign in with e-mail and password; refusals in the reader's language. */
import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError, problemText } from '../../api/client.js';
import { LanguageSwitch } from '../../app/language-switch.js';
import { signIn } from '../../app/session.js';
import { useMessages } from '../../i18n/use-messages.js';

export function SignInPage() {
  const { t, locale } = useMessages();
  const search = useSearch({ strict: false }) as { next?: string; signedOut?: boolean };
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const attempt = useMutation({
    mutationFn: () => signIn(queryClient, email.trim(), password),
    onSuccess: () => navigate({ href: search.next ?? '/app' }),
  });

  const refusal = (error: unknown): string => {
    if (error instanceof ApiError && error.status === 401) return t('web.sign_in.bad_credentials');
    if (error instanceof ApiError && error.status === 429) {
      const seconds = Number(/\d+/.exec(error.message)?.[0] ?? 60);
      return t('web.sign_in.too_many', { seconds });
    }
    return problemText(error, locale);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    attempt.mutate();
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={1} size="h2">
                  {t('web.app.name')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('web.sign_in.intro')}
                </Text>
              </div>
              <LanguageSwitch />
            </Group>
            <Title order={2} size="h4">
              {t('web.sign_in.title')}
            </Title>
            {search.signedOut && !attempt.isError ? (
              <Alert color="blue" role="status">
                {t('web.sign_in.signed_out')}
              </Alert>
            ) : null}
            {attempt.isError ? (
              <Alert color="red" role="alert">
                {refusal(attempt.error)}
              </Alert>
            ) : null}
            <TextInput
              label={t('web.sign_in.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              name="email"
            />
            <PasswordInput
              label={t('web.sign_in.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              name="password"
            />
            <Button type="submit" loading={attempt.isPending} fullWidth>
              {t('web.sign_in.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
