/**
 * Random valid contracts over the whole grammar of spec §2, written as YAML text: zero, one
 * or several segments; every rule kind with and without each optional key; flat, per-segment
 * and tiered prices (zero included), bonuses; every condition form on text, number,
 * date-like and missing columns and on age_at_enrolment; caps present or absent; and
 * amendments that change every kind of key, caps and per-segment prices included.
 *
 * Each part is built so that every version validates on its own (the spec's rule), which
 * the property tests check with parseContract before running anything.
 */
import fc from 'fast-check';

/** Days from 2018-01-01, as YYYY-MM-DD. */
export const day = (offset: number) =>
  new Date(Date.UTC(2018, 0, 1 + offset)).toISOString().slice(0, 10);

/**
 * Offsets of the first day of each quarter of 2018–2019 and of the day before it: amendments
 * and some events fall on them, so evidence and achievements land on the days where one
 * version ends and the next begins.
 */
export const BOUNDARY_DAYS: readonly number[] = [3, 6, 9, 12, 15, 18].flatMap((m) => {
  const first = (Date.UTC(2018, m, 1) - Date.UTC(2018, 0, 1)) / 86_400_000;
  return [first - 1, first];
});

/** Cells the participants file may hold in its attribute columns (empty = missing). */
export const ATTRIBUTE_CELLS = {
  group: ['x', 'y', 'X', "it's", ''],
  score: [
    '7',
    '007',
    '7.50',
    '-2',
    '0',
    '17',
    '24.000001',
    '1.1234567',
    '0.0000001',
    '-0.0000001',
    '1234567890123',
    '-1234567890123',
    '00000000000017',
    '1.1234565',
    '-000.0000001',
    'abc',
    '',
  ],
  since: ['2018-03-01', '2019-01-01', 'soon', ''],
} as const;

/** Days (offsets) that enrolments favour, so `equals` on enrolled_on can hold. */
export const ENROLMENT_DAYS = [10, 50, 100];

/** Event types of the generated programmes; `it's` tests quoting. */
export const EVENT_TYPES = ['done', 'pre', 'post', "it's"] as const;

/** What conditions may name: attribute columns, standard columns, age, and a missing one. */
const CONDITION_VALUES: Record<string, readonly string[]> = {
  group: [...ATTRIBUTE_CELLS.group.filter((c) => c !== ''), 'z'],
  score: ['7', '007', '7.5', '7.50', '-2', '17', 'abc', '1.1234567'],
  since: ['2018-03-01', 'soon'],
  nope: ['x', '1'],
  age_at_enrolment: ['17', '24', '30', '017'],
  provider_id: ['prov-0', 'prov-1'],
  enrolled_on: ENROLMENT_DAYS.map(day),
  person_key: ['K0', 'K1'],
};
/** How often conditions name each attribute: numbers of every shape get the most. */
const ATTRIBUTE_WEIGHTS: Record<string, number> = {
  group: 2,
  score: 4,
  since: 1,
  nope: 1,
  age_at_enrolment: 2,
  provider_id: 1,
  enrolled_on: 1,
  person_key: 1,
};

/** Bounds for `between`: decimals within the score limits (12 digits, 6 decimals). */
const BOUNDS = [
  '-3',
  '-0.000001',
  '0',
  '0.000001',
  '1.123456',
  '1.123457',
  '1.5',
  '7',
  '7.5',
  '17',
  '24',
  '30',
  '999999999999',
];

/** YAML text for a value compared as written: quoted, or plain when YAML reads it as text. */
const valueText = (text: string): fc.Arbitrary<string> =>
  /^[a-z0-9][a-z0-9.-]*$/i.test(text) && !/^(true|false|null)$/i.test(text)
    ? fc.constantFrom(text, JSON.stringify(text))
    : fc.constant(JSON.stringify(text));

const attributeArb = fc.oneof(
  ...Object.entries(ATTRIBUTE_WEIGHTS).map(([attribute, weight]) => ({
    weight,
    arbitrary: fc.constant(attribute),
  })),
);

