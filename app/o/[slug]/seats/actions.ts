'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { orgAction } from '@/lib/actions/action';
import { refusalToState } from '@/lib/actions/refusal-state';
import { now } from '@/lib/clock';
import { foundingAppoint } from '@/lib/use-cases/founding';
import { resignSeat } from '@/lib/use-cases/seats';
import { seatAppointSchema, seatResignSchema } from '@/lib/validation/proposal';

export const foundingAppointAction = orgAction(seatAppointSchema, 'observer', async ({ input, user, membership, values }) =>
  refusalToState(values, async () => {
    await foundingAppoint(getDb(), { userId: user.id, role: membership.role }, input, now());
    revalidatePath('/o/[slug]', 'layout');
    return { ok: true, message: 'Seat filled. The appointment is in the public log.' };
  }),
);

export const resignSeatAction = orgAction(seatResignSchema, 'observer', async ({ input, user, membership, values }) =>
  refusalToState(values, async () => {
    await resignSeat(getDb(), { userId: user.id, role: membership.role }, input, now());
    revalidatePath('/o/[slug]', 'layout');
    return { ok: true, message: 'You have resigned the seat. Its vacancy clock has started.' };
  }),
);
