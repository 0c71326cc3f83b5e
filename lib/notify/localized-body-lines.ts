import { outcomePart, standingPart } from '@/lib/governance/roll-call';
import { proposalItemOf } from '@/lib/governance/proposal-item';
import type { RulePart } from '@/lib/governance/rule-parts';
import type { Words } from './localized-proposal-lines';
import type { Lines, MeetingNotice, NotificationPayload, RollCallNotice } from './payload';

/**
 * The notices of bodies, in the recipient's language: meetings and their roll calls, petitions,
 * written consents, and a secret ballot's receipt (meeting-lines.ts, templates.ts and
 * written-consent-lines.ts write the English). Names, titles and motions are passed through as
 * people wrote them, but for a proposal taken as an agenda item or a motion (stored as "Proposal #4: …"); a roll call's outcome and standing are worded from its facts, as the meeting
 * page words them (an older row's English lines are passed through as given).
 */

/**
 * A roll call's outcome or standing (roll-call.ts's `outcomePart`, `standingPart`) in the `meetingRules` words the
 * meeting page says them in. These two parts carry plain numbers and codes only (no duration, ratio or date to word).
 */
function rollCallPartText({ t }: Words, p: RulePart): string {
  const params = Object.fromEntries(Object.entries(p.params).filter((e): e is [string, string | number] => typeof e[1] !== 'object'));
  return t(`meetingRules.${p.key}`, params as never);
}

/**
 * A proposal taken as an agenda item or a motion, stored as English (`proposalItemText`), in the reader's words; what
 * the organization typed itself as given. `reference`: the proposal number the notice carries beside it (absent in older notices).
 */
export function itemText({ t }: Pick<Words, 't'>, text: string, reference?: number | null): string {
  const item = proposalItemOf(text, reference);
  return item ? t('meetings.proposalMotion', item) : text;
}

/** A notice period as the charter counts it: whole days, else hours. */
function period({ t }: Words, hours: number): string {
  return hours >= 24 && hours % 24 === 0 ? t('common.duration', { unit: 'day', n: hours / 24 }) : t('common.duration', { unit: 'hour', n: hours });
}

export function meetingLines(w: Words, m: MeetingNotice | undefined): Lines {
  const { t, when } = w;
  const action = t('mail.meeting.action');
  if (!m) return { subject: t('mail.meeting.noneSubject'), lead: t('mail.meeting.noneLead'), detail: [], action };
  const ref = t('mail.meeting.ref', { number: m.number, body: m.bodyName });
  const kind = m.meetingKind === 'special' ? 'special' : 'regular';
  if (m.change === 'cancelled') {
    return {
      subject: t('mail.meeting.cancelledSubject', { ref, title: m.title }),
      lead: t('mail.meeting.cancelledLead', { ref, title: m.title, start: when(m.startsAt) }),
      detail: [...(m.cancelReason ? [t('mail.meeting.reason', { reason: m.cancelReason })] : []), t('mail.meeting.cancelCalendar')],
      action,
    };
  }
  const given = period(w, m.noticeHours);
  const required = period(w, m.requiredNoticeHours);
  const agenda =
    m.agenda.length > 0
      ? [t('mail.meeting.agenda'), ...m.agenda.map((a, i) => `${i + 1}. ${itemText(w, a, m.agendaProposals?.[i])}`)]
      : [t('mail.meeting.noAgenda')];
  return {
    subject: t('mail.meeting.subject', { change: m.change, ref, title: m.title, start: when(m.startsAt) }),
    lead: t('mail.meeting.lead', { change: m.change, kind, body: m.bodyName, title: m.title }),
    detail: [
      t('mail.meeting.when', { start: when(m.startsAt), end: when(m.endsAt) }),
      t('mail.meeting.where', { location: m.location }),
      ...agenda,
      m.noticeHours < m.requiredNoticeHours ? t('mail.meeting.shortNotice', { given, required }) : t('mail.meeting.noticeGiven', { given, required, kind }),
      t('mail.meeting.calendar'),
    ],
    action,
  };
}

export function rollCallLines(w: Words, r: RollCallNotice | undefined, bodyName: string | undefined): Lines {
  const { t, when } = w;
  const action = t('mail.meeting.action');
  if (!r) return { subject: t('mail.rollCall.noneSubject'), lead: t('mail.rollCall.noneLead'), detail: [], action };
  const ref = bodyName
    ? t('mail.rollCall.refOfBody', { number: r.number, meeting: r.meetingNumber, body: bodyName })
    : t('mail.rollCall.ref', { number: r.number, meeting: r.meetingNumber });
  const motion = t('mail.rollCall.motion', { motion: itemText(w, r.motion, r.proposalNumber) });
  const standing = r.standingCode ? rollCallPartText(w, standingPart(r.standingCode)) : (r.standing ?? '');
  if (r.event === 'disputed') {
    return {
      subject: t('mail.rollCall.disputedSubject', { ref }),
      lead: t('mail.rollCall.disputedLead', { voter: r.voterName ?? t('mail.rollCall.aSeatHolder'), ref }),
      detail: [motion, ...(r.note ? [t('mail.rollCall.note', { note: r.note })] : []), standing, t('mail.rollCall.disputePublic')],
      action,
    };
  }
  if (r.event === 'ratified') {
    return {
      subject: t('mail.rollCall.ratifiedSubject', { ref }),
      lead: t('mail.rollCall.ratifiedLead', { proposal: r.byProposalNumber ?? '?', ref }),
      detail: [motion],
      action,
    };
  }
  return {
    subject: t('mail.rollCall.recordedSubject', { ref, standing }),
    lead: t('mail.rollCall.recordedLead', { ref }),
    detail: [
      motion,
      r.counts ? rollCallPartText(w, outcomePart(r.counts)) : (r.outcome ?? ''),
      standing,
      ...(r.answerBy ? [t('mail.rollCall.answerBy', { by: when(r.answerBy) })] : []),
    ],
    action: t('mail.rollCall.actionVote'),
  };
}

