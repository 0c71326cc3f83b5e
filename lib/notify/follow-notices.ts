import 'server-only';
import type { Executor } from '@/db/client';
import { followerIds, recipientsOfEvent } from '@/db/queries/follows';
import { memberUserIds } from '@/db/queries/member-lookups';
import { getUserName } from '@/db/queries/users';
import { enqueueNotice, mergeRecipients } from './outbox';
import type { FollowedActivity, NotificationPayload } from './templates';

/**
 * Followers of a proposal hear of its new comments and replies, revisions and status changes: one
 * `followed_activity` notice per event, in the caller's transaction (so with the event and its log
 * entry), to every follower who is still an accepted member (and anyone in `alsoTo` who is an
 * accepted member, as if they followed) — never to the person who acted, and
 * not to anyone the event's own notice (`alsoNotifiedBy`, e.g. the decision notice) already reached.
 * Preferences apply as for every optional kind: off gives no row, digest folds it into the digest.
 */
export async function enqueueFollowerNotice(
  tx: Executor,
  n: {
    proposal: { id: string; orgId: string; number: number; title: string };
    activity: FollowedActivity;
    /** Makes the event key unique: the comment id, the revision number, the stage index. */
    ref: string;
    actorId: string | null;
    details?: Pick<NotificationPayload, 'bodyName' | 'closesAt' | 'outcome' | 'revision' | 'consent'>;
    alsoNotifiedBy?: string;
    /** People told as if they followed (the standing objectors of a consent proposal the author revised), while accepted members. */
    alsoTo?: readonly string[];
    at: Date;
  },
): Promise<number> {
  const { proposal: p } = n;
  let followers = await followerIds(tx, p.orgId, p.id, n.actorId);
  const extra = (n.alsoTo ?? []).filter((u) => u !== n.actorId && !followers.includes(u));
  if (extra.length > 0) {
    const members = new Set(await memberUserIds(tx, p.orgId));
    followers = [...followers, ...extra.filter((u) => members.has(u))];
  }
  if (followers.length === 0) return 0;
  if (n.alsoNotifiedBy) {
    const told = await recipientsOfEvent(tx, n.alsoNotifiedBy, followers);
    followers = followers.filter((u) => !told.has(u));
  }
  if (followers.length === 0) return 0;
  const actorName = n.actorId ? ((await getUserName(tx, n.actorId))?.name ?? null) : null;
  return enqueueNotice(tx, {
    orgId: p.orgId,
    key: `follow:${p.id}:${n.activity}:${n.ref}`,
    kind: 'followed_activity',
    payload: { number: p.number, title: p.title, activity: n.activity, actorName, ...n.details },
    recipients: mergeRecipients([], followers),
    at: n.at,
  });
}
