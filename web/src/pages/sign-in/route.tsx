/** /app/sign-in: the page anonymous visitors are sent to; `next` is where they were going. */
import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { SignInPage } from './sign-in-page.js';

export interface SignInSearch {
  readonly next?: string;
  readonly signedOut?: boolean;
}

export function signInRoute<P extends AnyRoute>(parent: P) {
  return createRoute({
    getParentRoute: () => parent,
    path: '/app/sign-in',
    validateSearch: (search: Record<string, unknown>): SignInSearch => ({
      next:
        typeof search.next === 'string' && search.next.startsWith('/app') ? search.next : undefined,
      signedOut: search.signedOut === true || search.signedOut === 'true' ? true : undefined,
    }),
    component: SignInPage,
  });
}
