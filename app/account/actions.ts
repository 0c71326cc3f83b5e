'use server';

import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { userAction } from '@/lib/actions/action';
import { personNameSchema } from '@/lib/validation/organization';

export const updateNameAction = userAction(z.object({ name: personNameSchema }), async ({ input, user }) => {
  await getDb().update(users).set({ name: input.name }).where(eq(users.id, user.id));
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Saved. This is the name shown on proposals, comments and seats.' };
});
