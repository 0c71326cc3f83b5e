import { translatorFor } from '@/lib/i18n/catalogue';
import type { Locale } from '@/lib/i18n/locales';
import type { NotificationKind } from './kinds';
import { foundingClosedLines, meetingLines, petitionLines, receiptLines, rollCallLines, vacancyLines, writtenConsentLines } from './localized-body-lines';
import { commentsClosingLines, decisionLines, emergencyLines, followedLines, nominationLines, rightOfReplyLines } from './localized-proposal-lines';
import type { Words } from './localized-proposal-lines';
import type { Lines, NotificationPayload } from './payload';

/**
 * The notices written in the recipient's language (docs/i18n.md): every kind there is. A notice to
 * someone whose language is English, or of a kind added later and not listed here, is the English
 * of templates.ts.
 */
export const localizedKinds: ReadonlySet<NotificationKind> = new Set<NotificationKind>([
  'proposal_published',
  'voting_open',
  'vote_reminder',
  'decision',
  'followed_activity',
  'comment_window_closing',
  'ballot_receipt',
  'petition_threshold',
  'petition_update',
  'meeting_notice',
  'meeting_roll_call',
  'written_consent',
  'digest',
  'right_of_reply',
  'vacancy_overdue',
  'ratification_reminder',
  'emergency_lapsed',
  'founding_closed',
  'nomination',
]);

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
/** The English lines of a kind (templates.ts): a digest names a notice not translated yet by its English subject. */
type English = (kind: NotificationKind, payload: NotificationPayload) => Lines;

/** Kinds with their own reason for being mandatory (kinds.ts's mandatoryReasons), in the catalogue. */
const mandatoryKeys = [
  'right_of_reply',
  'founding_closed',
  'nomination',
  'ballot_receipt',
  'petition_threshold',
  'meeting_notice',
  'petition_update',
  'written_consent',
  'meeting_roll_call',
] as const;
const hasMandatoryKey = (kind: NotificationKind): kind is (typeof mandatoryKeys)[number] => (mandatoryKeys as readonly string[]).includes(kind);

/** Why an optional notice came: its kind as the preferences name it. */
function kindLabel(t: Words['t'], kind: NotificationKind): string {
  switch (kind) {
    case 'proposal_published':
    case 'voting_open':
    case 'vote_reminder':
      return t(`email.kind_${kind}`);
    case 'decision':
    case 'comment_window_closing':
    case 'followed_activity':
    case 'petition_update':
    case 'vacancy_overdue':
    case 'digest':
      return t(`mail.kind.${kind}`);
    default:
      return kind;
  }
}

/** A digest: each notice folded into it by its subject, then the member-wide votes waiting and the recipient's delegations. */
function digestLines(w: Words, p: NotificationPayload, english: English): Lines {
  const { t, when } = w;
  const items = p.items ?? [];
  const waiting = (p.waiting ?? []).map((v) =>
    t('mail.digest.waiting', { number: v.number, title: v.title, closes: when(v.closesAt), delegate: String(v.delegateVoted) }),
  );
  const delegations = (p.delegations ?? []).map((d) =>
    t('mail.digest.delegation', {
      delegate: d.delegateName,
      scope: d.proposalNumber !== null ? 'proposal' : d.typeKey !== null ? 'type' : 'all',
      proposal: d.proposalNumber ?? '',
      type: d.typeKey ?? '',
    }),
  );
  return {
    subject: t('mail.digest.subject', { count: items.length }),
    lead: t('mail.digest.lead', { count: items.length }),
    detail: [
      ...items.map(
        (i) => `• ${(i.kind !== 'digest' && localizedKinds.has(i.kind) ? linesOf(w, i.kind, i.payload, english) : english(i.kind, i.payload)).subject}`,
      ),
      ...waiting,
      ...delegations,
    ],
    action: t('mail.digest.action'),
  };
}

