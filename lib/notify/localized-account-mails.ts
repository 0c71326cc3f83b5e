import { translatorFor } from '@/lib/i18n/catalogue';
import type { Locale } from '@/lib/i18n/locales';
import { escapeHtml } from './html';
import { button, layout } from './mail-layout';

/**
 * The sign-in and invitation e-mails in French or German (templates.ts writes the English, which
 * these follow sentence for sentence). Text parts take the catalogue's words as they are; HTML
 * parts escape every value before it goes in, and the catalogue's `<b>` becomes `<strong>`.
 */
type Rendered = { subject: string; text: string; html: string };

const bold = (chunks: string) => `<strong>${chunks}</strong>`;
const plain = (chunks: string) => chunks;

export function localizedMagicLinkMail(locale: Exclude<Locale, 'en'>, params: { url: string; host: string; expiresInMinutes: number }): Rendered {
  const t = translatorFor(locale);
  const { url, host, expiresInMinutes: minutes } = params;
  const subject = t('mail.signIn.subject', { host });
  const text = [t('mail.signIn.textLead', { host }), '', url, '', t('mail.signIn.textExpires', { minutes }), '', t('mail.signIn.textIgnore')].join('\n');
  const html = layout(
    subject,
    `<p style="margin:0 0 12px">${t.markup('mail.signIn.htmlLead', { host: escapeHtml(host), b: bold })}</p>${button(url, t('mail.signIn.button'))}
<p style="margin:0 0 12px;color:#52525b">${escapeHtml(t('mail.signIn.htmlExpires', { minutes }))}</p>
<p style="margin:0;color:#52525b;word-break:break-all">${escapeHtml(t('mail.signIn.paste'))}<br>${escapeHtml(url)}</p>`,
    t('mail.signIn.footer'),
    undefined,
    locale,
  );
  return { subject, text, html };
}

export function localizedInvitationMail(
  locale: Exclude<Locale, 'en'>,
  params: { url: string; organizationName: string; inviterName: string | null; role: string; expiresInDays: number },
): Rendered {
  const t = translatorFor(locale);
  const { url, organizationName: organization, expiresInDays: days } = params;
  const inviter = params.inviterName ?? t('mail.invitation.anAdmin');
  const role = t('mail.invitation.role', { role: params.role });
  const subject = t('mail.invitation.subject', { organization, inviter });
  const text = [
    t.markup('mail.invitation.lead', { inviter, organization, role, b: plain }),
    '',
    t('mail.invitation.openLink', { organization }),
    url,
    '',
    t('mail.invitation.notMember', { organization }),
    t('mail.invitation.expires', { days, organization }),
  ].join('\n');
  const html = layout(
    subject,
    `<p style="margin:0 0 12px">${t.markup('mail.invitation.lead', { inviter: escapeHtml(inviter), organization: escapeHtml(organization), role: escapeHtml(role), b: bold })}</p>
<p style="margin:0 0 12px">${escapeHtml(t('mail.invitation.about', { organization }))}</p>${button(url, t('mail.invitation.button', { organization }))}
<p style="margin:0;color:#52525b">${escapeHtml(t('mail.invitation.expires', { days, organization }))}</p>`,
    t('mail.invitation.footer', { organization }),
    undefined,
    locale,
  );
  return { subject, text, html };
}
