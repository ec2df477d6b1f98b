/**
 * The web app, served next to the API (docs/web.md): its page at `/` and at every client
 * route under `/app/`, its hashed assets under `/app/assets/`, and the browser's session.
 *
 * Paths: the app owns `/`, `/app` and everything under `/app/`, and `/web/session`; the API
 * keeps every other path (`/programmes/…`, `/bills/…`), so the two can never collide.
 *
 * Caching: assets are named by their content hash, so they are cached for a year as
 * immutable; index.html is `no-cache`, so a new build is picked up on the next visit. Assets
 * are compressed at build time (`.br`, `.gz` next to each, web/vite.config.ts) and sent as
 * such to clients that accept them; @fastify/compress compresses the rest (index.html).
 * Compression is the app's only: API answers are unchanged.
 *
 * Content-Security-Policy: scripts only from this origin (no inline script, no eval).
 * Styles allow 'unsafe-inline': Mantine and ECharts set `style` attributes on elements (CSS
 * variables of style props, chart sizes), which no nonce can cover (nonces apply to
 * <style> and <script> elements, not attributes). Inline styles cannot run code; the
 * remaining risk, CSS that reads the page, needs an injection React's escaping prevents.
 *
 * Session: the API reads `Authorization: Bearer <secret>`. The browser signs in with POST
 * /auth/login (its throttling and lockout unchanged), hands the secret to POST /web/session,
 * which keeps it in an HttpOnly, SameSite=Strict cookie, and forgets it: scripts on the page
 * never hold the session afterwards. On every request without an Authorization header, the
 * cookie's secret becomes that header before the API authenticates (so this plugin is
 * registered before the server's authentication hook). A request that changes anything
 * with the cookie must carry `x-resulta-csrf: 1`, a header another site's page cannot send
 * without a CORS preflight this server never grants (besides SameSite, which modern
 * browsers enforce but older ones may not).
 */
import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { logout, SESSION_HOURS } from '../services/identity.js';
import type { Store } from '../store/database.js';
import { bearerSecret, principal } from './access.js';
import { HttpError } from './http-error.js';

export const SESSION_COOKIE = 'resulta_session';
export const CSRF_HEADER = 'x-resulta-csrf';

const EVERY_ROLE = ['funder', 'provider', 'verifier', 'investor'] as const;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const YEAR_SECONDS = 365 * 24 * 3600;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface WebAppOptions {
  /** The built app (index.html, assets/); default dist/web in the package. */
  readonly root?: string;
}

/** dist/web in the package this file belongs to (from src/api or dist/src/api). */
export function defaultWebRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return join(dir, 'dist', 'web');
}

/**
 * The plugin. It is not encapsulated (like fastify-plugin's skip-override), so its cookie
 * hook runs for every route; the pages, assets and compression sit in a child context.
 */
export function webApp(store: Store, options: WebAppOptions = {}) {
  const plugin = async (app: FastifyInstance) => {
    app.addHook('onRequest', sessionFromCookie);
    await app.register(sessionRoutes(store));
    await app.register(pages(options.root ?? defaultWebRoot()));
  };
  return Object.assign(plugin, { [Symbol.for('skip-override')]: true });
}

/** The cookie's secret as the bearer header, for requests that carry no header of their own. */
async function sessionFromCookie(request: FastifyRequest): Promise<void> {
  if (request.headers.authorization !== undefined) return;
  const secret = cookieValue(request.headers.cookie, SESSION_COOKIE);
  if (!secret) return;
  if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== '1')
    throw new HttpError(
      403,
      'csrf_header_missing',
      `a request signed in by the web app's cookie must send the header ${CSRF_HEADER}: 1`,
    );
  request.headers.authorization = `Bearer ${secret}`;
}

