import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { env } from '@/lib/env';
import type { MailAttachment } from './meeting-invite';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** A stable Message-ID (the outbox row's), so a receiving server can drop a resend. */
  messageId?: string;
  /**
   * A stable file name for the mail folder (the outbox row's): a resend after a crash
   * overwrites the same file instead of adding a second copy.
   */
  fileId?: string;
  /** Files sent with the message, e.g. a meeting's calendar invitation (meeting-invite.ts). */
  attachments?: MailAttachment[];
};

/** What the file transport stores beside each .eml, for the development mail page and tests. */
export type StoredMailMeta = {
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  sentAt: string;
};

const globalKey = Symbol.for('quorate.smtpTransport');
type GlobalWithTransport = typeof globalThis & { [globalKey]?: Transporter };

/** Pooled: a fan-out of notices reuses a few connections instead of one per message. */
export function createSmtpTransporter(url: string): Transporter {
  return nodemailer.createTransport(url.includes('pool=') ? url : `${url}${url.includes('?') ? '&' : '?'}pool=true`);
}

function smtpTransport(url: string): Transporter {
  const g = globalThis as GlobalWithTransport;
  g[globalKey] ??= createSmtpTransporter(url);
  return g[globalKey];
}

/** Hands one message to an SMTP transporter; a refused recipient is an error (the outbox retries). */
export async function sendViaSmtp(transporter: Transporter, from: string, mail: OutgoingMail): Promise<{ id: string }> {
  const info = await transporter.sendMail({
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    messageId: mail.messageId,
    ...(mail.attachments ? { attachments: mail.attachments } : {}),
  });
  const failed = [...(info.rejected ?? []), ...(info.pending ?? [])];
  if (failed.length > 0) throw new Error(`The mail server refused ${failed.length} recipient(s).`);
  return { id: String(info.messageId) };
}

/**
 * Sends one message: through SMTP when SMTP_URL is set, otherwise into the mail folder as an
 * .eml file (plus a .json summary), which the development mail page lists.
 */
export async function sendMail(mail: OutgoingMail): Promise<{ id: string }> {
  const e = env();
  if (e.smtpUrl) return sendViaSmtp(smtpTransport(e.smtpUrl), e.mailFrom, mail);
  if (e.isProduction && !warnedNoSmtp) {
    warnedNoSmtp = true;
    console.warn(`[mail] SMTP_URL is not set: e-mails are written to ${e.mailDir} and nobody receives them.`);
  }
  return writeMailFile(e.mailDir, { ...mail, from: e.mailFrom });
}

let warnedNoSmtp = false;

export async function writeMailFile(dir: string, message: OutgoingMail & { from: string }): Promise<{ id: string }> {
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const { fileId, ...rest } = message;
  const info = await stream.sendMail(rest);
  const sentAt = new Date();
  const id = fileId ?? `${sentAt.toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}`;
  await mkdir(dir, { recursive: true });
  const meta: StoredMailMeta = {
    id,
    to: message.to,
    from: message.from,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers,
    ...(message.attachments ? { attachments: message.attachments } : {}),
    sentAt: sentAt.toISOString(),
  };
  // The .eml is written under a temporary name and renamed too: a resend replaces it whole.
  const tmpEml = path.join(dir, `.${id}.eml.tmp`);
  await writeFile(tmpEml, info.message as Buffer);
  await rename(tmpEml, path.join(dir, `${id}.eml`));
  // Written under a temporary name, then renamed: a reader never sees half a file.
  const tmp = path.join(dir, `.${id}.json.tmp`);
  await writeFile(tmp, JSON.stringify(meta, null, 2));
  await rename(tmp, path.join(dir, `${id}.json`));
  return { id };
}

/** Newest first. Only the development mail page and tests read the folder. */
export async function listStoredMail(dir = env().mailDir, limit = 100): Promise<StoredMailMeta[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const metas = names
    .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
    .sort()
    .reverse()
    .slice(0, limit);
  const out: StoredMailMeta[] = [];
  for (const name of metas) {
    try {
      out.push(JSON.parse(await readFile(path.join(dir, name), 'utf8')) as StoredMailMeta);
    } catch {
      // A file being written or removed meanwhile is skipped, not fatal.
    }
  }
  return out;
}
