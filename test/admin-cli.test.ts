/**
 * `resulta admin …` as an operator runs it on the server machine (issue #8 part 4): the
 * built binary on the store under RESULTA_DATA (or a schema of DATABASE_URL), the first
 * administrator's link printed, a programme set up from files, an invitation printed or
 * written to the outbox, refusals and problems with exit 1, the language of --lang, and
 * `resulta admin --help` loading nothing but commander.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptInvitation } from '../src/services/invitations.js';
import { verifyAuditLog } from '../src/store/audit-log.js';
import { openStore, type StoreOptions } from '../src/store/database.js';
import { tempDir } from './support/run-engine.js';
import { onServer, testStoreOptions } from './support/test-store.js';

const CLI = join(import.meta.dirname, '../dist/src/cli/main.js');
const PRELOAD = pathToFileURL(join(import.meta.dirname, 'support/module-log.mjs')).href;
const CONTRACT = join(import.meta.dirname, '../examples/tiny/contract.yaml');
const LINK = /https?:\/\/\S+\/app\/accept-invitation#(ri_[\w-]+)/;

// Each command opens the store, a few seconds under PGlite on a busy machine: generous limits.
describe(`resulta admin on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, {
  timeout: 300_000,
}, () => {
  let store: StoreOptions;
  let work: string;

  const resulta = (...args: string[]) => {
    const run = spawnSync(process.execPath, [CLI, ...args], {
      encoding: 'utf8',
      cwd: work,
      env: {
        ...process.env,
        RESULTA_DATA: store.dataDir,
        DATABASE_URL: store.url ?? '',
        RESULTA_PUBLIC_URL: 'https://resulta.example.gob',
        RESULTA_LANG: '',
      },
    });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  };
  /** Runs `work` on the store between two commands (PGlite has one owner at a time). */
  const onStore = async <T>(work: (s: Awaited<ReturnType<typeof openStore>>) => Promise<T>) => {
    const opened = await openStore(store);
    try {
      return await work(opened);
    } finally {
      await opened.close();
    }
  };

  beforeAll(async () => {
    store = await testStoreOptions();
    work = await tempDir();
  });

  it('invites the first administrator once, printing the link', async () => {
    const init = resulta(
      'admin',
      'init',
      '--email',
      'Ana@Trabajo.example',
      '--organisation',
      'ministerio',
      '--organisation-name',
      'Ministerio de Trabajo',
      '--name',
      'Ana',
    );
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('First administrator invited: ana@trabajo.example (ministerio)');
    const token = LINK.exec(init.stdout)?.[1] ?? '';
    expect(init.stdout).toContain(`https://resulta.example.gob/app/accept-invitation#${token}`);
    const accepted = await onStore((s) =>
      acceptInvitation(s, token, { password: 'tres palabras sueltas' }),
    );
    expect(accepted?.user.email).toBe('ana@trabajo.example');
    const again = resulta(
      'admin',
      'init',
      '--email',
      'otro@x.example',
      '--organisation',
      'ministerio',
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Resulta has an administrator already (ana@trabajo.example)');
  });

  it('sets up a programme from files, refusing a bad contract before creating anything', async () => {
    expect(
      resulta(
        'admin',
        'create-organisation',
        '--id',
        'fundacion',
        '--name',
        'Fundación',
        '--kind',
        'provider',
      ).code,
    ).toBe(0);
    const bad = join(work, 'bad.yaml');
    await writeFile(bad, 'contract: x\ncurrency: ARS\nstarts_on: 2018-13-01\n');
    const refused = resulta(
      'admin',
      'create-programme',
      '--id',
      'empleo',
      '--title',
      'Empleo joven',
      '--funder',
      'ministerio',
      '--contract',
      bad,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/bad\.yaml, line 3:12: /);
    expect(resulta('admin', 'list-programmes').stdout).toBe('(none)\n');
    const made = resulta(
      'admin',
      'create-programme',
      '--id',
      'empleo',
      '--title',
      'Empleo joven',
      '--funder',
      'ministerio',
      '--contract',
      CONTRACT,
    );
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toBe(
      'Programme empleo created, funded by ministerio.\nContract of empleo: version 1, in force.\n',
    );
    expect(
      resulta('admin', 'add-member', '--programme', 'empleo', '--organisation', 'fundacion').stdout,
    ).toBe('fundacion now takes part in empleo.\n');
    // A new version needs a reason.
    const noReason = resulta('admin', 'set-contract', '--programme', 'empleo', '--file', CONTRACT);
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain('a new version needs a reason');
    expect(resulta('admin', 'list-programmes').stdout).toBe(
      'empleo  Empleo joven  funder ministerio, contract 1, 1 member\n',
    );
    const members = resulta('admin', 'list-members', '--programme', 'empleo', '--lang', 'es');
    expect(members.stdout).toBe(
      'Financiador: ministerio (Ministerio de Trabajo)\nMiembros:\n  fundacion  provider  Fundación\nAdministradores:\n(ninguno)\n',
    );
  });

  it('prints an invitation link, or writes the e-mail to the outbox with --send', async () => {
    const printed = resulta(
      'admin',
      'invite',
      '--email',
      'maria@fundacion.example',
      '--organisation',
      'fundacion',
      '--role',
      'organisation_admin',
    );
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toMatch(
      /^Invitation \d+: maria@fundacion\.example into fundacion as administrator of the organisation, until /,
    );
    expect(printed.stdout).toMatch(LINK);
    const sent = resulta(
      'admin',
      'invite',
      '--email',
      'pedro@fundacion.example',
      '--organisation',
      'fundacion',
      '--programme',
      'empleo',
      '--language',
      'es',
      '--send',
    );
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).not.toMatch(LINK);
    const outbox = join(store.dataDir, 'outbox');
    const files = await readdir(outbox);
    expect(files).toHaveLength(1);
    expect(sent.stdout).toContain(join(outbox, files[0] ?? ''));
    const mail = await readFile(join(outbox, files[0] ?? ''), 'latin1');
    expect(mail).toMatch(/^To: pedro@fundacion\.example\r$/m);
    expect(mail).toMatch(/^Content-Language: es\r$/m);
    // The operator is named as the administrator of the installation.
    expect(mail.replace(/=\r\n/g, '')).toContain(
      'El administrador de esta instalaci=C3=B3n de Resulta',
    );
    const listed = resulta('admin', 'list-invitations').stdout.split('\n').filter(Boolean);
    expect(listed.map((l) => l.split(/\s+/).slice(1, 4).join(' '))).toEqual([
      'maria@fundacion.example fundacion organisation_admin',
      'pedro@fundacion.example fundacion member',
    ]);
    const id = listed[1]?.split(/\s+/)[0] ?? '';
    expect(resulta('admin', 'withdraw-invitation', id).stdout).toBe(
      `Invitation ${id} withdrawn: its link no longer works.\n`,
    );
    expect(resulta('admin', 'withdraw-invitation', id).code).toBe(1);
  });

  it('refuses bad input with every problem, in the language asked for', async () => {
    const bad = resulta(
      'admin',
      'create-organisation',
      '--id',
      'Bad Id',
      '--name',
      ' ',
      '--kind',
      'banco',
      '--lang',
      'fr',
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      [
        'L’identifiant d’organisation « Bad Id » doit compter de 2 à 63 lettres minuscules (a–z), chiffres et tirets, et commencer par une lettre ou un chiffre.',
        'L’organisation doit avoir un nom de 200 caractères au plus.',
        'Le type « banco » n’est ni funder (bailleur), ni provider (prestataire), ni verifier (vérificateur), ni investor (investisseur).',
        '3 problèmes trouvés.',
        '',
      ].join('\n'),
    );
    const taken = resulta(
      'admin',
      'invite',
      '--email',
      'ana@trabajo.example',
      '--organisation',
      'ministerio',
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe(
      'resulta: Someone already has an account with the address ana@trabajo.example.\n',
    );
    const language = resulta(
      'admin',
      'invite',
      '--email',
      'x@y.example',
      '--organisation',
      'fundacion',
      '--language',
      'de',
    );
    expect(language.code).toBe(1);
    expect(language.stderr).toContain('--language de: Resulta writes invitations in en, es or fr.');
  });

  it('lists people and deactivates them, leaving a chain that verifies', async () => {
    const users = resulta('admin', 'list-users');
    expect(users.stdout).toBe('ana@trabajo.example  Ana  ministerio (funder)  platform_admin\n');
    const done = resulta(
      'admin',
      'deactivate-user',
      '--email',
      'ana@trabajo.example',
      '--reason',
      'left',
    );
    expect(done.code, done.stderr).toBe(0);
    expect(resulta('admin', 'list-users', '--lang', 'es').stdout).toBe(
      'ana@trabajo.example  Ana  ministerio (funder)  [dada de baja]\n',
    );
    // With no working platform administrator left, the operator may invite one again.
    expect(
      resulta('admin', 'init', '--email', 'luis@trabajo.example', '--organisation', 'ministerio')
        .code,
    ).toBe(0);
    const entries = await onStore(async (s) => {
      expect((await verifyAuditLog(s.db)).breaks).toEqual([]);
      return s.db.selectFrom('audit_log').select(['actor', 'action', 'entity']).execute();
    });
    const byOperator = entries.filter((e) => e.actor.startsWith('cli:'));
    expect(new Set(byOperator.map((e) => `${e.action} ${e.entity}`))).toEqual(
      new Set([
        'create organisation',
        'invite invitation',
        'create programme',
        'create contract_version',
        'add_member programme',
        'withdraw invitation',
        'deactivate user',
      ]),
    );
  });

  it('answers `resulta admin --help` loading commander alone', async () => {
    const log = join(await tempDir(), 'modules.log');
    const run = spawnSync(process.execPath, ['--import', PRELOAD, CLI, 'admin', '--help'], {
      encoding: 'utf8',
      env: { ...process.env, RESULTA_MODULE_LOG: log },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('create-programme');
    const urls = (await readFile(log, 'utf8')).split('\n');
    const packages = new Set(
      urls.flatMap((url) =>
        [...url.matchAll(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].map((m) => m[1]),
      ),
    );
    expect([...packages]).toEqual(['commander']);
  });
});
