/**
 * Reads YAML nodes into typed values while collecting problems with line and column, each
 * made from the message catalogue (areas/contract.ts) so every reader gets it in their
 * language. Scalars are read from their source text, so `1.50` stays `1.50` and `007` stays
 * `007`.
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
import type { MessageCode } from '../messages/catalogue.js';
import { type Cents, cents, centsFromDecimal, formatCents } from '../money.js';
import { type Problem, type ProblemParams, problem } from '../problem.js';
import { didYouMean, meantName } from './did-you-mean.js';
import type { Subject } from './subject.js';

/** The largest amount whose cents are exact (2^53 − 1 cents), as a contract would write it. */
const AMOUNT_LIMIT = formatCents(cents(Number.MAX_SAFE_INTEGER));

/** The largest whole number a contract may write (day and month counts, tiers, volumes). */
const WHOLE_LIMIT = 1_000_000_000;

/** Keys of a YAML map in source order, each with its key and value nodes. */
export type NodeMap = Map<string, { key: Node; value: Node | null }>;

/** A text's required shape, and the problem that names it. */
export interface TextShape {
  readonly pattern: RegExp;
  readonly code: MessageCode;
}

export class YamlReader {
  readonly problems: Problem[] = [];

  constructor(
    private readonly file: string,
    private readonly lineCounter: LineCounter,
    private readonly resolveAlias: (alias: Alias) => Node | null,
  ) {}

  report(node: Node | null | undefined, code: MessageCode, params: ProblemParams = {}): void {
    const offset = node?.range?.[0];
    // Without a node (an empty file) the problem is placed at the top of the file.
    const pos = offset === undefined ? { line: 1, col: 1 } : this.lineCounter.linePos(offset);
    this.problems.push(problem(code, params, { file: this.file, line: pos.line, col: pos.col }));
  }

  resolve(node: Node | null | undefined): Node | null {
    if (node === null || node === undefined) return null;
    return isAlias(node) ? this.resolveAlias(node) : node;
  }

  map(node: Node | null, what: Subject): NodeMap | null {
    if (node === null) return null; // an absent key: the missing-key check reports it
    const n = this.resolve(node);
    if (!isMap(n)) {
      this.report(node, 'contract.type.map', { what });
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

  list(node: Node | null, what: Subject): Node[] | null {
    if (node === null) return null; // an absent key: the missing-key check reports it
    const n = this.resolve(node);
    if (!isSeq(n)) {
      this.report(node, 'contract.type.list', { what });
      return null;
    }
    return n.items.map((item) => this.resolve(item as Node) as Node);
  }

  /**
   * Reports unknown keys, each with the allowed key it is closest to, and missing required
   * ones; `at` locates missing-key problems. Returns the map to read: a mistyped key whose
   * meaning is clear (one allowed key within two edits, not written as well) is read as that
   * key, so its value is still checked and the key is not reported missing too.
   */
  keys(
    map: NodeMap,
    at: Node | null,
    what: Subject,
    required: readonly string[],
    optional: readonly string[],
  ): NodeMap {
    const allowed = [...required, ...optional];
    const read: NodeMap = new Map(map);
    for (const [name, entry] of map) {
      if (allowed.includes(name)) continue;
      const hint = didYouMean(name, allowed);
      this.report(entry.key, 'contract.key.unknown', { key: name, what, hint });
      const meant = meantName(name, allowed);
      read.delete(name);
      if (meant !== undefined && !read.has(meant)) read.set(meant, entry);
    }
    for (const name of required) {
      if (!read.has(name)) this.report(at, 'contract.key.missing', { what, key: name });
    }
    return read;
  }

  /** The scalar's text as written, or null; reports nothing (for labels and cross-checks). */
  peek(node: Node | null | undefined): string | null {
    const n = this.resolve(node);
    return isScalar(n) && n.value !== null ? scalarText(n) : null;
  }

  /** The scalar's text as written (without quotes); null values are reported. */
  text(node: Node | null, what: Subject): string | null {
    if (node === null) return null; // an absent key: the missing-key check reports it
    const n = this.resolve(node);
    if (!isScalar(n) || n.value === null) {
      this.report(node, 'contract.type.single', { what });
      return null;
    }
    return scalarText(n);
  }

  string(node: Node | null, what: Subject, shape?: TextShape): string | null {
    const text = this.text(node, what);
    if (text === null) return null;
    if (text.length === 0) {
      this.report(node, 'contract.value.empty', { what });
      return null;
    }
    if (shape && !shape.pattern.test(text)) {
      this.report(node, shape.code, { what, text });
      return null;
    }
    return text;
  }

  /** A plain (unquoted) number, read exactly from its text. */
  decimal(node: Node | null, what: Subject): Decimal | null {
    if (node === null) return null; // an absent key: the missing-key check reports it
    const n = this.resolve(node);
    const text = isScalar(n) && n.type === Scalar.PLAIN ? scalarText(n) : null;
    const d = text === null ? null : parseDecimal(text);
    if (!d) this.report(node, 'contract.type.number', { what });
    return d;
  }

  amount(node: Node | null, what: Subject): Cents | null {
    const d = this.decimal(node, what);
    if (!d) return null;
    if (d.units < 0n) {
      this.report(node, 'contract.number.negative', { what, text: d.text });
      return null;
    }
    if (d.scale > 2) {
      this.report(node, 'contract.amount.decimals', { what, text: d.text });
      return null;
    }
    // The only other reason for no cents: more than a number holds exactly.
    const c = centsFromDecimal(d);
    if (c === null) {
      this.report(node, 'contract.amount.limit', { what, text: d.text, limit: AMOUNT_LIMIT });
    }
    return c;
  }

  wholeNumber(node: Node | null, what: Subject, min: number): number | null {
    const d = this.decimal(node, what);
    if (!d) return null;
    if (d.scale !== 0 || d.units < BigInt(min)) {
      this.report(node, 'contract.number.whole', { what, min, text: d.text });
      return null;
    }
    if (d.units > BigInt(WHOLE_LIMIT)) {
      this.report(node, 'contract.number.too_large', { what, max: WHOLE_LIMIT, text: d.text });
      return null;
    }
    return Number(d.units);
  }

  boolean(node: Node | null, what: Subject): boolean | null {
    if (node === null) return null; // an absent key: the missing-key check reports it
    const n = this.resolve(node);
    if (!isScalar(n) || typeof n.value !== 'boolean') {
      this.report(node, 'contract.type.boolean', { what });
      return null;
    }
    return n.value;
  }

  date(node: Node | null, what: Subject): LocalDate | null {
    const text = this.text(node, what);
    if (text === null) return null;
    const d = parseLocalDate(text);
    if (!d) this.report(node, 'contract.date.invalid', { what, text });
    return d;
  }
}

export function scalarText(n: Scalar): string {
  return n.source ?? String(n.value);
}
