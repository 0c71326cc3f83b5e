'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { isUniqueViolation } from '@/db/queries/errors';
import { insertOrganization } from '@/db/queries/organizations';
import { appendLogEntry } from '@/db/queries/log';
import { userAction } from '@/lib/actions/action';
import type { ActionState } from '@/lib/actions/state';
import { now } from '@/lib/clock';
import { charterFromTemplate, validateCharter } from '@/lib/governance/charter';
import { adjustCharter } from '@/lib/governance/charter-adjust';
import { adoptFoundingCharter } from '@/lib/use-cases/founding';
import { createOrganizationSchema } from '@/lib/validation/organization';

export const createOrganization = userAction(createOrganizationSchema, async ({ input, user, values }): Promise<ActionState> => {
  let slug: string;
  try {
    const at = now();
    const charter = adjustCharter(charterFromTemplate(input.template), { primarySeats: input.primarySeats, vacancyDeadlineDays: input.vacancyDeadlineDays });
    const valid = validateCharter(charter);
    if (!valid.ok) return { ok: false, message: valid.errors.join(' '), fieldErrors: { primarySeats: valid.errors }, values };
    const org = await getDb().transaction(async (tx) => {
      const created = await insertOrganization(tx, { slug: input.slug, name: input.name, mission: input.mission, createdBy: user.id, at });
      await appendLogEntry(tx, {
        orgId: created.id,
        actorId: user.id,
        kind: 'organization.created',
        subject: `organization:${created.id}`,
        payload: { slug: created.slug, name: input.name },
        at,
      });
      await adoptFoundingCharter(tx, { orgId: created.id, actorId: user.id, templateKey: input.template, charter, at });
      return created;
    });
    slug = org.slug;
  } catch (error) {
    if (isUniqueViolation(error, 'organizations_slug_unique')) {
      return {
        ok: false,
        message: 'Please correct the highlighted fields.',
        fieldErrors: { slug: [`The slug "${input.slug}" is taken. Choose another.`] },
        values,
      };
    }
    throw error;
  }
  revalidatePath('/');
  redirect(`/o/${slug}`);
});
