/**
 * Sends a file to the upload API with its progress: XMLHttpRequest, whose upload events
 * report the bytes sent (fetch has no upload progress in browsers yet). The file is the
 * request's body, as the API takes it; the session cookie and the app's CSRF header go
 * with it, and the answer comes back in the reader's language.
 */
import type { Locale } from '../../../../src/domain/messages/locale.js';
import type { FileFormat } from './import-kinds.js';

const CONTENT_TYPE: Record<FileFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  parquet: 'application/vnd.apache.parquet',
};

export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

export interface UploadRequest {
  readonly path: string;
  readonly file: File;
  readonly format: FileFormat;
  readonly query: Readonly<Record<string, string>>;
  readonly locale: Locale;
  /** Bytes sent so far, of all. */
  readonly onProgress: (sent: number, total: number) => void;
}

export function upload(request: UploadRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams(request.query).toString();
    xhr.open('POST', `${request.path}?${query}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', CONTENT_TYPE[request.format]);
    xhr.setRequestHeader('x-resulta-csrf', '1');
    xhr.setRequestHeader('accept-language', request.locale);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      request.onProgress(event.loaded, event.lengthComputable ? event.total : request.file.size);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = { message: xhr.responseText };
      }
      resolve({ status: xhr.status, body });
    };
    // A TypeError, as fetch gives when the server cannot be reached (problemText says so).
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.send(request.file);
  });
}
