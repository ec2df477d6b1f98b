/** A sampled event's decision so far: verified, rejected, or still to decide. */
import { Badge } from '@mantine/core';
import { useMessages } from '../../i18n/use-messages.js';
import { WHOLE_BADGE } from '../../ui/badge-styles.js';

export function DecisionBadge({ decision }: { readonly decision: string | null }) {
  const { t } = useMessages();
  if (decision === 'verified')
    return (
      <Badge color="green" variant="dot" styles={WHOLE_BADGE}>
        {t('web.verification.decision.verified')}
      </Badge>
    );
  if (decision === 'rejected')
    return (
      <Badge color="red" variant="dot" styles={WHOLE_BADGE}>
        {t('web.verification.decision.rejected')}
      </Badge>
    );
  return (
    <Badge color="gray" variant="dot" styles={WHOLE_BADGE}>
      {t('web.verification.decision.pending')}
    </Badge>
  );
}
