/**
 * Downloads a file the API makes (an evidence pack, a bill statement) as the signed-in
 * person: fetched with the session cookie and the reader's language (a statement is written
 * in it), then handed to the browser's download under the name the server gave. A refusal
 * (a run not finished, a bill not found) becomes an ApiError the page shows in words.
 */
import type { Locale } from '../../../src/domain/messages/locale.js';
import { ApiError, type ApiProblemBody } from '../api/client.js';

export interface Downloaded {
  readonly name: string;
  readonly bytes: number;
}

export async function downloadFile(
  path: string,
  locale: Locale,
  fallbackName: string,
): Promise<Downloaded> {
  const response = await fetch(path, {
    credentials: 'same-origin',
    headers: { 'accept-language': locale, 'x-resulta-csrf': '1' },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as ApiProblemBody;
    throw new ApiError(response.status, body);
  }
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { name, bytes: blob.size };
}

/** The file name of `attachment; filename="…"`. */
function fileNameOf(disposition: string | null): string | undefined {
  const match = /filename="([^"]+)"/.exec(disposition ?? '');
  return match?.[1];
}
