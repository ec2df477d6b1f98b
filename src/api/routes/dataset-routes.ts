/**
 * Employment datasets and shared person keys, for those who answer for the data: funders and
 * verifiers list a programme's datasets with their lifecycle, withdraw one with a reason, and
 * see which datasets a run read; they see the person keys several participants share, and a
 * verifier decides whose each is. Providers and investors get 403: the list would show one
 * provider another's participants. Uploading (and superseding) is in upload-routes.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type Dataset,
  DatasetRefusal,
  datasetsOfRun,
  listDatasets,
  withdrawDataset,
} from '../../services/datasets.js';
import {
  decideSharedKey,
  listSharedKeys,
  type SharedKey,
} from '../../services/shared-person-keys.js';
import type { Store } from '../../store/database.js';
import { principal, programmeOf } from '../access.js';
import { HttpError, notFound } from '../http-error.js';
import { PROBLEM } from '../problem-schema.js';

const PROGRAMME = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .max(100);
const ID = z.string().regex(/^\d{1,18}$/);
const REASON = z.string().max(2000).describe('why; required, not blank');

export const DATASET = z.object({
  id: z.string(),
  name: z.string().describe('the file name it was uploaded under'),
  sha256: z.string().describe('SHA-256 of the canonical Parquet Resulta keeps'),
  source_sha256: z.string().nullable().describe('SHA-256 of the bytes as uploaded'),
  rows: z.number().int(),
  uploaded_by: z.string(),
  uploaded_at: z.string(),
  status: z
    .enum(['in_force', 'superseded', 'withdrawn'])
    .describe('runs read the datasets in force only'),
  superseded_by: z.string().nullable(),
  ended_by: z.string().nullable().describe('who superseded or withdrew it'),
  ended_at: z.string().nullable(),
  reason: z.string().nullable().describe('why it was superseded or withdrawn'),
});

export function datasetView(d: Dataset): z.infer<typeof DATASET> {
  return {
    id: d.id,
    name: d.name,
    sha256: d.sha256,
    source_sha256: d.sourceSha256,
    rows: d.rows,
    uploaded_by: d.uploadedBy,
    uploaded_at: d.uploadedAt.toISOString(),
    status: d.status,
    superseded_by: d.supersededBy,
    ended_by: d.endedBy,
    ended_at: d.endedAt?.toISOString() ?? null,
    reason: d.reason,
  };
}

export const REFUSED = PROBLEM.extend({
  dataset: DATASET.optional().describe('the dataset already held, or no longer in force'),
});

/** 409 naming the dataset held or ended; 404 for a dataset the programme does not have. */
export function answerRefusal(refusal: unknown): never {
  if (!(refusal instanceof DatasetRefusal)) throw refusal;
  if (refusal.kind === 'unknown') throw notFound();
  const error = new HttpError(409, `dataset_${refusal.kind}`, refusal.message);
  if (refusal.dataset) error.extensions = { dataset: datasetView(refusal.dataset) };
  throw error;
}

const SHARED_KEY = z.object({
  person_key: z.string(),
  held: z.boolean().describe('true while a participant of the key is held from bills'),
  participants: z.array(
    z.object({
      participant_id: z.string(),
      provider_id: z.string(),
      enrolled_on: z.string(),
      standing: z
        .enum(['held', 'theirs', 'not_theirs'])
        .describe('held until a decision covers it; then whether the key is theirs'),
    }),
  ),
  decision: z
    .object({ id: z.string(), reason: z.string(), decided_by: z.string(), decided_at: z.string() })
    .nullable()
    .describe('the latest decision on the key'),
});

function sharedKeyView(k: SharedKey): z.infer<typeof SHARED_KEY> {
  return {
    person_key: k.personKey,
    held: k.held,
    participants: k.participants.map((p) => ({
      participant_id: p.participantId,
      provider_id: p.providerId,
      enrolled_on: p.enrolledOn,
      standing: p.standing,
    })),
    decision: k.decision && {
      id: k.decision.id,
      reason: k.decision.reason,
      decided_by: k.decision.decidedBy,
      decided_at: k.decision.decidedAt.toISOString(),
    },
  };
}

