/**
 * Where an output folder may go, decided before anything is written. Resulta creates a new
 * folder, fills an empty one, or replaces one it wrote before (recognised by its marker and
 * holding nothing else); it refuses every other target, so it never removes a file it did
 * not create. Paths are compared as real paths: relative paths and `.`/`..` are resolved
 * (lexically, as `cd` does), then symbolic links are followed.
 */
import { lstat, readdir, readlink, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { foldersOf, MARKER, readMarker } from './output-marker.js';

/** A refused output folder: the message says which, why, and what to do instead. */
export class OutputFolderError extends Error {
  override readonly name = 'OutputFolderError';
}

/** A file the output folder must never hold, e.g. `{ option: '--contract', path: 'c.yaml' }`. */
export interface KeptFile {
  readonly option: string;
  readonly path: string;
}

export interface OutputTarget {
  /** The option that named the folder, for messages: `--out`. */
  readonly option: string;
  /** The folder as the user gave it. */
  readonly path: string;
  /** The contract and inputs: a folder holding any of them is refused. */
  readonly keep: readonly KeptFile[];
}

export type TargetPlan =
  | { readonly kind: 'new'; readonly real: string }
  | { readonly kind: 'empty'; readonly real: string }
  | { readonly kind: 'previous'; readonly real: string; readonly files: readonly string[] };

const ADVICE = 'choose an empty or new folder';

/** Decides what writing to `target` would do, or throws OutputFolderError. */
export async function planTarget(target: OutputTarget): Promise<TargetPlan> {
  const refuse = (reason: string, real?: string): never => {
    const shown = real && real !== target.path ? `${target.path} (${real})` : target.path;
    throw new OutputFolderError(`${target.option} ${shown}: ${reason}`);
  };
  const { real, exists } = await locate(resolve(target.path), refuse);
  const why = await forbiddenPlace(real, target.keep);
  if (why) return refuse(why, real);
  if (!exists) return { kind: 'new', real };
  if (!(await stat(real)).isDirectory()) return refuse(`is a file, not a folder; ${ADVICE}`, real);
  const entries = await readdir(real, { withFileTypes: true });
  if (entries.length === 0) return { kind: 'empty', real };
  const names = entries.map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).sort();
  if (!entries.some((e) => e.name === MARKER))
    return refuse(
      `the folder holds files Resulta did not write (${sample(names)}); ${ADVICE}`,
      real,
    );
  const marker = await readMarker(real);
  if (typeof marker === 'string' || marker === null)
    return refuse(
      `${marker ?? MARKER}, so Resulta cannot tell what it wrote there; ${ADVICE}`,
      real,
    );
  const foreign = await foreignEntries(real, marker.files);
  if (foreign.length > 0)
    return refuse(
      `the folder holds earlier Resulta outputs and files Resulta did not write (${sample(foreign)}); move those out, or ${ADVICE}`,
      real,
    );
  return { kind: 'previous', real, files: marker.files };
}

/**
 * The real path of `abs`; for a path that does not exist yet, the real path of its nearest
 * existing folder with the rest appended (those parts cannot be links: they do not exist).
 */
async function locate(
  abs: string,
  refuse: (reason: string) => never,
): Promise<{ real: string; exists: boolean }> {
  try {
    return { real: await realpath(abs), exists: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return refuse(`a part of the path is a file, not a folder; ${ADVICE}`);
    if (code !== 'ENOENT') throw error;
  }
  const link = await lstat(abs).catch(() => null);
  if (link?.isSymbolicLink())
    return refuse(
      `${abs} is a symbolic link to ${await readlink(abs)}, which does not exist; create that folder, or ${ADVICE}`,
    );
  const parent = await locate(dirname(abs), refuse);
  return { real: join(parent.real, basename(abs)), exists: false };
}

/** Why `real` may never be an output folder, whatever it holds; null when it may. */
async function forbiddenPlace(real: string, keep: readonly KeptFile[]): Promise<string | null> {
  if (dirname(real) === real) return `is the root of the file system; ${ADVICE}`;
  if (real === (await realOrResolved(homedir())))
    return `is your home folder; ${ADVICE}, e.g. a new folder inside it`;
  for (const file of keep) {
    for (const place of await placesOf(file.path)) {
      if (place === real) return `is the ${file.option} file itself; ${ADVICE} for the outputs`;
      if (isInside(place, real))
        return `the folder holds the ${file.option} file (${relative(real, place)}), and an output folder must be a folder of its own; ${ADVICE}`;
    }
  }
  const cwd = await realOrResolved(process.cwd());
  if (cwd === real || isInside(cwd, real))
    return `is the current folder (or holds it), which Resulta would have to swap away under your shell; ${ADVICE}, e.g. ./out`;
  return null;
}

/** Where a kept file lives: as named, with its folder's links followed, and fully followed. */
async function placesOf(path: string): Promise<string[]> {
  const abs = resolve(path);
  const places = new Set([abs, join(await realOrResolved(dirname(abs)), basename(abs))]);
  places.add(await realOrResolved(abs));
  return [...places];
}

async function realOrResolved(path: string): Promise<string> {
  return realpath(path).catch(() => resolve(path));
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * Entries of a marked folder that its marker does not list: any file not named, any folder
 * that holds no named file. Folders that are not Resulta's are reported, not searched.
 */
async function foreignEntries(folder: string, files: readonly string[]): Promise<string[]> {
  const named = new Set(files);
  const folders = new Set(foldersOf(files));
  const foreign: string[] = [];
  const walk = async (prefix: string): Promise<void> => {
    const entries = await readdir(join(folder, prefix), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (path === MARKER && entry.isFile()) continue;
      if (entry.isDirectory() && folders.has(path)) await walk(path);
      else if (!(entry.isFile() && named.has(path)))
        foreign.push(entry.isDirectory() ? `${path}/` : path);
    }
  };
  await walk('');
  return foreign;
}

/** The first few names, for a message: `a, b, c and 4 more`. */
function sample(names: readonly string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}
