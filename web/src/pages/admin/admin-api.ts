/**
 * The administration API's views and calls (src/api/routes/admin-people-routes.ts,
 * admin-programme-routes.ts) through the typed client, each in the reader's language (the
 * refusals are the server's, from the catalogue). Queries per view; mutations in the panels.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Locale } from '../../../../src/domain/messages/locale.js';
import { api, data } from '../../api/client.js';
import type { paths } from '../../api/schema.gen.js';

type Answer<P extends keyof paths, M extends 'get' | 'post' | 'delete'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer A } } };
}
  ? A
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer A } } } }
    ? A
    : never;

export type Organisation = Answer<'/admin/organisations', 'get'>['organisations'][number];
export type User = Answer<'/admin/users', 'get'>['users'][number];
export type Invitation = Answer<'/admin/invitations', 'get'>['invitations'][number];
export type AdministeredProgramme = Answer<'/admin/programmes', 'get'>['programmes'][number];
export type ProgrammeMembers = Answer<'/admin/programmes/{programmeId}/members', 'get'>;
export type AdminRole = User['roles'][number]['role'];
export type InvitationRole = Invitation['role'];

/** The request's language, for the server's words (refusals, the invitation e-mail). */
export const speaking = (locale: Locale) => ({ 'accept-language': locale });

export const organisationsQuery = (locale: Locale) =>
  queryOptions({
    queryKey: ['admin', 'organisations', locale],
    queryFn: async () =>
      data(await api.GET('/admin/organisations', { headers: speaking(locale) })).organisations,
  });

export const usersQuery = (locale: Locale, organisation: string) =>
  queryOptions({
    queryKey: ['admin', 'users', locale, organisation],
    queryFn: async () =>
      data(
        await api.GET('/admin/users', {
          params: { query: organisation ? { organisation } : {} },
          headers: speaking(locale),
        }),
      ).users,
  });

export const invitationsQuery = (locale: Locale) =>
  queryOptions({
    queryKey: ['admin', 'invitations', locale],
    queryFn: async () =>
      data(await api.GET('/admin/invitations', { headers: speaking(locale) })).invitations,
  });

export const administeredProgrammesQuery = (locale: Locale) =>
  queryOptions({
    queryKey: ['admin', 'programmes', locale],
    queryFn: async () =>
      data(await api.GET('/admin/programmes', { headers: speaking(locale) })).programmes,
  });

export const membersQuery = (locale: Locale, programme: string) =>
  queryOptions({
    queryKey: ['admin', 'members', locale, programme],
    queryFn: async () =>
      data(
        await api.GET('/admin/programmes/{programmeId}/members', {
          params: { path: { programmeId: programme } },
          headers: speaking(locale),
        }),
      ),
    enabled: programme !== '',
  });
