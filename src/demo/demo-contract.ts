/**
 * The demo programme's contract, modelled on the Buenos Aires youth employment outcomes
 * contract: ages 17–24, vulnerable and extremely vulnerable segments, job placement,
 * retention after probation, 12 months of work within 14, and the 2020 amendment that
 * widened the job-entry window when training moved online.
 */
export const DEMO_CONTRACT = `# Demo: a youth employment outcomes contract (synthetic data; see src/demo).
contract: demo-youth-employment
title: Youth employment outcomes contract (demo)
currency: ARS
starts_on: 2018-04-01
ends_on: 2021-03-31
enrolment: { from: 2018-04-01, to: 2019-12-31 }
eligibility:
  - { attribute: age_at_enrolment, between: [17, 24] }
segments:
  - { id: extremely_vulnerable, when: { attribute: group, in: ["extremely_vulnerable"] } }
  - { id: vulnerable }
outcomes:
  - id: training_completed
    kind: event
    event: training_completed
    after: enrolment
    within_days: 180
    verified_only: true
    price: { vulnerable: 200, extremely_vulnerable: 300 }
  - id: learning_gain
    kind: assessment_gain
    after: enrolment
    pre: pre_assessment
    post: post_assessment
    max_score: 100
    min_gain: 0.3
    within_days: 240
    price: 100
  - id: job_start
    kind: employment_start
    after: enrolment
    within_days: 270
    min_earnings: 1000
    price: { vulnerable: 500, extremely_vulnerable: 800 }
    bonus:
      - { when: { attribute: young_mother, equals: "yes" }, percent: 40 }
  - id: retained_4m
    kind: employment_sustained
    after: job_start
    skip_months: 3
    months: 4
    of_months: 4
    min_earnings: 1000
    tiers:
      - { up_to: 50000, price: 1100 }
      - { price: 1000 }
  - id: worked_12_of_14
    kind: employment_sustained
    after: job_start
    months: 12
    of_months: 14
    min_earnings: 1000
    price: { vulnerable: 900, extremely_vulnerable: 1200 }
caps:
  per_participant: 3500
  total: 900000000
  volume: { job_start: 400000 }
amendments:
  - id: covid-2020
    effective_from: 2020-04-01
    reason: Training moved online; job-entry window widened
    outcomes:
      job_start: { within_days: 365 }
`;

/** The day the demo is evaluated on: two full years of records, three months into the amendment. */
export const DEMO_AS_OF = '2020-06-30';
