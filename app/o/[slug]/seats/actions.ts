'use server';

import { orgUseCaseAction } from '@/lib/actions/use-case-action';
import { requestTranslator } from '@/lib/i18n/refusals';
import { foundingAppoint } from '@/lib/use-cases/founding';
import { resignSeat } from '@/lib/use-cases/seats';
import { seatAppointSchema, seatResignSchema } from '@/lib/validation/proposal';

// The success lines in the request's language (English outside a request: tests and scripts).
export const appointFoundingHolderAction = orgUseCaseAction(seatAppointSchema, 'observer', foundingAppoint, async () =>
  (await requestTranslator())('seats.appointed'),
);

export const resignSeatAction = orgUseCaseAction(seatResignSchema, 'observer', resignSeat, async () => (await requestTranslator())('seats.resigned'));
