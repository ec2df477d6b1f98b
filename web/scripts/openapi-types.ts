/**
 * The API's OpenAPI document (docs/openapi.json) as the `paths` type openapi-fetch reads,
 * in the shape openapi-typescript writes (which needs TypeScript 5; Resulta builds with 7).
 * The web build writes it to web/src/api/schema.gen.ts (web/vite.config.ts) before the
 * type check, so a field renamed in the API fails the web's type check;
 * test/web/openapi-types.test.ts fails when the committed file is stale.
 *
 * Covered: the JSON Schema that fastify-type-provider-zod emits for OpenAPI 3.0 and 3.1
 * (type and type lists, nullable, enum, const, properties/required, additionalProperties,
 * items, anyOf/oneOf/allOf, $ref to components.schemas). Anything else is `unknown`, never
 * `any`: an unsupported construct makes the page check what it reads.
 */

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
type Obj = { readonly [key: string]: Json };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const LOCATIONS = ['query', 'header', 'path', 'cookie'] as const;

const isObj = (v: Json | undefined): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: Json | undefined): Obj => (isObj(v) ? v : {});
const list = (v: Json | undefined): readonly Json[] => (Array.isArray(v) ? v : []);
const key = (name: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : quote(name));
const quote = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
const pad = (depth: number) => '  '.repeat(depth);

/** The TypeScript source of web/src/api/schema.gen.ts for an OpenAPI document. */
export function openapiTypes(document: Json, source = 'docs/openapi.json'): string {
  const doc = obj(document);
  const paths = obj(doc.paths);
  const out = [
    `// Generated from ${source} by web/scripts/openapi-types.ts during \`npm run build\`.`,
    '// Do not edit: change the API, run `npm run openapi`, then build.',
    '',
    'export interface paths {',
  ];
  for (const path of Object.keys(paths).sort()) {
    out.push(`  ${quote(path)}: ${pathItem(obj(paths[path]), 1)};`);
  }
  out.push('}', '', 'export interface components {', '  schemas: {');
  const schemas = obj(obj(doc.components).schemas);
  for (const name of Object.keys(schemas).sort()) {
    out.push(`    ${key(name)}: ${type(schemas[name], 2)};`);
  }
  out.push('  };', '}', '');
  return out.join('\n');
}

function pathItem(item: Obj, depth: number): string {
  const lines = [`parameters: ${parameters(list(item.parameters), depth + 1)};`];
  for (const method of METHODS) {
    const op = item[method];
    lines.push(isObj(op) ? `${method}: ${operation(op, item, depth + 1)};` : `${method}?: never;`);
  }
  return block(lines, depth);
}

function operation(op: Obj, item: Obj, depth: number): string {
  const params = [...list(item.parameters), ...list(op.parameters)];
  const body = obj(op.requestBody);
  const lines = [
    `parameters: ${parameters(params, depth + 1)};`,
    isObj(op.requestBody)
      ? `requestBody${body.required === true ? '' : '?'}: ${block([`content: ${content(obj(body.content), depth + 2)};`], depth + 1)};`
      : 'requestBody?: never;',
    `responses: ${responses(obj(op.responses), depth + 1)};`,
  ];
  return block(lines, depth);
}

function parameters(params: readonly Json[], depth: number): string {
  const lines = LOCATIONS.map((location) => {
    const here = params.map(obj).filter((p) => p.in === location);
    if (here.length === 0) return `${location}?: never;`;
    const fields = here.map((p) => {
      const optional = p.required === true ? '' : '?';
      return `${key(String(p.name))}${optional}: ${type(p.schema, depth + 2)};`;
    });
    const anyRequired = here.some((p) => p.required === true);
    return `${location}${anyRequired ? '' : '?'}: ${block(fields, depth + 1)};`;
  });
  return block(lines, depth);
}

function responses(answers: Obj, depth: number): string {
  const lines = Object.keys(answers).map((status) => {
    const answer = obj(answers[status]);
    const fields = [
      'headers: { [name: string]: unknown };',
      isObj(answer.content)
        ? `content: ${content(answer.content, depth + 2)};`
        : 'content?: never;',
    ];
    const name = /^[0-9]+$/.test(status) ? status : quote(status);
    return `${name}: ${block(fields, depth + 1)};`;
  });
  return block(lines, depth);
}

function content(media: Obj, depth: number): string {
  const lines = Object.keys(media).map(
    (type_) => `${quote(type_)}: ${type(obj(media[type_]).schema, depth + 1)};`,
  );
  return block(lines, depth);
}

/** The TypeScript type of a JSON Schema. */
export function type(schema: Json | undefined, depth: number): string {
  if (!isObj(schema)) return 'unknown';
  const base = bareType(schema, depth);
  return schema.nullable === true && base !== 'unknown' ? `${base} | null` : base;
}

function bareType(s: Obj, depth: number): string {
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace('#/components/schemas/', '');
    return `components['schemas'][${quote(name)}]`;
  }
  if ('const' in s) return literal(s.const);
  if (Array.isArray(s.enum)) return union(s.enum.map(literal));
  for (const combinator of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(s[combinator]))
      return union(list(s[combinator]).map((part) => type(part, depth)));
  }
  if (Array.isArray(s.allOf))
    return list(s.allOf)
      .map((part) => `(${type(part, depth)})`)
      .join(' & ');
  if (Array.isArray(s.type)) return union(s.type.map((t) => ofType(String(t), s, depth)));
  if (typeof s.type === 'string') return ofType(s.type, s, depth);
  if (isObj(s.properties)) return ofType('object', s, depth);
  return 'unknown';
}

function ofType(name: string, s: Obj, depth: number): string {
  switch (name) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return `(${type(s.items, depth)})[]`;
    case 'object':
      return objectType(s, depth);
    default:
      return 'unknown';
  }
}

function objectType(s: Obj, depth: number): string {
  const required = new Set(list(s.required).map(String));
  const props = obj(s.properties);
  const lines = Object.keys(props).map(
    (name) => `${key(name)}${required.has(name) ? '' : '?'}: ${type(props[name], depth + 1)};`,
  );
  const extra = s.additionalProperties;
  if (isObj(extra)) lines.push(`[key: string]: ${type(extra, depth + 1)};`);
  else if (extra === true || (extra === undefined && lines.length === 0))
    lines.push('[key: string]: unknown;');
  return block(lines, depth);
}

function literal(value: Json): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null ? 'null' : 'unknown';
}

function union(types: readonly string[]): string {
  const unique = [...new Set(types)];
  return unique.length === 0 ? 'never' : unique.join(' | ');
}

function block(lines: readonly string[], depth: number): string {
  if (lines.length === 0) return 'Record<string, never>';
  return `{\n${lines.map((l) => `${pad(depth + 1)}${l}`).join('\n')}\n${pad(depth)}}`;
}
