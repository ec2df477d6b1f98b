/**
 * The API's own description: the OpenAPI document (at /openapi.json, docs/openapi.json is a
 * copy) and its reference page at /docs (Swagger UI), both public.
 *
 * The routes' zod schemas give the parameters, bodies and answers; this module completes the
 * document as a client generator needs it (openapi-operations.ts): every operation with its
 * operationId, summary, description, tags and who may call it (`x-roles`); every error status
 * it can answer with the one error schema, `Problem` (RFC 9457, `application/problem+json`);
 * request examples; upload bodies by media type; file answers.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import {
  ERROR_MEANING,
  EXAMPLES,
  FALLBACK,
  FILE_ANSWERS,
  TAGS,
  UPLOAD_EXAMPLES,
} from './openapi-operations.js';

/** What the document needs to know of a route that its schema does not say. */
interface RouteFacts {
  readonly public: boolean;
  readonly roles: readonly string[];
  readonly rateLimited: boolean;
}

type Json = Record<string, unknown>;
type Operation = Json & {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Json[];
  requestBody?: { content?: Record<string, Json> } & Json;
  responses?: Record<string, Json>;
};

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

/** RFC 9457 problem details with Resulta's members (problem-schema.ts says the same in zod). */
const PROBLEM_SCHEMA = {
  type: 'object',
  description:
    'RFC 9457 problem details. `error` is a stable code; `detail` and `message` say what went wrong in the language of Accept-Language (en, es, fr).',
  required: ['type', 'title', 'status', 'detail', 'instance', 'error', 'message', 'problems'],
  properties: {
    type: { type: 'string', example: 'urn:resulta:problem:not_found' },
    title: { type: 'string', example: 'Not found' },
    status: { type: 'integer', example: 404 },
    detail: { type: 'string', example: 'not found' },
    instance: { type: 'string', example: 'urn:uuid:7c0f4d8e-2b1a-4c3d-9e8f-0a1b2c3d4e5f' },
    error: { type: 'string', example: 'not_found' },
    message: { type: 'string', example: 'not found' },
    problems: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string' },
          message: { type: 'string' },
          file: { type: 'string' },
          row: { type: 'integer' },
          column: { type: 'string' },
          line: { type: 'integer' },
          col: { type: 'integer' },
        },
      },
    },
    request_id: { type: 'string' },
  },
} as const;

const PROBLEM_MEMBERS = new Set(Object.keys(PROBLEM_SCHEMA.properties));

/** Registers the document (before any route) and the reference page. */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  const facts = new Map<string, RouteFacts>();
  app.addHook('onRoute', (route: RouteOptions) => {
    // The reference page and its assets are public, as the document is.
    if (route.url.startsWith('/docs')) route.config = { ...route.config, public: true };
    const config = route.config ?? {};
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      facts.set(`${method} ${openApiPath(route.url)}`, {
        public: config.public === true,
        roles: config.roles ?? [],
        rateLimited: config.rateLimit !== undefined,
      });
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Resulta API',
        version: '0.1.0',
        description: API_DESCRIPTION,
      },
      tags: [...TAGS],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
        schemas: { Problem: PROBLEM_SCHEMA as unknown as Json },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (document) => {
      // This server writes OpenAPI 3 (the `openapi` option above), never Swagger 2.
      if (!('openapiObject' in document)) throw new Error('expected an OpenAPI 3 document');
      const doc = document.openapiObject as Json & {
        paths?: Record<string, Record<string, Operation>>;
      };
      for (const [path, methods] of Object.entries(doc.paths ?? {}))
        for (const [method, operation] of Object.entries(methods))
          complete(operation, `${method.toUpperCase()} ${path}`, facts);
      return document.openapiObject;
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true, defaultModelsExpandDepth: 0 },
  });
}

const API_DESCRIPTION = `Outcome contracts, evaluation runs, bills and the payment ledger.

Authentication: \`Authorization: Bearer <token>\`, a session from POST /auth/login or an API token from POST /auth/tokens. Each operation lists the roles that may call it (\`x-roles\`); others get 403, and organisations outside a programme get 404 for everything in it.

Errors are RFC 9457 problem details (\`application/problem+json\`, schema Problem) with a stable \`error\` code. Texts people read (\`title\`, \`detail\`, \`message\`, \`problems[].message\`) follow Accept-Language: English, Spanish or French.

Lists are paged newest first: pass \`limit\` and the answer's \`next\` as \`cursor\` until \`next\` is null. Amounts are integer cents (\`*_cents\`) or two-decimal text.`;

