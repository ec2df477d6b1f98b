/**
 * Bills: draft (funder), verify (verifier), approve and pay (funder, with an
 * Idempotency-Key header on pay), reject with a reason (funder or verifier), and the
 * audit log check (funder, verifier).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkAuditLog } from '../../services/audit.js';
import { decideBill, draftBill, payBill } from '../../services/bills.js';
import type { Role } from '../../services/identity.js';
import type { Store } from '../../store/database.js';
import { principal, programmeOf } from '../access.js';

const billParams = z.object({ bill: z.string().regex(/^\d{1,18}$/) });
const billBody = z.object({
  id: z.string(),
  status: z.enum(['draft', 'verified', 'approved', 'paid', 'rejected']),
  total_cents: z.number(),
  lines: z.number(),
  held: z
    .array(z.string())
    .describe('participants left out: their person key is shared and undecided'),
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
        return reply.status(201).send({
          id: bill.id,
          status: bill.status,
          total_cents: bill.totalCents,
          lines: bill.lines,
          held: [...bill.held],
        });
      },
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
          headers: z.object({ 'idempotency-key': z.string().min(8).max(200) }).passthrough(),
          response: { 200: billBody },
        },
      },
      async (request) => {
        const paid = await payBill(
          store,
          principal(request),
          request.params.bill,
          request.headers['idempotency-key'],
        );
        return {
          id: paid.id,
          status: paid.status,
          total_cents: paid.totalCents,
          lines: paid.lines,
          held: [...paid.held],
        };
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
