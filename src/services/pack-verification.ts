/**
 * Verifying an evidence pack (`resulta verify-pack PACK.zip`): re-run it in a fresh temporary
 * folder and compare every output with the hash its manifest gives.
 *
 * 1. The zip is read by its directory (files/zip-entries.ts): it must hold exactly the files
 *    a pack holds (evidence-pack.ts), under their names, within a size limit; anything else —
 *    another zip, an entry such as `../x` or `/etc/x`, a bomb — is refused before a byte is
 *    inflated, and no entry name is ever used as a path.
 * 2. The manifest must list every file of the pack with a SHA-256, and the contract and
 *    inputs must match it: a pack whose inputs were changed cannot vouch for any output.
 * 3. The pack is evaluated as `resulta evaluate` would (the manifest's `as_of`), in a child
 *    process whose temporary files stay in the folder (engine/isolated-run.ts), and each
 *    output's SHA-256 compared with the manifest's; for the first that differs, the first
 *    line where it differs from the pack's own copy.
 *
 * Nothing is written outside the temporary folder, which is removed whatever happens.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseLocalDate } from '../domain/local-date.js';
import type { MessageCode } from '../domain/messages/catalogue.js';
import type { Params } from '../domain/messages/render.js';
import { type Problem, ProblemsError, problem } from '../domain/problem.js';
import type { ProgressListener } from '../engine/evaluate.js';
import { evaluateIsolated, RunFailure, runLimitsFromEnv } from '../engine/isolated-run.js';
import {
  extractEntries,
  type ZipDirectoryEntry,
  ZipEntryRefusal,
  zipDirectory,
} from '../files/zip-entries.js';
import { PACK_EMPLOYMENT, PACK_FILES, PACK_MANIFEST, PACK_OUTPUTS } from './evidence-pack.js';

/** The archive is not an evidence pack Resulta will re-run; `problem` says why. */
export class PackRefusal extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
    this.name = 'PackRefusal';
  }
}

export interface PackLimits {
  /** Most bytes the pack's files may inflate to, together. */
  readonly maxInflatedBytes: number;
}

const MB = 1024 * 1024;

/** RESULTA_PACK_MAX_MB (default 4096: a national pack is a few hundred MB). */
export function packLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): PackLimits {
  const text = env.RESULTA_PACK_MAX_MB;
  if (text === undefined || text.trim() === '') return { maxInflatedBytes: 4096 * MB };
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`RESULTA_PACK_MAX_MB="${text}": expected a whole number of at least 1`);
  return { maxInflatedBytes: value * MB };
}

/** A file that is not what the manifest says, and where it first differs when it is text. */
export interface PackDifference {
  /** `outputs/achievements.csv` after the re-run, or a pack file as it came. */
  readonly file: string;
  readonly stage: 'pack' | 'rerun';
  readonly expected: string;
  readonly actual: string;
  /** For the re-run of a text output: the first line that differs (1-based), in each. */
  readonly line?: {
    readonly number: number;
    readonly pack: string | null;
    readonly rerun: string | null;
  };
}

export type PackVerdict =
  | { readonly ok: true; readonly outputs: readonly string[]; readonly asOf: string }
  | { readonly ok: false; readonly difference: PackDifference };

/** The manifest's parts this check reads. */
interface Manifest {
  readonly asOf: string;
  readonly files: Readonly<Record<string, string>>;
}

/**
 * Re-runs the pack at `path` and compares; throws PackRefusal when it is no pack, and
 * ProblemsError when its inputs do not evaluate (each problem as the engine reports it).
 */
