/**
 * The web client's API types (web/src/api/schema.gen.ts) are generated from
 * docs/openapi.json by web/scripts/openapi-types.ts: the committed file must be that output
 * (the build regenerates it; run `npm run build` and commit it), and the generator must
 * turn schemas into the types openapi-fetch expects.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openapiTypes, type } from '../../web/scripts/openapi-types.js';
import { REPO } from './support/server.js';

describe('web/src/api/schema.gen.ts', () => {
  it('is what docs/openapi.json generates (rebuild and commit it)', async () => {
    const document = JSON.parse(await readFile(join(REPO, 'docs', 'openapi.json'), 'utf8'));
    const committed = await readFile(join(REPO, 'web', 'src', 'api', 'schema.gen.ts'), 'utf8');
    expect(openapiTypes(document)).toBe(committed);
  });
});

describe('the generator', () => {
  it('types objects, optional and nullable fields, enums, arrays, maps and unions', () => {
    const schema = {
      type: 'object',
      properties: {
        id: { type: 'string' },
        paid: { type: 'string', nullable: true },
        status: { type: 'string', enum: ['draft', 'paid'] },
        lines: { type: 'array', items: { type: 'integer' } },
        'by-provider': { type: 'object', additionalProperties: { type: 'number' } },
        either: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        kind: { type: ['string', 'null'] },
        fixed: { const: 'x' },
      },
      required: ['id', 'paid', 'status'],
      additionalProperties: false,
    };
    expect(type(schema, 0)).toBe(
      [
        '{',
        '  id: string;',
        '  paid: string | null;',
        "  status: 'draft' | 'paid';",
        '  lines?: (number)[];',
        "  'by-provider'?: {",
        '    [key: string]: number;',
        '  };',
        '  either?: string | null;',
        '  kind?: string | null;',
        "  fixed?: 'x';",
        '}',
      ].join('\n'),
    );
  });

  it('writes paths with parameters, a required body and answers by status', () => {
    const source = openapiTypes({
      paths: {
        '/bills/{bill}/verify': {
          post: {
            parameters: [
              { in: 'path', name: 'bill', required: true, schema: { type: 'string' } },
              { in: 'query', name: 'dry', required: false, schema: { type: 'boolean' } },
            ],
            requestBody: {
              required: true,
              content: { 'application/json': { schema: { type: 'object', properties: {} } } },
            },
            responses: { 200: { description: 'ok' } },
          },
        },
      },
    });
    expect(source).toContain("'/bills/{bill}/verify': {");
    expect(source).toContain('path: {\n          bill: string;');
    expect(source).toContain('query?: {\n          dry?: boolean;');
    expect(source).toContain('requestBody: {\n        content: {');
    expect(source).toContain('content?: never;');
    expect(source).toContain('get?: never;');
  });

  it('reads nothing it does not know as any', () => {
    expect(type({ format: 'binary' }, 0)).toBe('unknown');
    expect(type(undefined, 0)).toBe('unknown');
  });
});
