/**
 * A YAML syntax error or warning as a catalogue problem. The YAML library says what went
 * wrong in English and by a code; the codes people meet when typing a contract by hand have
 * their own message, the rest one general message with the library's words as a detail.
 */
import type { YAMLError } from 'yaml';
import type { MessageCode } from '../messages/catalogue.js';
import { type Problem, problem } from '../problem.js';

/** Library codes with a message of their own, and what each is called in the catalogue. */
const BY_CODE: Readonly<Partial<Record<YAMLError['code'], MessageCode>>> = {
  TAB_AS_INDENT: 'contract.yaml.tab',
  MULTIPLE_DOCS: 'contract.yaml.documents',
  BLOCK_AS_IMPLICIT_KEY: 'contract.yaml.nested_map',
  MULTILINE_IMPLICIT_KEY: 'contract.yaml.multiline_key',
  BAD_SCALAR_START: 'contract.yaml.reserved',
  BAD_DQ_ESCAPE: 'contract.yaml.escape',
  BAD_ALIAS: 'contract.yaml.alias',
  TAG_RESOLVE_FAILED: 'contract.yaml.tag',
};

export function yamlProblem(e: YAMLError, text: string, file: string): Problem {
  const where = {
    file,
    ...(e.linePos ? { line: e.linePos[0].line, col: e.linePos[0].col } : {}),
  };
  // The library's message ends with " at line L, column C:" and a picture of the line.
  const detail = (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
  if (e.code === 'DUPLICATE_KEY') {
    const key = keyAt(text, e.pos[0]);
    return key === null
      ? problem('contract.yaml.duplicate', {}, where)
      : problem('contract.yaml.duplicate_key', { key }, where);
  }
  const unclosed = /end with an? ([\]}])/.exec(detail)?.[1];
  if (e.code === 'BAD_INDENT' && unclosed !== undefined)
    return problem('contract.yaml.unclosed', { char: unclosed }, where);
  if (e.code === 'BAD_INDENT') return problem('contract.yaml.indent', {}, where);
  if (e.code === 'MISSING_CHAR' && /quote/.test(detail))
    return problem('contract.yaml.unclosed_quote', {}, where);
  const own = BY_CODE[e.code];
  return own ? problem(own, {}, where) : problem('contract.yaml.syntax', { detail }, where);
}

/** The key written at an offset (`title` in `title: D`), or null when it cannot be told. */
function keyAt(text: string, offset: number): string | null {
  const match = /^("[^"\n]*"|'[^'\n]*'|[^:\n,{}[\]]+?)\s*:/.exec(text.slice(offset, offset + 1100));
  return match?.[1]?.replace(/^["']|["']$/g, '') ?? null;
}
