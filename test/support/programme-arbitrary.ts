/**
 * Random small programmes for property tests: a contract using every rule kind with an
 * amendment and caps, and participants, events and employment rows that hit the windows.
 */
import fc from 'fast-check';
import { EMPLOYMENT_HEADER, EVENTS_HEADER } from './run-engine.js';

export interface Programme {
  contract: string;
  participants: string[];
  events: string[];
  employment: string[];
}

const day = (offset: number) => new Date(Date.UTC(2018, 0, 1 + offset)).toISOString().slice(0, 10);
const month = (offset: number) => day(offset * 31).slice(0, 7);

const contractArb = fc
  .record({
    withinDays: fc.integer({ min: 0, max: 200 }),
    widened: fc.integer({ min: 0, max: 400 }),
    months: fc.integer({ min: 1, max: 4 }),
    extra: fc.integer({ min: 0, max: 2 }),
    skip: fc.integer({ min: 0, max: 2 }),
    minEarnings: fc.constantFrom('0', '500', '999.99'),
    total: fc.constantFrom('1500', '2500.50'),
    amendOn: fc.integer({ min: 30, max: 500 }),
    perParticipant: fc.integer({ min: 100, max: 3000 }),
    totalCap: fc.integer({ min: 500, max: 20000 }),
    volume: fc.integer({ min: 0, max: 12 }),
    tierUpTo: fc.integer({ min: 1, max: 5 }),
  })
  .map(
    (c) => `contract: prop
title: Property
currency: ARS
starts_on: 2018-01-01
ends_on: ${day(480)}
enrolment: { from: 2018-01-01, to: ${day(300)} }
eligibility:
  - { attribute: age_at_enrolment, between: [17, 30] }
segments:
  - { id: hard, when: { attribute: group, in: ["x"] } }
  - { id: std }
outcomes:
  - { id: trained, kind: event, event: done, after: enrolment, within_days: ${c.withinDays}, verified_only: true, price: 100 }
  - { id: gain, kind: assessment_gain, after: enrolment, pre: pre, post: post, max_score: 100, min_gain: 0.25, within_days: 300, price: 50.50 }
  - { id: job, kind: employment_start, after: enrolment, within_days: ${c.withinDays}, min_earnings: ${c.minEarnings}, price: { std: 500, hard: 800 }, bonus: [ { when: { attribute: mother, equals: "yes" }, percent: 33 } ] }
  - { id: kept, kind: employment_sustained, after: job, skip_months: ${c.skip}, months: ${c.months}, of_months: ${c.months + c.extra}, min_earnings: ${c.minEarnings}, tiers: [ { up_to: ${c.tierUpTo}, price: 1000 }, { price: 1200 } ] }
  - { id: earned, kind: earnings_threshold, after: enrolment, within_months: 6, total_earnings: ${c.total}, price: 300 }
caps:
  per_participant: ${c.perParticipant}
  total: ${c.totalCap}
  volume: { job: ${c.volume} }
amendments:
  - id: wider
    effective_from: ${day(c.amendOn)}
    reason: widened
    outcomes:
      job: { within_days: ${c.withinDays + c.widened} }
      kept: { tiers: [ { price: 1500 } ] }
`,
  );

const participantArb = fc.record({
  enrolled: fc.integer({ min: 0, max: 330 }),
  key: fc.option(fc.integer({ min: 0, max: 5 }), { freq: 8 }),
  age: fc.integer({ min: 16, max: 31 }),
  hard: fc.boolean(),
  mother: fc.boolean(),
});

const eventArb = (n: number) =>
  fc.record({
    who: fc.integer({ min: 0, max: n - 1 }),
    type: fc.constantFrom('done', 'pre', 'post', 'post'),
    at: fc.integer({ min: 0, max: 450 }),
    value: fc.option(fc.integer({ min: 0, max: 1000 }), { freq: 4 }),
    verified: fc.constantFrom('', 'true', 'false', 'TRUE'),
    source: fc.constantFrom('', 'provider', 'admin'),
  });

const employmentArb = fc.record({
  key: fc.integer({ min: 0, max: 6 }),
  month: fc.integer({ min: 0, max: 18 }),
  employer: fc.constantFrom('E1', 'E2'),
  cents: fc.integer({ min: 0, max: 200000 }),
});

export const programmeArb: fc.Arbitrary<Programme> = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.record({
      contract: contractArb,
      people: fc.array(participantArb, { minLength: n, maxLength: n }),
      events: fc.array(eventArb(n), { maxLength: 60 }),
      employment: fc.array(employmentArb, { minLength: 20, maxLength: 150 }),
    }),
  )
  .map(({ contract, people, events, employment }) => ({
    contract,
    participants: people.map((p, i) => {
      const enrolled = day(p.enrolled);
      const birth = `${Number(enrolled.slice(0, 4)) - p.age}${enrolled.slice(4)}`.replace(
        '-02-29',
        '-02-28',
      );
      return `P${String(i).padStart(2, '0')},prov-${i % 3},${enrolled},${p.key === null ? '' : `K${p.key}`},${birth},${p.hard ? 'x' : 'y'},${p.mother ? 'yes' : 'no'}`;
    }),
    events: events.map(
      (e) =>
        `P${String(e.who).padStart(2, '0')},${e.type},${day(e.at)},${e.value === null ? '' : (e.value / 10).toString()},${e.verified},${e.source}`,
    ),
    employment: employment.map(
      (m) => `K${m.key},${month(m.month)},${m.employer},${(m.cents / 100).toFixed(2)}`,
    ),
  }));

export const PARTICIPANTS_HEADER =
  'participant_id,provider_id,enrolled_on,person_key,birth_date,group,mother\n';

export function programmeFiles(p: Programme, order: (rows: string[]) => string[] = (r) => r) {
  return {
    participants:
      PARTICIPANTS_HEADER +
      order(p.participants)
        .map((r) => `${r}\n`)
        .join(''),
    events:
      EVENTS_HEADER +
      order(p.events)
        .map((r) => `${r}\n`)
        .join(''),
    employment:
      EMPLOYMENT_HEADER +
      order(p.employment)
        .map((r) => `${r}\n`)
        .join(''),
  };
}
