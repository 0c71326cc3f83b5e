import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { OrganizationLogo } from './organization-logo';

export function OrganizationCard({
  slug,
  name,
  mission,
  memberCount,
  badge,
  logoSha256,
}: {
  slug: string;
  name: string;
  mission?: string;
  memberCount?: number;
  badge?: string;
  /** The logo's hash when the organization has one (served by /o/[slug]/logo). */
  logoSha256?: string | null;
}) {
  const t = useTranslations('home');
  return (
    <li className="relative rounded-xl border border-zinc-200 bg-white p-5 shadow-sm transition-shadow focus-within:shadow-md hover:shadow-md">
      <div className="flex items-start gap-3">
        <OrganizationLogo slug={slug} sha256={logoSha256} size={40} />
        <h3 className="min-w-0 flex-1 font-semibold text-zinc-900">
          <Link href={`/o/${slug}`} className="after:absolute after:inset-0 hover:underline focus:outline-none">
            {name}
          </Link>
        </h3>
        {badge ? <span className="shrink-0 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800">{badge}</span> : null}
      </div>
      {mission ? <p className="mt-2 line-clamp-2 text-sm text-zinc-600">{mission}</p> : null}
      {memberCount !== undefined ? <p className="mt-3 text-xs text-zinc-500">{t('memberCount', { count: memberCount })}</p> : null}
    </li>
  );
}
