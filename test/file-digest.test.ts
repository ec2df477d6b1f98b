/**
 * The digest of an input file (src/files/file-digest.ts): its SHA-256, and for text the
 * line of the first byte that is not UTF-8, wherever it lies in the file.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestFile } from '../src/files/file-digest.js';
import { tempDir } from './support/run-engine.js';

async function digest(content: Buffer) {
  const path = join(await tempDir(), 'x.csv');
  await writeFile(path, content);
  return digestFile(path, true);
}

describe('digesting a text file', () => {
  const lines = Buffer.from('K1,2019-01,E1,100.00\n'.repeat(300_000)); // 6.3 MB, two chunks

  it('hashes it and finds no fault in valid UTF-8', async () => {
    const content = Buffer.concat([lines, Buffer.from('é,ü\n')]);
    expect(await digest(content)).toEqual({
      sha256: createHash('sha256').update(content).digest('hex'),
      bytes: content.length,
    });
  });

  it('names the line of a bad byte far into the file', async () => {
    const content = Buffer.concat([lines, Buffer.from('ok\nBogot\xe1\n', 'latin1')]);
    expect((await digest(content)).notUtf8AtLine).toBe(300_002);
  });

  it('names the last line when the file ends inside a character', async () => {
    const content = Buffer.concat([lines, Buffer.from([0x61, 0xc3])]);
    expect((await digest(content)).notUtf8AtLine).toBe(300_001);
  });
});
