/** CSV lines as the spec's outputs write them: comma separated, quotes only where needed. */
export function csvLine(fields: readonly (string | null)[]): string {
  return `${fields.map((f) => (f === null ? '' : /[",\n\r]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',')}\n`;
}
