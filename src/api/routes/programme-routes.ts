/**
 * Programme reads: the caller and its programmes (every role), the dashboard (aggregates
 * only, for every member), the participant list (keyset pagination by participant_id) and
 * one participant with its events, employment months and achievements (a provider sees only
 * its own participants, any other is 404; an investor none), and the imports (a provider
 * sees only its own organisation's).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatCents } from '../../domain/money.js';
import { openPersonMonthsReader } from '../../engine/person-months.js';
import { listImports } from '../../services/import-reads.js';
import { listParticipants } from '../../services/participant-list.js';
import { type ParticipantDetail, participantDetail } from '../../services/participant-reads.js';
import { programmeDashboard } from '../../services/programme-dashboard.js';
import { programmesOf, whoIs } from '../../services/programme-reads.js';
import { scopeOf } from '../../services/provider-scope.js';
import { rolesOf } from '../../services/users.js';
import type { Store } from '../../store/database.js';
import { principal, programmeOf } from '../access.js';
import { notFound } from '../http-error.js';

const EVERY_ROLE = ['funder', 'provider', 'verifier', 'investor'] as const;
const ROLE = z.enum(EVERY_ROLE);

const PARTICIPANT = z.object({
  participant_id: z.string(),
  provider_id: z.string(),
  enrolled_on: z.string(),
  birth_date: z.string().nullable(),
  attributes: z.record(z.string(), z.string()).describe('the other columns it was enrolled with'),
  employment_key: z
    .enum(['none', 'matched', 'not_theirs'])
    .describe(
      'none: no person key, so no employment can match; not_theirs: a verifier decided its shared key is not theirs; matched: its months are below',
    ),
  events: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      occurred_on: z.string(),
      value: z.string().nullable(),
      source: z.enum(['provider', 'admin', 'verifier']),
      verification: z.enum(['unverified', 'verified', 'rejected']),
    }),
  ),
  employment_months: z
    .array(z.object({ month: z.string(), earnings: z.string(), employers: z.number().int() }))
    .describe('earnings per month, summed over employers, from the datasets in force'),
  run: z
    .object({ id: z.string(), as_of: z.string() })
    .nullable()
    .describe('the run the achievements are from; null before any run succeeded'),
  achievements: z.array(
    z.object({
      outcome_id: z.string(),
      achieved_on: z.string(),
      version: z.string(),
      price_cents: z.number(),
      amount_cents: z.number(),
      status: z.string(),
    }),
  ),
  paid: z
    .array(z.object({ outcome_id: z.string(), amount_cents: z.number() }))
    .describe('what the ledger has paid for it, per outcome'),
});

function participantView(p: ParticipantDetail): z.infer<typeof PARTICIPANT> {
  return {
    participant_id: p.participantId,
    provider_id: p.providerId,
    enrolled_on: p.enrolledOn,
    birth_date: p.birthDate,
    attributes: { ...p.attributes },
    employment_key: p.employmentKey,
    events: p.events.map((e) => ({
      id: e.id,
      type: e.type,
      occurred_on: e.occurredOn,
      value: e.value,
      source: e.source,
      verification: e.verification,
    })),
    employment_months: p.months.map((m) => ({ ...m })),
    run: p.run && { id: p.run.id, as_of: p.run.asOf },
    achievements: p.achievements.map((a) => ({
      outcome_id: a.outcomeId,
      achieved_on: a.achievedOn,
      version: a.version,
      price_cents: a.priceCents,
      amount_cents: a.amountCents,
      status: a.status,
    })),
    paid: p.paid.map((l) => ({ outcome_id: l.outcomeId, amount_cents: l.amountCents })),
  };
}

const programmeParams = z.object({
  programme: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(100),
});

export function programmeRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    // Kept open for the server's life: participant pages read employment months through it.
    const months = openPersonMonthsReader();
    app.addHook('onClose', () => months.close());
    app.get(
      '/me',
      {
        config: { roles: EVERY_ROLE },
        schema: {
          tags: ['programmes'],
          operationId: 'getMe',
          summary: 'Who is calling',
          description:
            'The caller: a person (e-mail and name) or an API token, the organisation it acts for and its role, and how it signed in (a session, or a token with its scopes).',
          response: {
            200: z.object({
              id: z.string().describe('an e-mail for people, token:<id>:<name> for API tokens'),
              name: z.string().nullable(),
              role: ROLE,
              organisation: z.object({ id: z.string(), name: z.string() }),
              credential: z.object({
                kind: z.enum(['session', 'token']),
                scopes: z.array(z.string()).optional().describe('an API token only'),
              }),
              administers: z
                .array(
                  z.object({
                    role: z.enum(['platform_admin', 'organisation_admin', 'programme_admin']),
                    programme: z.string().nullable(),
                  }),
                )
                .describe(
                  "a person's administrative roles (docs/administration.md); [] for tokens",
                ),
            }),
          },
        },
      },
      async (request) => {
        const who = principal(request);
        const me = await whoIs(store, who);
        const credential = me.credential;
        const userId = who.credential.kind === 'session' ? who.credential.userId : null;
        const administers =
          userId === null ? [] : ((await rolesOf(store, [userId])).get(userId) ?? []);
        return {
          id: me.id,
          name: me.name,
          role: me.role,
          organisation: { ...me.organisation },
          credential:
            credential.kind === 'token'
              ? { kind: credential.kind, scopes: [...credential.scopes] }
              : { kind: credential.kind },
          administers: administers.map((r) => ({ role: r.role, programme: r.programme })),
        };
      },
    );

    app.get(
      '/programmes',
      {
        config: { roles: EVERY_ROLE },
        schema: {
          tags: ['programmes'],
          operationId: 'listProgrammes',
          summary: 'List the programmes the caller takes part in',
          description:
            "The programmes the caller's organisation funds or is a member of, by id, with its role in each.",
          response: {
            200: z.object({
              programmes: z.array(
                z.object({
                  id: z.string(),
                  title: z.string(),
                  funder: z.object({ id: z.string(), name: z.string() }),
                  role: ROLE,
                  created_at: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({
        programmes: (await programmesOf(store, principal(request).organisationId)).map((p) => ({
          id: p.id,
          title: p.title,
          funder: { ...p.funder },
          role: p.role,
          created_at: p.createdAt.toISOString(),
        })),
      }),
    );

    app.get(
      '/programmes/:programme/dashboard',
      {
        config: { roles: ['funder', 'provider', 'verifier', 'investor'] },
        schema: {
          tags: ['programmes'],
          operationId: 'getDashboard',
          summary: "A programme's dashboard",
          description:
            'Aggregates only, for every member including investors: participants in total and per provider, the latest succeeded run (as-of day and total payable) and what paid bills have paid.',
          params: programmeParams,
          response: {
            200: z.object({
              programme: z.string(),
              participants: z.number(),
              by_provider: z.record(z.string(), z.number()),
              latest_run: z
                .object({ id: z.string(), as_of: z.string(), paid: z.string() })
                .nullable(),
              ledger_paid: z.string(),
            }),
          },
        },
      },
      async (request) => {
        const id = programmeOf(request);
        const dashboard = await programmeDashboard(store, id);
        const run = dashboard.latestRun;
        return {
          programme: id,
          participants: dashboard.participants,
          by_provider: Object.fromEntries(dashboard.byProvider),
          latest_run: run ? { id: run.id, as_of: run.asOf, paid: formatCents(run.paid) } : null,
          ledger_paid: formatCents(dashboard.ledgerPaid),
        };
      },
    );

    app.get(
      '/programmes/:programme/participants',
      {
        config: { roles: ['funder', 'provider', 'verifier'] },
        schema: {
          tags: ['programmes'],
          operationId: 'listParticipants',
          summary: "List a programme's participants",
          description:
            "A programme's participants in participant_id order, a page at a time: pass the answer's `next` as `after` until it is null. A provider sees its own participants only; investors none (403).",
          params: programmeParams,
          querystring: z.object({
            after: z.string().max(200).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
            provider: z
              .string()
              .min(1)
              .max(200)
              .optional()
              .describe("only this provider's participants (a provider sees only its own)"),
          }),
          response: {
            200: z.object({
              participants: z.array(
                z.object({
                  participant_id: z.string(),
                  provider_id: z.string(),
                  enrolled_on: z.string(),
                }),
              ),
              next: z.string().nullable(),
            }),
          },
        },
      },
      async (request) =>
        listParticipants(store, programmeOf(request), scopeOf(principal(request)), request.query),
    );

    app.get(
      '/programmes/:programme/participants/:participant',
      {
        config: { roles: ['funder', 'provider', 'verifier'] },
        schema: {
          tags: ['programmes'],
          operationId: 'getParticipant',
          summary: 'Read a participant',
          description:
            'One participant: enrolment, provider and attributes; its events; its employment months from the datasets in force; its achievements in the latest succeeded run (or the run named by `run`); and what the ledger has paid it per outcome. A provider sees its own participants only: any other answers 404, as one that does not exist.',
          params: programmeParams.extend({ participant: z.string().min(1).max(200) }),
          querystring: z.object({
            run: z
              .string()
              .regex(/^\d{1,18}$/)
              .optional()
              .describe('a succeeded run of the programme; the latest when absent'),
          }),
          response: { 200: PARTICIPANT },
        },
      },
      async (request) => {
        const found = await participantDetail(
          store,
          months,
          programmeOf(request),
          request.params.participant,
          scopeOf(principal(request)),
          request.query.run,
        );
        if (!found) throw notFound();
        return participantView(found);
      },
    );

    app.get(
      '/programmes/:programme/imports',
      {
        config: { roles: ['funder', 'provider', 'verifier'] },
        schema: {
          tags: ['uploads'],
          operationId: 'listImports',
          summary: "List a programme's imports",
          description:
            'Every participants, events and employment file the programme accepted, newest first, a page at a time (follow `next` as `cursor`): who sent it and when, the file name, rows and SHA-256, and for employment its dataset and standing now. A provider sees the imports of its own organisation only; `provider` filters by the organisation that sent them.',
          params: programmeParams,
          querystring: z.object({
            kind: z.enum(['participants', 'events', 'employment']).optional(),
            provider: z
              .string()
              .min(1)
              .max(200)
              .optional()
              .describe('only imports sent by this organisation (a provider sees only its own)'),
            limit: z.coerce.number().int().min(1).max(500).default(50),
            cursor: z
              .string()
              .regex(/^\d{1,18}$/)
              .optional()
              .describe('`next` of the page before; absent for the first page'),
          }),
          response: {
            200: z.object({
              imports: z.array(
                z.object({
                  id: z.string().describe('the audit entry that records it'),
                  kind: z.enum(['participants', 'events', 'employment']),
                  file: z.string().nullable(),
                  rows: z.number().int().nullable(),
                  sha256: z.string().nullable(),
                  imported_by: z.string(),
                  imported_at: z.string(),
                  dataset: z
                    .object({
                      id: z.string(),
                      status: z.enum(['in_force', 'superseded', 'withdrawn']),
                    })
                    .nullable()
                    .describe('employment: the dataset and its standing now'),
                }),
              ),
              next: z.string().nullable(),
            }),
          },
        },
      },
      async (request) => {
        const who = principal(request);
        const { kind, provider, limit, cursor } = request.query;
        const organisation = who.role === 'provider' ? who.organisationId : provider;
        const page = await listImports(
          store,
          programmeOf(request),
          { kind, organisation },
          { limit, cursor },
        );
        return {
          imports: page.items.map((i) => ({
            id: i.id,
            kind: i.kind,
            file: i.file,
            rows: i.rows,
            sha256: i.sha256,
            imported_by: i.importedBy,
            imported_at: i.importedAt.toISOString(),
            dataset: i.dataset && { ...i.dataset },
          })),
          next: page.next,
        };
      },
    );
  };
}
