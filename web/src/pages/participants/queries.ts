/**
 * The participants views' requests: a page of the search (one request answers the rows, the
 * run they are judged in and what the filters can be set to), one participant with its
 * events, months and achievements, and the engine's explanation of its outcomes in a run.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Locale } from '../../../../src/domain/messages/locale.js';
import { api, data } from '../../api/client.js';
import type { paths } from '../../api/schema.gen.js';

type Json<P extends keyof paths, M extends 'get'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type SearchAnswer = Json<'/programmes/{programme}/participant-search', 'get'>;
export type FoundParticipant = SearchAnswer['participants'][number];
export type ParticipantDetail = Json<'/programmes/{programme}/participants/{participant}', 'get'>;
export type Explanation = Json<'/runs/{run}/participants/{participant}/explanation', 'get'>;
export type OutcomeExplained = Explanation['outcomes'][number];

/** What the list's address holds: the filters and the page (`after`, the cursor). */
export interface ListSearch {
  readonly q?: string;
  readonly provider?: string;
  readonly segment?: string;
  readonly eligible?: 'yes' | 'no';
  readonly outcome?: string;
  readonly status?: StatusFilter;
  readonly after?: string;
}

export const STATUS_FILTERS = [
  'achieved',
  'not_achieved',
  'capped',
  'paid',
  'partially_capped',
  'capped_volume',
  'capped_participant',
  'capped_total',
  'out_of_period',
] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const PAGE_SIZE = 50;

export function searchQuery(programme: string, search: ListSearch) {
  return queryOptions({
    queryKey: ['participant-search', programme, search],
    queryFn: async () =>
      data(
        await api.GET('/programmes/{programme}/participant-search', {
          params: { path: { programme }, query: { ...search, limit: PAGE_SIZE } },
        }),
      ),
    // The rows of the last page stay while the next one comes: the table does not jump.
    placeholderData: keepPreviousData,
  });
}

export function participantQuery(programme: string, participant: string, locale: Locale) {
  return queryOptions({
    // The language only words a refusal; the data are the same in every language.
    queryKey: ['participant', programme, participant],
    queryFn: async () =>
      data(
        await api.GET('/programmes/{programme}/participants/{participant}', {
          params: { path: { programme, participant } },
          headers: { 'accept-language': locale },
        }),
      ),
  });
}

/**
 * A succeeded run never changes, so neither does its explanation of a participant; its
 * reasons come worded in the language asked for, which is part of the key.
 */
export function explanationQuery(run: string, participant: string, locale: Locale) {
  return queryOptions({
    queryKey: ['explanation', run, participant, locale],
    queryFn: async () =>
      data(
        await api.GET('/runs/{run}/participants/{participant}/explanation', {
          params: { path: { run, participant } },
          headers: { 'accept-language': locale },
        }),
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
