import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { followProposalAction } from '@/app/o/[slug]/proposals/actions';
import { ActionForm } from '@/components/ui/action-form';

/** Follow / Unfollow: e-mail for this proposal's comments, replies, revisions and status changes. */
export function FollowButton({ slug, ids, following }: { slug: string; ids: { orgId: string; proposalId: string }; following: boolean }) {
  const t = useTranslations('follow');
  return (
    <div className="mb-4 rounded-xl border border-zinc-200 bg-white p-4">
      <p id="follow-hint" className="mb-2 text-sm text-zinc-700">
        {t(following ? 'following' : 'notFollowing')}{' '}
        {t.rich('settings', {
          link: (chunks) => (
            <Link href={`/o/${slug}/settings/notifications`} className="underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <ActionForm
        action={followProposalAction}
        hidden={{ ...ids, follow: following ? 'false' : 'true' }}
        submitLabel={t(following ? 'unfollow' : 'follow')}
        pendingLabel={t(following ? 'unfollowPending' : 'followPending')}
        variant={following ? 'secondary' : 'primary'}
        label={t(following ? 'unfollowLabel' : 'followLabel')}
      />
    </div>
  );
}
