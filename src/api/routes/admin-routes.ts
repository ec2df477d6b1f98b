/**
 * Changes to a programme's set-up: a new contract version (an amendment; funder, with the
 * reason recorded) and API tokens for an organisation's systems (any member, for its own
 * organisation; the secret is shown once).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiToken, revokeApiToken } from '../../services/identity.js';
import { addContractVersion } from '../../services/programmes.js';
import type { Store } from '../../store/database.js';
import { principal, programmeOf } from '../access.js';

export function adminRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/programmes/:programme/contract-versions',
      {
        config: { roles: ['funder'] },
        schema: {
          tags: ['programmes'],
          params: z.object({
            programme: z
              .string()
              .regex(/^[a-z0-9-]+$/)
              .max(100),
          }),
          body: z.object({
            yaml: z.string().min(1).max(1_000_000),
            reason: z.string().min(3).max(2000),
          }),
          response: { 201: z.object({ version: z.number() }) },
        },
      },
      async (request, reply) => {
        const version = await addContractVersion(
          store,
          principal(request),
          programmeOf(request),
          request.body.yaml,
          request.body.reason,
        );
        return reply.status(201).send({ version });
      },
    );

    app.post(
      '/api-tokens/revoke',
      {
        config: { roles: ['funder', 'provider', 'verifier', 'investor'] },
        schema: {
          tags: ['auth'],
          body: z.object({ name: z.string().regex(/^[A-Za-z0-9 ._-]{3,80}$/) }),
          response: { 200: z.object({ revoked: z.boolean() }) },
        },
      },
      async (request) => {
        const who = principal(request);
        return { revoked: await revokeApiToken(store, who.organisationId, request.body.name) };
      },
    );

    app.post(
      '/api-tokens',
      {
        config: { roles: ['funder', 'provider', 'verifier', 'investor'] },
        schema: {
          tags: ['auth'],
          body: z.object({ name: z.string().regex(/^[A-Za-z0-9 ._-]{3,80}$/) }),
          response: { 201: z.object({ token: z.string(), organisation: z.string() }) },
        },
      },
      async (request, reply) => {
        const who = principal(request);
        const token = await createApiToken(store, who.id, who.organisationId, request.body.name);
        return reply.status(201).send({ token, organisation: who.organisationId });
      },
    );
  };
}