export function datasetRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/programmes/:programme/employment-datasets',
      {
        config: { roles: ['funder', 'verifier'] },
        schema: {
          tags: ['datasets'],
          operationId: 'listEmploymentDatasets',
          summary: "List a programme's employment datasets",
          description:
            "The programme's employment datasets, oldest first, with their lifecycle: in force, superseded (by which) or withdrawn, with who, when and why.",
          params: z.object({ programme: PROGRAMME }),
          response: { 200: z.object({ datasets: z.array(DATASET) }) },
        },
      },
      async (request) => ({
        datasets: (await listDatasets(store, programmeOf(request))).map(datasetView),
      }),
    );

    app.post(
      '/programmes/:programme/employment-datasets/:dataset/withdraw',
      {
        config: { roles: ['funder', 'verifier'] },
        schema: {
          tags: ['datasets'],
          operationId: 'withdrawEmploymentDataset',
          summary: 'Withdraw an employment dataset',
          description:
            'Withdraws a dataset in force, with a reason: later runs no longer read it, and the next bill takes back what it paid. 409 when it is no longer in force.',
          params: z.object({ programme: PROGRAMME, dataset: ID }),
          body: z.object({ reason: REASON }),
          response: { 200: DATASET, 409: REFUSED },
        },
      },
      async (request) => {
        try {
          const withdrawn = await withdrawDataset(
            store,
            principal(request),
            programmeOf(request),
            request.params.dataset,
            request.body.reason,
          );
          return datasetView(withdrawn);
        } catch (error) {
          return answerRefusal(error);
        }
      },
    );

    app.get(
      '/runs/:run/employment-datasets',
      {
        config: { roles: ['funder', 'verifier'] },
        schema: {
          tags: ['datasets'],
          operationId: 'listRunEmploymentDatasets',
          summary: 'The employment datasets a run read',
          description:
            'The employment datasets the run read, in the order it read them, as they stand now.',
          params: z.object({ run: ID }),
          response: { 200: z.object({ datasets: z.array(DATASET) }) },
        },
      },
      async (request) => ({
        datasets: (await datasetsOfRun(store, request.params.run)).map(datasetView),
      }),
    );

    app.get(
      '/programmes/:programme/shared-person-keys',
      {
        config: { roles: ['funder', 'verifier'] },
        schema: {
          tags: ['datasets'],
          operationId: 'listSharedPersonKeys',
          summary: 'List person keys shared by several participants',
          description:
            'Person keys held by more than one participant, each with its participants and the latest decision. Participants no decision covers are held from bills.',
          params: z.object({ programme: PROGRAMME }),
          response: { 200: z.object({ keys: z.array(SHARED_KEY) }) },
        },
      },
      async (request) => ({
        keys: (await listSharedKeys(store.db, programmeOf(request))).map(sharedKeyView),
      }),
    );

    app.post(
      '/programmes/:programme/shared-person-keys/:key/decision',
      {
        config: { roles: ['verifier'] },
        schema: {
          tags: ['datasets'],
          operationId: 'decideSharedPersonKey',
          summary: 'Decide whose a shared person key is',
          description:
            "Decides which of a shared key's participants it belongs to (none, one or several); the others are evaluated without employment records.",
          params: z.object({ programme: PROGRAMME, key: z.string().min(1).max(200) }),
          body: z.object({
            belongs_to: z.array(z.string().min(1).max(200)).max(1000),
            reason: REASON,
          }),
          response: { 200: SHARED_KEY },
        },
      },
      async (request) => {
        const decided = await decideSharedKey(
          store,
          principal(request),
          programmeOf(request),
          request.params.key,
          request.body.belongs_to,
          request.body.reason,
        );
        if (!decided) throw notFound();
        return sharedKeyView(decided);
      },
    );
  };
}