/** One cookie's value from a Cookie header; undefined when absent. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function sessionCookie(request: FastifyRequest, secret: string, maxAge: number): string {
  // Secure only over HTTPS: on http://localhost the cookie must still be sent.
  const secure = request.protocol === 'https' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${secret}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`;
}

const who = z.object({ user: z.string(), organisation: z.string(), role: z.enum(EVERY_ROLE) });

/**
 * The web app's session: POST keeps the Authorization header's session in the cookie
 * (API tokens refused), GET says who it is, DELETE ends it and removes the cookie. They
 * are the app's plumbing, not API for other clients, so the OpenAPI document leaves them out.
 */
function sessionRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/web/session',
      {
        config: { roles: EVERY_ROLE, sessionOnly: 'open a web session' },
        schema: { hide: true, response: { 200: z.object({ session: who }) } },
      },
      async (request, reply) => {
        const me = principal(request);
        const secret = bearerSecret(request.headers.authorization) ?? '';
        reply.header('set-cookie', sessionCookie(request, secret, SESSION_HOURS * 3600));
        reply.header('cache-control', 'no-store');
        return { session: { user: me.id, organisation: me.organisationId, role: me.role } };
      },
    );

    app.get(
      '/web/session',
      {
        // Public: "nobody" is an answer (200, session null), not a refusal, so the app's
        // first request is no 401 in the browser's console.
        config: { public: true },
        schema: { hide: true, response: { 200: z.object({ session: who.nullable() }) } },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        const me = request.principal;
        return {
          session: me ? { user: me.id, organisation: me.organisationId, role: me.role } : null,
        };
      },
    );

    app.delete(
      '/web/session',
      {
        config: { public: true },
        schema: { hide: true, response: { 200: z.object({ ended: z.boolean() }) } },
      },
      async (request, reply) => {
        const secret = cookieValue(request.headers.cookie, SESSION_COOKIE);
        if (secret) await logout(store, secret);
        reply.header('set-cookie', sessionCookie(request, '', 0));
        return { ended: secret !== undefined };
      },
    );
  };
}

function pages(root: string) {
  return async (app: FastifyInstance) => {
    const built = existsSync(join(root, 'index.html'));
    await app.register(compress, {
      encodings: ['br', 'gzip'],
      // Quality 5: a fraction of the default's (11) time for most of its gain, per request.
      brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
    });
    if (built)
      await app.register(fastifyStatic, { root, serve: false, preCompressed: true, etag: true });
    const page = { config: { public: true }, schema: { hide: true } };

    const index = async (_request: FastifyRequest, reply: FastifyReply) => {
      pageHeaders(reply);
      if (!built) return notBuilt(reply, root);
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html', root, { cacheControl: false });
    };
    /** A file of the build: hashed assets for a year, anything else revalidated. */
    const file = async (path: string, reply: FastifyReply) => {
      if (!built) return reply.callNotFound();
      reply.header('x-content-type-options', 'nosniff');
      if (path.startsWith('assets/'))
        return reply.sendFile(path, root, { maxAge: YEAR_SECONDS * 1000, immutable: true });
      reply.header('cache-control', 'no-cache');
      return reply.sendFile(path, root, { cacheControl: false });
    };
    app.get('/', page, index);
    app.get('/app', page, index);
    app.get('/app/*', page, async (request, reply) => {
      const path = (request.params as { '*': string })['*'];
      // A name with an extension is a file (a missing one is 404, never the page: a stale
      // page must not load HTML as its script); anything else is a client route.
      return extname(path) === '' ? index(request, reply) : file(path, reply);
    });
  };
}

function pageHeaders(reply: FastifyReply): void {
  reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
}

function notBuilt(reply: FastifyReply, root: string) {
  reply.header('cache-control', 'no-store');
  return reply
    .status(503)
    .type('text/plain; charset=utf-8')
    .send(
      `The web app is not built (no ${join(root, 'index.html')}). Run \`npm run build\` ` +
        '(or `npm install`), then reload. The API answers meanwhile: /healthz, /openapi.json.\n',
    );
}
