/**
 * A programme's imports, a page at a time, newest first: every participants, events and
 * employment file accepted, as the audit log recorded it (who, when, file, rows, SHA-256),
 * with the employment dataset's standing today. Funders and verifiers see every import; a
 * provider only those its own organisation's people and API tokens sent, since another
 * provider's files are none of its business.
 */
import { type ExpressionBuilder, sql } from 'kysely';
import type { Store } from '../store/database.js';
import type { Database, DatasetStatus } from '../store/schema.js';
import { type Page, type PageRequest, pageOf } from './page.js';

export type ImportKind = 'participants' | 'events' | 'employment';

/** The audit entity each kind of import is recorded under. */
const ENTITY = {
  participants: 'participants',
  events: 'events',
  employment: 'employment_dataset',
} as const satisfies Record<ImportKind, string>;

export interface ImportListed {
  /** The audit entry recording it. */
  readonly id: string;
  readonly kind: ImportKind;
  readonly file: string | null;
  readonly rows: number | null;
  readonly sha256: string | null;
  readonly importedBy: string;
  readonly importedAt: Date;
  /** Employment imports: the dataset and its standing now. */
  readonly dataset: { readonly id: string; readonly status: DatasetStatus } | null;
}

export interface ImportFilter {
  readonly kind?: ImportKind | undefined;
  /** Only imports sent by this organisation's people or tokens. */
  readonly organisation?: string | undefined;
}

type Audit = ExpressionBuilder<Database & { a: Database['audit_log'] }, 'a'>;

export async function listImports(
  store: Store,
  programmeId: string,
  filter: ImportFilter,
  page: PageRequest,
): Promise<Page<ImportListed>> {
  const kinds: readonly ImportKind[] =
    filter.kind === undefined ? ['participants', 'events', 'employment'] : [filter.kind];
  let query = store.db
    .selectFrom('audit_log as a')
    .leftJoin('employment_datasets as d', (join) =>
      join
        .on('a.entity', '=', ENTITY.employment)
        .on(sql`CAST(d.id AS text)`, '=', sql.ref('a.entity_id')),
    )
    .select(['a.id', 'a.entity', 'a.actor', 'a.at', 'a.reason', 'a.data', 'd.id as dataset_id'])
    .select('d.status as dataset_status')
    .select('d.source_name')
    .where('a.action', '=', 'import')
    .where((eb) => eb.or(kinds.map((kind) => ofProgramme(eb, kind, programmeId))))
    .orderBy('a.id', 'desc')
    .limit(page.limit + 1);
  if (filter.organisation !== undefined)
    query = query.where((eb) => sentBy(eb, filter.organisation as string));
  if (page.cursor !== undefined) query = query.where('a.id', '<', page.cursor);
  const rows = await query.execute();
  return pageOf(
    rows,
    page.limit,
    (r) => String(r.id),
    (r) => {
      const data = (r.data ?? {}) as { rows?: unknown; sha256?: unknown };
      const kind: ImportKind =
        r.entity === ENTITY.employment ? 'employment' : (r.entity as ImportKind);
      return {
        id: String(r.id),
        kind,
        file: r.source_name ?? fileOf(r.reason),
        rows: typeof data.rows === 'number' ? data.rows : null,
        sha256: typeof data.sha256 === 'string' ? data.sha256 : null,
        importedBy: r.actor,
        importedAt: new Date(r.at),
        dataset:
          r.dataset_id === null || r.dataset_status === null
            ? null
            : { id: String(r.dataset_id), status: r.dataset_status },
      };
    },
  );
}

/** Imports of one kind into the programme: participants and events name it; datasets are its. */
function ofProgramme(eb: Audit, kind: ImportKind, programmeId: string) {
  if (kind !== 'employment')
    return eb.and([eb('a.entity', '=', ENTITY[kind]), eb('a.entity_id', '=', programmeId)]);
  return eb.and([
    eb('a.entity', '=', ENTITY.employment),
    eb(
      'a.entity_id',
      'in',
      eb
        .selectFrom('employment_datasets')
        .select(sql<string>`CAST(id AS text)`.as('id'))
        .where('programme_id', '=', programmeId),
    ),
  ]);
}

/** Entries whose actor is a person of the organisation or one of its API tokens. */
function sentBy(eb: Audit, organisationId: string) {
  return eb.or([
    eb(
      'a.actor',
      'in',
      eb.selectFrom('users').select('email').where('organisation_id', '=', organisationId),
    ),
    eb(
      'a.actor',
      'in',
      eb
        .selectFrom('api_tokens')
        .select(sql<string>`'token:' || CAST(id AS text) || ':' || name`.as('actor'))
        .where('organisation_id', '=', organisationId),
    ),
  ]);
}

/** Participants and events imports record their file only in the reason: `import of <file>`. */
function fileOf(reason: string): string | null {
  const match = /^import of (.+)$/s.exec(reason);
  return match?.[1] ?? null;
}