/** Two spaces where a missing title was, as the English notices close them up. */
const tidy = (s: string) => s.replace('  ', ' ');

export function petitionLines(w: Words, kind: 'petition_threshold' | 'petition_update', p: NotificationPayload): Lines {
  const { t, when } = w;
  const number = p.petitionNumber ?? '?';
  const body = p.bodyName ?? t('mail.body');
  const title = p.title ?? '';
  if (kind === 'petition_threshold') {
    return {
      subject: t('mail.petition.thresholdSubject', { number, body }),
      lead: tidy(t('mail.petition.thresholdLead', { number, title, signatures: p.signatures ?? 0 })),
      detail: [t('mail.petition.thresholdDetail', { body, due: when(p.answerDueAt) })],
      action: t('mail.petition.read'),
    };
  }
  return p.petitionEvent === 'answered'
    ? {
        subject: t('mail.petition.answeredSubject', { number, late: String(Boolean(p.late)) }),
        lead: tidy(t('mail.petition.answeredLead', { body, number, title })),
        detail: [t('mail.petition.answeredDetail')],
        action: t('mail.petition.readAnswer'),
      }
    : {
        subject: t('mail.petition.overdueSubject', { number, body }),
        lead: tidy(t('mail.petition.overdueLead', { body, number, title, due: when(p.answerDueAt) })),
        detail: [t('mail.petition.overdueDetail')],
        action: t('mail.petition.read'),
      };
}

export function writtenConsentLines(w: Words, p: NotificationPayload): Lines {
  const { t, when } = w;
  const number = p.consentNumber ?? '?';
  const body = p.bodyName ?? t('mail.body');
  const title = p.title ?? '';
  switch (p.consentEvent) {
    case 'opened':
      return {
        subject: t('mail.writtenConsent.openedSubject', { number, body, title }).trim(),
        lead: t('mail.writtenConsent.openedLead', { number, title, body }),
        detail: [t('mail.writtenConsent.openedDetail', { expires: when(p.expiresAt) })],
        action: t('mail.writtenConsent.sign'),
      };
    case 'adopted':
      return {
        subject: t('mail.writtenConsent.adoptedSubject', { number, body }),
        lead: t('mail.writtenConsent.adoptedLead', { number, title }),
        detail: [t('mail.writtenConsent.adoptedDetail')],
        action: t('mail.writtenConsent.see'),
      };
    default: {
      const event = p.consentEvent === 'withdrawn' || p.consentEvent === 'lapsed' ? p.consentEvent : 'expired';
      return {
        subject: t('mail.writtenConsent.endedSubject', { number, body, event }),
        lead: t('mail.writtenConsent.endedLead', { number, title, event }),
        detail: [t('mail.writtenConsent.endedDetail')],
        action: t('mail.writtenConsent.see'),
      };
    }
  }
}

export function receiptLines({ t, when }: Words, ref: string, p: NotificationPayload): Lines {
  return {
    subject: t('mail.receipt.subject', { ref }),
    lead: t('mail.receipt.lead', { ref, receipt: p.receipt ?? '?' }),
    detail: [t('mail.receipt.keep', { closes: when(p.closesAt) }), t('mail.receipt.change')],
    action: t('mail.receipt.action'),
  };
}

/** Seats vacant past the charter's deadline: every overdue seat of one body, or (older alarms) one seat. */
export function vacancyLines(w: Words, p: NotificationPayload): Lines {
  const { t, when } = w;
  const body = p.bodyName ?? t('mail.vacancy.board');
  const days = p.deadlineDays ?? '?';
  const weakens = t('mail.vacancy.weakens');
  const action = t('mail.vacancy.action');
  if (p.seats) {
    const n = p.seats.length;
    return {
      subject: n === 1 ? t('mail.vacancy.subjectOne', { position: p.seats[0]!.position, body }) : t('mail.vacancy.subjectMany', { n, body }),
      lead: t('mail.vacancy.lead', { n, body, days }),
      detail: [...p.seats.map((x) => t('mail.vacancy.seat', { position: x.position, since: when(x.vacatedAt) })), weakens],
      action,
    };
  }
  const position = p.position ?? '';
  return {
    subject: tidy(t('mail.vacancy.subjectOne', { position, body })),
    lead: tidy(t('mail.vacancy.leadSingle', { position, body, since: when(p.vacatedAt), days })),
    detail: [weakens],
    action,
  };
}

/** Founding appointments closed with the first publication: the seats still vacant, if any. */
export function foundingClosedLines({ t }: Words, ref: string, p: NotificationPayload): Lines {
  const vacant = p.vacantSeats ?? 0;
  return {
    subject: t('mail.founding.subject'),
    lead: t('mail.founding.lead', { ref }),
    detail: [vacant > 0 ? t('mail.founding.vacant', { n: vacant }) : t('mail.founding.filled')],
    action: t('mail.vacancy.action'),
  };
}
