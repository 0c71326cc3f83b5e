import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';

type Props = { slug: string; isPublic: boolean; isMember: boolean; bodies: { key: string; name: string }[] };

const linkClass = 'inline-flex min-h-11 items-center font-medium text-brand-700 underline-offset-2 hover:underline';

/**
 * "Subscribe (iCalendar)": the organization's calendar feed, and one per body. A private
 * organization's feed needs a session, which calendar apps do not have: its members are pointed
 * to their personal link instead.
 */
export function CalendarLinks({ slug, isPublic, isMember, bodies }: Props) {
  const t = useTranslations('calendar');
  if (!isPublic) {
    return isMember ? (
      <p className="mt-3 text-sm text-zinc-700">
        {t('privateIntro')}{' '}
        <Link href="/account#calendar-heading" className={linkClass}>
          {t('personalLink')}
        </Link>
      </p>
    ) : null;
  }
  return (
    <div className="mt-3 text-sm">
      <p className="text-zinc-700">{t('intro')}</p>
      <ul className="flex flex-wrap gap-x-5">
        <li>
          <a href={`/o/${slug}/calendar.ics`} type="text/calendar" className={linkClass}>
            {t('subscribe')}
          </a>
        </li>
        {bodies.length > 1
          ? bodies.map((b) => (
              <li key={b.key}>
                <a href={`/o/${slug}/calendar.ics?body=${encodeURIComponent(b.key)}`} type="text/calendar" className={linkClass}>
                  {t('subscribeBody', { body: b.name })}
                </a>
              </li>
            ))
          : null}
      </ul>
      {isMember ? (
        <p className="text-zinc-700">
          {t('allOrgs')}{' '}
          <Link href="/account#calendar-heading" className={linkClass}>
            {t('personalLink')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
