/**
 * One process at a time on an embedded database. PGlite is PostgreSQL compiled to
 * WebAssembly inside the process that opens it, with its own buffers and no lock of its own:
 * two processes on one data folder (a running `resulta serve` and a `resulta admin` command
 * on the server machine) would each write pages the other does not see. So the folder is
 * claimed with `<folder>.lock`, holding the owner's process id, created exclusively and
 * removed on close; a lock whose process is gone (killed, crashed) is taken over.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { say } from '../domain/messages/catalogue.js';

/** Claims `folder` for this process; resolves to the function that gives it back. */
export async function lockEmbedded(folder: string): Promise<() => Promise<void>> {
  const file = `${folder}.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    // Another try after removing a stale lock; a second EEXIST means someone else just won.
    if (attempt > 0 || (Number.isSafeInteger(holder) && holder > 0 && alive(holder)))
      throw new Error(say('admin.store.locked', { folder, pid: String(holder), file }));
    await rm(file, { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
