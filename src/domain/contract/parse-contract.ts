/**
 * Parses and validates a contract file (spec §2) into the typed model, reporting every
 * problem at once with its line and column. Amendments are applied key by key to the YAML
 * of each rule, and every resulting version is read and validated on its own.
 */
import { isMap, LineCounter, type Node, parseDocument } from 'yaml';
import type { Problem } from '../problem.js';
import {
  type Amendment,
  type Caps,
  type Condition,
  type Contract,
  ENROLMENT,
  type Rule,
  type Segment,
  type Version,
} from './contract.js';
import { readCaps } from './read-caps.js';
import { readCondition } from './read-condition.js';
import { readRule } from './read-rule.js';
import { type NodeMap, YamlReader } from './yaml-reader.js';

const TOP_REQUIRED = [
  'contract',
  'title',
  'currency',
  'starts_on',
  'ends_on',
  'enrolment',
  'outcomes',
];
const TOP_OPTIONAL = ['eligibility', 'segments', 'caps', 'amendments'];
const FIXED_RULE_KEYS = ['id', 'kind', 'after'];

export interface ParsedContract {
  readonly contract: Contract | null;
  readonly problems: readonly Problem[];
}

export function parseContract(text: string, file = 'contract.yaml'): ParsedContract {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
  });
  const syntax: Problem[] = [...doc.errors, ...doc.warnings].map((e) => ({
    code: 'contract.yaml',
    message: e.message.split('\n')[0] ?? e.message,
    file,
    ...(e.linePos ? { line: e.linePos[0].line, col: e.linePos[0].col } : {}),
  }));
  if (doc.errors.length > 0) return { contract: null, problems: syntax };
  const reader = new YamlReader(
    file,
    lineCounter,
    (alias) => (alias.resolve(doc) as Node | undefined) ?? null,
  );
  const contract = readContract(reader, doc.contents as Node | null);
  const problems = dedupe(reader.problems);
  return { contract: problems.length === 0 ? contract : null, problems };
}

function readContract(r: YamlReader, root: Node | null): Contract | null {
  if (!isMap(root)) {
    r.report(
      root,
      'contract.type',
      'a contract file must be a map of keys (contract, title, outcomes, …)',
    );
    return null;
  }
  const top = r.map(root, 'the contract') as NodeMap;
  r.keys(top, root, 'the contract', TOP_REQUIRED, TOP_OPTIONAL);
  const v = (k: string) => top.get(k)?.value ?? null;
  const id = r.string(
    v('contract'),
    'contract',
    /^[a-z0-9-]+$/,
    'lower-case letters, digits and -',
  );
  const title = r.string(v('title'), 'title');
  const currency = r.string(
    v('currency'),
    'currency',
    /^[A-Z]{3}$/,
    'an ISO 4217 code such as ARS',
  );
  const startsOn = r.date(v('starts_on'), 'starts_on');
  const endsOn = r.date(v('ends_on'), 'ends_on');
  if (startsOn && endsOn && endsOn < startsOn) {
    r.report(v('ends_on'), 'contract.period', `ends_on ${endsOn} is before starts_on ${startsOn}`);
  }
  const enrolment = readEnrolment(r, v('enrolment'));
  const eligibility = top.has('eligibility') ? readConditions(r, v('eligibility')) : [];
  const segments = top.has('segments') ? readSegments(r, v('segments')) : [];
  const versions = segments
    ? readVersions(
        r,
        top,
        segments.map((s) => s.id),
      )
    : null;
  const amendments = versions ? versions.amendments : null;
  if (!id || !title || !currency || !startsOn || !endsOn || !enrolment || !eligibility) return null;
  if (!segments || !versions || !amendments) return null;
  return {
    id,
    title,
    currency,
    startsOn,
    endsOn,
    enrolment,
    eligibility,
    segments,
    amendments,
    versions: versions.versions,
  };
}

function readEnrolment(r: YamlReader, node: Node | null): Contract['enrolment'] | null {
  const map = r.map(node, 'enrolment');
  if (!map) return null;
  r.keys(map, node, 'enrolment', ['from', 'to'], []);
  const from = r.date(map.get('from')?.value ?? null, 'enrolment from');
  const to = r.date(map.get('to')?.value ?? null, 'enrolment to');
  if (!from || !to) return null;
  if (to < from) {
    r.report(
      node,
      'contract.enrolment',
      `the enrolment window is reversed: to ${to} is before from ${from}`,
    );
    return null;
  }
  return { from, to };
}

function readConditions(r: YamlReader, node: Node | null): Condition[] | null {
  const items = r.list(node, 'eligibility');
  if (!items) return null;
  const out = items.map((item, i) => readCondition(r, item, `eligibility condition ${i + 1}`));
  return out.every((c) => c !== null) ? (out as Condition[]) : null;
}

