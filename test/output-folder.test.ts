/**
 * Output folders never remove what Resulta did not create (issue #6): the module on real
 * files in temporary folders, then the built `resulta` (run `npm run build` first) as a user
 * runs it. Every refusal is checked to leave the folder byte for byte as it was.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmod,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type KeptFile, OutputFolderError, writeOutputFolder } from '../src/files/output-folder.js';
import { MARKER } from '../src/files/output-marker.js';

const CLI = join(import.meta.dirname, '../dist/src/cli/main.js');
const EXAMPLE = join(import.meta.dirname, '../examples/tiny');
const INPUT_NAMES = ['contract.yaml', 'participants.csv', 'events.csv', 'employment.csv'];

const scratch: string[] = [];
afterEach(async () => {
  for (const dir of scratch.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'resulta-out-test-'));
  scratch.push(dir);
  return dir;
}

/** Every entry below `dir`: files by SHA-256, links by target, folders as such. */
async function tree(dir: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const key = path.slice(dir.length + 1);
    if (entry.isSymbolicLink()) entries[key] = `link → ${await readlink(path)}`;
    else if (entry.isDirectory()) entries[key] = 'folder';
    else
      entries[key] = createHash('sha256')
        .update(await readFile(path))
        .digest('hex');
  }
  return entries;
}

/** A write step that puts `files` (name → text) into the staging folder. */
function files(contents: Record<string, string>) {
  return async (staging: string) => {
    for (const [name, text] of Object.entries(contents)) {
      await mkdir(join(staging, name, '..'), { recursive: true });
      await writeFile(join(staging, name), text);
    }
    return Object.keys(contents).length;
  };
}

function out(path: string, keep: KeptFile[] = []) {
  return { option: '--out', path, keep };
}

async function marker(dir: string): Promise<{ tool: string; version: string; files: string[] }> {
  return JSON.parse(await readFile(join(dir, MARKER), 'utf8'));
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutputFolderError);
  return (error as Error).message;
}

