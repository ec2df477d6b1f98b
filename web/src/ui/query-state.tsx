/**
 * What a view shows while its data is on the way or when the server refused: a labelled
 * loader, or the refusal in the reader's language with a way to ask again.
 */
import { Alert, Button, Center, Loader, VisuallyHidden } from '@mantine/core';
import { problemText } from '../api/client.js';
import { useMessages } from '../i18n/use-messages.js';

export function Loading() {
  const { t } = useMessages();
  return (
    <Center p="md" role="status">
      <Loader />
      <VisuallyHidden>{t('web.app.loading')}</VisuallyHidden>
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

/** "More" under a list read a page at a time, while the API says there is a next page. */
export function LoadMore({
  hasMore,
  loading,
  onMore,
  label,
}: {
  readonly hasMore: boolean;
  readonly loading: boolean;
  readonly onMore: () => void;
  readonly label: string;
}) {
  if (!hasMore) return null;
  return (
    <Center>
      <Button variant="default" loading={loading} onClick={onMore}>
        {label}
      </Button>
    </Center>
  );
}
