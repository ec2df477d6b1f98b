/**
 * Which column of the file feeds which column of the table. The server matches headers as
 * the engine does (src/engine/snapshot/header-names.ts: trimmed, without regard to case);
 * the preview shows that match, and a person may point a header written otherwise
 * (`Fecha de inscripción`) at the column it stands for. Only those choices travel to the
 * server, as the upload's column mapping.
 */
import type { ColumnSpec } from './import-kinds.js';

/** A header as headers are compared: trimmed, lower case. */
export const fold = (name: string) => name.trim().toLowerCase();

/** Per header, the table column it is read as ('' when none: kept as it is, or not read). */
export function matchHeaders(headers: readonly string[], spec: readonly ColumnSpec[]): string[] {
  return headers.map((h) => spec.find((c) => c.name === fold(h))?.name ?? '');
}

/** The mapping to send: headers pointed at a column other than their own name. */
export function mappingOf(
  headers: readonly string[],
  targets: readonly string[],
): Record<string, string> | undefined {
  const mapping: Record<string, string> = {};
  headers.forEach((h, i) => {
    const target = targets[i] ?? '';
    if (target !== '' && fold(h) !== target) mapping[h.trim()] = target;
  });
  return Object.keys(mapping).length > 0 ? mapping : undefined;
}

/** Required columns no header is read as. */
export function missingColumns(spec: readonly ColumnSpec[], targets: readonly string[]): string[] {
  return spec.filter((c) => c.required && !targets.includes(c.name)).map((c) => c.name);
}

/** Columns more than one header is read as. */
export function doubledColumns(targets: readonly string[]): string[] {
  const seen = new Set<string>();
  const doubled = new Set<string>();
  for (const t of targets) {
    if (t === '') continue;
    if (seen.has(t)) doubled.add(t);
    seen.add(t);
  }
  return [...doubled];
}