function readSegments(r: YamlReader, node: Node | null): Segment[] | null {
  const items = r.list(node, 'segments');
  if (!items) return null;
  const out: Segment[] = [];
  let ok = true;
  for (const [i, item] of items.entries()) {
    const label = `segment ${i + 1}`;
    const map = r.map(item, label);
    if (!map) return null;
    r.keys(map, item, label, ['id'], ['when']);
    const id = r.string(map.get('id')?.value ?? null, `${label} id`);
    const last = i === items.length - 1;
    if (last && map.has('when')) {
      r.report(
        map.get('when')?.key,
        'contract.segments',
        `the last segment (${id}) must have no "when": it catches everyone else`,
      );
      ok = false;
    }
    if (!last && !map.has('when')) {
      r.report(
        item,
        'contract.segments',
        `segment ${id} needs "when" (only the last segment has none)`,
      );
      ok = false;
    }
    if (id && out.some((s) => s.id === id)) {
      r.report(map.get('id')?.value, 'contract.duplicate', `segment id "${id}" is used twice`);
      ok = false;
    }
    const when = map.has('when')
      ? readCondition(r, map.get('when')?.value ?? null, `segment ${id} when`)
      : undefined;
    if (!id || when === null) ok = false;
    else out.push(when ? { id, when } : { id });
  }
  return ok ? out : null;
}

interface VersionsRead {
  versions: Version[];
  amendments: Amendment[];
}

/** Reads base rules and caps, then applies each amendment to build every version. */
function readVersions(r: YamlReader, top: NodeMap, segmentIds: string[]): VersionsRead | null {
  const outcomesNode = top.get('outcomes')?.value ?? null;
  const items = top.has('outcomes') ? r.list(outcomesNode, 'outcomes') : null;
  if (!items) return null;
  if (items.length === 0)
    r.report(outcomesNode, 'contract.outcomes', 'outcomes must list at least one outcome');
  const ruleKeys: { at: Node; keys: NodeMap }[] = [];
  for (const item of items) {
    const keys = r.map(item, 'an outcome');
    if (keys) ruleKeys.push({ at: item, keys });
  }
  const capsNode = top.get('caps')?.value ?? null;
  const capKeys = top.has('caps') ? r.map(capsNode, 'caps') : new Map();
  if (!capKeys) return null;
  const base = buildVersion(r, 'base', null, ruleKeys, capKeys, capsNode, segmentIds, true);
  const versions: Version[] = base ? [base] : [];
  const amendments: Amendment[] = [];
  let current = { ruleKeys, capKeys };
  const amendNode = top.get('amendments')?.value ?? null;
  const amendItems = top.has('amendments') ? r.list(amendNode, 'amendments') : [];
  for (const item of amendItems ?? []) {
    const amended = readAmendment(r, item, current, amendments);
    if (!amended) continue;
    amendments.push(amended.amendment);
    current = amended;
    const version = buildVersion(
      r,
      amended.amendment.id,
      amended.amendment.effectiveFrom,
      amended.ruleKeys,
      amended.capKeys,
      capsNode ?? item,
      segmentIds,
      false,
    );
    if (version) versions.push(version);
  }
  const expected = 1 + (amendItems?.length ?? 0);
  return versions.length === expected && amendItems ? { versions, amendments } : null;
}

function buildVersion(
  r: YamlReader,
  id: string,
  effectiveFrom: Version['effectiveFrom'],
  ruleKeys: { at: Node; keys: NodeMap }[],
  capKeys: NodeMap,
  capsAt: Node | null,
  segmentIds: string[],
  isBase: boolean,
): Version | null {
  const outcomes: Rule[] = [];
  let ok = true;
  for (const { at, keys } of ruleKeys) {
    const rule = readRule(r, keys, { segmentIds, at });
    if (!rule) {
      ok = false;
      continue;
    }
    if (isBase && outcomes.some((o) => o.id === rule.id)) {
      r.report(
        keys.get('id')?.value,
        'contract.duplicate',
        `outcome id "${rule.id}" is used twice`,
      );
      ok = false;
    }
    if (rule.after !== ENROLMENT && !outcomes.some((o) => o.id === rule.after)) {
      r.report(
        keys.get('after')?.value,
        'contract.after',
        `outcome ${rule.id} after "${rule.after}" must be "enrolment" or an outcome listed earlier`,
      );
      ok = false;
    }
    outcomes.push(rule);
  }
  const caps: Caps | null = readCaps(
    r,
    capKeys,
    capsAt,
    outcomes.map((o) => o.id),
  );
  if (!ok || !caps) return null;
  return { id, effectiveFrom, outcomes, caps };
}

