/**
 * /app/programmes/$programme/contract: the contract in force (?view=read), its versions
 * (?view=versions), a comparison of two sets of terms (?view=compare&from=1:0&to=1:1) and,
 * for the funder, the amendment editor (?view=edit). Loaded on demand, with the contract
 * parser it runs in the browser.
 */
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireTask } from '../../app/guards.js';

export const VIEWS = ['read', 'versions', 'compare', 'edit'] as const;
export type ContractView = (typeof VIEWS)[number];

export interface ContractSearch {
  readonly view?: ContractView;
  readonly from?: string;
  readonly to?: string;
}

const TERMS = /^\d{1,6}:\d{1,4}$/;

export function contractSearchOf(search: Record<string, unknown>): ContractSearch {
  const out: { view?: ContractView; from?: string; to?: string } = {};
  if (VIEWS.includes(search.view as ContractView) && search.view !== 'read')
    out.view = search.view as ContractView;
  if (typeof search.from === 'string' && TERMS.test(search.from)) out.from = search.from;
  if (typeof search.to === 'string' && TERMS.test(search.to)) out.to = search.to;
  return out;
}

export function contractRoute<P extends AnyRoute>(parent: P) {
  return createRoute({
    getParentRoute: () => parent,
    path: 'contract',
    validateSearch: contractSearchOf,
    beforeLoad: requireTask('contracts'),
    component: lazyRouteComponent(() => import('./contract-page.js'), 'ContractPage'),
  });
}
