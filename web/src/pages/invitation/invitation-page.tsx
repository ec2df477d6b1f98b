/**
 * Accepting an invitation: what it is for (who invited, into which organisation, with which
 * role, for which programme, until when the link works), then the invitee's name and a
 * password, checked as it is typed by the same rules the server applies
 * (src/domain/password-rules.ts); accepting signs them in. A link that does not work says
 * so, whatever the reason (the API tells no more).
 */
import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  List,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { passwordProblems } from '../../../../src/domain/password-rules.js';
import { problemMessage } from '../../../../src/domain/problem.js';
import { ApiError, problemText } from '../../api/client.js';
import { LanguageSwitch } from '../../app/language-switch.js';
import { sessionQuery } from '../../app/session.js';
import { useMessages } from '../../i18n/use-messages.js';
import { dateTime } from '../../ui/date-time.js';
import { Loading } from '../../ui/query-state.js';
import { INVITATION_ROLE_LABEL } from '../admin/role-labels.js';
import { acceptInvitation, type InvitationView, readInvitation } from './invitation-api.js';

/** The link's secret: after # in the e-mailed link, or in the path. */
function useToken(): string {
  const params = useParams({ strict: false }) as { token?: string };
  return params.token ?? decodeURIComponent(window.location.hash.replace(/^#/, ''));
}

export function InvitationPage() {
  const { t, locale, setLocale } = useMessages();
  const token = useToken();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => readInvitation(token, locale),
    enabled: token !== '',
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  // The page speaks the language the inviter chose, once; the switch changes it after.
  const languageSet = useRef(false);
  useEffect(() => {
    if (invitation.data && !languageSet.current) {
      languageSet.current = true;
      setLocale(invitation.data.language);
    }
  }, [invitation.data, setLocale]);

  const notWorking =
    token === '' || (invitation.error instanceof ApiError && invitation.error.status === 404);
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={560}>
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <Title order={1} size="h2">
              {t('web.invitation.title')}
            </Title>
            <LanguageSwitch />
          </Group>
          {invitation.isLoading ? <Loading /> : null}
          {notWorking ? (
            <>
              <Alert color="red" role="alert" title={t('web.invitation.invalid_title')}>
                <Text size="sm">{t('web.invitation.invalid')}</Text>
              </Alert>
              <Anchor component={Link} to="/app/sign-in">
                {t('web.invitation.to_sign_in')}
              </Anchor>
            </>
          ) : invitation.isError ? (
            <Alert color="red" role="alert">
              {problemText(invitation.error, locale)}
            </Alert>
          ) : null}
          {invitation.data ? <Accept token={token} invitation={invitation.data} /> : null}
        </Stack>
      </Paper>
    </Center>
  );
}

function Accept({
  token,
  invitation,
}: {
  readonly token: string;
  readonly invitation: InvitationView;
}) {
  const { t, locale } = useMessages();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState(invitation.name);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const problems = password === '' ? [] : passwordProblems(password, invitation.email);
  const mismatch = repeat !== '' && repeat !== password;
  const accept = useMutation({
    mutationFn: () =>
      acceptInvitation(token, locale, { password, ...(name.trim() ? { name: name.trim() } : {}) }),
    onSuccess: async () => {
      queryClient.clear();
      await queryClient.fetchQuery(sessionQuery);
      await navigate({ to: '/app' });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (password === '' || problems.length > 0 || repeat !== password) return;
    accept.mutate();
  };
  const role = t(INVITATION_ROLE_LABEL[invitation.role]);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text data-testid="invitation-summary">
          {invitation.programme
            ? t('web.invitation.summary_programme', {
                inviter: invitation.invited_by,
                organisation: invitation.organisation.name,
                kind: t(`web.role.${invitation.organisation.kind}`),
                role,
                programme: invitation.programme.title,
              })
            : t('web.invitation.summary', {
                inviter: invitation.invited_by,
                organisation: invitation.organisation.name,
                kind: t(`web.role.${invitation.organisation.kind}`),
                role,
              })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('web.invitation.expires', { date: dateTime(invitation.expires_at, locale) })}
        </Text>
        <TextInput label={t('web.sign_in.email')} value={invitation.email} readOnly />
        <TextInput
          label={t('web.invitation.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={200}
          autoComplete="name"
        />
        <PasswordInput
          label={t('web.invitation.password')}
          description={t('web.invitation.password_help')}
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          autoComplete="new-password"
          error={tried && password === '' ? t('web.invitation.password_needed') : undefined}
        />
        {problems.length > 0 ? (
          <List size="sm" c="red.9" aria-live="polite" data-testid="password-problems">
            {problems.map((p) => (
              <List.Item key={p.code}>{problemMessage(p, locale)}</List.Item>
            ))}
          </List>
        ) : null}
        <PasswordInput
          label={t('web.invitation.repeat')}
          required
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          autoComplete="new-password"
          error={
            mismatch || (tried && repeat !== password) ? t('web.invitation.mismatch') : undefined
          }
        />
        {accept.isError ? (
          <Alert color="red" role="alert">
            {problemText(accept.error, locale)}
          </Alert>
        ) : null}
        <Button type="submit" loading={accept.isPending} fullWidth>
          {t('web.invitation.submit')}
        </Button>
      </Stack>
    </form>
  );
}
