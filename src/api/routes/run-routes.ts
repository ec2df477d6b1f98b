/**
 * Evaluation runs: ask for one (funder), list them (every member: aggregates only), follow
 * one (funder, verifier), download its evidence pack (funder, verifier), and explain one
 * participant's outcomes in it (funder, verifier, a provider for its own participants).
 * Membership of the run's programme is checked before the handler (access.ts). A run is
 * evaluated outside the API process and one at a time per programme, so asking answers 202
 * at once with the run's place in the queue; an explanation is evaluated outside it too.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sayIneligibility, sayReason } from '../../domain/explain/reason.js';
import type { Locale } from '../../domain/messages/locale.js';
import { formatCents } from '../../domain/money.js';
import type { ExplainAnswer } from '../../engine/explain-answer.js';
import { readEvidencePack, runState, startRun } from '../../services/evaluation-runs.js';
import { explainInRun } from '../../services/explanation-reads.js';
import { scopeOf } from '../../services/provider-scope.js';
import { runDispatcher } from '../../services/run-queue.js';
import { listRuns } from '../../services/run-reads.js';
import type { Store } from '../../store/database.js';
import { principal, programmeOf } from '../access.js';
import { localeOfRequest } from '../error-answers.js';
import { apiError, notFound } from '../http-error.js';

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

const PROGRAMME_PARAMS = z.object({
  programme: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(100),
});
const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const RUN_LISTED = z.object({
  id: z.string(),
  as_of: z.string(),
  contract_version: z.number().int(),
  status: STATUS,
  paid_cents: z.number().nullable().describe('what the run made payable in total'),
  created_by: z.string(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  failure_reason: z
    .string()
    .nullable()
    .describe('why a failed run has no result; shown to funders and verifiers only'),
});

const EVIDENCE_EVENT = z.object({
  type: z.string(),
  occurred_on: z.string(),
  value: z.string().nullable(),
  verified: z.boolean(),
});

const EXPLANATION = z.object({
  run: z.string(),
  participant_id: z.string(),
  provider_id: z.string(),
  as_of: z.string(),
  segment: z.string().nullable(),
  eligible: z.boolean(),
  ineligible_because: z
    .string()
    .nullable()
    .describe("why the participant is not eligible, in the request's language"),
  outcomes: z.array(
    z.object({
      outcome: z.string(),
      kind: z.enum([
        'event',
        'employment_start',
        'employment_sustained',
        'earnings_threshold',
        'assessment_gain',
      ]),
      achieved: z.boolean(),
      achieved_on: z.string().nullable(),
      reasons: z
        .array(z.string())
        .describe(
          'what counted (achieved) or what was missing (not achieved), and the payment; in the language of Accept-Language (Content-Language says which)',
        ),
      reason_codes: z
        .array(z.string())
        .describe('the catalogue code of each reason, in the same order (`explain.…`)'),
      evidence: z
        .object({
          events: z.array(EVIDENCE_EVENT).describe('the events of the types the rule reads'),
          months: z
            .array(z.object({ month: z.string(), earnings: z.string() }))
            .describe('employment rules: earnings per complete month up to the as-of day'),
        })
        .describe('what the rule looked at'),
      payment: z
        .object({
          version: z.string().describe('the contract version it is priced under'),
          price_cents: z.number(),
          amount_cents: z.number(),
          status: z.string().describe('paid, partially_capped, capped_volume, …'),
          cut_by: z
            .enum(['volume', 'participant', 'total'])
            .nullable()
            .describe('the cap that cut the payment (in part or whole), if one did'),
        })
        .nullable()
        .describe('null when not achieved'),
    }),
  ),
});

/** The explanation with its reasons worded in `locale`, and their codes beside them. */
function explainedIn(answer: ExplainAnswer, locale: Locale) {
  return {
    ...answer,
    ineligible_because:
      answer.ineligible_because && sayIneligibility(answer.ineligible_because, locale),
    outcomes: answer.outcomes.map((o) => ({
      ...o,
      reasons: o.reasons.map((r) => sayReason(r, locale)),
      reason_codes: o.reasons.map((r) => r.code),
    })),
  };
}

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
          operationId: 'startRun',
          summary: 'Ask for an evaluation run',
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
        schema: {
          tags: ['runs'],
          operationId: 'getRun',
          summary: 'Follow an evaluation run',
          description:
            'A run: its status (queued, running, succeeded, failed), its place in the queue, progress, and when it succeeded what it made payable and the SHA-256 of its evidence pack; when it failed, why, with every problem of the input data.',
          params: RUN_ID,
          response: { 200: RUN_STATE },
        },
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
      '/programmes/:programme/runs',
      {
        config: { roles: ['funder', 'provider', 'verifier', 'investor'] },
        schema: {
          tags: ['runs'],
          operationId: 'listRuns',
          summary: "List a programme's evaluation runs",
          description:
            'The evaluation runs of a programme, newest first, a page at a time (follow `next` as `cursor`), with status and total payable: aggregates only, so every member may list them. Filter by status and by the as-of day (from, to: inclusive).',
          params: PROGRAMME_PARAMS,
          querystring: z.object({
            status: z.enum(['queued', 'running', 'succeeded', 'failed']).optional(),
            from: DAY.optional().describe('runs as of this day or later'),
            to: DAY.optional().describe('runs as of this day or earlier'),
            limit: z.coerce.number().int().min(1).max(500).default(50),
            cursor: z
              .string()
              .regex(/^\d{1,18}$/)
              .optional()
              .describe('`next` of the page before; absent for the first page'),
          }),
          response: {
            200: z.object({ runs: z.array(RUN_LISTED), next: z.string().nullable() }),
          },
        },
      },
      async (request) => {
        const { status, from, to, limit, cursor } = request.query;
        const role = principal(request).role;
        const page = await listRuns(
          store,
          programmeOf(request),
          { status, from, to },
          { limit, cursor },
          { withFailures: role === 'funder' || role === 'verifier' },
        );
        return {
          runs: page.items.map((r) => ({
            id: r.id,
            as_of: r.asOf,
            contract_version: r.contractVersion,
            status: r.status,
            paid_cents: r.paidCents,
            created_by: r.createdBy,
            created_at: r.createdAt.toISOString(),
            started_at: r.startedAt?.toISOString() ?? null,
            finished_at: r.finishedAt?.toISOString() ?? null,
            failure_reason: r.failureReason,
          })),
          next: page.next,
        };
      },
    );

    app.get(
      '/runs/:run/participants/:participant/explanation',
      {
        config: { roles: ['funder', 'provider', 'verifier'] },
        schema: {
          tags: ['runs'],
          operationId: 'explainParticipant',
          summary: "Explain a participant's outcomes in a run",
          description:
            "Why a participant was or was not paid in a succeeded run: per outcome, achieved or not and when, the reasons, the evidence the rule looked at, and the payment with the cap that cut it, if one did. Computed by the engine's explain on the run's own snapshot (its evidence pack) in a separate process; it costs about what the run cost. A provider may explain its own participants only: any other is 404. 409 while the run has not succeeded; 404 (`not_in_run`) for a participant the run does not hold.",
          params: RUN_ID.extend({ participant: z.string().min(1).max(200) }),
          response: { 200: EXPLANATION },
        },
      },
      async (request, reply) => {
        const { run, participant } = request.params;
        const explained = await explainInRun(store, run, participant, scopeOf(principal(request)));
        switch (explained.kind) {
          case 'unknown':
            throw notFound();
          case 'not_succeeded':
            throw apiError(409, 'run_not_succeeded', 'api.run.not_explainable', {
              run,
              status: explained.status,
            });
          case 'not_in_run':
            throw apiError(404, 'not_in_run', 'api.run.not_in_run', {
              participant,
              run,
              as_of: explained.asOf,
            });
          default: {
            const locale = localeOfRequest(request);
            void reply.header('content-language', locale);
            return { run, ...explainedIn(explained.answer, locale) };
          }
        }
      },
    );

    app.get(
      '/runs/:run/evidence-pack',
      {
        config: { roles: ['funder', 'verifier'] },
        schema: {
          tags: ['runs'],
          operationId: 'getEvidencePack',
          summary: "Download a run's evidence pack",
          description:
            'The zip of a succeeded run: the contract, the input snapshot, the outputs and a manifest with the SHA-256 of every file and the `resulta evaluate` command that re-creates the outputs byte for byte. 409 while the run has not succeeded.',
          params: RUN_ID,
        },
      },
      async (request, reply) => {
        const zip = await readEvidencePack(store, request.params.run);
        if (!zip)
          throw apiError(409, 'run_not_succeeded', 'api.run.no_pack', { run: request.params.run });
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
