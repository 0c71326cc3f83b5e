'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { isUniqueViolation } from '@/db/queries/errors';
import { insertOrganization } from '@/db/queries/organizations';
import { userAction } from '@/lib/actions/action';
import { createOrganizationSchema } from '@/lib/validation/organization';

export const createOrganization = userAction(createOrganizationSchema, async ({ input, user, values }) => {
  let slug: string;
  try {
    const org = await getDb().transaction((tx) =>
      insertOrganization(tx, { slug: input.slug, name: input.name, mission: input.mission, createdBy: user.id }),
    );
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
