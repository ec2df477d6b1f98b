/**
 * The HTTP API: Fastify with zod schemas (validated input, generated OpenAPI at
 * /openapi.json and its reference page at /docs), bearer authentication on every route but
 * health, login and the documentation, rate limits on login (per client address, behind
 * trusted proxies the forwarded one, and per e-mail in the store), and one error handler
 * answering RFC 9457 problem details in the request's language (error-answers.ts).
 *
 * Who may call a route is decided from the request's head, before its body is read
 * (access.ts). Every request gets a random id, sent back as `x-request-id`; logs are JSON
 * lines (pino) on stderr, each carrying the id, and every internal error is logged.
 */
import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { DEFAULT_TOKEN_POLICY, type TokenPolicy } from '../services/api-tokens.js';
import { principalFor } from '../services/identity.js';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from '../services/login-throttle.js';
import { keepReadingAhead } from '../services/read-ahead.js';
import type { Store } from '../store/database.js';
import { authorise, bearerSecret } from './access.js';
import { registerApiDocs } from './api-docs.js';
import { answerError, answerNoRoute } from './error-answers.js';
import type { LogLevel } from './log-level.js';
import { adminRoutes } from './routes/admin-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { billRoutes } from './routes/bill-routes.js';
import { dashboardRoutes } from './routes/dashboard-routes.js';
import { datasetRoutes } from './routes/dataset-routes.js';
import { exportRoutes } from './routes/export-routes.js';
import { programmeRoutes } from './routes/programme-routes.js';
import { runRoutes } from './routes/run-routes.js';
import { statementRoutes } from './routes/statement-routes.js';
import { uploadRoutes } from './routes/upload-routes.js';
import { verificationRoutes } from './routes/verification-routes.js';
import { webPageRoutes } from './routes/web-page-routes.js';
import { refuseMalformedText } from './text-guard.js';
import { webApp } from './web-app.js';

export interface ServerOptions {
  /**
   * Structured logs: the least level written (default `error`: internal errors only; `info`
   * adds a line per request and its answer) and where (default stderr).
   */
  readonly log?: { readonly level?: LogLevel; readonly destination?: NodeJS.WritableStream };
  /** Login attempts per minute per client address. */
  readonly loginRateLimit?: number;
  /**
   * Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For names the client;
   * none by default, so the header is ignored and the client is the connection's peer.
   */
  readonly trustedProxies?: readonly string[];
  /** Sign-in lockout per e-mail; each field defaults to DEFAULT_THROTTLE's. */
  readonly loginThrottle?: Partial<ThrottlePolicy>;
  /** API token lifetimes; each field defaults to DEFAULT_TOKEN_POLICY's. */
  readonly tokens?: Partial<TokenPolicy>;
  /** The clock for sessions, tokens and lockouts (tests move it). */
  readonly now?: () => Date;
  /** Uploads per minute per client address. */
  readonly uploadRateLimit?: number;
}

export async function buildServer(
  store: Store,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    logger: {
      level: options.log?.level ?? 'error',
      stream: options.log?.destination ?? process.stderr,
    },
    genReqId: () => randomUUID(),
    logController: new LogController({ requestIdLogLabel: 'request_id' }),
    bodyLimit: 50 * 1024 * 1024,
    trustProxy: options.trustedProxies?.length ? [...options.trustedProxies] : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The OpenAPI document and the reference page at /docs (api-docs.ts), before any route.
  await registerApiDocs(app);
  await app.register(rateLimit, { global: false });
  app.decorateRequest('principal', null);
  app.decorateRequest('programmeId', null);
  // The web app (pages, assets, its session cookie): first, as its hook turns the cookie
  // into the bearer header the authentication below reads (web-app.ts).
  await app.register(webApp(store));
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.is404) return;
    const secret = bearerSecret(request.headers.authorization);
    request.principal = secret ? await principalFor(store, secret, now()) : null;
  });
  // Before the body is read: a caller who may not call the route costs no upload.
  app.addHook('onRequest', authorise(store));
  app.addHook('preValidation', refuseMalformedText);
  app.setErrorHandler(answerError);
  app.setNotFoundHandler(answerNoRoute);

  // What the dashboard and the participant pages will ask, read before anyone asks.
  const readAhead = keepReadingAhead(store);
  app.addHook('onReady', async () => readAhead.start());
  app.addHook('onClose', async () => readAhead.stop());
  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => ({
    ok: true,
    reading_ahead: readAhead.busy(),
  }));
  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  await app.register(
    authRoutes(store, {
      loginPerMinute: options.loginRateLimit ?? 10,
      throttle: { ...DEFAULT_THROTTLE, ...options.loginThrottle },
      tokens: { ...DEFAULT_TOKEN_POLICY, ...options.tokens },
      now,
    }),
  );
  await app.register(programmeRoutes(store));
  await app.register(dashboardRoutes(store));
  await app.register(runRoutes(store));
  await app.register(billRoutes(store));
  await app.register(verificationRoutes(store));
  await app.register(exportRoutes(store));
  await app.register(statementRoutes(store));
  await app.register(adminRoutes(store));
  await app.register(uploadRoutes(store, options.uploadRateLimit ?? 30));
  await app.register(datasetRoutes(store));
  await app.register(webPageRoutes(store));
  return app;
}
