import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { loadInvitationPage } from '@/db/read/member-pages';
import { acceptInvitationAction, declineInvitationAction } from './actions';
import { ActionForm } from '@/components/ui/action-form';
import { requireUser } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('invitationPage');
  return { title: t('title'), robots: { index: false } };
}

type Props = { params: Promise<{ slug: string }> };

/** A bold part of a sentence (the organization's name, the address), for t.rich. */
function strong(className: string) {
  return function Strong(chunks: React.ReactNode) {
    return <strong className={`${className} text-zinc-900`}>{chunks}</strong>;
  };
}

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
  const t = await getTranslations('invitationPage');
  if (invitation?.accepted) redirect(`/o/${org.slug}`);

  if (!invitation) {
    return (
      <div className={card}>
        <h1 className="text-2xl font-bold break-words">{t('noneTitle')}</h1>
        <p className="mt-3 text-zinc-600">{t.rich('noneBody', { org: org.name, email: user.email, name: strong('break-words') })}</p>
        <p className="mt-6">
          <Link href={`/o/${org.slug}`} className="font-semibold text-brand-700 underline">
            {t('goTo', { org: org.name })}
          </Link>
        </p>
      </div>
    );
  }

  const tRoles = await getTranslations('roles');
  const tMembers = await getTranslations('members');
  return (
    <div className={card}>
      <p className="text-sm font-medium uppercase tracking-wide text-zinc-500">{t('eyebrow')}</p>
      <h1 className="mt-1 text-2xl font-bold break-words">{t('join', { org: org.name })}</h1>
      <p className="mt-3 text-zinc-700">
        {t.rich(invitation.invitedByName ? 'invitedBy' : 'invitedByAdmin', {
          by: invitation.invitedByName ?? '',
          email: user.email,
          org: org.name,
          role: invitation.role,
          address: strong('break-all'),
          name: strong('break-words'),
        })}
      </p>
      {org.mission ? <p className="mt-3 break-words whitespace-pre-line text-sm text-zinc-600">{org.mission}</p> : null}
      <p className="mt-3 text-sm text-zinc-600">
        <span className="font-medium text-zinc-900">{t('roleTerm', { role: tRoles(invitation.role) })}</span> {tMembers(`roleDescriptions.${invitation.role}`)}
      </p>
      <p className="mt-3 text-sm text-zinc-600">{t('notYet')}</p>
      <ActionForm
        action={acceptInvitationAction}
        hidden={{ orgId: org.id }}
        submitLabel={t('accept')}
        pendingLabel={t('joining')}
        label={t('acceptLabel', { org: org.name })}
        className="mt-6"
      />
      <details className="mt-4 text-sm">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-zinc-700 underline">{t('declineSummary')}</summary>
        <ActionForm
          action={declineInvitationAction}
          hidden={{ orgId: org.id }}
          submitLabel={t('decline')}
          pendingLabel={t('declining')}
          variant="secondary"
          label={t('declineLabel', { org: org.name })}
          className="mt-2"
        >
          <p className="text-zinc-600">{t('declineBody')}</p>
        </ActionForm>
      </details>
    </div>
  );
}
