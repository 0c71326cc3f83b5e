'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { createApiTokenAction, revokeApiTokenAction } from '@/app/account/actions';
import { FormMessage } from '@/components/ui/form-message';
import { ShownOnce } from '@/components/ui/shown-once';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/actions/state';
import { formats } from '@/lib/i18n/formats';

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

const input = 'mt-1 block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900';

function Errors({ id, errors }: { id: string; errors: string[] | undefined }) {
  return errors ? (
    <p id={id} className="mt-1 text-sm text-red-800">
      {errors.join(' ')}
    </p>
  ) : null;
}

function RevokeForm({ token }: { token: TokenRow }) {
  const t = useTranslations('account.tokens');
  const [state, revoke] = useActionState(revokeApiTokenAction, initialActionState);
  const errors = state.fieldErrors?.confirmRevoke;
  if (state.ok) return <FormMessage state={state} focusOnMessage />;
  return (
    <form action={revoke} aria-label={t('revokeLabel', { name: token.name })} className="mt-2 space-y-2" noValidate>
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
        <span>{t('revokeConfirm', { name: token.name })}</span>
      </label>
      <Errors id={`revoke-${token.id}-error`} errors={errors} />
      <FormMessage state={state} focusOnMessage />
      <SubmitButton variant="secondary" pendingLabel={t('revoking')}>
        {t('revoke')}
      </SubmitButton>
    </form>
  );
}

/**
 * Personal API tokens on /account: create one (shown once, here, from the action's answer — the
 * server keeps only its hash), see each token's scope and dates, and revoke one (ticking a box first).
 */
export function ApiTokensSection({ tokens, organizations, now }: Props) {
  const t = useTranslations('account.tokens');
  const format = useFormatter();
  const day = (iso: string) => format.dateTime(new Date(iso), formats.dateTime.long);
  const [created, create] = useActionState(createApiTokenAction, initialActionState);
  const fresh = created.ok ? (created.recorded?.token ?? null) : null;
  const fe = created.fieldErrors ?? {};
  return (
    <section aria-labelledby="api-heading" className="space-y-3 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
      <h2 id="api-heading" className="text-lg font-semibold text-zinc-900">
        {t('title')}
      </h2>
      <p className="text-sm text-zinc-700">
        {t.rich('intro', {
          api: (chunks) => (
            <a href="/api/v1/docs" className="underline">
              {chunks}
            </a>
          ),
        })}
      </p>
      {fresh ? (
        <ShownOnce
          id="api-token-value"
          label={t('newLabel')}
          value={fresh}
          copyLabel={t('copyLabel')}
          message={<FormMessage state={created} focusOnMessage />}
        />
      ) : null}
      <form action={create} aria-label={t('createLabel')} className="space-y-3" noValidate>
        <div>
          <label htmlFor="api-token-name" className="block text-sm font-medium text-zinc-900">
            {t('name')}
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
            {t('access')}
          </label>
          <select id="api-token-scope" name="scope" defaultValue="read" className={input}>
            <option value="read">{t('readOnly')}</option>
            <option value="write">{t('readWrite')}</option>
          </select>
          <Errors id="api-token-scope-error" errors={fe.scope} />
        </div>
        <div>
          <label htmlFor="api-token-org" className="block text-sm font-medium text-zinc-900">
            {t('organization')}
          </label>
          <select id="api-token-org" name="orgId" defaultValue="" className={input} aria-describedby={fe.orgId ? 'api-token-org-error' : undefined}>
            <option value="">{t('everyOrganization')}</option>
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
            {t('expiresAfter')}
          </label>
          <select id="api-token-expiry" name="expiresInDays" defaultValue="30" className={input}>
            {[7, 30, 90].map((n) => (
              <option key={n} value={n}>
                {t('days', { count: n })}
              </option>
            ))}
            <option value="365">{t('year')}</option>
          </select>
        </div>
        <FormMessage state={created.ok ? initialActionState : created} focusOnMessage />
        <SubmitButton pendingLabel={t('creating')}>{t('create')}</SubmitButton>
      </form>
      {tokens.length > 0 ? (
        <ul className="divide-y divide-zinc-200 text-sm">
          {tokens.map((row) => {
            const state = row.revokedAt
              ? t('revokedAt', { at: day(row.revokedAt) })
              : row.expiresAt <= now
                ? t('expiredAt', { at: day(row.expiresAt) })
                : t('expiresAt', { at: day(row.expiresAt) });
            return (
              <li key={row.id} className="py-3">
                <p className="font-medium text-zinc-900">{row.name}</p>
                <p className="text-zinc-700">
                  {row.scope === 'write' ? t('rowReadWrite') : t('readOnly')} · {row.orgName ?? t('rowEveryOrganization')} ·{' '}
                  {t('createdAt', { at: day(row.createdAt) })} · {state} · {row.lastUsedAt ? t('lastUsed', { at: day(row.lastUsedAt) }) : t('neverUsed')}
                </p>
                {!row.revokedAt && row.expiresAt > now ? <RevokeForm token={row} /> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
