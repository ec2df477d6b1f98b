/**
 * /app/programmes/$programme/runs/verification/$sample: one verification sample worked
 * through event by event (`?event=` the one open). Under runs, whose navigation entry
 * ("Runs and verification") it belongs to.
 */
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireTask } from '../../app/guards.js';

export interface SampleSearch {
  readonly event?: string;
}

export function verificationRoute<P extends AnyRoute>(parent: P) {
  return createRoute({
    getParentRoute: () => parent,
    path: 'runs/verification/$sample',
    beforeLoad: requireTask('runs'),
    validateSearch: (search: Record<string, unknown>): SampleSearch => {
      const event = typeof search.event === 'number' ? String(search.event) : search.event;
      return typeof event === 'string' && /^\d{1,18}$/.test(event) ? { event } : {};
    },
    component: lazyRouteComponent(() => import('./sample-page.js'), 'SamplePage'),
  });
}
