import { z } from 'zod';

/**
 * The response models of the OpenAPI document (lib/api/openapi.ts): what the read models
 * (db/read/api-v1*.ts) and the write routes answer. Pure: no database.
 */

export const problem = z
  .object({
    type: z.string().meta({ description: '`urn:quorate:problem:<code>`' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().meta({ description: 'What went wrong, in words (the refusal catalogue).' }),
    code: z.string().meta({ description: 'The refusal code, the same the forms answer with (e.g. `action.forbidden`, `ballot.stage_closed`).' }),
    errors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Each field's messages when the body or query failed its schema." }),
  })
  .meta({
    id: 'Problem',
    description:
      "RFC 9457 problem details (application/problem+json). `title`, `detail` and `errors` are in the language the request's Accept-Language asks for (en, fr or de; else English), named by Content-Language; `type`, `code` and `status` are the same in every language.",
  });

export const date = z.string().meta({ format: 'date-time' });
export const phase = z
  .looseObject({ kind: z.string() })
  .meta({ id: 'Phase', description: 'The phase the rules derive (lib/governance/types.ts `Phase`): `kind` and its dates.' });

export const organization = z
  .object({
    slug: z.string(),
    name: z.string(),
    mission: z.string(),
    visibility: z.enum(['public', 'private']),
    memberCount: z.number().int(),
    createdAt: date,
    archivedAt: date.nullable(),
    charter: z.object({ version: z.number().int(), adoptedAt: date, documentHash: z.string() }).nullable(),
    bodies: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        charterSeats: z.number().int(),
        filledSeats: z.number().int(),
        belowStrength: z.boolean(),
        seats: z.array(z.object({ position: z.number().int(), seatClass: z.string(), holder: z.string().nullable(), vacatedAt: date.nullable() })),
      }),
    ),
  })
  .meta({ id: 'Organization' });

export const proposalSummary = z
  .object({
    number: z.number().int(),
    title: z.string(),
    type: z.object({ key: z.string(), name: z.string(), consent: z.boolean() }),
    status: z.string(),
    phase,
    statusLabel: z.string(),
    author: z.string().nullable(),
    publishedAt: date.nullable(),
  })
  .meta({ id: 'ProposalSummary' });

export const proposal = z
  .object({
    id: z.string().meta({ description: "The proposal's id: a delegation's `proposal:<id>` scope names it; paths use the number." }),
    number: z.number().int(),
    title: z.string(),
    body: z.string(),
    revision: z.number().int().nullable(),
    type: z.object({ key: z.string(), name: z.string(), consent: z.boolean(), effect: z.string() }),
    status: z.string(),
    phase,
    statusLabel: z.string(),
    explanation: z.string(),
    blocked: z.string().nullable(),
    author: z.string().nullable(),
    publishedAt: date.nullable(),
    charterVersion: z.number().int(),
    stages: z.array(
      z.object({
        index: z.number().int(),
        body: z.object({ key: z.string(), name: z.string() }),
        opensAt: date.nullable(),
        closesAt: date.nullable(),
        closed: z.boolean(),
        tally: z
          .looseObject({})
          .nullable()
          .meta({ description: "The stage's count once it has closed; null while voting is open or before. Ballots are never listed." }),
      }),
    ),
  })
  .meta({ id: 'Proposal' });

const seat = z.object({
  position: z.number().int(),
  seatClass: z.string(),
  holder: z.string().nullable().meta({ description: "The holder's name; null when vacant." }),
  vacant: z.boolean(),
  vacatedAt: date.nullable(),
  vacancyDueAt: date.nullable().meta({ description: "A vacancy's deadline (the body's vacancyDeadlineDays after it opened); null for a held seat." }),
  overdue: z.boolean(),
});

export const bodies = z
  .object({
    bodies: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        charterSeats: z.number().int(),
        filledSeats: z.number().int(),
        vacantSeats: z.number().int(),
        unrecordedSeats: z.number().int().meta({ description: 'Charter seats with no seat record: vacant, and overdue since they cannot be dated.' }),
        belowStrength: z.boolean(),
        atFullStrength: z.boolean(),
        vacancyDeadlineDays: z.number().int().nullable(),
        classShortfalls: z.array(z.object({ seatClass: z.string(), required: z.number().int(), filled: z.number().int() })),
        seats: z.array(seat),
      }),
    ),
  })
  .meta({ id: 'Bodies' });

