/**
 * Reads the contract's top-level map (spec §2): the header and dates here, then each part
 * with its own reader — enrolment, eligibility, segments, and the versions (outcomes and
 * caps, as amended). Every part is read even when another is bad, so one pass reports every
 * problem; a check that depends on another part (a price naming a segment) is made only when
 * that part could be read, so a mistake is reported once, where it was made.
 */
import { isMap, type Node } from 'yaml';
import type { Contract } from './contract.js';
import { readEligibility } from './read-eligibility.js';
import { readEnrolment } from './read-enrolment.js';
import { readSegments } from './read-segments.js';
import { readVersions } from './read-versions.js';
import { subject } from './subject.js';
import type { YamlReader } from './yaml-reader.js';

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

export function readContract(r: YamlReader, root: Node | null): Contract | null {
  const map = isMap(root) ? r.map(root, subject.contract) : null;
  if (!map) {
    r.report(root, 'contract.file.not_map');
    return null;
  }
  const top = r.keys(map, root, subject.contract, TOP_REQUIRED, TOP_OPTIONAL);
  const v = (k: string) => top.get(k)?.value ?? null;
  const id = r.string(v('contract'), 'contract', {
    pattern: /^[a-z0-9-]+$/,
    code: 'contract.id.format',
  });
  const title = r.string(v('title'), 'title');
  const currency = r.string(v('currency'), 'currency', {
    pattern: /^[A-Z]{3}$/,
    code: 'contract.currency.format',
  });
  const startsOn = r.date(v('starts_on'), 'starts_on');
  const endsOn = r.date(v('ends_on'), 'ends_on');
  if (startsOn && endsOn && endsOn < startsOn) {
    r.report(v('ends_on'), 'contract.period.reversed', { ends: endsOn, starts: startsOn });
  }
  const enrolment = readEnrolment(r, v('enrolment'));
  const eligibility = top.has('eligibility') ? readEligibility(r, v('eligibility')) : [];
  const segments = top.has('segments') ? readSegments(r, v('segments')) : { segments: [], ids: [] };
  // Prices name segments: checked against their ids when every id could be read.
  const versions = readVersions(r, top, segments.ids);
  if (!id || !title || !currency || !startsOn || !endsOn || !enrolment || !eligibility) return null;
  if (!segments.segments || !versions) return null;
  return {
    id,
    title,
    currency,
    startsOn,
    endsOn,
    enrolment,
    eligibility,
    segments: segments.segments,
    amendments: versions.amendments,
    versions: versions.versions,
  };
}
