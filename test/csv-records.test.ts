import { describe, expect, it } from 'vitest';
import { csvRecords } from '../src/files/csv-records.js';

describe('csvRecords', () => {
  it('reads quotes, doubled quotes, embedded newlines and CRLF', () => {
    expect(csvRecords('a,"b,1","say ""hi"""\r\n"x\ny",,z\n')).toEqual([
      ['a', 'b,1', 'say "hi"'],
      ['x\ny', '', 'z'],
    ]);
  });

  it('keeps a last record without a newline and stops at the limit', () => {
    expect(csvRecords('h1,h2\n1,2')).toEqual([
      ['h1', 'h2'],
      ['1', '2'],
    ]);
    expect(csvRecords('h1,h2\n1,2\n', 1)).toEqual([['h1', 'h2']]);
  });
});

describe('csvRecords with another separator', () => {
  it('splits on ; or tab and leaves the others in the cells', () => {
    expect(csvRecords('a;b,c;"d;e"\r\n1,5;2\n', Number.POSITIVE_INFINITY, ';')).toEqual([
      ['a', 'b,c', 'd;e'],
      ['1,5', '2'],
    ]);
    expect(csvRecords('a\tb;c\n', Number.POSITIVE_INFINITY, '\t')).toEqual([['a', 'b;c']]);
  });
});
