/**
 * Authorisation per organisation and role, checked once per request as soon as its head has
 * arrived (an onRequest hook): before its body is read, so a caller without the right costs
 * the server no upload, and before its input is validated, so it learns nothing from
 * validation errors:
 *
 * 1. Each route declares `config.roles` (or `config.public`); a route that declares neither
 *    is refused to everyone (401 anonymous, 403 a role not listed).
 * 2. A caller with an API token needs its scope: `read` for GET and HEAD, `write` for every
 *    other method; a route marked `config.sessionOnly` refuses tokens altogether (403).
 * 3. A route whose path names a programme (`:programme`) or something that belongs to one
 *    (`:run`, `:bill`, `:sample`) is answered only for organisations taking part in that
 *    programme; others get 404, as if it did not exist. The programme is then on the request
 *    (`programmeOf(request)`), so handlers neither repeat the check nor can forget it.
 *
 * A path that names no route is left to the not-found handler: 404 to everyone.
 */
import type { FastifyContextConfig, FastifyRequest } from 'fastify';
import type { TokenScope } from '../services/api-tokens.js';
import type { Credential, Principal, Role } from '../services/identity.js';
import { type ProgrammeThing, programmeOwning, takesPart } from '../services/membership.js';
import type { Store } from '../store/database.js';
import { apiError, forbidden, type HttpError, notFound, unauthorised } from './http-error.js';
import { refuseMalformedText } from './text-guard.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** The programme the route's path names, once the caller's membership is checked. */
    programmeId: string | null;
  }
  interface FastifyContextConfig {
    roles?: readonly Role[];
    public?: boolean;
    /** What only a person may do (`mint API tokens`): API tokens get 403 saying so. */
    sessionOnly?: string;
  }
}

/** Path parameters that name a programme, or something belonging to one, by what they name. */
type Named = 'programme' | ProgrammeThing;
const NAMING_PARAMS: readonly Named[] = ['programme', 'run', 'bill', 'sample'];

/** The onRequest check of every route: role, token scope, then membership of the programme. */
export function authorise(store: Store) {
  return async (request: FastifyRequest): Promise<void> => {
    if (request.is404) return;
    const config = request.routeOptions.config;
    if (config.public) return;
    if (!request.principal) throw unauthorised();
    if (!config.roles?.includes(request.principal.role)) throw forbidden();
    const refusal = credentialRefusal(request.principal.credential, config, request.method);
    if (refusal) throw refusal;
    // The parameters are the router's raw strings: text a database cannot hold (NUL) is
    // refused before any lookup (400, where and what), as the body's is before validation.
    await refuseMalformedText(request);
    const params = (request.params ?? {}) as Readonly<Record<string, string | undefined>>;
    for (const named of NAMING_PARAMS) {
      const id = params[named];
      if (id === undefined) continue;
      request.programmeId = await checkedProgramme(store, request.principal, named, id);
      return;
    }
  };
}

/**
 * The secret of an `Authorization: Bearer <secret>` header; null for any other header. The
 * scheme is case-insensitive and may be followed by several spaces (RFC 7235 §2.1).
 */
export function bearerSecret(header: string | undefined): string | null {
  const match = header?.match(/^bearer[ \t]+(\S+)[ \t]*$/i);
  return match?.[1] ?? null;
}

/** Why a token may not call this route (a session may call any its role admits); or null. */
function credentialRefusal(
  credential: Credential,
  config: FastifyContextConfig,
  method: string,
): HttpError | null {
  if (credential.kind === 'session') return null;
  if (config.sessionOnly)
    return apiError(403, 'session_required', 'api.session_required', {
      action: config.sessionOnly,
    });
  const needed: TokenScope = method === 'GET' || method === 'HEAD' ? 'read' : 'write';
  if (credential.scopes.includes(needed)) return null;
  // Scopes are read and write: a token refused one holds the other alone.
  return apiError(
    403,
    'insufficient_scope',
    needed === 'write' ? 'api.insufficient_scope.read_only' : 'api.insufficient_scope.write_only',
  );
}

/** The programme named, directly or through what belongs to it, if the caller takes part. */
async function checkedProgramme(
  store: Store,
  who: Principal,
  named: Named,
  id: string,
): Promise<string> {
  const programmeId = named === 'programme' ? id : await programmeOwning(store, named, id);
  if (programmeId === null || !(await takesPart(store, who.organisationId, programmeId)))
    throw notFound();
  return programmeId;
}

/** The authenticated caller of a route that `authorise` has let through. */
export function principal(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorised();
  return request.principal;
}

/** The programme of a route under `/programmes/:programme` or about a run, bill or sample. */
export function programmeOf(request: FastifyRequest): string {
  if (request.programmeId === null)
    throw new Error(`${request.routeOptions.url} names no programme, run, bill or sample`);
  return request.programmeId;
}

// Kept for routes written before the check moved into `authorise` (run-routes.ts): their
// requests have been checked already, so these only repeat it.

/** 404 unless the caller's organisation takes part in the programme. */
export async function assertInProgramme(
  store: Store,
  who: Principal,
  programmeId: string,
): Promise<void> {
  await checkedProgramme(store, who, 'programme', programmeId);
}

/** The programme of a run, bill or sample; 404 unless the caller takes part in it. */
export async function assertOwnedInProgramme(
  store: Store,
  who: Principal,
  table: 'evaluation_runs' | 'bills' | 'verification_samples',
  id: string,
): Promise<string> {
  const thing = (
    { evaluation_runs: 'run', bills: 'bill', verification_samples: 'sample' } as const
  )[table];
  return checkedProgramme(store, who, thing, id);
}
