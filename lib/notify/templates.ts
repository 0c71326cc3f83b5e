import { checkpointBlock } from '@/lib/log/saved-checkpoint';
import type { Locale } from '@/lib/i18n/locales';
import { escapeHtml } from './html';
import { button, layout } from './mail-layout';
import { localizedInvitationMail, localizedMagicLinkMail } from './localized-account-mails';
import { localizedNotice } from './localized-notice';
import { kindLabels, mandatoryReasons } from './kinds';
import type { NotificationKind } from './kinds';
import { followedLines } from './followed-lines';
import { meetingNoticeLines, rollCallLines } from './meeting-lines';
import type { Lines, NotificationPayload } from './payload';

export type { FollowedActivity, Lines, NotificationPayload, TallySummary } from './payload';
import { outcomeWords, when } from './template-words';
import { writtenConsentLines } from './written-consent-lines';

export type RenderedMail = { subject: string; text: string; html: string };

/** The sign-in link, in `locale` (English when none is given). */
export function magicLinkMail(params: { url: string; host: string; expiresInMinutes: number; locale?: Locale }): RenderedMail {
  if (params.locale && params.locale !== 'en') return localizedMagicLinkMail(params.locale, params);
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

/**
 * The invitation, for a new address and for someone who already uses Quorate alike: the subject
 * and the body name the organization that invites, who invited, and that nothing happens until
 * the invitee accepts.
 */
export function invitationMail(params: {
  url: string;
  organizationName: string;
  /** Who invited (their name, else their address); null: an admin. */
  inviterName: string | null;
  roleLabel: string;
  expiresInDays: number;
  /** The invitee's language, and the role's code to name it in that language (English when no locale is given). */
  locale?: Locale;
  role?: string;
}): RenderedMail {
  if (params.locale && params.locale !== 'en')
    return localizedInvitationMail(params.locale, { ...params, role: params.role ?? params.roleLabel.toLowerCase() });
  const { url, organizationName, roleLabel, expiresInDays } = params;
  const inviterName = params.inviterName ?? 'An admin';
  const role = roleLabel.toLowerCase();
  const subject = `[${organizationName}] ${inviterName} invites you to join ${organizationName}`;
  const text = [
    `${inviterName} invited you to join ${organizationName} on Quorate as ${role}.`,
    '',
    `Open this link to sign in and accept or decline the invitation to ${organizationName}:`,
    url,
    '',
    `You are not a member of ${organizationName} until you accept, and you receive none of its notices before that.`,
    `The link works once and expires in ${expiresInDays} days. After that, ask an admin of ${organizationName} to send it again.`,
  ].join('\n');
  const html = layout(
    subject,
    `<p style="margin:0 0 12px"><strong>${escapeHtml(inviterName)}</strong> invited you to join <strong>${escapeHtml(organizationName)}</strong> on Quorate as ${escapeHtml(role)}.</p>
<p style="margin:0 0 12px">Quorate is where ${escapeHtml(organizationName)} raises proposals, deliberates and decides in the open. You are not a member until you accept, and you receive none of its notices before that.</p>${button(url, `See the invitation to ${organizationName}`)}
<p style="margin:0;color:#52525b">The link works once and expires in ${expiresInDays} days. After that, ask an admin of ${escapeHtml(organizationName)} to send it again.</p>`,
    `You receive this because an admin of ${organizationName} invited this address.`,
  );
  return { subject, text, html };
}

// --- Governance notifications ---------------------------------------------------------------

export type NotificationContext = {
  kind: NotificationKind;
  payload: NotificationPayload;
  organizationName: string;
  /** Absolute base URL of the app and the organization's slug, for links. */
  appUrl: string;
  orgSlug: string;
  recipientName: string | null;
  mandatory: boolean;
  /** Optional notices only: the one-click unsubscribe link. */
  unsubscribeUrl: string | null;
  preferencesUrl: string;
  /** The organization's latest signed log checkpoint: `note` is the full signed note. The worker sends no notice without it (lib/notify/delivery.ts); null renders none. */
  checkpoint: { size: number; rootHash: string; note: string } | null;
  /** The recipient's language (their choice, else the organization's default): the notices localized-notice.ts translates are written in it. */
  locale?: Locale;
};

/** The page a notice is about. */
export function notificationLink(ctx: Pick<NotificationContext, 'appUrl' | 'orgSlug' | 'kind' | 'payload'>): string {
  const base = `${ctx.appUrl}/o/${ctx.orgSlug}`;
  if (ctx.kind === 'vacancy_overdue' || ctx.kind === 'founding_closed') return `${base}/seats`;
  if (ctx.kind === 'petition_threshold' || ctx.kind === 'petition_update') return `${base}/petitions/${ctx.payload.petitionNumber ?? ''}`;
  if (ctx.kind === 'meeting_notice') return `${base}/meetings/${ctx.payload.meeting?.number ?? ''}`;
  if (ctx.kind === 'meeting_roll_call') return `${base}/meetings/${ctx.payload.rollCall?.meetingNumber ?? ''}`;
  if (ctx.kind === 'written_consent') return `${base}/written-consents/${ctx.payload.consentNumber ?? ''}`;
  if (ctx.kind === 'digest' || ctx.payload.number === undefined) return base;
  if (ctx.kind === 'ballot_receipt') return `${base}/proposals/${ctx.payload.number}/receipt`;
  return `${base}/proposals/${ctx.payload.number}`;
}

function describe(kind: NotificationKind, p: NotificationPayload): Lines {
  const ref = `#${p.number ?? '?'} ${p.title ?? ''}`.trim();
  switch (kind) {
    case 'proposal_published':
      return {
        subject: `New proposal ${ref}`,
        lead: `${p.typeName ?? 'A proposal'} ${ref} has been published for comment.`,
        detail: [`Comments are open until ${when(p.discussionClosesAt)}; voting cannot open before then.`],
        action: 'Read and comment',
      };
    case 'right_of_reply':
      return {
        subject: `You have a right of reply on ${ref}`,
        lead: `${p.typeName ?? 'A proposal'} ${ref} names you as its subject.`,
        detail: [
          `You may post a reply before voting opens. Comments close ${when(p.discussionClosesAt)}${p.replyClosesAt ? `; your reply is guaranteed a place until ${when(p.replyClosesAt)}` : ''}.`,
        ],
        action: 'Read the proposal and reply',
      };
    case 'comment_window_closing':
      return {
        subject: `Comments close soon on ${ref}`,
        lead: `The comment window on ${ref} closes within 24 hours.`,
        detail: [`It closes ${when(p.discussionClosesAt)}.`],
        action: 'Comment before it closes',
      };
    case 'voting_open':
      if (p.consent) {
        return {
          subject: `The consent window is open on ${ref}`,
          lead: `The ${p.bodyName ?? 'deciding body'} decides ${ref} by consent: it passes unless an objection stands when the window closes.`,
          detail: [`The window closes ${when(p.closesAt)}. If you cannot consent, object on the proposal's page and give your reason; everyone can read it.`],
          action: 'Read the proposal',
        };
      }
      return {
        subject: `Voting is open on ${ref}`,
        lead: `Voting by the ${p.bodyName ?? 'deciding body'} on ${ref} is open.`,
        detail: [`Voting closes ${when(p.closesAt)}.`],
        action: 'Cast your vote',
      };
    case 'vote_reminder':
      return {
        subject: `Reminder: you have not voted on ${ref}`,
        lead: `Voting by the ${p.bodyName ?? 'deciding body'} on ${ref} closes within 24 hours and you have not voted yet.`,
        detail: [`Voting closes ${when(p.closesAt)}.`],
        action: 'Cast your vote',
      };
    case 'decision': {
      const t = p.tally;
      if (p.chosen && p.outcome === 'passed') {
        return {
          subject: `Decided: ${ref} chose ${p.chosen.join(', ')}`,
          lead: `${ref} chose ${p.chosen.join(', ')}.`,
          detail: t
            ? [
                `${t.cast} secret ballot(s) of ${t.charterSeats} charter seats; quorum ${t.quorumRequired} met. The count and the ballots without names are on the page.`,
              ]
            : [],
          action: 'See the count',
        };
      }
      const n = p.objectionsStood;
      const consent =
        n === undefined
          ? null
          : n === 0
            ? 'Decided by consent: no objection stood when the window closed.'
            : `Decided by consent: ${n} ${n === 1 ? 'objection' : 'objections'} stood when the window closed. The objections and their reasons are on the proposal's page.`;
      const tally =
        t && t.yes + t.no + t.abstain === t.cast
          ? [
              `Tally: ${t.yes} yes, ${t.no} no, ${t.abstain} abstain (${t.cast} of ${t.charterSeats} charter seats voted; quorum ${t.quorumRequired}${t.quorumMet ? ' met' : ' not met'}; ${t.yesRequired} yes needed).`,
            ]
          : [];
      return {
        subject: `Decided: ${ref} ${outcomeWords[p.outcome ?? ''] ?? p.outcome ?? ''}`.trim(),
        lead: `${ref} ${outcomeWords[p.outcome ?? ''] ?? `ended: ${p.outcome}`}.`,
        detail: consent ? [consent] : tally,
        action: consent ? 'See the decision' : 'See the decision and roll call',
      };
    }
    case 'vacancy_overdue':
      if (p.seats) {
        const n = p.seats.length;
        const body = p.bodyName ?? 'board';
        return {
          subject:
            n === 1 ? `Seat ${p.seats[0]!.position} on the ${body} is vacant past its deadline` : `${n} seats on the ${body} are vacant past their deadline`,
          lead: `${n === 1 ? 'One seat' : `${n} seats`} on the ${body} ${n === 1 ? 'has' : 'have'} been vacant longer than the ${p.deadlineDays ?? '?'} days the charter allows:`,
          detail: [
            ...p.seats.map((x) => `Seat ${x.position}: vacant since ${when(x.vacatedAt)}`),
            'A vacancy weakens the body’s ability to decide. Members can propose an appointment.',
          ],
          action: 'See the seats',
        };
      }
      // Alarms enqueued before they were grouped by body carry one seat.
      return {
        subject: `Seat ${p.position ?? ''} on the ${p.bodyName ?? 'board'} is vacant past its deadline`.replace('  ', ' '),
        lead: `Seat ${p.position ?? ''} on the ${p.bodyName ?? 'board'} has been vacant since ${when(p.vacatedAt)}, longer than the ${p.deadlineDays ?? '?'} days the charter allows.`,
        detail: ['A vacancy weakens the body’s ability to decide. Members can propose an appointment.'],
        action: 'See the seats',
      };
    case 'ratification_reminder':
      return {
        subject: `Ratify ${ref} by ${when(p.ratifyBy)} or it lapses`,
        lead: `The emergency decision ${ref} must be ratified by a normal proposal by ${when(p.ratifyBy)}, or it lapses.`,
        detail: ['A ratifying proposal needs its full comment window and vote before that time. Start one from the decision’s page.'],
        action: 'See the decision and start its ratification',
      };
    case 'emergency_lapsed':
      return {
        subject: `${ref} has lapsed: not ratified in time`,
        lead: `The emergency decision ${ref} has lapsed: it was not ratified${p.ratifyBy ? ` by ${when(p.ratifyBy)}` : ' in time'}.`,
        detail: ['A lapsed decision no longer stands. It cannot be ratified now; a new proposal is needed to decide the matter again.'],
        action: 'See the decision',
      };
    case 'followed_activity':
      return followedLines(ref, p);
    case 'nomination':
      return {
        subject: `You are nominated: ${ref}`,
        lead: `${p.actorName || 'A member'} nominated you as a candidate in the election ${ref}.`,
        detail: [`You are a candidate only if you accept, on the proposal page, before the comment window closes (${when(p.closesAt)}). You may also decline.`],
        action: 'Answer on the proposal page',
      };
    case 'ballot_receipt':
      return {
        subject: `Your ballot receipt for ${ref}`,
        lead: `Your secret ballot on ${ref} is recorded. Your receipt: ${p.receipt ?? '?'}`,
        detail: [
          `Keep it to find your ballot after the close. When voting closes (${when(p.closesAt)}), the counted ballots are published without names, each with its receipt, so you can check that yours was counted as you cast it.`,
          'If you change your ballot you get a new receipt: only your last ballot’s receipt is published. Anyone you show the receipt to can look your ballot up after the close.',
        ],
        action: 'Find your ballot after the close',
      };
    case 'founding_closed': {
      const vacant = p.vacantSeats ?? 0;
      return {
        subject: 'Founding appointments have closed',
        lead: `${ref}, the organization’s first proposal, has been published, so founding appointments are now closed.`,
        detail: [
          vacant > 0
            ? `${vacant === 1 ? '1 seat is' : `${vacant} seats are`} still vacant. From now on, seats are filled by appointment proposals, voted on under the charter.`
            : 'Every seat was filled by then. From now on, seats change by proposal or by a holder’s resignation.',
        ],
        action: 'See the seats',
      };
    }
    case 'written_consent':
      return writtenConsentLines(p);
    case 'petition_threshold':
      return {
        subject: `Petition #${p.petitionNumber ?? '?'} reached its threshold: the ${p.bodyName ?? 'body'} must answer`,
        lead: `Petition #${p.petitionNumber ?? '?'} ${p.title ?? ''} has ${p.signatures ?? '?'} signatures, the charter’s threshold.`.replace('  ', ' '),
        detail: [
          `The ${p.bodyName ?? 'body'} must answer it publicly by ${when(p.answerDueAt)}. A missed deadline is flagged on the organization’s public pages.`,
        ],
        action: 'Read the petition',
      };
    case 'petition_update':
      return p.petitionEvent === 'answered'
        ? {
            subject: `Petition #${p.petitionNumber ?? '?'} has been answered${p.late ? ', after its deadline' : ''}`,
            lead: `The ${p.bodyName ?? 'body'} answered petition #${p.petitionNumber ?? '?'} ${p.title ?? ''}.`.replace('  ', ' '),
            detail: ['The answer is public on the petition’s page and in the decision log.'],
            action: 'Read the answer',
          }
        : {
            subject: `Petition #${p.petitionNumber ?? '?'}: the ${p.bodyName ?? 'body'} missed its deadline to answer`,
            lead: `The ${p.bodyName ?? 'body'} had to answer petition #${p.petitionNumber ?? '?'} ${p.title ?? ''} publicly by ${when(p.answerDueAt)}, and has not.`.replace(
              '  ',
              ' ',
            ),
            detail: ['The missed deadline is flagged on the organization’s public pages and in its governance health until the answer is given.'],
            action: 'Read the petition',
          };
    case 'meeting_notice':
      return meetingNoticeLines(p.meeting);
    case 'meeting_roll_call':
      return rollCallLines(p.rollCall, p.bodyName);
    case 'digest': {
      const items = p.items ?? [];
      return {
        subject: `Daily digest: ${items.length} update${items.length === 1 ? '' : 's'}`,
        lead: `${items.length} update${items.length === 1 ? '' : 's'} since your last digest:`,
        detail: [...items.map((i) => `• ${describe(i.kind, i.payload).subject}`), ...memberVoteLines(p)],
        action: 'Open the organization',
      };
    }
  }
}

/**
 * Every governance notice: one layout, a plain-text part, the organization's name in the
 * subject, a link to the page it is about, why the recipient gets it, how to stop it (or why
 * they cannot), and the organization's latest signed log checkpoint, in full.
 */
export function notificationMail(ctx: NotificationContext): RenderedMail {
  const localized = localizedNotice(ctx, describe);
  const lines = localized?.lines ?? describe(ctx.kind, ctx.payload);
  const words = localized?.words ?? null;
  const subject = `[${ctx.organizationName}] ${lines.subject}`;
  const link = notificationLink(ctx);
  const digestLinks = ctx.kind === 'digest' ? (ctx.payload.items ?? []).map((i) => notificationLink({ ...ctx, kind: i.kind, payload: i.payload })) : [];
  const why = words
    ? words.why(ctx.mandatory, ctx.organizationName)
    : ctx.mandatory
      ? (mandatoryReasons[ctx.kind as keyof typeof mandatoryReasons] ?? 'The charter requires this notice, so it cannot be turned off.')
      : ctx.kind === 'followed_activity'
        ? `You receive this because you follow this proposal in ${ctx.organizationName} and “${kindLabels[ctx.kind]}” is on in your preferences. Unfollow on the proposal page.`
        : `You receive this because you are a member of ${ctx.organizationName} and “${kindLabels[ctx.kind]}” is on in your preferences.`;
  // The whole signed note, not a shortened root: a reader who keeps this mail holds a checkpoint
  // the log must stay consistent with, checkable with `npm run verify -- --checkpoint`.
  const checkpointLine = ctx.checkpoint
    ? words
      ? words.checkpoint(ctx.checkpoint.size, ctx.checkpoint.rootHash, `${ctx.appUrl}/o/${ctx.orgSlug}`)
      : `Decision log checkpoint: ${ctx.checkpoint.size} entries, root ${ctx.checkpoint.rootHash}. Keep this e-mail: saved to a file, it can be checked against the log at any time with npm run verify -- --checkpoint <file> ${ctx.appUrl}/o/${ctx.orgSlug} (or verify at ${ctx.appUrl}/o/${ctx.orgSlug}/verify).`
    : null;
  const checkpointText = ctx.checkpoint ? checkpointBlock(ctx.checkpoint.note) : null;
  const stop = ctx.unsubscribeUrl ? (words ? words.unsubscribeLine(ctx.unsubscribeUrl) : `Unsubscribe from these e-mails: ${ctx.unsubscribeUrl}`) : null;
  const prefs = words ? words.prefsLine(ctx.preferencesUrl) : `Notification preferences: ${ctx.preferencesUrl}`;
  const prefsLabel = words?.prefs ?? 'Notification preferences';

  const text = [
    words ? words.hello(ctx.recipientName) : ctx.recipientName ? `Hello ${ctx.recipientName},` : 'Hello,',
    '',
    lines.lead,
    ...lines.detail.map((d, i) => (digestLinks[i] ? `${d}\n  ${digestLinks[i]}` : d)),
    '',
    `${lines.action}: ${link}`,
    '',
    '-- ',
    why,
    ...(stop ? [stop] : []),
    prefs,
    ...(checkpointLine ? [checkpointLine] : []),
    ...(checkpointText ? [checkpointText] : []),
  ].join('\n');

  const detailHtml = lines.detail
    .map((d, i) =>
      digestLinks[i]
        ? `<p style="margin:0 0 8px"><a href="${escapeHtml(digestLinks[i]!)}" style="color:#3730a3">${escapeHtml(d.replace(/^• /, ''))}</a></p>`
        : `<p style="margin:0 0 12px">${escapeHtml(d)}</p>`,
    )
    .join('\n');
  const footerHtml = [
    escapeHtml(why),
    stop
      ? `<a href="${escapeHtml(ctx.unsubscribeUrl!)}" style="color:#52525b">${escapeHtml(words?.unsubscribe ?? 'Unsubscribe')}</a> · <a href="${escapeHtml(ctx.preferencesUrl)}" style="color:#52525b">${escapeHtml(prefsLabel)}</a>`
      : `<a href="${escapeHtml(ctx.preferencesUrl)}" style="color:#52525b">${escapeHtml(prefsLabel)}</a>`,
    ...(checkpointLine ? [`<span style="font-family:ui-monospace,monospace;word-break:break-all">${escapeHtml(checkpointLine)}</span>`] : []),
    ...(checkpointText
      ? [
          `<pre style="margin:0;font-family:ui-monospace,monospace;font-size:12px;white-space:pre-wrap;word-break:break-all">${escapeHtml(checkpointText)}</pre>`,
        ]
      : []),
  ].join('<br><br>');
  const html = layout(
    subject,
    `<p style="margin:0 0 4px;color:#52525b;font-size:13px">${escapeHtml(ctx.organizationName)}</p>
<p style="margin:0 0 12px"><strong>${escapeHtml(lines.lead)}</strong></p>
${detailHtml}${button(link, lines.action)}
<p style="margin:0;color:#52525b;word-break:break-all">${escapeHtml(link)}</p>`,
    why,
    footerHtml,
    words?.lang ?? 'en',
  );
  return { subject, text, html };
}

/** A digest's lines about member-wide votes: what waits for the recipient's vote, and where their vote goes. */
function memberVoteLines(p: NotificationPayload): string[] {
  const waiting = (p.waiting ?? []).map(
    (w) =>
      `Waiting for your vote: #${w.number} ${w.title} (closes ${when(w.closesAt)})${w.delegateVoted ? ' — your delegate has voted for you; you may still vote' : ''}`,
  );
  const delegations = (p.delegations ?? []).map(
    (d) =>
      `Your delegation: your vote goes to ${d.delegateName} ${d.proposalNumber !== null ? `on proposal #${d.proposalNumber}` : d.typeKey !== null ? `in votes of type “${d.typeKey}”` : 'in every member-wide vote'} unless you vote yourself`,
  );
  return [...waiting, ...delegations];
}
