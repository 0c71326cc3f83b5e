import { z } from 'zod';
import type { ZodOpenApiOperationObject } from 'zod-openapi';
import { meetingNumber, number, slug, write } from './openapi-parts';
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
 * (attendance, roll calls, minutes) with the answers of those it names. Pure: no database.
 */

const commentId = z.uuid().meta({ description: "The comment's id, as posting it answered." });
const rollCallId = z.uuid().meta({ description: "The roll call's id." });
const meetingRef = z.object({ number: z.number().int() });
const answer = z.enum(['confirmed', 'disputed']);

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
