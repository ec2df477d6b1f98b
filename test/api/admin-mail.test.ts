/**
 * Invitation e-mail over SMTP (issue #8 part 4): with RESULTA_SMTP_URL set, the server sends
 * through it — here a real SMTP server (smtp-server) on loopback — and writes nothing to the
 * outbox; when the SMTP server cannot be reached, the invitation is withdrawn, the answer is
 * 502 and the error is in the log.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { operator } from '../../src/services/admin-rights.js';
import { inviteFirstAdministrator } from '../../src/services/first-administrator.js';
import { acceptInvitation } from '../../src/services/invitations.js';
import type { Store } from '../../src/store/database.js';
import { onServer, openTestStore } from '../support/test-store.js';

interface Received {
  from: string;
  to: string[];
  data: string;
}

describe(`invitations by SMTP on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let store: Store;
  let smtp: SMTPServer;
  let port: number;
  const received: Received[] = [];
  let session = '';

  // Opening a store and seeding it takes long on a busy machine.
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      // Connections still open when the test ends are cut at once.
      closeTimeout: 100,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const { envelope } = session;
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: envelope.mailFrom ? envelope.mailFrom.address : '',
            to: envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString('latin1'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as AddressInfo).port;
    store = await openTestStore();
    const first = await inviteFirstAdministrator(
      store,
      operator('root'),
      {
        email: 'admin@ministerio.example',
        organisationId: 'ministerio',
        organisationName: 'Ministère du Travail',
        language: 'fr',
      },
      { days: 7, publicUrl: 'https://resulta.example.sn' },
    );
    const accepted = await acceptInvitation(store, first.token, {
      password: 'trois mots au hasard',
    });
    session = accepted?.session ?? '';
  }, 300_000);

  afterAll(async () => {
    await store?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  /** A server configured from the environment, as `resulta serve` is. */
  async function serverWith(env: Record<string, string>, log?: NodeJS.WritableStream) {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      return await buildServer(store, log ? { log: { level: 'error', destination: log } } : {});
    } finally {
      process.env = saved;
    }
  }
  const invite = (app: FastifyInstance, email: string) =>
    app.inject({
      method: 'POST',
      url: '/admin/invitations',
      headers: { authorization: `Bearer ${session}`, 'accept-language': 'fr-SN,fr;q=0.9' },
      payload: { email, organisation: 'ministerio', role: 'member' },
    });

  it('sends the invitation through the SMTP server, in the language asked for', async () => {
    const app = await serverWith({
      RESULTA_SMTP_URL: `smtp://127.0.0.1:${port}`,
      RESULTA_MAIL_FROM: 'Resulta <no-reply@ministerio.example>',
      RESULTA_PUBLIC_URL: 'https://resulta.example.sn/',
    });
    try {
      const res = await invite(app, 'awa@ministerio.example');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ delivered_by: 'smtp', language: 'fr', status: 'pending' });
      expect(received).toHaveLength(1);
      const [mail] = received;
      expect(mail?.from).toBe('no-reply@ministerio.example');
      expect(mail?.to).toEqual(['awa@ministerio.example']);
      const text = decodeMail(mail?.data ?? '');
      expect(text).toMatch(/^Subject: .*Resulta/m);
      expect(text).toContain(
        'au sein de l’organisation Ministère du Travail. Votre rôle : membre.',
      );
      const token = /https:\/\/resulta\.example\.sn\/app\/accept-invitation#(ri_[\w-]+)/.exec(
        text,
      )?.[1];
      expect(token).toBeDefined();
      // The link in the e-mail works.
      const shown = await app.inject({ method: 'GET', url: `/invitations/${token}` });
      expect(shown.statusCode).toBe(200);
      expect(shown.json().email).toBe('awa@ministerio.example');
      // Nothing went to the outbox.
      expect(existsSync(join(store.dataDir, 'outbox'))).toBe(false);
    } finally {
      await app.close();
    }
  });

  it('withdraws the invitation and answers 502 when the mail cannot be sent', async () => {
    // A port nobody listens on: the connection is refused.
    const closed = new SMTPServer({ disabledCommands: ['STARTTLS'], logger: false });
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const lines: string[] = [];
    const log = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await serverWith({ RESULTA_SMTP_URL: `smtp://127.0.0.1:${deadPort}` }, log);
    try {
      const res = await invite(app, 'moussa@ministerio.example');
      expect(res.statusCode, res.body).toBe(502);
      expect(res.json()).toMatchObject({ error: 'admin.mail.failed' });
      expect(res.json().message).toMatch(/^Le message d’invitation n’a pas pu être envoyé/);
      expect(res.body).not.toContain(String(deadPort));
      expect(lines.join('')).toContain('ECONNREFUSED');
      const rows = await store.db
        .selectFrom('invitations')
        .select(['revoked_at'])
        .where('email', '=', 'moussa@ministerio.example')
        .execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]?.revoked_at).not.toBeNull();
    } finally {
      await app.close();
    }
  });

  it('refuses to start with an SMTP URL that is not one', async () => {
    await expect(serverWith({ RESULTA_SMTP_URL: 'https://mail.example' })).rejects.toThrow(
      'RESULTA_SMTP_URL="https://mail.example" is not a URL of the kind expected (smtp: smtps:).',
    );
    await expect(
      serverWith({
        RESULTA_SMTP_URL: 'smtp://user:secret@mail.example',
        RESULTA_INVITATION_DAYS: '90',
      }),
    ).rejects.toThrow(
      'RESULTA_INVITATION_DAYS="90": expected a whole number of days from 1 to 30.',
    );
  });
});

/** Quoted-printable undone (soft breaks, =XX bytes), as UTF-8. */
function decodeMail(latin1: string): string {
  const bytes = latin1
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
