/**
 * The names a file's columns go by: each header trimmed, renamed by the column mapping, and
 * matched without regard to case to the table's own columns and to the attributes the
 * contract's conditions use, which then take their spelling (a header `Participant_ID ` is
 * participant_id, `Sex` is the contract's `sex`). Only names change: DuckDB reads the file
 * under them, so this costs no pass over the data.
 *
 * Two headers that end up with the same name (`Region` and `region`, or `sexo` mapped to sex
 * beside a `sex` column) are a header problem: DuckDB's names ignore case, so they could not
 * be told apart.
 */
import { type Problem, problem } from '../../domain/problem.js';
import { fold } from './closest-name.js';
import { INPUT_COLUMNS, type InputRole } from './input-tables.js';

export interface NamedColumn {
  /** The header as the file holds it. */
  readonly source: string;
  /** The header as people read it in their file: trimmed. */
  readonly shown: string;
  /** The name Resulta reads the column by. */
  readonly name: string;
}

export interface HeaderNaming {
  /** The table's mapping: the user's header (folded) and the name it stands for. */
  readonly mapping?: ReadonlyMap<string, string>;
  /** Names the contract's conditions use (participants), to take their spelling. */
  readonly attributes?: readonly string[];
}

export function nameColumns(
  role: InputRole,
  header: readonly string[],
  naming: HeaderNaming,
  file: string,
): { columns: NamedColumn[]; problems: Problem[] } {
  const spellings = new Map<string, string>();
  for (const name of [...(naming.attributes ?? []), ...INPUT_COLUMNS[role].map((c) => c.name)]) {
    spellings.set(fold(name), name);
  }
  const columns = header.map((source) => {
    const shown = source.trim();
    const base = naming.mapping?.get(fold(shown)) ?? shown;
    return { source, shown, name: spellings.get(fold(base)) ?? base };
  });
  const problems: Problem[] = [];
  const seen = new Map<string, NamedColumn>();
  for (const column of columns) {
    const first = seen.get(fold(column.name));
    if (first === undefined) {
      seen.set(fold(column.name), column);
      continue;
    }
    const where = { file, row: 1, column: column.shown };
    problems.push(
      first.shown === column.shown
        ? problem('input.header.twice', { column: column.shown }, where)
        : problem(
            'input.header.same_name',
            { first: first.shown, second: column.shown, name: column.name },
            where,
          ),
    );
  }
  return { columns, problems };
}
