/**
 * Uploads: participants (provider for its own, or funder), events (provider for its own
 * participants, funder, verifier) and employment datasets (funder, verifier). The file is
 * the request body, `?format=csv|xlsx|parquet`; it is checked whole and imported all or
 * nothing, and bad rows come back as problems with row and column (422).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal, Role } from '../../services/identity.js';
import { importEmployment, importEvents, importParticipants } from '../../services/import-data.js';
import type { Store } from '../../store/database.js';
import { assertInProgramme, principal } from '../access.js';

const FILE_TYPES = [
  'text/csv',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.apache.parquet',
];

type Importer = (
  store: Store,
  who: Principal,
  programme: string,
  path: string,
  file: string,
) => Promise<unknown>;

/** A provider imports only for itself; other roles import for the whole programme. */
const scopeOf = (who: Principal) =>
  who.role === 'provider' ? { providerId: who.organisationId } : {};

const targets: { path: string; roles: Role[]; run: Importer }[] = [
  {
    path: 'participants',
    roles: ['funder', 'provider'],
    run: (store, who, programme, path, file) =>
      importParticipants(store, who, programme, path, file, scopeOf(who)),
  },
  {
    path: 'events',
    roles: ['funder', 'provider', 'verifier'],
    run: (store, who, programme, path, file) =>
      importEvents(store, who, programme, path, file, scopeOf(who)),
  },
  {
    path: 'employment-datasets',
    roles: ['funder', 'verifier'],
    run: (store, who, programme, path, file) => importEmployment(store, who, programme, path, file),
  },
];

export function uploadRoutes(store: Store, perMinute: number): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    for (const target of targets) {
      app.post(
        `/programmes/:programme/${target.path}`,
        {
          config: { roles: target.roles, rateLimit: { max: perMinute, timeWindow: '1 minute' } },
          schema: {
            tags: ['uploads'],
            params: z.object({
              programme: z
                .string()
                .regex(/^[a-z0-9-]+$/)
                .max(100),
            }),
            querystring: z.object({
              format: z.enum(['csv', 'xlsx', 'parquet']),
              name: z.string().max(200).optional(),
            }),
            response: { 201: z.object({ imported: z.string() }) },
          },
        },
        async (request, reply) => {
          const who = principal(request);
          await assertInProgramme(store, who, request.params.programme);
          const dir = await mkdtemp(join(tmpdir(), 'resulta-upload-'));
          try {
            const path = join(dir, `upload.${request.query.format}`);
            await writeFile(path, request.body as Buffer);
            const name = request.query.name ?? `${target.path}.${request.query.format}`;
            await target.run(store, who, request.params.programme, path, name);
            return reply.status(201).send({ imported: name });
          } finally {
            await rm(dir, { recursive: true, force: true });
          }
        },
      );
    }
  };
}
