/**
 * What the API answers when a request fails, in one shape, `{error, message, problems}`:
 * known errors with their status, unknown routes 404, and everything else 500 with the
 * request's id. Every 500 is logged with that id (structured JSON, src/api/server.ts), so
 * the id a caller quotes finds the error, its stack and the request in the logs.
 *
 * Messages say what was wrong with the request and nothing about the server: a 500 never
 * carries the error's own text, which may name files, tables or library internals.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ProblemsError } from '../domain/problem.js';
import { HttpError, notFound } from './http-error.js';

export function answerError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  // A request refused before its body was read: close the connection rather than drain it.
  if (!request.raw.complete) reply.header('connection', 'close');
  if (error instanceof HttpError) {
    return reply
      .status(error.status)
      .send({ error: error.code, message: error.message, problems: error.problems });
  }
  if (error instanceof ProblemsError) {
    return reply.status(422).send({
      error: 'invalid_input',
      message: error.problems[0]?.message ?? 'invalid input',
      problems: error.problems,
    });
  }
  if ((error as FastifyError).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return reply.status(415).send({
      error: 'unsupported_media_type',
      message: `send JSON (content-type application/json), not ${mediaType(request.headers['content-type'])}`,
      problems: [],
    });
  // Fastify's own refusals (schema validation, malformed JSON, body too large) carry a 4xx.
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return reply
      .status(status)
      .send({ error: 'bad_request', message: error.message, problems: [] });
  request.log.error({ err: error }, 'internal error');
  return reply.status(500).send({
    error: 'internal',
    message: `something went wrong on the server; it has been logged under request id ${request.id}`,
    problems: [],
    request_id: request.id,
  });
}

/** A path and method that name no route: the same 404 to everyone, signed in or not. */
export function answerNoRoute(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return answerError(notFound(), request, reply);
}

/** The media type of a Content-Type header, without parameters, at most 100 characters. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().slice(0, 100) || 'no content type';
}
