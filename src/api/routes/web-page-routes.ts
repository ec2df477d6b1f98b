/**
 * Reads shaped for the web app's pages (issue #9), each one view in one request: the
 * participant search (id prefix, provider, segment, eligibility, outcome status; keyset
 * pages; participant-search.ts) and the contract with the file of every version
 * (contract-texts.ts). Only translates HTTP: the services decide what the caller sees.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contractTexts } from '../../services/contract-texts.js';
import { STATUS_FILTERS, searchParticipants } from '../../services/participant-search.js';
import { scopeOf } from '../../services/provider-scope.js';
import type { Store } from '../../store/database.js';
import { principal, programmeOf } from '../access.js';

const programmeParams = z.object({
  programme: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(100),
});

const name = z.string().trim().min(1).max(200);

const SEARCH_QUERY = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('the start of the participant id, as typed (ids are compared as text)'),
  provider: name.optional().describe("only this provider's (a provider sees only its own)"),
  segment: name.optional().describe('only this segment, in the latest run'),
  eligible: z.enum(['yes', 'no']).optional().describe('eligible or not, in the latest run'),
  outcome: name
    .optional()
    .describe('the outcome `status` is about (any outcome when absent); alone, achieved it'),
  status: z
    .enum(STATUS_FILTERS)
    .optional()
    .describe(
      "in the latest run: achieved or not_achieved (with no outcome: achieved nothing), capped (any cap cut it, fully or partly), or an achievement's exact status",
    ),
  after: z.string().max(200).optional().describe('`next` of the page before'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const FOUND = z.object({
  participant_id: z.string(),
  provider_id: z.string(),
  enrolled_on: z.string(),
  in_run: z.boolean().describe('enrolled by the run’s as-of day; the fields below are the run’s'),
  segment: z.string().nullable(),
  eligible: z.boolean().nullable(),
  achievements: z.array(
    z.object({ outcome_id: z.string(), status: z.string(), amount_cents: z.number() }),
  ),
});

const STATUS = z.enum(['in_force', 'pending_correction', 'rejected']);

const CONTRACT = z.object({
  in_force: z
    .object({ version: z.number(), title: z.string(), currency: z.string() })
    .nullable()
    .describe('the latest version in force, its title and currency; null before any'),
  versions: z.array(
    z.object({
      version: z.number(),
      status: STATUS,
      sha256: z.string(),
      reason: z.string(),
      created_by: z.string(),
      created_at: z.string(),
      affects_from: z.string().nullable(),
      correction: z
        .object({
          reason: z.string(),
          decided_by: z.string().nullable(),
          decided_at: z.string().nullable(),
          decision_reason: z.string().nullable(),
        })
        .nullable(),
      yaml: z.string().describe('the contract file, byte for byte'),
    }),
  ),
});

export function webPageRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/programmes/:programme/participant-search',
      {
        config: { roles: ['funder', 'provider', 'verifier'] },
        schema: {
          tags: ['programmes'],
          operationId: 'searchParticipants',
          summary: "Search a programme's participants",
          description:
            "A page of participants by id prefix, provider, and in the latest succeeded run by segment, eligibility and outcome status, each with its segment, eligibility and achievements in that run. Keyset pages in id order: pass `next` as `after` until it is null. A provider sees its own participants only; investors none (403). Filters on the run wait, the first time after a run, for the run's standings to be read (seconds on a million participants).",
          params: programmeParams,
          querystring: SEARCH_QUERY,
          response: {
            200: z.object({
              run: z
                .object({ id: z.string(), as_of: z.string(), contract_version: z.number() })
                .nullable()
                .describe('the run segment, eligibility and statuses are from'),
              facets: z
                .object({
                  providers: z.array(z.object({ id: z.string(), name: z.string() })),
                  segments: z.array(z.string()),
                  outcomes: z.array(z.string()),
                  currency: z.string().nullable(),
                })
                .describe(
                  "what the filters can be set to (the caller's providers; the segments and outcomes of the run's contract) and the currency of amounts",
                ),
              participants: z.array(FOUND),
              next: z.string().nullable(),
            }),
          },
        },
      },
      async (request) => {
        const { after, limit, eligible, ...filters } = request.query;
        const answer = await searchParticipants(
          store,
          programmeOf(request),
          scopeOf(principal(request)),
          { ...filters, eligible: eligible === undefined ? undefined : eligible === 'yes' },
          { after, limit },
        );
        const run = answer.run;
        return {
          run: run && { id: run.id, as_of: run.asOf, contract_version: run.contractVersion },
          facets: {
            providers: answer.facets.providers.map((p) => ({ ...p })),
            segments: [...answer.facets.segments],
            outcomes: [...answer.facets.outcomes],
            currency: answer.facets.currency,
          },
          participants: answer.participants.map((p) => ({
            participant_id: p.participantId,
            provider_id: p.providerId,
            enrolled_on: p.enrolledOn,
            in_run: p.inRun,
            segment: p.segment,
            eligible: p.eligible,
            achievements: p.achievements.map((a) => ({
              outcome_id: a.outcomeId,
              status: a.status,
              amount_cents: a.amountCents,
            })),
          })),
          next: answer.next,
        };
      },
    );

    app.get(
      '/programmes/:programme/contract',
      {
        config: { roles: ['funder', 'provider', 'verifier', 'investor'] },
        schema: {
          tags: ['programmes'],
          operationId: 'getContract',
          summary: "Read a programme's contract, every version",
          description:
            'Every version of the contract, oldest first, with its file, status, who made it, when and why (as GET /programmes/{programme}/contract-versions), and which is in force.',
          params: programmeParams,
          response: { 200: CONTRACT },
        },
      },
      async (request) => {
        const { versions, inForce } = await contractTexts(store, programmeOf(request));
        return {
          in_force: inForce && { ...inForce },
          versions: versions.map((v) => ({
            version: v.version,
            status: v.status,
            sha256: v.sha256,
            reason: v.reason,
            created_by: v.createdBy,
            created_at: v.createdAt.toISOString(),
            affects_from: v.affectsFrom,
            correction: v.correction && {
              reason: v.correction.reason,
              decided_by: v.correction.decidedBy,
              decided_at: v.correction.decidedAt?.toISOString() ?? null,
              decision_reason: v.correction.decisionReason,
            },
            yaml: v.yaml,
          })),
        };
      },
    );
  };
}
