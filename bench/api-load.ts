/**
 * `npm run bench:api` (needs DATABASE_URL): the API under load from a second process. Seeds
 * (once) a programme of 1,000,000 participants over 20 providers into schema `bench_api` of
 * the PostgreSQL server, starts `resulta serve` as a child process, and drives it with
 * autocannon (50 connections, 10 s per endpoint) from this process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { writeProgramme } from '../src/demo/synthetic-programme.js';
import { openSession } from '../src/engine/duckdb-session.js';
import { createUser, login } from '../src/services/identity.js';
import { importParticipants } from '../src/services/import-data.js';
import { createProgramme } from '../src/services/programmes.js';
import { openStore } from '../src/store/database.js';

const CLI = join(import.meta.dirname, '../src/cli/main.js');
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1_000_000);
const PASSWORD = 'bench password, not a secret';
const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL to a PostgreSQL server (see docs/operations.md)');

const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query('CREATE SCHEMA IF NOT EXISTS bench_api');
await admin.end();
const url = new URL(base);
url.searchParams.set('options', '-c search_path=bench_api');
const dataDir = await mkdtemp(join(tmpdir(), 'resulta-bench-api-'));
const store = await openStore({ url: url.toString(), dataDir });

if (
  !(await store.db
    .selectFrom('programmes')
    .select('id')
    .where('id', '=', 'national')
    .executeTakeFirst())
) {
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'resulta-bench-seed-'));
  const session = await openSession();
  const files = await writeProgramme(session.conn, dir, {
    participants: PARTICIPANTS,
    others: 0,
    providers: 20,
    seed: 2018,
    format: 'csv',
  }).finally(() => session.close());
  await createProgramme(
    store,
    { id: 'bench' },
    {
      id: 'national',
      title: 'National youth employment programme (benchmark)',
      funder: { id: 'ministry', name: 'Ministry' },
      providers: Array.from({ length: 20 }, (_, i) => ({
        id: `prov-${i + 1}`,
        name: `Provider ${i + 1}`,
      })),
      contractYaml: await readFile(files.contract, 'utf8'),
    },
  );
  await importParticipants(
    store,
    { id: 'bench' },
    'national',
    files.participants,
    'participants.csv',
    // The generator's keys stand for keys the data controller made.
    { personKeysFromFile: true },
  );
  await createUser(store, {
    email: 'funder@bench.example',
    name: 'funder',
    organisationId: 'ministry',
    password: PASSWORD,
  });
  await createUser(store, {
    email: 'provider@bench.example',
    name: 'provider',
    organisationId: 'prov-7',
    password: PASSWORD,
  });
  await rm(dir, { recursive: true, force: true });
  process.stdout.write(
    `seeded ${PARTICIPANTS} participants in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
  );
}
const funder = await login(store, 'funder@bench.example', PASSWORD);
const provider = await login(store, 'provider@bench.example', PASSWORD);
await store.close();

const port = 18_900;
const server: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--no-demo'], {
  env: { ...process.env, DATABASE_URL: url.toString(), RESULTA_DATA: dataDir, PORT: String(port) },
  stdio: 'ignore',
});
for (let i = 0; i < 100; i++) {
  if (
    await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((r) => setTimeout(r, 100));
}

const cases = [
  ['programme dashboard (funder)', '/programmes/national/dashboard', funder],
  ['participant list, first page (funder)', '/programmes/national/participants?limit=100', funder],
  [
    'participant list, deep page (funder)',
    '/programmes/national/participants?limit=100&after=P0500000',
    funder,
  ],
  [
    "participant list, a provider's own (provider)",
    '/programmes/national/participants?limit=100&after=P0300000',
    provider,
  ],
] as const;

process.stdout.write(
  `\nMachine: ${cpus().length} × ${cpus()[0]?.model}; server and load generator on the same machine\n\n`,
);
process.stdout.write(
  '| endpoint | requests/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|\n',
);
try {
  for (const [label, path, token] of cases) {
    const result = await autocannon({
      url: `http://127.0.0.1:${port}${path}`,
      connections: 50,
      duration: 10,
      headers: { authorization: `Bearer ${token}` },
    });
    process.stdout.write(
      `| ${label} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${result.errors + result.non2xx} |\n`,
    );
  }
} finally {
  server.kill('SIGTERM');
  await rm(dataDir, { recursive: true, force: true });
}
