/**
 * A moment (an ISO timestamp from the API) as people read it in their language: day and
 * time of day in the reader's time zone. Days without a time (`YYYY-MM-DD`) go through
 * `fmt.date` instead.
 */
import type { Locale } from '../../../src/domain/messages/locale.js';

const formats = new Map<Locale, Intl.DateTimeFormat>();

export function dateTime(iso: string, locale: Locale): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    formats.set(locale, format);
  }
  return format.format(new Date(iso));
}
