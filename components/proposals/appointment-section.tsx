import { declareEligibilityAction } from '@/app/o/[slug]/proposals/actions';
import { ActionForm } from '@/components/ui/action-form';
import { LabelledSection } from '@/components/ui/labelled-section';
import { seatClassLabel } from '@/lib/governance/seat-class';

type Props = {
  ids: { orgId: string; proposalId: string };
  appointeeLabel: string;
  /** "Board seat 3", or null when the seat is no longer vacant or no longer exists. */
  seatLabel: string | null;
  classSeat: { seatClass: string; declaration: string } | null;
  declared: boolean;
  mayDeclare: boolean;
};

/** A seat appointment: which seat, who, and (for a class seat) the appointee's own declaration. */
export function AppointmentSection({ ids, appointeeLabel, seatLabel, classSeat, declared, mayDeclare }: Props) {
  return (
    <LabelledSection
      id="appointment"
      title="Appointment"
      className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
      headingClassName="mb-3 text-lg font-semibold"
    >
      <p className="text-sm">
        {appointeeLabel} to {seatLabel ?? 'a seat that is no longer vacant or no longer exists'}
        {classSeat ? `, reserved for: ${seatClassLabel(classSeat.seatClass)}` : ' (a general seat)'}.
      </p>
      {classSeat ? (
        <div className="mt-3 text-sm">
          <p className="font-medium">The appointee&rsquo;s declaration</p>
          <blockquote className="mt-1 border-l-4 border-zinc-300 pl-3 text-zinc-700">{classSeat.declaration}</blockquote>
          <p className="mt-2">
            {declared
              ? 'Made by the appointee in their own name; it is in the public record below.'
              : 'Not yet made. Voting cannot open until the appointee makes it on this page.'}
          </p>
          {mayDeclare ? (
            <div className="mt-3">
              <ActionForm action={declareEligibilityAction} hidden={ids} submitLabel="I make this declaration" label="Your declaration" />
            </div>
          ) : null}
        </div>
      ) : null}
    </LabelledSection>
  );
}
