/**
 * /app/programmes/$programme/participants: the searchable list, its filters and page in the
 * address (?q=P00&status=capped&after=P0000731), so a search can be bookmarked and shared;
 * /participants/$participant: one participant. Pages load on demand.
 */
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireTask } from '../../app/guards.js';
import type { RouterContext } from '../../app/router.js';
import { currentLocale } from '../../i18n/i18n.js';
import { contractQuery } from '../contracts/queries.js';
import {
  type ListSearch,
  participantQuery,
  STATUS_FILTERS,
  type StatusFilter,
  searchQuery,
} from './queries.js';

/** The parent is generic here, so its context is not typed; the root route's is this. */
const queryClientOf = (context: unknown) => (context as RouterContext).queryClient;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : undefined;

/** The list's address, read leniently: anything unknown is dropped, never an error. */
export function listSearchOf(search: Record<string, unknown>): ListSearch {
  const out: Record<string, string> = {};
  for (const key of ['q', 'provider', 'segment', 'outcome', 'after'] as const) {
    const value = text(search[key]);
    if (value !== undefined) out[key] = value;
  }
  if (search.eligible === 'yes' || search.eligible === 'no') out.eligible = search.eligible;
  if (STATUS_FILTERS.includes(search.status as StatusFilter)) out.status = search.status as string;
  return out as ListSearch;
}

export function participantsRoutes<P extends AnyRoute>(parent: P) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: 'participants',
      validateSearch: listSearchOf,
      beforeLoad: requireTask('participants'),
      loaderDeps: ({ search }) => search,
      // The page's request starts with the navigation (or the pointer resting on the link),
      // not after its code is loaded and drawn; not awaited, so the page (filters, title)
      // shows at once and its rows as they come.
      loader: ({ context, params, deps }) => {
        void queryClientOf(context).prefetchQuery(searchQuery(params.programme, deps));
      },
      component: lazyRouteComponent(() => import('./participants-page.js'), 'ParticipantsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: 'participants/$participant',
      beforeLoad: requireTask('participants'),
      loader: ({ context, params }) => {
        // The programme is the generic parent's parameter, which its type does not carry.
        const { programme, participant } = params as { programme: string; participant: string };
        const queryClient = queryClientOf(context);
        void queryClient.prefetchQuery(participantQuery(programme, participant, currentLocale()));
        // Its currency words the amounts.
        void queryClient.prefetchQuery(contractQuery(programme));
      },
      component: lazyRouteComponent(() => import('./participant-page.js'), 'ParticipantPage'),
    }),
  ];
}
