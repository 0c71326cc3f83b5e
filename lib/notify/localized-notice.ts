import { translatorFor } from '@/lib/i18n/catalogue';
import type { Locale } from '@/lib/i18n/locales';
import type { NotificationKind } from './kinds';
import type { Lines, NotificationPayload } from './payload';

/**
 * The notices written in the recipient's language so far (docs/i18n.md): a proposal published for
 * comment, voting (or a consent window) open, and the vote reminder. Every other notice, and every
 * notice to someone whose language is English, is the English of templates.ts.
 */
export const localizedKinds: ReadonlySet<NotificationKind> = new Set<NotificationKind>(['proposal_published', 'voting_open', 'vote_reminder']);

/** The words around a notice's lines: greeting, why it was sent, how to stop it, the checkpoint. */
export type ShellWords = {
  lang: string;
  hello: (name: string | null) => string;
  why: (mandatory: boolean, organization: string) => string;
  unsubscribeLine: (url: string) => string;
  unsubscribe: string;
  prefsLine: (url: string) => string;
  prefs: string;
  checkpoint: (size: number, root: string, orgUrl: string) => string;
};

type Context = { kind: NotificationKind; payload: NotificationPayload; locale?: Locale };

/** The notice's lines and shell words in the recipient's language, or null for English or a notice not yet translated. */
export function localizedNotice(ctx: Context): { lines: Lines; words: ShellWords } | null {
  const locale = ctx.locale;
  if (!locale || locale === 'en' || !localizedKinds.has(ctx.kind)) return null;
  const t = translatorFor(locale);
  const p = ctx.payload;
  const ref = `#${p.number ?? '?'} ${p.title ?? ''}`.trim();
  // Dates in the reader's language, always UTC, as on the pages.
  const when = (iso: string | undefined) => (iso ? t('common.when', { at: new Date(iso) }) : t('email.soon'));
  const body = p.bodyName ?? t('email.decidingBody');
  const lines: Lines =
    ctx.kind === 'proposal_published'
      ? {
          subject: t('email.publishedSubject', { ref }),
          lead: t('email.publishedLead', { type: p.typeName ?? t('email.aProposal'), ref }),
          detail: [t('email.publishedDetail', { closes: when(p.discussionClosesAt) })],
          action: t('email.publishedAction'),
        }
      : ctx.kind === 'voting_open' && p.consent
        ? {
            subject: t('email.consentSubject', { ref }),
            lead: t('email.consentLead', { body, ref }),
            detail: [t('email.consentDetail', { closes: when(p.closesAt) })],
            action: t('email.consentAction'),
          }
        : {
            subject: t(ctx.kind === 'voting_open' ? 'email.votingSubject' : 'email.reminderSubject', { ref }),
            lead: t(ctx.kind === 'voting_open' ? 'email.votingLead' : 'email.reminderLead', { body, ref }),
            detail: [t('email.votingDetail', { closes: when(p.closesAt) })],
            action: t('email.votingAction'),
          };
  const kind = ctx.kind as 'proposal_published' | 'voting_open' | 'vote_reminder';
  const words: ShellWords = {
    lang: locale,
    hello: (name) => (name ? t('email.hello', { name }) : t('email.helloAnonymous')),
    why: (mandatory, organization) =>
      mandatory
        ? t(kind === 'proposal_published' ? 'email.whyMandatoryPublished' : 'email.whyMandatory')
        : t('email.whyOptional', { organization, kind: t(`email.kind_${kind}`) }),
    unsubscribeLine: (url) => t('email.unsubscribeLine', { url }),
    unsubscribe: t('email.unsubscribe'),
    prefsLine: (url) => t('email.prefsLine', { url }),
    prefs: t('email.prefs'),
    checkpoint: (size, root, orgUrl) => t('email.checkpoint', { size, root, orgUrl, file: '<file>' }),
  };
  return { lines, words };
}
