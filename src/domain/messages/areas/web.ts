/** The web app's own words: navigation, page titles, labels, buttons. */
import type { Texts } from '../catalogue.js';

export const webMessages = {} as const satisfies Texts;
