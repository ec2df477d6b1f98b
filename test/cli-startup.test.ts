/**
 * Start-up cost without timing: which packages each command loads. `resulta --help` and
 * `validate` must not pay for DuckDB, the HTTP server, the database drivers, argon2 or the
 * spreadsheet reader (issue #6); the built binary runs under a preload that logs every
 * module it loads (support/module-log.mjs). bench/startup.ts measures the seconds.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/run-engine.js';

const CLI = join(import.meta.dirname, '../dist/src/cli/main.js');
const PRELOAD = pathToFileURL(join(import.meta.dirname, 'support/module-log.mjs')).href;
const EXAMPLE = join(import.meta.dirname, '../examples/tiny');
const HEAVY = [
  '@duckdb/node-api',
  '@electric-sql/pglite',
  'argon2',
  'exceljs',
  'fastify',
  'kysely',
  'pg',
];

/** Runs the built CLI and returns the npm packages it loaded, sorted, and its exit code. */
async function packagesLoadedBy(...args: string[]) {
  const log = join(await tempDir(), 'modules.log');
  const run = spawnSync(process.execPath, ['--import', PRELOAD, CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, RESULTA_MODULE_LOG: log },
  });
  const urls = (await readFile(log, 'utf8')).split('\n');
  const names = urls.flatMap((url) =>
    [...url.matchAll(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].map((m) => m[1] as string),
  );
  return { code: run.status, stderr: run.stderr, packages: [...new Set(names)].sort() };
}

describe('resulta start-up', () => {
  it('--help loads commander and nothing else, yet lists every command', async () => {
    const run = await packagesLoadedBy('--help');
    expect(run.code).toBe(0);
    expect(run.packages).toEqual(['commander']);
    const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout;
    for (const command of ['evaluate', 'explain', 'validate', 'demo', 'serve', 'audit']) {
      expect(help).toContain(command);
    }
  });

  it('validate loads the YAML parser and nothing heavy', async () => {
    const run = await packagesLoadedBy('validate', join(EXAMPLE, 'contract.yaml'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.packages).toEqual(['commander', 'yaml']);
  });

  it('speaks another language at the same cost: the catalogue is plain data', async () => {
    const help = await packagesLoadedBy('--help', '--lang', 'es');
    expect([help.code, help.packages]).toEqual([0, ['commander']]);
    const validate = await packagesLoadedBy(
      'validate',
      join(EXAMPLE, 'contract.yaml'),
      '--lang=fr',
    );
    expect([validate.code, validate.packages]).toEqual([0, ['commander', 'yaml']]);
  });

  it('evaluate of CSV inputs loads DuckDB but no server, database or spreadsheet code', async () => {
    const out = join(await tempDir(), 'out');
    const run = await packagesLoadedBy(
      'evaluate',
      '--quiet',
      '--contract',
      join(EXAMPLE, 'contract.yaml'),
      ...['participants', 'events', 'employment'].flatMap((role) => [
        `--${role}`,
        join(EXAMPLE, `${role}.csv`),
      ]),
      '--as-of',
      '2019-06-30',
      '--out',
      out,
    );
    expect(run.code, run.stderr).toBe(0);
    // The log sees packages loaded by dynamic import(), so the checks above can fail.
    expect(run.packages).toContain('@duckdb/node-api');
    expect(run.packages.filter((name) => HEAVY.includes(name))).toEqual(['@duckdb/node-api']);
  });
});
