import { z } from 'zod';
import type { ZodOpenApiOperationObject } from 'zod-openapi';
import { meetingNumber, number, slug, write } from './openapi-parts';
import { answerPetitionBodySchema, openPetitionBodySchema, revokePetitionBodySchema, seatAppointBodySchema, updateMeetingBodySchema } from './schemas';

/** The OpenAPI entries added in 1.6.0: open a petition, revoke your signature, answer a petition; back an emergency motion, declare an appointee's eligibility; resign a seat and make founding appointments; change a meeting. Pure: no database. */

const bodyKey = z.string().meta({ description: "The body's key, as the organization's bodies list it." });
const seatPosition = z.string().regex(/^\d+$/).meta({ description: "The seat's position in its body (1-based), as the organization's bodies list it." });
const seatAnswer = (vacant: boolean) =>
  z.object({
    ok: z.literal(true),
    seat: z.object({ body: z.string(), position: z.number().int(), vacant: z.literal(vacant), ...(vacant ? {} : { holderUserId: z.string() }) }),
  });

const petitionNumber = z.string().regex(/^\d+$/).meta({ description: "The petition's number in the organization." });

export const operationsOf160: { method: 'post'; path: string; operation: ZodOpenApiOperationObject }[] = [
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/petitions',
    operation: write(
      'openPetition',
      "Open a petition to the charter's answering body (write token, a member, not an observer), for all members or your stakeholder group, as the open form does",
      z.object({ slug }),
      openPetitionBodySchema,
      ['201', z.object({ ok: z.literal(true), petition: z.object({ number: z.number().int() }) }), 'Open'],
      [400, 401, 403, 404, 409, 415, 429],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/petitions/{number}/signatures/revoke',
    operation: write(
      'revokePetitionSignature',
      'Revoke your signature while the petition takes signatures (write token, a signer), as the revoke form does: `confirm` must be "yes"; a threshold once reached stays reached',
      z.object({ slug, number: petitionNumber }),
      revokePetitionBodySchema,
      ['200', z.object({ ok: z.literal(true), petition: z.object({ number: z.number().int(), signatureCount: z.number().int() }) }), 'Revoked'],
      [400, 401, 403, 404, 409, 415, 429],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/petitions/{number}/answer',
    operation: write(
      'answerPetition',
      "Record the answering body's public answer once the threshold is reached (write token, a secretary or an admin), as the answer form does; `late` when past its due date",
      z.object({ slug, number: petitionNumber }),
      answerPetitionBodySchema,
      ['200', z.object({ ok: z.literal(true), petition: z.object({ number: z.number().int(), answered: z.literal(true), late: z.boolean() }) }), 'Answered'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/proposals/{number}/emergency-backings',
    operation: write(
      'backEmergencyMotion',
      "Back a proposal's emergency motion while it is in discussion (write token, a seat holder of its first deciding body), as the Back button does; approved once enough of the body's charter seats back it, which shortens the discussion",
      z.object({ slug, number }),
      null,
      ['201', z.object({ ok: z.literal(true), emergency: z.object({ backers: z.number().int(), approved: z.boolean() }) }), 'Backed'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/bodies/{key}/seats/{position}/resign',
    operation: write(
      'resignSeat',
      'Resign the seat you hold (write token, its holder), as the Resign button does: the seat is vacant and its vacancy deadline starts',
      z.object({ slug, key: bodyKey, position: seatPosition }),
      null,
      ['200', seatAnswer(true), 'Resigned'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/bodies/{key}/seats/{position}/founding-appointment',
    operation: write(
      'foundingAppoint',
      'Seat a voting member in a vacant seat while founding appointments are open, before the first publication (or for a body nobody in office can fill) (write token, an admin), as the Appoint form does',
      z.object({ slug, key: bodyKey, position: seatPosition }),
      seatAppointBodySchema,
      ['201', seatAnswer(false), 'Appointed'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/proposals/{number}/eligibility-declaration',
    operation: write(
      'declareEligibility',
      'Declare, as the appointee of a class seat, the qualification the appointment states (write token, the appointee, before voting), as the Declare button does; voting waits for it',
      z.object({ slug, number }),
      null,
      ['201', z.object({ ok: z.literal(true), declaration: z.object({ declared: z.literal(true) }) }), 'Declared (logged)'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/meetings/{number}/change',
    operation: write(
      'changeMeeting',
      "Change a meeting's title, time, length, place or agenda before it starts (write token, a secretary or an admin), as the change form does: every field, as the form sends them; every seat holder is sent the change",
      z.object({ slug, number: meetingNumber }),
      updateMeetingBodySchema,
      ['200', z.object({ ok: z.literal(true), meeting: z.object({ number: z.number().int(), shortNotice: z.boolean() }) }), 'Changed'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
];
