/** Every step of a bill from its draft on, oldest first: who, when and why. */
import { Card, Text, Timeline, Title } from '@mantine/core';
import { useId } from 'react';
import type { MessageCode } from '../../../../src/domain/messages/catalogue.js';
import { useMessages } from '../../i18n/use-messages.js';
import { dateTime } from '../../ui/date-time.js';
import type { BillDetail } from './queries.js';

const STEP: Readonly<Record<string, MessageCode>> = {
  draft: 'web.bills.step.draft',
  verify: 'web.bills.step.verify',
  approve: 'web.bills.step.approve',
  reject: 'web.bills.step.reject',
  pay: 'web.bills.step.pay',
};

export function Approvals({ bill }: { readonly bill: BillDetail }) {
  const { t, locale } = useMessages();
  const headingId = useId();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('web.bills.approvals.title')}
      </Title>
      <Timeline active={bill.approvals.length - 1} bulletSize={14} lineWidth={2}>
        {bill.approvals.map((step, i) => {
          const label = STEP[step.action];
          return (
            <Timeline.Item
              // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id but their place
              key={i}
              title={label ? t(label) : step.action}
              data-testid="approval-step"
            >
              <Text size="sm">
                {t('web.bills.approvals.by', { who: step.by, at: dateTime(step.at, locale) })}
              </Text>
              {step.reason ? (
                <Text size="sm" c="dimmed">
                  {t('web.bills.approvals.reason', { reason: step.reason })}
                </Text>
              ) : null}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Card>
  );
}
