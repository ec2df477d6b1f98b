/**
 * `resulta validate` in one pass (issue #8): a contract with mistakes in several parts gets
 * every one reported, each with line and column, and nothing that only follows from another
 * (an outcome pricing segments that failed to read does not also get "unknown segment").
 * Mistyped names get a "did you mean", and every problem comes from the catalogue, so it
 * reads in Spanish and French too.
 */
import { describe, expect, it } from 'vitest';
import { closestNames, editDistance } from '../src/domain/contract/did-you-mean.js';
import { parseContract } from '../src/domain/contract/parse-contract.js';
import { isMessageCode } from '../src/domain/messages/catalogue.js';
import type { Locale } from '../src/domain/messages/locale.js';
import { formatProblem, type Problem, problemMessage } from '../src/domain/problem.js';

function problems(text: string, locale: Locale = 'en'): string[] {
  return parseContract(text, 'c.yaml').problems.map(
    (p) => `${p.line}:${p.col} ${problemMessage(p, locale)}`,
  );
}

const HEADER = `contract: c
title: C
currency: ARS
starts_on: 2018-04-01
ends_on: 2021-03-31
enrolment: { from: 2018-04-01, to: 2019-12-31 }
`;

/** Mistakes in the header, eligibility, segments, three outcomes, the caps and an amendment. */
const MANY_MISTAKES = `contract: c
title: C
currency: pesos
starts_on: 2018-04-01
ends_on: 2021-03-31
enrolment: { from: 2018-04-01, to: 2019-12-31 }
eligibility:
  - { attribute: age_at_enrolment, between: [24, 17] }
segments:
  - { id: hard, when: { attribute: group } }
  - { id: standard }
ouctomes:
  - id: done
    kind: event
    event: finished
    after: enrolment
    within_day: 30
    price: 200
  - id: job
    kind: employment_strat
    after: enrolment
    price: { standrad: 500, hard: 800 }
  - id: kept
    kind: employment_sustained
    after: jbo
    months: 5
    of_months: 4
    tiers:
      - { up_to: 2, price: 1000 }
      - { price: 1200.005 }
caps:
  per_participant: 2000
  volume: { jobb: 4 }
amendments:
  - id: a1
    effective_from: 2019-01-01
    reason: widened
    outcomes:
      job_: { within_days: 365 }
`;

