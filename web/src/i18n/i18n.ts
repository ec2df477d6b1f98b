/**
 * i18next holds the language and the texts; the texts are the shared catalogue
 * (src/domain/messages), built into resources when this module loads, and rendered by the
 * catalogue's own renderer (its ICU subset: parameters formatted by locale, plurals), so the
 * web says exactly what the CLI and the API say. The choice is remembered in localStorage
 * and set on <html lang>.
 */
import i18next, { type PostProcessorModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { CATALOGUE } from '../../../src/domain/messages/catalogue.js';
import {
  DEFAULT_LOCALE,
  LOCALES,
  type Locale,
  localeOf,
} from '../../../src/domain/messages/locale.js';
import { type Params, render } from '../../../src/domain/messages/render.js';

const STORAGE_KEY = 'resulta.language';

function resources() {
  const byLocale = Object.fromEntries(
    LOCALES.map((locale) => [locale, { translation: {} as Record<string, string> }]),
  );
  for (const [code, text] of Object.entries(CATALOGUE)) {
    for (const locale of LOCALES) {
      const entry = byLocale[locale];
      if (entry) entry.translation[code] = text[locale];
    }
  }
  return byLocale;
}

/** Renders a catalogue text with its parameters (passed as `{ params }` to i18next's t). */
const catalogueRenderer: PostProcessorModule = {
  type: 'postProcessor',
  name: 'catalogue',
  process(value, _key, options, translator) {
    const lng = (options as { lng?: string }).lng ?? translator.language;
    const params = (options as { params?: Params }).params ?? {};
    return render(value, params, localeOf(lng ?? '') ?? DEFAULT_LOCALE);
  },
};

/** The stored choice, else the browser's first language Resulta speaks, else English. */
export function initialLocale(): Locale {
  const stored = safeStorage()?.getItem(STORAGE_KEY);
  const fromStorage = stored ? localeOf(stored) : undefined;
  if (fromStorage) return fromStorage;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const locale = localeOf(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

export async function startI18n(): Promise<typeof i18next> {
  const lng = initialLocale();
  await i18next
    .use(catalogueRenderer)
    .use(initReactI18next)
    .init({
      resources: resources(),
      lng,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: [...LOCALES],
      // Codes hold dots and colons; they are flat keys, never paths or namespaces.
      keySeparator: false,
      nsSeparator: false,
      // The catalogue renderer fills parameters; i18next's own {{…}} syntax is never used.
      interpolation: { escapeValue: false, prefix: '\u2983\u2983', suffix: '\u2984\u2984' },
      postProcess: ['catalogue'],
      initAsync: false,
      returnNull: false,
    });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    safeStorage()?.setItem(STORAGE_KEY, language);
  });
  return i18next;
}

/** localStorage, or undefined where it is refused (private modes, sandboxed frames). */
function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The language chosen now, for requests made outside a component (a route's loader). */
export function currentLocale(): Locale {
  return localeOf(i18next.language) ?? DEFAULT_LOCALE;
}
