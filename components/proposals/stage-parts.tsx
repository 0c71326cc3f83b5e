import type { BallotOffer } from '@/lib/governance/ballot-offer';

/** What the ballot form says when voting is not open to this person: what blocks it, or that it has not opened. */
export function notOpenNote(offer: BallotOffer, blocked: string | null): string | null {
  if (offer.show && offer.open) return null;
  return blocked ? `Voting cannot open: ${blocked}` : 'Voting is not open yet; the server refuses early ballots and says when it opens.';
}

/** A deciding stage's heading: "Stage 2: Board vote", or "Board vote" when there is one stage. */
export function StageHeading({ index, stageCount, bodyName }: { index: number; stageCount: number; bodyName: string }) {
  return (
    <h2 id={`stage-${index}`} className="font-semibold">
      {stageCount > 1 ? `Stage ${index + 1}: ` : ''}
      {bodyName} vote
    </h2>
  );
}

/** After a secret ballot's close: the viewer's own receipt (never anyone else's) and the page that finds a ballot by its receipt. */
export function ReceiptLink({ myReceipt, receiptUrl }: { myReceipt: string | null; receiptUrl: string }) {
  return (
    <p className="text-xs text-zinc-600">
      {myReceipt ? (
        <>
          Your receipt: <code className="whitespace-nowrap font-mono font-semibold text-zinc-900">{myReceipt}</code>.{' '}
        </>
      ) : null}
      <a className="text-brand-700 underline" href={myReceipt ? `${receiptUrl}?code=${myReceipt}` : receiptUrl}>
        Find a ballot by its receipt
      </a>
    </p>
  );
}
