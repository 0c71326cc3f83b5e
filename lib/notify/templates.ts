import { escapeHtml } from './html';

export type RenderedMail = { subject: string; text: string; html: string };

function layout(title: string, bodyHtml: string, footer: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;background:#f4f4f5;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#18181b">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:12px;border:1px solid #e4e4e7">
<tr><td style="padding:20px 28px;border-bottom:1px solid #e4e4e7;font-weight:700;font-size:18px;color:#3730a3">Quorate</td></tr>
<tr><td style="padding:28px;font-size:15px;line-height:1.6">${bodyHtml}</td></tr>
<tr><td style="padding:16px 28px;border-top:1px solid #e4e4e7;font-size:12px;color:#71717a">${escapeHtml(footer)}</td></tr>
</table></td></tr></table></body></html>`;
}

function button(url: string, label: string): string {
  return `<p style="margin:28px 0"><a href="${escapeHtml(url)}" style="background:#4338ca;color:#ffffff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600;display:inline-block">${escapeHtml(label)}</a></p>`;
}

export function magicLinkMail(params: { url: string; host: string; expiresInMinutes: number }): RenderedMail {
  const { url, host, expiresInMinutes } = params;
  const subject = `Sign in to Quorate (${host})`;
  const text = [
    `Sign in to Quorate at ${host}:`,
    '',
    url,
    '',
    `The link works once and expires in ${expiresInMinutes} minutes. It opens a page with a "Sign in" button, so a mail scanner that opens links cannot use it up.`,
    '',
    'If you did not ask to sign in, ignore this message: nothing happens without the button.',
  ].join('\n');
  const html = layout(
    subject,
    `<p style="margin:0 0 12px">Use the button below to sign in to Quorate at <strong>${escapeHtml(host)}</strong>.</p>${button(url, 'Sign in to Quorate')}
<p style="margin:0 0 12px;color:#52525b">The link works once and expires in ${expiresInMinutes} minutes.</p>
<p style="margin:0;color:#52525b;word-break:break-all">Or paste this address into your browser:<br>${escapeHtml(url)}</p>`,
    'If you did not ask to sign in, ignore this message: nothing happens until you press the button.',
  );
  return { subject, text, html };
}

export function invitationMail(params: {
  url: string;
  organizationName: string;
  inviterName: string;
  roleLabel: string;
  expiresInDays: number;
}): RenderedMail {
  const { url, organizationName, inviterName, roleLabel, expiresInDays } = params;
  const subject = `[${organizationName}] You have been invited to Quorate`;
  const text = [
    `${inviterName} added you to ${organizationName} on Quorate as ${roleLabel.toLowerCase()}.`,
    '',
    'Sign in with this link to take part:',
    url,
    '',
    `The link works once and expires in ${expiresInDays} days. After that, sign in from the Quorate home page with this e-mail address.`,
  ].join('\n');
  const html = layout(
    subject,
    `<p style="margin:0 0 12px"><strong>${escapeHtml(inviterName)}</strong> added you to <strong>${escapeHtml(organizationName)}</strong> on Quorate as ${escapeHtml(roleLabel.toLowerCase())}.</p>
<p style="margin:0 0 12px">Quorate is where ${escapeHtml(organizationName)} raises proposals, deliberates and decides in the open.</p>${button(url, `Join ${organizationName}`)}
<p style="margin:0;color:#52525b">The link works once and expires in ${expiresInDays} days. After that, sign in from the Quorate home page with this e-mail address.</p>`,
    `You receive this because an admin of ${organizationName} invited this address.`,
  );
  return { subject, text, html };
}
