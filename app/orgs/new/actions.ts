'use server';

import { getDb } from '@/db/client';
import { isUniqueViolation } from '@/db/queries/errors';
import { getOrganizationBySlug } from '@/db/queries/organizations';
import { refusalState, userAction } from '@/lib/actions/action';
import type { ActionResult } from '@/lib/actions/action';
import { forwardedClientAddress, spendLimit } from '@/lib/actions/limit';
import { now } from '@/lib/clock';
import { charterFromTemplate, validateCharter } from '@/lib/governance/charter';
import { adjustCharter, primarySeatsProblem } from '@/lib/governance/charter-adjust';
import { formatMessage } from '@/lib/governance/messages';
import { refuse } from '@/lib/governance/refusal';
import { localizedRefusal } from '@/lib/i18n/refusals';
import { foundOrganization } from '@/lib/use-cases/founding';
import { createOrganizationSchema } from '@/lib/validation/organization';

/** Answered, not thrown: the form's message stays the wrapper's own ("correct the highlighted fields"); both in the reader's language. */
async function slugTaken(slug: string, values: Record<string, string>): Promise<ActionResult> {
  const taken = await localizedRefusal('organization.slug_taken', { slug }, formatMessage('organization.slug_taken', { slug }));
  const state = refusalState('action.invalid_input', values);
  const message = await localizedRefusal('action.invalid_input', undefined, state.message!);
  return { ...state, message, code: 'organization.slug_taken', fieldErrors: { slug: [taken] } };
}

// A new organization joins the public list on the home page.
export const createOrganizationAction = userAction(
  createOrganizationSchema,
  async ({ input, user, values }): Promise<ActionResult> => {
    const at = now();
    const template = charterFromTemplate(input.template);
    // Settings the template cannot take are refused beside the field, in the body's own name, before anything is spent.
    const tooFew = primarySeatsProblem(template, input.primarySeats);
    if (tooFew) refuse('organization.too_few_seats', tooFew, 'primarySeats');
    const charter = adjustCharter(template, { primarySeats: input.primarySeats, vacancyDeadlineDays: input.vacancyDeadlineDays });
    const valid = validateCharter(charter);
    if (!valid.ok) refuse('organization.charter_unworkable', { errors: valid.errors.join(' ') }, 'primarySeats');
    // Only a creation that can go ahead spends from the limits: a person correcting a setting or the slug is not slowed down.
    if (await getOrganizationBySlug(getDb(), input.slug)) return slugTaken(input.slug, values);
    await spendLimit('organizationCreate', user.id);
    // Without a proxy every direct client would share one key: the per-person limit alone holds then.
    const address = await forwardedClientAddress();
    if (address) await spendLimit('organizationCreateClient', address);
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
    if (!org) return slugTaken(input.slug, values);
    return { ok: true, redirectTo: `/o/${org.slug}` };
  },
  { revalidate: [{ path: '/' }] },
);
