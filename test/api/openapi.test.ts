/**
 * The OpenAPI document as a client generator reads it: every operation named, summarised,
 * described and tagged, each error status answered with the one Problem schema as
 * application/problem+json, request examples that satisfy their own schemas, uploads with
 * their media types; the schemas themselves valid JSON Schema (Ajv); real error answers
 * valid against Problem; and the reference page served at /docs to anyone.
 */
import { Ajv } from 'ajv';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import type { Store } from '../../src/store/database.js';
import { openTestStore } from '../support/test-store.js';

type Json = Record<string, unknown>;
interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  requestBody?: { content: Record<string, { schema?: Json; example?: unknown }> };
  responses: Record<string, { description?: string; content?: Record<string, { schema: Json }> }>;
}

let store: Store;
let app: FastifyInstance;
let doc: { openapi: string; paths: Record<string, Record<string, Operation>>; components: Json };
let operations: [key: string, operation: Operation][];

beforeAll(async () => {
  store = await openTestStore();
  app = await buildServer(store);
  doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([m, op]): [string, Operation] => [
      `${m.toUpperCase()} ${path}`,
      op,
    ]),
  );
});

afterAll(async () => {
  await app.close();
  await store.close();
});

/** Ajv for OpenAPI 3.0 schemas: `nullable`, `example` and the components to resolve $ref. */
function ajv(): Ajv {
  const checker = new Ajv({ strict: false, allErrors: true });
  // Formats OpenAPI names that Ajv does not check without ajv-formats: any string will do.
  for (const format of ['email', 'binary', 'date', 'date-time', 'uri'])
    checker.addFormat(format, true);
  checker.addSchema({ components: doc.components }, 'doc');
  return checker;
}

/** `#/components/…` as Ajv finds it in the document added as `doc`. */
const resolvable = (schema: Json): Json =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/'));

describe('the OpenAPI document', () => {
  it('names, summarises, describes and tags every operation, each name once', () => {
    expect(doc.openapi).toMatch(/^3\.0\./);
    expect(operations.length).toBeGreaterThan(40);
    const lacking = operations
      .filter(([, op]) => !op.operationId || !op.summary || !op.description || !op.tags?.length)
      .map(([key]) => key);
    expect(lacking).toEqual([]);
    const ids = operations.map(([, op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[a-z][A-Za-z0-9]*$/.test(id ?? ''))).toBe(true);
  });

  it('answers every error status with the Problem schema as application/problem+json', () => {
    const wrong: string[] = [];
    for (const [key, op] of operations) {
      const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
      if (!errors.some(([status]) => Number(status) < 500)) wrong.push(`${key}: no 4xx`);
      for (const [status, response] of errors) {
        const content = Object.keys(response.content ?? {});
        const schema = JSON.stringify(response.content?.['application/problem+json']?.schema);
        if (content.join() !== 'application/problem+json' || !schema?.includes('Problem'))
          wrong.push(`${key} ${status}: ${content.join()}`);
        if (!response.description) wrong.push(`${key} ${status}: no description`);
      }
      if (op.security?.length !== 0)
        for (const status of ['401', '403'])
          if (!op.responses[status]) wrong.push(`${key}: no ${status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('has only valid JSON Schemas, and request examples that satisfy them', () => {
    const checker = ajv();
    const failures: string[] = [];
    for (const [key, op] of operations) {
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) {
        if (!media.schema) continue;
        const validate = checker.compile(resolvable(media.schema));
        if (type === 'application/json' && media.example === undefined)
          failures.push(`${key}: no example`);
        if (media.example !== undefined && !validate(media.example))
          failures.push(`${key} example: ${checker.errorsText(validate.errors)}`);
      }
      for (const response of Object.values(op.responses))
        for (const media of Object.values(response.content ?? {}))
          checker.compile(resolvable(media.schema));
    }
    expect(failures).toEqual([]);
  });

  it('describes the upload bodies by media type, with a CSV example', () => {
    for (const kind of ['participants', 'events', 'employment-datasets']) {
      const body = doc.paths[`/programmes/{programme}/${kind}`]?.post?.requestBody;
      expect(Object.keys(body?.content ?? {}).sort()).toEqual([
        'application/octet-stream',
        'application/vnd.apache.parquet',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'text/csv',
      ]);
      expect(String(body?.content['text/csv']?.example)).toMatch(/^[a-z_]+,[a-z_]+/);
    }
  });

  it('describes the errors the server really answers', async () => {
    const validate = ajv().compile(resolvable({ $ref: '#/components/schemas/Problem' }));
    const answers = [
      await app.inject({ method: 'GET', url: '/no/such/path' }),
      await app.inject({ method: 'GET', url: '/programmes' }),
      await app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: 'not an e-mail' },
        headers: { 'accept-language': 'fr' },
      }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([404, 401, 400]);
    for (const answer of answers) {
      expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(validate(answer.json()), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(answers[2]?.json().title).toBe('Requête incorrecte');
  });
});

describe('the API reference page', () => {
  it('is served at /docs to anyone, with the document', async () => {
    const page = await app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('swagger');
    const json = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(json.json().paths['/runs/{run}/participants/{participant}/explanation']).toBeDefined();
  });
});
