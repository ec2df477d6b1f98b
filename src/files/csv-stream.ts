/**
 * RFC 4180 records of a CSV file, read as it streams: for turning Resulta's own outputs
 * (tens of megabytes at national scale) into other formats without holding them in memory.
 * Users' inputs are read by DuckDB, never by this. A leading byte order mark is skipped;
 * CR LF and LF both end a record; quoted fields may hold the separator, quotes and newlines.
 */
import { createReadStream } from 'node:fs';

/**
 * The records of the file at `path`, header included.
 *
 * @example for await (const record of csvFileRecords('out/achievements.csv')) console.log(record[0]);
 */
export function csvFileRecords(path: string): AsyncGenerator<string[]> {
  return csvStreamRecords(createReadStream(path, { encoding: 'utf8' }));
}

/** The records of CSV text arriving in pieces (a stream set to UTF-8), header included. */
export async function* csvStreamRecords(pieces: AsyncIterable<string>): AsyncGenerator<string[]> {
  const reader = new RecordReader();
  let first = true;
  for await (const piece of pieces) {
    const text = first && piece.charCodeAt(0) === 0xfeff ? piece.slice(1) : piece;
    first = false;
    yield* reader.push(text);
  }
  yield* reader.end();
}

/** The parser's state between chunks. */
class RecordReader {
  private record: string[] = [];
  private field = '';
  private quoted = false;
  /** A quote just closed a quoted field, or opened an escaped one: decided by the next character. */
  private quoteSeen = false;
  private started = false;

  *push(text: string): Generator<string[]> {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (this.quoteSeen) {
        this.quoteSeen = false;
        if (ch === '"') {
          this.field += '"';
          continue;
        }
        this.quoted = false;
      }
      if (this.quoted) {
        if (ch === '"') this.quoteSeen = true;
        else this.field += ch;
        continue;
      }
      this.started = true;
      if (ch === '"') this.quoted = true;
      else if (ch === ',') this.endField();
      else if (ch === '\n') yield this.endRecord();
      else if (ch !== '\r') this.field += ch;
    }
  }

  *end(): Generator<string[]> {
    if (this.started || this.field !== '' || this.record.length > 0) yield this.endRecord();
  }

  private endField(): void {
    this.record.push(this.field);
    this.field = '';
  }

  private endRecord(): string[] {
    this.endField();
    const record = this.record;
    this.record = [];
    this.started = false;
    return record;
  }
}
