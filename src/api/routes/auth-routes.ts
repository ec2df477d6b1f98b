/** POST /auth/login: a session token for an e-mail and password. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { login, logout } from '../../services/identity.js';
import type { Store } from '../../store/database.js';
import { HttpError } from '../http-error.js';

export function authRoutes(store: Store, perMinute: number): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: { public: true, rateLimit: { max: perMinute, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          security: [],
          body: z.object({
            email: z.string().email().max(320),
            password: z.string().min(1).max(1000),
          }),
          response: { 200: z.object({ token: z.string(), expires_in_hours: z.number() }) },
        },
      },
      async (request) => {
        const token = await login(store, request.body.email, request.body.password);
        if (!token) throw new HttpError(401, 'bad_credentials', 'wrong e-mail or password');
        return { token, expires_in_hours: 12 };
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { roles: ['funder', 'provider', 'verifier', 'investor'] },
        schema: { tags: ['auth'], response: { 200: z.object({ ended: z.boolean() }) } },
      },
      async (request) => {
        const secret = request.headers.authorization?.slice('Bearer '.length).trim() ?? '';
        await logout(store, secret);
        return { ended: true };
      },
    );
  };
}
