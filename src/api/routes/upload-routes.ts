/**
 * Uploads: participants (provider for its own, or funder), events (provider for its own
 * participants, funder, verifier) and employment datasets (funder, verifier). The file is
 * the request body, `?format=csv|xlsx|parquet`; it is checked whole and imported all or
 * nothing, and bad rows come back as problems with row and column (422). Participants give
 * `national_id`, never `person_key`. An employment dataset the programme already holds is
 * refused (409 naming it); `?supersedes=<id>&reason=…` replaces a dataset in force.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../services/identity.js';
import { importUpload, type UploadKind } from '../../services/uploads.js';
import type { Store } from '../../store/database.js';
import { principal, programmeOf } from '../access.js';
import { mediaType } from '../error-answers.js';
import { HttpError } from '../http-error.js';
import { answerRefusal, DATASET, datasetView, REFUSED } from './dataset-routes.js';

const FILE_TYPES = [
  'text/csv',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.apache.parquet',
];

const targets: { kind: UploadKind; roles: Role[] }[] = [
  { kind: 'participants', roles: ['funder', 'provider'] },
  { kind: 'events', roles: ['funder', 'provider', 'verifier'] },
  { kind: 'employment-datasets', roles: ['funder', 'verifier'] },
];

const SEND_A_FILE = `send the file as the request body, with content-type ${FILE_TYPES.join(', ')}`;
const noFile = () => new HttpError(400, 'bad_request', SEND_A_FILE);
const notAFile = (type: string) =>
  new HttpError(415, 'unsupported_media_type', `${type} is not a file: ${SEND_A_FILE}`);

const QUERY = z.object({
  format: z.enum(['csv', 'xlsx', 'parquet']),
  name: z.string().max(200).optional(),
});
const DATASET_QUERY = QUERY.extend({
  supersedes: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional()
    .describe('the id of the dataset in force that this one corrects'),
  reason: z
    .string()
    .max(2000)
    .optional()
    .describe('why it is superseded; required with supersedes'),
});

export function uploadRoutes(store: Store, perMinute: number): FastifyPluginAsyncZod {
  return async (app) => {
    // Uploads read files only: any other content type (JSON included) is refused without
    // reading its body, rather than parsed and then found not to be a file.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    app.addContentTypeParser('*', (request, _payload, done) =>
      done(notAFile(mediaType(request.headers['content-type'])), undefined),
    );
    for (const { kind, roles } of targets) {
      app.post(
        `/programmes/:programme/${kind}`,
        {
          config: { roles, rateLimit: { max: perMinute, timeWindow: '1 minute' } },
          schema: {
            tags: ['uploads'],
            params: z.object({
              programme: z
                .string()
                .regex(/^[a-z0-9-]+$/)
                .max(100),
            }),
            querystring: kind === 'employment-datasets' ? DATASET_QUERY : QUERY,
            response: {
              201: z.object({ imported: z.string(), dataset: DATASET.optional() }),
              ...(kind === 'employment-datasets' ? { 409: REFUSED } : {}),
            },
          },
        },
        async (request, reply) => {
          // The file parser above gives a Buffer; anything else (no body, JSON) is no file.
          if (!Buffer.isBuffer(request.body)) throw noFile();
          const query: z.infer<typeof DATASET_QUERY> = request.query;
          const name = query.name ?? `${kind}.${query.format}`;
          const supersedes =
            query.supersedes === undefined
              ? {}
              : { supersedes: { id: query.supersedes, reason: query.reason ?? '' } };
          try {
            const imported = await importUpload(store, principal(request), programmeOf(request), {
              kind,
              format: query.format,
              bytes: request.body,
              name,
              ...supersedes,
            });
            return reply.status(201).send({
              imported: name,
              ...('dataset' in imported ? { dataset: datasetView(imported.dataset) } : {}),
            });
          } catch (error) {
            return answerRefusal(error, reply);
          }
        },
      );
    }
  };
}
