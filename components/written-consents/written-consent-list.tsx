import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { StatusBadge } from '@/components/governance/phase-badge';
import type { WrittenConsentSummary } from '@/db/read/written-consents';
import { writtenConsentStatusIn } from './written-consent-status';

/** Written consents as cards: number and title, body, status line with the time left, and signatures of signers. */
export function WrittenConsentList({
  slug,
  consents,
  now,
  headingLevel = 'h3',
}: {
  slug: string;
  consents: WrittenConsentSummary[];
  now: Date;
  headingLevel?: 'h2' | 'h3';
}) {
  const Heading = headingLevel;
  const t = useTranslations('writtenConsents');
  return (
    <ul className="space-y-3">
      {consents.map((c) => {
        const status = writtenConsentStatusIn(c.phase, now, t);
        return (
          <li
            key={c.id}
            data-testid={`written-consent-${c.number}`}
            className="relative rounded-xl border border-zinc-200 bg-white p-4 shadow-sm hover:shadow-md"
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <Heading className="font-semibold text-zinc-900">
                  <Link href={`/o/${slug}/written-consents/${c.number}`} className="break-words after:absolute after:inset-0 hover:underline">
                    {t('heading', { number: c.number, title: c.title })}
                  </Link>
                </Heading>
                <p className="mt-1 text-xs text-zinc-600">
                  {t('listLine', { body: c.bodyName, at: c.openedAt, signatures: c.signatures, signers: c.signers })}
                </p>
              </div>
              <StatusBadge status={status} />
            </div>
            <p className="mt-2 text-sm text-zinc-700">{status.line}</p>
          </li>
        );
      })}
    </ul>
  );
}
