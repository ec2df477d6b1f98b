/**
 * Amounts as people read them: the API's integer cents (or decimal strings) in the
 * programme's currency, formatted by locale from the exact decimal text (formatCents), so
 * no cent is lost through a float. Before the currency is known, a plain number with two
 * decimals.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { cents, formatCents } from '../../../src/domain/money.js';
import { api, data } from '../api/client.js';
import { useMessages } from '../i18n/use-messages.js';

const plain = new Map<string, Intl.NumberFormat>();

/** `1234.50` (a decimal string) in `currency`, or as a number when there is none. */
export function moneyText(
  decimal: string,
  currency: string | null,
  fmt: { readonly money: (amount: string, currency: string) => string },
  locale: string,
): string {
  if (currency) return fmt.money(decimal, currency);
  let format = plain.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    plain.set(locale, format);
  }
  return format.format(decimal as `${number}`);
}

/** Integer cents as an exact decimal string (`123450` → `"1234.50"`). */
export function centsDecimal(amount: number): string {
  return formatCents(cents(amount));
}

/** The currency of the programme's contract in force, read once a session. */
export function currencyQuery(programme: string) {
  return queryOptions({
    queryKey: ['programme-currency', programme],
    queryFn: async () =>
      data(await api.GET('/programmes/{programme}/contract', { params: { path: { programme } } }))
        .in_force?.currency ?? null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The programme's currency; null while it is not known (amounts show as plain numbers). */
export function useCurrency(programme: string): string | null {
  return useQuery(currencyQuery(programme)).data ?? null;
}

/** Formats cents and decimal strings in the programme's currency, in the reader's language. */
export function useMoney(programme: string) {
  const { fmt, locale } = useMessages();
  const currency = useCurrency(programme);
  return {
    currency,
    cents: (amount: number) => moneyText(centsDecimal(amount), currency, fmt, locale),
    decimal: (amount: string) => moneyText(amount, currency, fmt, locale),
  };
}
