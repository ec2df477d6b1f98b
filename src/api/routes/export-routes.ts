/**
 * Exports: a run's achievements as CSV or XLSX for people (funder, verifier; a provider gets
 * only its own participants' rows; services/achievements-export.ts), and the programme as an INDIGO project record (every member but
 * providers, who see only their own rows elsewhere).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAchievementsFile, XLSX_CONTENT_TYPE } from '../../services/achievements-export.js';
import { indigoProject } from '../../services/indigo-export.js';
import { scopeOf } from '../../services/provider-scope.js';
import type { Store } from '../../store/database.js';
import { principal, programmeOf } from '../access.js';

/**
 * A file in the response (documentation only): `any` so that the handler may send bytes,
 * which Fastify writes as they are, without serialising them.
 */
const BINARY = z.any().meta({ type: 'string', format: 'binary' });

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
          operationId: 'exportRunAchievements',
          summary: "A run's achievements as CSV or XLSX",
          description:
            "The achievements of a run with the columns of the engine's achievements.csv, in its order (participant_id, provider_id, segment, outcome_id, achieved_on, version, price, amount, status); a provider gets only its own participants' rows. Files for people: the CSV neutralises cells a spreadsheet would run as formulas (a leading '), and may be laid out for a Spanish or French spreadsheet (`delimiter=;` writes amounts with a decimal comma; `bom=true` starts it with a UTF-8 byte order mark); the XLSX has amounts as numbers shown with two decimals, days as date cells, a frozen header row with filters, and text cells that never run as formulas. The evidence pack holds the machine files.",
          params: z.object({ run: z.string().regex(/^\d{1,18}$/) }),
          querystring: z.object({
            format: z.enum(['csv', 'xlsx']).default('csv'),
            delimiter: z
              .enum([',', ';'])
              .default(',')
              .describe('CSV only: the separator; `;` writes amounts with a decimal comma'),
            bom: z
              .enum(['true', 'false'])
              .default('false')
              .describe('CSV only: start the file with a UTF-8 byte order mark'),
          }),
          response: {
            200: {
              description: 'the achievements file',
              content: {
                'text/csv': { schema: BINARY },
                [XLSX_CONTENT_TYPE]: { schema: BINARY },
              },
            },
          },
        },
      },
      async (request, reply) => {
        const { format, delimiter, bom } = request.query;
        const file = await runAchievementsFile(
          store,
          programmeOf(request),
          request.params.run,
          scopeOf(principal(request)),
          format,
          { csv: { delimiter, bom: bom === 'true' } },
        );
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.name}"`)
          .send(file.body);
      },
    );
  };
}
