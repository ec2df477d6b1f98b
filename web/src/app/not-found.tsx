/** No page here (or no programme yet): says so and offers the way back. */
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useMessages } from '../i18n/use-messages.js';

export function NotFound({ noProgramme = false }: { readonly noProgramme?: boolean }) {
  const { t } = useMessages();
  return (
    <Stack p="lg" gap="sm">
      <Title order={1} size="h3">
        {t('web.app.name')}
      </Title>
      <Text>{t(noProgramme ? 'web.nav.no_programme' : 'web.app.not_found')}</Text>
      {noProgramme ? null : (
        <Anchor component={Link} to="/app">
          {t('web.app.back_home')}
        </Anchor>
      )}
    </Stack>
  );
}
