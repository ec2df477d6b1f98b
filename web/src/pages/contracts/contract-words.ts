/**
 * The contract's terms in the reader's words: conditions, what each rule counts, its
 * window and anchor, prices by segment, tiers and bonuses. Ids the contract names (outcomes,
 * segments, attributes, event types) are the contract's own and shown as written; every word
 * around them comes from the catalogue, and amounts, numbers and days go through `fmt`.
 */
import type { Bonus, Condition, Pricing, Rule } from '../../../../src/domain/contract/contract.js';
import { AGE_AT_ENROLMENT, ENROLMENT } from '../../../../src/domain/contract/contract.js';
import { shortText } from '../../../../src/domain/decimal.js';
import type { Messages } from '../../i18n/use-messages.js';
import { centsText, decimalText } from '../participants/amounts.js';

type Words = Pick<Messages, 't' | 'fmt' | 'locale'>;

export function attributeName(w: Words, attribute: string): string {
  return attribute === AGE_AT_ENROLMENT ? w.t('web.contracts.attribute.age') : attribute;
}

export function conditionText(w: Words, c: Condition): string {
  const attribute = attributeName(w, c.attribute);
  switch (c.op) {
    case 'in':
      return w.t('web.contracts.condition.in', {
        attribute,
        values: c.values.map((v) => `“${v}”`).join(', '),
      });
    case 'equals':
      return w.t('web.contracts.condition.equals', { attribute, value: `“${c.value}”` });
    case 'between':
      return w.t('web.contracts.condition.between', {
        attribute,
        lo: numberText(w, c.lo.text),
        hi: numberText(w, c.hi.text),
      });
  }
}

/** A decimal written in the contract, as a number in the reader's locale (exactly). */
export function numberText(w: Words, text: string): string {
  return new Intl.NumberFormat(w.locale, { maximumFractionDigits: 20 }).format(text as `${number}`);
}

export function moneyOf(w: Words, cents: number, currency: string): string {
  return centsText(cents, currency, w.fmt, w.locale);
}

/** What a rule counts, in one sentence. */
export function ruleText(w: Words, rule: Rule, currency: string): string {
  const money = (text: string) => decimalText(text, currency, w.fmt, w.locale);
  switch (rule.kind) {
    case 'event':
      return rule.minValue
        ? w.t('web.contracts.kind.event_min', {
            event: rule.event,
            min: numberText(w, rule.minValue.text),
          })
        : w.t('web.contracts.kind.event', { event: rule.event });
    case 'employment_start':
      return w.t('web.contracts.kind.employment_start', {
        min: money(shortText(rule.minEarnings)),
      });
    case 'employment_sustained':
      return w.t(
        rule.skipMonths === 0
          ? 'web.contracts.kind.employment_sustained'
          : 'web.contracts.kind.employment_sustained_skip',
        {
          months: rule.months,
          of: rule.ofMonths,
          min: money(shortText(rule.minEarnings)),
          skip: rule.skipMonths,
        },
      );
    case 'earnings_threshold':
      return w.t('web.contracts.kind.earnings_threshold', {
        total: money(shortText(rule.totalEarnings)),
        months: rule.withinMonths,
      });
    case 'assessment_gain':
      return w.t('web.contracts.kind.assessment_gain', {
        pre: rule.pre,
        post: rule.post,
        gain: w.fmt.percent(Number(rule.minGain.text)),
        max: numberText(w, rule.maxScore.text),
      });
  }
}

export function kindName(w: Words, kind: Rule['kind']): string {
  return w.t(`web.contracts.kind_name.${kind}`);
}

/** Where the rule counts from: enrolment, or an earlier outcome. */
export function anchorText(w: Words, after: string): string {
  return after === ENROLMENT
    ? w.t('web.contracts.after.enrolment')
    : w.t('web.contracts.after.outcome', { outcome: after });
}

/** The days the rule allows, or that it sets no limit ('' for kinds that count months). */
export function windowText(w: Words, rule: Rule): string {
  if (rule.kind === 'employment_sustained' || rule.kind === 'earnings_threshold') return '';
  return rule.withinDays === undefined
    ? w.t('web.contracts.window.none')
    : w.t('web.contracts.window.days', { days: rule.withinDays });
}

/** Prices as lines: one amount, one per segment, or one per tier of ranks. */
export function priceLines(w: Words, pricing: Pricing, currency: string): string[] {
  if (pricing.kind === 'tiers') {
    let from = 1;
    return pricing.tiers.map((tier) => {
      const price = moneyOf(w, tier.price, currency);
      const line =
        tier.upTo === undefined
          ? from === 1
            ? w.t('web.contracts.tier.every', { price })
            : w.t('web.contracts.tier.from', { from, price })
          : w.t('web.contracts.tier.range', { from, to: tier.upTo, price });
      from = (tier.upTo ?? from) + 1;
      return line;
    });
  }
  const price = pricing.price;
  if (price.kind === 'flat') return [moneyOf(w, price.amount, currency)];
  return Object.entries(price.amounts).map(([segment, cents]) =>
    w.t('web.contracts.price.segment', { segment, price: moneyOf(w, cents, currency) }),
  );
}

export function bonusText(w: Words, bonus: Bonus): string {
  return w.t('web.contracts.bonus', { percent: bonus.percent, when: conditionText(w, bonus.when) });
}
