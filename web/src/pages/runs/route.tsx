/**
 * /app/programmes/$programme/runs: evaluation runs and verification samples (tabs), and
 * /runs/$run: one run followed to its end. Pages load on demand.
 */
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireTask } from '../../app/guards.js';

export type RunsTab = 'runs' | 'verification';

export interface RunsSearch {
  readonly tab?: RunsTab;
}

export function runsRoutes<P extends AnyRoute>(parent: P) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: 'runs',
      beforeLoad: requireTask('runs'),
      validateSearch: (search: Record<string, unknown>): RunsSearch =>
        search.tab === 'verification' ? { tab: 'verification' } : {},
      component: lazyRouteComponent(() => import('./runs-page.js'), 'RunsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: 'runs/$run',
      beforeLoad: requireTask('runs'),
      component: lazyRouteComponent(() => import('./run-page.js'), 'RunPage'),
    }),
  ];
}
