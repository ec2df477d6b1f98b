/**
 * Signing in and out, and API tokens: POST /auth/login (throttled per client address and
 * per e-mail), POST /auth/logout (sessions only), and /auth/tokens to mint (a person's
 * session only), list and revoke tokens by id. Invitations: GET /invitations/{token} (what a link is for) and
 * POST /invitations/{token}/accept (the invitee chooses a password and is signed in), both
 * without a session and limited per client address like sign-in; a link that is unknown,
 * used, withdrawn or expired gets one and the same 404.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  listApiTokens,
  mintApiToken,
  revokeApiToken,
  TOKEN_SCOPES,
  type TokenPolicy,
  type TokenView,
} from '../../services/api-tokens.js';
import { logout, SESSION_HOURS, signIn } from '../../services/identity.js';
import { acceptInvitation, invitationByToken } from '../../services/invitations.js';
import type { ThrottlePolicy } from '../../services/login-throttle.js';
import type { Store } from '../../store/database.js';
import { bearerSecret, principal } from '../access.js';
import { answerError } from '../error-answers.js';
import { HttpError, notFound } from '../http-error.js';
import { httpErrorOf, refusal } from './admin-http.js';
import { errorResponses } from './admin-openapi.js';

export interface AuthSettings {
  /** Sign-in attempts per minute per client address. */
  readonly loginPerMinute: number;
  readonly throttle: ThrottlePolicy;
  readonly tokens: TokenPolicy;
  readonly now: () => Date;
}

const EVERY_ROLE = ['funder', 'provider', 'verifier', 'investor'] as const;
const TOKEN_NAME = z.string().regex(/^[A-Za-z0-9 ._-]{3,80}$/);
const TOKEN_ID = z.object({ id: z.string().regex(/^[0-9]{1,18}$/) });
const ERROR = z.object({
  error: z.string(),
  message: z.string(),
  problems: z.array(z.unknown()).optional(),
});

const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string(),
  created_by: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  created_at: z.string(),
  expires_at: z.string(),
  last_used_at: z.string().nullable(),
  expired: z.boolean(),
});

const viewOf = (t: TokenView): z.infer<typeof tokenView> => ({
  id: t.id,
  name: t.name,
  organisation: t.organisation,
  created_by: t.createdBy,
  scopes: [...t.scopes],
  created_at: t.createdAt.toISOString(),
  expires_at: t.expiresAt.toISOString(),
  last_used_at: t.lastUsedAt?.toISOString() ?? null,
  expired: t.expired,
});

export function authRoutes(store: Store, settings: AuthSettings): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: {
          public: true,
          rateLimit: { max: settings.loginPerMinute, timeWindow: '1 minute' },
        },
        schema: {
          tags: ['auth'],
          security: [],
          body: z.object({
            email: z.string().email().max(320),
            password: z.string().min(1).max(1000),
          }),
          response: {
            200: z.object({ token: z.string(), expires_in_hours: z.number() }),
            401: ERROR,
            429: ERROR,
          },
        },
      },
      async (request, reply) => {
        const { email, password } = request.body;
        const result = await signIn(store, email, password, settings.throttle, settings.now());
        if (result.ok) return { token: result.token, expires_in_hours: SESSION_HOURS };
        if (result.reason === 'bad_credentials')
          throw new HttpError(401, 'bad_credentials', 'wrong e-mail or password');
        const seconds = result.retryAfterSeconds;
        reply.header('retry-after', String(seconds));
        throw new HttpError(
          429,
          'too_many_attempts',
          `too many failed sign-ins for this e-mail; try again in ${seconds} seconds`,
        );
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { roles: EVERY_ROLE },
        schema: {
          tags: ['auth'],
          response: { 200: z.object({ ended: z.boolean() }), 409: ERROR },
        },
      },
      async (request) => {
        const { credential } = principal(request);
        // A token has no session: "ended" would be a lie while it keeps working.
        if (credential.kind === 'token')
          throw new HttpError(
            409,
            'token_not_session',
            `an API token has no session to end; revoke it with DELETE /auth/tokens/${credential.tokenId}`,
          );
        await logout(store, bearerSecret(request.headers.authorization) ?? '');
        return { ended: true };
      },
    );

    app.post(
      '/auth/tokens',
      {
        config: { roles: EVERY_ROLE, sessionOnly: 'mint API tokens' },
        schema: {
          tags: ['auth'],
          description:
            "Mints an API token for the caller's organisation; the secret is shown once. Scopes: read (GET requests), write (every other method). expires_in_days: at most RESULTA_TOKEN_MAX_DAYS (default 365); 90 when absent.",
          body: z.object({
            name: TOKEN_NAME,
            scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).max(TOKEN_SCOPES.length),
            expires_in_days: z.number().int().min(1).optional(),
          }),
          response: { 201: tokenView.extend({ token: z.string() }), 409: ERROR },
        },
      },
      async (request, reply) => {
        const { name, scopes, expires_in_days } = request.body;
        const minted = await mintApiToken(
          store,
          principal(request),
          { name, scopes, expiresInDays: expires_in_days },
          settings.tokens,
          settings.now(),
        );
        if (minted.ok)
          return reply.status(201).send({ ...viewOf(minted.token), token: minted.secret });
        if (minted.reason === 'not_a_session')
          throw new HttpError(
            403,
            'session_required',
            'only a signed-in person may mint API tokens',
          );
        const held = minted.id === null ? '' : ` (id ${minted.id})`;
        throw new HttpError(
          409,
          'name_taken',
          `you already have a token named "${name}"${held}; revoke it or choose another name`,
        );
      },
    );

    app.get(
      '/auth/tokens',
      {
        config: { roles: EVERY_ROLE },
        schema: {
          tags: ['auth'],
          description:
            "The live API tokens of the caller's organisation (a token sees only itself), never their secrets.",
          response: { 200: z.object({ tokens: z.array(tokenView) }) },
        },
      },
      async (request) => ({
        tokens: (await listApiTokens(store, principal(request), settings.now())).map(viewOf),
      }),
    );

    app.delete(
      '/auth/tokens/:id',
      {
        config: { roles: EVERY_ROLE },
        schema: {
          tags: ['auth'],
          description:
            "Revokes an API token of the caller's organisation (a token may revoke only itself).",
          params: TOKEN_ID,
          response: { 200: z.object({ id: z.string(), revoked: z.literal(true) }), 404: ERROR },
        },
      },
      async (request) => {
        const { id } = request.params;
        if (!(await revokeApiToken(store, principal(request), id, settings.now())))
          throw notFound();
        return { id, revoked: true as const };
      },
    );

    await app.register(invitationRoutes(store, settings));
  };
}

