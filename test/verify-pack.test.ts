/**
 * `resulta verify-pack` (issue #8 part 2) through the built command line, on real packs: one
 * made from the worked example's files and expected outputs, and one a server run made
 * (Parquet employment, from the store). A pack passes; a changed output, a changed input,
 * another zip, a path that leaves the folder, a bomb and a lying directory each fail with
 * the reason, exit 1; nothing is left in the temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../src/files/xlsx-writer.js';
import { runEvaluation } from '../src/services/evaluation-runs.js';
import { buildEvidencePack, PACK_TIME } from '../src/services/evidence-pack.js';
import { tempDir } from './support/run-engine.js';
import { openTestStore } from './support/test-store.js';
import { seedTinyProgramme, TINY } from './support/tiny-programme.js';

const CLI = join(import.meta.dirname, '../dist/src/cli/main.js');
const OUTPUTS = 'outputs/achievements.csv, outputs/participants.csv, outputs/summary.json';

/** The built CLI with a TMPDIR of its own, which must be empty again afterwards. */
async function verifyPack(pack: string, env: Record<string, string> = {}) {
  const tmp = await tempDir();
  const run = spawnSync(process.execPath, [CLI, 'verify-pack', pack], {
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: tmp, ...env },
  });
  return {
    code: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    left: await readdir(tmp),
  };
}

type Entries = Record<string, Uint8Array>;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A pack's entries with some replaced; `rehash` also updates the manifest to match. */
function changed(entries: Entries, edits: Entries, rehash: boolean): Entries {
  const next = { ...entries, ...edits };
  if (rehash) {
    const manifest = JSON.parse(strFromU8(entries['manifest.json'] as Uint8Array));
    for (const [name, bytes] of Object.entries(edits)) manifest.files[name] = sha256(bytes);
    next['manifest.json'] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  }
  return next;
}

async function zipTo(entries: Entries, name = 'pack.zip'): Promise<string> {
  const path = join(await tempDir(), name);
  await writeFile(
    path,
    zipSync(
      Object.fromEntries(Object.entries(entries).map(([n, b]) => [n, [b, { mtime: PACK_TIME }]])),
    ),
  );
  return path;
}

