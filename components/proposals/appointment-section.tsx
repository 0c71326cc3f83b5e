import { useTranslations } from 'next-intl';
import { declareEligibilityAction } from '@/app/o/[slug]/proposals/actions';
import { ActionForm } from '@/components/ui/action-form';
import { LabelledSection } from '@/components/ui/labelled-section';
import { seatClassLabel } from '@/lib/governance/seat-class';

const knownClasses = ['general', 'independent', 'employee_representative', 'member_elected'] as const;
const isKnownClass = (key: string): key is (typeof knownClasses)[number] => (knownClasses as readonly string[]).includes(key);

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
  const t = useTranslations('proposalPanels');
  const tn = useTranslations('newProposal');
  // The known seat classes in the reader's language; a charter's own class by its key, as written.
  const classWord = (key: string) => (isKnownClass(key) ? tn(`classWord_${key}`) : seatClassLabel(key));
  return (
    <LabelledSection
      id="appointment"
      title={t('appointment')}
      className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
      headingClassName="mb-3 text-lg font-semibold"
    >
      <p className="text-sm">
        {t('appointmentLine', {
          appointee: appointeeLabel,
          seat: seatLabel ?? t('seatGone'),
          general: String(!classSeat),
          seatClass: classSeat ? classWord(classSeat.seatClass) : '',
        })}
      </p>
      {classSeat ? (
        <div className="mt-3 text-sm">
          <p className="font-medium">{t('declarationHeading')}</p>
          <blockquote className="mt-1 border-l-4 border-zinc-300 pl-3 text-zinc-700">{classSeat.declaration}</blockquote>
          <p className="mt-2">{declared ? t('declarationMade') : t('declarationPending')}</p>
          {mayDeclare ? (
            <div className="mt-3">
              <ActionForm action={declareEligibilityAction} hidden={ids} submitLabel={t('declare')} label={t('declarationLabel')} />
            </div>
          ) : null}
        </div>
      ) : null}
    </LabelledSection>
  );
}
