/**
 * Runs and verification: ask for an evaluation run (funders) and follow it, the runs so far
 * with their evidence packs, and, in the second tab, the verifier's samples.
 */
import { Stack, Tabs, Title } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useSession } from '../../app/session.js';
import { useMessages } from '../../i18n/use-messages.js';
import { SamplesPanel } from '../verification/samples-panel.js';
import type { RunsSearch } from './route.js';
import { RunsTable } from './runs-table.js';
import { StartRun } from './start-run.js';

export function RunsPage() {
  const { t } = useMessages();
  const { programme } = useParams({ strict: false }) as { programme: string };
  const search = useSearch({ strict: false }) as RunsSearch;
  const navigate = useNavigate();
  const session = useSession();
  const tab = search.tab ?? 'runs';
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('web.nav.runs')}
      </Title>
      <Tabs
        value={tab}
        keepMounted={false}
        onChange={(value) =>
          void navigate({
            to: '.',
            search: (value === 'verification' ? { tab: 'verification' } : {}) as never,
            replace: true,
          })
        }
      >
        <Tabs.List>
          <Tabs.Tab value="runs">{t('web.runs.tab.runs')}</Tabs.Tab>
          <Tabs.Tab value="verification">{t('web.runs.tab.verification')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="runs" pt="md">
          <Stack gap="md">
            {session?.role === 'funder' ? <StartRun programme={programme} /> : null}
            <RunsTable programme={programme} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="verification" pt="md">
          <SamplesPanel programme={programme} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
