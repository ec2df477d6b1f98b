/**
 * CSV downloads of a chart's table. CSV is a machine format: numbers with a point and no
 * grouping, dates ISO, amounts as the API gives them; never formatted by locale (only the
 * header row is in the reader's language).
 */
export type Cell = string | number | null;

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const line = (cells: readonly Cell[]) => cells.map(quote).join(',');
  return `${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}

function quote(cell: Cell): string {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Saves text as a file through the browser's download (no server round trip). */
export function download(fileName: string, text: string): void {
  // A BOM, so spreadsheet programs read the UTF-8 header (é, ñ) as UTF-8.
  const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
