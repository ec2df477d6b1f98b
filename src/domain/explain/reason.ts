/**
 * A reason of the explanation as data: a catalogue code and its parameters, worded in a
 * language only where a person reads it (the CLI, the API's answer), so the explanation an
 * index holds or a child process returns is the same in every language.
 */
import { type MessageCode, say } from '../messages/catalogue.js';
import type { Locale } from '../messages/locale.js';

export type ReasonCode = Extract<MessageCode, `explain.${string}`>;

export interface Reason {
  readonly code: ReasonCode;
  /** Data as the inputs wrote them; a reason inside a reason (a window, a fault) is worded first. */
  readonly params: Readonly<Record<string, string | number | Reason>>;
}

export function reason(code: ReasonCode, params: Reason['params'] = {}): Reason {
  return { code, params };
}

/**
 * The reason behind an ineligibility as the outputs write it (participants.csv `reason`,
 * English by the format's definition); a text of another form is kept as it is.
 */
function ineligibilityReason(written: string): Reason | string {
  if (written === 'enrolled outside the enrolment window')
    return reason('explain.ineligible.window');
  const attribute = /^fails eligibility on (.+)$/.exec(written)?.[1];
  return attribute === undefined ? written : reason('explain.ineligible.attribute', { attribute });
}

/** An ineligibility as the outputs write it, in `locale`. */
export function sayIneligibility(written: string, locale: Locale): string {
  const why = ineligibilityReason(written);
  return typeof why === 'string' ? why : sayReason(why, locale);
}

export function sayReason(r: Reason, locale: Locale): string {
  const params = Object.fromEntries(
    Object.entries(r.params).map(([k, v]) => [k, typeof v === 'object' ? sayReason(v, locale) : v]),
  );
  return say(r.code, params, locale);
}
