/**
 * The bill's workflow for the reader's role, as the API allows it: a verifier verifies a
 * draft; the funder approves a verified bill and pays an approved one; either rejects a bill
 * not yet paid. Each step asks for its reason (required to reject) and confirmation. Paying
 * sends an Idempotency-Key kept for the bill in this tab, so a retry after a lost answer
 * can never pay twice.
 */
import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { MessageCode } from '../../../../src/domain/messages/catalogue.js';
import { api, data, problemText } from '../../api/client.js';
import type { Role } from '../../app/session.js';
import { useMessages } from '../../i18n/use-messages.js';
import type { BillDetail } from './queries.js';

type Action = 'verify' | 'approve' | 'reject' | 'pay';

/** What the role may do to a bill in its status (the API's rules, bill-routes.ts). */
export function actionsFor(role: Role | undefined, status: BillDetail['status']): Action[] {
  const open = status !== 'paid' && status !== 'rejected';
  const actions: Action[] = [];
  if (role === 'verifier' && status === 'draft') actions.push('verify');
  if (role === 'funder' && status === 'verified') actions.push('approve');
  if (role === 'funder' && status === 'approved') actions.push('pay');
  if ((role === 'funder' || role === 'verifier') && open) actions.push('reject');
  return actions;
}

const LABEL: Record<Action, MessageCode> = {
  verify: 'web.bills.action.verify',
  approve: 'web.bills.action.approve',
  reject: 'web.bills.action.reject',
  pay: 'web.bills.action.pay',
};
const CONFIRM: Record<Action, MessageCode> = {
  verify: 'web.bills.confirm.verify',
  approve: 'web.bills.confirm.approve',
  reject: 'web.bills.confirm.reject',
  pay: 'web.bills.confirm.pay',
};

export function BillActions({
  bill,
  role,
  total,
}: {
  readonly bill: BillDetail;
  readonly role: Role | undefined;
  /** The bill's total as people read it, for the payment's confirmation. */
  readonly total: string;
}) {
  const { t } = useMessages();
  const headingId = useId();
  const [chosen, setChosen] = useState<Action | null>(null);
  const actions = actionsFor(role, bill.status);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="xs">
        {t('web.bills.workflow.title')}
      </Title>
      <Text size="sm" mb="sm" data-testid="next-step">
        {t(`web.bills.next.${bill.status}`)}
      </Text>
      {actions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('web.bills.workflow.nothing_for_you')}
        </Text>
      ) : (
        <Group gap="sm">
          {actions.map((a) => (
            <Button
              key={a}
              variant={chosen === a ? 'filled' : a === 'reject' ? 'outline' : 'light'}
              color={a === 'reject' ? 'red.9' : undefined}
              onClick={() => setChosen(chosen === a ? null : a)}
              aria-expanded={chosen === a}
            >
              {t(LABEL[a])}
            </Button>
          ))}
        </Group>
      )}
      {chosen && actions.includes(chosen) ? (
        <ActionForm
          key={chosen}
          bill={bill}
          action={chosen}
          total={total}
          onDone={() => setChosen(null)}
        />
      ) : null}
    </Card>
  );
}

function ActionForm({
  bill,
  action,
  total,
  onDone,
}: {
  readonly bill: BillDetail;
  readonly action: Action;
  readonly total: string;
  readonly onDone: () => void;
}) {
  const { t, locale } = useMessages();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const queryClient = useQueryClient();
  const act = useMutation({
    mutationFn: async () => {
      const path = { bill: bill.id };
      const headers = { 'accept-language': locale };
      if (action === 'pay') {
        return data(
          await api.POST('/bills/{bill}/pay', {
            params: { path, header: { 'idempotency-key': paymentKey(bill.id) } },
            headers,
          }),
        ).status;
      }
      const body = { reason: reason.trim() };
      const call =
        action === 'verify'
          ? api.POST('/bills/{bill}/verify', { params: { path }, body, headers })
          : action === 'approve'
            ? api.POST('/bills/{bill}/approve', { params: { path }, body, headers })
            : api.POST('/bills/{bill}/reject', { params: { path }, body, headers });
      return data(await call).status;
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['bill', bill.id] });
      await queryClient.invalidateQueries({ queryKey: ['bills'] });
      onDone();
    },
  });
  const needsReason = action === 'reject' && reason.trim() === '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!needsReason) act.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" mt="md" data-testid="bill-action-form">
        {action === 'pay' ? (
          <Text>{t('web.bills.pay.confirm_text', { total, bill: bill.id })}</Text>
        ) : (
          <Textarea
            label={t(
              action === 'reject' ? 'web.bills.reason.required' : 'web.bills.reason.optional',
            )}
            required={action === 'reject'}
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={tried && needsReason ? t('web.bills.reason.needed') : undefined}
            data-autofocus
          />
        )}
        {act.isError ? (
          <Alert color="red" role="alert">
            {problemText(act.error, locale)}
          </Alert>
        ) : null}
        <Group gap="sm">
          <Button
            type="submit"
            loading={act.isPending}
            color={action === 'reject' ? 'red.9' : undefined}
          >
            {t(CONFIRM[action])}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('web.bills.action.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The payment's Idempotency-Key for a bill: made once per tab, reused by every retry. */
function paymentKey(bill: string): string {
  const name = `resulta.payment-key.${bill}`;
  try {
    const kept = window.sessionStorage.getItem(name);
    if (kept) return kept;
    const made = `web-${bill}-${crypto.randomUUID()}`;
    window.sessionStorage.setItem(name, made);
    return made;
  } catch {
    return `web-${bill}-${crypto.randomUUID()}`;
  }
}
