/**
 * Inviting a person: their e-mail, name, organisation, role (and the programme it is for)
 * and the language of the e-mail and of the page that accepts it. The link goes by e-mail
 * only; it is never shown here. Open invitations are listed and can be withdrawn.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { LOCALES, type Locale, localeOf } from '../../../../src/domain/messages/locale.js';
import { api, data, problemText } from '../../api/client.js';
import { useMessages } from '../../i18n/use-messages.js';
import { dateTime } from '../../ui/date-time.js';
import { Loading, Refusal } from '../../ui/query-state.js';
import { TableScroll } from '../../ui/table-scroll.js';
import {
  administeredProgrammesQuery,
  type InvitationRole,
  invitationsQuery,
  organisationsQuery,
  speaking,
} from './admin-api.js';
import { INVITATION_ROLE_LABEL } from './role-labels.js';

const ROLES = Object.keys(INVITATION_ROLE_LABEL) as InvitationRole[];

export function InvitationsPanel() {
  return (
    <Stack gap="md">
      <InviteForm />
      <OpenInvitations />
    </Stack>
  );
}

function InviteForm() {
  const { t, locale } = useMessages();
  const headingId = useId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [role, setRole] = useState<InvitationRole>('member');
  const [programme, setProgramme] = useState('');
  const [language, setLanguage] = useState<Locale>(locale);
  const organisations = useQuery(organisationsQuery(locale));
  const programmes = useQuery(administeredProgrammesQuery(locale));
  const queryClient = useQueryClient();
  const invite = useMutation({
    mutationFn: async () =>
      data(
        await api.POST('/admin/invitations', {
          body: {
            email: email.trim(),
            ...(name.trim() ? { name: name.trim() } : {}),
            organisation,
            role,
            ...(programme ? { programme } : {}),
            language,
          },
          headers: speaking(locale),
        }),
      ),
    onSuccess: async () => {
      setEmail('');
      setName('');
      await queryClient.invalidateQueries({ queryKey: ['admin', 'invitations'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <form onSubmit={submit}>
        <Title order={2} size="h4" id={headingId} mb="xs">
          {t('web.admin.invite.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('web.admin.invite.intro')}
        </Text>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              type="email"
              label={t('web.admin.invite.email')}
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              maxLength={320}
              autoComplete="off"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('web.admin.invite.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={200}
              autoComplete="off"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect
              label={t('web.admin.invite.organisation')}
              required
              value={organisation}
              onChange={(e) => setOrganisation(e.currentTarget.value)}
              data={[
                { value: '', label: t('web.admin.choose') },
                ...(organisations.data ?? []).map((o) => ({
                  value: o.id,
                  label: `${o.name} (${t(`web.role.${o.kind}`)})`,
                })),
              ]}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect
              label={t('web.admin.invite.role')}
              value={role}
              onChange={(e) => setRole(ROLES.find((r) => r === e.currentTarget.value) ?? 'member')}
              data={ROLES.map((r) => ({ value: r, label: t(INVITATION_ROLE_LABEL[r]) }))}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect
              label={t('web.admin.invite.programme')}
              description={t('web.admin.invite.programme_help')}
              required={role === 'programme_admin'}
              value={programme}
              onChange={(e) => setProgramme(e.currentTarget.value)}
              data={[
                { value: '', label: t('web.admin.invite.no_programme') },
                ...(programmes.data ?? []).map((p) => ({ value: p.id, label: p.title })),
              ]}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect
              label={t('web.admin.invite.language')}
              description={t('web.admin.invite.language_help')}
              value={language}
              onChange={(e) => setLanguage(localeOf(e.currentTarget.value) ?? locale)}
              data={LOCALES.map((l) => ({ value: l, label: t(`web.language.${l}`) }))}
            />
          </Grid.Col>
        </Grid>
        <Button
          type="submit"
          mt="md"
          loading={invite.isPending}
          disabled={!email.trim() || !organisation}
        >
          {t('web.admin.invite.submit')}
        </Button>
        {invite.isError ? (
          <Alert color="red" role="alert" mt="sm">
            {problemText(invite.error, locale)}
          </Alert>
        ) : null}
        {invite.isSuccess ? (
          <Alert color="green" role="status" mt="sm" data-testid="invited">
            {t(
              invite.data.delivered_by === 'smtp'
                ? 'web.admin.invite.sent_smtp'
                : 'web.admin.invite.sent_outbox',
              { email: invite.data.email, date: dateTime(invite.data.expires_at, locale) },
            )}
          </Alert>
        ) : null}
      </form>
    </Card>
  );
}

function OpenInvitations() {
  const { t, locale } = useMessages();
  const headingId = useId();
  const invitations = useQuery(invitationsQuery(locale));
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: async (id: string) =>
      data(
        await api.DELETE('/admin/invitations/{invitation}', {
          params: { path: { invitation: id } },
          headers: speaking(locale),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'invitations'] }),
  });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('web.admin.invitations.title')}
      </Title>
      {invitations.isError ? <Refusal error={invitations.error} /> : null}
      {invitations.isPending ? <Loading /> : null}
      {invitations.data && invitations.data.length === 0 ? (
        <Text>{t('web.admin.invitations.empty')}</Text>
      ) : null}
      {withdraw.isError ? (
        <Alert color="red" role="alert" mb="sm">
          {problemText(withdraw.error, locale)}
        </Alert>
      ) : null}
      {invitations.data && invitations.data.length > 0 ? (
        <TableScroll label={t('web.admin.invitations.title')}>
          <Table striped data-testid="invitations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('web.admin.invite.email')}</Table.Th>
                <Table.Th scope="col">{t('web.admin.invite.organisation')}</Table.Th>
                <Table.Th scope="col">{t('web.admin.invite.role')}</Table.Th>
                <Table.Th scope="col">{t('web.admin.invitations.expires')}</Table.Th>
                <Table.Th scope="col">{t('web.admin.people.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.data.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Th scope="row" fw="normal">
                    <Text size="sm">{i.email}</Text>
                    <Text size="xs" c="dimmed">
                      {t('web.admin.invitations.by', { who: i.invited_by })}
                    </Text>
                  </Table.Th>
                  <Table.Td>{i.organisation.name}</Table.Td>
                  <Table.Td>
                    {t(INVITATION_ROLE_LABEL[i.role])}
                    {i.programme ? (
                      <Text size="xs" c="dimmed">
                        {i.programme.title}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{dateTime(i.expires_at, locale)}</Text>
                    {i.status === 'expired' ? (
                      <Badge variant="dot" color="gray">
                        {t('web.admin.invitations.expired')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      loading={withdraw.isPending && withdraw.variables === i.id}
                      onClick={() => withdraw.mutate(i.id)}
                      aria-label={t('web.admin.invitations.withdraw_of', { email: i.email })}
                    >
                      {t('web.admin.invitations.withdraw')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
    </Card>
  );
}