interface Amended {
  amendment: Amendment;
  ruleKeys: { at: Node; keys: NodeMap }[];
  capKeys: NodeMap;
}

function readAmendment(
  r: YamlReader,
  node: Node,
  current: { ruleKeys: { at: Node; keys: NodeMap }[]; capKeys: NodeMap },
  earlier: Amendment[],
): Amended | null {
  const map = r.map(node, 'an amendment');
  if (!map) return null;
  r.keys(map, node, 'an amendment', ['id', 'effective_from', 'reason'], ['outcomes', 'caps']);
  const id = r.string(map.get('id')?.value ?? null, 'amendment id');
  const effectiveFrom = r.date(
    map.get('effective_from')?.value ?? null,
    `amendment ${id} effective_from`,
  );
  const reason = r.string(map.get('reason')?.value ?? null, `amendment ${id} reason`);
  if (!map.has('outcomes') && !map.has('caps')) {
    r.report(node, 'contract.amendment', `amendment ${id} must change "outcomes" or "caps"`);
  }
  if (id && (id === 'base' || earlier.some((a) => a.id === id))) {
    r.report(map.get('id')?.value, 'contract.duplicate', `amendment id "${id}" is already used`);
    return null;
  }
  const previous = earlier.at(-1);
  if (effectiveFrom && previous && effectiveFrom <= previous.effectiveFrom) {
    r.report(
      map.get('effective_from')?.value,
      'contract.amendment_order',
      `amendment ${id} effective_from ${effectiveFrom} must be after ${previous.effectiveFrom} (amendments are listed oldest first)`,
    );
    return null;
  }
  const ruleKeys = map.has('outcomes')
    ? amendRules(r, map.get('outcomes')?.value ?? null, current.ruleKeys, id)
    : current.ruleKeys;
  const capKeys = map.has('caps')
    ? amendCaps(r, map.get('caps')?.value ?? null, current.capKeys, id)
    : current.capKeys;
  if (!id || !effectiveFrom || !reason || !ruleKeys || !capKeys) return null;
  return { amendment: { id, effectiveFrom, reason }, ruleKeys, capKeys };
}

function amendRules(
  r: YamlReader,
  node: Node | null,
  current: { at: Node; keys: NodeMap }[],
  amendmentId: string | null,
) {
  const changes = r.map(node, `amendment ${amendmentId} outcomes`);
  if (!changes) return null;
  const next = current.map((rule) => ({ at: rule.at, keys: new Map(rule.keys) }));
  let ok = true;
  for (const [outcome, { key, value }] of changes) {
    const target = next.find((rule) => ruleId(rule.keys) === outcome);
    if (!target) {
      r.report(
        key,
        'contract.amendment',
        `amendment ${amendmentId} changes unknown outcome "${outcome}"`,
      );
      ok = false;
      continue;
    }
    const given = r.map(value, `amendment ${amendmentId} outcome ${outcome}`);
    if (!given) {
      ok = false;
      continue;
    }
    ok = applyKeys(r, given, target.keys, `amendment ${amendmentId} outcome ${outcome}`) && ok;
  }
  return ok ? next : null;
}

function amendCaps(r: YamlReader, node: Node | null, current: NodeMap, amendmentId: string | null) {
  const given = r.map(node, `amendment ${amendmentId} caps`);
  if (!given) return null;
  const next: NodeMap = new Map(current);
  return applyKeys(r, given, next, `amendment ${amendmentId} caps`) ? next : null;
}

/** Replaces keys whole; `price` and `tiers` exclude each other; nothing can be removed. */
function applyKeys(r: YamlReader, given: NodeMap, target: NodeMap, what: string): boolean {
  let ok = true;
  for (const [name, entry] of given) {
    if (FIXED_RULE_KEYS.includes(name) && target.has('kind')) {
      r.report(entry.key, 'contract.amendment', `${what}: "${name}" cannot change in an amendment`);
      ok = false;
      continue;
    }
    if (entry.value === null || isNullScalar(entry.value)) {
      r.report(
        entry.key,
        'contract.amendment',
        `${what}: "${name}" cannot be removed (null); widen the value instead`,
      );
      ok = false;
      continue;
    }
    if (name === 'price') target.delete('tiers');
    if (name === 'tiers') target.delete('price');
    target.set(name, entry);
  }
  return ok;
}

function isNullScalar(node: Node): boolean {
  return 'value' in node && (node as { value: unknown }).value === null;
}

function ruleId(keys: NodeMap): string | null {
  const node = keys.get('id')?.value;
  return node && 'value' in node ? String((node as { value: unknown }).value) : null;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.col}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
