import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContract } from '../src/domain/contract/parse-contract.js';
import { parseDecimal } from '../src/domain/decimal.js';

const TINY = readFileSync(join(import.meta.dirname, '../examples/tiny/contract.yaml'), 'utf8');

function problems(text: string) {
  return parseContract(text, 'c.yaml').problems.map((p) => `${p.line}:${p.col} ${p.message}`);
}

const VALID = `contract: c
title: C
currency: ARS
starts_on: 2018-04-01
ends_on: 2021-03-31
enrolment: { from: 2018-04-01, to: 2019-12-31 }
segments:
  - { id: hard, when: { attribute: group, in: [x] } }
  - { id: standard }
outcomes:
  - { id: job, kind: employment_start, after: enrolment, price: { standard: 500, hard: 800 } }
  - { id: kept, kind: employment_sustained, after: job, months: 4, of_months: 6, tiers: [ { up_to: 2, price: 10 }, { price: 5 } ] }
caps: { per_participant: 2500, total: 3000000, volume: { job: 10 } }
`;

describe('contract validation (spec §2)', () => {
  it('accepts the worked example and a valid contract', () => {
    expect(problems(TINY)).toEqual([]);
    expect(problems(VALID)).toEqual([]);
    const c = parseContract(TINY).contract;
    expect(c?.versions.map((v) => v.id)).toEqual(['base', 'covid-2019']);
    expect(c?.versions[1]?.outcomes[2]).toMatchObject({ id: 'job_start', withinDays: 365 });
    expect(c?.versions[1]?.outcomes[3]?.pricing).toEqual({
      kind: 'tiers',
      tiers: [{ price: 150000 }],
    });
  });

  it('reads amounts exactly from their text', () => {
    const c = parseContract(VALID.replace('standard: 500', 'standard: 500.07')).contract;
    const rule = c?.versions[0]?.outcomes[0];
    expect(rule?.pricing).toEqual({
      kind: 'price',
      price: { kind: 'by_segment', amounts: { standard: 50007, hard: 80000 } },
    });
  });

  it('reads each rule kind into its own typed fields, leaving absent options out', () => {
    const outcomes = `outcomes:
  - { id: done, kind: event, event: finished, after: enrolment, within_days: 30, verified_only: true, min_value: 2.50, price: 1 }
  - { id: any, kind: event, event: finished, after: enrolment, price: 1 }
  - { id: start, kind: employment_start, after: enrolment, price: 1 }
  - { id: kept, kind: employment_sustained, after: start, skip_months: 2, months: 3, of_months: 4, min_earnings: 99.5, price: 1 }
  - { id: earned, kind: earnings_threshold, after: enrolment, within_months: 6, total_earnings: 5000, price: 1 }
  - { id: gain, kind: assessment_gain, after: enrolment, pre: a, post: b, max_score: 100, min_gain: 0.3, within_days: 90, price: 1 }
caps: {}
`;
    const text = VALID.slice(0, VALID.indexOf('outcomes:')).concat(outcomes);
    const rules = parseContract(text).contract?.versions[0]?.outcomes ?? [];
    const fields = rules.map(({ id, after, pricing, bonus, ...own }) => own);
    const d = (text: string) => parseDecimal(text);
    expect(fields).toEqual([
      { kind: 'event', event: 'finished', withinDays: 30, verifiedOnly: true, minValue: d('2.50') },
      { kind: 'event', event: 'finished', verifiedOnly: false },
      { kind: 'employment_start', minEarnings: d('0') },
      {
        kind: 'employment_sustained',
        skipMonths: 2,
        months: 3,
        ofMonths: 4,
        minEarnings: d('99.5'),
      },
      { kind: 'earnings_threshold', withinMonths: 6, totalEarnings: d('5000') },
      {
        kind: 'assessment_gain',
        pre: 'a',
        post: 'b',
        maxScore: d('100'),
        minGain: d('0.3'),
        withinDays: 90,
      },
    ]);
    expect(Object.keys(fields[1] ?? {})).toEqual(['kind', 'event', 'verifiedOnly']);
  });

  it('lists every problem at once, each with line and column', () => {
    const bad = VALID.replace('ends_on: 2021-03-31', 'ends_on: 2017-03-31')
      .replace(
        'kind: employment_start, after: enrolment',
        'kind: employment_start, after: enrolment, colour: red',
      )
      .replace('months: 4, of_months: 6', 'months: 7, of_months: 6')
      .replace('per_participant: 2500', 'per_participant: -1');
    expect(problems(bad)).toEqual([
      '5:10 ends_on 2017-03-31 is before starts_on 2018-04-01',
      '11:58 unknown key "colour" in outcome job',
      '12:65 outcome kept months (7) must not exceed of_months (6)',
      '13:26 caps per_participant must not be negative (got -1)',
    ]);
  });

  it.each([
    ['a missing key', VALID.replace('currency: ARS\n', ''), 'the contract needs "currency"'],
    [
      'a wrong type',
      VALID.replace('months: 4', 'months: four'),
      'outcome kept months must be a number',
    ],
    [
      'an after that names a later rule',
      VALID.replace('after: job,', 'after: kept,'),
      'must be "enrolment" or an outcome listed earlier',
    ],
    [
      'an unpriced segment',
      VALID.replace('standard: 500, ', ''),
      'leaves segment "standard" unpriced',
    ],
    [
      'a price map without segments',
      VALID.replace(/segments:\n( {2}- .*\n){2}/, '').replace(
        'price: { standard: 500, hard: 800 }',
        'price: {}',
      ),
      'the contract defines no segments',
    ],
    [
      'more than two decimals',
      VALID.replace('hard: 800', 'hard: 800.001'),
      'more than two decimals',
    ],
    [
      'a reversed enrolment window',
      VALID.replace('to: 2019-12-31', 'to: 2017-12-31'),
      'enrolment window is reversed',
    ],
    [
      'a last segment with when',
      VALID.replace('- { id: standard }', '- { id: standard, when: { attribute: a, equals: b } }'),
      'last segment',
    ],
    [
      'duplicate outcome ids',
      VALID.replace('id: kept', 'id: job'),
      'outcome id "job" is used twice',
    ],
    [
      'an impossible date',
      VALID.replace('2018-04-01\nends', '2019-02-30\nends'),
      '"2019-02-30" must be a real day',
    ],
    [
      'duplicate keys',
      VALID.replace('title: C\n', 'title: C\ntitle: D\n'),
      '3:1 the key "title" is written twice in the same map; keep one',
    ],
    [
      'both price and tiers',
      VALID.replace('tiers: [', 'price: 1, tiers: ['),
      'exactly one of "price" and "tiers"',
    ],
    ['a quoted amount', VALID.replace('hard: 800', 'hard: "800"'), 'must be a number'],
    ['a bad id', VALID.replace('contract: c', 'contract: C_1'), 'lower-case letters, digits and -'],
    [
      'a volume cap on an unknown outcome',
      VALID.replace('volume: { job: 10 }', 'volume: { nope: 10 }'),
      'unknown outcome "nope"',
    ],
  ])('rejects %s', (_, text, message) => {
    const found = problems(text);
    expect(found.join('\n')).toContain(message);
    expect(found.every((p) => /^\d+:\d+ /.test(p))).toBe(true);
  });

  it('allows anchors and aliases', () => {
    const text = VALID.replace('volume: { job: 10 }', 'volume: { job: &n 10 }').concat(
      'amendments:\n  - { id: a1, effective_from: 2019-01-01, reason: r, caps: { volume: { job: *n } } }\n',
    );
    expect(problems(text)).toEqual([]);
  });

  describe('amendments', () => {
    const amend = (body: string) => `${VALID}amendments:\n${body}`;

    it('replace given keys whole, and price removes tiers', () => {
      const c = parseContract(
        amend(
          '  - { id: a1, effective_from: 2019-01-01, reason: r, outcomes: { kept: { price: 7 } } }\n',
        ),
      ).contract;
      expect(c?.versions[1]?.outcomes[1]?.pricing).toEqual({
        kind: 'price',
        price: { kind: 'flat', amount: 700 },
      });
      expect(c?.versions[0]?.outcomes[1]?.pricing.kind).toBe('tiers');
    });

    it.each([
      [
        'out of order',
        '  - { id: a1, effective_from: 2019-01-01, reason: r, caps: { total: 1 } }\n  - { id: a2, effective_from: 2019-01-01, reason: r, caps: { total: 2 } }\n',
        'must be after 2019-01-01',
      ],
      [
        'removing a key',
        '  - { id: a1, effective_from: 2019-01-01, reason: r, caps: { total: null } }\n',
        'cannot be removed',
      ],
      [
        'changing kind',
        '  - { id: a1, effective_from: 2019-01-01, reason: r, outcomes: { job: { kind: event } } }\n',
        '"kind" cannot change',
      ],
      [
        'changing nothing',
        '  - { id: a1, effective_from: 2019-01-01, reason: r }\n',
        'must change "outcomes" or "caps"',
      ],
      [
        'leaving a version invalid',
        '  - { id: a1, effective_from: 2019-01-01, reason: r, outcomes: { job: { price: { hard: 1 } } } }\n',
        'leaves segment "standard" unpriced',
      ],
    ])('reject %s', (_, body, message) => {
      expect(problems(amend(body)).join('\n')).toContain(message);
    });
  });
});
