/** The programme dashboard. */
import { Stack, Title } from '@mantine/core';
import { useMessages } from '../../i18n/use-messages.js';

export function DashboardPage() {
  const { t } = useMessages();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('web.nav.dashboard')}
      </Title>
    </Stack>
  );
}
