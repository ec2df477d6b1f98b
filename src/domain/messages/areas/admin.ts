/** Administration: organisations, users, invitations, programmes and their members. */
import type { Texts } from '../catalogue.js';

export const adminMessages = {} as const satisfies Texts;
