/** What the command line says: its options, progress and summaries. */
import type { Texts } from '../catalogue.js';

export const cliMessages = {} as const satisfies Texts;
