/**
 * Changes to a programme's set-up: a new contract version (an amendment; funder, with the
 * reason recorded). API tokens are minted and revoked under /auth/tokens (auth-routes.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
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
  };
}
