'use server';

import { archiveOrganizationOperation, unarchiveOrganizationOperation } from '@/lib/actions/operations';
import { orgOperationAction } from '@/lib/actions/use-case-action';
import { requestTranslator } from '@/lib/i18n/refusals';

/** Archive: admins only (the use case checks the role inside its transaction), with the name typed to confirm. The operation the API shares. */
export const archiveOrganizationAction = orgOperationAction(archiveOrganizationOperation, async () => (await requestTranslator())('settings.flashArchived'));

/** Unarchive: admins only; the organization takes changes again. */
export const unarchiveOrganizationAction = orgOperationAction(unarchiveOrganizationOperation, async () =>
  (await requestTranslator())('settings.flashUnarchived'),
);