describe('one pass over the whole contract', () => {
  it('reports every mistake in every part, each once, in file order', () => {
    expect(problems(MANY_MISTAKES)).toEqual([
      '3:11 currency "pesos" must be an ISO 4217 code such as ARS',
      '8:45 eligibility condition 1 between low 24 is above high 17',
      '10:23 segment hard when needs exactly one of "in", "equals", "between"',
      '12:1 unknown key "ouctomes" in the contract; did you mean "outcomes"?',
      '17:5 unknown key "within_day" in outcome done; did you mean "within_days"?',
      '20:11 outcome job kind "employment_strat" must be one of event, employment_start, employment_sustained, earnings_threshold, assessment_gain; did you mean "employment_start"?',
      '22:14 outcome job price names unknown segment "standrad"; did you mean "standard"?',
      '25:12 outcome kept after "jbo" must be "enrolment" or an outcome listed earlier; did you mean "job"?',
      '26:13 outcome kept months (5) must not exceed of_months (4)',
      '30:18 outcome kept tier 2 price has more than two decimals (got 1200.005)',
      '33:13 caps volume names unknown outcome "jobb"; did you mean "job"?',
      '39:7 amendment a1 changes unknown outcome "job_"; did you mean "job"?',
    ]);
  });

  it('says the same in Spanish and French, positions unchanged', () => {
    const es = problems(MANY_MISTAKES, 'es');
    const fr = problems(MANY_MISTAKES, 'fr');
    expect(es).toHaveLength(12);
    expect(es[3]).toBe('12:1 el contrato: clave desconocida "ouctomes"; ¿quiso decir "outcomes"?');
    expect(es[6]).toBe(
      '22:14 resultado job › price: el segmento "standrad" no existe; ¿quiso decir "standard"?',
    );
    expect(es[9]).toBe(
      '30:18 resultado kept › tramo 2 › price: tiene más de dos decimales (dice 1200.005)',
    );
    expect(fr[1]).toBe(
      '8:45 condition d’éligibilité 1 › between : le minimum 24 est supérieur au maximum 17',
    );
    expect(fr[10]).toBe(
      '33:13 caps › volume : le résultat « jobb » n’existe pas ; vouliez-vous dire « job » ?',
    );
    const { problems: found } = parseContract(MANY_MISTAKES, 'contrat.yaml');
    expect(formatProblem(found[0] as Problem, 'fr')).toBe(
      'contrat.yaml, ligne 3:11: currency : « pesos » doit être un code ISO 4217, comme XOF',
    );
  });

  it('reads the outcomes when a segment is bad (the bug in issue #8)', () => {
    const text = `${HEADER}segments:
  - { id: hard, when: { attribute: group, between: [1] } }
  - { id: standard }
outcomes:
  - { id: job, kind: employment_start, after: enrolment, price: { standard: 500, hard: -8 } }
  - { id: kept, kind: employment_sustained, after: job, months: 0, of_months: 6, price: 5 }
`;
    expect(problems(text)).toEqual([
      '8:52 segment hard when between needs two numbers [low, high]',
      '11:88 outcome job price for hard must not be negative (got -8)',
      '12:65 outcome kept months must be a whole number ≥ 1 (got 0)',
    ]);
  });

  it('does not check prices against segments whose ids could not be read', () => {
    const text = `${HEADER}segments:
  - { when: { attribute: group, in: [x] } }
  - { id: standard }
outcomes:
  - { id: job, kind: employment_start, after: enrolment, price: { standard: 500, hard: 800 } }
`;
    expect(problems(text)).toEqual(['8:5 segment 1 needs "id"']);
  });

  it('does not report an after, a cap or an amendment naming an outcome that is bad in another way', () => {
    const text = `${HEADER}outcomes:
  - { id: job, kind: employment_begins, after: enrolment, price: 5 }
  - { id: kept, kind: employment_sustained, after: job, months: 3, of_months: 6, price: 5 }
caps: { volume: { job: 3 } }
amendments:
  - { id: a1, effective_from: 2019-01-01, reason: r, outcomes: { job: { price: 6 } } }
`;
    expect(problems(text)).toEqual([
      '8:22 outcome job kind "employment_begins" must be one of event, employment_start, employment_sustained, earnings_threshold, assessment_gain',
    ]);
  });

  it('reads a mistyped key as the key it clearly means, so nothing else is reported for it', () => {
    const text = `${HEADER}segement:
  - { id: hard, when: { attribute: group, in: [x] } }
  - { id: standard }
outcomes:
  - { id: job, kind: employment_start, after: enrolment, price: { standard: 500, hard: 800 } }
  - { id: kept, kidn: employment_sustained, after: job, months: 3, of_months: 4, price: 5 }
`;
    // Without segments the price map would be "a map by segment, but no segments"; without
    // a kind, months and of_months unknown keys and "needs kind".
    expect(problems(text)).toEqual([
      '7:1 unknown key "segement" in the contract; did you mean "segments"?',
      '12:17 unknown key "kidn" in outcome kept; did you mean "kind"?',
    ]);
  });

  it('reports a mistyped segment in a price map once, not also as unpriced', () => {
    const text = `${HEADER}segments:
  - { id: harder_to_help, when: { attribute: group, in: [x] } }
  - { id: standard }
outcomes:
  - { id: job, kind: employment_start, after: enrolment, price: { standard: 5, hardertohelp: 8 } }
`;
    expect(problems(text)).toEqual([
      '11:80 outcome job price names unknown segment "hardertohelp"; did you mean "harder_to_help"?',
    ]);
  });

  it('keeps checking the rest of the file after a repeated key', () => {
    const text = `${HEADER.replace('title: C\n', 'title: C\ntitle: D\n')}outcomes:
  - { id: job, kind: employment_start, after: enrolment, price: 1.001 }
`;
    expect(problems(text)).toEqual([
      '3:1 the key "title" is written twice in the same map; keep one',
      '9:65 outcome job price has more than two decimals (got 1.001)',
    ]);
  });

  it('checks the versions after a bad amendment, and the changes of a misdated one', () => {
    const text = `${HEADER}outcomes:
  - { id: job, kind: employment_start, after: enrolment, price: 5 }
amendments:
  - { id: a1, effective_from: 2019-06-01, reason: r, caps: { total: 100 } }
  - { id: a2, effective_from: 2019-01-01, reason: r, outcomes: { job: { price: 1.234 } } }
  - { id: a3, effective_from: 2019-09-01, reason: r, outcomes: { job: { within_days: -1 } } }
`;
    expect(problems(text)).toEqual([
      '11:31 amendment a2 effective_from 2019-01-01 must be after 2019-06-01 (amendments are listed oldest first)',
      '11:80 outcome job price has more than two decimals (got 1.234)',
      '12:86 outcome job within_days must be a whole number ≥ 0 (got -1)',
    ]);
  });
});

describe('did you mean', () => {
  it('measures edits and suggests only close names', () => {
    expect(editDistance('ouctomes', 'outcomes')).toBe(2);
    expect(editDistance('within_day', 'within_days')).toBe(1);
    expect(editDistance('segement', 'segments')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closestNames('segement', ['segments', 'outcomes'])).toEqual(['segments']);
    expect(closestNames('colour', ['id', 'kind', 'after', 'price'])).toEqual([]);
    // Short names: one edit only, or every two-letter name would be "meant".
    expect(closestNames('ab', ['id', 'to'])).toEqual([]);
    expect(closestNames('tp', ['id', 'to'])).toEqual(['to']);
    expect(closestNames('x1', ['x2', 'x3'])).toEqual(['x2', 'x3']);
  });

  it('names both when two names are as close', () => {
    const text = `${HEADER}outcomes:
  - { id: ab, kind: employment_start, after: enrolment, price: 5 }
  - { id: ac, kind: employment_start, after: enrolment, price: 5 }
  - { id: kept, kind: employment_sustained, after: ax, months: 3, of_months: 4, price: 5 }
`;
    expect(problems(text)).toEqual([
      '10:52 outcome kept after "ax" must be "enrolment" or an outcome listed earlier; did you mean "ab" or "ac"?',
    ]);
  });
});

