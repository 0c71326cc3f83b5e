/** A meeting notice's lines (templates.ts lays them out); the calendar invitation rides along (meeting-invite.ts). */
import { outcomeText, standingText } from '@/lib/governance/roll-call';
import type { Lines, MeetingNotice, RollCallNotice } from './payload';
import { when } from './template-words';

const hoursWords = (h: number) => (h >= 24 && h % 24 === 0 ? `${h / 24} day${h === 24 ? '' : 's'}` : `${h} hour${h === 1 ? '' : 's'}`);

export function meetingNoticeLines(m: MeetingNotice | undefined): Lines {
  if (!m) return { subject: 'A meeting notice', lead: 'A meeting of your body was scheduled.', detail: [], action: 'See the meeting' };
  const ref = `Meeting #${m.number} of the ${m.bodyName}`;
  const kind = m.meetingKind === 'special' ? 'special' : 'regular';
  const agenda = m.agenda.length > 0 ? ['Agenda:', ...m.agenda.map((a, i) => `${i + 1}. ${a}`)] : ['No agenda items yet.'];
  if (m.change === 'cancelled') {
    return {
      subject: `Cancelled: ${ref}, ${m.title}`,
      lead: `${ref}, “${m.title}”, set for ${when(m.startsAt)}, is cancelled.`,
      detail: [...(m.cancelReason ? [`Reason: ${m.cancelReason}`] : []), 'The attached calendar file removes it from your calendar.'],
      action: 'See the meeting',
    };
  }
  const short = m.noticeHours < m.requiredNoticeHours;
  return {
    subject: `${m.change === 'updated' ? 'Changed: ' : 'Notice: '}${ref}, ${m.title}, ${when(m.startsAt)}`,
    lead: `${m.change === 'updated' ? 'A change to' : 'Notice of'} a ${kind} meeting of the ${m.bodyName}: “${m.title}”.`,
    detail: [
      `When: ${when(m.startsAt)} to ${when(m.endsAt)}.`,
      `Where: ${m.location}`,
      ...agenda,
      short
        ? `This notice is ${hoursWords(m.noticeHours)}, shorter than the ${hoursWords(m.requiredNoticeHours)} the charter requires: the meeting is marked irregular.`
        : `Notice given: ${hoursWords(m.noticeHours)} (the charter requires ${hoursWords(m.requiredNoticeHours)} for a ${kind} meeting).`,
      'The attached calendar invitation (.ics) adds it to your calendar; changes and a cancellation update it.',
    ],
    action: 'See the meeting',
  };
}

/** A roll call's notice: recorded (confirm or dispute your vote by …), a vote disputed, or ratified. */
export function rollCallLines(r: RollCallNotice | undefined, bodyName: string | undefined): Lines {
  if (!r) return { subject: 'A roll-call vote', lead: 'A roll-call vote was taken at a meeting of your body.', detail: [], action: 'See the meeting' };
  const ref = `roll call ${r.number} of meeting #${r.meetingNumber}${bodyName ? ` of the ${bodyName}` : ''}`;
  const motion = `Motion: ${r.motion}`;
  // The rules' English from the facts; an older row's English as given.
  const standing = r.standingCode ? standingText(r.standingCode) : (r.standing ?? '');
  if (r.event === 'disputed') {
    return {
      subject: `Disputed: a vote in ${ref}`,
      lead: `${r.voterName ?? 'A seat holder'} disputes the vote recorded for them in ${ref}.`,
      detail: [motion, ...(r.note ? [`Their note: ${r.note}`] : []), standing, 'The dispute is public on the meeting page.'],
      action: 'See the meeting',
    };
  }
  if (r.event === 'ratified') {
    return {
      subject: `Ratified: ${ref}`,
      lead: `Proposal #${r.byProposalNumber ?? '?'} passed and ratified the motion carried in ${ref}; it is now in effect.`,
      detail: [motion],
      action: 'See the meeting',
    };
  }
  return {
    subject: `Roll call: ${ref} — ${standing}`,
    lead: `A roll-call vote was recorded in ${ref}.`,
    detail: [
      motion,
      r.counts ? outcomeText(r.counts) : (r.outcome ?? ''),
      standing,
      ...(r.answerBy ? [`Check the vote recorded for you and confirm or dispute it on the meeting page by ${when(r.answerBy)}.`] : []),
    ],
    action: 'See the meeting and your vote',
  };
}
