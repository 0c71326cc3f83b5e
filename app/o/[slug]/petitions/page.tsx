import type { Metadata } from 'next';
import { OrgNav } from '@/components/governance/org-nav';
import { OpenPetitionForm } from '@/components/petitions/petition-forms';
import { PetitionList } from '@/components/petitions/petition-list';
import { EmptyState } from '@/components/ui/empty-state';
import { LabelledSection } from '@/components/ui/labelled-section';
import { PageHeader } from '@/components/ui/page-header';
import { loadPetitionsPage } from '@/db/read/petitions';
import type { PetitionSummary } from '@/db/read/petitions';
import { loadOrgPage } from '@/lib/auth/org-page';
import { now } from '@/lib/clock';
import { openPetitionAction } from './actions';

export const metadata: Metadata = { title: 'Petitions' };

const groups: { id: string; title: string; kinds: PetitionSummary['phase']['kind'][]; empty: string }[] = [
  { id: 'overdue', title: 'Answer overdue', kinds: ['overdue'], empty: '' },
  { id: 'awaiting', title: 'Threshold reached: awaiting the answer', kinds: ['awaiting_answer'], empty: '' },
  { id: 'open', title: 'Open for signatures', kinds: ['open'], empty: 'No petition is open for signatures.' },
  { id: 'answered', title: 'Answered', kinds: ['answered'], empty: '' },
  { id: 'closed', title: 'Closed without reaching the threshold', kinds: ['closed'], empty: '' },
];

/** Every petition of the organization, the overdue first; public like the proposals. */
export default async function PetitionsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { org, user, membership } = await loadOrgPage(slug);
  const page = await loadPetitionsPage(org.id, user?.id ?? null, now());

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="petitions" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <PageHeader
        title="Petitions"
        description="Members petition a governing body. At the charter’s threshold the body must answer in public by a deadline; a missed deadline is shown here."
      />
      {page.rules ? (
        <p className="mb-6 max-w-3xl text-sm text-zinc-700">{page.rules}</p>
      ) : (
        <EmptyState title="No petitions in this charter.">The charter provides no petitions; a charter amendment can add them.</EmptyState>
      )}

      {page.petitions.length === 0 && page.rules ? <EmptyState title="No petitions yet.">Petitions and their answers appear here.</EmptyState> : null}
      <div className="space-y-8">
        {groups.map((g) => {
          const list = page.petitions.filter((p) => g.kinds.includes(p.phase.kind));
          if (list.length === 0) return null;
          return (
            <LabelledSection
              key={g.id}
              id={`petitions-${g.id}`}
              title={`${g.title} (${list.length})`}
              headingClassName={`mb-3 text-lg font-semibold ${g.id === 'overdue' ? 'text-red-800' : ''}`}
            >
              <PetitionList slug={org.slug} petitions={list} />
            </LabelledSection>
          );
        })}
      </div>

      {page.mayOpen && !org.archivedAt ? (
        <LabelledSection
          id="open-petition"
          title="Open a petition"
          className="mt-10 max-w-2xl rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6"
          headingClassName="mb-3 text-lg font-semibold"
        >
          <p className="mb-4 text-sm text-zinc-600">Opening a petition does not sign it: sign it on its page like everyone else.</p>
          <OpenPetitionForm action={openPetitionAction} orgId={org.id} group={page.viewerGroup} />
        </LabelledSection>
      ) : null}
    </div>
  );
}