/** The lines of a translated kind. */
function linesOf(w: Words, kind: NotificationKind, p: NotificationPayload, english: English): Lines {
  const { t, when } = w;
  const ref = `#${p.number ?? '?'} ${p.title ?? ''}`.trim();
  const body = p.bodyName ?? t('email.decidingBody');
  switch (kind) {
    case 'proposal_published':
      return {
        subject: t('email.publishedSubject', { ref }),
        lead: t('email.publishedLead', { type: p.typeName ?? t('email.aProposal'), ref }),
        detail: [t('email.publishedDetail', { closes: when(p.discussionClosesAt) })],
        action: t('email.publishedAction'),
      };
    case 'voting_open':
      if (p.consent) {
        return {
          subject: t('email.consentSubject', { ref }),
          lead: t('email.consentLead', { body, ref }),
          detail: [t('email.consentDetail', { closes: when(p.closesAt) })],
          action: t('email.consentAction'),
        };
      }
      return {
        subject: t('email.votingSubject', { ref }),
        lead: t('email.votingLead', { body, ref }),
        detail: [t('email.votingDetail', { closes: when(p.closesAt) })],
        action: t('email.votingAction'),
      };
    case 'vote_reminder':
      return {
        subject: t('email.reminderSubject', { ref }),
        lead: t('email.reminderLead', { body, ref }),
        detail: [t('email.votingDetail', { closes: when(p.closesAt) })],
        action: t('email.votingAction'),
      };
    case 'decision':
      return decisionLines(w, ref, p);
    case 'followed_activity':
      return followedLines(w, ref, p);
    case 'comment_window_closing':
      return commentsClosingLines(w, ref, p);
    case 'ballot_receipt':
      return receiptLines(w, ref, p);
    case 'petition_threshold':
    case 'petition_update':
      return petitionLines(w, kind, p);
    case 'meeting_notice':
      return meetingLines(w, p.meeting);
    case 'meeting_roll_call':
      return rollCallLines(w, p.rollCall, p.bodyName);
    case 'written_consent':
      return writtenConsentLines(w, p);
    case 'digest':
      return digestLines(w, p, english);
    case 'right_of_reply':
      return rightOfReplyLines(w, ref, p);
    case 'vacancy_overdue':
      return vacancyLines(w, p);
    case 'ratification_reminder':
    case 'emergency_lapsed':
      return emergencyLines(w, kind, ref, p);
    case 'founding_closed':
      return foundingClosedLines(w, ref, p);
    case 'nomination':
      return nominationLines(w, ref, p);
  }
}

/** The notice's lines and shell words in the recipient's language, or null for English or a notice not yet translated. */
export function localizedNotice(ctx: Context, english: English): { lines: Lines; words: ShellWords } | null {
  const locale = ctx.locale;
  if (!locale || locale === 'en' || !localizedKinds.has(ctx.kind)) return null;
  const t = translatorFor(locale);
  // Dates in the reader's language, always UTC, as on the pages.
  const when = (iso: string | undefined) => (iso ? t('common.when', { at: new Date(iso) }) : t('email.soon'));
  const lines = linesOf({ t, when }, ctx.kind, ctx.payload, english);
  const kind = ctx.kind;
  const words: ShellWords = {
    lang: locale,
    hello: (name) => (name ? t('email.hello', { name }) : t('email.helloAnonymous')),
    why: (mandatory, organization) =>
      mandatory
        ? kind === 'proposal_published'
          ? t('email.whyMandatoryPublished')
          : hasMandatoryKey(kind)
            ? t(`mail.mandatory.${kind}`)
            : t('email.whyMandatory')
        : kind === 'followed_activity'
          ? t('mail.whyFollowed', { organization, kind: kindLabel(t, kind) })
          : t('email.whyOptional', { organization, kind: kindLabel(t, kind) }),
    unsubscribeLine: (url) => t('email.unsubscribeLine', { url }),
    unsubscribe: t('email.unsubscribe'),
    prefsLine: (url) => t('email.prefsLine', { url }),
    prefs: t('email.prefs'),
    checkpoint: (size, root, orgUrl) => t('email.checkpoint', { size, root, orgUrl, file: '<file>' }),
  };
  return { lines, words };
}
