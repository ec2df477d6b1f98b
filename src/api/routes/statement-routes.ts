/**
 * Bill statements: `GET /bills/{bill}/statement.pdf` and `.xlsx`, in the language of the
 * request's Accept-Language (English, Spanish or French). Funders and verifiers get the
 * statement of one provider (`?provider=`) or of the whole bill; a provider gets its own,
 * and "not found" for anyone else's. The statement is gathered by services/bill-statement.ts
 * and drawn by files/statement-pdf.ts and statement-xlsx.ts.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { negotiateLocale } from '../../domain/messages/locale.js';
import { statementPdf } from '../../files/statement-pdf.js';
import { statementXlsx } from '../../files/statement-xlsx.js';
import { XLSX_CONTENT_TYPE } from '../../services/achievements-export.js';
import { billStatement } from '../../services/bill-statement.js';
import { scopeOf } from '../../services/provider-scope.js';
import type { Store } from '../../store/database.js';
import { principal, programmeOf } from '../access.js';
import { notFound } from '../http-error.js';

/**
 * A file in the response (documentation only): `any` so that the handler may send bytes,
 * which Fastify writes as they are, without serialising them.
 */
const BINARY = z.any().meta({ type: 'string', format: 'binary' });

const params = z.object({ bill: z.string().regex(/^\d{1,18}$/) });
const query = z.object({
  provider: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe(
      "the provider (organisation id) whose statement to give; absent, the whole bill. A provider's own statement is the only one it gets, with or without it.",
    ),
});
const binary = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: BINARY } },
});
const ABOUT =
  'Programme, period, provider; the lines by outcome with participant counts and amounts, the adjustments to periods already paid, the caps and the headroom left under them as of the run, every approval with who and when, and the evidence: the run the bill was drafted from and the SHA-256 of its evidence pack (check it with `resulta verify-pack`). Texts, amounts and days are in the language of Accept-Language (en, es, fr; English otherwise). Funders and verifiers get any provider’s statement (`provider`) or the whole bill’s; a provider gets its own only, and 404 for any other.';

type Format = 'pdf' | 'xlsx';

export function statementRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    for (const format of ['pdf', 'xlsx'] as const) {
      app.get(
        `/bills/:bill/statement.${format}`,
        {
          config: { roles: ['funder', 'verifier', 'provider'] },
          schema: {
            tags: ['statements'],
            operationId: format === 'pdf' ? 'getBillStatementPdf' : 'getBillStatementXlsx',
            summary:
              format === 'pdf'
                ? 'A bill statement as PDF (A4), in the reader’s language'
                : 'A bill statement as an XLSX workbook, in the reader’s language',
            description:
              format === 'pdf'
                ? `A bill's statement for people, one provider's or the whole bill's. ${ABOUT}`
                : `The same statement as a workbook: a sheet of its facts, its lines, caps and approvals, with amounts as numbers and days as dates. ${ABOUT}`,
            params,
            querystring: query,
            response: {
              200:
                format === 'pdf'
                  ? binary('application/pdf', 'the statement, A4')
                  : binary(XLSX_CONTENT_TYPE, 'the statement as a workbook'),
            },
          },
        },
        (request, reply) => answer(store, request, reply, format),
      );
    }
  };
}

async function answer(
  store: Store,
  request: FastifyRequest<{ Params: z.infer<typeof params>; Querystring: z.infer<typeof query> }>,
  reply: FastifyReply,
  format: Format,
): Promise<FastifyReply> {
  const locale = negotiateLocale(request.headers['accept-language']);
  const statement = await billStatement(
    store,
    programmeOf(request),
    request.params.bill,
    scopeOf(principal(request)),
    request.query.provider,
  );
  if (!statement) throw notFound();
  const who = statement.provider ? statement.provider.id.replace(/[^A-Za-z0-9._-]/g, '_') : 'all';
  const body =
    format === 'pdf'
      ? Buffer.from(await statementPdf(statement, locale))
      : await statementXlsx(statement, locale);
  return reply
    .header('content-type', format === 'pdf' ? 'application/pdf' : XLSX_CONTENT_TYPE)
    .header('content-language', locale)
    .header('vary', 'Accept-Language')
    .header(
      'content-disposition',
      `attachment; filename="bill-${statement.bill.id}-statement-${who}-${locale}.${format}"`,
    )
    .send(body);
}
