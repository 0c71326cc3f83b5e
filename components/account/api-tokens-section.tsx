'use client';

import { useActionState } from 'react';
import { createApiTokenAction, revokeApiTokenAction } from '@/app/account/actions';
import { FormMessage } from '@/components/ui/form-message';
import { ShownOnce } from '@/components/ui/shown-once';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/actions/state';

export type TokenRow = {
  id: string;
  name: string;
  scope: 'read' | 'write';
  orgName: string | null;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
};

type Props = { tokens: TokenRow[]; organizations: { id: string; name: string }[]; now: string };

const day = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
const input = 'mt-1 block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900';

function Errors({ id, errors }: { id: string; errors: string[] | undefined }) {
  return errors ? (
    <p id={id} className="mt-1 text-sm text-red-800">
      {errors.join(' ')}
    </p>
  ) : null;
}

function RevokeForm({ token }: { token: TokenRow }) {
  const [state, revoke] = useActionState(revokeApiTokenAction, initialActionState);
  const errors = state.fieldErrors?.confirmRevoke;
  if (state.ok) return <FormMessage state={state} focusOnMessage />;
  return (
    <form action={revoke} aria-label={`Revoke the token ${token.name}`} className="mt-2 space-y-2" noValidate>
      <input type="hidden" name="tokenId" value={token.id} />
      <label className="flex items-start gap-3 text-sm text-zinc-900">
        <input
          type="checkbox"
          name="confirmRevoke"
          value="yes"
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? `revoke-${token.id}-error` : undefined}
          className="mt-0.5 size-5 shrink-0"
        />
        <span>I understand that scripts using “{token.name}” stop working at once.</span>
      </label>
      <Errors id={`revoke-${token.id}-error`} errors={errors} />
      <FormMessage state={state} focusOnMessage />
      <SubmitButton variant="secondary" pendingLabel="Revoking…">
        Revoke
      </SubmitButton>
    </form>
  );
}

/**
 * Personal API tokens on /account: create one (shown once, here, from the action's answer — the
 * server keeps only its hash), see each token's scope and dates, and revoke one (ticking a box first).
 */
export function ApiTokensSection({ tokens, organizations, now }: Props) {
  const [created, create] = useActionState(createApiTokenAction, initialActionState);
  const fresh = created.ok ? (created.recorded?.token ?? null) : null;
  const fe = created.fieldErrors ?? {};
  return (
    <section aria-labelledby="api-heading" className="space-y-3 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
      <h2 id="api-heading" className="text-lg font-semibold text-zinc-900">
        API tokens
      </h2>
      <p className="text-sm text-zinc-700">
        A token lets a script use the{' '}
        <a href="/api/v1/docs" className="underline">
          Quorate API
        </a>{' '}
        as you: it can never do more than you can. A read token only reads; a write token can also comment and vote. Keep tokens secret and revoke any that gets
        out.
      </p>
      {fresh ? (
        <ShownOnce
          id="api-token-value"
          label="Your new token"
          value={fresh}
          copyLabel="Copy the token"
          message={<FormMessage state={created} focusOnMessage />}
        />
      ) : null}
      <form action={create} aria-label="Create an API token" className="space-y-3" noValidate>
        <div>
          <label htmlFor="api-token-name" className="block text-sm font-medium text-zinc-900">
            Name
          </label>
          <input
            id="api-token-name"
            name="name"
            maxLength={80}
            defaultValue={created.ok ? '' : created.values?.name}
            aria-invalid={fe.name ? true : undefined}
            aria-describedby={fe.name ? 'api-token-name-error' : undefined}
            className={input}
          />
          <Errors id="api-token-name-error" errors={fe.name} />
        </div>
        <div>
          <label htmlFor="api-token-scope" className="block text-sm font-medium text-zinc-900">
            Access
          </label>
          <select id="api-token-scope" name="scope" defaultValue="read" className={input}>
            <option value="read">Read only</option>
            <option value="write">Read and write (comment, vote)</option>
          </select>
          <Errors id="api-token-scope-error" errors={fe.scope} />
        </div>
        <div>
          <label htmlFor="api-token-org" className="block text-sm font-medium text-zinc-900">
            Organization
          </label>
          <select id="api-token-org" name="orgId" defaultValue="" className={input} aria-describedby={fe.orgId ? 'api-token-org-error' : undefined}>
            <option value="">Every organization I belong to</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <Errors id="api-token-org-error" errors={fe.orgId} />
        </div>
        <div>
          <label htmlFor="api-token-expiry" className="block text-sm font-medium text-zinc-900">
            Expires after
          </label>
          <select id="api-token-expiry" name="expiresInDays" defaultValue="30" className={input}>
            <option value="7">7 days</option>
            <option value="30">30 days</option>
            <option value="90">90 days</option>
            <option value="365">1 year</option>
          </select>
        </div>
        <FormMessage state={created.ok ? initialActionState : created} focusOnMessage />
        <SubmitButton pendingLabel="Creating…">Create a token</SubmitButton>
      </form>
      {tokens.length > 0 ? (
        <ul className="divide-y divide-zinc-200 text-sm">
          {tokens.map((t) => {
            const state = t.revokedAt ? `revoked ${day(t.revokedAt)}` : t.expiresAt <= now ? `expired ${day(t.expiresAt)}` : `expires ${day(t.expiresAt)}`;
            return (
              <li key={t.id} className="py-3">
                <p className="font-medium text-zinc-900">{t.name}</p>
                <p className="text-zinc-700">
                  {t.scope === 'write' ? 'Read and write' : 'Read only'} · {t.orgName ?? 'every organization'} · created {day(t.createdAt)} · {state} ·{' '}
                  {t.lastUsedAt ? `last used ${day(t.lastUsedAt)}` : 'never used'}
                </p>
                {!t.revokedAt && t.expiresAt > now ? <RevokeForm token={t} /> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
