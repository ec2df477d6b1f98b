/**
 * A readable summary of a run for the terminal: totals, then payments by outcome and by
 * provider as tables with a bar each, so a glance shows where the money went.
 */
import { parseCentsOrThrow } from '../domain/money.js';
import type { Summary } from '../domain/summary.js';

const BAR_WIDTH = 30;

export function formatSummary(s: Summary, currency: string): string {
  const lines = [
    `Contract ${s.contract}, as of ${s.as_of} (versions: ${s.versions.join(', ')})`,
    `Participants: ${s.participants.total} enrolled, ${s.participants.eligible} eligible`,
    `Paid: ${s.paid} ${currency}`,
    '',
    'By outcome',
    ...barTable(s.by_outcome),
    '',
    'By provider',
    ...barTable(s.by_provider),
    '',
    'By status',
    ...Object.entries(s.by_status).map(
      ([status, v]) =>
        `  ${status.padEnd(20)} ${String(v.count).padStart(9)}  ${v.amount.padStart(16)}`,
    ),
  ];
  if (s.headroom.total !== undefined || s.headroom.volume) {
    lines.push('', 'Headroom under the caps in force');
    if (s.headroom.total !== undefined)
      lines.push(`  total cap: ${s.headroom.total} ${currency} left`);
    for (const [outcome, places] of Object.entries(s.headroom.volume ?? {})) {
      lines.push(`  volume ${outcome}: ${places} places left`);
    }
  }
  return lines.join('\n');
}

function barTable(amounts: Record<string, string>): string[] {
  const entries = Object.entries(amounts);
  const max = Math.max(1, ...entries.map(([, a]) => centsOf(a)));
  const width = Math.max(...entries.map(([k]) => k.length), 8);
  return entries.map(([key, amount]) => {
    const bar = '█'.repeat(Math.round((centsOf(amount) / max) * BAR_WIDTH));
    return `  ${key.padEnd(width)} ${amount.padStart(16)}  ${bar}`;
  });
}

/** Bar lengths only; amounts themselves are never computed from this. */
function centsOf(amount: string): number {
  return parseCentsOrThrow(amount, 'summary amount');
}
