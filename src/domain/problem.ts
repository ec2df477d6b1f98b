/**
 * One error type for bad input: a problem is data (a code, where, and the message a
 * programme officer can act on). Validation returns every problem at once; the CLI prints
 * them and the HTTP layer will return them.
 */
export interface Problem {
  readonly code: string;
  readonly message: string;
  /** The file at fault, as the user named it. */
  readonly file?: string;
  /** Contract files: 1-based line and column in the YAML source. */
  readonly line?: number;
  readonly col?: number;
  /** Tables: 1-based row (header = row 1) and the column name. */
  readonly row?: number;
  readonly column?: string;
}

export class ProblemsError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ProblemsError';
  }
}

export function formatProblem(p: Problem): string {
  const where: string[] = [];
  if (p.file !== undefined) where.push(p.file);
  if (p.line !== undefined) where.push(`line ${p.line}${p.col !== undefined ? `:${p.col}` : ''}`);
  if (p.row !== undefined) where.push(`row ${p.row}`);
  if (p.column !== undefined) where.push(`column ${p.column}`);
  return where.length > 0 ? `${where.join(', ')}: ${p.message}` : p.message;
}

/** Orders problems by file, then position, so the same input always lists them the same way. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const key = (p: Problem) => [p.file ?? '', p.line ?? p.row ?? 0, p.col ?? 0, p.column ?? ''];
  return [...problems].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) {
      const x = ka[i] as string | number;
      const y = kb[i] as string | number;
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
  });
}
