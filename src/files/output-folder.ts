/**
 * All-or-nothing output folders that never remove what Resulta did not create. The target
 * is checked first (`output-target.ts`: new, empty, or a previous Resulta output holding
 * nothing else; anything else is refused before a byte is written). Files are written into
 * a staging folder beside it, marked (`output-marker.ts`), checked again, and swapped in by
 * renames; the previous folder is then emptied file by file from its marker's list, never
 * removed recursively, so even a race cannot delete a file Resulta did not write.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { foldersOf, MARKER, writeMarker } from './output-marker.js';
import {
  OutputFolderError,
  type OutputTarget,
  planTarget,
  type TargetPlan,
} from './output-target.js';

export type { KeptFile, OutputTarget } from './output-target.js';
export { OutputFolderError } from './output-target.js';

export interface WrittenFolder<T> {
  readonly value: T;
  /** The folder's real path. */
  readonly path: string;
  /** The previous outputs' folder, when it could not be emptied (something new appeared in it). */
  readonly leftOver?: string;
}

/**
 * Runs `write` into a fresh staging folder and puts the result at `target.path`.
 *
 * @example
 *   await writeOutputFolder({ option: '--out', path: 'out/tiny', keep: [] }, (dir) => evaluate(request, dir));
 */
export async function writeOutputFolder<T>(
  target: OutputTarget,
  write: (staging: string) => Promise<T>,
): Promise<WrittenFolder<T>> {
  const plan = await planTarget(target);
  const parent = dirname(plan.real);
  const created = await mkdir(parent, { recursive: true });
  const name = `.${basename(plan.real)}.resulta`;
  const tag = randomBytes(6).toString('hex');
  const staging = join(parent, `${name}-staging-${tag}`);
  try {
    await mkdir(staging);
    const value = await write(staging);
    await writeMarker(staging);
    await expectSamePlan(target, plan);
    const leftOver = await swapIn(plan, staging, join(parent, `${name}-old-${tag}`));
    return leftOver ? { value, path: plan.real, leftOver } : { value, path: plan.real };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (created) await removeEmptyFolders(parent, created);
    throw error;
  }
}

/** The target may have changed during a long run: a user adding a file there wins. */
async function expectSamePlan(target: OutputTarget, plan: TargetPlan): Promise<void> {
  const now = await planTarget(target);
  if (JSON.stringify(now) !== JSON.stringify(plan))
    throw new OutputFolderError(
      `${target.option} ${target.path}: the folder changed while Resulta was writing; nothing was replaced, run again`,
    );
}

/** Moves the staged folder into place; returns the old folder if it had to be left. */
async function swapIn(plan: TargetPlan, staging: string, old: string): Promise<string | undefined> {
  if (plan.kind === 'new') {
    await rename(staging, plan.real);
    return undefined;
  }
  // The folder keeps the permissions its owner gave it.
  await chmod(staging, (await stat(plan.real)).mode & 0o7777);
  await rename(plan.real, old);
  try {
    await rename(staging, plan.real);
  } catch (error) {
    await rename(old, plan.real);
    throw error;
  }
  const files = plan.kind === 'previous' ? plan.files : [];
  return (await emptyOldFolder(old, files)) ? undefined : old;
}

/** Removes exactly the files Resulta listed, then the folders they leave empty. */
async function emptyOldFolder(old: string, files: readonly string[]): Promise<boolean> {
  try {
    for (const file of [...files, MARKER]) await unlink(join(old, file)).catch(ignoreMissing);
    // A folder's path is longer than its parent's, so longest first empties inner folders first.
    for (const folder of foldersOf(files).sort((a, b) => b.length - a.length))
      await rmdir(join(old, folder));
    await rmdir(old);
    return true;
  } catch {
    return false;
  }
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}

/** Removes the parents a failed run created, from the innermost up to `top`, if still empty. */
async function removeEmptyFolders(innermost: string, top: string): Promise<void> {
  for (let dir = innermost; ; dir = dirname(dir)) {
    if (
      !(await rmdir(dir).then(
        () => true,
        () => false,
      )) ||
      dir === top
    )
      return;
  }
}
