/**
 * Canonical JSON as RFC 8785 (JCS) defines it: no whitespace, object members sorted by the
 * UTF-16 code units of their names, numbers and strings written as ECMAScript's
 * JSON.stringify writes them. Two readers of the same data get the same bytes, so a hash of
 * them can be checked by anyone, in any language with a JCS library.
 *
 * JavaScript values are read as JSON.stringify reads them (`toJSON`, members whose value is
 * undefined or a function left out, such array elements written as null), but what I-JSON
 * cannot hold is refused, never written as something else: NaN and the infinities (which
 * JSON.stringify would turn into null), strings or names with an unpaired surrogate, bigints,
 * cycles. Pure: no I/O.
 */
import { memberPath, unpairedSurrogate } from '../domain/text.js';

/** What cannot be written, and where: `path` is '' for the value itself, else like `a.b[0]`. */
export class CanonicalJsonError extends TypeError {
  override readonly name = 'CanonicalJsonError';
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path === '' ? 'the value' : path}: ${problem}`);
  }
}

/**
 * The RFC 8785 text of `value`.
 *
 * @example canonicalJson({ b: [1e30, 4.5], a: 'é' }) // '{"a":"é","b":[1e+30,4.5]}'
 */
export function canonicalJson(value: unknown): string {
  const text = write(value, '', '', new Set());
  if (text === undefined) fail('', 'undefined has no JSON form: nothing to write');
  return text;
}

/** The text of `value` found at `path`, or undefined when JSON has nothing for it. */
function write(value: unknown, key: string, path: string, open: Set<object>): string | undefined {
  const v = jsonValue(value, key);
  switch (typeof v) {
    case 'string':
      return stringText(v, path);
    case 'number':
      if (!Number.isFinite(v)) fail(path, `${v} is not a finite number, which I-JSON cannot hold`);
      // ECMAScript's Number::toString is RFC 8785's number format, -0 written as 0 included.
      return JSON.stringify(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return fail(path, 'a bigint has no JSON form; convert it to a number or a string');
    case 'object':
      if (v === null) return 'null';
      if (open.has(v)) fail(path, 'the value contains itself');
      open.add(v);
      try {
        return Array.isArray(v) ? arrayText(v, path, open) : objectText(v, path, open);
      } finally {
        open.delete(v);
      }
    default:
      // undefined, functions and symbols: JSON has no value for them.
      return undefined;
  }
}

/** What JSON.stringify serialises in place of `value`: its toJSON result, boxed primitives unboxed. */
function jsonValue(value: unknown, key: string): unknown {
  let v = value;
  if (v !== null && typeof v === 'object' && 'toJSON' in v && typeof v.toJSON === 'function')
    v = v.toJSON(key);
  if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf();
  return v;
}

function arrayText(items: readonly unknown[], path: string, open: Set<object>): string {
  const parts = items.map((item, i) => write(item, String(i), `${path}[${i}]`, open) ?? 'null');
  return `[${parts.join(',')}]`;
}

function objectText(object: object, path: string, open: Set<object>): string {
  const record = object as Record<string, unknown>;
  const members: string[] = [];
  // The default sort compares UTF-16 code units, which is the order RFC 8785 §3.2.3 asks for.
  for (const name of Object.keys(record).sort()) {
    const at = memberPath(path, name);
    const problem = unpairedSurrogate(name);
    if (problem) fail(`${at} (the key)`, problem);
    const text = write(record[name], name, at, open);
    if (text !== undefined) members.push(`${JSON.stringify(name)}:${text}`);
  }
  return `{${members.join(',')}}`;
}

function stringText(s: string, path: string): string {
  const problem = unpairedSurrogate(s);
  if (problem) fail(path, problem);
  // For well-formed strings JSON.stringify escapes exactly as RFC 8785 §3.2.2.2 says.
  return JSON.stringify(s);
}

function fail(path: string, problem: string): never {
  throw new CanonicalJsonError(path, problem);
}
