'use server';

import { orgUseCaseAction } from '@/lib/actions/use-case-action';
import { foundingAppoint } from '@/lib/use-cases/founding';
import { resignSeat } from '@/lib/use-cases/seats';
import { seatAppointSchema, seatResignSchema } from '@/lib/validation/proposal';

export const appointFoundingHolderAction = orgUseCaseAction(
  seatAppointSchema,
  'observer',
  foundingAppoint,
  'Seat filled. The appointment is in the public log.',
);

export const resignSeatAction = orgUseCaseAction(seatResignSchema, 'observer', resignSeat, 'You have resigned the seat. Its vacancy clock has started.');
