/**
 * Keyset pages, newest first: a list read asks for one row more than `limit`; if it came,
 * there is a next page, and its cursor is the last id shown. A page therefore costs the same
 * wherever it starts, and rows added meanwhile never shift a page (they are newer).
 */

export interface PageRequest {
  readonly limit: number;
  /** The `next` of the page before; absent for the first page. */
  readonly cursor?: string | undefined;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** The cursor of the next page, or null after the last one. */
  readonly next: string | null;
}

/** The page of `rows` (read with `limit + 1`), its cursor taken from the last row shown. */
export function pageOf<R, T>(
  rows: readonly R[],
  limit: number,
  cursorOf: (row: R) => string,
  view: (row: R) => T,
): Page<T> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map(view),
    next: rows.length > limit && last !== undefined ? cursorOf(last) : null,
  };
}
