'use client';

import { useTranslations } from 'next-intl';
import { delegateVoteAction } from '@/app/o/[slug]/delegations/actions';
import { StateForm, fieldState } from '@/components/forms/state-form';
import { SelectField } from '@/components/ui/select-field';
import type { Option } from '@/components/ui/select-field';

/** Names a delegate for a scope; the server's answer (or refusal, in words) is shown beside the field it concerns. */
export function DelegateForm({ orgId, members, scopes }: { orgId: string; members: Option[]; scopes: Option[] }) {
  const t = useTranslations('delegationForm');
  return (
    <StateForm
      action={delegateVoteAction}
      className="space-y-4"
      noValidate
      hidden={{ orgId }}
      submitLabel={t('submit')}
      pendingLabel={t('pending')}
      submitClassName="w-full sm:w-auto"
    >
      {(state) => {
        const member = fieldState(state, 'delegateUserId');
        const scope = fieldState(state, 'scope', 'general');
        // After a success the form starts over; after a refusal it keeps what was chosen.
        const keep = (v: string | undefined) => (state.ok ? undefined : v);
        return (
          <>
            <SelectField
              key={`m-${state.ok}-${member.defaultValue}`}
              id="delegate-member"
              name="delegateUserId"
              label={t('member')}
              options={members}
              defaultValue={keep(member.defaultValue)}
              errors={member.errors}
              hint={t('memberHint')}
              prompt={t('choose')}
            />
            <SelectField
              key={`s-${state.ok}-${scope.defaultValue}`}
              id="delegate-scope"
              name="scope"
              label={t('scope')}
              options={scopes}
              defaultValue={state.ok ? 'general' : scope.defaultValue}
              errors={scope.errors}
              hint={t('scopeHint')}
              prompt={t('choose')}
            />
          </>
        );
      }}
    </StateForm>
  );
}
