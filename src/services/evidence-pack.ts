/**
 * The evidence pack of an evaluation run: a zip holding the contract, the input snapshot,
 * the outputs and a manifest of SHA-256 hashes, from which anyone can re-run the bill with
 * `resulta evaluate` and get the same bytes. Zip entries carry a fixed time, so the same
 * run always packs to the same bytes.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';

export const PACK_TIME = new Date('2000-01-01T00:00:00Z');

/** The outputs a pack holds under `outputs/`, as `resulta evaluate` writes them. */
export const PACK_OUTPUTS = ['achievements.csv', 'participants.csv', 'summary.json'] as const;

/** The entries every pack holds besides the employment file and the manifest. */
export const PACK_FILES = [
  'contract.yaml',
  'inputs/participants.csv',
  'inputs/events.csv',
  ...PACK_OUTPUTS.map((name) => `outputs/${name}`),
] as const;

/** The employment file: Parquet from the store, CSV from a pack made of CSV inputs. */
export const PACK_EMPLOYMENT = ['inputs/employment.parquet', 'inputs/employment.csv'] as const;

export const PACK_MANIFEST = 'manifest.json';

/**
 * Why the pack's CSV files may hold cells a spreadsheet would run (issue #7 item 11): they
 * are what `resulta evaluate` reads and writes, and neutralising a cell would change the
 * bytes the manifest's hashes and the re-run vouch for.
 */
export const CSV_FORMULAS =
  'not neutralised: machine files for resulta evaluate, byte for byte; a cell starting with = + - @ may run as a formula in a spreadsheet, so open them with care';

export interface PackFiles {
  readonly contract: string;
  readonly participants: string;
  readonly events: string;
  readonly employment: string;
  readonly outputs: string;
  /** The stored employment datasets the run merged into `employment`, in that order. */
  readonly employmentDatasets?: readonly { id: string; sha256: string; rows: number }[];
}

export interface PackManifest {
  readonly programme: string;
  readonly contract_version: number;
  readonly as_of: string;
  readonly files: Record<string, string>;
  /** The employment datasets in force that the run read: id, SHA-256 as stored, rows. */
  readonly employment_datasets: readonly { id: string; sha256: string; rows: number }[];
  readonly rerun: string;
  /** The CSV files are machine files, kept byte for byte: formula-like cells are not neutralised. */
  readonly csv_formulas: string;
}

export async function buildEvidencePack(
  files: PackFiles,
  meta: { programme: string; contractVersion: number; asOf: string },
): Promise<{ zip: Uint8Array; manifest: PackManifest }> {
  const employmentName = `inputs/employment${files.employment.endsWith('.parquet') ? '.parquet' : '.csv'}`;
  const entries: Record<string, Uint8Array> = {
    'contract.yaml': await readFile(files.contract),
    'inputs/participants.csv': await readFile(files.participants),
    'inputs/events.csv': await readFile(files.events),
    [employmentName]: await readFile(files.employment),
  };
  for (const name of PACK_OUTPUTS) {
    entries[`outputs/${name}`] = await readFile(join(files.outputs, name));
  }
  const manifest: PackManifest = {
    programme: meta.programme,
    contract_version: meta.contractVersion,
    as_of: meta.asOf,
    files: Object.fromEntries(
      Object.entries(entries).map(([name, bytes]) => [
        name,
        createHash('sha256').update(bytes).digest('hex'),
      ]),
    ),
    employment_datasets: files.employmentDatasets ?? [],
    rerun: `resulta evaluate --contract contract.yaml --participants inputs/participants.csv --events inputs/events.csv --employment ${employmentName} --as-of ${meta.asOf} --out outputs`,
    csv_formulas: CSV_FORMULAS,
  };
  entries[PACK_MANIFEST] = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const zip = zipSync(
    Object.fromEntries(
      Object.entries(entries).map(([name, bytes]) => [name, [bytes, { mtime: PACK_TIME }]]),
    ),
  );
  return { zip, manifest };
}
