'use server';

import { getDb } from '@/db/client';
import { orgAction } from '@/lib/actions/action';
import { now } from '@/lib/clock';
import { foundingAppoint } from '@/lib/use-cases/founding';
import { resignSeat } from '@/lib/use-cases/seats';
import { seatAppointSchema, seatResignSchema } from '@/lib/validation/proposal';

export const appointFoundingHolderAction = orgAction(seatAppointSchema, 'observer', async ({ input, user, membership }) => {
  await foundingAppoint(getDb(), { userId: user.id, role: membership.role }, input, now());
  return { ok: true, message: 'Seat filled. The appointment is in the public log.' };
});

export const resignSeatAction = orgAction(seatResignSchema, 'observer', async ({ input, user, membership }) => {
  await resignSeat(getDb(), { userId: user.id, role: membership.role }, input, now());
  return { ok: true, message: 'You have resigned the seat. Its vacancy clock has started.' };
});
