/**
 * What the API answers when a request fails: RFC 9457 problem details
 * (`application/problem+json`) in one shape, for known errors with their status, unknown
 * routes (404) and everything else (500, logged under the request's id):
 *
 *   { type, title, status, detail, instance,      the problem details
 *     error, message, problems, request_id }      the members clients read before them
 *
 * `type` is `urn:resulta:problem:<error>`, `instance` `urn:uuid:<request id>` (the id in
 * the logs and in `x-request-id`), `message` the same text as `detail`. Texts are in the
 * request's language (Accept-Language): the catalogue's messages, each problem through
 * `problemMessage`; messages made before the catalogue stay as they were.
 *
 * Messages say what was wrong with the request and nothing about the server: a 500 never
 * carries the error's own text, which may name files, tables or library internals.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isMessageCode, type MessageCode, say } from '../domain/messages/catalogue.js';
import { type Locale, negotiateLocale } from '../domain/messages/locale.js';
import type { Params } from '../domain/messages/render.js';
import { type Problem, ProblemsError, problemMessage } from '../domain/problem.js';
import { apiError, HttpError, notFound } from './http-error.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function answerError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  // A request refused before its body was read: close the connection rather than drain it.
  if (!request.raw.complete) reply.header('connection', 'close');
  const known = httpErrorOf(error, request);
  if (known.status >= 500 && !(error instanceof HttpError))
    request.log.error({ err: error }, 'internal error');
  return sendProblem(request, reply, known);
}

/** A path and method that name no route: the same 404 to everyone, signed in or not. */
export function answerNoRoute(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return answerError(notFound(), request, reply);
}

/** The media type of a Content-Type header, without parameters, at most 100 characters. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().slice(0, 100) || 'no content type';
}

/** The language of a request's answer. */
export const localeOfRequest = (request: FastifyRequest): Locale =>
  negotiateLocale(request.headers['accept-language']);

/** Any error as the HttpError answered for it. */
function httpErrorOf(error: FastifyError | Error, request: FastifyRequest): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof ProblemsError)
    return apiError(422, 'invalid_input', 'api.invalid_input', {}, { problems: error.problems });
  const fastify = error as FastifyError;
  if (fastify.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return apiError(415, 'unsupported_media_type', 'api.send_json', {
      type: mediaType(request.headers['content-type']),
    });
  if (fastify.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return apiError(413, 'body_too_large', 'api.body_too_large');
  // Fastify's own refusals (schema validation, malformed JSON) and the rate limit carry a 4xx.
  const status = fastify.statusCode;
  if (typeof status === 'number' && status === 429)
    return apiError(429, 'too_many_requests', 'api.too_many_requests');
  if (typeof status === 'number' && status >= 400 && status < 500)
    return apiError(status, 'bad_request', 'api.bad_request', { details: error.message });
  return apiError(500, 'internal', 'api.internal', { id: request.id });
}

function sendProblem(request: FastifyRequest, reply: FastifyReply, error: HttpError) {
  const locale = localeOfRequest(request);
  const detail =
    firstProblemOr(error, locale) ??
    (error.text ? say(error.text.code, error.text.params, locale) : error.message);
  const body = {
    type: `urn:resulta:problem:${error.code}`,
    title: say(titleOf(error.status), {}, locale),
    status: error.status,
    detail,
    instance: `urn:uuid:${request.id}`,
    error: error.code,
    message: detail,
    problems: error.problems.map((p) => problemIn(p, locale)),
    request_id: request.id,
    ...error.extensions,
  };
  // Sent as text: the route's own response schemas (its 2xx shape) never reshape an error.
  return reply
    .status(error.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('content-language', locale)
    .header('vary', 'Accept-Language')
    .send(JSON.stringify(body));
}

/** Invalid input has always said its first problem as its message: keep that. */
function firstProblemOr(error: HttpError, locale: Locale): string | undefined {
  const first = error.problems[0];
  return error.code === 'invalid_input' && first ? problemMessage(first, locale) : undefined;
}

/** A problem as answered: its message in the language; its catalogue parameters left out. */
function problemIn(p: Problem, locale: Locale): Omit<Problem, 'params'> {
  const { params: _params, ...rest } = p;
  return { ...rest, message: problemMessage(p, locale) };
}

function titleOf(status: number): MessageCode {
  const code = `api.title.${status}`;
  return isMessageCode(code) ? code : 'api.title.other';
}

/** A message of the catalogue for an answer in the request's language. */
export function sayTo(request: FastifyRequest, code: MessageCode, params: Params = {}): string {
  return say(code, params, localeOfRequest(request));
}
