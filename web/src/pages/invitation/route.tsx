/**
 * The invitation's public page, for a person with no account yet: the link e-mailed by
 * the server (`/app/accept-invitation#<token>`: the secret after #, never sent to a server
 * in a request line or a Referer) and the path form `/app/invitations/<token>`.
 */
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

const page = lazyRouteComponent(() => import('./invitation-page.js'), 'InvitationPage');

export function invitationRoutes<P extends AnyRoute>(parent: P) {
  return [
    createRoute({ getParentRoute: () => parent, path: '/app/accept-invitation', component: page }),
    createRoute({ getParentRoute: () => parent, path: '/app/invitations/$token', component: page }),
  ];
}
