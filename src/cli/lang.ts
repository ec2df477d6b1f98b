/**
 * The language the command line speaks: `--lang es` (anywhere on the command line, also
 * `--lang=es`), else RESULTA_LANG, else English. It is read before the commands are
 * registered, since their help is written in it.
 */
import { type MessageCode, say } from '../domain/messages/catalogue.js';
import { DEFAULT_LOCALE, type Locale, localeOf } from '../domain/messages/locale.js';
import type { Params } from '../domain/messages/render.js';

/** The language asked for, as given (undefined when none was). */
export function requestedLanguage(
  argv: readonly string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  for (const [i, arg] of argv.entries()) {
    if (arg === '--lang') return argv[i + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return env.RESULTA_LANG || undefined;
}

/** The language to speak: the one asked for when Resulta speaks it, English otherwise. */
export function cliLocale(
  argv: readonly string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
): Locale {
  const asked = requestedLanguage(argv, env);
  return (asked && localeOf(asked)) || DEFAULT_LOCALE;
}

const locale = cliLocale();

/** A catalogue message in the command line's language. */
export function t(code: MessageCode, params: Params = {}): string {
  return say(code, params, locale);
}

/** The command line's language, for formatting numbers and problems. */
export function currentLocale(): Locale {
  return locale;
}
