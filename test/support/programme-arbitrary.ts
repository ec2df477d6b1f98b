/**
 * Random small programmes for property tests: a contract from anywhere in the grammar
 * (contract-arbitrary.ts), and participants, events and employment rows that hit its windows,
 * conditions and caps. Attribute columns hold text, numbers of every length, date-like text
 * and empty cells; some columns are left out of the file, so conditions on them are missing.
 */
import fc from 'fast-check';
import {
  ATTRIBUTE_CELLS,
  BOUNDARY_DAYS,
  contractArb,
  day,
  ENROLMENT_DAYS,
  EVENT_TYPES,
} from './contract-arbitrary.js';
import { EMPLOYMENT_HEADER, EVENTS_HEADER } from './run-engine.js';

export interface Programme {
  contract: string;
  /** The participants file's header line, without its line end. */
  participantsHeader: string;
  participants: string[];
  events: string[];
  employment: string[];
}

const month = (offset: number) => day(offset * 31).slice(0, 7);

/** A CSV field, quoted when it must be (RFC 4180). */
export const csvField = (text: string) =>
  /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;

const OPTIONAL_COLUMNS = ['birth_date', 'group', 'score', 'since'] as const;

const participantArb = fc.record({
  enrolled: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 250 }) },
    { weight: 1, arbitrary: fc.integer({ min: 250, max: 500 }) },
    { weight: 2, arbitrary: fc.constantFrom(...ENROLMENT_DAYS) },
  ),
  key: fc.option(fc.integer({ min: 0, max: 5 }), { freq: 8 }),
  age: fc.option(fc.integer({ min: 16, max: 31 }), { freq: 10 }),
  group: fc.constantFrom(...ATTRIBUTE_CELLS.group),
  score: fc.constantFrom(...ATTRIBUTE_CELLS.score),
  since: fc.constantFrom(...ATTRIBUTE_CELLS.since),
  /** A pre and a later, mostly higher, post score around enrolment (assessment_gain). */
  assessment: fc.option(
    fc.record({
      pre: fc.constantFrom('pre', 'done'),
      post: fc.constantFrom('post', "it's"),
      preAt: fc.integer({ min: -30, max: 30 }),
      postAfter: fc.integer({ min: 0, max: 200 }),
      preScore: fc.integer({ min: 0, max: 60 }),
      gain: fc.integer({ min: -5, max: 50 }),
      /** A later pre score, which takes the first one's place for posts after it. */
      retake: fc.option(
        fc.record({
          after: fc.integer({ min: 0, max: 60 }),
          score: fc.integer({ min: 0, max: 100 }),
        }),
        { freq: 2, nil: undefined },
      ),
    }),
    { freq: 3, nil: undefined },
  ),
});

const eventArb = (n: number) =>
  fc.record({
    who: fc.integer({ min: 0, max: n - 1 }),
    type: fc.constantFrom(...EVENT_TYPES, 'done', "it's"),
    when: fc.oneof(
      // Days after the participant's enrolment (events before it count for nothing)…
      { weight: 4, arbitrary: fc.integer({ min: -20, max: 250 }).map((after) => ({ after })) },
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 60 }).map((after) => ({ after })) },
      // …or the first or last day of a month, where amendments take effect.
      { weight: 2, arbitrary: fc.constantFrom(...BOUNDARY_DAYS).map((on) => ({ on })) },
    ),
    value: fc.option(fc.integer({ min: -20, max: 1000 }), { freq: 4 }),
    verified: fc.constantFrom('', 'true', 'false', 'TRUE'),
    source: fc.constantFrom('', 'provider', 'admin', 'verifier'),
  });

const employmentArb = fc.record({
  key: fc.integer({ min: 0, max: 6 }),
  month: fc.integer({ min: 0, max: 18 }),
  employer: fc.constantFrom('E1', 'E2'),
  cents: fc.integer({ min: 0, max: 200000 }),
});

/** Birth date `age` years before enrolment (29 February moved to the 28th in other years). */
function birthDate(enrolled: string, age: number): string {
  return `${Number(enrolled.slice(0, 4)) - age}${enrolled.slice(4)}`.replace('-02-29', '-02-28');
}

export const programmeArb: fc.Arbitrary<Programme> = fc
  .integer({ min: 1, max: 16 })
  .chain((n) =>
    fc.record({
      contract: contractArb,
      columns: fc.subarray([...OPTIONAL_COLUMNS], { minLength: 2 }),
      people: fc.array(participantArb, { minLength: n, maxLength: n }),
      events: fc.array(eventArb(n), { minLength: 3 * n, maxLength: 6 * n }),
      employment: fc.array(employmentArb, { minLength: 60, maxLength: 200 }),
    }),
  )
  .map(({ contract, columns, people, events, employment }) => ({
    contract,
    participantsHeader: ['participant_id', 'provider_id', 'enrolled_on', 'person_key', ...columns]
      .map(csvField)
      .join(','),
    participants: people.map((p, i) => {
      const enrolled = day(p.enrolled);
      const cells: Record<(typeof OPTIONAL_COLUMNS)[number], string> = {
        birth_date: p.age === null ? '' : birthDate(enrolled, p.age),
        group: p.group,
        score: p.score,
        since: p.since,
      };
      return [
        `P${String(i).padStart(2, '0')}`,
        `prov-${i % 3}`,
        enrolled,
        p.key === null ? '' : `K${p.key}`,
        ...columns.map((c) => cells[c]),
      ]
        .map(csvField)
        .join(',');
    }),
    events: [
      ...people.flatMap((p, i) => {
        const a = p.assessment;
        if (!a) return [];
        const who = `P${String(i).padStart(2, '0')}`;
        const preOn = Math.max(0, p.enrolled + a.preAt);
        return [
          [who, a.pre, day(preOn), String(a.preScore), '', ''],
          [who, a.post, day(preOn + a.postAfter), String(a.preScore + a.gain), 'true', ''],
          ...(a.retake
            ? [[who, a.pre, day(preOn + a.retake.after), String(a.retake.score), '', '']]
            : []),
        ].map((cells) => cells.map(csvField).join(','));
      }),
      ...events.map((e) =>
        [
          `P${String(e.who).padStart(2, '0')}`,
          e.type,
          day(
            'on' in e.when ? e.when.on : Math.max(0, (people[e.who]?.enrolled ?? 0) + e.when.after),
          ),
          e.value === null ? '' : (e.value / 10).toString(),
          e.verified,
          e.source,
        ]
          .map(csvField)
          .join(','),
      ),
    ],
    employment: employment.map(
      (m) => `K${m.key},${month(m.month)},${m.employer},${(m.cents / 100).toFixed(2)}`,
    ),
  }));

export function programmeFiles(p: Programme, order: (rows: string[]) => string[] = (r) => r) {
  const lines = (rows: string[]) =>
    order(rows)
      .map((r) => `${r}\n`)
      .join('');
  return {
    participants: `${p.participantsHeader}\n${lines(p.participants)}`,
    events: EVENTS_HEADER + lines(p.events),
    employment: EMPLOYMENT_HEADER + lines(p.employment),
  };
}
