/**
 * Reading and accepting an invitation (src/api/routes/auth-routes.ts, public, no session),
 * then opening the browser's session with the secret the acceptance gives, as signing in
 * does (app/session.ts): into the HttpOnly cookie, then forgotten.
 */
import type { Locale } from '../../../../src/domain/messages/locale.js';
import { ApiError, type ApiProblemBody, api, data } from '../../api/client.js';
import type { paths } from '../../api/schema.gen.js';

export type InvitationView =
  paths['/invitations/{token}']['get']['responses'][200]['content']['application/json'];

export async function readInvitation(token: string, locale: Locale): Promise<InvitationView> {
  return data(
    await api.GET('/invitations/{token}', {
      params: { path: { token } },
      headers: { 'accept-language': locale },
    }),
  );
}

/** Accepts the invitation with the chosen password and opens the session in the cookie. */
export async function acceptInvitation(
  token: string,
  locale: Locale,
  body: { readonly password: string; readonly name?: string },
): Promise<void> {
  const accepted = data(
    await api.POST('/invitations/{token}/accept', {
      params: { path: { token } },
      body,
      headers: { 'accept-language': locale },
    }),
  );
  // The app's own session endpoint, which the API document leaves out (app/session.ts).
  const session = await fetch('/web/session', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { authorization: `Bearer ${accepted.token}`, 'x-resulta-csrf': '1' },
  });
  if (!session.ok)
    throw new ApiError(session.status, (await session.json().catch(() => ({}))) as ApiProblemBody);
}
