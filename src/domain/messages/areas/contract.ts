/** Problems in a contract file and its amendments (domain/contract). */
import type { Texts } from '../catalogue.js';

export const contractMessages = {} as const satisfies Texts;
