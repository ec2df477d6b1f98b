/**
 * The list's filters: the start of an id (searched as the person types, a moment after the
 * last key), the provider (not for a provider, who sees its own only), and, in the latest
 * run, segment, eligibility, an outcome and its status. Every change starts again from the
 * first page; the choice lives in the address.
 */
import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useMessages } from '../../i18n/use-messages.js';
import {
  type ListSearch,
  type SearchAnswer,
  STATUS_FILTERS,
  type StatusFilter,
} from './queries.js';
import { statusFilterWord } from './words.js';

const ANY = '';

export function ParticipantFilters({
  search,
  facets,
  showProvider,
  onChange,
}: {
  readonly search: ListSearch;
  readonly facets: SearchAnswer['facets'] | undefined;
  readonly showProvider: boolean;
  readonly onChange: (next: ListSearch) => void;
}) {
  const { t } = useMessages();
  const [typed, setTyped] = useState(search.q ?? '');
  // The address may change under the field (back button, a link): follow it.
  useEffect(() => setTyped(search.q ?? ''), [search.q]);
  const { after: _page, ...filters } = search;
  const set = (key: keyof ListSearch, value: string) => {
    const next: Record<string, string> = { ...filters };
    if (value === ANY) delete next[key];
    else next[key] = value;
    onChange(next as ListSearch);
  };
  const searchId = useDebouncedCallback((value: string) => set('q', value.trim()), 300);
  const any = (label: string) => ({ value: ANY, label });
  return (
    <search aria-label={t('web.participants.filters')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          set('q', typed.trim());
        }}
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: showProvider ? 3 : 2, lg: showProvider ? 6 : 5 }}>
          <TextInput
            label={t('web.participants.filter.id')}
            description={t('web.participants.filter.id_hint')}
            inputWrapperOrder={['label', 'input', 'description']}
            value={typed}
            onChange={(event) => {
              setTyped(event.currentTarget.value);
              searchId(event.currentTarget.value);
            }}
            data-testid="search-id"
            autoComplete="off"
            spellCheck={false}
          />
          {showProvider ? (
            <NativeSelect
              label={t('web.participants.filter.provider')}
              value={search.provider ?? ANY}
              onChange={(event) => set('provider', event.currentTarget.value)}
              data={[
                any(t('web.participants.filter.any_provider')),
                ...(facets?.providers ?? []).map((p) => ({ value: p.id, label: p.name })),
              ]}
            />
          ) : null}
          <NativeSelect
            label={t('web.participants.filter.segment')}
            value={search.segment ?? ANY}
            onChange={(event) => set('segment', event.currentTarget.value)}
            data={[
              any(t('web.participants.filter.any_segment')),
              ...(facets?.segments ?? []).map((s) => ({ value: s, label: s })),
            ]}
          />
          <NativeSelect
            label={t('web.participants.filter.eligible')}
            value={search.eligible ?? ANY}
            onChange={(event) => set('eligible', event.currentTarget.value)}
            data={[
              any(t('web.participants.filter.any_eligibility')),
              { value: 'yes', label: t('web.participants.eligible.yes') },
              { value: 'no', label: t('web.participants.eligible.no') },
            ]}
          />
          <NativeSelect
            label={t('web.participants.filter.outcome')}
            value={search.outcome ?? ANY}
            onChange={(event) => set('outcome', event.currentTarget.value)}
            data={[
              any(t('web.participants.filter.any_outcome')),
              ...(facets?.outcomes ?? []).map((o) => ({ value: o, label: o })),
            ]}
          />
          <NativeSelect
            label={t('web.participants.filter.status')}
            value={search.status ?? ANY}
            onChange={(event) => set('status', event.currentTarget.value)}
            data={[
              any(t('web.participants.filter.any_status')),
              ...STATUS_FILTERS.map((s: StatusFilter) => ({
                value: s,
                label: t(statusFilterWord(s)),
              })),
            ]}
          />
        </SimpleGrid>
        <Group mt="sm" gap="sm">
          <Button type="submit" size="sm">
            {t('web.participants.search')}
          </Button>
          <Button
            variant="default"
            size="sm"
            disabled={Object.keys(filters).length === 0}
            onClick={() => {
              setTyped('');
              onChange({});
            }}
          >
            {t('web.participants.clear')}
          </Button>
        </Group>
      </form>
    </search>
  );
}
