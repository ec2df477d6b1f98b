/** The bills views' requests: a programme's bills, one bill, its lines a page at a time. */
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client.js';
import type { paths } from '../../api/schema.gen.js';

export type BillDetail =
  paths['/bills/{bill}']['get']['responses'][200]['content']['application/json'];
export type BillStatus = BillDetail['status'];
export type LineKind = 'payment' | 'adjustment';

export function billsQuery(programme: string, status: BillStatus | undefined) {
  return infiniteQueryOptions({
    queryKey: ['bills', programme, status ?? 'all'],
    queryFn: async ({ pageParam }) =>
      data(
        await api.GET('/programmes/{programme}/bills', {
          params: {
            path: { programme },
            query: {
              limit: 20,
              ...(status ? { status } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

export function billQuery(bill: string) {
  return queryOptions({
    queryKey: ['bill', bill],
    queryFn: async () => data(await api.GET('/bills/{bill}', { params: { path: { bill } } })),
    staleTime: 0,
  });
}

export interface LineFilter {
  readonly kind?: LineKind;
  readonly provider?: string;
}

export function linesQuery(bill: string, filter: LineFilter) {
  return infiniteQueryOptions({
    queryKey: ['bill-lines', bill, filter],
    queryFn: async ({ pageParam }) =>
      data(
        await api.GET('/bills/{bill}/lines', {
          params: {
            path: { bill },
            query: { limit: 25, ...filter, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The programme's providers (ids), from its cheap aggregate page, for choosing a statement. */
export function providersQuery(programme: string) {
  return queryOptions({
    queryKey: ['programme-providers', programme],
    queryFn: async () => {
      const answer = data(
        await api.GET('/programmes/{programme}/dashboard', { params: { path: { programme } } }),
      );
      return Object.keys(answer.by_provider).sort();
    },
    staleTime: 5 * 60_000,
  });
}
