/**
 * A programme's members: its funder, the providers, verifiers and investors taking part
 * (added here, or removed with a reason; what they imported stays), and the people of the
 * funder who administer it.
 */
import { Alert, Button, Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useId, useState } from 'react';
import { api, data, problemText } from '../../api/client.js';
import { useMessages } from '../../i18n/use-messages.js';
import { Loading, Refusal } from '../../ui/query-state.js';
import { TableScroll } from '../../ui/table-scroll.js';
import {
  administeredProgrammesQuery,
  membersQuery,
  organisationsQuery,
  type ProgrammeMembers,
  speaking,
} from './admin-api.js';
import { ReasonPrompt } from './reason-prompt.js';

export function MembersPanel() {
  const { t, fmt, locale } = useMessages();
  const headingId = useId();
  const programmes = useQuery(administeredProgrammesQuery(locale));
  const [chosen, setChosen] = useState('');
  const programme = chosen || programmes.data?.[0]?.id || '';
  const members = useQuery(membersQuery(locale, programme));
  const [removing, setRemoving] = useState<string | null>(null);
  const m = members.data;
  return (
    <Stack gap="md">
      <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
        <Group justify="space-between" align="flex-end" mb="sm">
          <Title order={2} size="h4" id={headingId}>
            {t('web.admin.members.title')}
          </Title>
          <NativeSelect
            label={t('web.admin.members.programme')}
            value={programme}
            onChange={(e) => setChosen(e.currentTarget.value)}
            data={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
          />
        </Group>
        {programmes.isError ? <Refusal error={programmes.error} /> : null}
        {programmes.data?.length === 0 ? <Text>{t('web.admin.members.no_programme')}</Text> : null}
        {members.isError ? <Refusal error={members.error} /> : null}
        {members.isLoading ? <Loading /> : null}
        {m ? (
          <>
            <Text size="sm" mb="sm">
              {t('web.admin.members.funded_by', { funder: m.funder.name })}
            </Text>
            <TableScroll label={t('web.admin.members.title')}>
              <Table striped data-testid="members-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('web.admin.organisations.name')}</Table.Th>
                    <Table.Th scope="col">{t('web.admin.organisations.kind')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('web.admin.organisations.people')}
                    </Table.Th>
                    <Table.Th scope="col">{t('web.admin.people.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {m.members.map((o) => (
                    <Fragment key={o.id}>
                      <Table.Tr>
                        <Table.Th scope="row" fw="normal">
                          {o.name}
                        </Table.Th>
                        <Table.Td>{t(`web.role.${o.kind}`)}</Table.Td>
                        <Table.Td ta="right">{fmt.number(o.active_users)}</Table.Td>
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="outline"
                            color="red.9"
                            onClick={() => setRemoving(o.id)}
                            aria-label={t('web.admin.members.remove_of', { name: o.name })}
                          >
                            {t('web.admin.members.remove')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                      {removing === o.id ? (
                        <Table.Tr>
                          <Table.Td colSpan={4}>
                            <RemoveMember
                              programme={programme}
                              organisation={o}
                              onDone={() => setRemoving(null)}
                            />
                          </Table.Td>
                        </Table.Tr>
                      ) : null}
                    </Fragment>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
            <Text size="sm" mt="md" fw={600}>
              {t('web.admin.members.administrators')}
            </Text>
            <Text size="sm">
              {m.administrators.length === 0
                ? t('web.admin.members.no_administrators')
                : m.administrators.map((a) => a.name || a.email).join(', ')}
            </Text>
          </>
        ) : null}
      </Card>
      {m ? <AddMember programme={programme} members={m} /> : null}
    </Stack>
  );
}

function RemoveMember({
  programme,
  organisation,
  onDone,
}: {
  readonly programme: string;
  readonly organisation: { readonly id: string; readonly name: string };
  readonly onDone: () => void;
}) {
  const { t, locale } = useMessages();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: async (reason: string) =>
      data(
        await api.DELETE('/admin/programmes/{programmeId}/members/{organisation}', {
          params: {
            path: { programmeId: programme, organisation: organisation.id },
            query: { reason },
          },
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
      label={t('web.admin.members.remove_reason', { name: organisation.name })}
      confirm={t('web.admin.members.remove_confirm')}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={(reason) => remove.mutate(reason)}
      onCancel={onDone}
    />
  );
}

function AddMember({
  programme,
  members,
}: {
  readonly programme: string;
  readonly members: ProgrammeMembers;
}) {
  const { t, locale } = useMessages();
  const headingId = useId();
  const organisations = useQuery(organisationsQuery(locale));
  const [organisation, setOrganisation] = useState('');
  const queryClient = useQueryClient();
  const taken = new Set([members.funder.id, ...members.members.map((o) => o.id)]);
  const candidates = (organisations.data ?? []).filter(
    (o) => o.kind !== 'funder' && !taken.has(o.id),
  );
  const add = useMutation({
    mutationFn: async () =>
      data(
        await api.POST('/admin/programmes/{programmeId}/members', {
          params: { path: { programmeId: programme } },
          body: { organisation },
          headers: speaking(locale),
        }),
      ),
    onSuccess: async () => {
      setOrganisation('');
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
    },
  });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('web.admin.members.add')}
      </Title>
      {candidates.length === 0 ? (
        <Text size="sm">{t('web.admin.members.no_candidates')}</Text>
      ) : (
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={t('web.admin.invite.organisation')}
            value={organisation}
            onChange={(e) => setOrganisation(e.currentTarget.value)}
            data={[
              { value: '', label: t('web.admin.choose') },
              ...candidates.map((o) => ({
                value: o.id,
                label: `${o.name} (${t(`web.role.${o.kind}`)})`,
              })),
            ]}
          />
          <Button loading={add.isPending} disabled={!organisation} onClick={() => add.mutate()}>
            {t('web.admin.members.add_submit')}
          </Button>
        </Group>
      )}
      {add.isError ? (
        <Alert color="red" role="alert" mt="sm">
          {problemText(add.error, locale)}
        </Alert>
      ) : null}
    </Card>
  );
}
