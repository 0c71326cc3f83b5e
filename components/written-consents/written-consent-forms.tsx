import { ActionForm } from '@/components/ui/action-form';
import type { ActionState } from '@/lib/actions/state';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
const input =
  'mt-1 block w-full rounded-lg border border-zinc-300 px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';
const check = 'mt-0.5 size-5 shrink-0 rounded border-zinc-400 text-brand-700';

/** Sign, with a ticked confirmation saying what signing means. */
export function SignWrittenConsentForm({ action, orgId, consentId, number }: { action: Action; orgId: string; consentId: string; number: number }) {
  return (
    <ActionForm action={action} hidden={{ orgId, consentId }} submitLabel="Sign" pendingLabel="Signing…" label={`Sign written consent #${number}`}>
      <label className="flex items-start gap-3 text-sm text-zinc-800">
        <input type="checkbox" name="confirm" value="yes" required className={check} />
        <span>
          I consent in writing to this resolution, in lieu of a meeting. My name and signature are public and logged. It takes effect when every signer has
          signed; until then I can revoke.
        </span>
      </label>
    </ActionForm>
  );
}

/** Revoke one's own signature before the last one, behind a disclosure and a ticked confirmation. */
export function RevokeWrittenConsentForm({ action, orgId, consentId, number }: { action: Action; orgId: string; consentId: string; number: number }) {
  return (
    <details className="text-sm">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-red-800">Revoke my signature…</summary>
      <ActionForm
        action={action}
        hidden={{ orgId, consentId }}
        submitLabel="Revoke my signature"
        pendingLabel="Revoking…"
        variant="secondary"
        label={`Revoke my signature on written consent #${number}`}
        className="mt-2"
      >
        <label className="flex items-start gap-3 text-sm text-zinc-800">
          <input type="checkbox" name="confirm" value="yes" required className={check} />
          <span>I withdraw my signature. The revocation is logged; I can sign again while it is open.</span>
        </label>
      </ActionForm>
    </details>
  );
}

/** Withdraw the whole consent (its opener or an admin). */
export function WithdrawWrittenConsentForm({ action, orgId, consentId, number }: { action: Action; orgId: string; consentId: string; number: number }) {
  return (
    <details className="text-sm">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-zinc-700">Withdraw this written consent…</summary>
      <ActionForm
        action={action}
        hidden={{ orgId, consentId }}
        submitLabel="Withdraw it"
        pendingLabel="Withdrawing…"
        variant="secondary"
        label={`Withdraw written consent #${number}`}
        className="mt-2"
      >
        <label className="flex items-start gap-3 text-sm text-zinc-800">
          <input type="checkbox" name="confirm" value="yes" required className={check} />
          <span>It never takes effect; every signer is told. The question can still go to a meeting or a proposal.</span>
        </label>
      </ActionForm>
    </details>
  );
}

/** Open a written consent: the body, a title and the resolution's text. */
export function OpenWrittenConsentForm({ action, orgId, bodies }: { action: Action; orgId: string; bodies: { key: string; name: string; filled: number }[] }) {
  return (
    <ActionForm action={action} hidden={{ orgId }} submitLabel="Open for signatures" pendingLabel="Opening…" label="Open a written consent">
      <div>
        <label htmlFor="consent-body-key" className="block text-sm font-medium text-zinc-900">
          Body
        </label>
        <select id="consent-body-key" name="bodyKey" required className={input} defaultValue={bodies[0]?.key}>
          {bodies.map((b) => (
            <option key={b.key} value={b.key}>
              {b.name} ({b.filled} seat holders must sign)
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="consent-title" className="block text-sm font-medium text-zinc-900">
          Title
        </label>
        <input id="consent-title" name="title" required minLength={5} maxLength={160} className={input} />
      </div>
      <div>
        <label htmlFor="consent-text" className="block text-sm font-medium text-zinc-900">
          Resolution text
        </label>
        <textarea id="consent-text" name="body" required minLength={20} rows={6} className={input} />
      </div>
    </ActionForm>
  );
}
