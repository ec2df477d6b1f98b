/**
 * Programme reads: the dashboard (aggregates only, for every member) and the participant
 * list (keyset pagination by participant_id; a provider sees only its own participants,
 * an investor none).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { latestRun } from '../../services/evaluation-runs.js';
import type { Store } from '../../store/database.js';
import { assertInProgramme, principal } from '../access.js';

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
        const who = principal(request);
        const id = request.params.programme;
        await assertInProgramme(store, who, id);
        const providers = await store.db
          .selectFrom('provider_counts')
          .select(['provider_id', 'participants as n'])
          .where('programme_id', '=', id)
          .orderBy('provider_id')
          .execute();
        const run = await latestRun(store, id);
        // Paid bills carry their totals, so the ledger's sum needs no scan of its entries.
        const ledger = await store.db
          .selectFrom('bills')
          .select((eb) => eb.fn.sum<string>('total_cents').as('total'))
          .where('programme_id', '=', id)
          .where('status', '=', 'paid')
          .executeTakeFirst();
        const byProvider = Object.fromEntries(providers.map((p) => [p.provider_id, Number(p.n)]));
        return {
          programme: id,
          participants: providers.reduce((sum, p) => sum + Number(p.n), 0),
          by_provider: byProvider,
          latest_run: run
            ? { id: run.id, as_of: run.as_of, paid: centsText(run.paid_cents) }
            : null,
          ledger_paid: centsText(ledger?.total ?? '0'),
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
      async (request) => {
        const who = principal(request);
        const id = request.params.programme;
        await assertInProgramme(store, who, id);
        const { after, limit } = request.query;
        let query = store.db
          .selectFrom('participants')
          .select(['participant_id', 'provider_id', 'enrolled_on'])
          .where('programme_id', '=', id)
          .orderBy('participant_id')
          .limit(limit + 1);
        if (who.role === 'provider') query = query.where('provider_id', '=', who.organisationId);
        if (after !== undefined) query = query.where('participant_id', '>', after);
        const rows = await query.execute();
        const page = rows.slice(0, limit);
        return {
          participants: page,
          next: rows.length > limit ? (page.at(-1)?.participant_id ?? null) : null,
        };
      },
    );
  };
}

/** Integer cents (as exact text from the database) to a two-decimal amount. */
export function centsText(cents: string): string {
  const negative = cents.startsWith('-');
  const digits = (negative ? cents.slice(1) : cents).padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
