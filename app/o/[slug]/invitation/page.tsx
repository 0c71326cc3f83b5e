import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { loadInvitationPage } from '@/db/read/member-pages';
import { acceptInvitationAction, declineInvitationAction } from './actions';
import { ActionForm } from '@/components/ui/action-form';
import { requireUser } from '@/lib/auth/session';
import { roleDescriptions, roleLabels } from '@/lib/governance/roles';

export const metadata: Metadata = { title: 'Invitation', robots: { index: false } };

type Props = { params: Promise<{ slug: string }> };

const card = 'mx-auto max-w-lg rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8';

/**
 * Where an invitation's link lands after sign-in: the invitee sees which organization invites
 * them, as what, and accepts or declines. Until they accept they are not a member.
 */
export default async function InvitationPage({ params }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/o/${slug}/invitation`);
  const found = await loadInvitationPage(slug, user.id);
  if (!found) notFound();
  const { org, invitation } = found;
  if (invitation?.accepted) redirect(`/o/${org.slug}`);

  if (!invitation) {
    return (
      <div className={card}>
        <h1 className="text-2xl font-bold break-words">No invitation waiting</h1>
        <p className="mt-3 text-zinc-600">
          There is no pending invitation to <strong className="break-words text-zinc-900">{org.name}</strong> for {user.email}. It may have been revoked,
          declined, or sent to another address. An admin of the organization can invite you again.
        </p>
        <p className="mt-6">
          <Link href={`/o/${org.slug}`} className="font-semibold text-brand-700 underline">
            Go to {org.name}
          </Link>
        </p>
      </div>
    );
  }

  const role = roleLabels[invitation.role].toLowerCase();
  return (
    <div className={card}>
      <p className="text-sm font-medium uppercase tracking-wide text-zinc-500">Invitation</p>
      <h1 className="mt-1 text-2xl font-bold break-words">Join {org.name}</h1>
      <p className="mt-3 text-zinc-700">
        {invitation.invitedByName ?? 'An admin'} invited <strong className="break-all text-zinc-900">{user.email}</strong> to join{' '}
        <strong className="break-words text-zinc-900">{org.name}</strong> as {role}.
      </p>
      {org.mission ? <p className="mt-3 break-words whitespace-pre-line text-sm text-zinc-600">{org.mission}</p> : null}
      <p className="mt-3 text-sm text-zinc-600">
        <span className="font-medium text-zinc-900">{roleLabels[invitation.role]}:</span> {roleDescriptions[invitation.role]}
      </p>
      <p className="mt-3 text-sm text-zinc-600">
        You are not a member until you accept: you get none of the organization&rsquo;s notices before that. Accepting or declining is on the
        organization&rsquo;s public record.
      </p>
      <ActionForm
        action={acceptInvitationAction}
        hidden={{ orgId: org.id }}
        submitLabel="Accept and join"
        pendingLabel="Joining…"
        label={`Accept the invitation to ${org.name}`}
        className="mt-6"
      />
      <details className="mt-4 text-sm">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-zinc-700 underline">I do not want to join</summary>
        <ActionForm
          action={declineInvitationAction}
          hidden={{ orgId: org.id }}
          submitLabel="Decline the invitation"
          pendingLabel="Declining…"
          variant="secondary"
          label={`Decline the invitation to ${org.name}`}
          className="mt-2"
        >
          <p className="text-zinc-600">The invitation is withdrawn. To join later, an admin has to invite you again.</p>
        </ActionForm>
      </details>
    </div>
  );
}
