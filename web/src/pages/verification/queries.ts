/** The verification views' requests: samples, one sample, the evidence for an event. */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, data } from '../../api/client.js';
import type { paths } from '../../api/schema.gen.js';

export type Sample =
  paths['/samples/{sample}']['get']['responses'][200]['content']['application/json'];
export type SampledEvent = Sample['events'][number];
export type Participant =
  paths['/programmes/{programme}/participants/{participant}']['get']['responses'][200]['content']['application/json'];

export function samplesQuery(programme: string) {
  return infiniteQueryOptions({
    queryKey: ['samples', programme],
    queryFn: async ({ pageParam }) =>
      data(
        await api.GET('/programmes/{programme}/samples', {
          params: {
            path: { programme },
            query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

export function sampleQuery(sample: string) {
  return queryOptions({
    queryKey: ['sample', sample],
    queryFn: async () => data(await api.GET('/samples/{sample}', { params: { path: { sample } } })),
    staleTime: 0,
  });
}

/** The participant an event belongs to, with every event, employment month and achievement. */
export function evidenceQuery(programme: string, participant: string) {
  return queryOptions({
    queryKey: ['participant', programme, participant],
    queryFn: async () =>
      data(
        await api.GET('/programmes/{programme}/participants/{participant}', {
          params: { path: { programme, participant } },
        }),
      ),
    staleTime: 0,
  });
}
