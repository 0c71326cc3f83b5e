'use client';

import { useActionState } from 'react';
import { createOrganization } from '@/app/orgs/new/actions';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/actions/state';

export function CreateOrganizationForm() {
  const [state, formAction] = useActionState(createOrganization, initialActionState);
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <Field id="org-name" name="name" label="Name" required maxLength={120} defaultValue={state.values?.name} errors={state.fieldErrors?.name} placeholder="River Valley Food Co-op" />
      <Field
        id="org-slug"
        name="slug"
        label="Address (slug)"
        maxLength={48}
        defaultValue={state.values?.slug}
        errors={state.fieldErrors?.slug}
        hint="Lowercase letters, digits and hyphens; your public page will be /o/<slug>. Leave empty to derive it from the name."
        placeholder="river-valley-food-co-op"
      />
      <Field
        id="org-mission"
        name="mission"
        label="Mission"
        multiline
        maxLength={2000}
        defaultValue={state.values?.mission}
        errors={state.fieldErrors?.mission}
        hint="One or two sentences, shown on your public page. Optional."
      />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Creating…">Create organization</SubmitButton>
    </form>
  );
}
