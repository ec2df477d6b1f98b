/**
 * Programme reads: the dashboard (aggregates only, for every member) and the participant
 * list (keyset pagination by participant_id; a provider sees only its own participants,
 * an investor none).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatCents } from '../../domain/money.js';
import { listParticipants } from '../../services/participant-list.js';
import { programmeDashboard } from '../../services/programme-dashboard.js';
import { scopeOf } from '../../services/provider-scope.js';
import type { Store } from '../../store/database.js';
import { principal, programmeOf } from '../access.js';

const programmeParams = z.object({
  programme: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(100),
});

export function programmeRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/programmes/:programme/dashboard',
      {
        config: { roles: ['funder', 'provider', 'verifier', 'investor'] },
        schema: {
          tags: ['programmes'],
          params: programmeParams,
          response: {
            200: z.object({
              programme: z.string(),
              participants: z.number(),
              by_provider: z.record(z.string(), z.number()),
              latest_run: z
                .object({ id: z.string(), as_of: z.string(), paid: z.string() })
                .nullable(),
              ledger_paid: z.string(),
            }),
          },
        },
      },
      async (request) => {
        const id = programmeOf(request);
        const dashboard = await programmeDashboard(store, id);
        const run = dashboard.latestRun;
        return {
          programme: id,
          participants: dashboard.participants,
          by_provider: Object.fromEntries(dashboard.byProvider),
          latest_run: run ? { id: run.id, as_of: run.asOf, paid: formatCents(run.paid) } : null,
          ledger_paid: formatCents(dashboard.ledgerPaid),
        };
      },
    );

    app.get(
      '/programmes/:programme/participants',
      {
        config: { roles: ['funder', 'provider', 'verifier'] },
        schema: {
          tags: ['programmes'],
          params: programmeParams,
          querystring: z.object({
            after: z.string().max(200).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
          }),
          response: {
            200: z.object({
              participants: z.array(
                z.object({
                  participant_id: z.string(),
                  provider_id: z.string(),
                  enrolled_on: z.string(),
                }),
              ),
              next: z.string().nullable(),
            }),
          },
        },
      },
      async (request) =>
        listParticipants(store, programmeOf(request), scopeOf(principal(request)), request.query),
    );
  };
}
