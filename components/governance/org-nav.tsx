import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { ScrollCurrentSectionIntoView } from './org-nav-scroll';

// Each tab's label is the message orgNav.<key>.
const tabs = [
  { key: 'overview', href: '' },
  { key: 'proposals', href: '/proposals' },
  { key: 'petitions', href: '/petitions' },
  { key: 'meetings', href: '/meetings' },
  { key: 'written-consents', href: '/written-consents' },
  { key: 'seats', href: '/seats' },
  { key: 'log', href: '/log' },
  { key: 'verify', href: '/verify' },
  { key: 'members', href: '/members', membersOnly: true },
  { key: 'delegations', href: '/delegations', membersOnly: true },
  { key: 'notifications', href: '/settings/notifications', membersOnly: true },
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
  const t = useTranslations('orgNav');
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
        aria-label={t('sections', { name })}
        className="relative mt-2 flex gap-1 overflow-x-auto shadow-[inset_0_-1px_0_var(--color-zinc-200)] [scrollbar-width:thin]"
      >
        {tabs
          .filter((tab) => !('membersOnly' in tab) || isMember)
          .map((tab) => (
            <Link
              key={tab.key}
              href={`/o/${slug}${tab.href}`}
              aria-current={tab.key === current ? 'page' : undefined}
              className={`flex min-h-11 shrink-0 items-center border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap ${tab.key === current ? 'border-brand-700 text-brand-800' : 'border-transparent text-zinc-600 hover:text-zinc-900'}`}
            >
              {t(tab.key)}
            </Link>
          ))}
      </nav>
      <ScrollCurrentSectionIntoView navId="org-sections" />
    </div>
  );
}

/** What an archived organization is: its record stays readable, nothing new is accepted. */
export function ArchivedBanner({ archivedAt }: { archivedAt: Date }) {
  const t = useTranslations('orgNav');
  return (
    <div role="status" className="mb-4 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900" data-testid="archived-banner">
      <p className="font-semibold">{t('archivedTitle', { day: archivedAt })}</p>
      <p className="mt-1">{t('archivedBody')}</p>
    </div>
  );
}
