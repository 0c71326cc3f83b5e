import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { motionWords } from '@/components/meetings/motion-words';
import type { HeldMotion } from '@/db/read/meeting-roll-calls';

/** The organization page's warning: motions carried at an irregular meeting, held until a regular proposal ratifies them. */
export async function HeldMotionsNotice({
  held,
  slug,
}: {
  held: Pick<HeldMotion, 'id' | 'meetingNumber' | 'number' | 'motion' | 'proposalNumber'>[];
  slug: string;
}) {
  if (held.length === 0) return null;
  const t = await getTranslations('org.held');
  const tm = await getTranslations('meetings');
  return (
    <section aria-labelledby="held-motions" className="mb-6 rounded-2xl border border-amber-300 bg-amber-50 p-5">
      <h2 id="held-motions" className="font-semibold text-amber-950">
        {t('title', { count: held.length })}
      </h2>
      <p className="mt-1 text-sm text-amber-950">{t('intro')}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {held.map((h) => (
          <li key={h.id} className="break-words">
            <Link href={`/o/${slug}/meetings/${h.meetingNumber}#roll-call-${h.number}`} className="font-medium text-amber-950 underline">
              {t('item', { meeting: h.meetingNumber, rollCall: h.number, motion: motionWords(tm, h.motion, h.proposalNumber) })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
