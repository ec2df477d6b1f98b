/**
 * An uploaded file imported into a programme: the bytes are written to a private temporary
 * folder (the importers read files, as the engine does), imported all or nothing within the
 * caller's scope, and the folder is removed whatever happens. `checkOnly` checks it the same
 * way and writes nothing; `columns` is the sender's column mapping.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProblemsError } from '../domain/problem.js';
import type { Store } from '../store/database.js';
import type { Dataset, Supersedes } from './datasets.js';
import type { Principal } from './identity.js';
import {
  checkEmployment,
  importEmployment,
  importEvents,
  importParticipants,
} from './import-data.js';
import { scopeOf } from './provider-scope.js';

export type UploadKind = 'participants' | 'events' | 'employment-datasets';
export type UploadFormat = 'csv' | 'xlsx' | 'parquet';

export interface Upload {
  readonly kind: UploadKind;
  readonly format: UploadFormat;
  readonly bytes: Uint8Array;
  /** The name the file is recorded under, in problems and the audit log. */
  readonly name: string;
  /** An employment dataset only: the dataset in force it corrects, and why. */
  readonly supersedes?: Supersedes;
  /** The sender's headers and the columns they stand for. */
  readonly columns?: ReadonlyMap<string, string>;
  /** Check the file whole as the import would, and write nothing. */
  readonly checkOnly?: boolean;
}

/** Rows imported, or the employment dataset recorded. */
export type Imported = { readonly rows: number } | { readonly dataset: Dataset };

type Importer = (
  store: Store,
  who: Principal,
  programmeId: string,
  path: string,
  upload: Upload,
) => Promise<Imported>;

// A provider imports only for its own participants, and no one gives person keys (the
// importer derives them from national ids); the roles allowed to upload each kind are the
// API's to decide.
const IMPORTERS: Record<UploadKind, Importer> = {
  participants: async (store, who, programmeId, path, upload) => ({
    rows: await importParticipants(store, who, programmeId, path, upload.name, {
      ...scopeOf(who),
      ...optionsOf(upload),
    }),
  }),
  events: async (store, who, programmeId, path, upload) => ({
    rows: await importEvents(store, who, programmeId, path, upload.name, {
      ...scopeOf(who),
      ...optionsOf(upload),
    }),
  }),
  'employment-datasets': async (store, who, programmeId, path, upload) =>
    upload.checkOnly
      ? {
          rows: await checkEmployment(store, programmeId, path, upload.name, {
            ...optionsOf(upload),
            ...(upload.supersedes ? { supersedes: upload.supersedes } : {}),
          }),
        }
      : {
          dataset: await importEmployment(
            store,
            who,
            programmeId,
            path,
            upload.name,
            upload.supersedes,
            optionsOf(upload),
          ),
        },
};

function optionsOf(upload: Upload) {
  return {
    ...(upload.columns ? { mapping: upload.columns } : {}),
    ...(upload.checkOnly ? { checkOnly: true } : {}),
  };
}

export async function importUpload(
  store: Store,
  who: Principal,
  programmeId: string,
  upload: Upload,
): Promise<Imported> {
  const dir = await mkdtemp(join(tmpdir(), 'resulta-upload-'));
  const path = join(dir, `upload.${upload.format}`);
  try {
    await writeFile(path, upload.bytes);
    return await IMPORTERS[upload.kind](store, who, programmeId, path, upload);
  } catch (error) {
    throw error instanceof ProblemsError ? withoutServerPath(error, path, upload.name) : error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The problems with the temporary file's path replaced by the name the sender gave the file:
 * a reader's message may quote the path it was given, which is the server's business.
 */
function withoutServerPath(error: ProblemsError, path: string, name: string): ProblemsError {
  return new ProblemsError(
    error.problems.map((p) => ({ ...p, message: p.message.split(path).join(name) })),
  );
}
