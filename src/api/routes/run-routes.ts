/**
 * Evaluation runs: ask for one (funder), follow it (funder, verifier), download its evidence
 * pack (funder, verifier). Membership of the run's programme is checked before the handler
 * (access.ts). A run is evaluated outside the API process and one at a time per
 * programme, so asking answers 202 at once with the run's place in the queue.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatCents } from '../../domain/money.js';
import { readEvidencePack, runState, startRun } from '../../services/evaluation-runs.js';
import { runDispatcher } from '../../services/run-queue.js';
import type { Store } from '../../store/database.js';
import { principal, programmeOf } from '../access.js';
import { HttpError } from '../http-error.js';

const STATUS = z
  .enum(['queued', 'running', 'succeeded', 'failed'])
  .describe('queued → running → succeeded or failed');
const POSITION = z
  .number()
  .int()
  .nonnegative()
  .nullable()
  .describe('while queued: how many runs of the programme are ahead of it; otherwise null');
const RUN_ID = z.object({ run: z.string().regex(/^\d{1,18}$/) });

const RUN_STATE = z.object({
  id: z.string(),
  programme: z.string(),
  as_of: z.string(),
  contract_version: z.number().int(),
  status: STATUS,
  position: POSITION,
  progress: z
    .object({
      step: z.string(),
      done: z.number().int().nonnegative(),
      total: z.number().int().nonnegative().nullable(),
    })
    .nullable()
    .describe('the step the run is at, and how many of its steps are done'),
  failure_reason: z.string().nullable().describe('why a failed run has no result'),
  problems: z
    .array(
      z.object({
        code: z.string(),
        message: z.string(),
        file: z.string().optional(),
        row: z.number().optional(),
        column: z.string().optional(),
        line: z.number().optional(),
        col: z.number().optional(),
      }),
    )
    .describe('when the input data made the run fail: every problem found'),
  paid: z.string().nullable(),
  evidence_pack_sha256: z.string().nullable(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
});

export function runRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    // This server evaluates queued runs while it is up; closing it stops them and queues them again.
    runDispatcher(store).attach();
    app.addHook('onClose', async () => runDispatcher(store).detach());

    app.post(
      '/programmes/:programme/runs',
      {
        config: { roles: ['funder'] },
        schema: {
          tags: ['runs'],
          description:
            'Queues an evaluation run of the current contract as of a day. The run is evaluated in a separate process, one at a time per programme; follow it with GET /runs/{run}.',
          params: z.object({
            programme: z
              .string()
              .regex(/^[a-z0-9-]+$/)
              .max(100),
          }),
          body: z.object({ as_of: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
          response: {
            202: z
              .object({ id: z.string(), status: STATUS, position: POSITION })
              .describe('accepted: the run is running, or queued behind `position` others'),
          },
        },
      },
      async (request, reply) => {
        const run = await startRun(
          store,
          principal(request),
          programmeOf(request),
          request.body.as_of,
        );
        return reply
          .status(202)
          .header('location', `/runs/${run.runId}`)
          .send({ id: run.runId, status: run.status, position: run.position });
      },
    );

    app.get(
      '/runs/:run',
      {
        config: { roles: ['funder', 'verifier'] },
        schema: { tags: ['runs'], params: RUN_ID, response: { 200: RUN_STATE } },
      },
      async (request) => {
        const run = await runState(store, request.params.run);
        return {
          id: run.runId,
          programme: run.programmeId,
          as_of: run.asOf,
          contract_version: run.contractVersion,
          status: run.status,
          position: run.position,
          progress: run.progress,
          failure_reason: run.failureReason,
          problems: [...run.problems],
          paid: run.paidCents === null ? null : formatCents(run.paidCents),
          evidence_pack_sha256: run.packSha256,
          created_at: run.createdAt.toISOString(),
          started_at: run.startedAt?.toISOString() ?? null,
          finished_at: run.finishedAt?.toISOString() ?? null,
        };
      },
    );

    app.get(
      '/runs/:run/evidence-pack',
      {
        config: { roles: ['funder', 'verifier'] },
        schema: { tags: ['runs'], params: RUN_ID },
      },
      async (request, reply) => {
        const zip = await readEvidencePack(store, request.params.run);
        if (!zip)
          throw new HttpError(
            409,
            'run_not_succeeded',
            `run ${request.params.run} has no evidence pack: only a succeeded run has one`,
          );
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
