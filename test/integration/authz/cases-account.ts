/** The authorization matrix, account, organization, members, comments, delegations and seats: see ./scenario.ts. */
import { eq } from 'drizzle-orm';
import { calendarFeeds, delegations, memberships, organizationLogos, organizations, proposals } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { optionalKinds } from '@/lib/notify/kinds';
import { issueApiToken } from '@/lib/use-cases/api-tokens';
import { form, session } from '../helpers';
import { db, nextId, everyoneSignedIn, members, proposers } from './scenario';
import type { Case } from './scenario';

// redirect() after a successful create throws NEXT_REDIRECT; treat it as success.
const proposalActions = await import('@/app/o/[slug]/proposals/actions');
const seatActions = await import('@/app/o/[slug]/seats/actions');
const memberActions = await import('@/app/o/[slug]/members/actions');
const deliveryActions = await import('@/app/o/[slug]/delivery/actions');
const prefActions = await import('@/app/o/[slug]/settings/notifications/actions');
const profileActions = await import('@/app/o/[slug]/settings/profile/actions');
const archiveActions = await import('@/app/o/[slug]/settings/archive/actions');
const orgActions = await import('@/app/orgs/new/actions');
const accountActions = await import('@/app/account/actions');
const delegationActions = await import('@/app/o/[slug]/delegations/actions');

