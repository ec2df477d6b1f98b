/** /app/programmes/$programme/dashboard: the programme dashboard, loaded on demand. */
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireTask } from '../../app/guards.js';

export function dashboardRoute<P extends AnyRoute>(parent: P) {
  return createRoute({
    getParentRoute: () => parent,
    path: 'dashboard',
    beforeLoad: requireTask('dashboard'),
    component: lazyRouteComponent(() => import('./dashboard-page.js'), 'DashboardPage'),
  });
}
