import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import type { FoundingStatus } from '@/lib/governance/founding';

/**
 * Said plainly while founding appointments are open (nothing published yet): the first
 * publication closes them, and how many seats are still vacant. Renders nothing once closed.
 */
export function FoundingNotice({ founding, seatsHref }: { founding: FoundingStatus; seatsHref?: string }) {
  const t = useTranslations('founding');
  if (!founding.open) return null;
  return (
    <section aria-labelledby="founding-notice" className="mb-6 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <h2 id="founding-notice" className="font-semibold">
        {t('title')}
      </h2>
      <p className="mt-1">
        {t('body')} <strong>{founding.vacantSeats > 0 ? t('vacant', { count: founding.vacantSeats }) : t('allFilled')}</strong>
      </p>
      {seatsHref ? (
        <p className="mt-2">
          <Link href={seatsHref} className="inline-block py-2 font-medium text-amber-950 underline underline-offset-2">
            {t('seeSeats')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
