'use server';

import { getDb } from '@/db/client';
import { retryDeadLetters } from '@/db/queries/notify';
import { orgAction } from '@/lib/actions/action';
import { now } from '@/lib/clock';
import { requestTranslator } from '@/lib/i18n/refusals';
import { retryDeadLetterSchema } from '@/lib/validation/notify';

/** Admins only; the query is scoped to the organization, so an id from another org does nothing. */
export const retryDeadLetterAction = orgAction(retryDeadLetterSchema, 'admin', async ({ input }) => {
  const n = await retryDeadLetters(getDb(), input.orgId, input.outboxId || null, now());
  const t = await requestTranslator();
  return n > 0 ? { ok: true, message: t('settings.flashRetried', { count: n }) } : { ok: false, message: t('settings.retryNothing') };
});
