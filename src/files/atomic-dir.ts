/**
 * All-or-nothing output folders: files are written into a staging folder beside the target,
 * and the target appears (or is replaced) only once every file is complete.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export async function withStagingDir<T>(
  target: string,
  write: (staging: string) => Promise<T>,
): Promise<T> {
  const abs = resolve(target);
  const parent = dirname(abs);
  await mkdir(parent, { recursive: true });
  const tag = randomBytes(6).toString('hex');
  const staging = join(parent, `.${basename(abs)}.staging-${tag}`);
  await mkdir(staging);
  try {
    const result = await write(staging);
    await replaceDir(staging, abs, join(parent, `.${basename(abs)}.old-${tag}`));
    return result;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function replaceDir(staging: string, target: string, old: string): Promise<void> {
  let moved = false;
  try {
    await rename(target, old);
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await rename(staging, target);
  if (moved) await rm(old, { recursive: true, force: true });
}
