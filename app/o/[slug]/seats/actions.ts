'use server';

import { foundingAppointOperation, resignSeatOperation } from '@/lib/actions/operations';
import { orgOperationAction } from '@/lib/actions/use-case-action';
import { requestTranslator } from '@/lib/i18n/refusals';

// The success lines in the request's language (English outside a request: tests and scripts).
// The API appoints and resigns through the same operations.
export const appointFoundingHolderAction = orgOperationAction(foundingAppointOperation, async () => (await requestTranslator())('seats.appointed'));

export const resignSeatAction = orgOperationAction(resignSeatOperation, async () => (await requestTranslator())('seats.resigned'));
