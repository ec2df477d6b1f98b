/**
 * Text Resulta can store and hash faithfully. Two things in a JavaScript string cannot make
 * that trip: an unpaired UTF-16 surrogate (it has no UTF-8 form, so PostgreSQL and DuckDB
 * store U+FFFD in its place and a hash of the original no longer matches what is stored) and
 * NUL (PostgreSQL text cannot hold it at all). Every text input is refused if it holds either.
 *
 * Positions are 1-based characters (code points), as a person counts them.
 */

/** The NUL message in two halves, so SQL can put the position between them (column checks). */
export const NUL_MESSAGE = {
  before: 'contains a NUL character (U+0000) at character ',
  after: '; remove it',
} as const;

// Without the `u` flag a regular expression walks UTF-16 code units, which is what is needed
// to see a surrogate that has no partner.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What to do about an unpaired surrogate, after the problem itself. */
export const SURROGATE_ADVICE = '; text must be well-formed Unicode';

/**
 * Why `s` cannot be accepted as text, or undefined when it can.
 *
 * @example textProblem('bad \ud800 data')
 *   // 'contains an unpaired UTF-16 surrogate U+D800 at character 5; text must be well-formed Unicode'
 */
export function textProblem(s: string): string | undefined {
  const nul = s.indexOf('\u0000');
  const surrogate = LONE_SURROGATE.exec(s);
  if (surrogate && (nul < 0 || surrogate.index < nul)) {
    const at = characterAt(s, surrogate.index);
    return `${surrogateProblem(surrogate[0], at)}${SURROGATE_ADVICE}`;
  }
  if (nul >= 0) return `${NUL_MESSAGE.before}${characterAt(s, nul)}${NUL_MESSAGE.after}`;
  return undefined;
}

/** The first unpaired surrogate of `s` (JSON that RFC 8785 can write must have none), or undefined. */
export function unpairedSurrogate(s: string): string | undefined {
  const found = LONE_SURROGATE.exec(s);
  return found ? surrogateProblem(found[0], characterAt(s, found.index)) : undefined;
}

function surrogateProblem(unit: string, at: number): string {
  const hex = unit.charCodeAt(0).toString(16).toUpperCase();
  return `contains an unpaired UTF-16 surrogate U+${hex} at character ${at}`;
}

/** The 1-based code point position of the code unit at `index`. */
function characterAt(s: string, index: number): number {
  let at = 1;
  for (let i = 0; i < index; i++) {
    const unit = s.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff && i + 1 < index) i++;
    }
    at++;
  }
  return at;
}

/** Where a text problem was found (`body.reason`, `data.lines[2]`) and what it is. */
export interface TextFault {
  readonly path: string;
  readonly problem: string;
}

/**
 * The text problems in a JSON-like value (strings, arrays, plain objects and their keys),
 * in document order, at most `limit`. Walks with its own stack, so a deeply nested request
 * body cannot exhaust the call stack.
 *
 * @example textFaults({ reason: 'a\u0000' }, 'body') // [{ path: 'body.reason', problem: 'contains a NUL…' }]
 */
export function textFaults(value: unknown, root: string, limit = 20): TextFault[] {
  const faults: TextFault[] = [];
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0 && faults.length < limit) {
    const [v, path] = stack.pop() as [unknown, string];
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) faults.push({ path, problem });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`]);
    } else if (isPlainObject(v)) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as [string, unknown];
        stack.push([child, memberPath(path, key)]);
        stack.push([key, `${memberPath(path, key)} (the key)`]);
      }
    }
  }
  return faults;
}

/** `a.b` for a name that reads as one, `a["x y"]` (JSON-escaped) otherwise. */
export function memberPath(path: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

/** A record of named values, whatever its prototype (query strings come without Object's). */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  return (
    v !== null &&
    typeof v === 'object' &&
    !ArrayBuffer.isView(v) &&
    Object.prototype.toString.call(v) === '[object Object]'
  );
}