export const accountCases: Record<string, Case> = {
  updateNameAction: {
    allowed: everyoneSignedIn,
    ownAccountOnly: true,
    run: () => accountActions.updateNameAction(initialActionState, form({ name: 'Someone Else' })),
  },
  skipNamePromptAction: { allowed: everyoneSignedIn, ownAccountOnly: true, run: () => accountActions.skipNamePromptAction(initialActionState, form({})) },
  setMyLocaleAction: {
    allowed: everyoneSignedIn,
    ownAccountOnly: true,
    run: () => accountActions.setMyLocaleAction(initialActionState, form({ locale: 'fr' })),
  },
  // One's own calendar link: any signed-in person, for themselves only (no ids in the form).
  createCalendarFeedAction: {
    allowed: everyoneSignedIn,
    ownAccountOnly: true,
    run: () => accountActions.createCalendarFeedAction(initialActionState, form({})),
  },
  rotateCalendarFeedAction: {
    allowed: everyoneSignedIn,
    ownAccountOnly: true,
    run: async () => {
      if (session.user) await db.insert(calendarFeeds).values({ userId: session.user.id, tokenHash: `matrix-feed-${nextId()}` });
      return accountActions.rotateCalendarFeedAction(initialActionState, form({ confirmRotate: 'yes' }));
    },
  },
  // One's own API tokens: any signed-in person, for themselves only; a token limited to an organization needs its membership.
  createApiTokenAction: {
    allowed: everyoneSignedIn,
    ownAccountOnly: true,
    run: () => accountActions.createApiTokenAction(initialActionState, form({ name: 'Matrix token', scope: 'write', orgId: '', expiresInDays: '30' })),
  },
  revokeApiTokenAction: {
    allowed: everyoneSignedIn,
    ownAccountOnly: true,
    run: async () => {
      if (!session.user)
        return accountActions.revokeApiTokenAction(initialActionState, form({ tokenId: '00000000-0000-4000-8000-000000000000', confirmRevoke: 'yes' }));
      const { id } = await issueApiToken(db, session.user.id, { name: 'own', scope: 'read', orgId: null, expiresInDays: 30 }, new Date());
      return accountActions.revokeApiTokenAction(initialActionState, form({ tokenId: id, confirmRevoke: 'yes' }));
    },
  },
  createOrganizationAction: {
    allowed: everyoneSignedIn,
    ownAccountOnly: true,
    run: () => orgActions.createOrganizationAction(initialActionState, form({ name: 'A New Org', slug: `new-org-${nextId()}` })),
  },
  inviteMemberAction: {
    allowed: ['admin'],
    run: (s) => memberActions.inviteMemberAction(initialActionState, form({ orgId: s.orgId, email: `invitee-${nextId()}@matrix.example.org`, role: 'admin' })),
  },
  changeMemberRoleAction: {
    allowed: ['admin'],
    run: async (s) => {
      const [m] = await db.select().from(memberships).where(eq(memberships.userId, s.ids.member));
      return memberActions.changeMemberRoleAction(initialActionState, form({ orgId: s.orgId, membershipId: m!.id, role: 'admin' }));
    },
  },
  setStakeholderGroupAction: {
    allowed: ['admin'],
    run: async (s) => {
      const [m] = await db.select().from(memberships).where(eq(memberships.userId, s.ids.member));
      return memberActions.setStakeholderGroupAction(initialActionState, form({ orgId: s.orgId, membershipId: m!.id, group: 'residents' }));
    },
  },
  removeMemberAction: {
    allowed: ['admin'],
    run: async (s) => {
      const [m] = await db.select().from(memberships).where(eq(memberships.userId, s.ids.member));
      return memberActions.removeMemberAction(initialActionState, form({ orgId: s.orgId, membershipId: m!.id }));
    },
  },
  // Seat holders (the admin holds one too) must leave their seat first; outsiders have nothing to leave.
  leaveOrganizationAction: {
    allowed: ['observer', 'member', 'secretary'],
    run: (s) => memberActions.leaveOrganizationAction(initialActionState, form({ orgId: s.orgId, confirm: 'leave' })),
  },
  saveOrganizationProfileAction: {
    allowed: ['admin'],
    run: (s) =>
      profileActions.saveOrganizationProfileAction(initialActionState, form({ orgId: s.orgId, name: 'A Forged Name', mission: '', visibility: 'private' })),
  },
  setOrganizationLocaleAction: {
    allowed: ['admin'],
    run: (s) => profileActions.setOrganizationLocaleAction(initialActionState, form({ orgId: s.orgId, locale: 'de' })),
  },
  setOrganizationLogoAction: {
    allowed: ['admin'],
    run: (s) => {
      const fd = form({ orgId: s.orgId });
      fd.append('logo', new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])], 'logo.jpg', { type: 'image/jpeg' }));
      return profileActions.setOrganizationLogoAction(initialActionState, fd);
    },
  },
  // The scenario has a logo to remove first.
  removeOrganizationLogoAction: {
    allowed: ['admin'],
    run: async (s) => {
      const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
      await db
        .insert(organizationLogos)
        .values({ orgId: s.orgId, contentType: 'image/jpeg', sha256: 'x'.repeat(64), byteSize: bytes.length, bytes })
        .onConflictDoNothing();
      return profileActions.removeOrganizationLogoAction(initialActionState, form({ orgId: s.orgId }));
    },
  },
  // Archiving waits for open proposals, so the scenario's are marked decided first; the name is typed to confirm.
  archiveOrganizationAction: {
    allowed: ['admin'],
    run: async (s) => {
      await db.update(proposals).set({ outcome: 'passed' }).where(eq(proposals.orgId, s.orgId));
      const [org] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, s.orgId));
      return archiveActions.archiveOrganizationAction(initialActionState, form({ orgId: s.orgId, confirmation: org!.name }));
    },
  },
  unarchiveOrganizationAction: {
    allowed: ['admin'],
    run: async (s) => {
      await db.update(organizations).set({ archivedAt: new Date() }).where(eq(organizations.id, s.orgId));
      return archiveActions.unarchiveOrganizationAction(initialActionState, form({ orgId: s.orgId }));
    },
  },
  // Only the author changes a comment: no admin moderation.
  editCommentAction: {
    allowed: ['member'],
    run: (s) =>
      proposalActions.editCommentAction(
        initialActionState,
        form({ orgId: s.orgId, proposalId: s.discussion, commentId: s.memberComment, body: 'Forged words.' }),
      ),
  },
  deleteCommentAction: {
    allowed: ['member'],
    run: (s) => proposalActions.deleteCommentAction(initialActionState, form({ orgId: s.orgId, proposalId: s.discussion, commentId: s.memberComment })),
  },
  // Accepted members who vote (not observers) delegate their own vote; the member delegates to the admin, everyone else to the member.
  delegateVoteAction: {
    allowed: proposers,
    run: (s) =>
      delegationActions.delegateVoteAction(
        initialActionState,
        form({ orgId: s.orgId, delegateUserId: session.user?.id === s.ids.member ? s.ids.admin : s.ids.member, scope: 'general' }),
      ),
  },
  // The member's delegation, revoked by a forged POST: only the member may revoke it.
  revokeDelegationAction: {
    allowed: ['member'],
    prepare: async (s) => {
      const [row] = await db
        .insert(delegations)
        .values({ orgId: s.orgId, delegatorUserId: s.ids.member, delegateUserId: s.ids.admin, createdAt: new Date() })
        .returning();
      return { delegationId: row!.id };
    },
    run: (s, p) => delegationActions.revokeDelegationAction(initialActionState, form({ orgId: s.orgId, delegationId: p.delegationId! })),
  },
  // Founding appointments close at the first publication: nobody may make one now.
  appointFoundingHolderAction: {
    allowed: [],
    run: (s) => seatActions.appointFoundingHolderAction(initialActionState, form({ orgId: s.orgId, seatId: s.vacantSeatId, userId: s.ids.member })),
  },
  resignSeatAction: { allowed: ['seatHolder'], run: (s) => seatActions.resignSeatAction(initialActionState, form({ orgId: s.orgId, seatId: s.heldSeatId })) },
  retryDeadLetterAction: { allowed: ['admin'], run: (s) => deliveryActions.retryDeadLetterAction(initialActionState, form({ orgId: s.orgId, outboxId: '' })) },
  saveNotificationPreferencesAction: {
    allowed: members,
    run: (s) =>
      prefActions.saveNotificationPreferencesAction(
        initialActionState,
        // A valid form: every optional kind by daily digest.
        form({ orgId: s.orgId, ...Object.fromEntries(optionalKinds.map((kind) => [kind, 'digest'])) }),
      ),
  },
};
