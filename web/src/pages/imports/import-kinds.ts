/**
 * What can be imported, by whom, and the columns each file has (the spec's input tables,
 * src/engine/snapshot/input-tables.ts, as the upload routes take them: participants give
 * national_id, never person_key). Who may send each kind: src/api/routes/upload-routes.ts.
 */
import type { MessageCode } from '../../../../src/domain/messages/catalogue.js';
import type { Role } from '../../app/session.js';

export type ImportKind = 'participants' | 'events' | 'employment';

export interface ColumnSpec {
  readonly name: string;
  readonly required: boolean;
}

export interface KindEntry {
  readonly kind: ImportKind;
  readonly label: MessageCode;
  readonly help: MessageCode;
  /** The upload's path under /programmes/{programme}/. */
  readonly path: 'participants' | 'events' | 'employment-datasets';
  readonly roles: readonly Role[];
  readonly columns: readonly ColumnSpec[];
  /** Whether other columns are read (participants' attributes) or left alone. */
  readonly extraColumnsKept: boolean;
}

export const KINDS: readonly KindEntry[] = [
  {
    kind: 'participants',
    label: 'web.imports.kind.participants',
    help: 'web.imports.kind.participants_help',
    path: 'participants',
    roles: ['funder', 'provider'],
    columns: [
      { name: 'participant_id', required: true },
      { name: 'provider_id', required: true },
      { name: 'enrolled_on', required: true },
      { name: 'national_id', required: false },
      { name: 'birth_date', required: false },
    ],
    extraColumnsKept: true,
  },
  {
    kind: 'events',
    label: 'web.imports.kind.events',
    help: 'web.imports.kind.events_help',
    path: 'events',
    roles: ['funder', 'provider', 'verifier'],
    columns: [
      { name: 'participant_id', required: true },
      { name: 'type', required: true },
      { name: 'occurred_on', required: true },
      { name: 'value', required: false },
      { name: 'verified', required: false },
      { name: 'source', required: false },
    ],
    extraColumnsKept: false,
  },
  {
    kind: 'employment',
    label: 'web.imports.kind.employment',
    help: 'web.imports.kind.employment_help',
    path: 'employment-datasets',
    roles: ['funder', 'verifier'],
    columns: [
      { name: 'person_key', required: true },
      { name: 'month', required: true },
      { name: 'employer_id', required: true },
      { name: 'earnings', required: true },
    ],
    extraColumnsKept: false,
  },
];

export function kindsFor(role: Role | undefined): readonly KindEntry[] {
  return KINDS.filter((k) => role !== undefined && k.roles.includes(role));
}

export type FileFormat = 'csv' | 'xlsx' | 'parquet';

/** The format a file's name says it is, if it is one Resulta reads. */
export function formatOf(name: string): FileFormat | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return extension === 'csv' || extension === 'xlsx' || extension === 'parquet'
    ? extension
    : undefined;
}
