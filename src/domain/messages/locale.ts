/**
 * The languages Resulta speaks to people. Machine outputs (CSV, JSON, the evidence pack)
 * are never translated or formatted by locale; what people read is.
 */
export const LOCALES = ['en', 'es', 'fr'] as const;

export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * The language for a tag such as `es`, `es-AR` or `FR_fr`; undefined when Resulta does
 * not speak it.
 */
export function localeOf(tag: string): Locale | undefined {
  const language = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLocale(language) ? language : undefined;
}

/**
 * The best language for an HTTP Accept-Language header (`es-AR,es;q=0.9,en;q=0.8`): the
 * highest-weighted tag Resulta speaks, English when none.
 */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...options] = part.split(';');
      const q = options.map((o) => /^\s*q=([0-9.]+)\s*$/.exec(o)?.[1]).find(Boolean);
      return { locale: localeOf(tag), weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.locale !== undefined && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked[0]?.locale ?? DEFAULT_LOCALE;
}
