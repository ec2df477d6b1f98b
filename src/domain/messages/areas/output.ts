/** Outputs people read: statements, spreadsheets, evidence-pack checks. */
import type { Texts } from '../catalogue.js';

export const outputMessages = {} as const satisfies Texts;
