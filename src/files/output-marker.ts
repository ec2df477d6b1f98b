/**
 * The marker that makes a folder a Resulta output folder: `.resulta-output`, a small JSON
 * file naming the tool, its version and every file Resulta wrote there. Only the files it
 * names may ever be replaced or removed by a later run.
 *
 * ```json
 * { "tool": "resulta", "version": "0.1.0", "files": ["achievements.csv", "participants.csv", "summary.json"] }
 * ```
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const MARKER = '.resulta-output';

export interface OutputMarker {
  readonly tool: 'resulta';
  readonly version: string;
  /** Paths relative to the folder, `/`-separated, sorted; the marker itself is not listed. */
  readonly files: readonly string[];
}

/** Lists what `folder` holds and writes its marker; call once every output is complete. */
export async function writeMarker(folder: string): Promise<OutputMarker> {
  const marker: OutputMarker = {
    tool: 'resulta',
    version: resultaVersion(),
    files: (await filesBelow(folder, '')).sort(),
  };
  await writeFile(join(folder, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
  return marker;
}

/** The folder's marker, or why it is not one Resulta can trust; null when there is none. */
export async function readMarker(folder: string): Promise<OutputMarker | string | null> {
  let text: string;
  try {
    text = await readFile(join(folder, MARKER), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return `${MARKER} cannot be read (${(error as Error).message})`;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return `${MARKER} is not JSON`;
  }
  return checkMarker(value);
}

function checkMarker(value: unknown): OutputMarker | string {
  const v = value as Partial<Record<keyof OutputMarker, unknown>> | null;
  if (typeof v !== 'object' || v === null || v.tool !== 'resulta')
    return `${MARKER} does not say "tool": "resulta"`;
  if (!Array.isArray(v.files) || !v.files.every(isPlainRelativePath))
    return `${MARKER} does not list its files as plain relative paths`;
  return { tool: 'resulta', version: String(v.version ?? ''), files: v.files };
}

/**
 * A marker's file names decide what a later run deletes, so a hand-edited one must not be
 * able to reach outside its folder: no absolute paths, no `..`, no empty or `.` segments.
 */
function isPlainRelativePath(path: unknown): path is string {
  if (typeof path !== 'string' || path === '' || path === MARKER) return false;
  return path
    .split('/')
    .every((part) => part !== '' && part !== '.' && part !== '..' && !part.includes('\\'));
}

/** Every folder that holds a listed file: `a/b/c.csv` gives `a` and `a/b`. */
export function foldersOf(files: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  return [...folders];
}

async function filesBelow(folder: string, prefix: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(folder, prefix), { withFileTypes: true })) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await filesBelow(folder, path)));
    else if (path !== MARKER) files.push(path);
  }
  return files;
}

/** The version in Resulta's package.json, found upward from this file in src/ or dist/src/. */
export function resultaVersion(): string {
  for (let dir = import.meta.dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
    if (pkg.name === 'resulta') return String(pkg.version);
  }
  return 'unknown';
}
