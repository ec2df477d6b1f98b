/** The names of administrative and invitation roles, in the reader's language. */
import type { MessageCode } from '../../../../src/domain/messages/catalogue.js';
import type { AdminRole, InvitationRole } from './admin-api.js';

export const INVITATION_ROLE_LABEL: Record<InvitationRole, MessageCode> = {
  member: 'web.admin.role.member',
  organisation_admin: 'web.admin.role.organisation_admin',
  programme_admin: 'web.admin.role.programme_admin',
  platform_admin: 'web.admin.role.platform_admin',
};

export const ADMIN_ROLES: readonly AdminRole[] = [
  'platform_admin',
  'organisation_admin',
  'programme_admin',
];
