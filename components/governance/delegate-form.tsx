'use client';

import { delegateVoteAction } from '@/app/o/[slug]/delegations/actions';
import { StateForm, fieldState } from '@/components/forms/state-form';
import { SelectField } from '@/components/ui/select-field';
import type { Option } from '@/components/ui/select-field';

/** Names a delegate for a scope; the server's answer (or refusal, in words) is shown beside the field it concerns. */
export function DelegateForm({ orgId, members, scopes }: { orgId: string; members: Option[]; scopes: Option[] }) {
  return (
    <StateForm
      action={delegateVoteAction}
      className="space-y-4"
      noValidate
      hidden={{ orgId }}
      submitLabel="Delegate my vote"
      pendingLabel="Delegating…"
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
              label="Member"
              options={members}
              defaultValue={keep(member.defaultValue)}
              errors={member.errors}
              hint="Members who vote (not observers)."
            />
            <SelectField
              key={`s-${state.ok}-${scope.defaultValue}`}
              id="delegate-scope"
              name="scope"
              label="For"
              options={scopes}
              defaultValue={state.ok ? 'general' : scope.defaultValue}
              errors={scope.errors}
              hint="A proposal’s delegation comes before its type’s, which comes before the one for every vote."
            />
          </>
        );
      }}
    </StateForm>
  );
}
