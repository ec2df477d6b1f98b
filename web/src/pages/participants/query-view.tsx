/**
 * What a view shows while its data is on the way or when the server refused: a labelled
 * loader, or the refusal in the reader's language with a way to ask again.
 */
import { Alert, Button, Center, Loader } from '@mantine/core';
import { problemText } from '../../api/client.js';
import { useMessages } from '../../i18n/use-messages.js';

export function Loading({ label }: { readonly label?: string }) {
  const { t } = useMessages();
  return (
    <Center p="md">
      <Loader aria-label={label ?? t('web.app.loading')} />
    </Center>
  );
}

export function Refusal({
  error,
  retry,
}: {
  readonly error: unknown;
  readonly retry?: () => void;
}) {
  const { t, locale } = useMessages();
  return (
    <Alert color="red" role="alert">
      {problemText(error, locale)}
      {retry ? (
        <Button size="xs" variant="default" ml="sm" onClick={retry}>
          {t('web.app.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}
