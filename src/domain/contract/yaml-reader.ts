/**
 * Reads YAML nodes into typed values while collecting problems with line and column.
 * Scalars are read from their source text, so `1.50` stays `1.50` and `007` stays `007`.
 */
import {
  type Alias,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  Scalar,
} from 'yaml';
import { type Decimal, parseDecimal } from '../decimal.js';
import { type LocalDate, parseLocalDate } from '../local-date.js';
import { type Cents, cents, centsFromDecimal, formatCents } from '../money.js';
import type { Problem } from '../problem.js';

/** The largest amount whose cents are exact (2^53 − 1 cents), as a contract would write it. */
const AMOUNT_LIMIT = formatCents(cents(Number.MAX_SAFE_INTEGER));

/** Keys of a YAML map in source order, each with its key and value nodes. */
export type NodeMap = Map<string, { key: Node; value: Node | null }>;

export class YamlReader {
  readonly problems: Problem[] = [];

  constructor(
    private readonly file: string,
    private readonly lineCounter: LineCounter,
    private readonly resolveAlias: (alias: Alias) => Node | null,
  ) {}

  report(node: Node | null | undefined, code: string, message: string, fallback?: Node): void {
    const at = node ?? fallback;
    const offset = at?.range?.[0];
    // Without a node (an empty file) the problem is placed at the top of the file.
    const pos = offset === undefined ? { line: 1, col: 1 } : this.lineCounter.linePos(offset);
    this.problems.push({
      code,
      message,
      file: this.file,
      line: pos.line,
      col: pos.col,
    });
  }

  resolve(node: Node | null | undefined): Node | null {
    if (node === null || node === undefined) return null;
    return isAlias(node) ? this.resolveAlias(node) : node;
  }

  map(node: Node | null, what: string): NodeMap | null {
    if (node === null) return null; // an absent key: the missing-key check reports it
    const n = this.resolve(node);
    if (!isMap(n)) {
      this.report(node, 'contract.type', `${what} must be a map of keys`);
      return null;
    }
    const out: NodeMap = new Map();
    for (const pair of n.items) {
      const key = pair.key as Node;
      const name = isScalar(key) ? String(key.value) : '';
      out.set(name, { key, value: this.resolve(pair.value as Node | null) });
    }
    return out;
  }

  list(node: Node | null, what: string): Node[] | null {
    if (node === null) return null; // an absent key: the missing-key check reports it
    const n = this.resolve(node);
    if (!isSeq(n)) {
      this.report(node, 'contract.type', `${what} must be a list`);
      return null;
    }
    return n.items.map((item) => this.resolve(item as Node) as Node);
  }

  /** Reports unknown keys and missing required ones; `at` locates missing-key problems. */
  keys(map: NodeMap, at: Node | null, what: string, required: string[], optional: string[]): void {
    const allowed = new Set([...required, ...optional]);
    for (const [name, { key }] of map) {
      if (!allowed.has(name)) {
        this.report(key, 'contract.unknown_key', `unknown key "${name}" in ${what}`);
      }
    }
    for (const name of required) {
      if (!map.has(name)) this.report(at, 'contract.missing_key', `${what} needs "${name}"`);
    }
  }

  /** The scalar's text as written (without quotes); null values are reported. */
  text(node: Node | null, what: string): string | null {
    if (node === null) return null; // an absent key: the missing-key check reports it
    const n = this.resolve(node);
    if (!isScalar(n) || n.value === null) {
      this.report(node, 'contract.type', `${what} must be a single value`);
      return null;
    }
    return scalarText(n);
  }

  string(node: Node | null, what: string, shape?: RegExp, shapeHint?: string): string | null {
    const text = this.text(node, what);
    if (text === null) return null;
    if (text.length === 0) {
      this.report(node, 'contract.empty', `${what} must not be empty`);
      return null;
    }
    if (shape && !shape.test(text)) {
      this.report(node, 'contract.format', `${what} "${text}" must be ${shapeHint}`);
      return null;
    }
    return text;
  }

  /** A plain (unquoted) number, read exactly from its text. */
  decimal(node: Node | null, what: string): Decimal | null {
    if (node === null) return null; // an absent key: the missing-key check reports it
    const n = this.resolve(node);
    const text = isScalar(n) && n.type === Scalar.PLAIN ? scalarText(n) : null;
    const d = text === null ? null : parseDecimal(text);
    if (!d) this.report(node, 'contract.type', `${what} must be a number like 1200 or 0.5`);
    return d;
  }

  amount(node: Node | null, what: string): Cents | null {
    const d = this.decimal(node, what);
    if (!d) return null;
    if (d.units < 0n) {
      this.report(node, 'contract.negative', `${what} must not be negative (got ${d.text})`);
      return null;
    }
    if (d.scale > 2) {
      this.report(node, 'contract.decimals', `${what} has more than two decimals (got ${d.text})`);
      return null;
    }
    // The only other reason for no cents: more than a number holds exactly.
    const c = centsFromDecimal(d);
    if (c === null) {
      this.report(
        node,
        'contract.limit',
        `${what} exceeds the limit of ${AMOUNT_LIMIT} (got ${d.text})`,
      );
    }
    return c;
  }

  wholeNumber(node: Node | null, what: string, min: number): number | null {
    const d = this.decimal(node, what);
    if (!d) return null;
    if (d.scale !== 0 || d.units < BigInt(min) || d.units > 1_000_000_000n) {
      this.report(
        node,
        'contract.whole',
        `${what} must be a whole number ≥ ${min} (got ${d.text})`,
      );
      return null;
    }
    return Number(d.units);
  }

  boolean(node: Node | null, what: string): boolean | null {
    if (node === null) return null; // an absent key: the missing-key check reports it
    const n = this.resolve(node);
    if (!isScalar(n) || typeof n.value !== 'boolean') {
      this.report(node, 'contract.type', `${what} must be true or false`);
      return null;
    }
    return n.value;
  }

  date(node: Node | null, what: string): LocalDate | null {
    const text = this.text(node, what);
    if (text === null) return null;
    const d = parseLocalDate(text);
    if (!d) {
      this.report(node, 'contract.date', `${what} "${text}" must be a real day, YYYY-MM-DD`);
    }
    return d;
  }
}

export function scalarText(n: Scalar): string {
  return n.source ?? String(n.value);
}
