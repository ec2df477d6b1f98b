/**
 * One boundary per case for every rule kind (spec §3), run through the real engine.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  byKey,
  EMPLOYMENT_HEADER,
  EVENTS_HEADER,
  parseCsv,
  runCase,
} from './support/run-engine.js';

const head = (outcomes: string, extra = '') => `contract: t
title: T
currency: ARS
starts_on: 2018-01-01
ends_on: 2021-12-31
enrolment: { from: 2018-01-01, to: 2019-12-31 }
${extra}
outcomes:
${outcomes}`;

const PARTICIPANTS =
  'participant_id,provider_id,enrolled_on,person_key\nA,p1,2018-03-15,KA\nB,p1,2018-03-15,KB\n';

async function achieved(
  contract: string,
  data: { events?: string; employment?: string; participants?: string; asOf?: string },
) {
  const out = await runCase({
    contract,
    participants: data.participants ?? PARTICIPANTS,
    events: data.events ? EVENTS_HEADER + data.events : undefined,
    employment: data.employment ? EMPLOYMENT_HEADER + data.employment : undefined,
    asOf: data.asOf ?? '2020-12-31',
  });
  return byKey(out.achievements);
}

describe('event rule', () => {
  const contract = head(
    `  - { id: done, kind: event, event: done, after: enrolment, within_days: 10, price: 1 }`,
  );

  it('counts an event on the last day of the window and not the day after', async () => {
    const got = await achieved(contract, {
      events: 'A,done,2018-03-25,,,\nB,done,2018-03-26,,,\n',
    });
    expect(got.get('A/done')?.achieved_on).toBe('2018-03-25');
    expect(got.has('B/done')).toBe(false);
  });

  it('counts the anchor day itself but not the day before', async () => {
    const got = await achieved(contract, {
      events: 'A,done,2018-03-15,,,\nB,done,2018-03-14,,,\n',
    });
    expect(got.get('A/done')?.achieved_on).toBe('2018-03-15');
    expect(got.has('B/done')).toBe(false);
  });

  it('takes the earliest qualifying event', async () => {
    const got = await achieved(contract, {
      events: 'A,done,2018-03-20,,,\nA,done,2018-03-17,,,\n',
    });
    expect(got.get('A/done')?.achieved_on).toBe('2018-03-17');
  });

  it('with verified_only counts verified events and admin or verifier sources only', async () => {
    const c = head(
      `  - { id: done, kind: event, event: done, after: enrolment, verified_only: true, price: 1 }`,
    );
    const got = await achieved(c, {
      events:
        'A,done,2018-04-01,,false,provider\nA,done,2018-04-02,,TRUE,\nB,done,2018-04-01,,,\nB,done,2018-04-03,,,admin\n',
    });
    expect(got.get('A/done')?.achieved_on).toBe('2018-04-02');
    expect(got.get('B/done')?.achieved_on).toBe('2018-04-03');
  });

  it('with min_value fails an empty value and compares exactly', async () => {
    const c = head(
      `  - { id: score, kind: event, event: test, after: enrolment, min_value: 60.5, price: 1 }`,
    );
    const got = await achieved(c, {
      events:
        'A,test,2018-04-01,,,\nA,test,2018-04-02,60.49,,\nA,test,2018-04-03,60.50,,\nB,test,2018-04-01,60.499999,,\n',
    });
    expect(got.get('A/score')?.achieved_on).toBe('2018-04-03');
    expect(got.has('B/score')).toBe(false);
  });

  it('ignores events dated after the as-of day', async () => {
    const got = await achieved(contract, { events: 'A,done,2018-03-20,,,\n', asOf: '2018-03-19' });
    expect(got.size).toBe(0);
  });
});

describe('employment_start rule', () => {
  const contract = head(
    `  - { id: job, kind: employment_start, after: enrolment, within_days: 47, min_earnings: 1000, price: 1 }`,
  );

  it('needs a month strictly after the anchor month', async () => {
    const got = await achieved(contract, { employment: 'KA,2018-03,E,5000\nKB,2018-04,E,1000\n' });
    expect(got.has('A/job')).toBe(false);
    expect(got.get('B/job')?.achieved_on).toBe('2018-04-30');
  });

  it('admits a month whose first day is within the window (2018-03-15 + 47 = 2018-05-01)', async () => {
    const got = await achieved(contract, { employment: 'KA,2018-05,E,1000\nKB,2018-06,E,1000\n' });
    expect(got.get('A/job')?.achieved_on).toBe('2018-05-31');
    expect(got.has('B/job')).toBe(false);
  });

  it('sums several employers in a month against min_earnings', async () => {
    const got = await achieved(contract, {
      employment: 'KA,2018-04,E1,600\nKA,2018-04,E2,400\nKB,2018-04,E1,999.99\n',
    });
    expect(got.get('A/job')?.achieved_on).toBe('2018-04-30');
    expect(got.has('B/job')).toBe(false);
  });

  it('counts a month only once it is complete on the as-of day', async () => {
    const incomplete = await achieved(contract, {
      employment: 'KA,2018-04,E,1000\n',
      asOf: '2018-04-29',
    });
    expect(incomplete.size).toBe(0);
    const complete = await achieved(contract, {
      employment: 'KA,2018-04,E,1000\n',
      asOf: '2018-04-30',
    });
    expect(complete.get('A/job')?.achieved_on).toBe('2018-04-30');
  });

  it('matches each participant that shares a person_key on its own', async () => {
    const participants =
      'participant_id,provider_id,enrolled_on,person_key\nA,p1,2018-03-15,K\nB,p1,2018-04-15,K\nC,p1,2018-04-15,\n';
    const got = await achieved(contract, {
      participants,
      employment: 'K,2018-04,E,1000\nK,2018-05,E,1000\n',
    });
    expect(got.get('A/job')?.achieved_on).toBe('2018-04-30');
    expect(got.get('B/job')?.achieved_on).toBe('2018-05-31');
    expect(got.has('C/job')).toBe(false);
  });
});

describe('employment_sustained rule', () => {
  it('skips probation months and needs months of of_months employed', async () => {
    const contract = head(
      `  - { id: kept, kind: employment_sustained, after: enrolment, skip_months: 1, months: 2, of_months: 3, min_earnings: 100, price: 1 }`,
    );
    // Window for an anchor in 2018-03 with skip 1: 2018-04 … 2018-06.
    const got = await achieved(contract, {
      employment:
        'KA,2018-03,E,500\nKA,2018-04,E,500\nKA,2018-06,E,500\nKB,2018-03,E,500\nKB,2018-04,E,500\nKB,2018-07,E,500\n',
    });
    expect(got.get('A/kept')?.achieved_on).toBe('2018-06-30');
    expect(got.has('B/kept')).toBe(false);
  });

  it('chains on an earlier outcome as its anchor', async () => {
    const contract = head(`  - { id: job, kind: employment_start, after: enrolment, price: 1 }
  - { id: kept, kind: employment_sustained, after: job, months: 2, of_months: 2, price: 1 }`);
    const got = await achieved(contract, {
      employment: 'KA,2018-05,E,1\nKA,2018-06,E,1\nKB,2018-05,E,1\nKB,2018-07,E,1\n',
    });
    expect(got.get('A/job')?.achieved_on).toBe('2018-05-31');
    expect(got.get('A/kept')?.achieved_on).toBe('2018-06-30');
    expect(got.has('B/kept')).toBe(false);
  });
});

describe('earnings_threshold rule', () => {
  it('sums the months after the anchor month, within the window', async () => {
    const contract = head(
      `  - { id: earn, kind: earnings_threshold, after: enrolment, within_months: 2, total_earnings: 1000 }`.replace(
        '}',
        ', price: 1 }',
      ),
    );
    const got = await achieved(contract, {
      employment:
        'KA,2018-03,E,900\nKA,2018-04,E,500\nKA,2018-05,E,500\nKB,2018-04,E,500\nKB,2018-06,E,500\n',
    });
    expect(got.get('A/earn')?.achieved_on).toBe('2018-05-31');
    expect(got.has('B/earn')).toBe(false);
  });
});

describe('assessment_gain rule', () => {
  const contract = head(
    `  - { id: gain, kind: assessment_gain, after: enrolment, pre: pre, post: post, max_score: 100, min_gain: 0.5, price: 1 }`,
  );

  it('uses the latest pre on or before the post, the highest of that day, exactly', async () => {
    const got = await achieved(contract, {
      events:
        'A,pre,2018-01-01,10,,\nA,pre,2018-04-01,40,,\nA,pre,2018-04-01,60,,\nA,post,2018-04-01,80,,\nB,pre,2018-04-01,60,,\nB,post,2018-04-02,79.99,,\n',
    });
    expect(got.get('A/gain')?.achieved_on).toBe('2018-04-01');
    expect(got.has('B/gain')).toBe(false);
  });

  it('never achieves when the pre is at max_score or there is no pre', async () => {
    const got = await achieved(contract, {
      events: 'A,pre,2018-04-01,100,,\nA,post,2018-04-02,100,,\nB,post,2018-04-02,100,,\n',
    });
    expect(got.size).toBe(0);
  });
});

describe('amendments (spec §3, Versions)', () => {
  const contract = head(
    `  - { id: job, kind: employment_start, after: enrolment, within_days: 30, price: 100 }`,
    '',
  ).concat(`
amendments:
  - id: wider
    effective_from: 2018-06-01
    reason: window widened
    outcomes:
      job: { within_days: 365, price: 150 }
`);

  it('judges months ending on or after effective_from by the amended rule', async () => {
    const got = await achieved(contract, { employment: 'KA,2018-06,E,1\nKB,2018-05,E,1\n' });
    expect(got.get('A/job')).toMatchObject({
      achieved_on: '2018-06-30',
      version: 'wider',
      price: '150.00',
    });
    expect(got.has('B/job')).toBe(false);
  });

  it('keeps achievements under the old rule on the old version and price', async () => {
    const got = await achieved(contract, { employment: 'KA,2018-04,E,1\n' });
    expect(got.get('A/job')).toMatchObject({
      achieved_on: '2018-04-30',
      version: 'base',
      price: '100.00',
    });
  });

  it('judges an event on the day before effective_from by the old rule, on the day by the new', async () => {
    const narrowed = head(
      `  - { id: done, kind: event, event: done, after: enrolment, verified_only: false, price: 10 }`,
    ).concat(`
amendments:
  - { id: strict, effective_from: 2018-06-01, reason: verified only, outcomes: { done: { verified_only: true } } }
`);
    const got = await achieved(narrowed, {
      events: 'A,done,2018-05-31,,,\nB,done,2018-06-01,,,\nB,done,2018-06-02,,true,\n',
    });
    expect(got.get('A/done')).toMatchObject({ achieved_on: '2018-05-31', version: 'base' });
    expect(got.get('B/done')).toMatchObject({ achieved_on: '2018-06-02', version: 'strict' });
  });

  it('runs an amendment in force from the first day there is (the base ends in 1899)', async () => {
    const always = head(
      `  - { id: done, kind: event, event: done, after: enrolment, within_days: 1, price: 10 }`,
    ).concat(`
amendments:
  - { id: first, effective_from: 1900-01-01, reason: from the start, outcomes: { done: { within_days: 5 } } }
`);
    const got = await achieved(always, { events: 'A,done,2018-03-20,,,\n' });
    expect(got.get('A/done')).toMatchObject({ achieved_on: '2018-03-20', version: 'first' });
  });
});

describe('eligibility and segments', () => {
  it('fails a missing attribute and compares in/equals as written', async () => {
    const contract = head(
      `  - { id: done, kind: event, event: done, after: enrolment, price: { a: 1, b: 2 } }`,
      `eligibility:
  - { attribute: code, in: ["01", "02"] }
segments:
  - { id: a, when: { attribute: score, between: [1.5, 2] } }
  - { id: b }`,
    );
    const participants =
      'participant_id,provider_id,enrolled_on,code,score\nA,p,2018-03-01,01,2\nB,p,2018-03-01,1,1.5\nC,p,2018-03-01,,1.49\nD,p,2018-03-01,02,x\n';
    const out = await runCase({
      contract,
      participants,
      events: `${EVENTS_HEADER}A,done,2018-03-02,,,\nD,done,2018-03-02,,,\n`,
      asOf: '2019-01-01',
    });
    expect(out.participants.map((p) => [p.participant_id, p.eligible, p.segment])).toEqual([
      ['A', 'true', 'a'],
      ['B', 'false', 'a'],
      ['C', 'false', 'b'],
      ['D', 'true', 'b'],
    ]);
    expect(out.achievements.map((a) => [a.participant_id, a.price])).toEqual([
      ['A', '1.00'],
      ['D', '2.00'],
    ]);
  });

  it('computes age_at_enrolment with 29 February birthdays on 1 March', async () => {
    const contract = head(
      `  - { id: done, kind: event, event: done, after: enrolment, price: 1 }`,
      `eligibility:
  - { attribute: age_at_enrolment, between: [18, 18] }`,
    );
    const participants =
      'participant_id,provider_id,enrolled_on,birth_date\nA,p,2019-02-28,2000-02-29\nB,p,2019-03-01,2000-02-29\nC,p,2018-03-01,2000-02-29\n';
    const out = await runCase({ contract, participants, asOf: '2019-12-31' });
    // A: still 18 on 28 February 2019 (the birthday falls on 1 March); B: 19 on 1 March; C: 18.
    expect(out.participants.map((p) => p.eligible)).toEqual(['true', 'false', 'true']);
  });
});

describe('conditions on typed columns', () => {
  it('compares dates and other typed participant columns as their text', async () => {
    const contract = head(
      `  - { id: done, kind: event, event: done, after: enrolment, price: 1 }`,
      `eligibility:
  - { attribute: enrolled_on, in: ["2018-03-01", "not a date"] }
  - { attribute: birth_date, between: [1, 2] }`,
    );
    const participants =
      'participant_id,provider_id,enrolled_on,birth_date\nA,p,2018-03-01,2000-01-01\n';
    const out = await runCase({ contract, participants, asOf: '2019-01-01' });
    expect(out.participants.map((p) => [p.eligible, p.reason])).toEqual([
      ['false', 'fails eligibility on birth_date'],
    ]);
  });
});

describe('contracts with one segment or none (spec §2: segments may be absent)', () => {
  const TINY = join(import.meta.dirname, '../examples/tiny');
  const tinyCase = async (contract: string) => {
    const data = (name: string) => readFile(join(TINY, name), 'utf8');
    return runCase({
      contract,
      participants: await data('participants.csv'),
      events: await data('events.csv'),
      employment: await data('employment.csv'),
      asOf: '2019-06-30',
    });
  };
  const days = (rows: Record<string, string>[]) =>
    rows.map((a) => `${a.participant_id}/${a.outcome_id}/${a.achieved_on}`);
  /** Payable job starts: one amount for everyone, 40% more for young mothers. */
  const jobStartPrices = (rows: Record<string, string>[]) =>
    [
      ...new Set(
        rows
          .filter((a) => a.outcome_id === 'job_start' && a.status !== 'out_of_period')
          .map((a) => a.price),
      ),
    ].sort();
  const tiny = async () => ({
    contract: await readFile(join(TINY, 'contract.yaml'), 'utf8'),
    expected: parseCsv(await readFile(join(TINY, 'expected/achievements.csv'), 'utf8')),
  });
  /** The worked example's segments replaced, and its segment price map made one amount. */
  const withSegments = (contract: string, segments: string) => {
    const out = contract
      .replace(/segments:\n( {2}- .*\n)+/, segments)
      .replace('price: { standard: 500, harder_to_help: 800 }', 'price: 500');
    expect(out).not.toBe(contract);
    return out;
  };

  it('evaluates the worked example with one segment and no `when`', async () => {
    const { contract, expected } = await tiny();
    const out = await tinyCase(withSegments(contract, 'segments:\n  - { id: standard }\n'));
    expect(out.participants.map((p) => p.segment)).toEqual(out.participants.map(() => 'standard'));
    // Segments change prices, never which outcomes are achieved or when.
    expect(days(out.achievements)).toEqual(days(expected));
    expect(jobStartPrices(out.achievements)).toEqual(['500.00', '700.00']);
  });

  it('evaluates the worked example without segments: the segment is empty', async () => {
    const { contract, expected } = await tiny();
    const out = await tinyCase(withSegments(contract, ''));
    expect(new Set(out.participants.map((p) => p.segment))).toEqual(new Set(['']));
    expect(new Set(out.achievements.map((a) => a.segment))).toEqual(new Set(['']));
    expect(days(out.achievements)).toEqual(days(expected));
    expect(jobStartPrices(out.achievements)).toEqual(['500.00', '700.00']);
  });
});
