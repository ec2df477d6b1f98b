/** Imports: checking and importing a file, and the programme's import history. */
import { Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useSession } from '../../app/session.js';
import { useMessages } from '../../i18n/use-messages.js';
import { ImportForm } from './import-form.js';
import { ImportHistory } from './import-history.js';

export function ImportsPage() {
  const { t } = useMessages();
  const { programme } = useParams({ strict: false }) as { programme: string };
  const session = useSession();
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('web.nav.imports')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('web.imports.intro')}
        </Text>
      </div>
      {session ? <ImportForm programme={programme} role={session.role} /> : null}
      <ImportHistory programme={programme} />
    </Stack>
  );
}
