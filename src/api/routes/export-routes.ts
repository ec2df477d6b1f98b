/**
 * Exports: a run's achievements as CSV or XLSX (funder, verifier; a provider gets only its
 * own participants' rows), and the programme as an INDIGO project record (every member but
 * providers, who see only their own rows elsewhere).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cents, formatCents } from '../../domain/money.js';
import { csvLine } from '../../files/csv-writer.js';
import { indigoProject } from '../../services/indigo-export.js';
import type { Store } from '../../store/database.js';
import { assertInProgramme, assertOwnedInProgramme, principal } from '../access.js';

const COLUMNS = [
  'participant_id',
  'provider_id',
  'outcome_id',
  'achieved_on',
  'version',
  'price',
  'amount',
  'status',
] as const;

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
      async (request) => {
        const who = principal(request);
        await assertInProgramme(store, who, request.params.programme);
        return indigoProject(store, request.params.programme);
      },
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
        const who = principal(request);
        const programmeId = await assertOwnedInProgramme(
          store,
          who,
          'evaluation_runs',
          request.params.run,
        );
        let query = store.db
          .selectFrom('run_achievements as a')
          .innerJoin('participants as p', (j) =>
            j
              .onRef('p.participant_id', '=', 'a.participant_id')
              .on('p.programme_id', '=', programmeId),
          )
          .select([
            'a.participant_id',
            'p.provider_id',
            'a.outcome_id',
            'a.achieved_on',
            'a.version',
            'a.price_cents',
            'a.amount_cents',
            'a.status',
          ])
          .where('a.run_id', '=', request.params.run)
          .orderBy('a.achieved_on')
          .orderBy('a.participant_id')
          .orderBy('a.outcome_id');
        if (who.role === 'provider') query = query.where('p.provider_id', '=', who.organisationId);
        const rows = (await query.execute()).map((r) => [
          r.participant_id,
          r.provider_id,
          r.outcome_id,
          r.achieved_on,
          r.version,
          formatCents(cents(Number(r.price_cents))),
          formatCents(cents(Number(r.amount_cents))),
          r.status,
        ]);
        const name = `run-${request.params.run}-achievements`;
        if (request.query.format === 'csv') {
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${name}.csv"`)
            .send([csvLine([...COLUMNS]), ...rows.map((r) => csvLine(r))].join(''));
        }
        const { default: excel } = await import('exceljs');
        const workbook = new excel.Workbook();
        const sheet = workbook.addWorksheet('achievements');
        sheet.addRow([...COLUMNS]);
        // Text cells throughout: identifiers keep their zeros and amounts their two decimals.
        for (const r of rows) sheet.addRow(r);
        return reply
          .header(
            'content-type',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(Buffer.from(await workbook.xlsx.writeBuffer()));
      },
    );
  };
}
