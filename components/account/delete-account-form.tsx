'use client';

import { deleteAccountAction } from '@/app/account/actions';
import { fieldState, StateForm } from '@/components/forms/state-form';
import { Field } from '@/components/ui/field';
import { deleteAccountPhrase } from '@/lib/governance/account';

/** Deleting the account: what goes, what stays, and the phrase typed to confirm. */
export function DeleteAccountForm() {
  return (
    <section aria-labelledby="delete-account-heading" className="space-y-3">
      <h2 id="delete-account-heading" className="text-lg font-semibold text-zinc-900">
        Delete your account
      </h2>
      <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-700">
        <li>Your name and e-mail address are removed, you are signed out, and you leave every organization.</li>
        <li>
          Each organization’s public decision log records that an account was deleted, under a random pseudonym. Earlier entries stay as they are, so the log
          can still be verified; they no longer show your name.
        </li>
        <li>Your proposals, comments and ballots stay part of the record, without your name.</li>
        <li>If you hold a seat, resign from it first. If you are an organization’s only admin, make someone else an admin first.</li>
        <li>This cannot be undone. Download your data first if you want a copy.</li>
      </ul>
      <StateForm
        action={deleteAccountAction}
        className="space-y-4"
        noValidate
        submitLabel="Delete my account"
        pendingLabel="Deleting…"
        submitClassName="bg-red-700! hover:bg-red-800! disabled:bg-red-700/60!"
      >
        {(state) => (
          <Field
            id="delete-confirm"
            label={`To confirm, type “${deleteAccountPhrase}”`}
            required
            maxLength={40}
            autoComplete="off"
            {...fieldState(state, 'confirm', '')}
          />
        )}
      </StateForm>
    </section>
  );
}
