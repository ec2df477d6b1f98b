/**
 * Bills: draft (funder), read (funder, verifier), verify (verifier), approve and pay (funder,
 * with an Idempotency-Key header on pay, the caller's own), reject with a reason (funder or
 * verifier), and the audit log check (funder, verifier).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkAuditLog } from '../../services/audit.js';
import {
  type BillSummary,
  decideBill,
  draftBill,
  PaymentKeyReused,
  payBill,
  readBill,
} from '../../services/bills.js';
import type { Role } from '../../services/identity.js';
import type { Store } from '../../store/database.js';
import { principal, programmeOf } from '../access.js';
import { HttpError } from '../http-error.js';

const billParams = z.object({ bill: z.string().regex(/^\d{1,18}$/) });
const part = z.object({ lines: z.number(), total_cents: z.number() });
const billBody = z.object({
  id: z.string(),
  status: z.enum(['draft', 'verified', 'approved', 'paid', 'rejected']),
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
const ERROR = z.object({ error: z.string(), message: z.string(), problems: z.array(z.unknown()) });

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

export function billRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/programmes/:programme/bills',
      {
        config: { roles: ['funder'] },
        schema: {
          tags: ['bills'],
          params: z.object({
            programme: z
              .string()
              .regex(/^[a-z0-9-]+$/)
              .max(100),
          }),
          body: z.object({ period_end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
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
      '/bills/:bill',
      {
        config: { roles: ['funder', 'verifier'] },
        schema: {
          tags: ['bills'],
          description:
            'A bill: status, period, total and lines; its adjustments to periods already paid, and those caused by each correction of the contract.',
          params: billParams,
          response: { 200: billBody },
        },
      },
      async (request) => billView(await readBill(store, request.params.bill)),
    );

    const decisions: { path: 'verify' | 'approve' | 'reject'; roles: Role[] }[] = [
      { path: 'verify', roles: ['verifier'] },
      { path: 'approve', roles: ['funder'] },
      { path: 'reject', roles: ['funder', 'verifier'] },
    ];
    for (const { path, roles } of decisions) {
      app.post(
        `/bills/:bill/${path}`,
        {
          config: { roles: roles },
          schema: {
            tags: ['bills'],
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
          params: billParams,
          description:
            "Pays an approved bill. The Idempotency-Key is the caller's own: a retry with it on the same bill answers as the first call; on another bill it is refused (409).",
          headers: z.object({ 'idempotency-key': z.string().min(8).max(200) }).passthrough(),
          response: { 200: billBody, 409: ERROR },
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
          throw new HttpError(
            409,
            'idempotency_key_reused',
            `you used this Idempotency-Key to pay bill ${error.paidBill}; send a new key for each payment`,
          );
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
