/**
 * Administration through the API (issue #8 part 4), on a real server and store: the first
 * administrator bootstrapped from the server side, invitations by one-time link written to
 * the outbox and accepted with a chosen password, organisations, programmes with a contract
 * from YAML, members, roles, deactivation, who may do what, and the audit trail of it all.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { operator } from '../../src/services/admin-rights.js';
import { createApiToken } from '../../src/services/api-tokens.js';
import { inviteFirstAdministrator } from '../../src/services/first-administrator.js';
import { createUser } from '../../src/services/identity.js';
import { verifyAuditLog } from '../../src/store/audit-log.js';
import { withCaller } from '../../src/store/caller-scope.js';
import type { Store } from '../../src/store/database.js';
import { onServer, openTestStore } from '../support/test-store.js';
import { seedTinyProgramme, TINY } from '../support/tiny-programme.js';

const POLICY = { days: 7, publicUrl: 'https://resulta.example.gob' };
const GOOD_PASSWORD = 'tres palabras sueltas';
const OLD_PASSWORD = 'correct horse battery staple';

type Method = 'GET' | 'POST' | 'DELETE';

describe(`administration API on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let store: Store;
  let app: FastifyInstance;
  let outbox: string;
  /** Session secrets by person. */
  const session: Record<string, string> = {};

  const send = (
    secret: string | null,
    method: Method,
    url: string,
    body?: object,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      payload: body,
      headers: { ...headers, ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
    });
  const as = (who: string, method: Method, url: string, body?: object) =>
    send(session[who] ?? null, method, url, body);
  const login = async (email: string, password: string) =>
    send(null, 'POST', '/auth/login', { email, password });

  /** The newest .eml of the outbox, and the link's secret in it. */
  const lastMail = async () => {
    const names = (await readdir(outbox)).filter((n) => n.endsWith('.eml')).sort();
    const text = decodeMail(await readFile(join(outbox, names.at(-1) ?? 'none'), 'latin1'));
    const token = /accept-invitation#(ri_[A-Za-z0-9_-]+)/.exec(text)?.[1];
    return { text, token: token ?? '', count: names.length };
  };
  /** Invites through the API as `who` and accepts the link from the outbox. */
  const inviteAndAccept = async (who: string, invitation: object, person: string) => {
    const res = await as(who, 'POST', '/admin/invitations', invitation);
    expect(res.statusCode, res.body).toBe(201);
    const { token } = await lastMail();
    const accepted = await send(null, 'POST', `/invitations/${token}/accept`, {
      password: GOOD_PASSWORD,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    session[person] = accepted.json().token;
    return accepted.json().user as { id: string; email: string };
  };
  const auditActions = async () =>
    (
      await store.db
        .selectFrom('audit_log')
        .select(['actor', 'action', 'entity', 'entity_id'])
        .orderBy('id')
        .execute()
    ).map((e) => `${e.actor} ${e.action} ${e.entity} ${e.entity_id}`);

  // Opening a store and seeding it takes long on a busy machine.
  beforeAll(async () => {
    store = await openTestStore();
    outbox = join(store.dataDir, 'outbox');
    await seedTinyProgramme(store);
    // A person of the tiny programme's funder who administers nothing.
    await createUser(store, {
      email: 'plain@ministry.example',
      name: 'Plain',
      organisationId: 'ministry',
      password: OLD_PASSWORD,
    });
    app = await buildServer(store, { loginRateLimit: 1000 });
    session.plain = (await login('plain@ministry.example', OLD_PASSWORD)).json().token;
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('bootstraps the first administrator from the server side, once', async () => {
    const first = await inviteFirstAdministrator(
      store,
      operator('root'),
      {
        email: 'Admin@Trabajo.example',
        name: 'Ana Admin',
        organisationId: 'ministerio-trabajo',
        organisationName: 'Ministerio de Trabajo',
        language: 'es',
      },
      POLICY,
    );
    expect(first.link).toBe(`https://resulta.example.gob/app/accept-invitation#${first.token}`);
    // The link says what it is for, in the inviter's language.
    const shown = await send(null, 'GET', `/invitations/${first.token}`);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({
      email: 'admin@trabajo.example',
      name: 'Ana Admin',
      organisation: { id: 'ministerio-trabajo', name: 'Ministerio de Trabajo', kind: 'funder' },
      role: 'platform_admin',
      programme: null,
      language: 'es',
      invited_by: 'cli:root',
    });
    // Only the secret's hash is stored.
    const stored = await store.db.selectFrom('invitations').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(first.token);

    // A weak password is refused with every problem, and the link still works.
    const weak = await send(null, 'POST', `/invitations/${first.token}/accept`, {
      password: 'admin1',
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().problems.map((p: { code: string }) => p.code)).toEqual([
      'admin.password.short',
    ]);
    const ownName = await send(null, 'POST', `/invitations/${first.token}/accept`, {
      password: 'admin-and-more-words',
    });
    expect(ownName.json().problems.map((p: { code: string }) => p.code)).toEqual([
      'admin.password.email',
    ]);
    const accepted = await send(null, 'POST', `/invitations/${first.token}/accept`, {
      password: GOOD_PASSWORD,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    session.admin = accepted.json().token;
    const me = await as('admin', 'GET', '/me');
    expect(me.json()).toMatchObject({
      id: 'admin@trabajo.example',
      name: 'Ana Admin',
      role: 'funder',
      organisation: { id: 'ministerio-trabajo' },
      administers: [{ role: 'platform_admin', programme: null }],
    });
    // The password chosen signs in.
    expect((await login('admin@trabajo.example', GOOD_PASSWORD)).statusCode).toBe(200);
    // A second bootstrap is refused now that an administrator exists.
    await expect(
      inviteFirstAdministrator(
        store,
        operator('root'),
        { email: 'other@trabajo.example', organisationId: 'ministerio-trabajo', language: 'en' },
        POLICY,
      ),
    ).rejects.toThrow(/has an administrator already \(admin@trabajo\.example\)/);
  });

  it('refuses a used, unknown, withdrawn or expired link with one and the same answer', async () => {
    const answers: string[] = [];
    const refused = async (token: string) => {
      for (const res of [
        await send(null, 'GET', `/invitations/${token}`, undefined, { 'accept-language': 'fr' }),
        await send(
          null,
          'POST',
          `/invitations/${token}/accept`,
          { password: GOOD_PASSWORD },
          { 'accept-language': 'fr' },
        ),
      ]) {
        expect(res.statusCode, res.body).toBe(404);
        const { error, message, problems } = res.json();
        answers.push(JSON.stringify({ error, message, problems }));
      }
    };
    const invite = (email: string) =>
      as('admin', 'POST', '/admin/invitations', {
        email,
        organisation: 'ministerio-trabajo',
        role: 'member',
      });
    // Used: a link accepted here.
    expect((await invite('used@trabajo.example')).statusCode).toBe(201);
    const used = await lastMail();
    const first = await send(null, 'POST', `/invitations/${used.token}/accept`, {
      password: GOOD_PASSWORD,
    });
    expect(first.statusCode).toBe(200);
    expect((await invite('withdrawn@trabajo.example')).statusCode).toBe(201);
    const withdrawn = await lastMail();
    const withdrawnId = (await as('admin', 'GET', '/admin/invitations'))
      .json()
      .invitations.find((i: { email: string }) => i.email === 'withdrawn@trabajo.example').id;
    expect((await as('admin', 'DELETE', `/admin/invitations/${withdrawnId}`)).statusCode).toBe(200);
    expect((await invite('expired@trabajo.example')).statusCode).toBe(201);
    const expired = await lastMail();
    // Expire the second invitation in place.
    await sql`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE email = 'expired@trabajo.example'`.execute(
      store.db,
    );
    await refused(used.token);
    await refused(withdrawn.token);
    await refused(expired.token);
    await refused(`ri_${'A'.repeat(43)}`);
    await refused('not-even-a-token');
    expect(new Set(answers).size).toBe(1);
    expect(JSON.parse(answers[0] ?? '{}').message).toMatch(
      /^Ce lien d’invitation ne fonctionne pas/,
    );
  });

  it('keeps administration from people who administer nothing, and from API tokens', async () => {
    for (const [method, url] of [
      ['GET', '/admin/organisations'],
      ['GET', '/admin/users'],
      ['GET', '/admin/programmes'],
      ['POST', '/admin/invitations'],
    ] as const) {
      const res = await as('plain', method, url, {});
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error).toBe('admin.refused.not_administrator');
      expect((await send(null, method, url, {})).statusCode).toBe(401);
    }
    const token = await createApiToken(store, 'setup', 'ministerio-trabajo', 'admin token');
    const byToken = await send(token, 'GET', '/admin/organisations');
    expect(byToken.statusCode).toBe(403);
    expect(byToken.json().error).toBe('session_required');
  });

  it('creates organisations, refusing bad input field by field and duplicates', async () => {
    const bad = await as('admin', 'POST', '/admin/organisations', {
      id: 'Bad Id',
      name: ' ',
      kind: 'bank',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().problems.map((p: { column: string }) => p.column)).toEqual([
      'id',
      'name',
      'kind',
    ]);
    for (const [id, kind] of [
      ['fundacion-empleo', 'provider'],
      ['instituto-oficios', 'provider'],
      ['auditores-sa', 'verifier'],
    ]) {
      const res = await as('admin', 'POST', '/admin/organisations', { id, name: id, kind });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({ id, name: id, kind, active_users: 0, programmes: 0 });
    }
    const again = await send(
      session.admin ?? null,
      'POST',
      '/admin/organisations',
      { id: 'auditores-sa', name: 'x', kind: 'verifier' },
      { 'accept-language': 'es' },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      error: 'admin.organisation.exists',
      message: 'Ya existe una organización con el identificador "auditores-sa".',
    });
    const listed = (await as('admin', 'GET', '/admin/organisations')).json().organisations;
    expect(listed.find((o: { id: string }) => o.id === 'ministry')).toMatchObject({
      kind: 'funder',
      active_users: 1,
      programmes: 1,
    });
  });

  it('creates a programme, then its contract from YAML with problems at line and column', async () => {
    const made = await as('admin', 'POST', '/admin/programmes', {
      id: 'empleo-joven',
      title: 'Empleo joven',
      funder: 'ministerio-trabajo',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ contract_version: null, members: 0 });
    // The creator works for the funder: they administer the programme.
    expect((await as('admin', 'GET', '/me')).json().administers).toEqual([
      { role: 'platform_admin', programme: null },
      { role: 'programme_admin', programme: 'empleo-joven' },
    ]);
    const notFunder = await as('admin', 'POST', '/admin/programmes', {
      id: 'otro',
      title: 'Otro',
      funder: 'fundacion-empleo',
    });
    expect(notFunder.statusCode).toBe(422);
    expect(notFunder.json().problems[0].code).toBe('admin.programme.funder_kind');

    const yaml = await readFile(join(TINY, 'contract.yaml'), 'utf8');
    const broken = yaml.replace('currency: ARS', 'currency: ARS\nstarts_on: 2018-13-01');
    const bad = await as('admin', 'POST', '/admin/programmes/empleo-joven/contract', {
      yaml: broken,
    });
    expect(bad.statusCode).toBe(422);
    for (const p of bad.json().problems) {
      expect(p.line, JSON.stringify(p)).toBeGreaterThan(0);
      expect(p.col, JSON.stringify(p)).toBeGreaterThan(0);
    }
    const set = await as('admin', 'POST', '/admin/programmes/empleo-joven/contract', { yaml });
    expect(set.statusCode, set.body).toBe(201);
    expect(set.json()).toEqual({ version: 1, status: 'in_force', affects_from: null });
    const withoutReason = await as('admin', 'POST', '/admin/programmes/empleo-joven/contract', {
      yaml,
    });
    expect(withoutReason.statusCode).toBe(422);
    expect(withoutReason.json().problems[0].code).toBe('admin.contract.reason');
    const listed = (await as('admin', 'GET', '/admin/programmes')).json().programmes;
    expect(
      listed.map((p: { id: string; contract_version: number }) => [p.id, p.contract_version]),
    ).toEqual([
      ['empleo-joven', 1],
      ['tiny', 1],
    ]);
    // The contract is the programme's: its funder's people read it like any other.
    const versions = await as('admin', 'GET', '/programmes/empleo-joven/contract-versions');
    expect(versions.json().versions).toHaveLength(1);
  });

  it('adds and removes members, funders excepted', async () => {
    const add = (organisation: string) =>
      as('admin', 'POST', '/admin/programmes/empleo-joven/members', { organisation });
    expect((await add('fundacion-empleo')).statusCode).toBe(201);
    expect((await add('auditores-sa')).statusCode).toBe(201);
    expect((await add('prov-a')).statusCode).toBe(201);
    expect((await add('auditores-sa')).statusCode).toBe(409);
    const funder = await add('ministry');
    expect(funder.statusCode).toBe(422);
    expect(funder.json().problems[0].code).toBe('admin.member.kind');
    const unknown = await add('nadie');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().problems[0].code).toBe('admin.organisation.unknown');
    const members = (await as('admin', 'GET', '/admin/programmes/empleo-joven/members')).json();
    expect(members.funder.id).toBe('ministerio-trabajo');
    expect(members.members.map((m: { id: string }) => m.id)).toEqual([
      'fundacion-empleo',
      'prov-a',
      'auditores-sa',
    ]);
    expect(members.administrators.map((a: { email: string }) => a.email)).toEqual([
      'admin@trabajo.example',
    ]);
    const noReason = await as(
      'admin',
      'DELETE',
      '/admin/programmes/empleo-joven/members/prov-a?reason=',
    );
    expect(noReason.statusCode).toBe(422);
    const removed = await as(
      'admin',
      'DELETE',
      '/admin/programmes/empleo-joven/members/prov-a?reason=not%20in%20this%20programme',
    );
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().members.map((m: { id: string }) => m.id)).not.toContain('prov-a');
    expect(
      (await as('admin', 'DELETE', '/admin/programmes/empleo-joven/members/prov-a?reason=again'))
        .statusCode,
    ).toBe(404);
    expect((await as('admin', 'GET', '/admin/programmes/nothing-here/members')).statusCode).toBe(
      404,
    );
  });

  it('invites by e-mail into the outbox, in the chosen language, never answering the link', async () => {
    const res = await send(
      session.admin ?? null,
      'POST',
      '/admin/invitations',
      {
        email: 'datos@fundacion-empleo.example',
        name: 'María Gómez',
        organisation: 'fundacion-empleo',
        role: 'organisation_admin',
        programme: 'empleo-joven',
      },
      { 'accept-language': 'es-AR,es;q=0.9' },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      email: 'datos@fundacion-empleo.example',
      role: 'organisation_admin',
      programme: { id: 'empleo-joven', title: 'Empleo joven' },
      language: 'es',
      status: 'pending',
      delivered_by: 'outbox',
    });
    const mail = await lastMail();
    expect(res.body).not.toContain(mail.token);
    expect(mail.token).toMatch(/^ri_/);
    expect(mail.text).toMatch(/^To: datos@fundacion-empleo\.example$/m);
    expect(mail.text).toMatch(/^Content-Language: es$/m);
    expect(mail.text).toContain('Ana Admin (admin@trabajo.example)');
    expect(mail.text).toMatch(/Su rol: administrador de la organizaci/);
    // The inviter's choice wins over the request's language.
    const french = await as('admin', 'POST', '/admin/invitations', {
      email: 'oficios@instituto.example',
      organisation: 'instituto-oficios',
      role: 'member',
      language: 'fr',
    });
    expect(french.statusCode).toBe(201);
    expect((await lastMail()).text).toContain('Votre rôle : membre.');
    // An address with a working account cannot be invited.
    const taken = await as('admin', 'POST', '/admin/invitations', {
      email: 'PLAIN@ministry.example',
      organisation: 'ministry',
      role: 'member',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toBe('admin.user.exists');
    // An organisation outside the programme named is a problem of the input.
    const outside = await as('admin', 'POST', '/admin/invitations', {
      email: 'x@instituto.example',
      organisation: 'instituto-oficios',
      role: 'member',
      programme: 'empleo-joven',
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().problems[0].code).toBe('admin.invitation.not_in_programme');
  });

  it('lets the invitee choose a password, sign in, and manage their own organisation', async () => {
    const { token } = await lastMailTo('datos@fundacion-empleo.example');
    const accepted = await send(null, 'POST', `/invitations/${token}/accept`, {
      password: GOOD_PASSWORD,
      name: 'María Gómez',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    session.maria = accepted.json().token;
    expect(accepted.json().user).toMatchObject({
      email: 'datos@fundacion-empleo.example',
      name: 'María Gómez',
      organisation: 'fundacion-empleo',
    });
    // As a provider she sees the programme her organisation was added to.
    expect(
      (await as('maria', 'GET', '/programmes/empleo-joven/contract-versions')).statusCode,
    ).toBe(200);
    // As its administrator she invites a colleague, and no one into another organisation.
    const colleague = await as('maria', 'POST', '/admin/invitations', {
      email: 'colega@fundacion-empleo.example',
      organisation: 'fundacion-empleo',
      role: 'member',
    });
    expect(colleague.statusCode, colleague.body).toBe(201);
    const elsewhere = await as('maria', 'POST', '/admin/invitations', {
      email: 'colega@instituto.example',
      organisation: 'instituto-oficios',
      role: 'member',
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error).toBe('admin.refused.people');
    const platform = await as('maria', 'POST', '/admin/invitations', {
      email: 'jefa@fundacion-empleo.example',
      organisation: 'fundacion-empleo',
      role: 'platform_admin',
    });
    expect(platform.statusCode).toBe(403);
    expect(platform.json().error).toBe('admin.refused.grant');
    // She sees her organisation's people only, and no programme to administer.
    const users = (await as('maria', 'GET', '/admin/users')).json().users;
    expect(users.map((u: { email: string }) => u.email)).toEqual([
      'datos@fundacion-empleo.example',
    ]);
    expect((await as('maria', 'GET', '/admin/programmes')).json().programmes).toEqual([]);
    expect((await as('maria', 'GET', '/admin/programmes/empleo-joven/members')).statusCode).toBe(
      404,
    );
  });

  it('gives programme administrators their programme, and only what they answer for', async () => {
    // A second person of the ministry, made programme administrator by the platform admin.
    const pa = await inviteAndAccept(
      'admin',
      {
        email: 'programa@trabajo.example',
        organisation: 'ministerio-trabajo',
        role: 'programme_admin',
        programme: 'empleo-joven',
      },
      'pa',
    );
    expect((await as('pa', 'GET', '/me')).json().administers).toEqual([
      { role: 'programme_admin', programme: 'empleo-joven' },
    ]);
    // They create providers but not funders, and add them to their programme.
    expect(
      (
        await as('pa', 'POST', '/admin/organisations', {
          id: 'capacitar',
          name: 'Capacitar',
          kind: 'provider',
        })
      ).statusCode,
    ).toBe(201);
    const funder = await as('pa', 'POST', '/admin/organisations', {
      id: 'otro-ministerio',
      name: 'Otro',
      kind: 'funder',
    });
    expect(funder.statusCode).toBe(403);
    expect(
      (
        await as('pa', 'POST', '/admin/programmes/empleo-joven/members', {
          organisation: 'capacitar',
        })
      ).statusCode,
    ).toBe(201);
    // They add people to an organisation only in their programme…
    const ok = await as('pa', 'POST', '/admin/invitations', {
      email: 'ana@capacitar.example',
      organisation: 'capacitar',
      role: 'organisation_admin',
      programme: 'empleo-joven',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    // …but not to one that also takes part in a programme they do not administer (tiny).
    await as('admin', 'POST', '/admin/programmes/empleo-joven/members', { organisation: 'prov-b' });
    const shared = await as('pa', 'POST', '/admin/invitations', {
      email: 'otra@prov-b.example',
      organisation: 'prov-b',
      role: 'member',
    });
    expect(shared.statusCode).toBe(403);
    // Nor to their own ministry, whose people see every programme it funds.
    const ministry = await as('pa', 'POST', '/admin/invitations', {
      email: 'otro@trabajo.example',
      organisation: 'ministerio-trabajo',
      role: 'member',
    });
    expect(ministry.statusCode).toBe(403);
    // They see the people of their programme's organisations.
    const users = (await as('pa', 'GET', '/admin/users')).json().users;
    expect(users.map((u: { email: string }) => u.email)).toEqual([
      'admin@trabajo.example',
      'datos@fundacion-empleo.example',
      'programa@trabajo.example',
      'used@trabajo.example',
    ]);
    // Another programme is not theirs.
    expect((await as('pa', 'GET', '/admin/programmes/tiny/members')).statusCode).toBe(404);
    expect(
      (await as('pa', 'POST', '/admin/programmes/tiny/members', { organisation: 'capacitar' }))
        .statusCode,
    ).toBe(404);
    // Roles: the platform admin takes the programme role away and gives it back.
    const revoked = await as(
      'admin',
      'DELETE',
      `/admin/users/${pa.id}/roles/programme_admin?programme=empleo-joven`,
    );
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().roles).toEqual([]);
    expect((await as('pa', 'GET', '/admin/programmes')).statusCode).toBe(403);
    const again = await as(
      'admin',
      'DELETE',
      `/admin/users/${pa.id}/roles/programme_admin?programme=empleo-joven`,
    );
    expect(again.statusCode).toBe(409);
    const granted = await as('admin', 'POST', `/admin/users/${pa.id}/roles`, {
      role: 'programme_admin',
      programme: 'empleo-joven',
    });
    expect(granted.statusCode, granted.body).toBe(201);
    const notFunder = await as('admin', 'POST', `/admin/users/${pa.id}/roles`, {
      role: 'programme_admin',
      programme: 'tiny',
    });
    expect(notFunder.statusCode).toBe(422);
    expect(notFunder.json().problems[0].code).toBe('admin.role.not_funder');
  });

  it('deactivates an account: no sign-in, no session, no token; re-invitation reopens it', async () => {
    const maria = (await as('admin', 'GET', '/admin/users?organisation=fundacion-empleo'))
      .json()
      .users.find((u: { email: string }) => u.email === 'datos@fundacion-empleo.example');
    const adminId = (await as('admin', 'GET', '/admin/users?organisation=ministerio-trabajo'))
      .json()
      .users.find((u: { email: string }) => u.email === 'admin@trabajo.example').id;
    const self = await as('admin', 'POST', `/admin/users/${adminId}/deactivate`, {
      reason: 'testing',
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().error).toBe('admin.refused.self');
    const mint = await as('maria', 'POST', '/auth/tokens', { name: 'nightly', scopes: ['read'] });
    expect(mint.statusCode).toBe(201);
    const apiToken = mint.json().token;
    const noReason = await as('admin', 'POST', `/admin/users/${maria.id}/deactivate`, {
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(422);
    const done = await as('admin', 'POST', `/admin/users/${maria.id}/deactivate`, {
      reason: 'left the foundation',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ active: false, roles: [] });
    expect((await as('maria', 'GET', '/me')).statusCode).toBe(401);
    expect((await send(apiToken, 'GET', '/me')).statusCode).toBe(401);
    expect((await login('datos@fundacion-empleo.example', GOOD_PASSWORD)).statusCode).toBe(401);
    // The invitation she sent is withdrawn with her.
    const open = (await as('admin', 'GET', '/admin/invitations')).json().invitations;
    expect(open.map((i: { email: string }) => i.email)).not.toContain(
      'colega@fundacion-empleo.example',
    );
    expect(
      (await as('admin', 'POST', `/admin/users/${maria.id}/deactivate`, { reason: 'again' }))
        .statusCode,
    ).toBe(409);
    // Back home only: another organisation needs another address.
    const elsewhere = await as('admin', 'POST', '/admin/invitations', {
      email: 'datos@fundacion-empleo.example',
      organisation: 'instituto-oficios',
      role: 'member',
    });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().error).toBe('admin.user.other_organisation');
    await inviteAndAccept(
      'admin',
      { email: 'datos@fundacion-empleo.example', organisation: 'fundacion-empleo', role: 'member' },
      'maria',
    );
    const back = (await as('admin', 'GET', '/admin/users?organisation=fundacion-empleo'))
      .json()
      .users.find((u: { email: string }) => u.email === 'datos@fundacion-empleo.example');
    expect(back).toMatchObject({ id: maria.id, active: true, roles: [], deactivated_at: null });
    expect((await as('maria', 'GET', '/me')).json().administers).toEqual([]);
  });

  it('records every change in the audit log, whose chain holds', async () => {
    const actions = await auditActions();
    for (const expected of [
      'cli:root create organisation ministerio-trabajo',
      'cli:root invite invitation',
      'admin@trabajo.example accept invitation',
      'admin@trabajo.example create organisation fundacion-empleo',
      'admin@trabajo.example create programme empleo-joven',
      'admin@trabajo.example create contract_version empleo-joven/1',
      'admin@trabajo.example add_member programme empleo-joven',
      'admin@trabajo.example remove_member programme empleo-joven',
      'admin@trabajo.example withdraw invitation',
      'datos@fundacion-empleo.example invite invitation',
      'programa@trabajo.example create organisation capacitar',
      'admin@trabajo.example revoke user programa@trabajo.example',
      'admin@trabajo.example grant user programa@trabajo.example',
      'admin@trabajo.example deactivate user datos@fundacion-empleo.example',
    ])
      expect(
        actions.some((a) => a.startsWith(expected)),
        `${expected} in\n${actions.join('\n')}`,
      ).toBe(true);
    const check = await verifyAuditLog(store.db);
    expect(check.breaks).toEqual([]);
  });

  it('keeps invitations and roles out of reach of caller-scoped work', async () => {
    for (const table of ['invitations', 'user_roles'])
      await expect(
        withCaller(store.db, 'ministerio-trabajo', (tx) =>
          sql`SELECT * FROM ${sql.table(table)}`.execute(tx),
        ),
        table,
      ).rejects.toThrow(/permission denied/);
  });

  it('limits reading and accepting invitations per client address', async () => {
    const limited = await buildServer(store, { loginRateLimit: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (
            await limited.inject({
              method: 'POST',
              url: '/invitations/ri_guess/accept',
              payload: { password: GOOD_PASSWORD },
            })
          ).statusCode,
        );
      expect(statuses).toEqual([404, 404, 404, 429]);
    } finally {
      await limited.close();
    }
  });

  /** The newest mail to an address in the outbox. */
  async function lastMailTo(email: string) {
    const names = (await readdir(outbox))
      .filter((n) => n.endsWith('.eml'))
      .sort()
      .reverse();
    for (const name of names) {
      const text = decodeMail(await readFile(join(outbox, name), 'latin1'));
      if (text.includes(`To: ${email}`))
        return { text, token: /accept-invitation#(ri_[A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '' };
    }
    throw new Error(`no mail to ${email}`);
  }
});

/** A message as its reader sees it: quoted-printable undone (soft breaks, =XX bytes), UTF-8. */
function decodeMail(latin1: string): string {
  const bytes = latin1
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
