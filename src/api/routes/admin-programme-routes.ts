/**
 * Administration of programmes: list those the caller administers, create one (without a
 * contract), list, add and remove its member organisations, and set its contract from a
 * YAML file (problems with line and column). Paths name the programme as `:programmeId`,
 * not `:programme`: administering a programme does not need taking part in it (a platform
 * administrator may work for no organisation of it), so the membership check of programme
 * routes does not apply; the administrator's right to it does (404 otherwise).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addMember,
  createAdministeredProgramme,
  listAdministeredProgrammes,
  type ProgrammeMembers,
  type ProgrammeSummary,
  programmeMembers,
  removeMember,
  setProgrammeContract,
} from '../../services/programme-administration.js';
import type { Store } from '../../store/database.js';
import { administrator, created, EVERY_ROLE, IDENTIFIER, KIND, REASON } from './admin-http.js';
import { errorResponses } from './admin-openapi.js';

const ADMIN = { roles: EVERY_ROLE, sessionOnly: 'administer Resulta' } as const;
const TAGS = ['admin'];

const programmeBody = z.object({
  id: z.string(),
  title: z.string(),
  funder: z.object({ id: z.string(), name: z.string() }),
  created_at: z.string(),
  contract_version: z
    .number()
    .int()
    .nullable()
    .describe('the contract version in force; null until a contract is set'),
  members: z.number().int().describe('member organisations besides the funder'),
});

const organisationBody = z.object({
  id: z.string(),
  name: z.string(),
  kind: KIND,
  active_users: z.number().int(),
});

const membersBody = z.object({
  programme: z.object({ id: z.string(), title: z.string() }),
  funder: organisationBody,
  members: z.array(organisationBody).describe('providers, verifiers and investors'),
  administrators: z
    .array(z.object({ id: z.string(), email: z.string(), name: z.string(), active: z.boolean() }))
    .describe('people of the funder who administer the programme'),
});

const programmeView = (p: ProgrammeSummary): z.infer<typeof programmeBody> => ({
  id: p.id,
  title: p.title,
  funder: p.funder,
  created_at: p.createdAt.toISOString(),
  contract_version: p.contractVersion,
  members: p.members,
});

const membersView = (m: ProgrammeMembers): z.infer<typeof membersBody> => {
  const organisation = (o: ProgrammeMembers['funder']) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    active_users: o.activeUsers,
  });
  return {
    programme: m.programme,
    funder: organisation(m.funder),
    members: m.members.map(organisation),
    administrators: m.administrators.map((a) => ({ ...a })),
  };
};

const programmeParams = z.object({ programmeId: IDENTIFIER.describe('the programme id') });

export function adminProgrammeRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/admin/programmes',
      {
        config: ADMIN,
        schema: {
          tags: TAGS,
          operationId: 'listAdministeredProgrammes',
          summary: 'List the programmes you administer',
          description:
            'Every programme for a platform administrator; those the caller administers otherwise. With the funder, the contract version in force (null before a contract is set) and the number of members.',
          response: {
            200: z.object({ programmes: z.array(programmeBody) }),
            ...errorResponses(401, 403),
          },
        },
      },
      async (request) => ({
        programmes: (await listAdministeredProgrammes(store, administrator(request))).map(
          programmeView,
        ),
      }),
    );

    app.post(
      '/admin/programmes',
      {
        config: ADMIN,
        schema: {
          tags: TAGS,
          operationId: 'createProgramme',
          summary: 'Create a programme',
          description:
            "A programme funded by an organisation of kind funder, without a contract yet (set it with POST /admin/programmes/{programmeId}/contract). Platform administrators create any; administrators of a funder organisation create programmes it funds. A creator who works for the funder becomes the programme's first administrator. Audited ('create' on 'programme').",
          body: z
            .object({
              id: IDENTIFIER.describe('2–63 lower-case letters (a–z), digits and hyphens'),
              title: z.string().max(300),
              funder: IDENTIFIER.describe('the id of an organisation of kind funder'),
            })
            .meta({
              example: {
                id: 'empleo-joven-2027',
                title: 'Empleo joven 2027 — contrato por resultados',
                funder: 'ministerio-trabajo',
              },
            }),
          response: { 201: programmeBody, ...errorResponses(400, 401, 403, 409, 422) },
        },
      },
      async (request, reply) => {
        const { id, title, funder } = request.body;
        return created(
          reply,
          programmeView(
            await createAdministeredProgramme(store, administrator(request), {
              id,
              title,
              funderId: funder,
            }),
          ),
        );
      },
    );

    app.get(
      '/admin/programmes/:programmeId/members',
      {
        config: ADMIN,
        schema: {
          tags: TAGS,
          operationId: 'listProgrammeMembers',
          summary: "List a programme's members and administrators",
          description:
            'Its funder, its member organisations (providers, verifiers, investors) with their active people, and the people who administer it.',
          params: programmeParams,
          response: { 200: membersBody, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        membersView(
          await programmeMembers(store, administrator(request), request.params.programmeId),
        ),
    );

    app.post(
      '/admin/programmes/:programmeId/members',
      {
        config: ADMIN,
        schema: {
          tags: TAGS,
          operationId: 'addProgrammeMember',
          summary: 'Add a member organisation',
          description:
            "A provider, verifier or investor joins the programme: its people see it from now on, as its kind allows. Audited ('add_member' on 'programme').",
          params: programmeParams,
          body: z
            .object({ organisation: IDENTIFIER })
            .meta({ example: { organisation: 'fundacion-empleo' } }),
          response: { 201: membersBody, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) =>
        created(
          reply,
          membersView(
            await addMember(
              store,
              administrator(request),
              request.params.programmeId,
              request.body.organisation,
            ),
          ),
        ),
    );

    app.delete(
      '/admin/programmes/:programmeId/members/:organisation',
      {
        config: ADMIN,
        schema: {
          tags: TAGS,
          operationId: 'removeProgrammeMember',
          summary: 'Remove a member organisation',
          description:
            "Its people no longer see the programme. What it imported stays, and so do bills and payments. The reason (query) is kept in the audit log ('remove_member' on 'programme').",
          params: programmeParams.extend({ organisation: IDENTIFIER }),
          querystring: z.object({ reason: REASON.describe('why; required') }),
          response: { 200: membersBody, ...errorResponses(400, 401, 403, 404, 422) },
        },
      },
      async (request) =>
        membersView(
          await removeMember(
            store,
            administrator(request),
            request.params.programmeId,
            request.params.organisation,
            request.query.reason,
          ),
        ),
    );

    app.post(
      '/admin/programmes/:programmeId/contract',
      {
        config: ADMIN,
        schema: {
          tags: TAGS,
          operationId: 'setProgrammeContract',
          summary: "Set a programme's contract from YAML",
          description:
            "The contract file's text, checked by the same parser as `resulta validate`: every problem comes back (422) with its line and column. A programme without a contract gets version 1; one with a contract gets a new version under the rules of POST /programmes/{programme}/contract-versions (it keeps every term in force and may append amendments; a reason is required). Audited ('create' on 'contract_version').",
          params: programmeParams,
          body: z
            .object({
              yaml: z.string().min(1).max(1_000_000).describe('the contract file, as text'),
              reason: REASON.optional().describe('why; required once the programme has a contract'),
            })
            .meta({
              example: {
                yaml: 'contract: empleo-joven-2027\ncurrency: ARS\n…',
                reason: 'contrato firmado el 15 de enero de 2027',
              },
            }),
          response: {
            201: z.object({
              version: z.number().int(),
              status: z.enum(['in_force', 'pending_correction', 'rejected']),
              affects_from: z.string().nullable(),
            }),
            ...errorResponses(400, 401, 403, 404, 409, 422),
          },
        },
      },
      async (request, reply) => {
        const set = await setProgrammeContract(
          store,
          administrator(request),
          request.params.programmeId,
          {
            yaml: request.body.yaml,
            ...(request.body.reason ? { reason: request.body.reason } : {}),
          },
        );
        return created(reply, {
          version: set.version,
          status: set.status,
          affects_from: set.affectsFrom,
        });
      },
    );
  };
}
