/** /app/admin: administration, behind the navigation's administration task; loaded on demand. */
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireTask } from '../../app/guards.js';

export const ADMIN_TABS = ['organisations', 'people', 'invitations', 'members'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

export interface AdminSearch {
  readonly tab?: AdminTab;
}

export function adminRoute<P extends AnyRoute>(parent: P) {
  return createRoute({
    getParentRoute: () => parent,
    path: '/app/admin',
    beforeLoad: requireTask('admin'),
    validateSearch: (search: Record<string, unknown>): AdminSearch => {
      const tab = ADMIN_TABS.find((x) => x === search.tab);
      return tab && tab !== 'organisations' ? { tab } : {};
    },
    component: lazyRouteComponent(() => import('./admin-page.js'), 'AdminPage'),
  });
}
