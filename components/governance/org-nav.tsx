import Link from 'next/link';
import { ScrollCurrentSectionIntoView } from './org-nav-scroll';

const tabs = [
  { key: 'overview', label: 'Overview', href: '' },
  { key: 'proposals', label: 'Proposals', href: '/proposals' },
  { key: 'petitions', label: 'Petitions', href: '/petitions' },
  { key: 'meetings', label: 'Meetings', href: '/meetings' },
  { key: 'written-consents', label: 'Written consents', href: '/written-consents' },
  { key: 'seats', label: 'Seats', href: '/seats' },
  { key: 'log', label: 'Decision log', href: '/log' },
  { key: 'verify', label: 'Verify', href: '/verify' },
  { key: 'members', label: 'Members', href: '/members', membersOnly: true },
  { key: 'delegations', label: 'My delegations', href: '/delegations', membersOnly: true },
  { key: 'notifications', label: 'Notifications', href: '/settings/notifications', membersOnly: true },
] as const;

type Props = {
  slug: string;
  name: string;
  current: (typeof tabs)[number]['key'];
  isMember: boolean;
  /** Set while the organization is archived: a banner says what that means. */
  archivedAt?: Date | null;
};

export function OrgNav({ slug, name, current, isMember, archivedAt = null }: Props) {
  return (
    <div className="mb-8">
      {archivedAt ? <ArchivedBanner archivedAt={archivedAt} /> : null}
      <p className="text-sm">
        <Link href={`/o/${slug}`} className="font-semibold text-brand-700 hover:underline">
          {name}
        </Link>
      </p>
      {/* One row: on a narrow screen it scrolls sideways (each link is focusable, so the keyboard scrolls it too). */}
      <nav
        id="org-sections"
        aria-label={`${name} sections`}
        className="relative mt-2 flex gap-1 overflow-x-auto shadow-[inset_0_-1px_0_var(--color-zinc-200)] [scrollbar-width:thin]"
      >
        {tabs
          .filter((t) => !('membersOnly' in t) || isMember)
          .map((t) => (
            <Link
              key={t.key}
              href={`/o/${slug}${t.href}`}
              aria-current={t.key === current ? 'page' : undefined}
              className={`flex min-h-11 shrink-0 items-center border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap ${t.key === current ? 'border-brand-700 text-brand-800' : 'border-transparent text-zinc-600 hover:text-zinc-900'}`}
            >
              {t.label}
            </Link>
          ))}
      </nav>
      <ScrollCurrentSectionIntoView navId="org-sections" />
    </div>
  );
}

/** What an archived organization is: its record stays readable, nothing new is accepted. */
export function ArchivedBanner({ archivedAt }: { archivedAt: Date }) {
  const day = archivedAt.toISOString().slice(0, 10);
  return (
    <div role="status" className="mb-4 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900" data-testid="archived-banner">
      <p className="font-semibold">This organization is archived (since {day}).</p>
      <p className="mt-1">
        Its charter, proposals and decision log stay readable and verifiable. It takes no new proposals, comments, ballots, seat, membership or profile changes
        until an admin unarchives it.
      </p>
    </div>
  );
}
