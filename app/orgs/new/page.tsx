import type { Metadata } from 'next';
import { CreateOrganizationForm } from '@/components/organizations/create-organization-form';
import type { TemplateOption } from '@/components/organizations/create-organization-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { charterTemplates } from '@/lib/governance/charter';
import { minimumSeats, SEATS_RANGE } from '@/lib/governance/charter-adjust';
import { minimumCount } from '@/lib/governance/tally';
import { charterTemplateKeys } from '@/lib/governance/templates';
import type { CharterTemplateKey } from '@/lib/governance/templates';

export const metadata: Metadata = { title: 'Create an organization' };

/** The template checked when nothing else is asked for. */
const DEFAULT_TEMPLATE: CharterTemplateKey = 'nonprofit_board';

type Props = { searchParams: Promise<{ template?: string | string[] }> };

function option(key: CharterTemplateKey): TemplateOption {
  const t = charterTemplates[key];
  const primary = t.charter.bodies[0]!;
  const others = t.charter.bodies.slice(1).map((b) => `${b.name.toLowerCase()} of ${b.charterSeats}`);
  // The quorum of the first decision type the primary body takes, as a count of its seats.
  const ordinary = t.charter.proposalTypes.find((p) => p.stages[0]?.bodyKey === primary.key && !p.critical);
  const quorum = ordinary ? ` · quorum ${minimumCount(primary.charterSeats, ordinary.stages[0]!.quorum)} of ${primary.charterSeats}` : '';
  return {
    key,
    name: t.name,
    description: t.description,
    summary: `${primary.name}: ${primary.charterSeats} seats${quorum}${others.length ? ` · also a ${others.join(', ')}` : ''}`,
    primaryBodyName: primary.name,
    primarySeats: primary.charterSeats,
    minimumSeats: minimumSeats(primary),
    maximumSeats: SEATS_RANGE.max,
    vacancyDeadlineDays: primary.vacancyDeadlineDays,
    charter: t.charter,
  };
}

export default async function NewOrganizationPage({ searchParams }: Props) {
  await requireUser('/orgs/new');
  const asked = (await searchParams).template;
  const initialTemplate = charterTemplateKeys.find((k) => k === asked) ?? DEFAULT_TEMPLATE;
  const templates = charterTemplateKeys.map(option);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="Create an organization"
        description="You become its first admin. Transparency is on: the organization’s public page is readable by anyone."
      />
      <div className="rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-6">
        <CreateOrganizationForm templates={templates} initialTemplate={initialTemplate} />
      </div>
    </div>
  );
}
