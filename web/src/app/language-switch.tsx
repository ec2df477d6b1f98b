/** The language menu: English, Español, Français, each named in its own language. */
import { NativeSelect } from '@mantine/core';
import { LOCALES, localeOf } from '../../../src/domain/messages/locale.js';
import { useMessages } from '../i18n/use-messages.js';

export function LanguageSwitch({ withLabel = false }: { readonly withLabel?: boolean }) {
  const { t, locale, setLocale } = useMessages();
  return (
    <NativeSelect
      size="sm"
      label={withLabel ? t('web.language.label') : undefined}
      aria-label={withLabel ? undefined : t('web.language.label')}
      value={locale}
      onChange={(event) => {
        const next = localeOf(event.currentTarget.value);
        if (next) setLocale(next);
      }}
      data={LOCALES.map((l) => ({ value: l, label: t(`web.language.${l}`) }))}
      data-testid="language"
    />
  );
}
