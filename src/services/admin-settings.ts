/**
 * The administration settings from the environment (docs/operations.md), read once at
 * start: where e-mail goes, the address it comes from, the server's public address for
 * invitation links, and how long an invitation lasts. A bad value stops the server or the
 * command with the variable, the value and what was expected.
 */
import { join } from 'node:path';
import { say } from '../domain/messages/catalogue.js';
import type { InvitationPolicy } from './invitations.js';
import { defaultSender, type MailSettings } from './mail.js';

export interface AdminSettings {
  readonly mail: MailSettings;
  readonly invitations: InvitationPolicy;
}

export const DEFAULT_INVITATION_DAYS = 7;
const MAX_INVITATION_DAYS = 30;

export function adminSettingsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  dataDir = env.RESULTA_DATA || 'data',
): AdminSettings {
  const smtp = env.RESULTA_SMTP_URL?.trim() || null;
  if (smtp !== null) url('RESULTA_SMTP_URL', smtp, ['smtp:', 'smtps:']);
  const port = env.PORT?.trim() || '8080';
  const publicUrl = url(
    'RESULTA_PUBLIC_URL',
    env.RESULTA_PUBLIC_URL?.trim() || `http://127.0.0.1:${port}`,
    ['http:', 'https:'],
  );
  return {
    mail: {
      smtpUrl: smtp,
      outbox: env.RESULTA_OUTBOX?.trim() || join(dataDir, 'outbox'),
      from: env.RESULTA_MAIL_FROM?.trim() || defaultSender(),
    },
    invitations: { days: days(env.RESULTA_INVITATION_DAYS), publicUrl },
  };
}

function url(name: string, text: string, protocols: readonly string[]): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(text);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !protocols.includes(parsed.protocol))
    throw new Error(
      say('admin.settings.url', { name, value: redacted(text), protocols: protocols.join(' ') }),
    );
  return text.replace(/\/+$/, '');
}

/** A URL as it may be printed: without its password. */
function redacted(text: string): string {
  return text.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}

function days(text: string | undefined): number {
  const trimmed = text?.trim();
  if (trimmed === undefined || trimmed === '') return DEFAULT_INVITATION_DAYS;
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_INVITATION_DAYS)
    throw new Error(
      say('admin.settings.days', {
        name: 'RESULTA_INVITATION_DAYS',
        value: trimmed,
        max: MAX_INVITATION_DAYS,
      }),
    );
  return value;
}
