import type { Metadata } from 'next';
import { CreateOrganizationForm } from '@/components/organizations/create-organization-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { charterTemplates } from '@/lib/governance/charter';

export const metadata: Metadata = { title: 'Create an organization' };

export default async function NewOrganizationPage() {
  await requireUser('/orgs/new');
  const templates = Object.values(charterTemplates).map((t) => ({
    key: t.key,
    name: t.name,
    description: t.description,
    primaryBodyName: t.charter.bodies[0]?.name ?? 'Main body',
    primarySeats: t.charter.bodies[0]?.charterSeats ?? 0,
    vacancyDeadlineDays: t.charter.bodies[0]?.vacancyDeadlineDays ?? 0,
  }));
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader
        title="Create an organization"
        description="You become its first admin. Transparency is on: the organization’s public page is readable by anyone."
      />
      <div className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
        <CreateOrganizationForm templates={templates} />
      </div>
    </div>
  );
}
