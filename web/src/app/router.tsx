/**
 * The route tree. Pages register here: each task's folder (pages/<task>/) exports a
 * function that makes its route under the programme layout (or the app layout when the task
 * is not about one programme). Guards: the app layout sends anonymous visitors to sign in;
 * `requireTask` sends a role away from a task its API would refuse.
 */
import { QueryCache, QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { ApiError } from '../api/client.js';
import { adminRoute } from '../pages/admin/route.js';
import { billsRoutes } from '../pages/bills/route.js';
import { contractRoute } from '../pages/contracts/route.js';
import { dashboardRoute } from '../pages/dashboard/route.js';
import { importsRoute } from '../pages/imports/route.js';
import { invitationRoutes } from '../pages/invitation/route.js';
import { participantsRoutes } from '../pages/participants/route.js';
import { runsRoutes } from '../pages/runs/route.js';
import { signInRoute } from '../pages/sign-in/route.js';
import { verificationRoute } from '../pages/verification/route.js';
import { taskPath } from './navigation.js';
import { NotFound } from './not-found.js';
import { programmesQuery, sessionQuery } from './session.js';
import { Shell } from './shell.js';

export interface RouterContext {
  readonly queryClient: QueryClient;
}

export function createQueryClient(): QueryClient {
  const queryCache = new QueryCache({
    // A session that ended (expired, signed out elsewhere): back to sign in, then here.
    onError: (error) => {
      if (!(error instanceof ApiError) || error.status !== 401) return;
      const here = window.location.pathname + window.location.search;
      window.location.assign(`/app/sign-in?next=${encodeURIComponent(here)}`);
    },
  });
  return new QueryClient({
    queryCache,
    defaultOptions: {
      queries: {
        // A refusal (4xx) does not get better by asking again; a network failure may.
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: () => <NotFound />,
});

const startRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/app' });
  },
});

/** Every page but sign-in: signed in, inside the shell. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/app/sign-in', search: { next: location.href } });
    return { session };
  },
  component: Shell,
});

/** /app: the first programme's dashboard. */
const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/app',
  beforeLoad: async ({ context }) => {
    const programmes = await context.queryClient.ensureQueryData(programmesQuery);
    const first = programmes[0];
    if (first) throw redirect({ href: taskPath('dashboard', first.id) });
  },
  component: NoProgramme,
});

/** A programme's pages: /app/programmes/$programme/… */
export const programmeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/app/programmes/$programme',
});

function NoProgramme() {
  return <NotFound noProgramme />;
}

export function createAppRouter(queryClient: QueryClient) {
  const tree = rootRoute.addChildren([
    startRoute,
    signInRoute(rootRoute),
    ...invitationRoutes(rootRoute),
    appRoute.addChildren([
      homeRoute,
      adminRoute(appRoute),
      programmeRoute.addChildren([
        dashboardRoute(programmeRoute),
        importsRoute(programmeRoute),
        ...runsRoutes(programmeRoute),
        verificationRoute(programmeRoute),
        ...billsRoutes(programmeRoute),
        ...participantsRoutes(programmeRoute),
        contractRoute(programmeRoute),
      ]),
    ]),
  ]);
  return createRouter({
    routeTree: tree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPendingMs: 300,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