describe('every contract problem from the catalogue', () => {
  const broken = [
    MANY_MISTAKES,
    '',
    '- a list\n',
    'contract: c\ntitle: [unclosed\n',
    `${HEADER}outcomes: []\ncaps: 5\n`,
    `${HEADER}outcomes:\n  - { id: x, kind: event, after: enrolment, event: e, price: 1, tiers: [] }\n`,
    `${HEADER}outcomes:\n  - { id: x, kind: event, after: enrolment, event: e, tiers: [] }\n`,
    `${HEADER}outcomes:\n  - { id: x, kind: earnings_threshold, after: enrolment, within_months: 1, total_earnings: 0, price: 1 }\n`,
    `${HEADER}outcomes:\n  - { id: x, kind: event, after: enrolment, event: e, price: 1, within_days: 5000000000 }\n`,
    `${HEADER}outcomes:\n  - { id: x, kind: event, after: enrolment, event: e, tiers: [{ price: 1, up_to: 2 }] }\n`,
    `${HEADER}outcomes:\n  - { id: x, kind: event, after: enrolment, event: e, tiers: [{ price: 1 }, { price: 2 }] }\n`,
    `${HEADER}outcomes:\n  - { id: x, kind: assessment_gain, after: enrolment, pre: a, post: b, max_score: 1234567890123, min_gain: 1, price: 1, bonus: [{ when: { attribute: a, equals: b, in: [c] }, percent: 5 }] }\n`,
    `${HEADER}eligibility: [{ attribute: a, between: [1, 2, 3] }, { attribute: a, in: [[x]] }, { attribute: a, between: [0.1234567, 1] }]\nsegments: [{ id: s, when: { attribute: a, equals: b } }, { id: s, when: { attribute: b, equals: c } }]\noutcomes:\n  - { id: x, kind: event, after: enrolment, event: e, verified_only: maybe, price: { s: 1 } }\n`,
    `contract: c\ntitle: C\ncurrency: ARS\nstarts_on: 2018-04-01\nends_on: 2018-01-01\nenrolment: { from: 2018-04-01, to: 2018-01-01 }\noutcomes: { a: 1 }\nsegments: [{ id: a }, { id: b, when: { attribute: c, equals: d } }]\n`,
    `${HEADER}outcomes:\n  - { id: x, kind: event, after: enrolment, event: e, price: 99999999999999999 }\n  - { id: x, kind: event, after: enrolment, event: '', price: { a: 1 } }\n`,
    `${HEADER}outcomes:\n  - { id: x, kind: event, after: enrolment, event: e, price: 1 }\namendments:\n  - { id: base, effective_from: 2019-02-30, reason: r }\n  - { id: a, effective_from: 2019-01-01, reason: r, outcomes: { x: { id: y }, z: {} }, caps: { total: null } }\n  - { id: a, effective_from: 2018-01-01, reason: r }\n`,
    'a: 1\n---\nb: 2\n',
    'a:\n  b: 1\n c: 2\n',
    'a: "x\n',
    '\ta: 1\n',
    'a: b: c\n',
    'x: @foo\n',
  ];

  it('has a code in the contract area and its parameters, and reads differently in each language', () => {
    const all = broken.flatMap((text) => [...parseContract(text).problems]);
    expect(new Set(all.map((p) => p.code)).size).toBeGreaterThan(30);
    for (const p of all) {
      expect(p.code.startsWith('contract.'), p.code).toBe(true);
      expect(isMessageCode(p.code), p.code).toBe(true);
      expect(p.params, p.code).toBeDefined();
      expect([p.line, p.col].every((n) => Number.isInteger(n) && (n as number) >= 1)).toBe(true);
      const texts = (['en', 'es', 'fr'] as const).map((l) => problemMessage(p, l));
      expect(texts[0]).toBe(p.message);
      expect(new Set(texts).size, texts.join(' | ')).toBe(3);
      for (const text of texts) expect(text).not.toMatch(/[{}]|\[object/);
    }
  });

  it('stays the same when stored as JSON and read back', () => {
    const [p] = parseContract(MANY_MISTAKES).problems;
    const stored = JSON.parse(JSON.stringify(p)) as Problem;
    expect(problemMessage(stored, 'es')).toBe(problemMessage(p as Problem, 'es'));
  });
});
