'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { setStakeholderGroupAction } from '@/app/o/[slug]/members/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/actions/state';
import { STAKEHOLDER_GROUP_MAX } from '@/lib/governance/stakeholder-groups';

/** The id of the page's one <datalist> of the groups in use, which every row's field suggests from. */
export const stakeholderGroupListId = 'stakeholder-groups';

/** The groups already in use, offered as suggestions by each row's field. Rendered once per page. */
export function StakeholderGroupSuggestions({ groups }: { groups: string[] }) {
  return (
    <datalist id={stakeholderGroupListId}>
      {groups.map((g) => (
        <option key={g} value={g} />
      ))}
    </datalist>
  );
}

/** An admin sets or clears (empty field) one member's stakeholder group; the change is on the public record. */
export function StakeholderGroupForm({
  orgId,
  membershipId,
  group,
  memberLabel,
}: {
  orgId: string;
  membershipId: string;
  group: string | null;
  memberLabel: string;
}) {
  const [state, formAction] = useActionState(setStakeholderGroupAction, initialActionState);
  const t = useTranslations('memberForms');
  const inputId = `group-${membershipId}`;
  const messageId = `group-msg-${membershipId}`;
  const error = state.fieldErrors?.group?.[0];
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <label htmlFor={inputId} className="sr-only">
        {t('groupOf', { name: memberLabel })}
      </label>
      <input
        id={inputId}
        name="group"
        list={stakeholderGroupListId}
        defaultValue={state.values?.group ?? group ?? ''}
        maxLength={STAKEHOLDER_GROUP_MAX}
        placeholder={t('noGroup')}
        aria-describedby={messageId}
        aria-invalid={error ? true : undefined}
        className="w-36 rounded-lg border border-zinc-300 px-2 py-1.5 text-sm"
      />
      <SubmitButton variant="secondary" pendingLabel={t('saving')} className="!px-3 !py-1.5">
        {t('set')}
      </SubmitButton>
      <p id={messageId} aria-live="polite" className={`w-full text-xs ${state.ok ? 'text-emerald-800' : 'text-red-700'}`}>
        {error ?? state.message}
      </p>
    </form>
  );
}
