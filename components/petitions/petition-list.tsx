import Link from '@/components/ui/link';
import { useLocale, useTranslations } from 'next-intl';
import { StatusBadge } from '@/components/governance/phase-badge';
import type { PetitionSummary } from '@/db/read/petitions';
import { bodyInSentence } from '@/lib/i18n/words';
import { PetitionProgress } from './petition-progress';
import { petitionStatusIn } from './petition-status';

/** Petitions as cards: number and title, who it speaks for and to, its status line (an overdue answer in red) and the count. */
export function PetitionList({ slug, petitions, headingLevel = 'h3' }: { slug: string; petitions: PetitionSummary[]; headingLevel?: 'h2' | 'h3' }) {
  const Heading = headingLevel;
  const t = useTranslations('petitions');
  const locale = useLocale();
  return (
    <ul className="space-y-3">
      {petitions.map((p) => {
        const status = petitionStatusIn(p.phase, t);
        const overdue = p.phase.kind === 'overdue';
        return (
          <li
            key={p.id}
            data-testid={`petition-${p.number}`}
            className={`relative rounded-xl border bg-white p-4 shadow-sm hover:shadow-md ${overdue ? 'border-red-300 ring-1 ring-red-200' : 'border-zinc-200'}`}
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <Heading className="font-semibold text-zinc-900">
                  <Link href={`/o/${slug}/petitions/${p.number}`} className="break-words after:absolute after:inset-0 hover:underline">
                    {t('heading', { number: p.number, title: p.title })}
                  </Link>
                </Heading>
                <p className="mt-1 text-xs text-zinc-600">
                  {t('fromTo', {
                    kind: p.constituencyGroup === null ? 'all' : 'group',
                    group: p.constituencyGroup ?? '',
                    body: bodyInSentence(p.bodyName, locale),
                  })}{' '}
                  · {t('openedOn', { at: p.openedAt })}
                </p>
              </div>
              <StatusBadge status={status} />
            </div>
            <p className={`mt-2 text-sm ${overdue ? 'font-semibold text-red-800' : 'text-zinc-700'}`}>{status.line}</p>
            <div className="mt-2 max-w-sm">
              <PetitionProgress count={p.signatureCount} required={p.requiredSignatures} compact />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
