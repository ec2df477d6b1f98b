/**
 * The message catalogue: every text a person reads from the CLI, the API or the web app,
 * under a stable code, in English, Spanish and French. Codes never change meaning once
 * released (API clients and translators key on them); a new wording is a new text under
 * the same code, a new meaning a new code.
 *
 * Texts live in one file per area (areas/*.ts), each owned by the part of Resulta that
 * says them; codes start with their area's name. test/messages.test.ts fails when a code
 * lacks a language, when a translation drops or invents a parameter, or when two areas
 * claim one code.
 */
import { adminMessages } from './areas/admin.js';
import { apiMessages } from './areas/api.js';
import { cliMessages } from './areas/cli.js';
import { commonMessages } from './areas/common.js';
import { contractMessages } from './areas/contract.js';
import { explainMessages } from './areas/explain.js';
import { inputMessages } from './areas/input.js';
import { outputMessages } from './areas/output.js';
import { webMessages } from './areas/web.js';
import { DEFAULT_LOCALE, type Locale } from './locale.js';
import { type Params, render } from './render.js';

/** One message in every language Resulta speaks. */
export interface Text {
  readonly en: string;
  readonly es: string;
  readonly fr: string;
}

export type Texts = Readonly<Record<string, Text>>;

/** The areas by name; each area's codes start with `<name>.`. */
export const AREAS = {
  admin: adminMessages,
  api: apiMessages,
  cli: cliMessages,
  common: commonMessages,
  contract: contractMessages,
  explain: explainMessages,
  input: inputMessages,
  output: outputMessages,
  web: webMessages,
} as const satisfies Record<string, Texts>;

export const CATALOGUE = {
  ...adminMessages,
  ...apiMessages,
  ...cliMessages,
  ...commonMessages,
  ...contractMessages,
  ...explainMessages,
  ...inputMessages,
  ...outputMessages,
  ...webMessages,
} as const satisfies Texts;

export type MessageCode = keyof typeof CATALOGUE;

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(CATALOGUE, code);
}

/** The message in a language, its parameters filled in (numbers formatted by locale). */
export function say(code: MessageCode, params: Params = {}, locale: Locale = DEFAULT_LOCALE) {
  const text: Text = CATALOGUE[code];
  return render(text[locale], params, locale);
}
