/**
 * /app/programmes/$programme/dashboard: the programme dashboard, loaded on demand (its charts
 * are the app's largest code). Filters live in the address (?provider=…&from=2019-01), so a
 * view can be bookmarked and shared.
 */
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireTask } from '../../app/guards.js';
import { searchOf } from './queries.js';

export function dashboardRoute<P extends AnyRoute>(parent: P) {
  return createRoute({
    getParentRoute: () => parent,
    path: 'dashboard',
    validateSearch: searchOf,
    beforeLoad: requireTask('dashboard'),
    component: lazyRouteComponent(() => import('./dashboard-page.js'), 'DashboardPage'),
  });
}