export async function verifyPack(
  path: string,
  options: { limits?: PackLimits; onProgress?: ProgressListener } = {},
): Promise<PackVerdict> {
  const limits = options.limits ?? packLimitsFromEnv();
  const entries = await packEntries(path, limits);
  const work = await mkdtemp(join(tmpdir(), 'resulta-verify-'));
  try {
    const pack = join(work, 'pack');
    await mkdir(join(pack, 'inputs'), { recursive: true });
    await mkdir(join(pack, 'outputs'));
    // Names were checked against the pack's own list: each maps to a path this code chose.
    await extractEntries(path, entries, new Map(entries.map((e) => [e.name, join(pack, e.name)])));
    const manifest = readManifest(await readFile(join(pack, PACK_MANIFEST), 'utf8'), entries);
    const tampered = await firstMismatch(pack, manifest, 'pack');
    if (tampered) return { ok: false, difference: tampered };
    const rerun = await evaluatePack(work, pack, manifest, entries, options.onProgress);
    const differing = await firstMismatch(rerun, manifest, 'rerun', pack);
    if (differing) return { ok: false, difference: differing };
    return { ok: true, outputs: PACK_OUTPUTS.map((o) => `outputs/${o}`), asOf: manifest.asOf };
  } catch (error) {
    if (error instanceof ZipEntryRefusal) throw new PackRefusal(error.problem);
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The pack's directory, once it holds exactly a pack's files within the limit. */
async function packEntries(path: string, limits: PackLimits): Promise<ZipDirectoryEntry[]> {
  const expected = new Set<string>([...PACK_FILES, ...PACK_EMPLOYMENT, PACK_MANIFEST]);
  let entries: ZipDirectoryEntry[];
  try {
    entries = await zipDirectory(path, expected.size + 2);
  } catch (error) {
    if (error instanceof ZipEntryRefusal) throw new PackRefusal(error.problem);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') refuse('output.pack.no_file', {});
    throw error;
  }
  // Folder entries, which some zip tools add, hold nothing.
  const files = entries.filter((e) => !(e.name.endsWith('/') && e.inflatedSize === 0));
  const seen = new Set<string>();
  for (const { name } of files) {
    if (!isPlainName(name)) refuse('output.pack.unsafe_name', { name });
    if (!expected.has(name)) refuse('output.pack.unexpected_entry', { name });
    if (seen.has(name)) refuse('output.pack.duplicate', { name });
    seen.add(name);
  }
  for (const name of [...PACK_FILES, PACK_MANIFEST])
    if (!seen.has(name)) refuse('output.pack.missing', { name });
  if (PACK_EMPLOYMENT.filter((name) => seen.has(name)).length !== 1)
    refuse('output.pack.missing', { name: PACK_EMPLOYMENT.join(' / ') });
  const declared = files.reduce((sum, e) => sum + e.inflatedSize, 0);
  if (declared > limits.maxInflatedBytes)
    refuse('output.pack.too_large', {
      size: Math.ceil(declared / MB),
      max: Math.floor(limits.maxInflatedBytes / MB),
    });
  return files;
}

/** A relative path of plain segments: no root, drive, `..`, backslash or control character. */
function isPlainName(name: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (name === '' || /[\\\u0000-\u001f]/.test(name) || /^[A-Za-z]:/.test(name)) return false;
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

function refuse(code: MessageCode, params: Params): never {
  throw new PackRefusal(problem(code, params));
}

/** The manifest's `as_of` and `files`, which must list every other file of the pack. */
function readManifest(text: string, entries: readonly ZipDirectoryEntry[]): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    refuse('output.pack.manifest_json', {});
  }
  const m = value as { as_of?: unknown; files?: unknown } | null;
  const asOf = typeof m?.as_of === 'string' ? m.as_of : '';
  if (!parseLocalDate(asOf)) refuse('output.pack.manifest_as_of', {});
  const files = m?.files;
  const listed = (typeof files === 'object' && files !== null ? files : {}) as Record<
    string,
    unknown
  >;
  for (const { name } of entries) {
    if (name === PACK_MANIFEST) continue;
    const hash = listed[name];
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash))
      refuse('output.pack.manifest_hash', { name });
  }
  const names = new Set(entries.map((e) => e.name));
  for (const name of Object.keys(listed))
    if (!names.has(name)) refuse('output.pack.manifest_extra', { name });
  return { asOf, files: listed as Record<string, string> };
}

/**
 * The first file under `folder` whose SHA-256 is not the manifest's: at the `pack` stage
 * every file of the pack, contract and inputs first; at the `rerun` stage the outputs, each
 * compared line by line with the pack's copy (`packFolder`) when it differs.
 */
async function firstMismatch(
  folder: string,
  manifest: Manifest,
  stage: 'pack' | 'rerun',
  packFolder?: string,
): Promise<PackDifference | null> {
  const names =
    stage === 'pack'
      ? Object.keys(manifest.files).sort((a, b) => order(a) - order(b) || a.localeCompare(b))
      : PACK_OUTPUTS.map((o) => `outputs/${o}`);
  for (const file of names) {
    const expected = manifest.files[file] as string;
    const actual = await sha256Of(join(folder, file));
    if (actual === expected) continue;
    if (stage === 'pack' || packFolder === undefined) return { file, stage, expected, actual };
    const line = await firstDifferentLine(join(packFolder, file), join(folder, file));
    return { file, stage, expected, actual, ...(line ? { line } : {}) };
  }
  return null;
}

/** Contract and inputs before outputs: a changed input explains a changed output. */
function order(name: string): number {
  return name.startsWith('outputs/') ? 1 : 0;
}

async function evaluatePack(
  work: string,
  pack: string,
  manifest: Manifest,
  entries: readonly ZipDirectoryEntry[],
  onProgress?: ProgressListener,
): Promise<string> {
  const employmentName = entries.find((e) =>
    (PACK_EMPLOYMENT as readonly string[]).includes(e.name),
  )?.name as string;
  const contract = await readFile(join(pack, 'contract.yaml'));
  const rerun = join(work, 'rerun');
  const spill = join(work, 'spill');
  await mkdir(join(rerun, 'outputs'), { recursive: true });
  await mkdir(spill);
  // The worker copies one employment source into place: a copy of its own, beside the pack.
  const employment = join(work, employmentName.replace('inputs/', ''));
  try {
    await evaluateIsolated(
      {
        contractYaml: contract.toString('utf8'),
        contractSha256: createHash('sha256').update(contract).digest('hex'),
        asOf: manifest.asOf,
        participants: join(pack, 'inputs/participants.csv'),
        events: join(pack, 'inputs/events.csv'),
        employmentSources: [join(pack, employmentName)],
        employment,
        outDir: join(rerun, 'outputs'),
        spillDir: spill,
      },
      runLimitsFromEnv(),
      onProgress,
    );
  } catch (error) {
    if (!(error instanceof RunFailure)) throw error;
    if (error.problems.length > 0) throw new ProblemsError(error.problems);
    throw new PackRefusal(problem('output.verify.rerun_failed', { reason: error.reason }));
  }
  return rerun;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The first line (1-based) where two text files differ, with each side (null past its end). */
async function firstDifferentLine(
  packFile: string,
  rerunFile: string,
): Promise<PackDifference['line'] | undefined> {
  const a = createInterface({
    input: createReadStream(packFile),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const b = createInterface({
    input: createReadStream(rerunFile),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const left = a[Symbol.asyncIterator]();
  const right = b[Symbol.asyncIterator]();
  try {
    for (let number = 1; ; number++) {
      const [x, y] = await Promise.all([left.next(), right.next()]);
      if (x.done && y.done) return undefined;
      const pack = x.done ? null : x.value;
      const rerun = y.done ? null : y.value;
      if (pack !== rerun) return { number, pack, rerun };
    }
  } finally {
    a.close();
    b.close();
  }
}
