/**
 * The server the hostile-input suite attacks: the tiny worked example in a fresh store (PGlite,
 * or a schema on the PostgreSQL server when DATABASE_URL is set), one signed-in user per
 * role, and a `call` that sends exactly the bytes a test gives it, so malformed JSON escapes
 * reach the server as an attacker would send them.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../src/api/server.js';
import { createUser } from '../../src/services/identity.js';
import type { Store } from '../../src/store/database.js';
import { openTestStore } from '../support/test-store.js';
import { seedTinyProgramme } from '../support/tiny-programme.js';

export type Role = 'anonymous' | 'funder' | 'provider' | 'verifier';

const PASSWORD = 'correct horse battery staple';
const ORGANISATIONS: Record<Exclude<Role, 'anonymous'>, string> = {
  funder: 'ministry',
  provider: 'prov-a',
  verifier: 'audit-co',
};

export interface HostileServer {
  readonly store: Store;
  readonly app: FastifyInstance;
  /** A request as `role`; a string body is sent as is (JSON unless `contentType` says otherwise). */
  call(
    role: Role,
    method: 'GET' | 'POST',
    url: string,
    body?: string | Buffer | object,
    contentType?: string,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A server over a fresh store; `seed` fills the store (default: the tiny worked example). */
export async function hostileServer(
  seed: (store: Store) => Promise<void> = seedTinyProgramme,
): Promise<HostileServer> {
  const store = await openTestStore();
  await seed(store);
  for (const [role, organisationId] of Object.entries(ORGANISATIONS)) {
    await createUser(store, {
      email: `${role}@example.org`,
      name: role,
      organisationId,
      password: PASSWORD,
    });
  }
  const app = await buildServer(store, { loginRateLimit: 1000, uploadRateLimit: 1000 });
  const tokens: Partial<Record<Role, string>> = {};
  for (const role of Object.keys(ORGANISATIONS) as Role[]) {
    const res = await app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: `${role}@example.org`, password: PASSWORD },
    });
    tokens[role] = res.json().token;
  }
  return {
    store,
    app,
    call: (role, method, url, body, contentType) => {
      const token = tokens[role];
      const isRaw = typeof body === 'string' || Buffer.isBuffer(body);
      return app.inject({
        method,
        url,
        payload: isRaw ? body : body === undefined ? undefined : JSON.stringify(body),
        headers: {
          ...(body !== undefined ? { 'content-type': contentType ?? 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      });
    },
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
