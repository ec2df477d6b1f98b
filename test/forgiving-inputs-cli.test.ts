/**
 * The options that read files as users have them (issue #8 part 1), through the built
 * `resulta` as a user runs it: the Spanish worked example (examples/tiny-es), warnings on
 * stdout and in summary.json, sheets by name, Latin-1, no employment file, a bad mapping.
 * Run `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/run-engine.js';

const CLI = join(import.meta.dirname, '../dist/src/cli/main.js');
const ROOT = join(import.meta.dirname, '..');
const TINY = join(ROOT, 'examples/tiny');
const ES = join(ROOT, 'examples/tiny-es');

function resulta(...args: string[]) {
  return resultaWith({}, ...args);
}

function resultaWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, RESULTA_LANG: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CONTRACT = `contract: c
title: C
currency: ARS
starts_on: 2018-01-01
ends_on: 2019-12-31
enrolment: { from: 2018-01-01, to: 2019-12-31 }
segments:
  - { id: women, when: { attribute: sex, equals: f } }
  - { id: other }
outcomes:
  - { id: done, kind: event, event: done, after: enrolment, price: { women: 20, other: 10 } }
`;

/** Writes files into a new folder and returns the folder. */
async function folder(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await tempDir();
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

describe('examples/tiny-es', () => {
  it('evaluates to the worked example’s outputs, the inputs’ hashes aside', async () => {
    const out = join(await tempDir(), 'out');
    const run = resulta(
      'evaluate',
      ...['--contract', join(ES, 'contract.yaml'), '--columns', join(ES, 'columns.yaml')],
      ...['--participants', join(ES, 'participantes.csv'), '--events', join(ES, 'eventos.csv')],
      ...['--employment', join(ES, 'empleo.csv'), '--as-of', '2019-06-30', '--out', out],
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      `${join(ES, 'empleo.csv')}: read with ";" between columns and a decimal comma`,
    );
    for (const name of ['achievements.csv', 'participants.csv']) {
      expect(await readFile(join(out, name), 'utf8')).toBe(
        await readFile(join(TINY, 'expected', name), 'utf8'),
      );
    }
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    const expected = JSON.parse(await readFile(join(TINY, 'expected/summary.json'), 'utf8'));
    expect({ ...summary, inputs: { contract: summary.inputs.contract } }).toEqual({
      ...expected,
      inputs: { contract: expected.inputs.contract },
    });
    expect(Object.keys(summary.inputs)).toEqual(Object.keys(expected.inputs));
  });
});

describe('a header the contract does not know', () => {
  it('is warned of on stdout and in summary.json, and mapped with --columns', async () => {
    const dir = await folder({
      'contract.yaml': CONTRACT,
      'p.csv': 'participant_id;provider_id;enrolled_on;sexo\nA;p;2018-02-01;f\nB;p;2018-02-01;m\n',
      'e.csv': 'participant_id;type;occurred_on\nA;done;2018-03-01\nB;done;2018-03-01\n',
      'columns.yaml': 'participants:\n  sexo: sex\n',
    });
    const common = [
      ...['--contract', join(dir, 'contract.yaml'), '--participants', join(dir, 'p.csv')],
      ...['--events', join(dir, 'e.csv'), '--as-of', '2019-12-31'],
    ];
    const warned = resulta('evaluate', ...common, '--out', join(dir, 'out1'));
    expect(warned.code, warned.stderr).toBe(0);
    const warning = `Warning: the contract's conditions use the attribute "sex", but p.csv has no such column: no participant meets a condition on it. Did you mean "sexo"? Map it with --columns`;
    expect(warned.stdout).toContain(warning);
    expect(warned.stdout).toContain('Paid: 20.00 ARS');
    const summary = JSON.parse(await readFile(join(dir, 'out1/summary.json'), 'utf8'));
    expect(summary.warnings.map((w: { code: string }) => w.code)).toEqual([
      'input.warning.missing_attribute_did_you_mean',
    ]);
    const quiet = resulta('evaluate', ...common, '--quiet', '--out', join(dir, 'out2'));
    expect({ stdout: quiet.stdout, stderr: quiet.stderr }).toEqual({
      stdout: '',
      stderr: `${warning}\n`,
    });
    const spanish = resulta('evaluate', ...common, '--lang', 'es', '--out', join(dir, 'out3'));
    expect(spanish.stdout).toContain(
      'Advertencia: las condiciones del contrato usan el atributo "sex"',
    );

    const mapped = resulta(
      'evaluate',
      ...common,
      ...['--columns', join(dir, 'columns.yaml'), '--out', join(dir, 'out4')],
    );
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(mapped.stdout).not.toContain('Warning');
    expect(mapped.stdout).toContain('Paid: 30.00 ARS');
    expect(await readFile(join(dir, 'out4/summary.json'), 'utf8')).not.toContain('warnings');

    const explained = resulta('explain', ...common, '--participant', 'A');
    expect(explained.code).toBe(0);
    expect(explained.stderr).toBe(`${warning}\n`);
  });

  it('refuses a mapping that names no column of its table, with the line', async () => {
    const dir = await folder({
      'contract.yaml': CONTRACT,
      'p.csv': 'participant_id,provider_id,enrolled_on\nA,p,2018-02-01\n',
      'e.csv': 'participant_id,type,occurred_on\n',
      'columns.yaml': 'participants:\n  sexo: sex\nevents:\n  tipo: kind\n',
    });
    const run = resulta(
      'evaluate',
      ...['--contract', join(dir, 'contract.yaml'), '--participants', join(dir, 'p.csv')],
      ...['--events', join(dir, 'e.csv'), '--as-of', '2019-12-31', '--out', join(dir, 'out')],
      ...['--columns', join(dir, 'columns.yaml'), '--delimiter', 'pipe'],
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--delimiter must be ",", ";" or "tab", not "pipe"');
    expect(run.stderr).toContain(
      `${join(dir, 'columns.yaml')}, line 4:9: events has no column "kind"; its columns are participant_id, type, occurred_on, value, verified, source`,
    );
  });
});

describe('--sheet', () => {
  it('reads the named sheet of a workbook whose first sheet is a cover page', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Portada').addRow(['Programa de empleo juvenil, informe mensual']);
    const data = workbook.addWorksheet('Participantes');
    data.addRow(['participant_id', 'provider_id', 'enrolled_on', 'sex']);
    data.addRow(['A', 'p', new Date(Date.UTC(2018, 1, 1)), 'f']);
    const dir = await folder({
      'contract.yaml': CONTRACT,
      'e.csv': 'participant_id,type,occurred_on\nA,done,2018-03-01\n',
    });
    await workbook.xlsx.writeFile(join(dir, 'p.xlsx'));
    const common = [
      ...['--contract', join(dir, 'contract.yaml'), '--participants', join(dir, 'p.xlsx')],
      ...['--events', join(dir, 'e.csv'), '--as-of', '2019-12-31'],
    ];
    const first = resulta('evaluate', ...common, '--out', join(dir, 'out1'));
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('missing required column "participant_id"');
    const wrong = resulta('evaluate', ...common, '--sheet', 'Datos', '--out', join(dir, 'out2'));
    expect(wrong.stderr).toContain(
      'p.xlsx: the workbook has no sheet "Datos"; its sheets are: "Portada", "Participantes"',
    );
    const right = resulta(
      'evaluate',
      ...common,
      ...['--sheet', 'participants=participantes', '--out', join(dir, 'out3')],
    );
    expect(right.code, right.stderr).toBe(0);
    expect(right.stdout).toContain('Paid: 20.00 ARS');
  });
});

describe('--encoding latin1 and no --employment', () => {
  it('reads a Windows-1252 file it refused without the option, with no employment file', async () => {
    const dir = await folder({
      'contract.yaml': CONTRACT.replace('equals: f', 'equals: "Sí"'),
      'p.csv': Buffer.from(
        'participant_id;provider_id;enrolled_on;sex\nA;p;2018-02-01;Sí\nB;p;2018-02-01;No\n',
        'latin1',
      ),
      'e.csv': 'participant_id,type,occurred_on\nA,done,2018-03-01\nB,done,2018-03-01\n',
    });
    const common = [
      ...['--contract', join(dir, 'contract.yaml'), '--participants', join(dir, 'p.csv')],
      ...['--events', join(dir, 'e.csv'), '--as-of', '2019-12-31'],
    ];
    const refused = resulta('evaluate', ...common, '--out', join(dir, 'out1'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('read it with --encoding latin1');
    // The UTF-8 copy goes into a private folder under TMPDIR, removed when the run ends.
    const tmp = await tempDir();
    const read = resultaWith(
      { TMPDIR: tmp },
      ...['evaluate', ...common, '--encoding', 'latin1', '--out', join(dir, 'out2')],
    );
    expect(read.code, read.stderr).toBe(0);
    expect(await readdir(tmp)).toEqual([]);
    expect(read.stdout).toContain(`${join(dir, 'p.csv')}: read as Windows-1252 / Latin-1 text`);
    expect(read.stdout).toContain('Paid: 30.00 ARS');
    expect(await readFile(join(dir, 'out2/participants.csv'), 'utf8')).toBe(
      'participant_id,eligible,reason,segment,total_amount\nA,true,,women,20.00\nB,true,,other,10.00\n',
    );
  });

  it('names the outcomes that need an employment file', async () => {
    const run = resulta(
      'evaluate',
      ...[
        '--contract',
        join(TINY, 'contract.yaml'),
        '--participants',
        join(TINY, 'participants.csv'),
      ],
      ...['--events', join(TINY, 'events.csv'), '--as-of', '2019-06-30', '--out', '/tmp/never'],
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'no employment file was given, but the contract counts employment in job_start, retained_3m, earnings_6m: pass one with --employment',
    );
  });
});
