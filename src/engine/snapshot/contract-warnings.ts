/**
 * What the contract needs of the inputs that their headers do not give, said before the
 * bill is trusted: an attribute its conditions use (eligibility, segments, bonuses) that no
 * participants column has, which silently fails every condition on it (a header `sexo`
 * instead of `sex` moves every woman into another segment; a file without birth_date makes
 * everyone ineligible by age), and an event type it counts that the events file never has
 * while a close one is there (a typo). Warnings, not problems: the run goes on, and says so.
 */
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { AGE_AT_ENROLMENT, type Condition, type Contract } from '../../domain/contract/contract.js';
import type { MessageCode } from '../../domain/messages/catalogue.js';
import type { Params } from '../../domain/messages/render.js';
import { problem } from '../../domain/problem.js';
import { closestName } from './closest-name.js';
import { INPUT_COLUMNS } from './input-tables.js';
import type { LoadedInput } from './load-input.js';

/** A warning as summary.json lists it: a catalogue code, its English text and parameters. */
export interface InputWarning {
  readonly code: string;
  readonly message: string;
  readonly params: Params;
}

function warning(code: MessageCode, params: Params): InputWarning {
  const { message } = problem(code, params);
  return { code, message, params };
}

/**
 * A file as warnings name it: its name without the folder. Warnings go into summary.json,
 * which a re-run in another folder (an evidence pack's) must write byte for byte again.
 */
function fileName(input: LoadedInput): string {
  return basename(input.file);
}

/** Every condition of the contract: eligibility, segments, and the bonuses of every version. */
function conditions(contract: Contract): Condition[] {
  return [
    ...contract.eligibility,
    ...contract.segments.flatMap((s) => (s.when ? [s.when] : [])),
    ...contract.versions.flatMap((v) => v.outcomes.flatMap((o) => o.bonus.map((b) => b.when))),
  ];
}

/** The attributes the contract's conditions use, each once, in contract order. */
export function contractAttributes(contract: Contract): string[] {
  return [...new Set(conditions(contract).map((c) => c.attribute))];
}

/** The outcomes that count employment, in contract order, each once. */
export function employmentOutcomes(contract: Contract): string[] {
  const kinds = ['employment_start', 'employment_sustained', 'earnings_threshold'];
  const ids = contract.versions.flatMap((v) =>
    v.outcomes.filter((o) => kinds.includes(o.kind)).map((o) => o.id),
  );
  return [...new Set(ids)];
}

/** The event types the contract counts (events, and assessments before and after). */
export function contractEventTypes(contract: Contract): string[] {
  const types = contract.versions.flatMap((v) =>
    v.outcomes.flatMap((o) =>
      o.kind === 'event' ? [o.event] : o.kind === 'assessment_gain' ? [o.pre, o.post] : [],
    ),
  );
  return [...new Set(types)];
}

/** Attributes the conditions use that the participants file has no column for. */
export function attributeWarnings(contract: Contract, participants: LoadedInput): InputWarning[] {
  const names = new Set(participants.columns.map((c) => c.name));
  const used = contractAttributes(contract);
  // Headers that are neither the table's columns nor an attribute in use: what a
  // misspelt attribute would be.
  const spare = participants.columns
    .filter((c) => !INPUT_COLUMNS.participants.some((s) => s.name === c.name))
    .filter((c) => !used.includes(c.name))
    .map((c) => c.shown ?? c.name);
  const file = fileName(participants);
  return used.flatMap((attribute) => {
    if (attribute === AGE_AT_ENROLMENT) {
      if (names.has('birth_date')) return [];
      const suggestion = closestName('birth_date', spare);
      return [
        suggestion
          ? warning('input.warning.no_birth_date_did_you_mean', { file, suggestion })
          : warning('input.warning.no_birth_date', { file }),
      ];
    }
    if (names.has(attribute)) return [];
    const suggestion = closestName(attribute, spare);
    return [
      suggestion
        ? warning('input.warning.missing_attribute_did_you_mean', { attribute, file, suggestion })
        : warning('input.warning.missing_attribute', { attribute, file }),
    ];
  });
}

/**
 * Event types the contract counts that the events file never has, when a close type is
 * there: one pass over the types of the events table (a hash aggregate over a handful of
 * distinct values), then names compared in memory.
 */
export async function eventTypeWarnings(
  conn: DuckDBConnection,
  contract: Contract,
  events: LoadedInput,
): Promise<InputWarning[]> {
  const wanted = contractEventTypes(contract);
  if (wanted.length === 0) return [];
  const reader = await conn.runAndReadAll(
    'SELECT type, COUNT(*) AS n FROM input_events WHERE type IS NOT NULL GROUP BY type ORDER BY type',
  );
  const counts = new Map(reader.getRowObjectsJS().map((r) => [String(r.type), Number(r.n)]));
  return wanted.flatMap((type) => {
    if (counts.has(type)) return [];
    const suggestion = closestName(type, counts.keys());
    if (suggestion === undefined) return [];
    const count = counts.get(suggestion) as number;
    return [
      warning('input.warning.event_type_absent', { type, file: events.file, suggestion, count }),
    ];
  });
}
