/**
 * Fills a catalogue text with its parameters. The syntax is a small part of ICU
 * MessageFormat, enough for problems and summaries:
 *
 *   {name}                                   the parameter; a number is formatted by locale
 *   {count, plural, one {# row} other {# rows}}   chosen by the locale's plural rules; # is
 *                                            the number, formatted
 *
 * A parameter the text names but the caller did not give is left as `{name}`, so a missing
 * value shows rather than vanishes.
 */
import type { Locale } from './locale.js';

export type ParamValue = string | number;
export type Params = Readonly<Record<string, ParamValue>>;

export function render(text: string, params: Params, locale: Locale): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) return out + text.slice(i);
    out += text.slice(i, open);
    const close = matchingBrace(text, open);
    out += placeholder(text.slice(open + 1, close), params, locale);
    i = close + 1;
  }
  return out;
}

/** The names of the parameters a text uses, sorted (for checking translations agree). */
export function parameterNames(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:,|\})/g)) {
    names.add(match[1] as string);
  }
  return [...names].sort();
}

function placeholder(body: string, params: Params, locale: Locale): string {
  const [name = '', kind, ...rest] = body.split(',');
  const key = name.trim();
  const value = params[key];
  if (value === undefined) return `{${body}}`;
  if (kind?.trim() === 'plural') return plural(rest.join(','), Number(value), locale);
  return formatValue(value, locale);
}

function formatValue(value: ParamValue, locale: Locale): string {
  return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
}

/** `one {…} other {…}`: the branch for the number's plural category, `other` otherwise. */
function plural(branches: string, n: number, locale: Locale): string {
  const options = new Map<string, string>();
  let i = 0;
  while (i < branches.length) {
    const open = branches.indexOf('{', i);
    if (open < 0) break;
    const close = matchingBrace(branches, open);
    options.set(branches.slice(i, open).trim(), branches.slice(open + 1, close));
    i = close + 1;
  }
  const category = new Intl.PluralRules(locale).select(n);
  const chosen = options.get(`=${n}`) ?? options.get(category) ?? options.get('other') ?? '';
  return chosen.replaceAll('#', formatValue(n, locale));
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces in message text: ${text}`);
}
