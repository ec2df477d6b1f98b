/** The import history: every file the programme accepted, newest first, a page at a time. */
import { infiniteQueryOptions, keepPreviousData } from '@tanstack/react-query';
import { api, data } from '../../api/client.js';
import type { ImportKind } from './import-kinds.js';

export function importsQuery(programme: string, kind: ImportKind | undefined) {
  return infiniteQueryOptions({
    queryKey: ['imports', programme, kind ?? 'all'],
    queryFn: async ({ pageParam }) =>
      data(
        await api.GET('/programmes/{programme}/imports', {
          params: {
            path: { programme },
            query: {
              limit: 20,
              ...(kind ? { kind } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
  });
}
