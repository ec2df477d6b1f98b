/**
 * The invitation e-mail, in the language the invitation carries, and sending it. A message
 * that cannot be sent withdraws its invitation (a link nobody received must not stay
 * valid), so the administrator simply invites again once mail works.
 */
import { say } from '../domain/messages/catalogue.js';
import type { Locale } from '../domain/messages/locale.js';
import { AdminRefusal } from './admin-refusal.js';
import type { Administrator } from './admin-rights.js';
import {
  createInvitation,
  type InvitationPolicy,
  type InvitationRequest,
  type NewInvitation,
  withdrawInvitation,
} from './invitations.js';
import { type Delivery, type MailMessage, type MailSettings, sendMail } from './mail.js';

export interface InvitationSent extends NewInvitation {
  readonly delivery: Delivery;
}

/** Invites and sends the link by e-mail (SMTP, or the outbox when none is configured). */
export async function inviteByMail(
  store: Parameters<typeof createInvitation>[0],
  admin: Administrator,
  asked: InvitationRequest,
  settings: { readonly mail: MailSettings; readonly invitations: InvitationPolicy },
  /** How the e-mail names the inviter ("Ana Pérez (ana@…)"); null for the operator. */
  inviter: string | null,
  now = new Date(),
): Promise<InvitationSent> {
  const made = await createInvitation(store, admin, asked, settings.invitations, now);
  try {
    const delivery = await sendMail(settings.mail, invitationMessage(made, inviter));
    return { ...made, delivery };
  } catch (error) {
    await withdrawInvitation(store, admin, made.invitation.id);
    throw new AdminRefusal('unavailable', 'admin.mail.failed', {}, { cause: error });
  }
}

export function invitationMessage(made: NewInvitation, inviter: string | null): MailMessage {
  const { invitation: i, link } = made;
  const locale = i.language;
  const params = {
    inviter: inviter ?? say('admin.mail.operator', {}, locale),
    organisation: i.organisation.name,
    role: say(`admin.role.${i.role}`, {}, locale),
    link,
    expires: formatExpiry(i.expiresAt, locale),
  };
  const body = i.programme
    ? say('admin.mail.body_programme', { ...params, programme: i.programme.title }, locale)
    : say('admin.mail.body', params, locale);
  return {
    to: i.email,
    subject: say('admin.mail.subject', { organisation: i.organisation.name }, locale),
    text: `${body}\n`,
    language: locale,
  };
}

/** "23 November 2026, 14:05 UTC", as a reader of the language writes it. */
export function formatExpiry(at: Date, locale: Locale): string {
  const text = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(at);
  return `${text} UTC`;
}
