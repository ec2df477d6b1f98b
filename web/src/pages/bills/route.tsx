/**
 * /app/programmes/$programme/bills: the programme's bills and drafting one; /bills/$bill:
 * one bill with its lines, its approvals and the actions the reader's role may take.
 */
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireTask } from '../../app/guards.js';

export function billsRoutes<P extends AnyRoute>(parent: P) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: 'bills',
      beforeLoad: requireTask('bills'),
      component: lazyRouteComponent(() => import('./bills-page.js'), 'BillsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: 'bills/$bill',
      beforeLoad: requireTask('bills'),
      component: lazyRouteComponent(() => import('./bill-page.js'), 'BillPage'),
    }),
  ];
}
