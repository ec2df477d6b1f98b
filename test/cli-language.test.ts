/**
 * `resulta` in English, Spanish and French (issue #8): `--lang` anywhere on the command
 * line or RESULTA_LANG, problems and their positions, the summary with amounts and counts as
 * each language writes them — while the output files stay byte for byte the same — and the
 * help. The built binary in a child process, as a user runs it.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/run-engine.js';

const CLI = join(import.meta.dirname, '../dist/src/cli/main.js');
const EXAMPLE = join(import.meta.dirname, '../examples/tiny');
const INPUTS = [
  ...['contract.yaml', 'participants.csv', 'events.csv', 'employment.csv'].flatMap((file) => [
    `--${file.replace(/\..*/, '')}`,
    join(EXAMPLE, file),
  ]),
  '--as-of',
  '2019-06-30',
];

function resulta(args: string[], env: Record<string, string> = {}) {
  const { RESULTA_LANG: _, ...inherited } = process.env;
  const run = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...inherited, ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The tiny example with three independent mistakes: header, segment and an outcome. */
async function brokenContract(): Promise<string> {
  const text = await readFile(join(EXAMPLE, 'contract.yaml'), 'utf8');
  const bad = join(await tempDir(), 'contrato.yaml');
  await writeFile(
    bad,
    text
      .replace('currency: ARS', 'currency: pesos')
      .replace('in: [conflict_victim, disability]', 'between: [9, 1]')
      .replace('within_days: 120', 'within_day: 120'),
  );
  return bad;
}

describe('resulta in the user’s language', () => {
  it('validate --lang es: every problem in Spanish, with its line and column', async () => {
    const bad = await brokenContract();
    const run = resulta(['validate', bad, '--lang', 'es']);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toEqual([
      `${bad}, línea 5:11: currency: "pesos" debe ser un código ISO 4217, como ARS`,
      `${bad}, línea 12:62: segmento harder_to_help › when › between: el mínimo 9 es mayor que el máximo 1`,
      `${bad}, línea 19:5: resultado training_completed: clave desconocida "within_day"; ¿quiso decir "within_days"?`,
      'Se encontraron 3 problemas.',
      '',
    ]);
  });

  it('validate with RESULTA_LANG=fr: the same problems in French', async () => {
    const bad = await brokenContract();
    const run = resulta(['validate', bad], { RESULTA_LANG: 'fr' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${bad}, ligne 5:11: currency : « pesos » doit être un code ISO 4217, comme XOF\n`,
    );
    expect(run.stderr).toContain(
      `${bad}, ligne 19:5: résultat training_completed : clé inconnue « within_day » ; vouliez-vous dire « within_days » ?\n`,
    );
    expect(run.stderr).toMatch(/\n3 problèmes trouvés\.\n$/);
    // --lang wins over the environment.
    expect(resulta(['validate', bad, '--lang=en'], { RESULTA_LANG: 'fr' }).stderr).toContain(
      '3 problems found.',
    );
    const valid = resulta(['validate', join(EXAMPLE, 'contract.yaml')], { RESULTA_LANG: 'fr' });
    expect(valid.stdout).toBe(
      `${join(EXAMPLE, 'contract.yaml')} : valide — 5 résultats, 1 avenant\n`,
    );
  });

  it('evaluate --lang fr: a French summary, and outputs byte for byte the expected ones', async () => {
    const out = join(await tempDir(), 'sortie');
    const run = resulta(['evaluate', '--lang', 'fr', ...INPUTS, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const NNBSP = '\u202f'; // French groups thousands with a narrow no-break space
    expect(run.stdout).toContain(
      'Contrat tiny-youth-employment, au 30 juin 2019 (versions : base, covid-2019)\n',
    );
    expect(run.stdout).toContain('Participants : 12 inscrits, 9 éligibles\n');
    expect(run.stdout).toContain(`Payé : 7${NNBSP}000,00 ARS\n`);
    expect(run.stdout).toMatch(new RegExp(`job_start +2${NNBSP}620,00 ARS +█+\\n`));
    expect(run.stdout).toMatch(/\n {2}paid +12 +5\u202f920,00 ARS\n/);
    expect(run.stdout).toContain(
      'Marge sous les plafonds en vigueur\n  plafond total : reste 0,00 ARS',
    );
    for (const name of ['achievements.csv', 'participants.csv', 'summary.json']) {
      expect(await readFile(join(out, name), 'utf8'), name).toBe(
        await readFile(join(EXAMPLE, 'expected', name), 'utf8'),
      );
    }
  });

  it('formats amounts in Spanish as an Argentine reader writes them', async () => {
    const out = join(await tempDir(), 'salida');
    const run = resulta(['evaluate', ...INPUTS, '--out', out], { RESULTA_LANG: 'es' });
    expect(run.code, run.stderr).toBe(0);
    // Spanish groups from five digits on: 7000 but 12.345.
    expect(run.stdout).toContain('Pagado: 7000,00 ARS\n');
    expect(run.stdout).toContain('Participantes: 12 inscriptos, 9 elegibles\n');
    expect(run.stdout).toContain('volumen job_start: quedan 0 cupos');
  });

  it('--help in Spanish describes every command in Spanish', () => {
    const commands = (help: string) =>
      new Map(
        [...help.matchAll(/^ {2}([a-z-]+)(?: [^\n]*?)? {2,}(\S[^\n]*(?:\n {20,}\S[^\n]*)*)/gm)]
          .filter(([, name]) => name !== undefined)
          .map(([, name, text]) => [name as string, (text ?? '').replace(/\s+/g, ' ')]),
      );
    const en = resulta(['--help']);
    const es = resulta(['--help', '--lang', 'es']);
    expect(es.code).toBe(0);
    expect(es.stdout).toMatch(/^Uso: resulta \[opciones\] \[comando\]\n/);
    expect(es.stdout).toContain('\nComandos:\n');
    const english = commands(en.stdout.slice(en.stdout.indexOf('Commands:')));
    const spanish = commands(es.stdout.slice(es.stdout.indexOf('Comandos:')));
    expect([...spanish.keys()]).toEqual([...english.keys()]);
    expect(spanish.size).toBeGreaterThanOrEqual(8);
    for (const [name, text] of spanish) {
      expect(text, `${name}: ${text}`).not.toBe(english.get(name));
    }
    expect(spanish.get('validate')).toBe(
      'revisar un archivo de contrato; termina con 0 si es válido, si no lista cada problema y termina con 1',
    );
  });

  it('speaks the language in commander’s own errors', () => {
    const run = resulta(['evaluate', '--lang', 'es']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: falta la opción obligatoria '--out <dir>'\n/);
    const typo = resulta(['valdate', 'x.yaml'], { RESULTA_LANG: 'fr' });
    expect(typo.stderr).toMatch(
      /^erreur : commande inconnue 'valdate'\n\(Vouliez-vous dire validate \?\)\n/,
    );
  });

  it('refuses a language it does not speak, naming the three, with exit 2', () => {
    for (const [args, env, source] of [
      [['validate', 'x.yaml', '--lang', 'de'], {}, '--lang'],
      [['--help'], { RESULTA_LANG: 'pt' }, 'RESULTA_LANG'],
    ] as const) {
      const run = resulta([...args], env);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        new RegExp(
          `^resulta: unknown language "(de|pt)" \\(${source}\\); Resulta speaks en \\(English\\), es \\(Spanish\\) and fr \\(French\\)\\n$`,
        ),
      );
    }
    // A region or an encoding after the language is fine.
    expect(
      resulta(['validate', join(EXAMPLE, 'contract.yaml')], { RESULTA_LANG: 'es_AR.UTF-8' }).stdout,
    ).toContain(': válido — 5 resultados, 1 adenda');
  });
});
