/**
 * Administration: organisations, people and their roles, invitations, and programme
 * members, one tab each (`?tab=`). What an administrator may change is the API's to decide
 * (services/admin-rights.ts); a refusal is shown where it happened.
 */
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMessages } from '../../i18n/use-messages.js';
import { InvitationsPanel } from './invitations-panel.js';
import { MembersPanel } from './members-panel.js';
import { OrganisationsPanel } from './organisations-panel.js';
import { PeoplePanel } from './people-panel.js';
import { ADMIN_TABS, type AdminSearch } from './route.js';

export function AdminPage() {
  const { t } = useMessages();
  const search = useSearch({ strict: false }) as AdminSearch;
  const navigate = useNavigate();
  const tab = search.tab ?? 'organisations';
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('web.nav.admin')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('web.admin.intro')}
        </Text>
      </div>
      <Tabs
        value={tab}
        keepMounted={false}
        onChange={(value) => {
          const next = ADMIN_TABS.find((x) => x === value);
          void navigate({
            to: '.',
            search: (next && next !== 'organisations' ? { tab: next } : {}) as never,
            replace: true,
          });
        }}
      >
        <Tabs.List>
          {ADMIN_TABS.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`web.admin.tab.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="organisations" pt="md">
          <OrganisationsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="md">
          <PeoplePanel />
        </Tabs.Panel>
        <Tabs.Panel value="invitations" pt="md">
          <InvitationsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="members" pt="md">
          <MembersPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
