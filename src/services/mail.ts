/**
 * Sending e-mail: through the SMTP server that RESULTA_SMTP_URL names, or, when none is
 * configured, into an outbox folder (RESULTA_OUTBOX, default `<data>/outbox`), one `.eml`
 * file per message, so that nothing leaves a machine nobody configured to send mail. Both
 * paths build the message with nodemailer; an `.eml` file is exactly what SMTP would carry
 * and opens in any mail program.
 *
 * Outbox files hold working invitation links: they are readable by their owner only, and
 * appear whole (written under a temporary name, then renamed).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';

export interface MailSettings {
  /** smtp:// or smtps:// with credentials if any; null writes to the outbox instead. */
  readonly smtpUrl: string | null;
  readonly outbox: string;
  /** The From header. */
  readonly from: string;
}

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** BCP 47 language of the text (Content-Language). */
  readonly language: string;
}

export type Delivery =
  | { readonly via: 'smtp'; readonly messageId: string }
  | { readonly via: 'outbox'; readonly file: string };

/** How long an SMTP server may take before the message counts as not sent. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export async function sendMail(settings: MailSettings, message: MailMessage): Promise<Delivery> {
  const envelope = {
    from: settings.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    // Readable in the file as well as in a mail program: quoted-printable, not base64.
    textEncoding: 'quoted-printable' as const,
    headers: { 'content-language': message.language },
  };
  if (settings.smtpUrl !== null) {
    const transport = createTransport({ url: settings.smtpUrl, ...SMTP_TIMEOUTS });
    try {
      const info = await transport.sendMail(envelope);
      return { via: 'smtp', messageId: info.messageId };
    } finally {
      transport.close();
    }
  }
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail(envelope);
  const bytes = info.message;
  if (!Buffer.isBuffer(bytes)) throw new Error('the mail composer gave no message bytes');
  await mkdir(settings.outbox, { recursive: true, mode: 0o700 });
  // Sortable by time, unique without coordination.
  const name = `${new Date().toISOString().replaceAll(':', '-')}-${randomBytes(4).toString('hex')}.eml`;
  const partial = join(settings.outbox, `.${name}.partial`);
  await writeFile(partial, bytes, { mode: 0o600 });
  await rename(partial, join(settings.outbox, name));
  return { via: 'outbox', file: join(settings.outbox, name) };
}

/** A From address for a machine nobody configured: the host's name. */
export function defaultSender(): string {
  return `Resulta <resulta@${hostname() || 'localhost'}>`;
}
