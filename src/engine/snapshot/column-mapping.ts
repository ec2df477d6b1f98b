/**
 * The column mapping (`--columns mapping.yaml`): per table, the user's headers and the
 * Resulta column each stands for, so a file keeps the headers its users know.
 *
 * ```yaml
 * participants:
 *   id_participante: participant_id
 *   sexo: sex                # an attribute the contract's conditions use
 * events:
 *   tipo: type
 * ```
 *
 * Headers are matched without regard to case and surrounding spaces, here as everywhere.
 * Renaming happens on the header alone (header-names.ts), so it costs no pass over the data.
 */
import { isMap, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import { type Problem, problem } from '../../domain/problem.js';
import { fold } from './closest-name.js';
import { INPUT_COLUMNS, INPUT_ROLES, type InputRole } from './input-tables.js';

/** Per table, the user's header (folded) and the column name it stands for. */
export type ColumnMapping = Readonly<Partial<Record<InputRole, ReadonlyMap<string, string>>>>;

export const NO_MAPPING: ColumnMapping = {};

export type ParsedMapping =
  | { readonly mapping: ColumnMapping; readonly problems?: undefined }
  | { readonly mapping?: undefined; readonly problems: readonly Problem[] };

/** Reads a mapping file's text; `file` names it in problems. */
export function parseColumnMapping(text: string, file: string): ParsedMapping {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  const at = (node: Node | null | undefined) => {
    const offset = node?.range?.[0];
    if (offset === undefined) return { file };
    const { line, col } = lines.linePos(offset);
    return { file, line, col };
  };
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const reason = (error?.message ?? '').split('\n')[0] ?? '';
    const { line, col } = lines.linePos(error?.pos[0] ?? 0);
    return { problems: [problem('input.mapping.syntax', { reason }, { file, line, col })] };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { mapping: NO_MAPPING };
  const shape = () => problem('input.mapping.shape', { example: EXAMPLE }, at(root));
  if (!isMap(root)) return { problems: [shape()] };
  const problems: Problem[] = [];
  const mapping: Partial<Record<InputRole, Map<string, string>>> = {};
  for (const pair of root.items) {
    const table = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(INPUT_ROLES as readonly string[]).includes(table)) {
      problems.push(problem('input.mapping.unknown_table', { table }, at(pair.key as Node)));
      continue;
    }
    const role = table as InputRole;
    if (!isMap(pair.value)) {
      problems.push(shape());
      continue;
    }
    mapping[role] = readTable(role, pair.value.items, at, problems);
  }
  return problems.length > 0 ? { problems } : { mapping };
}

const EXAMPLE = '{ id_participante: participant_id, sexo: sex }';

type Place = (node: Node | null | undefined) => Pick<Problem, 'file' | 'line' | 'col'>;

function readTable(
  role: InputRole,
  items: readonly { key: unknown; value: unknown }[],
  at: Place,
  problems: Problem[],
): Map<string, string> {
  const names = new Map<string, string>();
  const targets = new Map<string, string>();
  const known = INPUT_COLUMNS[role].map((c) => c.name);
  for (const { key, value } of items) {
    const header = isScalar(key) ? String(key.value ?? '').trim() : '';
    const written = isScalar(value) && typeof value.value === 'string' ? value.value.trim() : '';
    // A Resulta column is spelled as Resulta spells it, whatever the case in the mapping.
    const target = known.find((k) => fold(k) === fold(written)) ?? written;
    if (header === '' || target === '') {
      problems.push(problem('input.mapping.not_a_name', { header }, at(key as Node)));
      continue;
    }
    // Participants may map to any name: the contract's attributes are columns too.
    if (role !== 'participants' && !known.includes(target)) {
      problems.push(
        problem(
          'input.mapping.unknown_column',
          { table: role, column: target, columns: known.join(', ') },
          at(value as Node),
        ),
      );
      continue;
    }
    if (names.has(fold(header))) {
      problems.push(problem('input.mapping.same_header', { header }, at(key as Node)));
      continue;
    }
    const first = targets.get(fold(target));
    if (first !== undefined) {
      problems.push(
        problem(
          'input.mapping.same_target',
          { first, second: header, column: target },
          at(key as Node),
        ),
      );
      continue;
    }
    names.set(fold(header), target);
    targets.set(fold(target), header);
  }
  return names;
}
