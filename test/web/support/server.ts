/**
 * A real Resulta server for browser tests: `resulta serve` (dist/, built by `npm run build`)
 * as a child process on a free port, on a fresh data folder (and, when the suite runs
 * against a PostgreSQL server, a fresh schema), seeded with the demo programme. Its demo
 * password comes from <data>/demo-password.txt, as an operator would read it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { testStoreOptions } from '../../support/test-store.js';

export const REPO = join(import.meta.dirname, '..', '..', '..');
const CLI = join(REPO, 'dist', 'src', 'cli', 'main.js');
export const DEMO_PROGRAMME = 'demo-youth-employment';

export interface RunningServer {
  readonly url: string;
  readonly dataDir: string;
  readonly password: string;
  /** Signs in through the API; the bearer token, for comparing pages with API answers. */
  readonly token: (email: string) => Promise<string>;
  /** GET as a signed-in user, parsed JSON. */
  readonly getJson: <T>(token: string, path: string, language?: string) => Promise<T>;
  readonly stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export async function startServer(): Promise<RunningServer> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  if (!existsSync(join(REPO, 'dist', 'web', 'index.html')))
    throw new Error('dist/web is missing: run `npm run build` first');
  const port = await freePort();
  const store = await testStoreOptions();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    RESULTA_DATA: store.dataDir,
    DATABASE_URL: store.url ?? '',
  };
  const child = spawn(process.execPath, [CLI, 'serve', '--demo'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  await listening(child, output);
  const url = `http://127.0.0.1:${port}`;
  const password = (await readFile(join(store.dataDir, 'demo-password.txt'), 'utf8')).trim();
  const token = async (email: string) => {
    const answer = await fetch(`${url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!answer.ok) throw new Error(`sign-in of ${email}: ${answer.status}`);
    return ((await answer.json()) as { token: string }).token;
  };
  const getJson = async <T>(bearer: string, path: string, language = 'en'): Promise<T> => {
    const answer = await fetch(`${url}${path}`, {
      headers: { authorization: `Bearer ${bearer}`, 'accept-language': language },
    });
    if (!answer.ok) throw new Error(`GET ${path}: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as T;
  };
  return { url, dataDir: store.dataDir, password, token, getJson, stop: () => stop(child) };
}

/** Resolves once the server says it listens; rejects with its output if it exits first. */
function listening(child: ChildProcess, output: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('did not start within 120 s'), 120_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill();
      reject(new Error(`resulta serve ${why}:\n${output.join('')}`));
    };
    child.stdout?.on('data', () => {
      if (output.join('').includes('Resulta API on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => fail(`exited with ${code}`));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