describe('writeOutputFolder', () => {
  it('creates a new folder, with its parents, and marks it with the files it wrote', async () => {
    const dir = await tempDir();
    const target = join(dir, 'a', 'b', 'out');
    const written = await writeOutputFolder(out(target), files({ 'x.csv': '1', 'sub/y.csv': '2' }));
    expect(written.value).toBe(2);
    expect(written.leftOver).toBeUndefined();
    expect(await readFile(join(target, 'sub/y.csv'), 'utf8')).toBe('2');
    expect(await marker(target)).toEqual({
      tool: 'resulta',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      files: ['sub/y.csv', 'x.csv'],
    });
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['out']);
  });

  it('fills an empty folder and keeps its permissions', async () => {
    const target = join(await tempDir(), 'empty');
    await mkdir(target);
    await chmod(target, 0o750);
    await writeOutputFolder(out(target), files({ 'x.csv': '1' }));
    expect((await readdir(target)).sort()).toEqual([MARKER, 'x.csv']);
    expect((await stat(target)).mode & 0o777).toBe(0o750);
  });

  it('replaces a previous output: only what it wrote, the marker kept up to date', async () => {
    const dir = await tempDir();
    const target = join(dir, 'out');
    await writeOutputFolder(out(target), files({ 'a.csv': 'old a', 'gone/b.csv': 'old b' }));
    await writeFile(join(target, 'a.csv'), 'edited by hand');
    await writeOutputFolder(out(target), files({ 'a.csv': 'new a' }));
    expect(await tree(target)).toEqual({
      [MARKER]: expect.any(String),
      'a.csv': createHash('sha256').update('new a').digest('hex'),
    });
    expect((await marker(target)).files).toEqual(['a.csv']);
    expect(await readdir(dir)).toEqual(['out']);
  });

  it('refuses a previous output that also holds a file a user added, and leaves it as it was', async () => {
    const target = join(await tempDir(), 'out');
    await writeOutputFolder(out(target), files({ 'a.csv': 'a' }));
    await writeFile(join(target, 'notes.docx'), 'mine');
    await mkdir(join(target, 'drafts'));
    const before = await tree(target);
    const message = await refusal(writeOutputFolder(out(target), files({ 'a.csv': 'b' })));
    expect(message).toBe(
      `--out ${target}: the folder holds earlier Resulta outputs and files Resulta did not write (drafts/, notes.docx); move those out, or choose an empty or new folder`,
    );
    expect(await tree(target)).toEqual(before);
  });

  it('refuses a folder it did not write, names what is there, and changes nothing', async () => {
    const dir = await tempDir();
    const names = ['contract.yaml', 'notes.docx', 'a.csv', 'b.csv', 'c.csv', 'd.csv'];
    for (const name of names) await writeFile(join(dir, name), `content of ${name}`);
    await mkdir(join(dir, 'old'));
    const before = await tree(dir);
    let wrote = false;
    const message = await refusal(
      writeOutputFolder(out(dir), async () => {
        wrote = true;
      }),
    );
    expect(message).toBe(
      `--out ${dir}: the folder holds files Resulta did not write (a.csv, b.csv, c.csv, contract.yaml, d.csv and 2 more); choose an empty or new folder`,
    );
    expect(wrote).toBe(false);
    expect(await tree(dir)).toEqual(before);
  });

  it('refuses a folder whose marker is not Resulta’s or lists paths outside it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'keep.txt'), 'precious');
    const target = join(dir, 'out');
    await mkdir(target);
    await writeFile(join(target, 'a.csv'), 'a');
    for (const [text, why] of [
      ['not json', `${MARKER} is not JSON`],
      ['{"tool":"other","files":[]}', `${MARKER} does not say "tool": "resulta"`],
      [
        '{"tool":"resulta","files":["a.csv","../keep.txt"]}',
        `${MARKER} does not list its files as plain relative paths`,
      ],
    ] as const) {
      await writeFile(join(target, MARKER), text);
      expect(await refusal(writeOutputFolder(out(target), files({ 'a.csv': 'b' })))).toBe(
        `--out ${target}: ${why}, so Resulta cannot tell what it wrote there; choose an empty or new folder`,
      );
    }
    expect(await readFile(join(target, 'a.csv'), 'utf8')).toBe('a');
    expect(await readFile(join(dir, 'keep.txt'), 'utf8')).toBe('precious');
  });

  it('refuses the folder holding an input, directly, through `..` or through a link', async () => {
    const dir = await tempDir();
    await cp(EXAMPLE, join(dir, 'tiny'), { recursive: true });
    const keep = INPUT_NAMES.map((name, i) => ({
      option: ['--contract', '--participants', '--events', '--employment'][i] as string,
      path: join(dir, 'tiny', name),
    }));
    await symlink(join(dir, 'tiny'), join(dir, 'link'));
    const before = await tree(dir);
    for (const path of [join(dir, 'tiny'), join(dir, 'tiny', 'x', '..'), join(dir, 'link')]) {
      expect(await refusal(writeOutputFolder(out(path, keep), files({ 'a.csv': 'a' })))).toContain(
        'the folder holds the --contract file (contract.yaml), and an output folder must be a folder of its own',
      );
    }
    expect(await refusal(writeOutputFolder(out(dir, keep), files({ 'a.csv': 'a' })))).toContain(
      `the folder holds the --contract file (${join('tiny', 'contract.yaml')})`,
    );
    expect(
      await refusal(writeOutputFolder(out(keep[1]?.path ?? '', keep), files({ 'a.csv': 'a' }))),
    ).toContain('is the --participants file itself');
    expect(await tree(dir)).toEqual(before);
  });

  it('writes through a link to an empty folder and keeps the link', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'real'));
    await symlink(join(dir, 'real'), join(dir, 'link'));
    const written = await writeOutputFolder(out(join(dir, 'link')), files({ 'a.csv': 'a' }));
    expect(written.path).toBe(join(dir, 'real'));
    expect(await readlink(join(dir, 'link'))).toBe(join(dir, 'real'));
    expect(await readFile(join(dir, 'link', 'a.csv'), 'utf8')).toBe('a');
  });

  it('refuses a file, a path through a file, a dangling link, the root and the home folder', async () => {
    const dir = await tempDir();
    const file = join(dir, 'report.docx');
    await writeFile(file, 'a report');
    await symlink(join(dir, 'nowhere'), join(dir, 'dangling'));
    const write = files({ 'a.csv': 'a' });
    expect(await refusal(writeOutputFolder(out(file), write))).toBe(
      `--out ${file}: is a file, not a folder; choose an empty or new folder`,
    );
    expect(await refusal(writeOutputFolder(out(join(file, 'x')), write))).toContain(
      'a part of the path is a file, not a folder',
    );
    expect(await refusal(writeOutputFolder(out(join(dir, 'dangling')), write))).toContain(
      `is a symbolic link to ${join(dir, 'nowhere')}, which does not exist`,
    );
    expect(await refusal(writeOutputFolder(out('/'), write))).toBe(
      '--out /: is the root of the file system; choose an empty or new folder',
    );
    // An empty stand-in for the home folder: only the home rule can refuse it.
    const home = join(dir, 'home');
    await mkdir(home);
    const realHome = process.env.HOME;
    process.env.HOME = home;
    try {
      expect(await refusal(writeOutputFolder(out(home), write))).toBe(
        `--out ${home}: is your home folder; choose an empty or new folder, e.g. a new folder inside it`,
      );
    } finally {
      process.env.HOME = realHome;
    }
    expect(await tree(dir)).toEqual({
      'report.docx': createHash('sha256').update('a report').digest('hex'),
      dangling: `link → ${join(dir, 'nowhere')}`,
      home: 'folder',
    });
  });

  it('a failure while writing leaves the previous output and no staging folder behind', async () => {
    const dir = await tempDir();
    const target = join(dir, 'out');
    await writeOutputFolder(out(target), files({ 'a.csv': 'first run' }));
    const before = await tree(dir);
    const failing = async (staging: string) => {
      await writeFile(join(staging, 'a.csv'), 'half written');
      throw new Error('disk full');
    };
    await expect(writeOutputFolder(out(target), failing)).rejects.toThrow('disk full');
    expect(await tree(dir)).toEqual(before);
    // A new target: the parents created for it are removed as well.
    await expect(writeOutputFolder(out(join(dir, 'p', 'q', 'new')), failing)).rejects.toThrow(
      'disk full',
    );
    expect(await tree(dir)).toEqual(before);
  });

  it('refuses to swap when a user adds a file to the folder during the run', async () => {
    const dir = await tempDir();
    const target = join(dir, 'out');
    await writeOutputFolder(out(target), files({ 'a.csv': 'first run' }));
    const message = await refusal(
      writeOutputFolder(out(target), async (staging) => {
        await writeFile(join(staging, 'a.csv'), 'second run');
        await writeFile(join(target, 'notes.txt'), 'added meanwhile');
      }),
    );
    expect(message).toContain('notes.txt');
    expect(await readFile(join(target, 'a.csv'), 'utf8')).toBe('first run');
    expect(await readFile(join(target, 'notes.txt'), 'utf8')).toBe('added meanwhile');
    expect((await readdir(dir)).sort()).toEqual(['out']);
  });
});

