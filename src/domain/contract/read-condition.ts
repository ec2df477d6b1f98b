/** Reads `{attribute, in | equals | between}` conditions (spec §2, Conditions). */
import type { Node } from 'yaml';
import { isScalar } from 'yaml';
import { compareDecimals, fitsScore, SCORE_DECIMALS, SCORE_INTEGER_DIGITS } from '../decimal.js';
import type { Condition } from './contract.js';
import { scalarText, type YamlReader } from './yaml-reader.js';

const FORMS = ['in', 'equals', 'between'] as const;

export function readCondition(r: YamlReader, node: Node | null, what: string): Condition | null {
  const map = r.map(node, what);
  if (!map) return null;
  const forms = FORMS.filter((k) => map.has(k));
  r.keys(map, node, what, ['attribute'], [...FORMS]);
  const [form] = forms;
  if (forms.length !== 1 || form === undefined) {
    r.report(node, 'contract.condition', `${what} needs exactly one of "in", "equals", "between"`);
    return null;
  }
  const attribute = r.string(map.get('attribute')?.value ?? null, `${what} attribute`);
  if (attribute === null) return null;
  const value = map.get(form)?.value ?? null;
  if (form === 'equals') {
    const text = r.text(value, `${what} equals`);
    return text === null ? null : { attribute, op: 'equals', value: text };
  }
  if (form === 'in') {
    const items = r.list(value, `${what} in`);
    if (!items) return null;
    const values = items.flatMap((item) =>
      isScalar(item) && item.value !== null ? [scalarText(item)] : [],
    );
    if (values.length === 0 || values.length !== items.length) {
      r.report(value, 'contract.type', `${what} in must list one or more single values`);
      return null;
    }
    return { attribute, op: 'in', values };
  }
  return readBetween(r, value, attribute, what);
}

function readBetween(
  r: YamlReader,
  node: Node | null,
  attribute: string,
  what: string,
): Condition | null {
  const items = r.list(node, `${what} between`);
  if (!items) return null;
  if (items.length !== 2) {
    r.report(node, 'contract.between', `${what} between needs two numbers [low, high]`);
    return null;
  }
  const lo = r.decimal(items[0] ?? null, `${what} between low`);
  const hi = r.decimal(items[1] ?? null, `${what} between high`);
  if (!lo || !hi) return null;
  if (!fitsScore(lo) || !fitsScore(hi)) {
    r.report(
      node,
      'contract.decimals',
      `${what} between bounds have at most ${SCORE_INTEGER_DIGITS} digits before the point and ${SCORE_DECIMALS} after`,
    );
    return null;
  }
  if (compareDecimals(lo, hi) > 0) {
    r.report(node, 'contract.between', `${what} between low ${lo.text} is above high ${hi.text}`);
    return null;
  }
  return { attribute, op: 'between', lo, hi };
}
