/**
 * People with an account, by organisation: active or deactivated, their administrative
 * roles (given and taken away here), and deactivating an account with a reason.
 */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useId, useState } from 'react';
import { api, data, problemText } from '../../api/client.js';
import { useSession } from '../../app/session.js';
import { useMessages } from '../../i18n/use-messages.js';
import { WHOLE_BADGE } from '../../ui/badge-styles.js';
import { dateTime } from '../../ui/date-time.js';
import { Loading, Refusal } from '../../ui/query-state.js';
import { TableScroll } from '../../ui/table-scroll.js';
import {
  type AdminRole,
  administeredProgrammesQuery,
  organisationsQuery,
  speaking,
  type User,
  usersQuery,
} from './admin-api.js';
import { ReasonPrompt } from './reason-prompt.js';
import { ADMIN_ROLES, INVITATION_ROLE_LABEL } from './role-labels.js';

export function PeoplePanel() {
  const { t, locale } = useMessages();
  const headingId = useId();
  const [organisation, setOrganisation] = useState('');
  const [open, setOpen] = useState<{ user: string; what: 'deactivate' | 'grant' } | null>(null);
  const organisations = useQuery(organisationsQuery(locale));
  const users = useQuery(usersQuery(locale, organisation));
  // Nobody deactivates their own account (the API refuses it): not offered.
  const session = useSession();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('web.admin.people.title')}
        </Title>
        <NativeSelect
          size="sm"
          label={t('web.admin.people.organisation_filter')}
          value={organisation}
          onChange={(e) => setOrganisation(e.currentTarget.value)}
          data={[
            { value: '', label: t('web.admin.people.every_organisation') },
            ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
      </Group>
      {users.isError ? <Refusal error={users.error} /> : null}
      {users.isPending ? <Loading /> : null}
      {users.data ? (
        <TableScroll label={t('web.admin.people.title')}>
          <Table data-testid="people-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('web.admin.people.person')}</Table.Th>
                <Table.Th scope="col">{t('web.admin.people.organisation')}</Table.Th>
                <Table.Th scope="col">{t('web.admin.people.roles')}</Table.Th>
                <Table.Th scope="col">{t('web.admin.people.account')}</Table.Th>
                <Table.Th scope="col">{t('web.admin.people.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((u) => (
                <Fragment key={u.id}>
                  <Table.Tr>
                    <Table.Th scope="row" fw="normal">
                      <Text size="sm" fw={600}>
                        {u.name || u.email}
                      </Text>
                      <Text size="xs">{u.email}</Text>
                    </Table.Th>
                    <Table.Td>{u.organisation.name}</Table.Td>
                    <Table.Td>
                      <Roles user={u} />
                    </Table.Td>
                    <Table.Td>
                      {u.active ? (
                        <Badge styles={WHOLE_BADGE} variant="dot" color="green">
                          {t('web.admin.people.active')}
                        </Badge>
                      ) : (
                        <Badge styles={WHOLE_BADGE} variant="dot" color="gray">
                          {t('web.admin.people.deactivated', {
                            at: u.deactivated_at ? dateTime(u.deactivated_at, locale) : '—',
                          })}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {u.active ? (
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setOpen({ user: u.id, what: 'grant' })}
                          >
                            {t('web.admin.people.grant')}
                          </Button>
                          {u.email === session?.user ? null : (
                            <Button
                              size="xs"
                              variant="outline"
                              color="red.9"
                              onClick={() => setOpen({ user: u.id, what: 'deactivate' })}
                            >
                              {t('web.admin.people.deactivate')}
                            </Button>
                          )}
                        </Group>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                  {open?.user === u.id ? (
                    <Table.Tr>
                      <Table.Td colSpan={5}>
                        {open.what === 'deactivate' ? (
                          <Deactivate user={u} onDone={() => setOpen(null)} />
                        ) : (
                          <GrantRole user={u} onDone={() => setOpen(null)} />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
    </Card>
  );
}

function Roles({ user }: { readonly user: User }) {
  const { t, locale } = useMessages();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: async (r: User['roles'][number]) =>
      data(
        await api.DELETE('/admin/users/{user}/roles/{role}', {
          params: {
            path: { user: user.id, role: r.role },
            query: r.programme ? { programme: r.programme } : {},
          },
          headers: speaking(locale),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
  if (user.roles.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('web.admin.people.no_roles')}
      </Text>
    );
  return (
    <Group gap={4}>
      {user.roles.map((r) => {
        const label = r.programme
          ? t('web.admin.role.of_programme', {
              role: t(INVITATION_ROLE_LABEL[r.role]),
              programme: r.programme,
            })
          : t(INVITATION_ROLE_LABEL[r.role]);
        return (
          <Badge
            styles={WHOLE_BADGE}
            key={`${r.role} ${r.programme ?? ''}`}
            variant="outline"
            color="dark"
            rightSection={
              user.active ? (
                <ActionIcon
                  size="xs"
                  variant="transparent"
                  color="dark"
                  aria-label={t('web.admin.people.revoke', { role: label })}
                  onClick={() => revoke.mutate(r)}
                >
                  ×
                </ActionIcon>
              ) : null
            }
          >
            {label}
          </Badge>
        );
      })}
      {revoke.isError ? (
        <Text size="xs" c="red.9" role="alert">
          {problemText(revoke.error, locale)}
        </Text>
      ) : null}
    </Group>
  );
}

function Deactivate({ user, onDone }: { readonly user: User; readonly onDone: () => void }) {
  const { t, locale } = useMessages();
  const queryClient = useQueryClient();
  const deactivate = useMutation({
    mutationFn: async (reason: string) =>
      data(
        await api.POST('/admin/users/{user}/deactivate', {
          params: { path: { user: user.id } },
          body: { reason },
          headers: speaking(locale),
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
      onDone();
    },
  });
  return (
    <ReasonPrompt
      label={t('web.admin.people.deactivate_reason', { email: user.email })}
      confirm={t('web.admin.people.deactivate_confirm')}
      pending={deactivate.isPending}
      error={deactivate.error}
      onConfirm={(reason) => deactivate.mutate(reason)}
      onCancel={onDone}
    />
  );
}

function GrantRole({ user, onDone }: { readonly user: User; readonly onDone: () => void }) {
  const { t, locale } = useMessages();
  const [role, setRole] = useState<AdminRole>('organisation_admin');
  const [programme, setProgramme] = useState('');
  const programmes = useQuery(administeredProgrammesQuery(locale));
  const queryClient = useQueryClient();
  const grant = useMutation({
    mutationFn: async () =>
      data(
        await api.POST('/admin/users/{user}/roles', {
          params: { path: { user: user.id } },
          body: { role, ...(role === 'programme_admin' && programme ? { programme } : {}) },
          headers: speaking(locale),
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
      onDone();
    },
  });
  return (
    <Group align="flex-end" gap="sm" py="xs">
      <NativeSelect
        size="xs"
        label={t('web.admin.people.role')}
        value={role}
        onChange={(e) =>
          setRole(ADMIN_ROLES.find((r) => r === e.currentTarget.value) ?? 'organisation_admin')
        }
        data={ADMIN_ROLES.map((r) => ({
          value: r,
          label: t(INVITATION_ROLE_LABEL[r]),
        }))}
      />
      {role === 'programme_admin' ? (
        <NativeSelect
          size="xs"
          label={t('web.admin.people.programme')}
          value={programme}
          onChange={(e) => setProgramme(e.currentTarget.value)}
          data={[
            { value: '', label: t('web.admin.choose') },
            ...(programmes.data ?? []).map((p) => ({ value: p.id, label: p.title })),
          ]}
        />
      ) : null}
      <Button size="xs" loading={grant.isPending} onClick={() => grant.mutate()}>
        {t('web.admin.people.grant_confirm')}
      </Button>
      <Button size="xs" variant="default" onClick={onDone}>
        {t('web.admin.cancel')}
      </Button>
      {grant.isError ? (
        <Alert color="red" role="alert" w="100%">
          {problemText(grant.error, locale)}
        </Alert>
      ) : null}
    </Group>
  );
}
