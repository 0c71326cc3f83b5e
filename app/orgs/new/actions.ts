'use server';

import { getDb } from '@/db/client';
import { isUniqueViolation } from '@/db/queries/errors';
import { refusalState, userAction } from '@/lib/actions/action';
import type { ActionResult } from '@/lib/actions/action';
import { now } from '@/lib/clock';
import { charterFromTemplate, validateCharter } from '@/lib/governance/charter';
import { adjustCharter } from '@/lib/governance/charter-adjust';
import { formatMessage } from '@/lib/governance/messages';
import { foundOrganization } from '@/lib/use-cases/founding';
import { createOrganizationSchema } from '@/lib/validation/organization';

// A new organization joins the public list on the home page.
export const createOrganizationAction = userAction(
  createOrganizationSchema,
  async ({ input, user, values }): Promise<ActionResult> => {
    const at = now();
    const charter = adjustCharter(charterFromTemplate(input.template), { primarySeats: input.primarySeats, vacancyDeadlineDays: input.vacancyDeadlineDays });
    const valid = validateCharter(charter);
    if (!valid.ok) return { ok: false, message: valid.errors.join(' '), fieldErrors: { primarySeats: valid.errors }, values };
    const org = await getDb()
      .transaction((tx) =>
        foundOrganization(tx, { slug: input.slug, name: input.name, mission: input.mission, createdBy: user.id, templateKey: input.template, charter, at }),
      )
      // Two people may take the same slug at the same moment: the unique index decides, and the
      // loser is told beside the field, as when the slug was taken long ago.
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'organizations_slug_unique')) return null;
        throw error;
      });
    if (!org) {
      const taken = formatMessage('organization.slug_taken', { slug: input.slug });
      return { ...refusalState('action.invalid_input', values), code: 'organization.slug_taken', fieldErrors: { slug: [taken] } };
    }
    return { ok: true, redirectTo: `/o/${org.slug}` };
  },
  { revalidate: [{ path: '/' }] },
);
