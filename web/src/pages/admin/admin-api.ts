/**
 * The administration API (src/api/routes/admin-people-routes.ts, admin-programme-routes.ts)
 * and its answers. Read through `fetch` in openapi-fetch's shape until the routes are in
 * docs/openapi.json; the types below follow their schemas.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Locale } from '../../../../src/domain/messages/locale.js';
import { ApiError, type ApiProblemBody } from '../../api/client.js';
import type { Role } from '../../app/session.js';

export type AdminRole = 'platform_admin' | 'organisation_admin' | 'programme_admin';
export type InvitationRole = 'member' | AdminRole;

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly kind: Role;
  readonly active_users: number;
  readonly programmes: number;
}

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly organisation: { readonly id: string; readonly name: string; readonly kind: Role };
  readonly roles: readonly { readonly role: AdminRole; readonly programme: string | null }[];
  readonly active: boolean;
  readonly created_at: string;
  readonly deactivated_at: string | null;
}

export interface Invitation {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly organisation: { readonly id: string; readonly name: string; readonly kind: Role };
  readonly role: InvitationRole;
  readonly programme: { readonly id: string; readonly title: string } | null;
  readonly language: Locale;
  readonly invited_by: string;
  readonly created_at: string;
  readonly expires_at: string;
  readonly status: 'pending' | 'expired' | 'accepted' | 'withdrawn';
}

export interface AdministeredProgramme {
  readonly id: string;
  readonly title: string;
  readonly funder: { readonly id: string; readonly name: string };
  readonly created_at: string;
  readonly contract_version: number | null;
  readonly members: number;
}

interface MemberOrganisation {
  readonly id: string;
  readonly name: string;
  readonly kind: Role;
  readonly active_users: number;
}

export interface ProgrammeMembers {
  readonly programme: { readonly id: string; readonly title: string };
  readonly funder: MemberOrganisation;
  readonly members: readonly MemberOrganisation[];
  readonly administrators: readonly {
    readonly id: string;
    readonly email: string;
    readonly name: string;
    readonly active: boolean;
  }[];
}

/** A call to the administration API; its refusal thrown as an ApiError. */
export async function adminCall<T>(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  locale: Locale,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { 'x-resulta-csrf': '1', 'accept-language': locale };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const answer = (await response.json().catch(() => ({}))) as unknown;
  if (!response.ok) throw new ApiError(response.status, answer as ApiProblemBody);
  return answer as T;
}

export const organisationsQuery = (locale: Locale) =>
  queryOptions({
    queryKey: ['admin', 'organisations', locale],
    queryFn: async () =>
      (await adminCall<{ organisations: Organisation[] }>('GET', '/admin/organisations', locale))
        .organisations,
  });

export const usersQuery = (locale: Locale, organisation: string) =>
  queryOptions({
    queryKey: ['admin', 'users', locale, organisation],
    queryFn: async () => {
      const query = organisation ? `?organisation=${encodeURIComponent(organisation)}` : '';
      return (await adminCall<{ users: User[] }>('GET', `/admin/users${query}`, locale)).users;
    },
  });

export const invitationsQuery = (locale: Locale) =>
  queryOptions({
    queryKey: ['admin', 'invitations', locale],
    queryFn: async () =>
      (await adminCall<{ invitations: Invitation[] }>('GET', '/admin/invitations', locale))
        .invitations,
  });

export const administeredProgrammesQuery = (locale: Locale) =>
  queryOptions({
    queryKey: ['admin', 'programmes', locale],
    queryFn: async () =>
      (await adminCall<{ programmes: AdministeredProgramme[] }>('GET', '/admin/programmes', locale))
        .programmes,
  });

export const membersQuery = (locale: Locale, programme: string) =>
  queryOptions({
    queryKey: ['admin', 'members', locale, programme],
    queryFn: () =>
      adminCall<ProgrammeMembers>(
        'GET',
        `/admin/programmes/${encodeURIComponent(programme)}/members`,
        locale,
      ),
    enabled: programme !== '',
  });
