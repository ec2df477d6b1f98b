/**
 * The three input tables and their columns (spec §1). Each column has a type that says how
 * its text is checked and converted; extra participants columns become attributes.
 */
export type ColumnType = 'string' | 'date' | 'month' | 'number' | 'money' | 'verified' | 'source';

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  readonly required: boolean;
  /**
   * False for a column every cell of which is checked but which no evaluation reads: a
   * run's table leaves it out (storing 4 million employer ids costs a tenth of the load).
   */
  readonly readByRuns?: false;
}

export type InputRole = 'participants' | 'events' | 'employment';

export const INPUT_ROLES: readonly InputRole[] = ['participants', 'events', 'employment'];

export const INPUT_COLUMNS: Record<InputRole, readonly ColumnSpec[]> = {
  participants: [
    { name: 'participant_id', type: 'string', required: true },
    { name: 'provider_id', type: 'string', required: true },
    { name: 'enrolled_on', type: 'date', required: true },
    { name: 'person_key', type: 'string', required: false },
    { name: 'birth_date', type: 'date', required: false },
  ],
  events: [
    { name: 'participant_id', type: 'string', required: true },
    { name: 'type', type: 'string', required: true },
    { name: 'occurred_on', type: 'date', required: true },
    { name: 'value', type: 'number', required: false },
    { name: 'verified', type: 'verified', required: false },
    { name: 'source', type: 'source', required: false },
  ],
  employment: [
    { name: 'person_key', type: 'string', required: true },
    { name: 'month', type: 'month', required: true },
    { name: 'employer_id', type: 'string', required: true, readByRuns: false },
    { name: 'earnings', type: 'money', required: true },
  ],
};

/** Internal columns start with this; input columns may not. */
export const RESERVED_PREFIX = '__';

/** The required columns of a table, for messages. */
export function requiredNames(role: InputRole): string {
  return INPUT_COLUMNS[role]
    .filter((c) => c.required)
    .map((c) => c.name)
    .join(', ');
}
