import Link from 'next/link';
import type { FoundingStatus } from '@/lib/governance/founding';
import { vacantSeatsText } from '@/lib/governance/founding';

/**
 * Said plainly while founding appointments are open (nothing published yet): the first
 * publication closes them, and how many seats are still vacant. Renders nothing once closed.
 */
export function FoundingNotice({ founding, seatsHref }: { founding: FoundingStatus; seatsHref?: string }) {
  if (!founding.open) return null;
  return (
    <section aria-labelledby="founding-notice" className="mb-6 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <h2 id="founding-notice" className="font-semibold">
        Founding appointments are open
      </h2>
      <p className="mt-1">
        Until the first proposal is published, an admin may seat the founding holders directly. Publishing the first proposal closes founding appointments;
        after that, vacant seats are filled by appointment proposals.{' '}
        <strong>{founding.vacantSeats > 0 ? `${vacantSeatsText(founding.vacantSeats)} still vacant.` : 'Every seat is filled.'}</strong>
      </p>
      {seatsHref ? (
        <p className="mt-2">
          <Link href={seatsHref} className="inline-block py-2 font-medium text-amber-950 underline underline-offset-2">
            See the seats
          </Link>
        </p>
      ) : null}
    </section>
  );
}
