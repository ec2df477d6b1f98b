/** Organisations: every one with its kind, active people and programmes; creating one. */
import {
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { api, data, problemText } from '../../api/client.js';
import type { Role } from '../../app/session.js';
import { useMessages } from '../../i18n/use-messages.js';
import { Loading, Refusal } from '../../ui/query-state.js';
import { TableScroll } from '../../ui/table-scroll.js';
import { organisationsQuery, speaking } from './admin-api.js';

export const KINDS: readonly Role[] = ['funder', 'provider', 'verifier', 'investor'];

export function OrganisationsPanel() {
  const { t, fmt, locale } = useMessages();
  const headingId = useId();
  const organisations = useQuery(organisationsQuery(locale));
  return (
    <Stack gap="md">
      <CreateOrganisation />
      <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
        <Title order={2} size="h4" id={headingId} mb="sm">
          {t('web.admin.organisations.title')}
        </Title>
        {organisations.isError ? <Refusal error={organisations.error} /> : null}
        {organisations.isPending ? <Loading /> : null}
        {organisations.data ? (
          <TableScroll label={t('web.admin.organisations.title')}>
            <Table striped data-testid="organisations-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('web.admin.organisations.name')}</Table.Th>
                  <Table.Th scope="col">{t('web.admin.organisations.kind')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('web.admin.organisations.people')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('web.admin.organisations.programmes')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {organisations.data.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Th scope="row" fw="normal">
                      {o.name}
                      <br />
                      <code>{o.id}</code>
                    </Table.Th>
                    <Table.Td>{t(`web.role.${o.kind}`)}</Table.Td>
                    <Table.Td ta="right">{fmt.number(o.active_users)}</Table.Td>
                    <Table.Td ta="right">{fmt.number(o.programmes)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        ) : null}
      </Card>
    </Stack>
  );
}

function CreateOrganisation() {
  const { t, locale } = useMessages();
  const headingId = useId();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Role>('provider');
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: async () =>
      data(
        await api.POST('/admin/organisations', {
          body: { id: id.trim(), name: name.trim(), kind },
          headers: speaking(locale),
        }),
      ),
    onSuccess: async () => {
      setId('');
      setName('');
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <form onSubmit={submit}>
        <Title order={2} size="h4" id={headingId} mb="sm">
          {t('web.admin.organisations.create')}
        </Title>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('web.admin.organisations.id')}
            description={t('web.admin.organisations.id_help')}
            required
            value={id}
            onChange={(e) => setId(e.currentTarget.value)}
            maxLength={63}
          />
          <TextInput
            label={t('web.admin.organisations.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={200}
          />
          <NativeSelect
            label={t('web.admin.organisations.kind')}
            value={kind}
            onChange={(e) => setKind(KINDS.find((k) => k === e.currentTarget.value) ?? 'provider')}
            data={KINDS.map((k) => ({ value: k, label: t(`web.role.${k}`) }))}
          />
          <Button type="submit" loading={create.isPending} disabled={!id.trim() || !name.trim()}>
            {t('web.admin.organisations.create_submit')}
          </Button>
        </Group>
        {create.isError ? (
          <Alert color="red" role="alert" mt="sm">
            {problemText(create.error, locale)}
          </Alert>
        ) : null}
        {create.isSuccess ? (
          <Alert color="green" role="status" mt="sm">
            {t('web.admin.organisations.created', { name: create.data.name })}
          </Alert>
        ) : null}
      </form>
    </Card>
  );
}
