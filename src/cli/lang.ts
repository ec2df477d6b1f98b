/**
 * The language the command line speaks: `--lang es` (anywhere on the command line, also
 * `--lang=es`), else RESULTA_LANG, else English. It is read before the commands are
 * registered, since their help is written in it. A language Resulta does not speak is an
 * error (main.ts stops with exit 2), not a silent fall-back to English.
 */
import { type MessageCode, say } from '../domain/messages/catalogue.js';
import { DEFAULT_LOCALE, type Locale, localeOf } from '../domain/messages/locale.js';
import type { Params } from '../domain/messages/render.js';

/** The language asked for, as given, and where: the option or the environment. */
export interface LanguageRequest {
  readonly language: string;
  readonly source: '--lang' | 'RESULTA_LANG';
}

export function languageRequest(
  argv: readonly string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
): LanguageRequest | undefined {
  for (const [i, arg] of argv.entries()) {
    // Past `--` every word is an argument, not an option.
    if (arg === '--') break;
    if (arg === '--lang') return { language: argv[i + 1] ?? '', source: '--lang' };
    if (arg.startsWith('--lang=')) {
      return { language: arg.slice('--lang='.length), source: '--lang' };
    }
  }
  const fromEnv = env.RESULTA_LANG;
  return fromEnv ? { language: fromEnv, source: 'RESULTA_LANG' } : undefined;
}

/** The language asked for, as given (undefined when none was). */
export function requestedLanguage(
  argv: readonly string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  return languageRequest(argv, env)?.language;
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
