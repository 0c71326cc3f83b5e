'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { getOrganizationName } from '@/db/queries/organizations';
import { userAction } from '@/lib/actions/action';
import { now } from '@/lib/clock';
import { refuse } from '@/lib/governance/refusal';
import { requestTranslator } from '@/lib/i18n/refusals';
import { acceptInvitation, declineInvitation } from '@/lib/use-cases/memberships';
import { answerInvitationSchema } from '@/lib/validation/organization';

/** The organization's slug, or a refusal the invitee can read: the organization is gone. */
async function slugOf(orgId: string): Promise<string> {
  const org = await getOrganizationName(getDb(), orgId);
  if (!org) refuse('organization.not_found');
  return org.slug;
}

/** The signed-in invitee accepts their own invitation; nobody can accept for someone else (the session says whose). */
export const acceptInvitationAction = userAction(answerInvitationSchema, async ({ input, user }) => {
  const slug = await slugOf(input.orgId);
  await acceptInvitation(getDb(), { orgId: input.orgId, userId: user.id, at: now() });
  revalidatePath(`/o/${slug}`, 'layout');
  const t = await requestTranslator();
  return { ok: true, message: t('invitationPage.accepted'), redirectTo: `/o/${slug}` };
});

/** The signed-in invitee declines their own invitation; it is withdrawn and the decline is on the record. */
export const declineInvitationAction = userAction(answerInvitationSchema, async ({ input, user }) => {
  const slug = await slugOf(input.orgId);
  await declineInvitation(getDb(), { orgId: input.orgId, userId: user.id, at: now() });
  revalidatePath(`/o/${slug}`, 'layout');
  const t = await requestTranslator();
  return { ok: true, message: t('invitationPage.declined'), redirectTo: '/' };
});
