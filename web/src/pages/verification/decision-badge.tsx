/** A sampled event's decision so far: verified, rejected, or still to decide. */
import { Badge } from '@mantine/core';
import { useMessages } from '../../i18n/use-messages.js';

export function DecisionBadge({ decision }: { readonly decision: string | null }) {
  const { t } = useMessages();
  if (decision === 'verified')
    return (
      <Badge color="green" variant="dot">
        {t('web.verification.decision.verified')}
      </Badge>
    );
  if (decision === 'rejected')
    return (
      <Badge color="red" variant="dot">
        {t('web.verification.decision.rejected')}
      </Badge>
    );
  return (
    <Badge color="gray" variant="dot">
      {t('web.verification.decision.pending')}
    </Badge>
  );
}
