/** Evaluation runs: start one (funder), download its evidence pack (funder, verifier). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readEvidencePack, runEvaluation } from '../../services/evaluation-runs.js';
import type { Store } from '../../store/database.js';
import { assertInProgramme, assertOwnedInProgramme, principal } from '../access.js';

export function runRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/programmes/:programme/runs',
      {
        config: { roles: ['funder'] },
        schema: {
          tags: ['runs'],
          params: z.object({
            programme: z
              .string()
              .regex(/^[a-z0-9-]+$/)
              .max(100),
          }),
          body: z.object({ as_of: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
          response: {
            201: z.object({ id: z.string(), paid: z.string(), evidence_pack_sha256: z.string() }),
          },
        },
      },
      async (request, reply) => {
        const who = principal(request);
        await assertInProgramme(store, who, request.params.programme);
        const run = await runEvaluation(store, who, request.params.programme, request.body.as_of);
        return reply
          .status(201)
          .send({ id: run.runId, paid: run.paid, evidence_pack_sha256: run.packSha256 });
      },
    );

    app.get(
      '/runs/:run/evidence-pack',
      {
        config: { roles: ['funder', 'verifier'] },
        schema: { tags: ['runs'], params: z.object({ run: z.string().regex(/^\d{1,18}$/) }) },
      },
      async (request, reply) => {
        const who = principal(request);
        await assertOwnedInProgramme(store, who, 'evaluation_runs', request.params.run);
        const zip = await readEvidencePack(store, request.params.run);
        return reply
          .header('content-type', 'application/zip')
          .header(
            'content-disposition',
            `attachment; filename="evidence-pack-run-${request.params.run}.zip"`,
          )
          .send(Buffer.from(zip));
      },
    );
  };
}
