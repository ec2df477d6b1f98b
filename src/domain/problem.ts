/**
 * One error type for bad input: a problem is data (a code, where, and the message a
 * programme officer can act on). Validation returns every problem at once; the CLI prints
 * them and the HTTP layer returns them.
 *
 * A problem made with `problem()` carries its catalogue code and parameters, so each
 * reader gets it in their language (`formatProblem(p, 'es')`); `message` is its English
 * text, for logs and for clients that read no code. Problems built before the catalogue
 * (no `params`) show their `message` in every language until they are moved to it.
 */
import { isMessageCode, type MessageCode, say } from './messages/catalogue.js';
import { DEFAULT_LOCALE, type Locale } from './messages/locale.js';
import type { Params, ParamValue } from './messages/render.js';

/**
 * A catalogue message used as a parameter of another, rendered in the same language: the
 * subject of a contract problem (`outcome job tier 2`) is one, so that it reads "outcome job
 * tier 2" in English and "resultado job › tramo 2" in Spanish. Plain data, so a problem
 * stored as JSON renders the same when read back.
 */
export interface Phrase {
  readonly code: MessageCode;
  readonly params?: ProblemParams;
}

export type ProblemParam = ParamValue | Phrase;
export type ProblemParams = { readonly [name: string]: ProblemParam };

export function phrase(code: MessageCode, params: ProblemParams = {}): Phrase {
  return { code, params };
}

export interface Problem {
  readonly code: string;
  readonly message: string;
  /** The catalogue parameters of `code`, when the problem was made from the catalogue. */
  readonly params?: ProblemParams;
  /** The file at fault, as the user named it. */
  readonly file?: string;
  /** Contract files: 1-based line and column in the YAML source. */
  readonly line?: number;
  readonly col?: number;
  /** Tables: 1-based row (header = row 1) and the column name. */
  readonly row?: number;
  readonly column?: string;
}

/** Where a problem is, in a file or a contract. */
export type Where = Pick<Problem, 'file' | 'line' | 'col' | 'row' | 'column'>;

/** A problem from the catalogue: its English message now, any language later. */
export function problem(code: MessageCode, params: ProblemParams = {}, where: Where = {}): Problem {
  return { code, message: say(code, inLanguage(params, DEFAULT_LOCALE)), params, ...where };
}

/** The problem's message in a language (English for problems not yet in the catalogue). */
export function problemMessage(p: Problem, locale: Locale = DEFAULT_LOCALE): string {
  return p.params !== undefined && isMessageCode(p.code)
    ? say(p.code, inLanguage(p.params, locale), locale)
    : p.message;
}

/** The parameters with every phrase among them rendered in the language. */
function inLanguage(params: ProblemParams, locale: Locale): Params {
  const out: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = typeof value === 'object' ? phraseText(value, locale) : value;
  }
  return out;
}

function phraseText(p: Phrase, locale: Locale): string {
  // A code a later version removed (a problem stored long ago) shows as its code.
  return isMessageCode(p.code) ? say(p.code, inLanguage(p.params ?? {}, locale), locale) : p.code;
}

export class ProblemsError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((p) => formatProblem(p)).join('\n'));
    this.name = 'ProblemsError';
  }
}

/** `file, row 2, column sex: message`, in a language. */
export function formatProblem(p: Problem, locale: Locale = DEFAULT_LOCALE): string {
  const where: string[] = [];
  // Row and line numbers are positions, not quantities: never grouped (row 12345).
  const position = (n: number) => String(n);
  if (p.file !== undefined) where.push(p.file);
  if (p.line !== undefined) {
    where.push(
      p.col !== undefined
        ? say('common.where.line_col', { line: position(p.line), col: position(p.col) }, locale)
        : say('common.where.line', { line: position(p.line) }, locale),
    );
  }
  if (p.row !== undefined) where.push(say('common.where.row', { row: position(p.row) }, locale));
  if (p.column !== undefined) where.push(say('common.where.column', { column: p.column }, locale));
  const message = problemMessage(p, locale);
  return where.length > 0 ? `${where.join(', ')}: ${message}` : message;
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
