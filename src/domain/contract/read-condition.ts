/** Reads `{attribute, in | equals | between}` conditions (spec §2, Conditions). */
import type { Node } from 'yaml';
import { isScalar } from 'yaml';
import { compareDecimals, fitsScore, SCORE_DECIMALS, SCORE_INTEGER_DIGITS } from '../decimal.js';
import type { Condition } from './contract.js';
import { type Subject, subject, within } from './subject.js';
import { scalarText, type YamlReader } from './yaml-reader.js';

const FORMS = ['in', 'equals', 'between'] as const;

export function readCondition(r: YamlReader, node: Node | null, what: Subject): Condition | null {
  const given = r.map(node, what);
  if (!given) return null;
  const map = r.keys(given, node, what, ['attribute'], [...FORMS]);
  const attribute = r.string(map.get('attribute')?.value ?? null, within(what, 'attribute'));
  const forms = FORMS.filter((k) => map.has(k));
  const [form] = forms;
  if (forms.length !== 1 || form === undefined) {
    r.report(node, 'contract.condition.one_form', { what });
    return null;
  }
  const value = map.get(form)?.value ?? null;
  const condition = readForm(r, form, value, within(what, form));
  return attribute === null || condition === null ? null : { attribute, ...condition };
}

/** A condition without its attribute: what each form reads. */
type Form = {
  [Op in Condition['op']]: Omit<Extract<Condition, { op: Op }>, 'attribute'>;
}[Condition['op']];

function readForm(
  r: YamlReader,
  form: (typeof FORMS)[number],
  value: Node | null,
  what: Subject,
): Form | null {
  if (form === 'equals') {
    const text = r.text(value, what);
    return text === null ? null : { op: 'equals', value: text };
  }
  if (form === 'in') {
    const items = r.list(value, what);
    if (!items) return null;
    const values = items.flatMap((item) =>
      isScalar(item) && item.value !== null ? [scalarText(item)] : [],
    );
    if (values.length === 0 || values.length !== items.length) {
      r.report(value, 'contract.condition.in_values', { what });
      return null;
    }
    return { op: 'in', values };
  }
  return readBetween(r, value, what);
}

function readBetween(r: YamlReader, node: Node | null, what: Subject): Form | null {
  const items = r.list(node, what);
  if (!items) return null;
  if (items.length !== 2) {
    r.report(node, 'contract.between.shape', { what });
    return null;
  }
  const lo = r.decimal(items[0] ?? null, within(what, subject.betweenLow));
  const hi = r.decimal(items[1] ?? null, within(what, subject.betweenHigh));
  if (!lo || !hi) return null;
  if (!fitsScore(lo) || !fitsScore(hi)) {
    r.report(node, 'contract.between.digits', {
      what,
      before: SCORE_INTEGER_DIGITS,
      after: SCORE_DECIMALS,
    });
    return null;
  }
  if (compareDecimals(lo, hi) > 0) {
    r.report(node, 'contract.between.order', { what, low: lo.text, high: hi.text });
    return null;
  }
  return { op: 'between', lo, hi };
}
