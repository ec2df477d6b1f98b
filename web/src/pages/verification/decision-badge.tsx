/** A sampled event's decision so far: verified, rejected, or still to decide. */
import { Badge } from '@mantine/core';
import { useMessages } from '../../i18n/use-messages.js';

/** The whole word, never cut short with an ellipsis in a narrow column. */
const WHOLE = { root: { maxWidth: 'none' }, label: { overflow: 'visible' } } as const;

export function DecisionBadge({ decision }: { readonly decision: string | null }) {
  const { t } = useMessages();
  if (decision === 'verified')
    return (
      <Badge color="green" variant="dot" styles={WHOLE}>
        {t('web.verification.decision.verified')}
      </Badge>
    );
  if (decision === 'rejected')
    return (
      <Badge color="red" variant="dot" styles={WHOLE}>
        {t('web.verification.decision.rejected')}
      </Badge>
    );
  return (
    <Badge color="gray" variant="dot" styles={WHOLE}>
      {t('web.verification.decision.pending')}
    </Badge>
  );
}
