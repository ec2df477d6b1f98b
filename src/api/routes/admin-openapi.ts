/**
 * The error answers of the administration and invitation routes in the OpenAPI document:
 * each status with what it means there, all in the one error schema (RFC 9457 problem
 * details, problem-schema.ts).
 */
import { PROBLEM } from '../problem-schema.js';

const MEANING = {
  400: 'the request does not match its schema (a missing or malformed field)',
  401: 'not signed in',
  403: 'an API token, someone who administers nothing, or an administrator without this right',
  404: 'nothing by that id, or nothing the caller administers',
  409: 'it clashes with what exists (see `error`)',
  422: 'bad input: each problem with where it is (the field, or the line and column of a contract)',
  429: 'too many requests from this address; try again in a minute',
  502: 'the e-mail could not be sent; the invitation was withdrawn and the error logged',
} as const;

export type ErrorStatus = keyof typeof MEANING;

/** `{403: PROBLEM described, …}` for a route's `response` schema. */
export function errorResponses(...statuses: ErrorStatus[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, PROBLEM.describe(MEANING[status])]),
  ) as Record<ErrorStatus, typeof PROBLEM>;
}
