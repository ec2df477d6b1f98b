/**
 * Issue #7 item 11: participant ids such as `=cmd|' /C calc'!A0` came out raw in the
 * achievements CSV, where a spreadsheet runs them as formulas. CSV files meant for people
 * now neutralise text cells starting with = + - @, tab or carriage return (a leading ', as
 * OWASP recommends); numbers, negative ones included, are left alone. The evidence pack's
 * files stay byte-exact, so `resulta evaluate` re-creates them, and its manifest says so.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvLine } from '../../src/files/csv-writer.js';
import { runEvaluation } from '../../src/services/evaluation-runs.js';
import {
  importEmployment,
  importEvents,
  importParticipants,
} from '../../src/services/import-data.js';
import { createProgramme } from '../../src/services/programmes.js';
import type { Store } from '../../src/store/database.js';
import { tempDir } from '../support/run-engine.js';
import { onServer } from '../support/test-store.js';
import { TINY } from '../support/tiny-programme.js';
import { type HostileServer, hostileServer } from './hostile-server.js';

/** Tiny-example participants renamed to ids a spreadsheet would run. */
const HOSTILE_IDS: Record<string, string> = {
  P01: "=cmd|' /C calc'!A0",
  P02: '+SUM(1+1)',
  P06: '@x',
  P07: '-2+3',
  P08: '\t=1+2',
};

/** The tiny worked example with hostile participant ids, imported into `store`. */
async function seedHostileIds(store: Store): Promise<void> {
  const dir = join(await tempDir(), 'hostile');
  await mkdir(dir);
  for (const name of ['participants.csv', 'events.csv']) {
    const text = await readFile(join(TINY, name), 'utf8');
    const renamed = text.replace(/^(P\d\d),/gm, (line, id: string) =>
      HOSTILE_IDS[id] ? `${HOSTILE_IDS[id]},` : line,
    );
    await writeFile(join(dir, name), renamed);
  }
  const actor = { id: 'setup' };
  const org = (id: string) => ({ id, name: id });
  await createProgramme(store, actor, {
    id: 'tiny',
    title: 'Tiny worked example, hostile ids',
    funder: org('ministry'),
    providers: [org('prov-a'), org('prov-b')],
    verifiers: [org('audit-co')],
    investors: [org('impact-fund')],
    contractYaml: await readFile(join(TINY, 'contract.yaml'), 'utf8'),
  });
  await importParticipants(
    store,
    actor,
    'tiny',
    join(dir, 'participants.csv'),
    'participants.csv',
    {
      personKeysFromFile: true,
    },
  );
  await importEvents(store, actor, 'tiny', join(dir, 'events.csv'), 'events.csv');
  await importEmployment(store, actor, 'tiny', join(TINY, 'employment.csv'), 'employment.csv');
}

describe('the CSV writer for people', () => {
  it('neutralises text cells a spreadsheet would run, and nothing else', () => {
    const people = { neutraliseFormulas: true };
    expect(csvLine(['=1+1', '+A1', '-A1', '@SUM(A1)', '\t=1', '\r=1'], people)).toBe(
      `'=1+1,'+A1,'-A1,'@SUM(A1),'\t=1,"'\r=1"\n`,
    );
    expect(csvLine(['-12.50', '+3', '-7', '0.00', 'P01', '', null, 'a=b'], people)).toBe(
      '-12.50,+3,-7,0.00,P01,,,a=b\n',
    );
    expect(csvLine(['=HYPERLINK("x","y")'], people)).toBe(`"'=HYPERLINK(""x"",""y"")"\n`);
    // Machine files keep every byte.
    expect(csvLine(['=1+1', '-A1'])).toBe('=1+1,-A1\n');
  });
});

describe(`item 11: CSV exports on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let server: HostileServer;
  let runId: string;
  beforeAll(async () => {
    server = await hostileServer(seedHostileIds);
    runId = (await runEvaluation(server.store, { id: 'setup' }, 'tiny', '2019-06-30')).runId;
  });
  afterAll(() => server?.close());

  it('the achievements CSV neutralises hostile ids and keeps amounts as numbers', async () => {
    const res = await server.call('funder', 'GET', `/runs/${runId}/achievements?format=csv`);
    expect(res.statusCode).toBe(200);
    const lines = res.body.split('\n');
    expect(lines[0]).toBe(
      'participant_id,provider_id,segment,outcome_id,achieved_on,version,price,amount,status',
    );
    expect(lines).toContain(
      "'=cmd|' /C calc'!A0,prov-a,standard,training_completed,2018-06-01,base,200.00,200.00,paid",
    );
    expect(lines).toContain(
      "'+SUM(1+1),prov-a,harder_to_help,job_start,2018-09-30,base,1120.00,1120.00,paid",
    );
    expect(lines).toContain(
      "'@x,prov-b,standard,training_completed,2018-09-30,base,200.00,200.00,paid",
    );
    expect(lines).toContain("'-2+3,prov-a,standard,job_start,2018-10-31,base,500.00,500.00,paid");
    expect(lines).toContain("'\t=1+2,prov-b,standard,job_start,2018-11-30,base,500.00,500.00,paid");
    // No cell of the export starts with a character a spreadsheet would run.
    const cells = lines.slice(1, -1).flatMap((l) => l.split(','));
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  it('the evidence pack keeps its files byte-exact and says so in its manifest', async () => {
    const res = await server.call('funder', 'GET', `/runs/${runId}/evidence-pack`);
    expect(res.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const achievements = strFromU8(files['outputs/achievements.csv'] as Uint8Array);
    expect(achievements).toContain("\n=cmd|' /C calc'!A0,prov-a,standard,training_completed,");
    const inputs = strFromU8(files['inputs/participants.csv'] as Uint8Array);
    expect(inputs).toContain('\n+SUM(1+1),prov-a,2018-05-02');
    const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array));
    expect(manifest.csv_formulas).toBe(
      'not neutralised: machine files for resulta evaluate, byte for byte; a cell starting with = + - @ may run as a formula in a spreadsheet, so open them with care',
    );
  });
});
