/**
 * The one error body of the API: RFC 9457 problem details (`application/problem+json`),
 * with the members Resulta's clients read from before: `error` (a stable code), `message`
 * (the same text as `detail`), `problems` (each bad input with where it is) and
 * `request_id` (quote it to an operator: the logs carry it).
 */
import { z } from 'zod';

export const PROBLEM_ITEM = z
  .object({
    code: z.string().describe('stable code of the problem'),
    message: z.string().describe("the problem, in the request's language"),
    file: z.string().optional(),
    row: z.number().optional().describe('1-based row of a table file (the header is row 1)'),
    column: z.string().optional(),
    line: z.number().optional().describe('1-based line of a contract file'),
    col: z.number().optional().describe('1-based column of a contract file'),
  })
  .passthrough();

export const PROBLEM = z
  .object({
    type: z.string().describe('a URI naming the kind of error: urn:resulta:problem:<error>'),
    title: z.string().describe("what kind of error, in the request's language"),
    status: z.number().int().describe('the HTTP status'),
    detail: z.string().describe("what went wrong with this request, in the request's language"),
    instance: z.string().describe('this occurrence: urn:uuid:<request id>'),
    error: z.string().describe('stable code of the error, as before problem details'),
    message: z.string().describe('the same text as detail'),
    problems: z.array(PROBLEM_ITEM).describe('each problem of the input, with where it is'),
    request_id: z.string().describe('the id of this request in the logs (x-request-id)'),
  })
  .passthrough()
  .describe('RFC 9457 problem details, application/problem+json');
