/**
 * Reading and accepting an invitation (src/api/routes/auth-routes.ts, public, no session),
 * then opening the browser's session with the secret the acceptance gives, as signing in
 * does (app/session.ts): into the HttpOnly cookie, then forgotten.
 */
import type { Locale } from '../../../../src/domain/messages/locale.js';
import { ApiError, type ApiProblemBody } from '../../api/client.js';
import type { Role } from '../../app/session.js';

export interface InvitationView {
  readonly email: string;
  readonly name: string;
  readonly organisation: { readonly id: string; readonly name: string; readonly kind: Role };
  readonly role: 'member' | 'organisation_admin' | 'programme_admin' | 'platform_admin';
  readonly programme: { readonly id: string; readonly title: string } | null;
  readonly language: Locale;
  readonly invited_by: string;
  readonly expires_at: string;
}

async function call<T>(path: string, locale: Locale, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    credentials: 'same-origin',
    headers: {
      'x-resulta-csrf': '1',
      'accept-language': locale,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });
  const body = (await response.json().catch(() => ({}))) as unknown;
  if (!response.ok) throw new ApiError(response.status, body as ApiProblemBody);
  return body as T;
}

export const readInvitation = (token: string, locale: Locale) =>
  call<InvitationView>(`/invitations/${encodeURIComponent(token)}`, locale);

/** Accepts the invitation with the chosen password and opens the session in the cookie. */
export async function acceptInvitation(
  token: string,
  locale: Locale,
  body: { readonly password: string; readonly name?: string },
): Promise<void> {
  const accepted = await call<{ token: string }>(
    `/invitations/${encodeURIComponent(token)}/accept`,
    locale,
    { method: 'POST', body: JSON.stringify(body) },
  );
  await call<unknown>('/web/session', locale, {
    method: 'POST',
    headers: { authorization: `Bearer ${accepted.token}` },
  });
}
