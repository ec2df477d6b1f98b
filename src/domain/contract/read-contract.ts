/**
 * Reads the contract's top-level map (spec §2): the header and dates here, then each part
 * with its own reader — enrolment, eligibility, segments, and the versions (outcomes and
 * caps, as amended). Parts are read in file order so problems are listed in that order.
 */
import { isMap, type Node } from 'yaml';
import type { Contract } from './contract.js';
import { readEligibility } from './read-eligibility.js';
import { readEnrolment } from './read-enrolment.js';
import { readSegments } from './read-segments.js';
import { readVersions } from './read-versions.js';
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
  const top = isMap(root) ? r.map(root, 'the contract') : null;
  if (!top) {
    r.report(
      root,
      'contract.type',
      'a contract file must be a map of keys (contract, title, outcomes, …)',
    );
    return null;
  }
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
  const eligibility = top.has('eligibility') ? readEligibility(r, v('eligibility')) : [];
  const segments = top.has('segments') ? readSegments(r, v('segments')) : [];
  // Prices name segments, so the versions are read only once the segments are known.
  const versions = segments
    ? readVersions(
        r,
        top,
        segments.map((s) => s.id),
      )
    : null;
  if (!id || !title || !currency || !startsOn || !endsOn || !enrolment || !eligibility) return null;
  if (!segments || !versions) return null;
  return {
    id,
    title,
    currency,
    startsOn,
    endsOn,
    enrolment,
    eligibility,
    segments,
    amendments: versions.amendments,
    versions: versions.versions,
  };
}
