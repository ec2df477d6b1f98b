/**
 * A CSV file saved as Windows-1252 (Excel's "CSV" in Western European languages; Latin-1
 * with a few more characters such as € and œ) copied as UTF-8, for DuckDB, which reads UTF-8
 * only. Done only when the user says the file is so (`--encoding latin1`): every byte is some
 * Windows-1252 character, so reading a UTF-8 file this way would silently garble it, and
 * Resulta never guesses. Streams, so the copy costs memory for one chunk.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Writes `target` as the UTF-8 text of `source`, read as Windows-1252. */
export async function copyLatin1AsUtf8(source: string, target: string): Promise<void> {
  // WHATWG names Latin-1 "windows-1252" too: browsers read Latin-1 labels this way.
  const decoder = new TextDecoder('windows-1252');
  const decode = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
    },
  });
  await pipeline(createReadStream(source), decode, createWriteStream(target, { mode: 0o600 }));
}
