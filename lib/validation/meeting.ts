import { z } from 'zod';
import { maxMeetingMinutes } from '@/lib/governance/meeting';
import { storableText } from './text';
import type { TextField } from './text';

const ids = { orgId: z.uuid('Unknown organization.'), meetingId: z.uuid('Unknown meeting.') };

const line = (what: string, max: number, field: TextField) =>
  z
    .string({ error: `Enter the ${what}.` })
    .transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '))
    .pipe(storableText(z.string().min(1, `Enter the ${what}.`).max(max, `The ${what} is at most ${max} characters.`), field));

/** "2026-05-04T18:30" from a datetime-local field, read as UTC (the form says so). */
const startsAtSchema = z
  .string({ error: 'Enter the start.' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Enter the start as a date and time (UTC).')
  .transform((s, ctx) => {
    const d = new Date(`${s}:00Z`);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'Enter a real date and time.' });
      return z.NEVER;
    }
    return d;
  });

const durationSchema = z.coerce
  .number({ error: 'Choose how long the meeting lasts.' })
  .int('Choose how long the meeting lasts.')
  .min(15, 'A meeting lasts at least 15 minutes.')
  .max(maxMeetingMinutes, 'A meeting lasts at most 24 hours.');

/**
 * The agenda: one item per line; a line that is only a proposal number ("#12") refers to that
 * proposal. Blank lines are dropped. At most 50 items of 500 characters.
 */
export const agendaSchema = z
  .string()
  .default('')
  .transform((s) =>
    s
      .normalize('NFC')
      .split(/\r?\n/)
      .map((l) => l.trim().replace(/\s+/g, ' '))
      .filter((l) => l !== ''),
  )
  .pipe(z.array(storableText(z.string().max(500, 'An agenda item is at most 500 characters.'), 'agenda')).max(50, 'An agenda has at most 50 items.'))
  .transform((lines) =>
    lines.map((l) => {
      const ref = /^#(\d{1,9})$/.exec(l);
      return ref ? { kind: 'proposal' as const, number: Number(ref[1]) } : { kind: 'item' as const, text: l };
    }),
  );

const details = {
  title: line('title', 200, 'title'),
  startsAt: startsAtSchema,
  durationMinutes: durationSchema,
  location: line('location or link', 500, 'location'),
  agenda: agendaSchema,
};

const withEnd = <T extends { startsAt: Date; durationMinutes: number }>(v: T) => ({
  ...v,
  endsAt: new Date(v.startsAt.getTime() + v.durationMinutes * 60_000),
});

export const scheduleMeetingSchema = z
  .object({
    orgId: ids.orgId,
    bodyKey: storableText(z.string({ error: 'Choose the body that meets.' }).min(1, 'Choose the body that meets.').max(100), 'body'),
    kind: z.enum(['regular', 'special'], { error: 'Choose a regular or a special meeting.' }),
    ...details,
  })
  .transform(withEnd);

export const updateMeetingSchema = z.object({ ...ids, ...details }).transform(withEnd);

export const cancelMeetingSchema = z.object({
  ...ids,
  reason: line('reason', 1000, 'reason').pipe(z.string().min(3, 'Say why the meeting is cancelled.')),
});

export const recordAttendanceSchema = z.object({
  ...ids,
  userId: storableText(z.string({ error: 'Choose the seat holder.' }).min(1, 'Choose the seat holder.').max(100), 'seatHolder'),
  status: z.enum(['present', 'remote', 'absent'], { error: 'Choose present, remote or absent.' }),
});

export const answerAttendanceSchema = z.object({
  ...ids,
  answer: z.enum(['confirmed', 'disputed'], { error: 'Confirm or dispute the record.' }),
  note: z
    .string()
    .default('')
    .transform((s) => s.normalize('NFC').trim())
    .pipe(storableText(z.string().max(1000, 'A note is at most 1,000 characters.'), 'note'))
    .transform((s) => (s === '' ? null : s)),
});

/** The roll-call form sends one `vote:<userId>` field per seat holder; gathered here into the votes. */
function gatherVotes(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const r = raw as Record<string, unknown>;
  if (r.votes !== undefined) return r;
  const votes = Object.entries(r)
    .filter(([k]) => k.startsWith('vote:'))
    .map(([k, vote]) => ({ userId: k.slice('vote:'.length), vote }));
  return { ...r, votes };
}

export const recordRollCallSchema = z.preprocess(
  gatherVotes,
  z.object({
    ...ids,
    agendaItem: z
      .string()
      .default('')
      .transform((s) => s.trim())
      .pipe(z.string().regex(/^$|^[1-9][0-9]{0,2}$/, 'Choose an agenda item, or none.'))
      .transform((s) => (s === '' ? null : Number(s))),
    motion: z
      .string()
      .default('')
      .transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '))
      .pipe(storableText(z.string().max(2000, 'The motion is at most 2,000 characters.'), 'motion')),
    votes: z
      .array(
        z.object({
          userId: storableText(z.string().min(1, 'Unknown seat holder.').max(100, 'Unknown seat holder.'), 'seatHolder'),
          vote: z.enum(['yes', 'no', 'abstain', 'absent'], { error: 'Choose yes, no, abstain or absent for each seat holder.' }),
        }),
      )
      .max(500, 'Too many votes.'),
  }),
);

export const answerRollCallVoteSchema = answerAttendanceSchema.extend({ rollCallId: z.uuid('Unknown roll call.') });
