/** The one HTTP error type: a status, a code, a message, and problems when input was bad. */
import type { Problem } from '../domain/problem.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const unauthorised = () =>
  new HttpError(401, 'unauthorised', 'sign in, or send an API token');
export const forbidden = () =>
  new HttpError(403, 'forbidden', 'your organisation may not do this here');
/**
 * Nothing more than "not found": not what was asked for (an id echoed back can carry
 * anything), and the same whether it does not exist or belongs to someone else.
 */
export const notFound = () => new HttpError(404, 'not_found', 'not found');
