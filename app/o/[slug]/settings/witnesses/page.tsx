import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { loadWitnesses } from '@/db/read/member-pages';
import { MemberPageShell } from '@/components/governance/member-page-shell';
import { ActionForm } from '@/components/ui/action-form';
import { LabelledSection } from '@/components/ui/labelled-section';
import { loadMemberPage } from '@/lib/auth/member-page';
import { addWitnessAction, removeWitnessAction } from './actions';
import { ArchivedNote } from '@/components/organizations/archived-note';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('witnessesTitle') };
}

type Props = { params: Promise<{ slug: string }> };

/** Admins only: register and remove the independent witnesses that cosign this log's checkpoints. */
export default async function WitnessesPage({ params }: Props) {
  const { org } = await loadMemberPage(params, '/settings/witnesses', { adminOnly: true });
  const { active, witnessings } = await loadWitnesses(org.id);
  const t = await getTranslations('settings');
  // Archived: adding and removing are refused (lib/use-cases/witnesses.ts), so neither form is offered.
  const archived = org.archivedAt !== null;
  return (
    <MemberPageShell org={org} current="verify" title={t('witnessesTitle')} description={t('witnessesDescription')}>
      {archived ? <ArchivedNote className="mb-6">{t('witnessesArchived')}</ArchivedNote> : null}
      <LabelledSection
        id="current"
        title={t('currentWitnesses')}
        className="mb-8 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
        headingClassName="mb-3 text-lg font-semibold"
      >
        {active.length === 0 ? (
          <p className="text-sm text-zinc-600">{t('noWitnesses')}</p>
        ) : (
          <ul className="space-y-4 text-sm">
            {active.map((w) => {
              const seen = witnessings.find((x) => x.name === w.name);
              return (
                <li key={w.id} className="space-y-1">
                  <p className="font-medium">{w.name}</p>
                  <code className="block break-all text-xs text-zinc-700">{w.vkey}</code>
                  <p className="text-zinc-600">{seen?.size != null && seen.time ? t('lastCosigned', { size: seen.size, at: seen.time }) : t('notCosigned')}</p>
                  {archived ? null : (
                    <ActionForm
                      action={removeWitnessAction}
                      hidden={{ orgId: org.id, witnessId: w.id }}
                      submitLabel={t('removeWitness')}
                      variant="secondary"
                      label={t('removeWitnessLabel', { name: w.name })}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </LabelledSection>
      {archived ? null : (
        <LabelledSection
          id="add"
          title={t('addWitness')}
          className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
          headingClassName="mb-3 text-lg font-semibold"
        >
          <ActionForm action={addWitnessAction} hidden={{ orgId: org.id }} submitLabel={t('addWitnessSubmit')} label={t('addWitness')}>
            <label htmlFor="witness-key" className="block text-sm font-medium">
              {t('witnessKey')}
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
              {t.rich('witnessKeyHint', { code: (chunks) => <code>{chunks}</code> })}
            </p>
          </ActionForm>
        </LabelledSection>
      )}
    </MemberPageShell>
  );
}
