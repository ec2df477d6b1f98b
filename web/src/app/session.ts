/**
 * Who is signed in and where they may go: the web session (GET /web/session), the
 * programmes their organisation takes part in, signing in and out.
 */
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, type ApiProblemBody, api, data } from '../api/client.js';

export type Role = 'funder' | 'provider' | 'verifier' | 'investor';

export interface Session {
  readonly user: string;
  readonly organisation: string;
  readonly role: Role;
}

/**
 * The app's own session endpoints (src/api/web-app.ts), which the OpenAPI document leaves
 * out as plumbing of the app rather than API; hence a plain fetch, shaped like `api`'s.
 */
async function webSession(
  method: 'GET' | 'POST' | 'DELETE',
  bearer?: string,
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { 'x-resulta-csrf': '1' };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const response = await fetch('/web/session', { method, headers, credentials: 'same-origin' });
  return { status: response.status, body: await response.json() };
}

function sessionOf(answer: { status: number; body: unknown }): Session | null {
  if (answer.status !== 200) throw new ApiError(answer.status, answer.body as ApiProblemBody);
  return (answer.body as { session: Session | null }).session;
}

/** The session, or null when nobody is signed in. */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async (): Promise<Session | null> => {
    return sessionOf(await webSession('GET'));
  },
  staleTime: 5 * 60_000,
});

export function useSession(): Session | null {
  return useQuery(sessionQuery).data ?? null;
}

export interface ProgrammeListed {
  readonly id: string;
  readonly title: string;
}

/** The programmes of the caller's organisation, by id, with its role in each. */
export const programmesQuery = queryOptions({
  queryKey: ['programmes'],
  queryFn: async (): Promise<readonly ProgrammeListed[]> =>
    data(await api.GET('/programmes')).programmes,
  staleTime: 5 * 60_000,
});

export function useProgrammes(): readonly ProgrammeListed[] {
  return useQuery(programmesQuery).data ?? [];
}

/** Signs in: the API's login (its throttling), then the secret into the HttpOnly cookie. */
export async function signIn(
  queryClient: QueryClient,
  email: string,
  password: string,
): Promise<Session> {
  const login = await api.POST('/auth/login', { body: { email, password } });
  const { token } = data(login);
  const session = sessionOf(await webSession('POST', token));
  if (!session) throw new Error('the server opened no session');
  queryClient.clear();
  queryClient.setQueryData(sessionQuery.queryKey, session);
  return session;
}

/**
 * Signs out: ends the session on the server, lets the caller leave the signed-in pages
 * (whose queries would otherwise ask again and be refused), then forgets what was read.
 */
export async function signOut(queryClient: QueryClient, leave: () => Promise<void>): Promise<void> {
  await webSession('DELETE');
  await leave();
  queryClient.clear();
  queryClient.setQueryData(sessionQuery.queryKey, null);
}