const conditionArb: fc.Arbitrary<string> = attributeArb.chain((attribute) => {
  const values = CONDITION_VALUES[attribute] as readonly string[];
  const one = fc.constantFrom(...values).chain(valueText);
  const name = JSON.stringify(attribute);
  return fc.oneof(
    fc
      .array(one, { minLength: 1, maxLength: 3 })
      .map((vs) => `{ attribute: ${name}, in: [${vs.join(', ')}] }`),
    one.map((v) => `{ attribute: ${name}, equals: ${v} }`),
    fc
      .tuple(fc.constantFrom(...BOUNDS), fc.constantFrom(...BOUNDS))
      .map(([a, b]) => (Number(a) <= Number(b) ? [a, b] : [b, a]))
      .map(([lo, hi]) => `{ attribute: ${name}, between: [${lo}, ${hi}] }`),
  );
});

const amountArb = fc.constantFrom('0', '1', '100', '50.50', '999.99', '1200');
const countArb = (max: number) => fc.integer({ min: 0, max });
/** Day counts: small, none, or past every date (the window then never ends). */
const withinDaysArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 300 }) },
  { weight: 1, arbitrary: fc.constantFrom(1_000_000_000, 80_000) },
);
/** Thresholds on earnings, one of them past anything a HUGEINT holds. */
const HUGE = '123456789012345678901234567890123456789012.5';
const earningsArb = fc.constantFrom('0', '500', '999.99', '999.991', '0.001', HUGE);
const scoreArb = fc.constantFrom('-1', '0', '5', '50.5', '100');

/** Pricing keys: one amount, an amount per segment, or tiers. */
const pricingArb = (segments: readonly string[]): fc.Arbitrary<Record<string, string>> => {
  const flat = amountArb.map((a) => ({ price: a }));
  const bySegment = fc
    .array(amountArb, { minLength: segments.length, maxLength: segments.length })
    .map((amounts) => ({
      price: `{ ${segments.map((s, i) => `${JSON.stringify(s)}: ${amounts[i]}`).join(', ')} }`,
    }));
  const tiers = fc
    .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 2 }), amountArb, amountArb)
    .map(([ups, p, last]) => {
      const sorted = [...ups].sort((a, b) => a - b);
      const items = [...sorted.map((u) => `{ up_to: ${u}, price: ${p} }`), `{ price: ${last} }`];
      return { tiers: `[ ${items.join(', ')} ]` };
    });
  return segments.length > 0 ? fc.oneof(flat, bySegment, tiers) : fc.oneof(flat, tiers);
};

const bonusArb = fc
  .array(
    fc
      .tuple(conditionArb, fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 })))
      .map(([when, percent]) => `{ when: ${when}, percent: ${percent} }`),
    { minLength: 1, maxLength: 3 },
  )
  .map((items) => ({ bonus: `[ ${items.join(', ')} ]` }));

/** Optional keys: each present or not. */
const optional = (keys: Record<string, fc.Arbitrary<string>>) =>
  fc.record(
    Object.fromEntries(
      Object.entries(keys).map(([k, arb]) => [k, fc.option(arb, { nil: undefined, freq: 2 })]),
    ),
  );

type Keys = Record<string, string | undefined>;

const sustainedWindow = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 }))
  .map(([months, extra]) => ({ months: `${months}`, of_months: `${months + extra}` }));

/** The kind-specific keys of a rule; `amend` asks for a subset to change (maybe all). */
const KIND_KEYS: Record<string, fc.Arbitrary<Keys>> = {
  event: fc
    .record({ event: fc.constantFrom('done', "it's", 'pre').map((t) => JSON.stringify(t)) })
    .chain((req) =>
      optional({
        within_days: withinDaysArb.map(String),
        verified_only: fc.constantFrom('true', 'false'),
        min_value: scoreArb,
      }).map((opt) => ({ ...req, ...opt })),
    ),
  employment_start: optional({
    within_days: withinDaysArb.map(String),
    min_earnings: earningsArb,
  }),
  employment_sustained: fc
    .tuple(
      sustainedWindow,
      optional({ skip_months: countArb(2).map(String), min_earnings: earningsArb }),
    )
    .map(([w, opt]) => ({ ...w, ...opt })),
  earnings_threshold: fc.record({
    within_months: fc.integer({ min: 1, max: 8 }).map(String),
    total_earnings: fc.constantFrom('1500', '2500.50', '0.01', '999.999', HUGE),
  }),
  assessment_gain: fc
    .record({
      pre: fc.constantFrom('pre', 'done').map((t) => JSON.stringify(t)),
      post: fc.constantFrom('post', "it's").map((t) => JSON.stringify(t)),
      max_score: fc.constantFrom('100', '100', '50.5', '10'),
      min_gain: fc.constantFrom('0', '0.25', '0.25', '1', '0.333333'),
    })
    .chain((req) =>
      optional({ within_days: withinDaysArb.map(String) }).map((opt) => ({ ...req, ...opt })),
    ),
};
export const RULE_KINDS = Object.keys(KIND_KEYS);

