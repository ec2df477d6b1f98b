/**
 * The folders say who may import whom (docs/decisions.md, Layout): biome.json fails an
 * import that points outward. This runs Biome with the repository's own biome.json on probe
 * files, one wrong import per rule and a few right ones, so the rule cannot silently stop
 * working (a renamed folder, a glob that no longer matches, a rule switched off).
 *
 * The probes live in a temporary copy of the layout, next to a copy of biome.json, rather
 * than in src/: other work in the same checkout must never see them.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './support/run-engine.js';

const REPO = join(import.meta.dirname, '..');
const BIOME = join(REPO, 'node_modules/.bin/biome');
const RESTRICTED = 'lint/style/noRestrictedImports';
const NODE_MODULE = 'lint/correctness/noNodejsModules';

/** Probe file → its import → the layer rules it must break (none: it must pass). */
const PROBES: [string, string, string[]][] = [
  ['src/domain/probe.ts', '../services/x.js', [RESTRICTED]],
  ['src/domain/contract/probe.ts', '../../store/database.js', [RESTRICTED]],
  ['src/domain/explain/deep/probe.ts', '../../../engine/evaluate.js', [RESTRICTED]],
  ['src/domain/io-probe.ts', 'node:fs/promises', [NODE_MODULE]],
  ['src/domain/fs-probe.ts', 'fs', [NODE_MODULE]],
  ['src/engine/probe.ts', '../services/x.js', [RESTRICTED]],
  ['src/engine/sql/probe.ts', '../../store/database.js', [RESTRICTED]],
  ['src/files/probe.ts', '../api/server.js', [RESTRICTED]],
  ['src/store/probe.ts', '../cli/main.js', [RESTRICTED]],
  ['src/services/probe.ts', '../api/access.js', [RESTRICTED]],
  ['src/api/routes/probe.ts', '../../cli/main.js', [RESTRICTED]],
  // Imports that point inward, or stay inside the domain, pass.
  ['src/domain/contract/ok.ts', '../money.js', []],
  ['src/domain/ok.ts', 'yaml', []],
  ['src/engine/ok.ts', '../files/csv-writer.js', []],
  ['src/services/ok.ts', '../store/database.js', []],
  ['src/api/ok.ts', '../services/identity.js', []],
  ['src/cli/ok.ts', '../api/server.js', []],
];

interface Diagnostic {
  category: string;
  location: { path: string };
}

describe('layer rules in biome.json', () => {
  const found = new Map<string, string[]>();

  beforeAll(async () => {
    const root = await tempDir();
    await copyFile(join(REPO, 'biome.json'), join(root, 'biome.json'));
    for (const [file, from] of PROBES) {
      await mkdir(dirname(join(root, file)), { recursive: true });
      await writeFile(join(root, file), `import * as probe from '${from}';\n\nexport { probe };\n`);
    }
    // Biome exits 1 when it reports errors; the JSON report on stdout is what is checked.
    const run = await promisify(execFile)(BIOME, ['lint', '--reporter=json', 'src'], {
      cwd: root,
    }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
    const report = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
    for (const d of report.diagnostics) {
      if (d.category !== RESTRICTED && d.category !== NODE_MODULE) continue;
      const path = d.location.path.replaceAll('\\', '/');
      found.set(path, [...(found.get(path) ?? []), d.category]);
    }
  });

  it.each(PROBES)('%s importing %s', (file, _from, expected) => {
    expect(found.get(file) ?? []).toEqual(expected);
  });
});

/**
 * The web app runs the domain (the contract parser, the message catalogue) in the browser,
 * so src/domain must not touch Node at all: no Node module, imported statically or at run
 * time, and none of Node's globals. Biome's rule above covers static imports; this reads
 * every real file, so `await import('node:fs')` or a stray `process.env` fails too.
 */
describe('src/domain runs in a browser', () => {
  const NODE_MODULES = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  const NODE_GLOBALS = /\b(process|Buffer|require|__dirname|__filename|setImmediate)\b\s*[.(]/;

  async function domainFiles(dir = join(REPO, 'src/domain')): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true });
    const nested = await Promise.all(
      entries.map((e) => (e.isDirectory() ? domainFiles(join(dir, e.name)) : [join(dir, e.name)])),
    );
    return nested.flat().filter((f) => f.endsWith('.ts'));
  }

  it('imports no Node module and uses no Node global', async () => {
    const files = await domainFiles();
    expect(files.length).toBeGreaterThan(40);
    const faults: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const name = file.slice(REPO.length + 1);
      const imported = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]);
      for (const module of imported) {
        if (module && NODE_MODULES.has(module)) faults.push(`${name} imports ${module}`);
      }
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const global = NODE_GLOBALS.exec(code)?.[1];
      if (global) faults.push(`${name} uses ${global}`);
    }
    expect(faults).toEqual([]);
  });
});
