/** The preview of a chosen file, by its format: CSV and XLSX read in the browser; Parquet not. */
import { csvPreview, type Preview } from './csv-preview.js';
import type { FileFormat } from './import-kinds.js';
import { xlsxPreview } from './xlsx-preview.js';

/** Rows shown under the header. */
export const PREVIEW_ROWS = 8;

export type PreviewState =
  | { readonly state: 'none' }
  | { readonly state: 'reading' }
  | { readonly state: 'ready'; readonly preview: Preview }
  | { readonly state: 'unavailable'; readonly why: 'parquet' | 'unreadable' };

export async function previewOf(file: File, format: FileFormat): Promise<PreviewState> {
  if (format === 'parquet') return { state: 'unavailable', why: 'parquet' };
  try {
    const preview =
      format === 'csv'
        ? await csvPreview(file, PREVIEW_ROWS)
        : await xlsxPreview(file, PREVIEW_ROWS);
    if (preview.headers.length === 0) return { state: 'unavailable', why: 'unreadable' };
    return { state: 'ready', preview };
  } catch {
    return { state: 'unavailable', why: 'unreadable' };
  }
}