/** Keys of a kind that stay valid when changed one group at a time. */
const AMENDABLE_GROUPS: Record<string, string[][]> = {
  event: [['event'], ['within_days'], ['verified_only'], ['min_value']],
  employment_start: [['within_days'], ['min_earnings']],
  employment_sustained: [['months', 'of_months'], ['skip_months'], ['min_earnings']],
  earnings_threshold: [['within_months'], ['total_earnings']],
  assessment_gain: [['pre'], ['post'], ['max_score'], ['min_gain'], ['within_days']],
};

interface RuleShape {
  readonly id: string;
  readonly kind: string;
  readonly keys: Keys;
}

const OUTCOME_IDS = ['job', '_', '0', 'a_b_', 'z9', 'kept', 'o_1'];

const flow = (keys: Keys) =>
  `{ ${Object.entries(keys)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')} }`;

/** Rules in contract order, each after enrolment or an earlier rule. */
const rulesArb = (segments: readonly string[]): fc.Arbitrary<RuleShape[]> =>
  fc
    .integer({ min: 1, max: 5 })
    .chain((n) => fc.shuffledSubarray(OUTCOME_IDS, { minLength: n, maxLength: n }))
    .chain((ids) =>
      fc.tuple(
        ...ids.map((id, i) =>
          fc
            .record({
              kind: fc.constantFrom(...RULE_KINDS),
              anchor: fc.integer({ min: -1, max: i - 1 }),
              pricing: pricingArb(segments),
              bonus: fc.option(bonusArb, { nil: undefined, freq: 3 }),
            })
            .chain(({ kind, anchor, pricing, bonus }) =>
              (KIND_KEYS[kind] as fc.Arbitrary<Keys>).map(
                (body): RuleShape => ({
                  id,
                  kind,
                  keys: {
                    id: JSON.stringify(id),
                    kind,
                    after: anchor < 0 ? 'enrolment' : JSON.stringify(ids[anchor]),
                    ...body,
                    ...pricing,
                    ...(bonus ?? {}),
                  },
                }),
              ),
            ),
        ),
      ),
    );

/** Caps: each key present or not; volume names some outcomes. */
const capsArb = (ids: readonly string[]): fc.Arbitrary<Keys> =>
  optional({
    per_participant: fc.constantFrom('0', '150', '1000', '2500.50'),
    total: fc.constantFrom('0', '500', '3000', '20000'),
    volume: fc
      .uniqueArray(fc.constantFrom(...ids), { minLength: 1 })
      .chain((named) =>
        fc
          .array(countArb(5), { minLength: named.length, maxLength: named.length })
          .map((n) => `{ ${named.map((id, i) => `${JSON.stringify(id)}: ${n[i]}`).join(', ')} }`),
      ),
  });

/** What one amendment changes in one rule: a group of its kind's keys, pricing or bonus. */
const ruleChangeArb = (rule: RuleShape, segments: readonly string[]): fc.Arbitrary<Keys> => {
  const groups = AMENDABLE_GROUPS[rule.kind] as string[][];
  const kindChange = fc
    .tuple(fc.constantFrom(...groups), KIND_KEYS[rule.kind] as fc.Arbitrary<Keys>)
    .map(([group, fresh]) => {
      // A key that is optional and absent in the fresh draw: give it a value, since an
      // amendment cannot remove a key.
      const out: Keys = {};
      for (const k of group) out[k] = fresh[k] ?? OPTIONAL_FILL[k];
      return out;
    });
  return fc.oneof(kindChange, pricingArb(segments), bonusArb);
};

const OPTIONAL_FILL: Record<string, string> = {
  within_days: '400',
  verified_only: 'false',
  min_value: '0',
  min_earnings: '0',
  skip_months: '1',
};

