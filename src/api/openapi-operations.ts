/**
 * What the OpenAPI document says beyond the routes' own schemas, so that a client generator
 * gets a complete contract: the tags, the request examples, the bodies of file uploads, the
 * files some routes answer with, and what each error status means. Routes declare their
 * operationId, summary and description in their schema; `FALLBACK` covers routes that do not
 * (test/api/openapi.test.ts fails for any operation left without them).
 */

export const TAGS = [
  { name: 'programmes', description: 'The caller, its programmes, dashboards and participants' },
  { name: 'runs', description: 'Evaluation runs, their evidence packs and explanations' },
  { name: 'bills', description: 'Bills, their lines and approvals, and payment' },
  { name: 'verification', description: 'Verification samples, decisions and error rates' },
  { name: 'uploads', description: 'Participants, events and employment files, and the imports' },
  { name: 'datasets', description: 'Employment datasets and shared person keys' },
  { name: 'exports', description: 'Achievements files and the INDIGO project record' },
  { name: 'statements', description: 'Bill statements per provider as PDF and XLSX' },
  { name: 'audit', description: 'The audit log' },
  { name: 'auth', description: 'Signing in and out, API tokens, invitations' },
  { name: 'admin', description: 'Organisations, users, programmes and their members' },
] as const;

/** operationId, summary and description of routes whose schema lacks them. */
export const FALLBACK: Readonly<
  Record<string, { operationId: string; summary: string; description: string }>
> = {
  'POST /auth/login': {
    operationId: 'login',
    summary: 'Sign in',
    description:
      'Signs in with e-mail and password and answers a session token (12 hours) to send as `Authorization: Bearer <token>`. Throttled per client address and per e-mail: 401 for a wrong e-mail or password alike, 429 while locked.',
  },
  'POST /auth/logout': {
    operationId: 'logout',
    summary: 'Sign out',
    description:
      'Ends the session whose token the request carries. An API token cannot sign out (409): revoke it with DELETE /auth/tokens/{id}.',
  },
  'POST /auth/tokens': {
    operationId: 'mintApiToken',
    summary: 'Mint an API token',
    description:
      "A person signed in mints a token for the organisation's systems, with scopes (read: GET requests; write: every other) and an expiry; the secret is answered once. API tokens cannot mint tokens (403).",
  },
  'GET /auth/tokens': {
    operationId: 'listApiTokens',
    summary: 'List API tokens',
    description:
      'A person sees every live token of the organisation; a token sees only itself. Never the secrets.',
  },
  'DELETE /auth/tokens/{id}': {
    operationId: 'revokeApiToken',
    summary: 'Revoke an API token',
    description:
      "Revokes a token of the caller's organisation at once; 404 for a token of another organisation or none.",
  },
  'GET /programmes/{programme}/dashboard/figures': {
    operationId: 'getDashboardFigures',
    summary: "A programme's dashboard figures",
    description:
      "The dashboard's figures from the latest run under optional filters: the funnel from enrolment to sustained jobs, outcomes and payments by month, the caps' use and forecast, comparisons by provider and segment. Aggregates only, for every member.",
  },
  'GET /programmes/{programme}/indigo': {
    operationId: 'exportIndigoProject',
    summary: 'The programme as an INDIGO project record',
    description:
      'The programme, its outcome metrics and payments as an INDIGO impact bond project record (JSON), for the funder, verifiers and investors.',
  },
};

/** Request bodies, by operation, as a client would send them. */
export const EXAMPLES: Readonly<Record<string, unknown>> = {
  'POST /auth/login': { email: 'funder@demo.resulta.org', password: 'the password you were given' },
  'POST /auth/tokens': { name: 'ministry reporting', scopes: ['read'], expires_in_days: 90 },
  'POST /programmes/{programme}/runs': { as_of: '2020-06-30' },
  'POST /programmes/{programme}/bills': { period_end: '2020-06-30' },
  'POST /bills/{bill}/verify': { reason: 'sample of 50 events checked against attendance sheets' },
  'POST /bills/{bill}/approve': { reason: 'approved at the steering committee of 2020-07-10' },
  'POST /bills/{bill}/reject': { reason: 'the June events of provider 2 are not verified yet' },
  'POST /programmes/{programme}/verification/samples': { size: 50, seed: 'committee-2020-07' },
  'POST /samples/{sample}/events/{event}': {
    decision: 'rejected',
    reason: 'no signature on the attendance sheet',
    evidence_base64: 'JVBERi0xLjQK',
  },
  'POST /programmes/{programme}/employment-datasets/{dataset}/withdraw': {
    reason: 'sent for the wrong programme',
  },
  'POST /programmes/{programme}/shared-person-keys/{key}/decision': {
    belongs_to: ['P0042'],
    reason: 'P0042 is the person; P1234 was enrolled under a mistyped national id',
  },
  'POST /programmes/{programme}/contract-versions': {
    yaml: 'contract: youth-employment\n# … the whole contract file, with its new amendment appended\n',
    reason: 'amendment signed on 2020-06-20',
  },
};

/** The first lines of each upload as CSV, shown as the example of its `text/csv` body. */
export const UPLOAD_EXAMPLES: Readonly<Record<string, string>> = {
  'POST /programmes/{programme}/participants':
    'participant_id,provider_id,enrolled_on,national_id,birth_date,sex\nP0001,prov-1,2019-03-04,27123456,2001-05-17,F\n',
  'POST /programmes/{programme}/events':
    'participant_id,type,occurred_on,value,verified,source\nP0001,training_completed,2019-06-28,,false,provider\n',
  'POST /programmes/{programme}/employment-datasets':
    'person_key,month,employer_id,earnings\n4f1c2a9e0b7d4e6f8a1b2c3d4e5f6a7b,2019-08,E123,650.00\n',
};

/** Routes that answer a file rather than JSON, and its media types. */
export const FILE_ANSWERS: Readonly<Record<string, readonly string[]>> = {
  'GET /runs/{run}/evidence-pack': ['application/zip'],
  'GET /runs/{run}/achievements': [
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
};

/** What each error status means, where a route says nothing more. */
export const ERROR_MEANING: Readonly<Record<number, string>> = {
  400: 'the request does not match its schema (a missing or malformed parameter or field)',
  401: 'not signed in: send `Authorization: Bearer <session or API token>`',
  403: 'signed in, but this role (or this API token’s scope) may not call this route',
  404: 'nothing by that id, or nothing the caller may see (the same answer for both)',
  409: 'it clashes with the current state (see `error` and `detail`)',
  413: 'the request body is larger than the server accepts (50 MB)',
  415: 'a content type this route does not read',
  422: 'bad input: `problems` lists each with where it is (file, row, column, or line and column)',
  429: 'too many requests from this address; try again in a minute',
  500: 'an error on the server, logged under `request_id`',
};
