/** The runs views' requests: a programme's runs a page at a time, and one run, followed. */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { Locale } from '../../../../src/domain/messages/locale.js';
import { api, data } from '../../api/client.js';
import type { paths } from '../../api/schema.gen.js';

export type RunListed =
  paths['/programmes/{programme}/runs']['get']['responses'][200]['content']['application/json']['runs'][number];
export type RunState = paths['/runs/{run}']['get']['responses'][200]['content']['application/json'];
export type RunStatus = RunState['status'];

const PAGE = 20;

export function runsQuery(programme: string) {
  return infiniteQueryOptions({
    queryKey: ['runs', programme],
    queryFn: async ({ pageParam }) =>
      data(
        await api.GET('/programmes/{programme}/runs', {
          params: {
            path: { programme },
            query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    // A run in the list may be moving: look again now and then while one is.
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.runs.some((r) => !finished(r.status))) ? 5_000 : false,
  });
}

export const finished = (status: RunStatus) => status === 'succeeded' || status === 'failed';

/**
 * One run, asked again while it is queued or running: every second at first, then every
 * two, then every five (a long run need not be asked about every second).
 */
export function runQuery(run: string, locale: Locale) {
  return queryOptions({
    queryKey: ['run', run, locale],
    queryFn: async () =>
      data(
        await api.GET('/runs/{run}', {
          params: { path: { run } },
          headers: { 'accept-language': locale },
        }),
      ),
    refetchInterval: (query) => {
      const state = query.state.data;
      if (!state || finished(state.status)) return false;
      const asked = query.state.dataUpdateCount;
      return asked < 10 ? 1_000 : asked < 40 ? 2_000 : 5_000;
    },
    staleTime: 0,
  });
}
