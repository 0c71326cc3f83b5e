import type { translatorFor } from '@/lib/i18n/catalogue';
import type { Lines, NotificationPayload } from './payload';

/** A translator in the recipient's language, and a time as notices state it in that language (UTC). */
export type Words = { t: ReturnType<typeof translatorFor>; when: (iso: string | undefined) => string };

const knownOutcomes = new Set(['passed', 'rejected', 'failed_quorum']);

/** An outcome for a `select`: a known one, or `other` with the raw outcome as the rules gave it. */
function outcomeArgs(outcome: string | undefined): { outcome: string; raw: string } {
  const o = outcome ?? '';
  return { outcome: knownOutcomes.has(o) ? o : 'other', raw: o };
}

/** A proposal decided: what it chose, or its outcome with the tally or the objections that stood (templates.ts's English, translated). */
export function decisionLines({ t }: Words, ref: string, p: NotificationPayload): Lines {
  const tally = p.tally;
  if (p.chosen && p.outcome === 'passed') {
    const chosen = p.chosen.join(', ');
    return {
      subject: t('mail.decision.chosenSubject', { ref, chosen }),
      lead: t('mail.decision.chosenLead', { ref, chosen }),
      detail: tally ? [t('mail.decision.chosenDetail', { cast: tally.cast, charterSeats: tally.charterSeats, quorumRequired: tally.quorumRequired })] : [],
      action: t('mail.decision.actionCount'),
    };
  }
  const n = p.objectionsStood;
  const consent = n === undefined ? null : n === 0 ? t('mail.decision.consentNone') : t('mail.decision.consentStood', { n });
  const detail =
    tally && tally.yes + tally.no + tally.abstain === tally.cast
      ? [
          t('mail.decision.tally', {
            yes: tally.yes,
            no: tally.no,
            abstain: tally.abstain,
            cast: tally.cast,
            charterSeats: tally.charterSeats,
            quorumRequired: tally.quorumRequired,
            quorumMet: String(tally.quorumMet),
            yesRequired: tally.yesRequired,
          }),
        ]
      : [];
  return {
    subject: t('mail.decision.subject', { ref, ...outcomeArgs(p.outcome) }).trim(),
    lead: t('mail.decision.lead', { ref, ...outcomeArgs(p.outcome) }),
    detail: consent ? [consent] : detail,
    action: consent ? t('mail.decision.action') : t('mail.decision.actionRollCall'),
  };
}

/** A proposal the recipient follows: a comment, reply, revision, voting open or its decision (followed-lines.ts, translated). */
export function followedLines(w: Words, ref: string, p: NotificationPayload): Lines {
  const { t, when } = w;
  const who = p.actorName || t('mail.someone');
  const action = t('mail.followed.action');
  switch (p.activity) {
    case 'reply':
      return { subject: t('mail.followed.replySubject', { ref }), lead: t('mail.followed.replyLead', { who, ref }), detail: [], action };
    case 'subject_reply':
      return { subject: t('mail.followed.subjectReplySubject', { ref }), lead: t('mail.followed.subjectReplyLead', { who, ref }), detail: [], action };
    case 'revision':
      return {
        subject: t('mail.followed.revisionSubject', { ref }),
        lead: p.revision ? t('mail.followed.revisionLeadNumbered', { who, ref, revision: p.revision }) : t('mail.followed.revisionLead', { who, ref }),
        detail: p.consent
          ? [t('mail.followed.objectionsStand'), ...(p.closesAt ? [t('mail.followed.objectionsClose', { closes: when(p.closesAt) })] : [])]
          : [],
        action,
      };
    case 'voting_open':
      return {
        subject: t('mail.followed.votingSubject', { ref }),
        lead: t('email.votingLead', { body: p.bodyName ?? t('email.decidingBody'), ref }),
        detail: [t('email.votingDetail', { closes: when(p.closesAt) })],
        action,
      };
    case 'decided':
      return { subject: t('mail.followed.decidedSubject', { ref }), lead: t('mail.decision.lead', { ref, ...outcomeArgs(p.outcome) }), detail: [], action };
    default:
      return { subject: t('mail.followed.commentSubject', { ref }), lead: t('mail.followed.commentLead', { who, ref }), detail: [], action };
  }
}

/** The comment window closes within 24 hours. */
export function commentsClosingLines({ t, when }: Words, ref: string, p: NotificationPayload): Lines {
  return {
    subject: t('mail.commentsClosing.subject', { ref }),
    lead: t('mail.commentsClosing.lead', { ref }),
    detail: [t('mail.commentsClosing.detail', { closes: when(p.discussionClosesAt) })],
    action: t('mail.commentsClosing.action'),
  };
}

/** The subject of a proposal is told of their right of reply. */
export function rightOfReplyLines({ t, when }: Words, ref: string, p: NotificationPayload): Lines {
  const closes = when(p.discussionClosesAt);
  return {
    subject: t('mail.reply.subject', { ref }),
    lead: t('mail.reply.lead', { type: p.typeName ?? t('email.aProposal'), ref }),
    detail: [p.replyClosesAt ? t('mail.reply.detailGuaranteed', { closes, replyCloses: when(p.replyClosesAt) }) : t('mail.reply.detail', { closes })],
    action: t('mail.reply.action'),
  };
}

/** Someone was nominated as a candidate in an election. */
export function nominationLines({ t, when }: Words, ref: string, p: NotificationPayload): Lines {
  return {
    subject: t('mail.nomination.subject', { ref }),
    lead: t('mail.nomination.lead', { who: p.actorName || t('common.aMember'), ref }),
    detail: [t('mail.nomination.detail', { closes: when(p.closesAt) })],
    action: t('mail.nomination.action'),
  };
}

/** An emergency decision: ratify it in time, or it has lapsed. */
export function emergencyLines({ t, when }: Words, kind: 'ratification_reminder' | 'emergency_lapsed', ref: string, p: NotificationPayload): Lines {
  if (kind === 'ratification_reminder') {
    const by = when(p.ratifyBy);
    return {
      subject: t('mail.emergency.ratifySubject', { ref, by }),
      lead: t('mail.emergency.ratifyLead', { ref, by }),
      detail: [t('mail.emergency.ratifyDetail')],
      action: t('mail.emergency.ratifyAction'),
    };
  }
  return {
    subject: t('mail.emergency.lapsedSubject', { ref }),
    lead: p.ratifyBy ? t('mail.emergency.lapsedLead', { ref, by: when(p.ratifyBy) }) : t('mail.emergency.lapsedLeadInTime', { ref }),
    detail: [t('mail.emergency.lapsedDetail')],
    action: t('mail.decision.action'),
  };
}
