import { useTranslations } from 'next-intl';
import type { BallotOffer } from '@/lib/governance/ballot-offer';

/** What the ballot form says when voting is not open to this person: what blocks it, or that it has not opened. */
export function useNotOpenNote(offer: BallotOffer, blocked: string | null): string | null {
  const t = useTranslations('stage');
  if (offer.show && offer.open) return null;
  return blocked ? t('cannotOpen', { reason: blocked }) : t('notOpenYet');
}

/** A deciding stage's heading: "Stage 2: Board vote", or "Board vote" when there is one stage. */
export function StageHeading({ index, stageCount, bodyName }: { index: number; stageCount: number; bodyName: string }) {
  const t = useTranslations('stage');
  return (
    <h2 id={`stage-${index}`} className="font-semibold">
      {t('heading', { stages: stageCount, stage: index + 1, body: bodyName })}
    </h2>
  );
}

/** After a secret ballot's close: the viewer's own receipt (never anyone else's) and the page that finds a ballot by its receipt. */
export function ReceiptLink({ myReceipt, receiptUrl }: { myReceipt: string | null; receiptUrl: string }) {
  const t = useTranslations('stage');
  return (
    <p className="text-xs text-zinc-600">
      {myReceipt ? (
        <>{t.rich('yourReceipt', { code: () => <code className="whitespace-nowrap font-mono font-semibold text-zinc-900">{myReceipt}</code> })} </>
      ) : null}
      <a className="text-brand-700 underline" href={myReceipt ? `${receiptUrl}?code=${myReceipt}` : receiptUrl}>
        {t('findReceipt')}
      </a>
    </p>
  );
}
