/** Problems in input files (participants, events, employment) and warnings about them. */
import type { Texts } from '../catalogue.js';

export const inputMessages = {} as const satisfies Texts;
