// The calendar items of proposals: when the comment window closes and when each stage's vote (or
// consent window) closes. Pure: rows in, items out. Only dates already fixed are listed — a
// stage's close is known once its vote opens — so a feed never shows a guess.

import type { CalendarItem } from './icalendar';

export type ProposalDates = {
  proposalId: string;
  orgSlug: string;
  orgName: string;
  number: number;
  title: string;
  status: 'published' | 'withdrawn';
  /** The type decides by consent: its voting window is a window for objections. */
  consent: boolean;
  discussionClosesAt: Date | null;
  updatedAt: Date;
  stages: { index: number; bodyKey: string; bodyName: string; closesAt: Date | null; yourSeat: boolean }[];
};

export type ItemOptions = {
  origin: string;
  /** Items before this are left out. */
  since: Date;
  /** Only what a body decides: its stages' closes, and the comment window of proposals it decides. */
  bodyKey?: string | null;
  /** A feed across organizations: titles start with the organization's name. */
  withOrgName?: boolean;
};

/** The stable ids: the UID of each event, whatever feed lists it. */
export const commentCloseId = (proposalId: string) => `proposal-${proposalId}-comment-close`;
export const votingCloseId = (proposalId: string, stageIndex: number) => `proposal-${proposalId}-stage-${stageIndex}-voting-close`;

function utc(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Groups stage rows into one entry per proposal, keeping the rows' order. */
export function groupProposalDates<R extends Omit<ProposalDates, 'stages'> & { stage: ProposalDates['stages'][number] | null }>(
  rows: readonly R[],
): ProposalDates[] {
  const byId = new Map<string, ProposalDates>();
  for (const { stage, ...row } of rows) {
    let entry = byId.get(row.proposalId);
    if (!entry) byId.set(row.proposalId, (entry = { ...row, stages: [] }));
    if (stage) entry.stages.push(stage);
  }
  return [...byId.values()];
}

/** The items of these proposals, earliest first (ties by id, so the order is stable). */
export function proposalCalendarItems(proposals: readonly ProposalDates[], options: ItemOptions): CalendarItem[] {
  const items: CalendarItem[] = [];
  for (const p of proposals) {
    if (options.bodyKey && !p.stages.some((s) => s.bodyKey === options.bodyKey)) continue;
    const url = `${options.origin}/o/${p.orgSlug}/proposals/${p.number}`;
    const name = `${options.withOrgName ? `${p.orgName}: ` : ''}#${p.number} ${p.title}`;
    const withdrawn = p.status === 'withdrawn';
    const about = `${p.orgName}, proposal #${p.number}: ${p.title}`;
    const note = withdrawn ? '\nThis proposal was withdrawn: this date no longer applies.' : '';
    if (p.discussionClosesAt && p.discussionClosesAt >= options.since) {
      items.push({
        id: commentCloseId(p.proposalId),
        kind: 'comment-close',
        title: `${withdrawn ? 'Withdrawn: ' : ''}${name} — comment window closes`,
        start: p.discussionClosesAt,
        url,
        description: `${about}\nThe comment window closes at ${utc(p.discussionClosesAt)}.${note}\n${url}`,
        cancelled: withdrawn,
        updatedAt: p.updatedAt,
      });
    }
    for (const s of p.stages) {
      if (!s.closesAt || s.closesAt < options.since) continue;
      if (options.bodyKey && s.bodyKey !== options.bodyKey) continue;
      const what = p.consent ? 'objection window closes' : 'voting closes';
      const yours = s.yourSeat ? `You decide here (${p.consent ? 'you may object' : 'your vote'}). ` : '';
      items.push({
        id: votingCloseId(p.proposalId, s.index),
        kind: 'voting-close',
        title: `${withdrawn ? 'Withdrawn: ' : ''}${s.yourSeat ? '★ Your vote: ' : ''}${name} — ${s.bodyName} ${what}`,
        start: s.closesAt,
        url,
        description: `${about}\n${yours}The ${s.bodyName}'s ${what} at ${utc(s.closesAt)}.${note}\n${url}`,
        cancelled: withdrawn,
        updatedAt: p.updatedAt,
      });
    }
  }
  return items.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A meeting as a feed lists it (db/read/calendar.ts reads them). */
export type MeetingDates = {
  meetingId: string;
  orgSlug: string;
  orgName: string;
  number: number;
  title: string;
  kind: 'regular' | 'special';
  bodyKey: string;
  bodyName: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  cancelled: boolean;
  updatedAt: Date;
};

/** A meeting's id in the feeds (its invitation by mail has its own UID, meeting-<id>, with a SEQUENCE). */
export const meetingFeedId = (meetingId: string) => `meeting-${meetingId}-feed`;

/** Meetings as calendar events: busy, with their place; a cancelled one stays, marked cancelled. */
export function meetingCalendarItems(meetings: readonly MeetingDates[], options: ItemOptions): CalendarItem[] {
  return meetings
    .filter((m) => m.endsAt >= options.since && (!options.bodyKey || m.bodyKey === options.bodyKey))
    .map((m) => {
      const url = `${options.origin}/o/${m.orgSlug}/meetings/${m.number}`;
      return {
        id: meetingFeedId(m.meetingId),
        kind: 'meeting' as const,
        title: `${m.cancelled ? 'Cancelled: ' : ''}${options.withOrgName ? `${m.orgName}: ` : ''}${m.bodyName} meeting — ${m.title}`,
        start: m.startsAt,
        end: m.endsAt,
        url,
        location: m.location,
        description: `${m.orgName}, ${m.kind} meeting #${m.number} of the ${m.bodyName}: ${m.title}\nFrom ${utc(m.startsAt)} to ${utc(m.endsAt)}.\n${url}`,
        cancelled: m.cancelled,
        updatedAt: m.updatedAt,
      };
    });
}

/** Proposal dates and meetings in one feed, in time order. */
export function mergeCalendarItems(...lists: CalendarItem[][]): CalendarItem[] {
  return lists.flat().sort((a, b) => a.start.getTime() - b.start.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
