/**
 * The one way the app talks to the server: openapi-fetch over the types generated from the
 * API's OpenAPI document (schema.gen.ts), so a path, parameter or field the API does not
 * have fails the type check.
 *
 *   const { data, error, response } = await api.GET('/programmes/{programme}/dashboard', {
 *     params: { path: { programme } },
 *   });
 *
 * Same origin; the session travels in its HttpOnly cookie (src/api/web-app.ts), and every
 * request carries the header that marks it as the app's own (CSRF defence). In queries, use
 * `data()` so a refusal becomes an ApiError the page shows in the reader's language.
 */
import createClient from 'openapi-fetch';
import { isMessageCode, say } from '../../../src/domain/messages/catalogue.js';
import type { Locale } from '../../../src/domain/messages/locale.js';
import type { Params } from '../../../src/domain/messages/render.js';
import type { paths } from './schema.gen.js';

export const api = createClient<paths>({
  baseUrl: window.location.origin,
  credentials: 'same-origin',
  headers: { 'x-resulta-csrf': '1' },
});

/**
 * What the API says when it refuses: the RFC 9457 problem shape (`type`, `title`, `status`,
 * `detail`, `code`, `params`) or the older `{ error, message, problems }`; both are read.
 */
export interface ApiProblemBody {
  readonly code?: string;
  readonly error?: string;
  readonly params?: Params;
  readonly detail?: string;
  readonly title?: string;
  readonly message?: string;
  readonly problems?: readonly {
    readonly code?: string;
    readonly message?: string;
    readonly params?: Params;
  }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiProblemBody,
  ) {
    super(body.detail ?? body.message ?? body.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** The stable code (`not_found`, `bill.period_before_paid`, …). */
  get code(): string {
    return this.body.code ?? this.body.error ?? `http_${this.status}`;
  }
}

/** The refusal in the reader's language: from the catalogue when its code is there. */
export function problemText(error: unknown, locale: Locale): string {
  if (error instanceof ApiError) {
    const { code, params } = error.body;
    if (code && params && isMessageCode(code)) return say(code, params, locale);
    return error.message;
  }
  if (error instanceof TypeError) return say('web.app.offline', {}, locale);
  return error instanceof Error ? error.message : String(error);
}

/** The data of an openapi-fetch answer, or its refusal thrown as an ApiError. */
export function data<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.response.ok && answer.data !== undefined) return answer.data;
  throw new ApiError(answer.response.status, (answer.error ?? {}) as ApiProblemBody);
}
