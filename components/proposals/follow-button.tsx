import Link from 'next/link';
import { followProposalAction } from '@/app/o/[slug]/proposals/actions';
import { ActionForm } from '@/components/ui/action-form';

/** Follow / Unfollow: e-mail for this proposal's comments, replies, revisions and status changes. */
export function FollowButton({ slug, ids, following }: { slug: string; ids: { orgId: string; proposalId: string }; following: boolean }) {
  return (
    <div className="mb-4 rounded-xl border border-zinc-200 bg-white p-4">
      <p id="follow-hint" className="mb-2 text-sm text-zinc-700">
        {following
          ? 'You follow this proposal: you get an e-mail for each new comment or reply, each revision, when voting opens and when it is decided.'
          : 'Follow to get an e-mail for each new comment or reply, each revision, when voting opens and when it is decided.'}{' '}
        Posting a comment makes you follow it. You can turn these e-mails off or into a daily digest under “Proposals you follow” in your{' '}
        <Link href={`/o/${slug}/settings/notifications`} className="underline">
          notification settings
        </Link>
        .
      </p>
      <ActionForm
        action={followProposalAction}
        hidden={{ ...ids, follow: following ? 'false' : 'true' }}
        submitLabel={following ? 'Unfollow' : 'Follow'}
        pendingLabel={following ? 'Unfollowing…' : 'Following…'}
        variant={following ? 'secondary' : 'primary'}
        label={following ? 'Unfollow this proposal' : 'Follow this proposal'}
      />
    </div>
  );
}
