/**
 * Exports: a run's achievements as CSV or XLSX (funder, verifier; a provider gets only its
 * own participants' rows), and the programme as an INDIGO project record (every member but
 * providers, who see only their own rows elsewhere).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAchievementsFile } from '../../services/achievements-export.js';
import { indigoProject } from '../../services/indigo-export.js';
import { scopeOf } from '../../services/provider-scope.js';
import type { Store } from '../../store/database.js';
import { principal, programmeOf } from '../access.js';

export function exportRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/programmes/:programme/indigo',
      {
        config: { roles: ['funder', 'verifier', 'investor'] },
        schema: {
          tags: ['exports'],
          params: z.object({
            programme: z
              .string()
              .regex(/^[a-z0-9-]+$/)
              .max(100),
          }),
        },
      },
      async (request) => indigoProject(store, programmeOf(request)),
    );

    app.get(
      '/runs/:run/achievements',
      {
        config: { roles: ['funder', 'verifier', 'provider'] },
        schema: {
          tags: ['exports'],
          params: z.object({ run: z.string().regex(/^\d{1,18}$/) }),
          querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }),
        },
      },
      async (request, reply) => {
        const file = await runAchievementsFile(
          store,
          programmeOf(request),
          request.params.run,
          scopeOf(principal(request)),
          request.query.format,
        );
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.name}"`)
          .send(file.body);
      },
    );
  };
}
