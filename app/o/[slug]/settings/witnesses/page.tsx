import type { Metadata } from 'next';
import { loadWitnesses } from '@/db/read/member-pages';
import { MemberPageShell } from '@/components/governance/member-page-shell';
import { ActionForm } from '@/components/ui/action-form';
import { LabelledSection } from '@/components/ui/labelled-section';
import { loadMemberPage } from '@/lib/auth/member-page';
import { addWitnessAction, removeWitnessAction } from './actions';

export const metadata: Metadata = { title: 'Witnesses' };

type Props = { params: Promise<{ slug: string }> };

/** Admins only: register and remove the independent witnesses that cosign this log's checkpoints. */
export default async function WitnessesPage({ params }: Props) {
  const { org } = await loadMemberPage(params, '/settings/witnesses', { adminOnly: true });
  const { active, witnessings } = await loadWitnesses(org.id);
  return (
    <MemberPageShell
      org={org}
      current="verify"
      title="Witnesses"
      description="A witness is someone outside this organization who runs the witness script: it checks that each new checkpoint extends the last one it saw, and only then cosigns. Readers who trust a witness are protected from a log rewritten for them alone."
    >
      <LabelledSection
        id="current"
        title="Current witnesses"
        className="mb-8 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
        headingClassName="mb-3 text-lg font-semibold"
      >
        {active.length === 0 ? (
          <p className="text-sm text-zinc-600">No witnesses yet.</p>
        ) : (
          <ul className="space-y-4 text-sm">
            {active.map((w) => {
              const seen = witnessings.find((x) => x.name === w.name);
              return (
                <li key={w.id} className="space-y-1">
                  <p className="font-medium">{w.name}</p>
                  <code className="block break-all text-xs text-zinc-700">{w.vkey}</code>
                  <p className="text-zinc-600">
                    {seen?.size != null && seen.time
                      ? `Last cosigned size ${seen.size}, ${seen.time.toISOString().replace('T', ' ').slice(0, 16)} UTC.`
                      : 'Has not cosigned yet.'}
                  </p>
                  <ActionForm
                    action={removeWitnessAction}
                    hidden={{ orgId: org.id, witnessId: w.id }}
                    submitLabel="Remove this witness"
                    variant="secondary"
                    label={`Remove witness ${w.name}`}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </LabelledSection>
      <LabelledSection
        id="add"
        title="Add a witness"
        className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
        headingClassName="mb-3 text-lg font-semibold"
      >
        <ActionForm action={addWitnessAction} hidden={{ orgId: org.id }} submitLabel="Add witness" label="Add a witness">
          <label htmlFor="witness-key" className="block text-sm font-medium">
            The witness&rsquo;s key
          </label>
          <input
            id="witness-key"
            name="verifierKey"
            required
            maxLength={400}
            className="block w-full rounded-lg border border-zinc-300 px-3 py-2 font-mono text-xs"
            aria-describedby="witness-key-hint"
          />
          <p id="witness-key-hint" className="text-xs text-zinc-600">
            The line <code>npm run witness -- --key FILE --name NAME</code> prints as &ldquo;witness key&rdquo;. Adding and removing witnesses is recorded in
            the decision log.
          </p>
        </ActionForm>
      </LabelledSection>
    </MemberPageShell>
  );
}
