import 'server-only';
import { getDb } from '@/db/client';
import { getActiveCharter } from '@/db/queries/charters';
import { attendanceOf, getMeetingByNumber, listMeetings, meetingNoticeFates } from '@/db/queries/meetings';
import type { MeetingRow } from '@/db/queries/meetings';
import { roleOf } from '@/db/queries/member-lookups';
import { seatHoldersOfBody } from '@/db/queries/petitions';
import { getUserName } from '@/db/queries/users';
import { ratioText } from '@/lib/governance/charter';
import {
  attends,
  coveragePart,
  coverageText,
  irregularReasonPart,
  irregularReasonText,
  mayScheduleMeetings,
  meetingIrregularity,
  meetingQuorum,
  meetingRulesPart,
  meetingRulesText,
  meetingSpecOf,
} from '@/lib/governance/meeting';
import type { AttendanceStatus, MeetingKind } from '@/lib/governance/meeting';
import type { RulePart } from '@/lib/governance/rule-parts';

export type MeetingSummary = {
  id: string;
  number: number;
  title: string;
  kind: MeetingKind;
  bodyKey: string;
  bodyName: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  cancelled: boolean;
  irregular: boolean;
  /** The reasons in English words, when irregular (the API's). */
  irregularReasons: string[];
  /** The same reasons as parts, for the pages to say in the reader's language. */
  irregularParts: RulePart[];
};

type Fates = Map<string, { delivered: number; failed: number }>;

function summary(row: MeetingRow, bodyName: (key: string) => string, fates: Fates) {
  const fate = fates.get(row.id) ?? { delivered: 0, failed: 0 };
  const coverage = { seatHolders: row.seatHolders, noticed: row.noticed, ...fate };
  const irregularity = meetingIrregularity({ shortestNoticeHours: row.shortestNoticeHours, requiredNoticeHours: row.requiredNoticeHours, coverage });
  const view: MeetingSummary = {
    id: row.id,
    number: row.number,
    title: row.title,
    kind: row.kind,
    bodyKey: row.bodyKey,
    bodyName: bodyName(row.bodyKey),
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    location: row.location,
    cancelled: row.cancelledAt !== null,
    irregular: irregularity.irregular,
    irregularReasons: irregularity.reasons.map(irregularReasonText),
    irregularParts: irregularity.reasons.map(irregularReasonPart),
  };
  return { view, coverage };
}

async function charterOf(orgId: string) {
  const charter = await getActiveCharter(getDb(), orgId);
  const bodyName = (key: string) => charter?.document.bodies.find((b) => b.key === key)?.name ?? key;
  return { charter, bodyName };
}

/** Every meeting of the organization (latest first), with its irregular flag: the list page and the organization page. */
export async function listMeetingSummaries(orgId: string): Promise<MeetingSummary[]> {
  const db = getDb();
  const [rows, { bodyName }, fates] = await Promise.all([listMeetings(db, orgId), charterOf(orgId), meetingNoticeFates(db, orgId)]);
  return rows.map((r) => summary(r, bodyName, fates).view);
}

/** The meetings page: the list, the charter's meeting rules, and the bodies the viewer may call a meeting of (none unless secretary or admin). */
export async function loadMeetingsPage(orgId: string, viewerId: string | null) {
  const db = getDb();
  const [meetings, { charter }, role] = await Promise.all([
    listMeetingSummaries(orgId),
    charterOf(orgId),
    viewerId ? roleOf(db, orgId, viewerId) : Promise.resolve(null),
  ]);
  const spec = charter ? meetingSpecOf(charter.document) : null;
  return {
    meetings,
    rules: spec ? meetingRulesText(spec, ratioText) : null,
    /** The rules as a part, for the page to say in the reader's language. */
    rulesPart: spec ? meetingRulesPart(spec) : null,
    notice: spec ? { regular: spec.regularNoticeHours, special: spec.specialNoticeHours } : null,
    bodies: mayScheduleMeetings(role) && charter ? charter.document.bodies.filter((b) => !b.electorate).map((b) => ({ key: b.key, name: b.name })) : [],
  };
}

/** One meeting as its page shows it: agenda, notice and coverage, the irregular flag, attendance and the live quorum. */
export async function loadMeetingPage(orgId: string, number: number, viewerId: string | null, at: Date) {
  const db = getDb();
  const row = await getMeetingByNumber(db, orgId, number);
  if (!row) return null;
  const [{ charter, bodyName }, fates, attendance, holders, role, scheduledBy] = await Promise.all([
    charterOf(orgId),
    meetingNoticeFates(db, orgId),
    attendanceOf(db, row.id),
    seatHoldersOfBody(db, orgId, row.bodyKey),
    viewerId ? roleOf(db, orgId, viewerId) : Promise.resolve(null),
    row.scheduledBy ? getUserName(db, row.scheduledBy) : Promise.resolve(null),
  ]);
  const { view, coverage } = summary(row, bodyName, fates);
  const body = charter?.document.bodies.find((b) => b.key === row.bodyKey);
  const charterSeats = body?.charterSeats ?? 0;
  const attending = attendance.filter((a) => attends(a.status as AttendanceStatus)).length;
  const quorumRule = meetingSpecOf(charter?.document ?? {}).quorum;
  const quorum = meetingQuorum(attending, charterSeats, quorumRule);
  const names = await Promise.all(holders.map(async (id) => ({ id, name: (await getUserName(db, id))?.name ?? null })));
  const manages = mayScheduleMeetings(role);
  const started = at.getTime() >= row.startsAt.getTime();
  const own = viewerId ? attendance.find((a) => a.userId === viewerId) : undefined;
  return {
    meeting: view,
    agenda: row.agenda,
    scheduledAt: row.scheduledAt,
    scheduledBy: scheduledBy?.name ?? null,
    cancelReason: row.cancelReason,
    notice: {
      requiredHours: row.requiredNoticeHours,
      shortestHours: row.shortestNoticeHours,
      coverage: coverageText({ seatHolders: coverage.seatHolders, reached: coverage.noticed }),
      delivered: coverageText({ seatHolders: coverage.seatHolders, reached: coverage.delivered }),
      failed: coverage.failed,
    },
    // Names only, never an e-mail address.
    attendance: attendance.map((a) => ({ userId: a.userId, name: a.name ?? 'A seat holder', status: a.status, answer: a.answer, disputeNote: a.disputeNote })),
    quorum: { ...quorum, ratio: ratioText(quorumRule) },
    // The coverage and the quorum's ratio as data, for the page to say in the reader's language (`notice` and `quorum` keep the API's English).
    words: {
      coverage: coveragePart({ seatHolders: coverage.seatHolders, reached: coverage.noticed }),
      delivered: coveragePart({ seatHolders: coverage.seatHolders, reached: coverage.delivered }),
      quorumRule,
    },
    started,
    viewer: {
      manages,
      mayChange: manages && !started && !view.cancelled,
      mayRecordAttendance: manages && started && !view.cancelled,
      seatHolders: manages ? names.map((n) => ({ id: n.id, name: n.name ?? 'A seat holder' })) : [],
      own: own ? { status: own.status, answer: own.answer } : null,
    },
    edit: {
      title: row.title,
      startsAt: row.startsAt.toISOString().slice(0, 16),
      durationMinutes: Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / 60_000),
      location: row.location,
    },
  };
}
