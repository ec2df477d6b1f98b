/** /app/programmes/$programme/imports: checking, importing and the history, loaded on demand. */
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireTask } from '../../app/guards.js';

export function importsRoute<P extends AnyRoute>(parent: P) {
  return createRoute({
    getParentRoute: () => parent,
    path: 'imports',
    beforeLoad: requireTask('imports'),
    component: lazyRouteComponent(() => import('./imports-page.js'), 'ImportsPage'),
  });
}
