/**
 * Invariants of the code that moves money, asserted where the money moves (as TigerBeetle
 * does): the cap pass and bill drafting. A failed assertion is a bug in Resulta, never bad
 * input — bad input is reported as Problems before any money is computed — so it stops the
 * run or the transaction as an internal error instead of paying a wrong amount.
 */
export class InvariantError extends Error {
  constructor(
    /** Which invariant broke, e.g. `cap_pass.order` or `bill.total`. */
    readonly code: string,
    message: string,
  ) {
    super(`internal error, ${code}: ${message}`);
    this.name = 'InvariantError';
  }
}

/**
 * `invariant(total === sum, 'bill.total', () => \`total ${total} ≠ ${sum}\`)`. The message is
 * built only on failure. Hot loops test with `if` and throw directly, to allocate nothing.
 */
export function invariant(
  condition: boolean,
  code: string,
  message: () => string,
): asserts condition {
  if (!condition) throw new InvariantError(code, message());
}
