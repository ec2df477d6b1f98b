/**
 * Issue #7 item 6: the audit log hashes canonical JSON as RFC 8785 (JCS) defines it. The
 * expected texts are the RFC's own examples: the sample object of §3.2.2–3.2.4 (with its
 * UTF-8 bytes), the property sorting example of §3.2.3, and the number table of Appendix B.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/store/canonical-json.js';

/** A double from its IEEE 754 bit pattern, as Appendix B lists them. */
function double(bits: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${bits}`));
  return view.getFloat64(0);
}

describe('canonical JSON (RFC 8785)', () => {
  it('§3.2.2–3.2.3: the sample object, parsed, then canonicalised', () => {
    // The RFC's input text, with its JSON escapes, parsed as a verifier would read it.
    const input = JSON.parse(
      String.raw`{
        "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
        "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
        "literals": [null, true, false]
      }`,
    );
    expect(canonicalJson(input)).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it('§3.2.4: the sample canonicalises to the RFC’s UTF-8 bytes', () => {
    const hex = `
      7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72
      75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a
      5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31
      65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37
      5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30
      30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d`;
    const expected = Buffer.from(hex.replace(/\s+/g, ''), 'hex');
    const value = {
      numbers: [Number('333333333.33333329'), 1e30, 4.5, 2e-3, 1e-27],
      string: '€$\u000f\nA\'B"\\\\"/',
      literals: [null, true, false],
    };
    expect(Buffer.from(canonicalJson(value), 'utf8')).toEqual(expected);
  });

  it('§3.2.3: properties sort by UTF-16 code units, not code points or locale', () => {
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(value)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis",' +
        '"€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('sorts nested objects and keeps array order', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: 2 }, 1], a: { d: null, c: 'x' } })).toBe(
      '{"a":{"c":"x","d":null},"b":[3,{"a":2,"z":1},1]}',
    );
  });

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('Appendix B: the double 0x%s is written %s', (bits, expected) => {
    expect(canonicalJson(double(bits))).toBe(expected);
  });

  it('escapes strings as ECMAScript does: the short escapes, other controls as \\u00xx', () => {
    expect(canonicalJson('\b\t\n\f\r\u0000\u001f\u007f"\\/\u2028')).toBe(
      '"\\b\\t\\n\\f\\r\\u0000\\u001f\u007f\\"\\\\/\u2028"',
    );
  });

  it('refuses what is not I-JSON instead of writing something else', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/not a finite number/);
    expect(() => canonicalJson({ a: [Number.POSITIVE_INFINITY] })).toThrow(/a\[0\]/);
    expect(() => canonicalJson({ reason: 'bad \ud800 data' })).toThrow(
      /reason: contains an unpaired UTF-16 surrogate U\+D800 at character 5/,
    );
    expect(() => canonicalJson({ '\udc00': 1 })).toThrow(/unpaired UTF-16 surrogate U\+DC00/);
    expect(() => canonicalJson(10n)).toThrow(/bigint/);
    expect(() => canonicalJson(undefined)).toThrow(/undefined/);
  });

  it('reads values as JSON.stringify does: toJSON, and members without a value left out', () => {
    const day = new Date('2020-06-30T00:00:00.000Z');
    expect(canonicalJson({ on: day, gone: undefined, list: [undefined, 1] })).toBe(
      '{"list":[null,1],"on":"2020-06-30T00:00:00.000Z"}',
    );
  });
});
