/**
 * Verification: draw a reproducible sample (verifier), read it (verifier, funder), decide
 * each sampled event with a reason and evidence (verifier), and error rates per provider
 * (every member; aggregates only).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decideSampledEvent, drawSample, errorRates } from '../../services/verification.js';
import type { Store } from '../../store/database.js';
import { assertInProgramme, assertOwnedInProgramme, principal } from '../access.js';

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
        const who = principal(request);
        await assertInProgramme(store, who, request.params.programme);
        const sample = await drawSample(
          store,
          who,
          request.params.programme,
          request.body.size,
          request.body.seed,
        );
        return reply.status(201).send(sample);
      },
    );

    app.get(
      '/samples/:sample',
      {
        config: { roles: ['verifier', 'funder'] },
        schema: {
          tags: ['verification'],
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
      async (request) => {
        const who = principal(request);
        await assertOwnedInProgramme(store, who, 'verification_samples', request.params.sample);
        const sample = await store.db
          .selectFrom('verification_samples')
          .select(['id', 'seed'])
          .where('id', '=', request.params.sample)
          .executeTakeFirstOrThrow();
        const events = await store.db
          .selectFrom('verification_sample_events as s')
          .innerJoin('events as e', 'e.id', 's.event_id')
          .select(['s.event_id', 'e.participant_id', 'e.type', 'e.occurred_on', 's.decision'])
          .where('s.sample_id', '=', request.params.sample)
          .orderBy('s.draw')
          .execute();
        return { id: sample.id, seed: sample.seed, events };
      },
    );

    app.post(
      '/samples/:sample/events/:event',
      {
        config: { roles: ['verifier'] },
        schema: {
          tags: ['verification'],
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
        const who = principal(request);
        await assertOwnedInProgramme(store, who, 'verification_samples', request.params.sample);
        const { decision, reason, evidence_base64 } = request.body;
        const evidence = evidence_base64 ? Buffer.from(evidence_base64, 'base64') : undefined;
        await decideSampledEvent(store, who, request.params.sample, request.params.event, {
          decision,
          reason,
          ...(evidence ? { evidence } : {}),
        });
        return { event_id: request.params.event, decision };
      },
    );

    app.get(
      '/programmes/:programme/verification/error-rates',
      {
        config: { roles: ['funder', 'provider', 'verifier', 'investor'] },
        schema: {
          tags: ['verification'],
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
        const who = principal(request);
        await assertInProgramme(store, who, request.params.programme);
        const rates = await errorRates(store, request.params.programme);
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
