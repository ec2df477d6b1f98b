/**
 * Uploads: participants (provider for its own, or funder), events (provider for its own
 * participants, funder, verifier) and employment datasets (funder, verifier). The file is
 * the request body, `?format=csv|xlsx|parquet`; it is checked whole and imported all or
 * nothing, and bad rows come back as problems with row and column (422). Participants give
 * `national_id`, never `person_key`. An employment dataset the programme already holds is
 * refused (409 naming it); `?supersedes=<id>&reason=…` replaces a dataset in force.
 * `?check=true` checks the file the same way and writes nothing (200 with its rows), so a
 * person sees every problem before anything is committed; `?columns=` is a column mapping.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../services/identity.js';
import { importUpload, type UploadKind } from '../../services/uploads.js';
import type { Store } from '../../store/database.js';
import { principal, programmeOf } from '../access.js';
import { mediaType } from '../error-answers.js';
import { apiError } from '../http-error.js';
import { answerRefusal, DATASET, datasetView, REFUSED } from './dataset-routes.js';

const FILE_TYPES = [
  'text/csv',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.apache.parquet',
];

const FILE_BODY =
  ' The file is the request body (not a multipart form), its format named by `?format=csv|xlsx|parquet`: CSV in UTF-8 (`,` or `;` as separator, as a spreadsheet writes it), an XLSX workbook (its first sheet), or Parquet. It is checked whole and imported all or nothing; bad rows answer 422 with every problem (file, row, column, what was expected).';

const targets: {
  kind: UploadKind;
  roles: Role[];
  operationId: string;
  summary: string;
  description: string;
}[] = [
  {
    kind: 'participants',
    roles: ['funder', 'provider'],
    operationId: 'uploadParticipants',
    summary: 'Enrol participants from a file',
    description: `Columns participant_id, provider_id, enrolled_on, and optionally national_id (made into a person key on the server, then dropped), birth_date and any attribute the contract reads. A provider enrols participants for itself only. A person_key column is refused.${FILE_BODY}`,
  },
  {
    kind: 'events',
    roles: ['funder', 'provider', 'verifier'],
    operationId: 'uploadEvents',
    summary: 'Report events from a file',
    description: `Columns participant_id, type, occurred_on, value, verified, source. A provider reports unverified provider events of its own participants only.${FILE_BODY}`,
  },
  {
    kind: 'employment-datasets',
    roles: ['funder', 'verifier'],
    operationId: 'uploadEmploymentDataset',
    summary: 'Upload an employment dataset',
    description: `Columns person_key, month, employer_id, earnings, from the data controller. A dataset the programme already holds, or one sharing records with a dataset in force, is refused (409 naming it); \`supersedes=<id>&reason=…\` replaces a dataset in force with its correction.${FILE_BODY}`,
  },
];

const types = FILE_TYPES.join(', ');
const noFile = () => apiError(400, 'bad_request', 'api.upload.no_file', { types });
const notAFile = (type: string) =>
  apiError(415, 'unsupported_media_type', 'api.upload.not_a_file', { type, types });

/** A column mapping: a JSON object of the sender's headers and the columns they stand for. */
function columnMapping(text: string): Map<string, string> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  const valid = entries.every(
    ([header, column]) =>
      header.trim() !== '' &&
      header.length <= 200 &&
      typeof column === 'string' &&
      /^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(column),
  );
  return valid && entries.length <= 500 ? new Map(entries as [string, string][]) : undefined;
}

const QUERY = z.object({
  format: z.enum(['csv', 'xlsx', 'parquet']),
  name: z.string().max(200).optional(),
  check: z
    .enum(['true', 'false'])
    .optional()
    .describe(
      'true: check the file whole as an import would and write nothing; 200 with the rows it holds, or the same refusals as an import',
    ),
  columns: z
    .string()
    .max(20_000)
    .refine((text) => columnMapping(text) !== undefined, {
      message: 'columns must be a JSON object of headers and column names',
    })
    .optional()
    .describe(
      'a column mapping, as JSON: {"<your header>": "<column>", …}; headers are compared trimmed and without regard to case',
    ),
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
    for (const { kind, roles, operationId, summary, description } of targets) {
      app.post(
        `/programmes/:programme/${kind}`,
        {
          config: { roles, rateLimit: { max: perMinute, timeWindow: '1 minute' } },
          schema: {
            tags: ['uploads'],
            operationId,
            summary,
            description,
            params: z.object({
              programme: z
                .string()
                .regex(/^[a-z0-9-]+$/)
                .max(100),
            }),
            querystring: kind === 'employment-datasets' ? DATASET_QUERY : QUERY,
            response: {
              200: z
                .object({ checked: z.string(), rows: z.number().int() })
                .describe('check=true: the file would be imported whole; nothing was written'),
              201: z.object({
                imported: z.string(),
                rows: z.number().int().optional().describe('participants and events imported'),
                dataset: DATASET.optional(),
              }),
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
          const columns = query.columns === undefined ? undefined : columnMapping(query.columns);
          const checkOnly = query.check === 'true';
          try {
            const imported = await importUpload(store, principal(request), programmeOf(request), {
              kind,
              format: query.format,
              bytes: request.body,
              name,
              ...supersedes,
              ...(columns ? { columns } : {}),
              ...(checkOnly ? { checkOnly } : {}),
            });
            if (checkOnly && 'rows' in imported)
              return reply.status(200).send({ checked: name, rows: imported.rows });
            return reply.status(201).send({
              imported: name,
              ...('rows' in imported ? { rows: imported.rows } : {}),
              ...('dataset' in imported ? { dataset: datasetView(imported.dataset) } : {}),
            });
          } catch (error) {
            return answerRefusal(error);
          }
        },
      );
    }
  };
}
