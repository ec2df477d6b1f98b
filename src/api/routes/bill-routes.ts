/**
 * Bills: draft (funder), list and read with their run, approvals and lines (funder,
 * verifier), verify (verifier), approve and pay (funder, with an Idempotency-Key header on
 * pay, the caller's own), reject with a reason (funder or verifier), and the audit log check
 * (funder, verifier).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkAuditLog } from '../../services/audit.js';
import {
  type BillDetail,
  billDetail,
  billLines,
  lineCursor,
  listBills,
} from '../../services/bill-reads.js';
import {
  type BillSummary,
  decideBill,
  draftBill,
  PaymentKeyReused,
  payBill,
} from '../../services/bills.js';
import type { Role } from '../../services/identity.js';
import { scopeOf } from '../../services/provider-scope.js';
import type { Store } from '../../store/database.js';
import { principal, programmeOf } from '../access.js';
import { apiError } from '../http-error.js';
import { PROBLEM } from '../problem-schema.js';

const billParams = z.object({ bill: z.string().regex(/^\d{1,18}$/) });
const programmeParams = z.object({
  programme: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(100),
});
const STATUS = z.enum(['draft', 'verified', 'approved', 'paid', 'rejected']);
const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const LIMIT = z.coerce
  .number()
  .int()
  .min(1)
  .max(500)
  .default(50)
  .describe('how many to answer, at most 500');
const ID_CURSOR = z
  .string()
  .regex(/^\d{1,18}$/)
  .optional()
  .describe('`next` of the page before; absent for the first page');
const part = z.object({ lines: z.number(), total_cents: z.number() });
const billBody = z.object({
  id: z.string(),
  status: STATUS,
  period_end: z.string(),
  total_cents: z.number(),
  lines: z.number(),
  /** Lines changing a period already paid; by correction of the contract that caused them. */
  adjustments: part,
  corrections: z.array(part.extend({ version: z.number() })),
  held: z
    .array(z.string())
    .describe('participants left out: their person key is shared and undecided'),
});
const billDetailBody = billBody.extend({
  run: z
    .object({
      id: z.string(),
      as_of: z.string(),
      contract_version: z.number().int(),
      paid_cents: z.number().nullable(),
    })
    .describe('the evaluation run the bill was drafted from'),
  created_by: z.string(),
  created_at: z.string(),
  by_outcome: z
    .array(z.object({ outcome_id: z.string(), lines: z.number(), total_cents: z.number() }))
    .describe('lines and their sum per outcome'),
  approvals: z
    .array(
      z.object({
        action: z.string().describe('draft, verify, approve, reject or pay'),
        by: z.string(),
        at: z.string(),
        reason: z.string(),
      }),
    )
    .describe('every step of the bill from its draft on, oldest first, with who, when and why'),
});
const billListed = z.object({
  id: z.string(),
  status: STATUS,
  period_end: z.string(),
  total_cents: z.number(),
  run_id: z.string(),
  created_by: z.string(),
  created_at: z.string(),
  decided_by: z.string().nullable(),
  decided_at: z.string().nullable(),
});
const billLine = z.object({
  participant_id: z.string(),
  provider_id: z.string(),
  outcome_id: z.string(),
  cumulative_cents: z.number().describe('payable as of the period end, in total'),
  previously_paid_cents: z.number().describe('what the ledger had paid for it before'),
  amount_cents: z.number().describe('this bill: cumulative minus previously paid'),
  kind: z.enum(['payment', 'adjustment']),
  correction_version: z.number().nullable(),
});

const billView = (b: BillSummary): z.infer<typeof billBody> => ({
  id: b.id,
  status: b.status,
  period_end: b.periodEnd,
  total_cents: b.totalCents,
  lines: b.lines,
  adjustments: { lines: b.adjustments.lines, total_cents: b.adjustments.totalCents },
  corrections: b.corrections.map((c) => ({
    version: c.version,
    lines: c.lines,
    total_cents: c.totalCents,
  })),
  held: [...b.held],
});

