/**
 * Administration of organisations and people: list and create organisations, list people,
 * invite them (the link goes by e-mail, never in the answer), withdraw invitations,
 * deactivate accounts, give and take away administrative roles. Who may do what:
 * services/admin-rights.ts and docs/administration.md.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AdminSettings } from '../../services/admin-settings.js';
import { inviteByMail } from '../../services/invitation-mail.js';
import {
  type InvitationView,
  listInvitations,
  withdrawInvitation,
} from '../../services/invitations.js';
import {
  createOrganisation,
  listOrganisations,
  type OrganisationView,
} from '../../services/organisations.js';
import {
  deactivateUser,
  grantRole,
  inviterName,
  listUsers,
  revokeRole,
  type UserView,
} from '../../services/users.js';
import type { Store } from '../../store/database.js';
import { localeOfRequest } from '../error-answers.js';
import {
  ADMIN_ROLE,
  administrator,
  created,
  EVERY_ROLE,
  IDENTIFIER,
  INVITATION_ROLE,
  KIND,
  LANGUAGE,
  REASON,
  USER_ID,
} from './admin-http.js';
import { errorResponses } from './admin-openapi.js';

const ADMIN = { roles: EVERY_ROLE, sessionOnly: 'administer Resulta' } as const;
const TAGS = ['admin'];

const organisationBody = z.object({
  id: z.string(),
  name: z.string(),
  kind: KIND,
  active_users: z.number().int().describe('people whose account works'),
  programmes: z.number().int().describe('programmes it funds or is a member of'),
});

const organisationRef = z.object({ id: z.string(), name: z.string(), kind: KIND });

const userBody = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  organisation: organisationRef,
  roles: z
    .array(z.object({ role: ADMIN_ROLE, programme: z.string().nullable() }))
    .describe('administrative roles; programme only for programme_admin'),
  active: z.boolean().describe('false once deactivated: the person cannot sign in'),
  created_at: z.string(),
  deactivated_at: z.string().nullable(),
});

const invitationBody = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  organisation: organisationRef,
  role: INVITATION_ROLE,
  programme: z.object({ id: z.string(), title: z.string() }).nullable(),
  language: LANGUAGE,
  invited_by: z.string(),
  created_at: z.string(),
  expires_at: z.string(),
  status: z
    .enum(['pending', 'expired', 'accepted', 'withdrawn'])
    .describe('pending until used, withdrawn or expired'),
});

const organisationView = (o: OrganisationView): z.infer<typeof organisationBody> => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  active_users: o.activeUsers,
  programmes: o.programmes,
});

export const userView = (u: UserView): z.infer<typeof userBody> => ({
  id: u.id,
  email: u.email,
  name: u.name,
  organisation: u.organisation,
  roles: u.roles.map((r) => ({ role: r.role, programme: r.programme })),
  active: u.active,
  created_at: u.createdAt.toISOString(),
  deactivated_at: u.deactivatedAt?.toISOString() ?? null,
});

const invitationView = (i: InvitationView): z.infer<typeof invitationBody> => ({
  id: i.id,
  email: i.email,
  name: i.name,
  organisation: i.organisation,
  role: i.role,
  programme: i.programme,
  language: i.language,
  invited_by: i.invitedBy,
  created_at: i.createdAt.toISOString(),
  expires_at: i.expiresAt.toISOString(),
  status: i.status,
});

const userParams = z.object({ user: USER_ID.describe('the account id, from GET /admin/users') });

export function adminPeopleRoutes(store: Store, settings: AdminSettings): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/admin/organisations',
      {
        config: ADMIN,
        schema: {
          tags: TAGS,
          operationId: 'listOrganisations',
          summary: 'List organisations',
          description:
            'Every organisation, by id, with its kind, its active people and how many programmes it takes part in. Any administrator may list them (to choose members and invite people).',
          response: {
            200: z.object({ organisations: z.array(organisationBody) }),
            ...errorResponses(401, 403),
          },
        },
      },
      async (request) => ({
        organisations: (await listOrganisations(store, administrator(request))).map(
          organisationView,
        ),
      }),
    );

    app.post(
      '/admin/organisations',
      {
        config: ADMIN,
        schema: {
          tags: TAGS,
          operationId: 'createOrganisation',
          summary: 'Create an organisation',
          description:
            "A funder, provider, verifier or investor. Its kind is its role in every programme it takes part in and never changes. Platform administrators create any kind; programme administrators create providers, verifiers and investors. Audited ('create' on 'organisation').",
          body: z
            .object({
              id: IDENTIFIER.describe('2–63 lower-case letters (a–z), digits and hyphens'),
              name: z.string().max(200),
              kind: z.string().max(20).describe('funder, provider, verifier or investor'),
            })
            .meta({
              example: { id: 'fundacion-empleo', name: 'Fundación Empleo', kind: 'provider' },
            }),
          response: { 201: organisationBody, ...errorResponses(400, 401, 403, 409, 422) },
        },
      },
      async (request, reply) =>
        created(
          reply,
          organisationView(await createOrganisation(store, administrator(request), request.body)),
        ),
    );

    app.get(
      '/admin/users',
      {
        config: ADMIN,
        schema: {
          tags: TAGS,
          operationId: 'listUsers',
          summary: 'List people',
          description:
            'People with an account, by e-mail, active or deactivated, with their organisation and administrative roles. Platform administrators see everyone; others the people of the organisations they manage and of every organisation taking part in a programme they administer.',
          querystring: z.object({
            organisation: IDENTIFIER.optional().describe('only the people of this organisation'),
          }),
          response: {
            200: z.object({ users: z.array(userBody) }),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request) => ({
        users: (
          await listUsers(store, administrator(request), {
            organisationId: request.query.organisation,
          })
        ).map(userView),
      }),
    );

    app.post(
      '/admin/users/:user/deactivate',
      {
        config: ADMIN,
        schema: {
          tags: TAGS,
          operationId: 'deactivateUser',
          summary: 'Deactivate an account',
          description:
            "The person can no longer sign in: their sessions end, their API tokens are revoked, the invitations they sent are withdrawn and their administrative roles removed, in one audited change ('deactivate' on 'user', with the reason). The account is kept (the audit log names it); an invitation to the same address into the same organisation reopens it. Nobody deactivates their own account.",
          params: userParams,
          body: z
            .object({ reason: REASON.describe('why; kept in the audit log') })
            .meta({ example: { reason: 'left the ministry on 30 November' } }),
          response: { 200: userBody, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) =>
        userView(
          await deactivateUser(
            store,
            administrator(request),
            request.params.user,
            request.body.reason,
          ),
        ),
    );

    app.post(
      '/admin/users/:user/roles',
      {
        config: ADMIN,
        schema: {
          tags: TAGS,
          operationId: 'grantRole',
          summary: 'Give an administrative role',
          description:
            "platform_admin (given by platform administrators), organisation_admin of the person's own organisation (by those who manage its people), or programme_admin of a programme the person's organisation funds (by platform administrators, that programme's administrators and administrators of its funder). Audited ('grant' on 'user').",
          params: userParams,
          body: z
            .object({
              role: ADMIN_ROLE,
              programme: IDENTIFIER.optional().describe('for programme_admin only'),
            })
            .meta({ example: { role: 'programme_admin', programme: 'empleo-joven-2027' } }),
          response: { 201: userBody, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) =>
        created(
          reply,
          userView(
            await grantRole(store, administrator(request), request.params.user, {
              role: request.body.role,
              programmeId: request.body.programme,
            }),
          ),
        ),
    );

    app.delete(
      '/admin/users/:user/roles/:role',
      {
        config: ADMIN,
        schema: {
          tags: TAGS,
          operationId: 'revokeRole',
          summary: 'Take an administrative role away',
          description:
            "The same people who may give a role may take it away. For programme_admin, name the programme in the query. Audited ('revoke' on 'user').",
          params: userParams.extend({ role: ADMIN_ROLE }),
          querystring: z.object({
            programme: IDENTIFIER.optional().describe('for programme_admin only'),
          }),
          response: { 200: userBody, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) =>
        userView(
          await revokeRole(store, administrator(request), request.params.user, {
            role: request.params.role,
            programmeId: request.query.programme,
          }),
        ),
    );

    app.get(
      '/admin/invitations',
      {
        config: ADMIN,
        schema: {
          tags: TAGS,
          operationId: 'listInvitations',
          summary: 'List open invitations',
          description:
            'Invitations neither accepted nor withdrawn (pending or expired), into organisations whose people the caller manages. Links are never shown again.',
          response: {
            200: z.object({ invitations: z.array(invitationBody) }),
            ...errorResponses(401, 403),
          },
        },
      },
      async (request) => ({
        invitations: (await listInvitations(store, administrator(request))).map(invitationView),
      }),
    );

    app.post(
      '/admin/invitations',
      {
        config: ADMIN,
        schema: {
          tags: TAGS,
          operationId: 'invite',
          summary: 'Invite a person',
          description: `Invites an e-mail address into an organisation with a role (member, organisation_admin, programme_admin with its programme, platform_admin). A one-time link is e-mailed (through RESULTA_SMTP_URL, or into the server's outbox folder when no SMTP server is configured), in \`language\` or else the request's Accept-Language; the answer never holds the link. The link works once and expires after RESULTA_INVITATION_DAYS (default 7); a newer invitation to the same address withdraws older ones. \`programme\` may name a programme the organisation takes part in, for the e-mail to mention. An address with a working account cannot be invited. 502 when the e-mail could not be sent (the invitation is then withdrawn). Audited ('invite' on 'invitation').`,
          body: z
            .object({
              email: z.string().max(320),
              name: z.string().max(200).optional().describe("the invitee's name, if known"),
              organisation: IDENTIFIER,
              role: z.string().max(40).describe(INVITATION_ROLE.options.join(', ')),
              programme: IDENTIFIER.optional(),
              language: LANGUAGE.optional().describe('of the e-mail and the acceptance page'),
            })
            .meta({
              example: {
                email: 'datos@fundacion-empleo.org.ar',
                name: 'María Gómez',
                organisation: 'fundacion-empleo',
                role: 'organisation_admin',
                programme: 'empleo-joven-2027',
                language: 'es',
              },
            }),
          response: {
            201: invitationBody.extend({
              delivered_by: z
                .enum(['smtp', 'outbox'])
                .describe("smtp, or the server's outbox folder (no SMTP server configured)"),
            }),
            ...errorResponses(400, 401, 403, 409, 422, 502),
          },
        },
      },
      async (request, reply) => {
        const admin = administrator(request);
        const { email, name, organisation, role, programme, language } = request.body;
        const sent = await inviteByMail(
          store,
          admin,
          {
            email,
            name,
            organisationId: organisation,
            role,
            programmeId: programme,
            language: language ?? localeOfRequest(request),
          },
          settings,
          await inviterName(store, admin),
        );
        return created(reply, {
          ...invitationView(sent.invitation),
          delivered_by: sent.delivery.via,
        });
      },
    );

    app.delete(
      '/admin/invitations/:invitation',
      {
        config: ADMIN,
        schema: {
          tags: TAGS,
          operationId: 'withdrawInvitation',
          summary: 'Withdraw an invitation',
          description:
            "Its link stops working. 409 when it was accepted or withdrawn already. Audited ('withdraw' on 'invitation').",
          params: z.object({ invitation: USER_ID.describe('the invitation id') }),
          response: { 200: invitationBody, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        invitationView(
          await withdrawInvitation(store, administrator(request), request.params.invitation),
        ),
    );
  };
}