/** Amendments, oldest first, each changing some rules and/or caps. */
const amendmentsArb = (
  rules: readonly RuleShape[],
  segments: readonly string[],
): fc.Arbitrary<string[]> =>
  fc
    .uniqueArray(
      fc.oneof(
        { weight: 1, arbitrary: fc.integer({ min: 15, max: 560 }) },
        { weight: 2, arbitrary: fc.constantFrom(...BOUNDARY_DAYS) },
      ),
      { maxLength: 3 },
    )
    .map((days) => [...days].sort((a, b) => a - b))
    .chain((days) =>
      fc
        .tuple(
          ...days.map((offset, i) =>
            fc
              .record({
                changed: fc.shuffledSubarray([...rules], { maxLength: Math.min(2, rules.length) }),
                caps: fc.option(capsArb(rules.map((r) => r.id)), { nil: undefined }),
              })
              .filter(({ changed, caps }) => changed.length > 0 || caps !== undefined)
              .chain(({ changed, caps }) =>
                fc.tuple(...changed.map((r) => ruleChangeArb(r, segments))).map((changes) => {
                  const outcomes = changed.map(
                    (r, k) => `${JSON.stringify(r.id)}: ${flow(changes[k] as Keys)}`,
                  );
                  const capKeys =
                    caps && Object.values(caps).some((v) => v !== undefined)
                      ? flow(caps)
                      : undefined;
                  const parts = [
                    `id: ${JSON.stringify(`amend-${i}`)}`,
                    `effective_from: ${day(offset)}`,
                    'reason: "changed during delivery"',
                    ...(outcomes.length > 0 ? [`outcomes: { ${outcomes.join(', ')} }`] : []),
                    ...(capKeys ? [`caps: ${capKeys}`] : []),
                  ];
                  return outcomes.length === 0 && !capKeys ? null : `  - { ${parts.join(', ')} }`;
                }),
              ),
          ),
        )
        .map((items) => items.filter((x): x is string => x !== null)),
    );

/** Segments: none (absent or empty), one without `when`, or several with a catch-all last. */
const segmentsArb: fc.Arbitrary<{ ids: readonly string[]; yaml: string }> = fc.oneof(
  fc.constantFrom<{ ids: readonly string[]; yaml: string }>(
    { ids: [], yaml: '' },
    { ids: [], yaml: 'segments: []\n' },
  ),
  fc
    .shuffledSubarray(['std', 'hard', 'mid', 'x y', "it's"], { minLength: 1, maxLength: 4 })
    .chain((ids) =>
      fc
        .array(conditionArb, { minLength: ids.length - 1, maxLength: ids.length - 1 })
        .map((whens) => ({
          ids,
          yaml: `segments:\n${ids
            .map((id, i) =>
              i < whens.length
                ? `  - { id: ${JSON.stringify(id)}, when: ${whens[i]} }\n`
                : `  - { id: ${JSON.stringify(id)} }\n`,
            )
            .join('')}`,
        })),
    ),
);

export const contractArb: fc.Arbitrary<string> = segmentsArb.chain((segments) =>
  fc
    .record({
      startsOn: fc.constantFrom(0, 40),
      endsOn: fc.integer({ min: 300, max: 480 }),
      enrolFrom: fc.constantFrom(0, 20),
      enrolTo: fc.integer({ min: 250, max: 330 }),
      // Mostly none: every condition must hold, and most participants should stay in.
      eligibility: fc.oneof(
        { weight: 4, arbitrary: fc.constant<string[]>([]) },
        { weight: 3, arbitrary: fc.array(conditionArb, { minLength: 1, maxLength: 1 }) },
        { weight: 1, arbitrary: fc.array(conditionArb, { minLength: 2, maxLength: 2 }) },
      ),
      rules: rulesArb(segments.ids),
    })
    .chain((c) =>
      fc
        .record({
          caps: fc.option(capsArb(c.rules.map((r) => r.id)), { nil: undefined }),
          amendments: amendmentsArb(c.rules, segments.ids),
        })
        .map(
          ({ caps, amendments }) => `contract: prop
title: Property
currency: ARS
starts_on: ${day(c.startsOn)}
ends_on: ${day(c.endsOn)}
enrolment: { from: ${day(c.enrolFrom)}, to: ${day(c.enrolTo)} }
${c.eligibility.length > 0 ? `eligibility:\n${c.eligibility.map((e) => `  - ${e}\n`).join('')}` : ''}${segments.yaml}outcomes:
${c.rules.map((r) => `  - ${flow(r.keys)}\n`).join('')}${caps ? `caps: ${flow(caps)}\n` : ''}${amendments.length > 0 ? `amendments:\n${amendments.join('\n')}\n` : ''}`,
        ),
    ),
);
