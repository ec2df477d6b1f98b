/**
 * What every administration route shares: who the administrator is (resolved once per
 * request, from the head, before the body is read), refusals in the request's language,
 * and the schemas of the answers.
 *
 * Administration is for people: API tokens are refused (403), so that each change is made
 * by someone who signed in and is named in the audit log. Someone who administers nothing
 * gets 403 on every route.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { MessageCode } from '../../domain/messages/catalogue.js';
import type { Params } from '../../domain/messages/render.js';
import { AdminRefusal } from '../../services/admin-refusal.js';
import {
  type Administrator,
  administersAnything,
  administratorOf,
} from '../../services/admin-rights.js';
import type { Store } from '../../store/database.js';
import { principal } from '../access.js';
import { answerError } from '../error-answers.js';
import { apiError, type HttpError, notFound } from '../http-error.js';

export const EVERY_ROLE = ['funder', 'provider', 'verifier', 'investor'] as const;

const administrators = new WeakMap<FastifyRequest, Administrator>();

/** Resolves the administrator of each request of this plugin, and answers refusals. */
export function administrationHooks(app: FastifyInstance, store: Store): void {
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const who = principal(request);
    if (who.credential.kind !== 'session')
      throw refusal(403, 'admin.refused.session', 'admin.refused.session');
    const admin = await administratorOf(store.db, {
      userId: who.credential.userId,
      email: who.id,
      organisationId: who.organisationId,
    });
    if (!administersAnything(admin))
      throw refusal(403, 'admin.refused.not_administrator', 'admin.refused.not_administrator');
    administrators.set(request, admin);
  });
  app.setErrorHandler((error: FastifyError | Error, request, reply) =>
    answerError(httpErrorOf(error, request), request, reply),
  );
}

/** The administrator behind a request that passed the hook. */
export function administrator(request: FastifyRequest): Administrator {
  const admin = administrators.get(request);
  if (!admin) throw new Error(`${request.routeOptions.url} has no administrator`);
  return admin;
}

/** An HttpError from the catalogue, answered in the request's language (error-answers.ts). */
export function refusal(
  status: number,
  error: string,
  code: MessageCode,
  params: Params = {},
): HttpError {
  return apiError(status, error, code, params);
}

const STATUS = { forbidden: 403, not_found: 404, conflict: 409, unavailable: 502 } as const;

/** A service's refusal as the HTTP answer; any other error as it is. */
export function httpErrorOf(error: FastifyError | Error, request: FastifyRequest): Error {
  if (!(error instanceof AdminRefusal)) return error;
  // Nothing more than "not found": the same for what does not exist and what is not theirs.
  if (error.kind === 'not_found') return notFound();
  if (error.kind === 'unavailable') request.log.error({ err: error.cause }, error.message);
  return refusal(STATUS[error.kind], error.code, error.code, error.params);
}

/** Sends `reply` with a status and body; the schemas check the body. */
export const created = <T>(reply: FastifyReply, body: T) => reply.status(201).send(body);

// Schemas shared by the administration routes.

export const IDENTIFIER = z.string().min(1).max(100);
export const USER_ID = z.string().regex(/^[0-9]{1,18}$/);
export const REASON = z.string().max(2000);
export const KIND = z.enum(EVERY_ROLE);
export const ADMIN_ROLE = z.enum(['platform_admin', 'organisation_admin', 'programme_admin']);
export const INVITATION_ROLE = z.enum([
  'member',
  'organisation_admin',
  'programme_admin',
  'platform_admin',
]);
export const LANGUAGE = z.enum(['en', 'es', 'fr']);
