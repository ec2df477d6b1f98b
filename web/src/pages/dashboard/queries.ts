/** The dashboard's one request: every figure under the filters in the address. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client.js';
import type { paths } from '../../api/schema.gen.js';

type Operation = paths['/programmes/{programme}/dashboard/figures']['get'];
export type Figures = Operation['responses'][200]['content']['application/json'];
export type DashboardSearch = NonNullable<Operation['parameters']['query']>;

export const FILTER_KEYS = [
  'provider',
  'segment',
  'cohort_from',
  'cohort_to',
  'from',
  'to',
] as const;

export function figuresQuery(programme: string, filters: DashboardSearch) {
  return queryOptions({
    queryKey: ['dashboard', programme, filters],
    queryFn: async () =>
      data(
        await api.GET('/programmes/{programme}/dashboard/figures', {
          params: { path: { programme }, query: filters },
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The filters of the address, kept only when well-formed (the API refuses the rest). */
export function searchOf(search: Record<string, unknown>): DashboardSearch {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = search[key];
    if (typeof value !== 'string') continue;
    if (key === 'provider' || key === 'segment' || /^\d{4}-(0[1-9]|1[0-2])$/.test(value))
      out[key] = value;
  }
  return out;
}
