/** A moment from the API (ISO timestamp) as people read it: day and time, by locale. */
import type { Locale } from '../../../../src/domain/messages/locale.js';

const formats = new Map<Locale, Intl.DateTimeFormat>();

export function dateTime(iso: string, locale: Locale): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    formats.set(locale, format);
  }
  return format.format(new Date(iso));
}
