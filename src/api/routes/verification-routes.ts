/**
 * Verification: draw a reproducible sample (verifier), list and read them (verifier, funder), decide
 * each sampled event with a reason and evidence (verifier), and error rates per provider
 * (every member; aggregates only).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../services/provider-scope.js';
import { listSamples } from '../../services/sample-reads.js';
import {
  decideSampledEvent,
  drawSample,
  errorRates,
  readSample,
} from '../../services/verification.js';
import type { Store } from '../../store/database.js';
import { principal, programmeOf } from '../access.js';

const programmeParams = z.object({
  programme: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(100),
});
const sampleParams = z.object({ sample: z.string().regex(/^\d{1,18}$/) });

export function verificationRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/programmes/:programme/verification/samples',
      {
        config: { roles: ['verifier'] },
        schema: {
          tags: ['verification'],
          operationId: 'drawSample',
          summary: 'Draw a verification sample',
          description:
            'Ranks every unverified provider event of the programme by SHA-256 of the seed and its id and takes the first `size`: anyone with the seed and the same events draws the same sample. A random seed is made when none is sent.',
          params: programmeParams,
          body: z.object({
            size: z.number().int().min(1).max(10_000),
            seed: z.string().min(8).max(200).optional(),
          }),
          response: {
            201: z.object({ id: z.string(), seed: z.string(), events: z.array(z.string()) }),
          },
        },
      },
      async (request, reply) => {
        const sample = await drawSample(
          store,
          principal(request),
          programmeOf(request),
          request.body.size,
          request.body.seed,
        );
        return reply.status(201).send(sample);
      },
    );

    app.get(
      '/programmes/:programme/samples',
      {
        config: { roles: ['verifier', 'funder'] },
        schema: {
          tags: ['verification'],
          operationId: 'listSamples',
          summary: "List a programme's verification samples",
          description:
            'The verification samples of a programme, newest first, a page at a time (follow `next` as `cursor`): seed, population drawn from, size, and how many of its events are decided and rejected so far. GET /samples/{sample} lists its events.',
          params: programmeParams,
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(500).default(50),
            cursor: z
              .string()
              .regex(/^\d{1,18}$/)
              .optional()
              .describe('`next` of the page before; absent for the first page'),
          }),
          response: {
            200: z.object({
              samples: z.array(
                z.object({
                  id: z.string(),
                  seed: z.string(),
                  population: z.number().int(),
                  size: z.number().int(),
                  decided: z.number().int(),
                  rejected: z.number().int(),
                  created_by: z.string(),
                  created_at: z.string(),
                }),
              ),
              next: z.string().nullable(),
            }),
          },
        },
      },
      async (request) => {
        const page = await listSamples(
          store,
          programmeOf(request),
          scopeOf(principal(request)),
          request.query,
        );
        return {
          samples: page.items.map((s) => ({
            id: s.id,
            seed: s.seed,
            population: s.population,
            size: s.size,
            decided: s.decided,
            rejected: s.rejected,
            created_by: s.createdBy,
            created_at: s.createdAt.toISOString(),
          })),
          next: page.next,
        };
      },
    );

    app.get(
      '/samples/:sample',
      {
        config: { roles: ['verifier', 'funder'] },
        schema: {
          tags: ['verification'],
          operationId: 'getSample',
          summary: 'Read a verification sample',
          description:
            'A sample: its seed and its events in draw order, each with its participant, type, day and decision so far.',
          params: sampleParams,
          response: {
            200: z.object({
              id: z.string(),
              seed: z.string(),
              events: z.array(
                z.object({
                  event_id: z.string(),
                  participant_id: z.string(),
                  type: z.string(),
                  occurred_on: z.string(),
                  decision: z.string().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => readSample(store, request.params.sample, scopeOf(principal(request))),
    );

    app.post(
      '/samples/:sample/events/:event',
      {
        config: { roles: ['verifier'] },
        schema: {
          tags: ['verification'],
          operationId: 'decideSampledEvent',
          summary: 'Decide a sampled event',
          description:
            'A verifier verifies or rejects one event of a sample; a rejection needs a reason. Evidence (a scan, a signed sheet) may be sent base64-encoded and is kept by its SHA-256. The event itself then counts as verified or rejected in later runs.',
          params: sampleParams.extend({ event: z.string().regex(/^\d{1,18}$/) }),
          body: z.object({
            decision: z.enum(['verified', 'rejected']),
            reason: z.string().max(2000).default(''),
            evidence_base64: z.string().max(20_000_000).optional(),
          }),
          response: { 200: z.object({ event_id: z.string(), decision: z.string() }) },
        },
      },
      async (request) => {
        const { decision, reason, evidence_base64 } = request.body;
        const evidence = evidence_base64 ? Buffer.from(evidence_base64, 'base64') : undefined;
        await decideSampledEvent(
          store,
          principal(request),
          request.params.sample,
          request.params.event,
          {
            decision,
            reason,
            ...(evidence ? { evidence } : {}),
          },
        );
        return { event_id: request.params.event, decision };
      },
    );

    app.get(
      '/programmes/:programme/verification/error-rates',
      {
        config: { roles: ['funder', 'provider', 'verifier', 'investor'] },
        schema: {
          tags: ['verification'],
          operationId: 'getErrorRates',
          summary: 'Verification error rates per provider',
          description:
            'Per provider: sampled events, decided, rejected, and the error rate (rejected ÷ decided; null before any decision). Aggregates only, for every member.',
          params: programmeParams,
          response: {
            200: z.object({
              providers: z.array(
                z.object({
                  provider_id: z.string(),
                  sampled: z.number(),
                  decided: z.number(),
                  rejected: z.number(),
                  error_rate: z.number().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const rates = await errorRates(store, programmeOf(request));
        return {
          providers: rates.map((r) => ({
            provider_id: r.providerId,
            sampled: r.sampled,
            decided: r.decided,
            rejected: r.rejected,
            error_rate: r.errorRate,
          })),
        };
      },
    );
  };
}
