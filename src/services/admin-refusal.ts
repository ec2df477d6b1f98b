/**
 * Why an administrative change was refused, as data: what kind of refusal (the API maps it
 * to 403, 404 or 409; the command line prints it) and a catalogue message, so each reader
 * gets it in their language. Bad input is a ProblemsError instead (422), like everywhere.
 */
import type { MessageCode } from '../domain/messages/catalogue.js';
import { say } from '../domain/messages/catalogue.js';
import type { Params } from '../domain/messages/render.js';

export type RefusalKind =
  /** The administrator may not do this (403). */
  | 'forbidden'
  /** What it names does not exist, or is not the administrator's to see (404). */
  | 'not_found'
  /** It clashes with what exists (409). */
  | 'conflict'
  /** A service Resulta depends on failed, e.g. the mail server (502); the cause is logged. */
  | 'unavailable';

export class AdminRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly code: MessageCode,
    readonly params: Params = {},
    options: { readonly cause?: unknown } = {},
  ) {
    super(say(code, params), options);
    this.name = 'AdminRefusal';
  }
}

export const refuse = (kind: RefusalKind, code: MessageCode, params: Params = {}): never => {
  throw new AdminRefusal(kind, code, params);
};