describe('resulta verify-pack', () => {
  let pack: string;
  let entries: Entries;

  beforeAll(async () => {
    const { zip } = await buildEvidencePack(
      {
        contract: join(TINY, 'contract.yaml'),
        participants: join(TINY, 'participants.csv'),
        events: join(TINY, 'events.csv'),
        employment: join(TINY, 'employment.csv'),
        outputs: join(TINY, 'expected'),
      },
      { programme: 'tiny', contractVersion: 1, asOf: '2019-06-30' },
    );
    pack = join(await tempDir(), 'evidence-pack-run-1.zip');
    await writeFile(pack, zip);
    entries = unzipSync(zip);
  });

  it('passes a pack whose re-run gives every output its manifest names, in a temporary folder it removes', async () => {
    const run = await verifyPack(pack);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      `evidence-pack-run-1.zip: all 3 outputs match the manifest: ${OUTPUTS}\n`,
    );
    expect(run.left).toEqual([]);
    const es = await verifyPack(pack, { RESULTA_LANG: 'es' });
    expect(es.stdout).toBe(
      `evidence-pack-run-1.zip: los 3 resultados coinciden con el manifiesto: ${OUTPUTS}\n`,
    );
  });

  it('names the first output the re-run does not reproduce, and its first differing line', async () => {
    const original = strFromU8(entries['outputs/achievements.csv'] as Uint8Array);
    const edited = original.replace(
      'P01,prov-a,standard,job_start,2018-06-30,base,500.00,500.00,paid',
      'P01,prov-a,standard,job_start,2018-06-30,base,500.00,900.00,paid',
    );
    expect(edited).not.toBe(original);
    const line = original.split('\n').findIndex((l) => l.includes('job_start,2018-06-30')) + 1;
    const run = await verifyPack(
      await zipTo(changed(entries, { 'outputs/achievements.csv': strToU8(edited) }, true)),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        `pack.zip: the re-run gives another outputs/achievements.csv than the manifest: expected SHA-256 ${sha256(strToU8(edited))}, got ${sha256(strToU8(original))}`,
        `  first differing line: ${line}`,
        '    in the pack:   P01,prov-a,standard,job_start,2018-06-30,base,500.00,900.00,paid',
        '    in the re-run: P01,prov-a,standard,job_start,2018-06-30,base,500.00,500.00,paid',
        '',
      ].join('\n'),
    );
    expect(run.left).toEqual([]);
  });

  it('refuses to vouch for a pack whose files no longer match its manifest', async () => {
    const events = strFromU8(entries['inputs/events.csv'] as Uint8Array).replace(
      'P02,training_completed,2018-07-15,,false,provider',
      'P02,training_completed,2018-07-15,,true,provider',
    );
    const run = await verifyPack(
      await zipTo(changed(entries, { 'inputs/events.csv': strToU8(events) }, false)),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `pack.zip: inputs/events.csv does not match the manifest: expected SHA-256 ${sha256(entries['inputs/events.csv'] as Uint8Array)}, found ${sha256(strToU8(events))}; the pack was changed after it was made`,
    );
  });

  it('refuses what is not a pack, and says why', async () => {
    const dir = await tempDir();
    const text = join(dir, 'notes.zip');
    await writeFile(text, 'not a zip at all');
    const notZip = await verifyPack(text);
    expect(notZip.code).toBe(1);
    expect(notZip.stderr).toBe(
      'notes.zip is not an evidence pack Resulta can verify: it is not a zip archive Resulta can read\n',
    );
    const none = await verifyPack(join(dir, 'nowhere.zip'));
    expect(none.stderr).toBe(
      'nowhere.zip is not an evidence pack Resulta can verify: there is no such file\n',
    );
    const workbook = join(dir, 'book.zip');
    await writeXlsx(workbook, [{ name: 's', columns: [{ header: 'a', kind: 'text' }], rows: [] }]);
    const other = await verifyPack(workbook);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(
      /^book\.zip is not an evidence pack Resulta can verify: it holds "[^"]+", which no evidence pack holds\n$/,
    );
    const { 'inputs/events.csv': _, ...withoutEvents } = entries;
    const missing = await verifyPack(await zipTo(withoutEvents));
    expect(missing.stderr).toContain('it has no inputs/events.csv');
    const manifest = await verifyPack(
      await zipTo({ ...entries, 'manifest.json': strToU8('{"as_of":"2019-06-30","files":{}}') }),
    );
    expect(manifest.stderr).toContain('its manifest.json gives no SHA-256 for contract.yaml');
  });

  it('refuses entries that would leave its folder, and writes nothing outside it', async () => {
    const dir = await tempDir();
    const inner = join(dir, 'a', 'b');
    await mkdir(inner, { recursive: true });
    for (const name of ['../../escaped.txt', '/tmp/resulta-absolute.txt', 'inputs/../../x.csv']) {
      const path = join(inner, 'pack.zip');
      await writeFile(path, zipSync({ ...entries, [name]: strToU8('owned') }));
      const run = await verifyPack(path);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `it holds an entry named "${name}", a path that would leave its folder`,
      );
      expect(run.left).toEqual([]);
    }
    expect(existsSync(join(dir, 'escaped.txt'))).toBe(false);
    expect(existsSync('/tmp/resulta-absolute.txt')).toBe(false);
  });

  it('refuses a bomb by its declared size, and a directory that lies about it as it inflates', async () => {
    const zeros = new Uint8Array(3 * 1024 * 1024);
    const bomb = await zipTo(changed(entries, { 'inputs/employment.csv': zeros }, true));
    const big = await verifyPack(bomb, { RESULTA_PACK_MAX_MB: '1' });
    expect(big.code).toBe(1);
    expect(big.stderr).toContain(
      'its files would inflate to 4 MB, more than the 1 MB Resulta reads (RESULTA_PACK_MAX_MB)',
    );
    // The same archive, its directory claiming 10 bytes for the 3 MB entry.
    const bytes = Buffer.from(await readFile(bomb));
    const name = Buffer.from('inputs/employment.csv');
    let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    while (at >= 0 && !bytes.subarray(at + 46, at + 46 + name.length).equals(name))
      at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4);
    expect(at).toBeGreaterThan(0);
    bytes.writeUInt32LE(10, at + 24);
    const liar = join(await tempDir(), 'liar.zip');
    await writeFile(liar, bytes);
    const lied = await verifyPack(liar, { RESULTA_PACK_MAX_MB: '1' });
    expect(lied.code).toBe(1);
    expect(lied.stderr).toContain(
      'inputs/employment.csv inflates to more than the 10 bytes the archive declares for it',
    );
    expect(lied.left).toEqual([]);
  });

  it('lists the problems of a pack whose inputs do not evaluate', async () => {
    const participants = strFromU8(entries['inputs/participants.csv'] as Uint8Array).replace(
      /\nP03,([^,]*),[0-9-]+/,
      '\nP03,$1,2018-02-30',
    );
    const run = await verifyPack(
      await zipTo(changed(entries, { 'inputs/participants.csv': strToU8(participants) }, true)),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('pack.zip: the pack’s inputs do not evaluate:');
    expect(run.stderr).toContain('inputs/participants.csv, row 4');
    expect(run.left).toEqual([]);
  });
});

describe('resulta verify-pack on a pack the server made', () => {
  // Two evaluations in child processes (the run, then the re-run) and a store: more than the
  // default minute on a loaded machine.
  it('passes the evidence pack of a stored run (Parquet employment)', {
    timeout: 240_000,
  }, async () => {
    const store = await openTestStore();
    try {
      await seedTinyProgramme(store);
      const run = await runEvaluation(store, { id: 'setup' }, 'tiny', '2019-06-30');
      const pack = join(store.dataDir, 'packs', `${run.packSha256}.zip`);
      expect(Object.keys(unzipSync(new Uint8Array(await readFile(pack))))).toContain(
        'inputs/employment.parquet',
      );
      const verified = await verifyPack(pack);
      expect(verified.code, verified.stderr).toBe(0);
      expect(verified.stdout).toBe(
        `${run.packSha256}.zip: all 3 outputs match the manifest: ${OUTPUTS}\n`,
      );
    } finally {
      await store.close();
    }
  });
});
