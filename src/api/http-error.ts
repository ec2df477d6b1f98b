/**
 * The one HTTP error type: a status, a stable code, a message, the problems when input was
 * bad, and extension members for the answer (RFC 9457 allows them: a refused dataset names
 * the dataset held). A message from the catalogue (`text`) is answered in the request's
 * language (error-answers.ts); `message` is its English text, for logs and for errors made
 * before the catalogue, which are answered as they are.
 */
import { type MessageCode, say } from '../domain/messages/catalogue.js';
import type { Params } from '../domain/messages/render.js';
import type { Problem } from '../domain/problem.js';

export interface HttpErrorOptions {
  readonly problems?: readonly Problem[];
  /** Members added to the answer beside the problem details. */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export class HttpError extends Error {
  /** The catalogue message, when the error was made from it (`apiError`). */
  text?: { readonly code: MessageCode; readonly params: Params };
  extensions: Readonly<Record<string, unknown>> = {};

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

/** An HttpError whose message comes from the catalogue, answered in the request's language. */
export function apiError(
  status: number,
  code: string,
  text: MessageCode,
  params: Params = {},
  options: HttpErrorOptions = {},
): HttpError {
  const error = new HttpError(status, code, say(text, params), options.problems);
  error.text = { code: text, params };
  error.extensions = options.extensions ?? {};
  return error;
}

export const unauthorised = () => apiError(401, 'unauthorised', 'api.unauthorised');
export const forbidden = () => apiError(403, 'forbidden', 'api.forbidden');
/**
 * Nothing more than "not found": not what was asked for (an id echoed back can carry
 * anything), and the same whether it does not exist or belongs to someone else.
 */
export const notFound = () => apiError(404, 'not_found', 'api.not_found');