/** `/runs/:run` → `/runs/{run}`. */
function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function complete(operation: Operation, key: string, facts: Map<string, RouteFacts>): void {
  const fact = facts.get(key) ?? { public: false, roles: [], rateLimited: false };
  const fallback = FALLBACK[key];
  operation.operationId ??= fallback?.operationId ?? operationIdOf(key);
  operation.summary ??= fallback?.summary;
  operation.description ??= fallback?.description;
  if (!operation.tags?.length) operation.tags = [key.split('/')[1] ?? 'api'];
  if (fact.public) operation.security = [];
  else operation['x-roles'] = [...fact.roles];
  describeBody(operation, key);
  describeFileAnswer(operation, key);
  describeErrors(operation, key, fact);
}

/** `GET /runs/{run}/achievements` → `getRunsRunAchievements`, for routes that name none. */
function operationIdOf(key: string): string {
  const [method = '', path = ''] = key.split(' ');
  const words = path.split(/[/{}_-]+/).filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('');
}

function describeBody(operation: Operation, key: string): void {
  const upload = UPLOAD_EXAMPLES[key];
  if (upload !== undefined) {
    const binary = { schema: { type: 'string', format: 'binary' } };
    operation.requestBody = {
      required: true,
      description:
        'The file itself as the body (no multipart form), its format named by `?format=`: CSV (UTF-8), an XLSX workbook or Parquet.',
      content: {
        'text/csv': { schema: { type: 'string' }, example: upload },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': binary,
        'application/vnd.apache.parquet': binary,
        'application/octet-stream': binary,
      },
    };
    return;
  }
  const json = operation.requestBody?.content?.['application/json'];
  if (json && json.example === undefined)
    json.example = EXAMPLES[key] ?? exampleOf(json.schema as Json | undefined);
}

function describeFileAnswer(operation: Operation, key: string): void {
  const types = FILE_ANSWERS[key];
  if (!types) return;
  operation.responses ??= {};
  operation.responses['200'] = {
    description: `the file (${types.join(' or ')})`,
    content: Object.fromEntries(
      types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
    ),
  };
}

function describeErrors(operation: Operation, key: string, fact: RouteFacts): void {
  operation.responses ??= {};
  const responses = operation.responses;
  const [method = 'GET', path = ''] = key.split(' ');
  const hasInput = (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined;
  const statuses = new Set<number>([500]);
  if (hasInput) statuses.add(400);
  if (!fact.public) for (const s of [401, 403]) statuses.add(s);
  if (path.includes('{')) statuses.add(404);
  if (operation.requestBody !== undefined) for (const s of [413, 415]) statuses.add(s);
  if (method !== 'GET' && method !== 'DELETE') statuses.add(422);
  if (fact.rateLimited) statuses.add(429);
  for (const code of Object.keys(responses)) if (Number(code) >= 400) statuses.add(Number(code));
  for (const status of [...statuses].sort()) {
    const declared = responses[String(status)];
    responses[String(status)] = {
      description:
        declared?.description && declared.description !== 'Default Response'
          ? declared.description
          : (ERROR_MEANING[status] ?? 'the request failed'),
      content: { 'application/problem+json': { schema: problemSchemaOf(declared) } },
    };
  }
}

/** The Problem schema, with the members a route adds to it (a refused dataset names it). */
function problemSchemaOf(declared: Json | undefined): Json {
  const content = declared?.content as Record<string, { schema?: Json }> | undefined;
  const schema = Object.values(content ?? {})[0]?.schema;
  const properties = (schema?.properties ?? {}) as Record<string, Json>;
  const extra = Object.entries(properties).filter(([name]) => !PROBLEM_MEMBERS.has(name));
  if (extra.length === 0) return PROBLEM_REF;
  return { allOf: [PROBLEM_REF, { type: 'object', properties: Object.fromEntries(extra) }] };
}

/** An example for a JSON schema: each property's example, first enum value or a plain value. */
function exampleOf(schema: Json | undefined): unknown {
  if (!schema) return undefined;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  switch (schema.type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Json>;
      return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, exampleOf(v)]));
    }
    case 'array':
      return [exampleOf(schema.items as Json | undefined)];
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return true;
    default:
      return typeof schema.pattern === 'string' && schema.pattern.includes('\\d{4}-\\d{2}-\\d{2}')
        ? '2020-06-30'
        : 'text';
  }
}