/** The built CLI in a child process, from `cwd`, with `env` added. */
function resulta(args: string[], cwd = process.cwd(), env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `evaluate` over the tiny example's inputs, named relative to `from`. */
function evaluateArgs(from: string, out: string): string[] {
  const [contract, participants, events, employment] = INPUT_NAMES.map((n) => join(from, n));
  return [
    'evaluate',
    ...['--contract', contract, '--participants', participants, '--events', events],
    ...['--employment', employment, '--as-of', '2019-06-30', '--out', out, '--quiet'],
  ] as string[];
}

/** A copy of examples/tiny in a fresh temp folder; returns [that folder, the copy]. */
async function copyOfExample(): Promise<[string, string]> {
  const dir = await tempDir();
  await cp(EXAMPLE, join(dir, 'tiny'), { recursive: true });
  return [dir, join(dir, 'tiny')];
}

describe('resulta evaluate --out', () => {
  it('refuses `--out .` run from the inputs folder and leaves every file as it was', async () => {
    const [, tiny] = await copyOfExample();
    await writeFile(join(tiny, 'notes.docx'), 'a user document');
    const before = await tree(tiny);
    const run = resulta(evaluateArgs('.', '.'), tiny);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `resulta: --out . (${tiny}): the folder holds the --contract file (contract.yaml), and an output folder must be a folder of its own; choose an empty or new folder\n`,
    );
    expect(await tree(tiny)).toEqual(before);
  });

  it('resolves `..` in relative paths: refuses the inputs folder, writes a new folder', async () => {
    const [dir, tiny] = await copyOfExample();
    await mkdir(join(dir, 'work'));
    const before = await tree(tiny);
    const refused = resulta(
      evaluateArgs('../tiny', '../work/../tiny/expected/..'),
      join(dir, 'work'),
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`(${tiny}): the folder holds the --contract file`);
    expect(await tree(tiny)).toEqual(before);

    const run = resulta(evaluateArgs('../tiny', '../results/./x/../tiny'), join(dir, 'work'));
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(join(dir, 'results', 'tiny', 'achievements.csv'), 'utf8')).toBe(
      await readFile(join(tiny, 'expected', 'achievements.csv'), 'utf8'),
    );
    expect(await tree(tiny)).toEqual(before);
  });

  it('refuses an output folder that is a link to the inputs folder', async () => {
    const [dir, tiny] = await copyOfExample();
    await symlink(tiny, join(dir, 'out'));
    const before = await tree(dir);
    const run = resulta(evaluateArgs(tiny, join(dir, 'out')));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`--out ${join(dir, 'out')} (${tiny}): the folder holds the`);
    expect(await tree(dir)).toEqual(before);
  });

  it('refuses a folder with files it did not write, a file, and the home folder', async () => {
    const [dir, tiny] = await copyOfExample();
    const mine = join(dir, 'mine');
    await mkdir(mine);
    await writeFile(join(mine, 'contract.yaml'), 'my own contract');
    await writeFile(join(mine, 'notes.docx'), 'notes');
    const home = join(dir, 'home');
    await mkdir(home);
    const before = await tree(dir);

    const full = resulta(evaluateArgs(tiny, mine));
    expect(full.code).toBe(1);
    expect(full.stderr).toBe(
      `resulta: --out ${mine}: the folder holds files Resulta did not write (contract.yaml, notes.docx); choose an empty or new folder\n`,
    );
    const file = resulta(evaluateArgs(tiny, join(mine, 'notes.docx')));
    expect(file.code).toBe(1);
    expect(file.stderr).toContain('is a file, not a folder');
    const homeRun = resulta(evaluateArgs(tiny, home), dir, { HOME: home });
    expect(homeRun.code).toBe(1);
    expect(homeRun.stderr).toContain(`--out ${home}: is your home folder`);
    expect(await tree(dir)).toEqual(before);
  });

  it('fills an empty folder, replaces its own outputs, and refuses once a user adds a file', async () => {
    const [dir, tiny] = await copyOfExample();
    const target = join(dir, 'out');
    await mkdir(target);
    expect(resulta(evaluateArgs(tiny, target)).code).toBe(0);
    const expected = await readFile(join(tiny, 'expected', 'achievements.csv'), 'utf8');
    await writeFile(join(target, 'achievements.csv'), 'edited');
    expect(resulta(evaluateArgs(tiny, target)).code).toBe(0);
    expect(await readFile(join(target, 'achievements.csv'), 'utf8')).toBe(expected);
    expect((await marker(target)).files).toEqual([
      'achievements.csv',
      'participants.csv',
      'summary.json',
    ]);

    await writeFile(join(target, 'mine.txt'), 'a user file');
    const before = await tree(dir);
    const run = resulta(evaluateArgs(tiny, target));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('files Resulta did not write (mine.txt)');
    expect(await tree(dir)).toEqual(before);
  });

  it('bad input leaves the previous output intact and no staging folder behind', async () => {
    const [dir, tiny] = await copyOfExample();
    const target = join(dir, 'out');
    expect(resulta(evaluateArgs(tiny, target)).code).toBe(0);
    await writeFile(
      join(tiny, 'participants.csv'),
      'participant_id,provider_id,enrolled_on\nP1,a,2019-02-30\n',
    );
    const before = await tree(dir);
    const run = resulta(evaluateArgs(tiny, target));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is not a real date');
    expect(await tree(dir)).toEqual(before);
  });
});

describe('resulta demo --dir', () => {
  it('writes the demo folder as one output folder, rewrites it, and refuses a user folder', async () => {
    const dir = await tempDir();
    const demo = join(dir, 'demo');
    const first = resulta(['demo', '--dir', demo, '--participants', '30']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`--out ${demo}-again`);
    expect((await marker(demo)).files).toEqual([
      'contract.yaml',
      'employment.csv',
      'events.csv',
      'outputs/achievements.csv',
      'outputs/participants.csv',
      'outputs/summary.json',
      'participants.csv',
    ]);
    expect(resulta(['demo', '--dir', demo, '--participants', '20']).code).toBe(0);
    expect(await readdir(dir)).toEqual(['demo']);

    await writeFile(join(demo, 'my-contract.yaml'), 'mine');
    const before = await tree(dir);
    const refused = resulta(['demo', '--dir', demo, '--participants', '20']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(`--dir ${demo}: the folder holds earlier Resulta outputs`);
    expect(await tree(dir)).toEqual(before);
  });
});
