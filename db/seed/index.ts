import { and, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { demoSeatHolders, seedGovernance } from './governance';
import { memberships, organizations, users } from '../schema';
import type { MembershipRole } from '../schema';

export const demoOrganization = {
  slug: 'riverbend-commons',
  name: 'Riverbend Commons',
  mission: 'A community land trust that keeps 140 homes permanently affordable, governed by its residents, its neighbours and an independent board.',
};

/** Demo people in every role. The @demo.quorate.localhost domain marks them for the dev shortcut. */
export const demoUsers: { name: string; email: string; role: MembershipRole }[] = [
  { name: 'Ada Okafor', email: 'ada@demo.quorate.localhost', role: 'admin' },
  { name: 'Grace Lindqvist', email: 'grace@demo.quorate.localhost', role: 'secretary' },
  { name: 'Linus Mbeki', email: 'linus@demo.quorate.localhost', role: 'member' },
  { name: 'Margaret Huang', email: 'margaret@demo.quorate.localhost', role: 'member' },
  { name: 'Tim Alvarez', email: 'tim@demo.quorate.localhost', role: 'observer' },
  ...demoSeatHolders.map((p) => ({ name: p.name, email: `${p.key}@demo.quorate.localhost`, role: 'member' as const })),
];

export type SeedLog = (line: string) => void;

/**
 * Idempotent: running it twice changes nothing the second time. The governance history is laid
 * out relative to `base` (default: now), so phases such as "voting" are current when you look.
 */
export async function seedDemo(db: Database, log: SeedLog = () => {}, base: Date = new Date()): Promise<{ orgId: string }> {
  const result = await db.transaction(async (tx) => {
    log(`users: ${demoUsers.length} demo people`);
    const ids = new Map<string, string>();
    for (const u of demoUsers) {
      await tx
        .insert(users)
        .values({ name: u.name, email: u.email, emailVerified: new Date('2026-01-01T00:00:00Z') })
        .onConflictDoNothing({ target: users.email });
      const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.email, u.email));
      if (!row) throw new Error(`seed: user ${u.email} missing after insert`);
      ids.set(u.email, row.id);
    }

    const founder = ids.get(demoUsers[0]!.email)!;
    await tx
      .insert(organizations)
      .values({ ...demoOrganization, createdBy: founder, createdAt: new Date('2026-01-05T09:00:00Z') })
      .onConflictDoNothing({ target: organizations.slug });
    const [org] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, demoOrganization.slug));
    if (!org) throw new Error('seed: demo organization missing after insert');
    log(`organization: ${demoOrganization.name} (/o/${demoOrganization.slug})`);

    let added = 0;
    for (const u of demoUsers) {
      const userId = ids.get(u.email)!;
      const existing = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, userId)));
      if (existing.length === 0) {
        await tx.insert(memberships).values({ orgId: org.id, userId, role: u.role });
        added++;
      }
    }
    log(`memberships: ${added} added, ${demoUsers.length - added} already present`);
    return { orgId: org.id, ids };
  });
  const people = Object.fromEntries(demoUsers.map((u) => [u.email.split('@')[0]!, { id: result.ids.get(u.email)!, role: u.role }]));
  await seedGovernance(db, result.orgId, people, base, log);
  return { orgId: result.orgId };
}
