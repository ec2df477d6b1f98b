/** What the HTTP API says: refusals, errors, the problems of a request. */
import type { Texts } from '../catalogue.js';

export const apiMessages = {} as const satisfies Texts;
