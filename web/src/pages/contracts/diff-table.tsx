/**
 * Changes between two sets of terms, part by part (the contract, eligibility and segments,
 * amendments, outcomes, prices and bonuses, caps): what changed, how (added, removed,
 * changed) and its value before and after, worded and formatted for the reader.
 */
import { Badge, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { type Messages, useMessages } from '../../i18n/use-messages.js';
import { decimalText } from '../participants/amounts.js';
import { COLOURS } from '../participants/colours.js';
import { type Change, type Field, PARTS, type Value } from './contract-diff.js';
import {
  anchorText,
  bonusText,
  conditionText,
  kindName,
  moneyOf,
  numberText,
  priceLines,
  ruleText,
} from './contract-words.js';

type Words = Pick<Messages, 't' | 'fmt' | 'locale'>;

const CHANGE_COLOUR = {
  added: COLOURS.green,
  removed: COLOURS.red,
  changed: COLOURS.blue,
} as const;

export function DiffTable({
  changes,
  currency,
  headingOrder = 3,
}: {
  readonly changes: readonly Change[];
  readonly currency: string;
  readonly headingOrder?: 2 | 3 | 4;
}) {
  const w = useMessages();
  const { t } = w;
  if (changes.length === 0)
    return (
      <Text size="sm" data-testid="no-changes">
        {t('web.contracts.diff.none')}
      </Text>
    );
  return (
    <Stack gap="md" data-testid="diff">
      {PARTS.filter((part) => changes.some((c) => c.part === part)).map((part) => (
        <Stack key={part} gap={4} component="section" data-testid={`diff-${part}`}>
          <Title order={headingOrder} size="h5">
            {t(`web.contracts.part.${part}`)}
          </Title>
          <ScrollArea type="auto">
            <Table withTableBorder striped miw={640} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('web.contracts.diff.what')}</Table.Th>
                  <Table.Th scope="col">{t('web.contracts.diff.change')}</Table.Th>
                  <Table.Th scope="col">{t('web.contracts.diff.before')}</Table.Th>
                  <Table.Th scope="col">{t('web.contracts.diff.after')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changes
                  .filter((c) => c.part === part)
                  .map((c, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: changes are listed once, in this order
                    <Table.Tr key={i} data-testid="diff-row">
                      <Table.Td>
                        {c.subject === '' ? null : (
                          <Text span ff="monospace" size="sm" mr={6}>
                            {c.subject}
                          </Text>
                        )}
                        {fieldName(w, c.field)}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={CHANGE_COLOUR[c.change]} variant="outline" size="sm">
                          {t(`web.contracts.diff.${c.change}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td data-testid="before">{valueText(w, c.before, currency)}</Table.Td>
                      <Table.Td data-testid="after">{valueText(w, c.after, currency)}</Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Stack>
      ))}
    </Stack>
  );
}

function fieldName(w: Words, field: Field): string {
  return w.t(`web.contracts.field.${field}`);
}

/** A value as the reader reads it; an absent one as a dash. */
export function valueText(w: Words, v: Value | null, currency: string): string {
  if (v === null) return '—';
  switch (v.kind) {
    case 'text':
    case 'code':
      return v.text;
    case 'date':
      return w.fmt.date(v.day);
    case 'days':
      return v.n === null
        ? w.t('web.contracts.window.none')
        : w.t('web.contracts.days', { days: v.n });
    case 'months':
      return w.t('web.contracts.months', { months: v.n });
    case 'count':
      return w.fmt.number(v.n);
    case 'number':
      return numberText(w, v.text);
    case 'amount':
      return decimalText(v.text, currency, w.fmt, w.locale);
    case 'money':
      return v.cents === null ? '—' : moneyOf(w, v.cents, currency);
    case 'yes_no':
      return w.t(v.yes ? 'web.participants.eligible.yes' : 'web.participants.eligible.no');
    case 'condition':
      return v.condition === null
        ? w.t('web.contracts.segment.everyone')
        : conditionText(w, v.condition);
    case 'pricing':
      return priceLines(w, v.pricing, currency).join('; ');
    case 'tier': {
      const price = moneyOf(w, v.cents, currency);
      if (v.upTo !== null)
        return w.t('web.contracts.tier.range', { from: v.from, to: v.upTo, price });
      return v.from === 1
        ? w.t('web.contracts.tier.every', { price })
        : w.t('web.contracts.tier.from', { from: v.from, price });
    }
    case 'bonuses':
      return v.bonuses.length === 0
        ? w.t('web.contracts.bonus.none')
        : v.bonuses.map((b) => bonusText(w, b)).join('; ');
    case 'rule':
      return `${kindName(w, v.rule.kind)}: ${ruleText(w, v.rule, currency)} (${anchorText(w, v.rule.after)})`;
    case 'amendment':
      return w.t('web.contracts.amendment.line', { from: w.fmt.date(v.from), reason: v.reason });
  }
}
