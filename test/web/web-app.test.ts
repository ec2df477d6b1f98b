/**
 * The web app's server side in-process (src/api/web-app.ts): the page at / and at client
 * routes, cached and compressed assets, the Content-Security-Policy, the session cookie
 * and its CSRF header, and a server that starts without a build and says how to make one.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { CONTENT_SECURITY_POLICY, cookieValue, webApp } from '../../src/api/web-app.js';
import { createUser } from '../../src/services/identity.js';
import type { Store } from '../../src/store/database.js';
import { tempDir } from '../support/run-engine.js';
import { openTestStore } from '../support/test-store.js';
import { seedTinyProgramme } from '../support/tiny-programme.js';

const PASSWORD = 'correct horse battery staple';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;

let store: Store;
let app: FastifyInstance;

/** A stand-in build: index.html, one hashed asset with its .br and .gz, a favicon. */
async function fakeBuild(): Promise<string> {
  const root = await tempDir();
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Resulta</title>');
  await writeFile(join(root, 'assets', 'index-abc123.js'), SCRIPT);
  await writeFile(join(root, 'assets', 'index-abc123.js.gz'), gzipSync(SCRIPT));
  await writeFile(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return root;
}

beforeAll(async () => {
  store = await openTestStore();
  await seedTinyProgramme(store);
  await createUser(store, {
    email: 'funder@example.org',
    name: 'Funder',
    organisationId: 'ministry',
    password: PASSWORD,
  });
  app = await buildServer(store);
});

afterAll(async () => {
  await app?.close();
  await store?.close();
});

/** The plugin alone on a build of our own (the API's server serves the real one). */
async function pagesServer(root: string): Promise<FastifyInstance> {
  const server = Fastify();
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  await server.register(webApp(store, { root }));
  return server;
}

describe('pages and assets', () => {
  it('serves index.html at / and at client routes, never cached, with the CSP', async () => {
    const server = await pagesServer(await fakeBuild());
    for (const url of ['/', '/app', '/app/programmes/tiny/dashboard']) {
      const answer = await server.inject({ method: 'GET', url });
      expect(answer.statusCode, url).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^text\/html/);
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(answer.body).toContain('<title>Resulta</title>');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
    await server.close();
  });

  it('caches hashed assets for a year, sends them compressed, and 404s a missing one', async () => {
    const server = await pagesServer(await fakeBuild());
    const plain = await server.inject({ method: 'GET', url: '/app/assets/index-abc123.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body).toBe(SCRIPT);
    const gzip = await server.inject({
      method: 'GET',
      url: '/app/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['content-type']).toMatch(/javascript/);
    // No .br copy: compressed on the fly by @fastify/compress.
    const br = await server.inject({
      method: 'GET',
      url: '/app/assets/index-abc123.js',
      headers: { 'accept-encoding': 'br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
    const missing = await server.inject({ method: 'GET', url: '/app/assets/index-gone.js' });
    expect(missing.statusCode).toBe(404);
    const favicon = await server.inject({ method: 'GET', url: '/app/favicon.svg' });
    expect(favicon.statusCode).toBe(200);
    expect(favicon.headers['cache-control']).toBe('no-cache');
    await server.close();
  });

  it('starts without a build and says how to make one', async () => {
    const server = await pagesServer(join(await tempDir(), 'nothing-here'));
    const answer = await server.inject({ method: 'GET', url: '/' });
    expect(answer.statusCode).toBe(503);
    expect(answer.body).toContain('npm run build');
    await server.close();
  });

  it('leaves the API its paths', async () => {
    const answer = await app.inject({ method: 'GET', url: '/programmes/tiny/dashboard' });
    expect(answer.statusCode).toBe(401);
    expect(answer.headers['content-type']).toMatch(/json/);
  });
});

describe('the web session', () => {
  async function signIn(): Promise<string> {
    const login = await app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: 'funder@example.org', password: PASSWORD },
    });
    const { token } = login.json() as { token: string };
    const opened = await app.inject({
      method: 'POST',
      url: '/web/session',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toEqual({
      session: { user: 'funder@example.org', organisation: 'ministry', role: 'funder' },
    });
    const cookie = String(opened.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Max-Age=43200/);
    const secret = cookieValue(cookie.split(';')[0], 'resulta_session');
    expect(secret).toBe(token);
    return `resulta_session=${secret}`;
  }

  it('says nobody is signed in without a refusal', async () => {
    const answer = await app.inject({ method: 'GET', url: '/web/session' });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ session: null });
  });

  it('keeps the session in a cookie the API accepts for reading', async () => {
    const cookie = await signIn();
    const who = await app.inject({ method: 'GET', url: '/web/session', headers: { cookie } });
    expect(who.json()).toEqual({
      session: { user: 'funder@example.org', organisation: 'ministry', role: 'funder' },
    });
    const dashboard = await app.inject({
      method: 'GET',
      url: '/programmes/tiny/dashboard',
      headers: { cookie },
    });
    expect(dashboard.statusCode).toBe(200);
  });

  it('refuses a change made with the cookie but without the CSRF header', async () => {
    const cookie = await signIn();
    const forged = await app.inject({
      method: 'POST',
      url: '/programmes/tiny/bills',
      headers: { cookie },
      payload: { period_end: '2019-06-30' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error).toBe('csrf_header_missing');
    const ended = await app.inject({ method: 'DELETE', url: '/web/session', headers: { cookie } });
    expect(ended.statusCode).toBe(403);
  });

  it('ends the session on the server and removes the cookie', async () => {
    const cookie = await signIn();
    const ended = await app.inject({
      method: 'DELETE',
      url: '/web/session',
      headers: { cookie, 'x-resulta-csrf': '1' },
    });
    expect(ended.json()).toEqual({ ended: true });
    expect(String(ended.headers['set-cookie'])).toMatch(/Max-Age=0/);
    const after = await app.inject({
      method: 'GET',
      url: '/programmes/tiny/dashboard',
      headers: { cookie },
    });
    expect(after.statusCode).toBe(401);
  });

  it('refuses to put an API token in the cookie', async () => {
    const cookie = await signIn();
    const minted = await app.inject({
      method: 'POST',
      url: '/auth/tokens',
      headers: { cookie, 'x-resulta-csrf': '1' },
      payload: { name: 'robot', scopes: ['read'] },
    });
    expect(minted.statusCode).toBe(201);
    const opened = await app.inject({
      method: 'POST',
      url: '/web/session',
      headers: { authorization: `Bearer ${minted.json().token}` },
    });
    expect(opened.statusCode).toBe(403);
  });
});