export const logPage = z
  .object({
    entries: z.array(
      z.object({
        seq: z.number().int(),
        at: date,
        kind: z.string(),
        subject: z.string().nullable(),
        actorId: z.string().nullable(),
        payload: z.looseObject({}),
        prevHash: z.string(),
        hash: z.string(),
        entry: z.string().meta({ description: 'The canonical JSON the hash covers; every other field is read from it.' }),
        problem: z.string().nullable().meta({ description: 'Why this entry does not verify, or null.' }),
      }),
    ),
    next_cursor: z.string().nullable(),
  })
  .meta({ id: 'LogPage' });

export const result = z
  .object({
    number: z.number().int(),
    title: z.string(),
    decided: z.boolean(),
    outcome: z.enum(['passed', 'rejected', 'failed_quorum', 'lapsed', 'withdrawn']).nullable().meta({ description: 'How it was decided; null until it is.' }),
    phase,
    statusLabel: z.string(),
    stages: z.array(
      z.object({
        index: z.number().int(),
        body: z.object({ key: z.string(), name: z.string() }),
        closesAt: date.nullable(),
        closed: z.boolean(),
        tally: z.looseObject({}).nullable().meta({ description: "The stage's count once it has closed; null before." }),
      }),
    ),
  })
  .meta({ id: 'ProposalResult' });

export const proposalChanged = z
  .object({ ok: z.literal(true), proposal: z.object({ number: z.number().int(), status: z.enum(['draft', 'published', 'withdrawn']) }) })
  .meta({ id: 'ProposalChanged' });

const meetingFields = {
  number: z.number().int(),
  title: z.string(),
  kind: z.enum(['regular', 'special']),
  body: z.object({ key: z.string(), name: z.string() }),
  startsAt: date,
  endsAt: date,
  location: z.string(),
  cancelled: z.boolean(),
  irregular: z.boolean().meta({ description: 'Short notice, or notice that did not reach every seat holder.' }),
  irregularReasons: z.array(z.string()),
};

export const meetingList = z.object({ meetings: z.array(z.object(meetingFields).meta({ id: 'MeetingSummary' })) }).meta({ id: 'Meetings' });

export const meeting = z
  .object({
    ...meetingFields,
    agenda: z.array(z.union([z.object({ kind: z.literal('item'), text: z.string() }), z.object({ kind: z.literal('proposal'), number: z.number().int() })])),
    scheduledAt: date,
    scheduledBy: z.string().nullable(),
    cancelReason: z.string().nullable(),
    notice: z.object({ requiredHours: z.number().int(), shortestHours: z.number(), coverage: z.string(), delivered: z.string(), failed: z.number().int() }),
    attendance: z.array(
      z.object({ userId: z.string(), name: z.string(), status: z.string(), answer: z.string().nullable(), disputeNote: z.string().nullable() }),
    ),
    quorum: z.object({ met: z.boolean(), attending: z.number().int(), charterSeats: z.number().int(), ratio: z.string() }),
    started: z.boolean(),
  })
  .meta({ id: 'Meeting' });

export const memberPage = z
  .object({
    members: z.array(
      z.object({
        userId: z.string(),
        name: z.string().nullable(),
        email: z.string(),
        role: z.enum(['admin', 'secretary', 'member', 'observer']),
        joinedAt: date,
        stakeholderGroup: z.string().nullable(),
        weight: z.number(),
      }),
    ),
    matching: z.number().int().meta({ description: 'Members matching `q` (all members without it).' }),
    total: z.number().int(),
    next_cursor: z.string().nullable(),
  })
  .meta({ id: 'MemberPage', description: 'Members only: it has e-mail addresses.' });

export const myDelegations = z
  .object({
    delegations: z.array(
      z.object({
        id: z.string(),
        delegate: z.object({ userId: z.string(), name: z.string().nullable() }),
        scope: z.string().meta({ description: '`general`, `type:<key>` or `proposal:<id>`, as delegateVote takes it.' }),
        typeKey: z.string().nullable(),
        proposalNumber: z.number().int().nullable(),
        createdAt: date,
      }),
    ),
  })
  .meta({ id: 'MyDelegations', description: "The caller's own active delegations." });
