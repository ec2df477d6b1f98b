/**
 * /app/programmes/$programme/participants: the searchable list, its filters and page in the
 * address (?q=P00&status=capped&after=P0000731), so a search can be bookmarked and shared;
 * /participants/$participant: one participant. Pages load on demand.
 */
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireTask } from '../../app/guards.js';
import { type ListSearch, STATUS_FILTERS, type StatusFilter } from './queries.js';

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
      component: lazyRouteComponent(() => import('./participants-page.js'), 'ParticipantsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: 'participants/$participant',
      beforeLoad: requireTask('participants'),
      component: lazyRouteComponent(() => import('./participant-page.js'), 'ParticipantPage'),
    }),
  ];
}
