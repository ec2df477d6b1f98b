/** A bill's status as a badge in the reader's language. */
import { Badge } from '@mantine/core';
import { useMessages } from '../../i18n/use-messages.js';
import { WHOLE_BADGE } from '../../ui/badge-styles.js';
import type { BillStatus } from './queries.js';

const COLOUR: Record<BillStatus, string> = {
  draft: 'gray',
  verified: 'blue',
  approved: 'teal',
  paid: 'green',
  rejected: 'red',
};

export function BillStatusBadge({ status }: { readonly status: BillStatus }) {
  const { t } = useMessages();
  return (
    <Badge styles={WHOLE_BADGE} color={COLOUR[status]} variant="dot" data-testid="bill-status">
      {t(`web.bills.status.${status}`)}
    </Badge>
  );
}
