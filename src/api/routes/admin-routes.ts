/**
 * Changes to a programme's set-up: new contract versions (funder, with the reason recorded),
 * corrections of a period already paid (asked for by a funder person, approved or rejected
 * by another funder person or a verifier), and the list of versions. Administration under
 * /admin/… (organisations, people, invitations, programmes and their members:
 * admin-people-routes.ts, admin-programme-routes.ts) is registered here too, with its own
 * check of the administrator's rights. API tokens are minted and revoked under /auth/tokens,
 * invitations accepted under /invitations (auth-routes.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AdminSettings, adminSettingsFromEnv } from '../../services/admin-settings.js';
import {
  addContractVersion,
  type CorrectionDecision,
  decideCorrection,
  listContractVersions,
} from '../../services/programmes.js';
import type { Store } from '../../store/database.js';
import { principal, programmeOf } from '../access.js';
import { HttpError, notFound } from '../http-error.js';
import { PROBLEM } from '../problem-schema.js';
import { administrationHooks } from './admin-http.js';
import { adminPeopleRoutes } from './admin-people-routes.js';
import { adminProgrammeRoutes } from './admin-programme-routes.js';

const programme = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .max(100);
const STATUS = z.enum(['in_force', 'pending_correction', 'rejected']);

/**
 * `settings` default to the environment (RESULTA_SMTP_URL, RESULTA_OUTBOX, …, read once
 * here: a bad value stops the server from starting), the outbox under the store's folder.
 */
export function adminRoutes(
  store: Store,
  settings: AdminSettings = adminSettingsFromEnv(process.env, store.dataDir),
): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(async (admin) => {
      administrationHooks(admin, store);
      await admin.register(adminPeopleRoutes(store, settings));
      await admin.register(adminProgrammeRoutes(store));
    });

    app.post(
      '/programmes/:programme/contract-versions',
      {
        config: { roles: ['funder'] },
        schema: {
          tags: ['programmes'],
          operationId: 'addContractVersion',
          summary: 'Add a contract version',
          description:
            'A new version of the contract. It keeps every term of the version in force (currency, contract id, start date, eligibility, segments, the base and earlier amendments, compared as parsed) and may append amendments, move ends_on or the end of enrolment. A change reaching into a period already paid needs `correction` (a signed-in person only); it then waits as pending_correction until another person approves it.',
          params: z.object({ programme }),
          body: z.object({
            yaml: z.string().min(1).max(1_000_000),
            reason: z.string().min(3).max(2000),
            correction: z.object({ reason: z.string().min(3).max(2000) }).optional(),
          }),
          response: {
            201: z.object({
              version: z.number(),
              status: STATUS,
              affects_from: z.string().nullable(),
            }),
            409: PROBLEM,
          },
        },
      },
      async (request, reply) => {
        const who = principal(request);
        const { yaml, reason, correction } = request.body;
        if (correction && who.credential.kind !== 'session')
          throw new HttpError(
            403,
            'session_required',
            'only a signed-in person may ask for a correction',
          );
        const answer = await addContractVersion(store, who, programmeOf(request), {
          yaml,
          reason,
          ...(correction ? { correction } : {}),
        });
        if (!answer.ok)
          throw new HttpError(
            409,
            'correction_pending',
            `correction ${answer.pending} awaits a decision; approve or reject it before changing the contract again`,
          );
        return reply.status(201).send({
          version: answer.version,
          status: answer.status,
          affects_from: answer.affectsFrom,
        });
      },
    );

    app.get(
      '/programmes/:programme/contract-versions',
      {
        config: { roles: ['funder', 'provider', 'verifier', 'investor'] },
        schema: {
          tags: ['programmes'],
          operationId: 'listContractVersions',
          summary: "List a programme's contract versions",
          description:
            'Every version of the contract, oldest first, with its status; corrections with their reason and decision.',
          params: z.object({ programme }),
          response: {
            200: z.object({
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
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const versions = await listContractVersions(store, programmeOf(request));
        return {
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
          })),
        };
      },
    );

    const decisions: {
      path: CorrectionDecision;
      operationId: string;
      summary: string;
      description: string;
    }[] = [
      {
        path: 'approve',
        operationId: 'approveCorrection',
        summary: 'Approve a pending correction',
        description:
          'Puts a pending correction in force. Another person than the one who asked for it: a funder or a verifier, signed in.',
      },
      {
        path: 'reject',
        operationId: 'rejectCorrection',
        summary: 'Reject a pending correction',
        description: 'Refuses a pending correction, with a reason; the contract stays as it was.',
      },
    ];
    for (const { path, operationId, summary, description } of decisions) {
      app.post(
        `/programmes/:programme/contract-versions/:version/${path}`,
        {
          // Tokens are refused in the handler, after the membership check, so that outsiders
          // get 404 like on every programme route.
          config: { roles: ['funder', 'verifier'] },
          schema: {
            tags: ['programmes'],
            operationId,
            summary,
            description,
            params: z.object({ programme, version: z.coerce.number().int().min(1).max(1_000_000) }),
            body: z.object({ reason: z.string().max(2000).default('') }),
            response: { 200: z.object({ version: z.number(), status: STATUS }), 403: PROBLEM },
          },
        },
        async (request) => {
          const { version } = request.params;
          const who = principal(request);
          // Four eyes are two people: a token would let the one who asked approve as well.
          if (who.credential.kind !== 'session')
            throw new HttpError(
              403,
              'session_required',
              `only a signed-in person may ${path} a correction`,
            );
          const answer = await decideCorrection(
            store,
            who,
            programmeOf(request),
            version,
            path,
            request.body.reason,
          );
          if (answer.ok) return { version, status: answer.status };
          if (answer.reason === 'unknown') throw notFound();
          throw new HttpError(
            403,
            'four_eyes',
            'a correction is approved by another person than the one who asked for it',
          );
        },
      );
    }
  };
}
