/**
 * A readable summary of a run for the terminal: totals, then payments by outcome and by
 * provider as tables with a bar each, so a glance shows where the money went. It speaks the
 * command line's language, amounts and counts as its readers write them (65.446.900,00 ARS
 * in Spanish); summary.json, which it reads, stays exactly as the engine wrote it. Outcome
 * ids, provider ids and statuses are shown as in the outputs, so they can be looked up there.
 */

import type { LocalDate } from '../domain/local-date.js';
import { formatAmount, formatCount, formatDay } from '../domain/locale-format.js';
import { type MessageCode, say } from '../domain/messages/catalogue.js';
import type { Locale } from '../domain/messages/locale.js';
import type { Params } from '../domain/messages/render.js';
import { parseCentsOrThrow } from '../domain/money.js';
import type { Summary } from '../domain/summary.js';
import { currentLocale } from './lang.js';

const BAR_WIDTH = 30;

export function formatSummary(
  s: Summary,
  currency: string,
  locale: Locale = currentLocale(),
): string {
  const text = (code: MessageCode, params: Params = {}) => say(code, params, locale);
  const amount = (a: string) => formatAmount(centsOf(a), currency, locale);
  const lines = [
    text('cli.summary.heading', {
      contract: s.contract,
      as_of: formatDay(s.as_of as LocalDate, locale),
      versions: s.versions.join(', '),
    }),
    text('cli.summary.participants', {
      enrolled: s.participants.total,
      eligible: s.participants.eligible,
    }),
    text('cli.summary.paid', { amount: amount(s.paid) }),
    '',
    text('cli.summary.by_outcome'),
    ...barTable(s.by_outcome, amount),
    '',
    text('cli.summary.by_provider'),
    ...barTable(s.by_provider, amount),
    '',
    text('cli.summary.by_status'),
    ...Object.entries(s.by_status).map(
      ([status, v]) =>
        `  ${status.padEnd(20)} ${formatCount(v.count, locale).padStart(9)}  ${amount(v.amount).padStart(20)}`,
    ),
  ];
  if (s.headroom.total !== undefined || s.headroom.volume) {
    lines.push('', text('cli.summary.headroom'));
    if (s.headroom.total !== undefined) {
      const left = amount(s.headroom.total);
      lines.push(`  ${text('cli.summary.headroom_total', { amount: left })}`);
    }
    for (const [outcome, places] of Object.entries(s.headroom.volume ?? {})) {
      lines.push(`  ${text('cli.summary.headroom_volume', { outcome, places })}`);
    }
  }
  return lines.join('\n');
}

function barTable(amounts: Record<string, string>, shown: (a: string) => string): string[] {
  const entries = Object.entries(amounts);
  const max = Math.max(1, ...entries.map(([, a]) => centsOf(a)));
  const width = Math.max(...entries.map(([k]) => k.length), 8);
  return entries.map(([key, amount]) => {
    const bar = '█'.repeat(Math.round((centsOf(amount) / max) * BAR_WIDTH));
    return `  ${key.padEnd(width)} ${shown(amount).padStart(20)}  ${bar}`;
  });
}

/** Bar lengths and formatting only; amounts themselves are never computed from this. */
function centsOf(amount: string) {
  return parseCentsOrThrow(amount, 'summary amount');
}
