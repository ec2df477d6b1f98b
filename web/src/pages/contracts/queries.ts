/**
 * The contract views' one request: every version of the programme's contract with its file,
 * who made it, when and why, and which is in force (GET /programmes/{p}/contract). The
 * reading, the versions, the comparison and the editor all work from this answer; a new
 * version is sent with POST /programmes/{p}/contract-versions.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Locale } from '../../../../src/domain/messages/locale.js';
import { api, data } from '../../api/client.js';
import type { paths } from '../../api/schema.gen.js';

export type ContractAnswer =
  paths['/programmes/{programme}/contract']['get']['responses'][200]['content']['application/json'];
export type StoredVersion = ContractAnswer['versions'][number];

export function contractQuery(programme: string) {
  return queryOptions({
    queryKey: ['contract', programme],
    queryFn: async () =>
      data(await api.GET('/programmes/{programme}/contract', { params: { path: { programme } } })),
    staleTime: 5 * 60_000,
  });
}

/** Sends a new version of the contract file; the API checks it again and records the reason. */
export async function submitVersion(
  programme: string,
  yaml: string,
  reason: string,
  locale: Locale,
) {
  return data(
    await api.POST('/programmes/{programme}/contract-versions', {
      params: { path: { programme } },
      body: { yaml, reason },
      headers: { 'accept-language': locale },
    }),
  );
}
