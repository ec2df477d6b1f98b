/**
 * Words and formats for the page being drawn, in the chosen language:
 *
 *   const { t, locale, fmt } = useMessages();
 *   t('web.nav.dashboard')                       // "Dashboard", "Panel", "Tableau de bord"
 *   t('common.problems_found', { count: 3 })     // parameters formatted by locale
 *   fmt.money('2018120.00', 'EUR')               // "€2,018,120.00", "2.018.120,00 €"
 *
 * Only catalogue codes type-check: a text that is not in src/domain/messages cannot be shown.
 */
import { useTranslation } from 'react-i18next';
import type { MessageCode } from '../../../src/domain/messages/catalogue.js';
import { DEFAULT_LOCALE, type Locale, localeOf } from '../../../src/domain/messages/locale.js';
import type { Params } from '../../../src/domain/messages/render.js';
import { type Formats, formatsFor } from './format.js';

export interface Messages {
  readonly t: (code: MessageCode, params?: Params) => string;
  readonly locale: Locale;
  readonly fmt: Formats;
  readonly setLocale: (locale: Locale) => void;
}

export function useMessages(): Messages {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language) ?? DEFAULT_LOCALE;
  return {
    t: (code, params) => t(code, { params }),
    locale,
    fmt: formatsFor(locale),
    setLocale: (next) => void i18n.changeLanguage(next),
  };
}
