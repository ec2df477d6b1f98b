/**
 * "Did you mean" for names a contract mistypes: keys (`ouctomes`), outcome ids in `after`
 * and in caps, segment ids in price maps. A name is suggested when it is within two edits
 * (Levenshtein: insert, delete or replace one character) of what was written — one edit for
 * names of two characters, where two edits reach anything. Among names equally close, those
 * a swap of two neighbouring letters explains better win (`kidn` means `kind`, not `id`).
 */
import { type Phrase, phrase } from '../problem.js';

/** The allowed names closest to `typed`, in their given order; empty when none is close. */
export function closestNames(typed: string, allowed: Iterable<string>): string[] {
  const limit = typed.length <= 2 ? 1 : 2;
  const close = [...new Set(allowed)]
    .filter((name) => name !== typed)
    .map((name) => ({ name, d: editDistance(typed, name, limit) }))
    .filter(({ name, d }) => d <= limit && d < Math.max(typed.length, name.length))
    .map((c) => ({ ...c, swaps: editDistance(typed, c.name, limit, true) }));
  const best = Math.min(...close.map((c) => c.d));
  const nearest = close.filter((c) => c.d === best);
  const fewestSwaps = Math.min(...nearest.map((c) => c.swaps));
  return nearest.filter((c) => c.swaps === fewestSwaps).map((c) => c.name);
}

/** The one name meant, when exactly one is close enough to be sure. */
export function meantName(typed: string, allowed: Iterable<string>): string | undefined {
  const names = closestNames(typed, allowed);
  return names.length === 1 ? names[0] : undefined;
}

/**
 * The hint that ends a problem: `; did you mean "outcomes"?` (one or two names), or the empty
 * string when no name is close.
 */
export function didYouMean(typed: string, allowed: Iterable<string>): Phrase | string {
  const [first, second] = closestNames(typed, allowed);
  if (first === undefined) return '';
  return second === undefined
    ? phrase('contract.hint.one', { name: first })
    : phrase('contract.hint.two', { first, second });
}

/**
 * Levenshtein distance; with `swaps`, a swap of two neighbouring characters counts as one
 * edit (optimal string alignment). Without swaps, stops early once every path is above `cap`
 * (returning cap + 1).
 */
export function editDistance(
  a: string,
  b: string,
  cap = Number.POSITIVE_INFINITY,
  swaps = false,
): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const replace = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      let cell = Math.min(replace, (previous[j] as number) + 1, (row[j - 1] as number) + 1);
      if (swaps && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        cell = Math.min(cell, (before[j - 2] as number) + 1);
      row.push(cell);
    }
    // Without swaps no later row can fall below this one's least (with them it could).
    if (!swaps && Math.min(...row) > cap) return cap + 1;
    [before, previous] = [previous, row];
  }
  return previous[b.length] as number;
}
