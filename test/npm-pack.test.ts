/**
 * The command line installs outside the repository (issue #8 part 4): `npm pack` makes a
 * tarball of what package.json "files" lists, `npm install -g` into a temporary prefix
 * turns it into a `resulta` that works from any folder — the same help, the worked example
 * evaluated to the expected bytes, the embedded database created with the migrations the
 * package carries — and the code it ships imports at run time only Node's modules and the
 * package's dependencies, never a devDependency.
 *
 * Slow (a minute or more: npm installs every dependency from its cache), kept in the suite.
 * The install is offline from npm's cache, which `npm install` in the repository filled;
 * when the cache lacks a package it falls back to --prefer-offline.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './support/run-engine.js';

const REPO = join(import.meta.dirname, '..');
const CLI = join(REPO, 'dist/src/cli/main.js');
const EXAMPLE = join(REPO, 'examples/tiny');
const OUTPUTS = ['achievements.csv', 'participants.csv', 'summary.json'];

interface Packed {
  readonly filename: string;
  readonly files: readonly { readonly path: string }[];
}

describe('the npm package', { timeout: 900_000 }, () => {
  let packed: Packed;
  let tarball: string;
  let bin: string;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
    const destination = await tempDir();
    // The build is the suite's (npm test builds first); packing must not rebuild it.
    const pack = npm(
      ['pack', '--ignore-scripts', '--json', '--pack-destination', destination],
      REPO,
    );
    expect(pack.status, pack.stderr).toBe(0);
    packed = (JSON.parse(pack.stdout) as Packed[])[0] as Packed;
    tarball = join(destination, packed.filename);
    const prefix = join(await tempDir(), 'prefix');
    const install = (cacheRule: string) =>
      npm(
        ['install', '-g', '--prefix', prefix, tarball, cacheRule, '--no-audit', '--no-fund'],
        destination,
      );
    let installed = install('--offline');
    if (installed.status !== 0) installed = install('--prefer-offline');
    expect(installed.status, installed.stderr).toBe(0);
    bin = join(prefix, 'bin', 'resulta');
  }, 900_000);

  it('holds the built command line, the migrations and the example, and no sources or tests', () => {
    const paths = packed.files.map((f) => f.path);
    for (const needed of [
      'package.json',
      'README.md',
      'dist/src/cli/main.js',
      'dist/src/engine/run-worker.js',
      'migrations/0001_programmes_and_runs.sql',
      'migrations/0011_administration.sql',
      'examples/tiny/contract.yaml',
    ])
      expect(paths, needed).toContain(needed);
    expect(
      paths.filter((p) => /^(src|test|bench|web)\/|^dist\/(test|bench)\/|\.map$/.test(p)),
    ).toEqual([]);
  });

  it('imports at run time only Node modules and its dependencies', async () => {
    const manifest = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const allowed = new Set([...Object.keys(manifest.dependencies), ...builtinModules]);
    const strays: string[] = [];
    const seen = new Set<string>();
    for (const { path } of packed.files.filter((f) => f.path.startsWith('dist/src/'))) {
      const code = withoutComments(await readFile(join(REPO, path), 'utf8'));
      for (const specifier of importedPackages(code)) {
        seen.add(specifier);
        if (!allowed.has(specifier)) strays.push(`${path}: ${specifier}`);
      }
    }
    expect(strays).toEqual([]);
    // The scan sees each way the code loads a package: static, dynamic and require().
    for (const loaded of ['commander', 'fastify', 'kysely', 'argon2', '@duckdb/node-api'])
      expect(seen, loaded).toContain(loaded);
  });

  it('installs a resulta that answers as the repository’s does, from another folder', async () => {
    const elsewhere = await tempDir();
    const installed = run(bin, ['--help'], elsewhere);
    expect(installed.status, installed.stderr).toBe(0);
    const local = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8', cwd: REPO });
    expect(installed.stdout).toBe(local.stdout);
    expect(installed.stdout).toContain('admin');
  });

  it('evaluates the worked example to the expected bytes, from another folder', async () => {
    const folder = await tempDir();
    for (const file of ['contract.yaml', 'participants.csv', 'events.csv', 'employment.csv'])
      await copyFile(join(EXAMPLE, file), join(folder, file));
    const args = ['evaluate', '--contract', 'contract.yaml'];
    for (const role of ['participants', 'events', 'employment'])
      args.push(`--${role}`, `${role}.csv`);
    const evaluated = run(
      bin,
      [...args, '--as-of', '2019-06-30', '--out', 'out', '--quiet'],
      folder,
    );
    expect(evaluated.status, evaluated.stderr).toBe(0);
    for (const name of OUTPUTS)
      expect(await readFile(join(folder, 'out', name), 'utf8'), name).toBe(
        await readFile(join(EXAMPLE, 'expected', name), 'utf8'),
      );
  });

  it('creates its embedded database with the migrations it carries', async () => {
    const folder = await tempDir();
    await mkdir(join(folder, 'data'));
    const listed = run(bin, ['admin', 'list-organisations'], folder, {
      RESULTA_DATA: join(folder, 'data'),
      DATABASE_URL: '',
    });
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toBe('(none)\n');
  });
});

function npm(args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync('npm', [...args, '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
    timeout: 800_000,
  });
}

function run(
  bin: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): SpawnSyncReturns<string> {
  return spawnSync(bin, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, RESULTA_LANG: '', ...env },
    timeout: 120_000,
  });
}

/** Block and line comments removed (doc comments quote imports as examples). */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/**
 * The packages a module loads, by name: its static imports and re-exports (statements at the
 * start of a line, as tsc writes them, up to their `;`), dynamic imports and require() of a
 * string (also through createRequire).
 */
function importedPackages(code: string): string[] {
  const specifiers = [
    ...code.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s*['"]([^'"]+)['"]/gm),
    ...code.matchAll(/^import\s*['"]([^'"]+)['"]/gm),
    ...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...code.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...code.matchAll(/\bcreateRequire\([^)]*\)\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] as string);
  return specifiers
    .filter((s) => !s.startsWith('.') && !s.startsWith('/') && !s.startsWith('node:'))
    .map((s) => {
      const parts = s.split('/');
      return s.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
    });
}
