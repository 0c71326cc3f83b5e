import { z } from 'zod';
import type { ZodOpenApiOperationObject } from 'zod-openapi';
import { date } from './openapi-models';
import { json, meetingNumber, number, problems, readSecurity, slug, write } from './openapi-parts';
import {
  answerAttendanceBodySchema,
  answerMinutesBodySchema,
  answerRollCallVoteBodySchema,
  draftMinutesBodySchema,
  editCommentBodySchema,
  recordAttendanceBodySchema,
  recordRollCallBodySchema,
} from './schemas';

/**
 * The OpenAPI entries added in 1.5.0: editing and deleting a comment, and a meeting's record
 * (recording attendance; reading and recording roll calls; reading, drafting and approving minutes)
 * with the answers of those it names. Pure: no database.
 */

const commentId = z.uuid().meta({ description: "The comment's id, as posting it answered." });
const rollCallId = z.uuid().meta({ description: "The roll call's id." });
const meetingRef = z.object({ number: z.number().int() });
const answer = z.enum(['confirmed', 'disputed']);

const rollCallList = z
  .object({
    rollCalls: z.array(
      z.object({
        id: z.string(),
        number: z.number().int(),
        motion: z.string(),
        agendaItem: z.number().int().nullable().meta({ description: 'The agenda item it decided (1-based), or null for a free-text motion.' }),
        proposalNumber: z.number().int().nullable().meta({ description: 'The proposal that agenda item lists: the roll call never changed it.' }),
        recordedAt: date,
        answerBy: date.meta({ description: 'Until when each voter may confirm or dispute their recorded vote.' }),
        carried: z.boolean(),
        outcomeText: z.string(),
        majorityText: z.string(),
        standing: z
          .enum(['not_carried', 'in_effect', 'held', 'ratified'])
          .meta({ description: '`held`: carried at an irregular meeting, not in effect until a proposal ratifies it.' }),
        standingText: z.string(),
        ratifiedAt: date.nullable(),
        ratifiedByProposalNumber: z.number().int().nullable(),
        disputes: z.number().int(),
        votes: z.array(
          z.object({
            userId: z.string().nullable(),
            name: z.string(),
            vote: z.enum(['yes', 'no', 'abstain', 'absent']),
            answer: answer.nullable(),
            disputeNote: z.string().nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'RollCallList', description: "A meeting's roll calls, in the order recorded, as its page lists them (names, never e-mail addresses)." });

const minutesView = z
  .object({
    minutes: z
      .object({
        revision: z.number().int(),
        sha256: z.string(),
        text: z.string().nullable().meta({
          description:
            "null when the caller may not read it: a closed session's text stays with the body's seat holders until disclosed; a draft with the body and its record-keepers.",
        }),
        closedMatter: z.enum(['personnel', 'legal', 'security', 'other']).nullable(),
        matterWords: z.string().nullable(),
        draftedAt: date,
        draftedBy: z.string().nullable(),
        sealedAt: date.nullable(),
        disclosesAt: date.nullable(),
        disclosedAt: date.nullable(),
        approval: z.object({
          state: z.enum(['open', 'approved', 'rejected']),
          approvals: z.number().int(),
          rejections: z.number().int(),
          needed: z.number().int().meta({ description: "A majority of the body's charter seats." }),
        }),
      })
      .nullable()
      .meta({ description: 'null until a first draft.' }),
    disclosureDays: z.number().int(),
    viewer: z
      .object({
        holdsSeat: z.boolean(),
        keepsRecord: z.boolean(),
        mayDraft: z.boolean(),
        ownAnswer: z.enum(['approved', 'rejected']).nullable(),
        mayAnswer: z.boolean(),
      })
      .meta({ description: 'What the caller may do, as the page offers it (the operations check again); all false for an anonymous read.' }),
  })
  .meta({ id: 'MeetingMinutes', description: "A meeting's minutes as its page shows them to the caller, and their approval." });

type Entry = { method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string; operation: ZodOpenApiOperationObject };

const comments: Entry[] = [
  {
    method: 'patch',
    path: '/api/v1/orgs/{slug}/proposals/{number}/comments/{id}',
    operation: write(
      'editComment',
      'Edit your comment while comments are open (write token, its author), as the edit form does: every version stays in its history',
      z.object({ slug, number, id: commentId }),
      editCommentBodySchema,
      ['200', z.object({ ok: z.literal(true), comment: z.object({ id: z.string(), revision: z.number().int() }) }), 'Edited'],
      [400, 401, 403, 404, 409, 415, 429],
    ),
  },
  {
    method: 'delete',
    path: '/api/v1/orgs/{slug}/proposals/{number}/comments/{id}',
    operation: write(
      'deleteComment',
      'Delete your comment while comments are open (write token, its author), as the delete form does: a tombstone keeps its place',
      z.object({ slug, number, id: commentId }),
      null,
      ['200', z.object({ ok: z.literal(true), comment: z.object({ id: z.string(), deleted: z.literal(true) }) }), 'Deleted'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
];

const meetingRecord: Entry[] = [
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/meetings/{number}/roll-calls',
    operation: {
      operationId: 'listRollCalls',
      summary: "A meeting's roll calls: each seat holder's vote with their confirmation or dispute, the outcome and where it stands",
      security: readSecurity,
      requestParams: { path: z.object({ slug, number: meetingNumber }) },
      responses: { '200': json(rollCallList, 'The roll calls'), ...problems(401, 403, 404) },
    },
  },
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/meetings/{number}/minutes',
    operation: {
      operationId: 'getMinutes',
      summary: "A meeting's minutes as its page shows them to the caller, their approval, and whether the caller may draft or answer",
      security: readSecurity,
      requestParams: { path: z.object({ slug, number: meetingNumber }) },
      responses: { '200': json(minutesView, 'The minutes (null before a first draft)'), ...problems(401, 403, 404) },
    },
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/meetings/{number}/attendance',
    operation: write(
      'recordAttendance',
      'Record a seat holder present, remote or absent at a meeting that started (write token, a secretary or an admin), as the attendance form does',
      z.object({ slug, number: meetingNumber }),
      recordAttendanceBodySchema,
      [
        '200',
        z.object({
          ok: z.literal(true),
          meeting: meetingRef,
          attendance: z.object({ userId: z.string(), name: z.string(), status: z.enum(['present', 'remote', 'absent']) }),
        }),
        'Recorded',
      ],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/meetings/{number}/attendance/answer',
    operation: write(
      'answerAttendance',
      'Confirm or dispute your own attendance record (write token, the seat holder recorded), as the form does',
      z.object({ slug, number: meetingNumber }),
      answerAttendanceBodySchema,
      ['200', z.object({ ok: z.literal(true), meeting: meetingRef, attendance: z.object({ answer }) }), 'Answered'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/meetings/{number}/roll-calls',
    operation: write(
      'recordRollCall',
      "Record a roll call: each seat holder's vote on a motion or an agenda item (write token, a secretary or an admin), as the roll-call form does; held when the meeting is irregular",
      z.object({ slug, number: meetingNumber }),
      recordRollCallBodySchema,
      [
        '201',
        z.object({ ok: z.literal(true), meeting: meetingRef, rollCall: z.object({ number: z.number().int(), carried: z.boolean(), held: z.boolean() }) }),
        'Recorded; every seat holder is told',
      ],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/meetings/{number}/roll-calls/{id}/answer',
    operation: write(
      'answerRollCallVote',
      'Confirm or dispute your own recorded vote in a roll call (write token, the voter), as the form does; a dispute is public',
      z.object({ slug, number: meetingNumber, id: rollCallId }),
      answerRollCallVoteBodySchema,
      ['200', z.object({ ok: z.literal(true), meeting: meetingRef, rollCall: z.object({ number: z.number().int(), answer }) }), 'Answered'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/meetings/{number}/minutes',
    operation: write(
      'draftMinutes',
      "Draft or revise a meeting's minutes (write token, a secretary or an admin), as the minutes form does: the body's seat holders are asked to approve",
      z.object({ slug, number: meetingNumber }),
      draftMinutesBodySchema,
      ['201', z.object({ ok: z.literal(true), meeting: meetingRef, minutes: z.object({ revision: z.number().int() }) }), 'Saved'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/meetings/{number}/minutes/answers',
    operation: write(
      'answerMinutes',
      'Approve or reject the revision of the minutes you read (write token, a seat holder of the body), as the form does: sealed at a majority of charter seats',
      z.object({ slug, number: meetingNumber }),
      answerMinutesBodySchema,
      [
        '200',
        z.object({
          ok: z.literal(true),
          meeting: meetingRef,
          minutes: z.object({
            revision: z.number().int(),
            approved: z.boolean(),
            sealed: z.boolean(),
            approvals: z.number().int(),
            needed: z.number().int(),
          }),
        }),
        'Answered',
      ],
      [400, 401, 403, 404, 409, 415],
    ),
  },
];

/** The comment operations (listed after posting a comment) and the meeting record's (after cancelling a meeting). */
export const commentOperations = comments;
export const meetingRecordOperations = meetingRecord;
