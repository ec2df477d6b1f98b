/**
 * "Did you mean": the closest of a few names to a name that was not found, by edit distance
 * (Levenshtein, at most 2), compared without regard to case and surrounding spaces. Meant for
 * short lists (headers, a contract's event types, distinct ids found missing), never per row.
 *
 * @example closestName('sex', ['participant_id', 'sexo', 'region'])  // 'sexo'
 */

/** Most edits between a name and a suggestion for it. */
export const MAX_EDITS = 2;

/**
 * The candidate nearest to `name`, within two edits (one differing in case only first); the
 * first listed wins a tie. `name` itself is never suggested.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = fold(name);
  let best: string | undefined;
  let bestDistance = MAX_EDITS + 1;
  for (const candidate of candidates) {
    const folded = fold(candidate);
    if (candidate === name || Math.abs(folded.length - wanted.length) >= bestDistance) continue;
    // Differing in case only is closer than any edit (`Done` for `done`).
    const distance = folded === wanted ? 0 : editDistance(wanted, folded, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** A name as headers are compared: trimmed, lower case. */
export function fold(name: string): string {
  return name.trim().toLowerCase();
}

/** Levenshtein distance of `a` and `b`, or `limit` once it is known to be at least that. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const substitute = (previous[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1);
      const value = Math.min(
        substitute,
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return Math.min(previous[y.length] as number, limit);
}
