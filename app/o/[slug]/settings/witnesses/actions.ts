'use server';

import { addWitnessOperation, removeWitnessOperation } from '@/lib/actions/operations';
import { orgOperationAction } from '@/lib/actions/use-case-action';
import { requestTranslator } from '@/lib/i18n/refusals';

/** Admins register a witness; the registration is itself logged, so readers see who vouches. The operations the API shares. */
export const addWitnessAction = orgOperationAction(addWitnessOperation, async (_input, added) =>
  (await requestTranslator())('settings.flashWitnessAdded', { name: added.name }),
);

export const removeWitnessAction = orgOperationAction(removeWitnessOperation, async () => (await requestTranslator())('settings.flashWitnessRemoved'));
