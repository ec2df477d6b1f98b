/**
 * One check of every text a request carries, before any route sees it: JSON body strings and
 * keys, query strings and path parameters may hold neither NUL nor an unpaired UTF-16
 * surrogate (src/domain/text.ts says why). The answer is 400 `invalid_text`, naming where
 * (`body.reason`, `query.after`, `params.programme`) and what. File uploads (a Buffer body)
 * are checked cell by cell when imported, with file, row and column.
 *
 * It runs twice: `authorise` calls it on the request's head (path and query) once the caller
 * is known to be admitted, before any database lookup; and it runs as a preValidation hook
 * once the body is parsed. A caller the route does not admit is left to `authorise`, and gets
 * 401 or 403 rather than learning about the text first.
 */
import type { FastifyRequest } from 'fastify';
import type { Problem } from '../domain/problem.js';
import { textFaults } from '../domain/text.js';
import { apiError } from './http-error.js';

export async function refuseMalformedText(request: FastifyRequest): Promise<void> {
  const config = request.routeOptions.config;
  const mayCall =
    config.public === true ||
    (request.principal !== null && config.roles?.includes(request.principal.role) === true);
  if (!mayCall) return;
  const faults = [
    ...textFaults(request.params, 'params'),
    ...textFaults(request.query, 'query'),
    ...(Buffer.isBuffer(request.body) ? [] : textFaults(request.body, 'body')),
  ];
  const first = faults[0];
  if (!first) return;
  const problems = faults.map(
    (f): Problem => ({ code: 'request.text', column: f.path, message: f.problem }),
  );
  throw apiError(
    400,
    'invalid_text',
    'api.invalid_text',
    { where: first.path, problem: first.problem },
    { problems },
  );
}