const billDetailView = (b: BillDetail): z.infer<typeof billDetailBody> => ({
  ...billView(b),
  run: {
    id: b.run.id,
    as_of: b.run.asOf,
    contract_version: b.run.contractVersion,
    paid_cents: b.run.paidCents,
  },
  created_by: b.createdBy,
  created_at: b.createdAt.toISOString(),
  by_outcome: b.byOutcome.map((o) => ({
    outcome_id: o.outcomeId,
    lines: o.lines,
    total_cents: o.totalCents,
  })),
  approvals: b.steps.map((s) => ({
    action: s.action,
    by: s.by,
    at: s.at.toISOString(),
    reason: s.reason,
  })),
});

export function billRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/programmes/:programme/bills',
      {
        config: { roles: ['funder'] },
        schema: {
          tags: ['bills'],
          operationId: 'draftBill',
          summary: 'Draft a bill for a period',
          description:
            'Evaluates the programme as of the period end (a run, through the queue) and drafts the bill: per participant and outcome, what is payable minus what the ledger has paid, so late data and reversed verifications show as adjustments. The period may end on the latest paid period end or later, never before (422). Participants whose person key is shared and undecided are held out (`held`).',
          params: programmeParams,
          body: z.object({ period_end: DAY }),
          response: { 201: billBody },
        },
      },
      async (request, reply) => {
        const bill = await draftBill(
          store,
          principal(request),
          programmeOf(request),
          request.body.period_end,
        );
        return reply.status(201).send(billView(bill));
      },
    );

    app.get(
      '/programmes/:programme/bills',
      {
        config: { roles: ['funder', 'verifier'] },
        schema: {
          tags: ['bills'],
          operationId: 'listBills',
          summary: "List a programme's bills",
          description:
            'The bills of a programme, newest first, a page at a time: follow `next` as `cursor` until it is null. Filter by status and by the period end (from, to: inclusive days).',
          params: programmeParams,
          querystring: z.object({
            status: STATUS.optional(),
            from: DAY.optional().describe('periods ending on or after this day'),
            to: DAY.optional().describe('periods ending on or before this day'),
            limit: LIMIT,
            cursor: ID_CURSOR,
          }),
          response: {
            200: z.object({ bills: z.array(billListed), next: z.string().nullable() }),
          },
        },
      },
      async (request) => {
        const { status, from, to, limit, cursor } = request.query;
        const page = await listBills(
          store,
          programmeOf(request),
          { status, from, to },
          { limit, cursor },
        );
        return {
          bills: page.items.map((b) => ({
            id: b.id,
            status: b.status,
            period_end: b.periodEnd,
            total_cents: b.totalCents,
            run_id: b.runId,
            created_by: b.createdBy,
            created_at: b.createdAt.toISOString(),
            decided_by: b.decidedBy,
            decided_at: b.decidedAt?.toISOString() ?? null,
          })),
          next: page.next,
        };
      },
    );

    app.get(
      '/bills/:bill',
      {
        config: { roles: ['funder', 'verifier'] },
        schema: {
          tags: ['bills'],
          operationId: 'getBill',
          summary: 'Read a bill',
          description:
            'A bill: status, period, total and number of lines; its adjustments to periods already paid, and those caused by each correction of the contract; the run it was drafted from; its totals per outcome; and its approvals (draft, verification, approval, rejection, payment) with who, when and why. Its lines are at GET /bills/{bill}/lines.',
          params: billParams,
          response: { 200: billDetailBody },
        },
      },
      async (request) => billDetailView(await billDetail(store, request.params.bill)),
    );

    app.get(
      '/bills/:bill/lines',
      {
        config: { roles: ['funder', 'verifier'] },
        schema: {
          tags: ['bills'],
          operationId: 'listBillLines',
          summary: "List a bill's lines",
          description:
            "A bill's lines, one per participant and outcome, in participant then outcome order, a page at a time (follow `next` as `cursor`). Filter by kind (payment or adjustment) and provider.",
          params: billParams,
          querystring: z.object({
            kind: z.enum(['payment', 'adjustment']).optional(),
            provider: z.string().min(1).max(200).optional(),
            limit: LIMIT,
            cursor: z
              .string()
              .max(2000)
              .refine((c) => lineCursor(c) !== undefined, 'not a cursor this API gave')
              .optional()
              .describe('`next` of the page before; absent for the first page'),
          }),
          response: {
            200: z.object({ lines: z.array(billLine), next: z.string().nullable() }),
          },
        },
      },
      async (request) => {
        const { kind, provider, limit, cursor } = request.query;
        const page = await billLines(
          store,
          request.params.bill,
          scopeOf(principal(request)),
          { kind, provider },
          { limit, cursor },
        );
        return {
          lines: page.items.map((l) => ({
            participant_id: l.participantId,
            provider_id: l.providerId,
            outcome_id: l.outcomeId,
            cumulative_cents: l.cumulativeCents,
            previously_paid_cents: l.previouslyPaidCents,
            amount_cents: l.amountCents,
            kind: l.kind,
            correction_version: l.correctionVersion,
          })),
          next: page.next,
        };
      },
    );

    const decisions: {
      path: 'verify' | 'approve' | 'reject';
      roles: Role[];
      operationId: string;
      summary: string;
      description: string;
    }[] = [
      {
        path: 'verify',
        roles: ['verifier'],
        operationId: 'verifyBill',
        summary: 'Verify a drafted bill',
        description:
          'A verifier moves a draft bill to verified, with an optional reason; 422 from any other status.',
      },
      {
        path: 'approve',
        roles: ['funder'],
        operationId: 'approveBill',
        summary: 'Approve a verified bill',
        description:
          'The funder moves a verified bill to approved, with an optional reason; 422 from any other status.',
      },
      {
        path: 'reject',
        roles: ['funder', 'verifier'],
        operationId: 'rejectBill',
        summary: 'Reject a bill',
        description:
          'A funder or verifier rejects a bill that is not paid yet; the reason is required (422 without one).',
      },
    ];
    for (const { path, roles, operationId, summary, description } of decisions) {
      app.post(
        `/bills/:bill/${path}`,
        {
          config: { roles: roles },
          schema: {
            tags: ['bills'],
            operationId,
            summary,
            description,
            params: billParams,
            body: z.object({ reason: z.string().max(2000).default('') }),
            response: { 200: z.object({ id: z.string(), status: z.string() }) },
          },
        },
        async (request) => {
          const status = await decideBill(
            store,
            principal(request),
            request.params.bill,
            path,
            request.body.reason,
          );
          return { id: request.params.bill, status };
        },
      );
    }

    app.post(
      '/bills/:bill/pay',
      {
        config: { roles: ['funder'] },
        schema: {
          tags: ['bills'],
          operationId: 'payBill',
          summary: 'Pay an approved bill',
          params: billParams,
          description:
            "Pays an approved bill. The Idempotency-Key is the caller's own: a retry with it on the same bill answers as the first call; on another bill it is refused (409).",
          headers: z.object({ 'idempotency-key': z.string().min(8).max(200) }).passthrough(),
          response: { 200: billBody, 409: PROBLEM },
        },
      },
      async (request) => {
        const paid = await payBill(
          store,
          principal(request),
          request.params.bill,
          request.headers['idempotency-key'],
        ).catch((error: unknown) => {
          if (!(error instanceof PaymentKeyReused)) throw error;
          throw apiError(409, 'idempotency_key_reused', 'api.bill.key_reused', {
            bill: error.paidBill,
          });
        });
        return billView(paid);
      },
    );

    app.get(
      '/audit/verify',
      {
        config: { roles: ['funder', 'verifier'] },
        schema: {
          tags: ['audit'],
          operationId: 'verifyAuditLog',
          summary: 'Check the audit log',
          description:
            'Recomputes the hash chain of the audit log and lists every break: an entry whose content no longer matches its hash, or that does not chain onto the one before (an entry removed or inserted).',
          response: {
            200: z.object({
              entries: z.number(),
              intact: z.boolean(),
              broken_at: z.string().nullable(),
              breaks: z.array(
                z.object({
                  id: z.string(),
                  content_changed: z.boolean(),
                  link_broken: z.boolean(),
                }),
              ),
            }),
          },
        },
      },
      async () => {
        const check = await checkAuditLog(store);
        return {
          entries: check.entries,
          intact: check.brokenAt === undefined,
          broken_at: check.brokenAt ?? null,
          breaks: check.breaks.map((b) => ({
            id: b.id,
            content_changed: b.contentChanged,
            link_broken: b.linkBroken,
          })),
        };
      },
    );
  };
}