/** Reading and accepting invitations: no session, limited per client address. */
function invitationRoutes(store: Store, settings: AuthSettings): FastifyPluginAsyncZod {
  return async (invitations) => {
    invitations.setErrorHandler((error: Error, request, reply) =>
      answerError(httpErrorOf(error, request), request, reply),
    );
    const limited = {
      public: true,
      rateLimit: { max: settings.loginPerMinute, timeWindow: '1 minute' },
    };
    const tokenParams = z.object({
      token: z.string().max(200).describe('the secret of the link (after # in the e-mail)'),
    });
    const invalid = () => refusal(404, 'not_found', 'admin.invitation.invalid');

    invitations.get(
      '/invitations/:token',
      {
        config: limited,
        schema: {
          tags: ['auth'],
          operationId: 'getInvitation',
          summary: 'Read an invitation',
          description:
            'What a working invitation link is for, to show on the page that accepts it: the address, the organisation, the role, the programme it names, who invited and until when the link works. A link that is unknown, used, withdrawn or expired answers the same 404.',
          security: [],
          params: tokenParams,
          response: {
            200: z.object({
              email: z.string(),
              name: z.string().describe("the invitee's name as the inviter typed it, or ''"),
              organisation: z.object({
                id: z.string(),
                name: z.string(),
                kind: z.enum(EVERY_ROLE),
              }),
              role: z.enum(['member', 'organisation_admin', 'programme_admin', 'platform_admin']),
              programme: z.object({ id: z.string(), title: z.string() }).nullable(),
              language: z.enum(['en', 'es', 'fr']).describe('chosen by the inviter'),
              invited_by: z.string(),
              expires_at: z.string(),
            }),
            ...errorResponses(404, 429),
          },
        },
      },
      async (request) => {
        const found = await invitationByToken(store, request.params.token, settings.now());
        if (!found) throw invalid();
        return {
          email: found.email,
          name: found.name,
          organisation: found.organisation,
          role: found.role,
          programme: found.programme,
          language: found.language,
          invited_by: found.invitedBy,
          expires_at: found.expiresAt.toISOString(),
        };
      },
    );

    invitations.post(
      '/invitations/:token/accept',
      {
        config: limited,
        schema: {
          tags: ['auth'],
          operationId: 'acceptInvitation',
          summary: 'Accept an invitation',
          description:
            "Opens the account the invitation is for (or reopens a deactivated one of the same organisation) with the password chosen here, gives the invitation's role, and signs the person in: the answer is a session, as POST /auth/login gives. Passwords: at least 12 characters, at most 1,000, not containing the part of the e-mail address before the @, not one of the most common ones (422 lists every problem). The link then stops working. A link that is unknown, used, withdrawn or expired answers the same 404. Audited ('accept' on 'invitation').",
          security: [],
          params: tokenParams,
          body: z
            .object({
              password: z.string().min(1).max(4000),
              name: z
                .string()
                .max(200)
                .optional()
                .describe("the person's name; the inviter's spelling when absent"),
            })
            .meta({ example: { password: 'tres palabras sueltas', name: 'María Gómez' } }),
          response: {
            200: z.object({
              token: z.string().describe('a session secret: send it as Authorization: Bearer'),
              expires_in_hours: z.number(),
              user: z.object({
                id: z.string(),
                email: z.string(),
                name: z.string(),
                organisation: z.string(),
              }),
            }),
            ...errorResponses(400, 404, 409, 422, 429),
          },
        },
      },
      async (request) => {
        const accepted = await acceptInvitation(
          store,
          request.params.token,
          { password: request.body.password, name: request.body.name },
          settings.now(),
        );
        if (!accepted) throw invalid();
        return {
          token: accepted.session,
          expires_in_hours: accepted.expiresInHours,
          user: accepted.user,
        };
      },
    );
  };
}
